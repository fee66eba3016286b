//! `stake`, `unstake`, `rebond`, `withdraw_unbonded`.

use super::mock::*;
use crate::{Error, Event, TotalStaked, UnbondingChunk};
use fluxomics_primitives::UNIT;
use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo};

fn chunks(who: AccountId) -> Vec<(u128, u64)> {
	Flux::account(&who).unbonding.iter().map(|c| (c.amount, c.thaw_at)).collect()
}

#[test]
fn stake_moves_free_to_staked_and_tells_the_observer_first() {
	run_test(|| {
		let total = TotalStaked::<Test>::get();
		assert_ok!(Flux::stake(RuntimeOrigin::signed(ALICE), 30 * UNIT));
		let a = Flux::account(&ALICE);
		assert_eq!((a.free, a.staked), (70 * UNIT, 80 * UNIT));
		assert_eq!(TotalStaked::<Test>::get(), total + 30 * UNIT);
		// The observer saw the old stake.
		assert_eq!(observed(), vec![(ALICE, 50 * UNIT)]);
		assert_eq!(last_event(), Event::Staked { who: ALICE, amount: 30 * UNIT });
	});
}

#[test]
fn stake_refuses_bad_amounts() {
	run_test(|| {
		assert_noop!(Flux::stake(RuntimeOrigin::signed(ALICE), 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Flux::stake(RuntimeOrigin::signed(ALICE), 101 * UNIT),
			Error::<Test>::InsufficientFree
		);
		// Bob has no stake: 5 Flux would be below the 10 Flux minimum.
		assert_noop!(
			Flux::stake(RuntimeOrigin::signed(BOB), 5 * UNIT),
			Error::<Test>::BelowMinimumStake
		);
		assert_noop!(
			Flux::stake(RuntimeOrigin::signed(NOBODY), UNIT),
			Error::<Test>::InsufficientFree
		);
		assert!(observed().is_empty());
	});
}

#[test]
fn unstake_starts_a_chunk_that_thaws_after_the_period() {
	run_test(|| {
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(ALICE), 20 * UNIT));
		let a = Flux::account(&ALICE);
		assert_eq!(a.staked, 30 * UNIT);
		assert_eq!(chunks(ALICE), vec![(20 * UNIT, START + UNBONDING)]);
		assert_eq!(
			last_event(),
			Event::Unstaked { who: ALICE, amount: 20 * UNIT, thaw_at: START + UNBONDING }
		);
		assert_eq!(observed(), vec![(ALICE, 50 * UNIT)]);
	});
}

#[test]
fn chunks_thawing_at_the_same_time_merge() {
	run_test(|| {
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(ALICE), 5 * UNIT));
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(ALICE), 5 * UNIT));
		assert_eq!(chunks(ALICE), vec![(10 * UNIT, START + UNBONDING)]);
		advance(1);
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(ALICE), 5 * UNIT));
		assert_eq!(
			chunks(ALICE),
			vec![(10 * UNIT, START + UNBONDING), (5 * UNIT, START + UNBONDING + 1)]
		);
	});
}

#[test]
fn unstake_refuses_bad_amounts() {
	run_test(|| {
		assert_noop!(Flux::unstake(RuntimeOrigin::signed(ALICE), 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Flux::unstake(RuntimeOrigin::signed(ALICE), 51 * UNIT),
			Error::<Test>::InsufficientStake
		);
		// 45 of 50 would leave 5, below the 10 minimum (all 50 is fine).
		assert_noop!(
			Flux::unstake(RuntimeOrigin::signed(ALICE), 45 * UNIT),
			Error::<Test>::BelowMinimumStake
		);
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(ALICE), 50 * UNIT));
	});
}

#[test]
fn unstake_refuses_to_touch_committed_stake() {
	run_test(|| {
		set_committed(ALICE, 40 * UNIT);
		assert_noop!(
			Flux::unstake(RuntimeOrigin::signed(ALICE), 11 * UNIT),
			Error::<Test>::StakeCommitted
		);
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(ALICE), 10 * UNIT));
	});
}

#[test]
fn unstake_refuses_a_chunk_past_the_maximum() {
	run_test(|| {
		for _ in 0..4 {
			assert_ok!(Flux::unstake(RuntimeOrigin::signed(ALICE), UNIT));
			advance(1);
		}
		assert_noop!(
			Flux::unstake(RuntimeOrigin::signed(ALICE), UNIT),
			Error::<Test>::TooManyUnbondingChunks
		);
	});
}

#[test]
fn rebond_takes_newest_chunks_first() {
	run_test(|| {
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(ALICE), 10 * UNIT));
		advance(1);
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(ALICE), 10 * UNIT));
		assert_ok!(Flux::rebond(RuntimeOrigin::signed(ALICE), 15 * UNIT));
		assert_eq!(chunks(ALICE), vec![(5 * UNIT, START + UNBONDING)]);
		assert_eq!(Flux::account(&ALICE).staked, 45 * UNIT);
		assert_eq!(last_event(), Event::Rebonded { who: ALICE, amount: 15 * UNIT });
	});
}

#[test]
fn rebond_refuses_bad_amounts() {
	run_test(|| {
		assert_noop!(Flux::rebond(RuntimeOrigin::signed(ALICE), 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Flux::rebond(RuntimeOrigin::signed(ALICE), UNIT),
			Error::<Test>::InsufficientUnbonding
		);
		// Charlie unstakes everything, then rebonding 1 would stake less than the minimum.
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(CHARLIE), 30 * UNIT));
		assert_noop!(
			Flux::rebond(RuntimeOrigin::signed(CHARLIE), UNIT),
			Error::<Test>::BelowMinimumStake
		);
	});
}

#[test]
fn withdraw_takes_only_thawed_chunks() {
	run_test(|| {
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(ALICE), 10 * UNIT));
		advance(DAY);
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(ALICE), 5 * UNIT));
		assert_noop!(
			Flux::withdraw_unbonded(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::NothingToWithdraw
		);
		advance(UNBONDING - DAY);
		assert_ok!(Flux::withdraw_unbonded(RuntimeOrigin::signed(ALICE)));
		let a = Flux::account(&ALICE);
		assert_eq!(a.free, 110 * UNIT);
		assert_eq!(
			a.unbonding.into_inner(),
			vec![UnbondingChunk { amount: 5 * UNIT, thaw_at: START + DAY + UNBONDING }]
		);
		assert_eq!(last_event(), Event::Withdrawn { who: ALICE, amount: 10 * UNIT });
	});
}

#[test]
fn withdraw_with_nothing_unbonding_fails() {
	run_test(|| {
		assert_noop!(
			Flux::withdraw_unbonded(RuntimeOrigin::signed(BOB)),
			Error::<Test>::NothingToWithdraw
		);
		assert_noop!(
			Flux::withdraw_unbonded(RuntimeOrigin::signed(NOBODY)),
			Error::<Test>::NothingToWithdraw
		);
	});
}

#[test]
fn a_full_cycle_returns_every_unit() {
	run_test(|| {
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(CHARLIE), 30 * UNIT));
		advance(UNBONDING);
		assert_ok!(Flux::withdraw_unbonded(RuntimeOrigin::signed(CHARLIE)));
		let c = Flux::account(&CHARLIE);
		assert_eq!((c.free, c.staked, c.unbonding.len()), (30 * UNIT, 0, 0));
	});
}

#[test]
fn stake_changes_charge_what_the_observer_actually_spent() {
	use crate::weights::WeightInfo;
	use frame_support::weights::Weight;
	run_test(|| {
		// The mock observer reports 400 ps; the declared weight assumes its worst case (1 000).
		let observed = Weight::from_parts(400, 0);
		let info = Flux::stake(RuntimeOrigin::signed(ALICE), 10 * UNIT).unwrap();
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::stake() + observed));
		let info = Flux::unstake(RuntimeOrigin::signed(ALICE), 10 * UNIT).unwrap();
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::unstake() + observed));
		let info = Flux::rebond(RuntimeOrigin::signed(ALICE), 10 * UNIT).unwrap();
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::rebond() + observed));
		let declared = crate::Call::<Test>::stake { amount: UNIT }.get_dispatch_info().call_weight;
		assert_eq!(declared, <() as WeightInfo>::stake() + Weight::from_parts(1_000, 0));
	});
}
