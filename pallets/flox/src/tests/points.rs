//! Points: `rank · ratio` credited to a non-transferable ledger, never more than an epoch's
//! budgets; boosts grow with stake, capped, times the tier.

use super::mock::*;
use crate::{math::points, pallet::*, Event};
use fluxomics_primitives::UNIT;
use sp_arithmetic::FixedU128;

const ONE_BOOST: u128 = 1_000_000_000_000_000_000;

#[test]
fn points_are_rank_times_ratio() {
	assert_eq!(points(flox_rank::ONE, 1_000), 1_000);
	assert_eq!(points(flox_rank::ONE / 2, 1_000), 500);
	assert_eq!(points(flox_rank::ONE / 3, 1_000), 333);
	assert_eq!(points(0, 1_000), 0);
	assert_eq!(points(flox_rank::ONE, u128::MAX), u128::MAX);
}

#[test]
fn every_account_is_credited_its_ranks_times_the_ratios() {
	ExtBuilder::build_and_execute(|| {
		set_stake(11, 2_000 * UNIT);
		random_traffic(100, 16, 3);
		end_epoch();
		// Read the epoch's data at the block that announces its ranking.
		let (edges, boosts, params) = loop {
			next_block();
			idle(whole_block());
			if events().iter().any(|e| matches!(e, Event::EpochRanked { .. })) {
				break (Flox::edges(0), Flox::boosts(0).unwrap(), Flox::rank_params(0).unwrap());
			}
		};
		let ranking = off_chain_ranking(&edges, &boosts, params);
		let p = test_params();
		let mut targets: Vec<AccountId> = Vec::new();
		let mut callers: Vec<AccountId> = Vec::new();
		for &(t, c, _) in &edges {
			if !targets.contains(&t) {
				targets.push(t);
			}
			if !callers.contains(&c) {
				callers.push(c);
			}
		}
		let mut total = 0;
		for who in 10..26u64 {
			let t = targets.iter().position(|&x| x == who).map_or(0, |i| ranking.targets[i]);
			let c = callers.iter().position(|&x| x == who).map_or(0, |i| ranking.callers[i]);
			let expected = points(t, p.contracts_ratio) + points(c, p.eoas_ratio);
			let r = Flox::ranks_of(&who);
			assert_eq!((r.target_rank, r.caller_rank, r.points), (t, c, expected), "account {who}");
			assert_eq!(r.epoch, Some(0));
			total += expected;
		}
		let credited = Credited::<Test>::get(0);
		assert_eq!(credited.to_targets + credited.to_callers, total);
		assert_eq!(credited.budget, p.contracts_ratio + p.eoas_ratio);
		assert!(credited.to_targets <= p.contracts_ratio && credited.to_callers <= p.eoas_ratio);
		// Rounding down loses at most a point an account.
		assert!(total + 32 >= credited.budget, "{total} of {}", credited.budget);
		assert!(matches!(last_event(), Event::EpochRanked { points, .. } if points == total));
		// An account that took part in no edge has nothing.
		assert_eq!(Flox::ranks_of(&ALICE), Default::default());
	});
}

#[test]
fn points_accumulate_over_epochs_within_each_budget() {
	ExtBuilder::build_and_execute(|| {
		record(ALICE, BOB, 10);
		end_epoch();
		run_ranking(whole_block());
		// One edge: each side has rank 1 and earns its whole ratio.
		let p = test_params();
		assert_eq!(Points::<Test>::get(BOB), p.contracts_ratio);
		assert_eq!(Points::<Test>::get(ALICE), p.eoas_ratio);
		let before = [Points::<Test>::get(ALICE), Points::<Test>::get(BOB)];
		record(ALICE, BOB, 10);
		record(BOB, ALICE, 10);
		end_epoch();
		run_ranking(whole_block());
		// Two targets and two callers of rank ½ each (rounded down): half of each ratio.
		let r = Flox::ranks_of(&ALICE);
		assert_eq!(r.epoch, Some(1));
		assert!(flox_rank::ONE / 2 - r.target_rank <= 1 && flox_rank::ONE / 2 - r.caller_rank <= 1);
		let second = p.contracts_ratio / 2 + p.eoas_ratio / 2;
		for (who, before) in [ALICE, BOB].into_iter().zip(before) {
			let got = Points::<Test>::get(who) - before;
			assert!(got <= second && got + 2 >= second, "{got}");
		}
		for e in [0, 1] {
			let c = Credited::<Test>::get(e);
			assert!(c.to_targets + c.to_callers <= c.budget);
		}
	});
}

#[test]
fn boost_grows_with_stake_up_to_the_cap_times_the_tier() {
	ExtBuilder::build_and_execute(|| {
		let p = test_params(); // 1 000 Flux a unit, cap 10
		assert_eq!(Flox::boost(&ALICE, &p), ONE_BOOST);
		set_stake(ALICE, 500 * UNIT);
		assert_eq!(Flox::boost(&ALICE, &p), ONE_BOOST * 3 / 2);
		set_stake(ALICE, 1_000 * UNIT);
		assert_eq!(Flox::boost(&ALICE, &p), 2 * ONE_BOOST);
		set_stake(ALICE, 9_000 * UNIT);
		assert_eq!(Flox::boost(&ALICE, &p), 10 * ONE_BOOST);
		set_stake(ALICE, 1_000_000 * UNIT);
		assert_eq!(Flox::boost(&ALICE, &p), 10 * ONE_BOOST);
		set_stake(ALICE, u128::MAX);
		assert_eq!(Flox::boost(&ALICE, &p), 10 * ONE_BOOST);
		// Times the tier.
		set_stake(ALICE, 1_000 * UNIT);
		assert!(
			Flox::set_tier(RuntimeOrigin::root(), ALICE, FixedU128::from_rational(1, 2)).is_ok()
		);
		assert_eq!(Flox::boost(&ALICE, &p), ONE_BOOST);
		assert!(Flox::set_tier(RuntimeOrigin::root(), ALICE, FixedU128::from_u32(3)).is_ok());
		assert_eq!(Flox::boost(&ALICE, &p), 6 * ONE_BOOST);
		assert!(Flox::set_tier(RuntimeOrigin::root(), ALICE, FixedU128::from_u32(0)).is_ok());
		assert_eq!(Flox::boost(&ALICE, &p), 0);
	});
}

#[test]
fn a_higher_boost_raises_the_rank_of_whom_it_pays() {
	// Two targets paid the same by two callers; the staked caller's target ranks higher.
	let target_ranks = |stake: u128| {
		let mut out = (0, 0);
		ExtBuilder::build_and_execute(|| {
			set_stake(ALICE, stake);
			record(ALICE, BOB, 100);
			record(CHARLIE, DAVE, 100);
			end_epoch();
			run_ranking(whole_block());
			out = (Flox::ranks_of(&BOB).target_rank, Flox::ranks_of(&DAVE).target_rank);
		});
		out
	};
	let (bob, dave) = target_ranks(0);
	assert_eq!(bob, dave);
	let (bob, dave) = target_ranks(5_000 * UNIT);
	assert!(bob > dave, "{bob} vs {dave}");
}
