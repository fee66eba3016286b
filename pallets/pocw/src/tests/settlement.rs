//! Settlement on quorum: the score, the reward and its split, the Power it adds, verifiers'
//! rewards, slashing on rejection, and the period budget.

use super::mock::*;
use crate::{pallet::*, Error, Event};
use fluxomics_primitives::{TaskClass, UNIT};
use frame_support::{assert_noop, assert_ok};
use sp_arithmetic::FixedU128;

fn attest(v: AccountId, task: u64, valid: bool, work: u64) {
	assert_ok!(Pocw::attest(RuntimeOrigin::signed(v), task, valid, work));
}

fn issuance() -> u128 {
	pallet_flux::TotalIssuance::<Test>::get()
}

#[test]
fn a_valid_result_pays_the_worker_free_staked_and_sink_flux_and_raises_its_power() {
	ExtBuilder::build_and_execute(|| {
		let task = submitted_task(100 * UNIT);
		assert_eq!(flux(BOB), (0, 100 * UNIT, 100 * UNIT));
		assert_eq!(exec_rate(BOB), 100 * 86_400);
		let (sink_before, issuance_before) = (sink(), issuance());
		attest(CHARLIE, task, true, 800);
		attest(DAVE, task, true, 1_000);
		// Two valid measures so far, 800 and 1 000: the lower median, 800, gives 0.8 · 0.75 · 1.
		assert_eq!(Pocw::estimate(task), Some((FixedU128::from_rational(6, 10), 60 * UNIT)));
		attest(EVE, task, true, 900);
		// Verified work 900 of 1 000; risk 100 / (100 + 100) = 1/2, so 0.75; efficiency
		// 20 000 / 10 000 = 2, the cap, so 1: score 0.675, reward 67.5 Flux.
		assert_eq!(
			last_event(),
			Event::TaskSettled {
				task,
				worker: BOB,
				score: FixedU128::from_rational(675, 1_000),
				verified_work: 900,
				reward: 67_500_000_000_000,
				free: 33_750_000_000_000,
				staked: 27 * UNIT,
				sink: 6_750_000_000_000,
				rewarded: vec![CHARLIE, DAVE, EVE],
				unrewarded: vec![],
			}
		);
		// The collateral back and λ1 free; λ2 staked; λ3 in the sink.
		assert_eq!(flux(BOB), (133_750_000_000_000, 127 * UNIT, 0));
		assert_eq!(sink(), sink_before + 6_750_000_000_000);
		// The auto-staked 27 Flux generate at once: 127 Flux · 86 400 PU a day.
		assert_eq!(exec_rate(BOB), 127 * 86_400);
		for v in [CHARLIE, DAVE, EVE] {
			assert_eq!(flux(v), (901 * UNIT, 0, 100 * UNIT));
		}
		assert_eq!(issuance(), issuance_before + 67_500_000_000_000 + 3 * UNIT);
		assert_eq!(EmittedThisPeriod::<Test>::get(), 70_500_000_000_000);
		assert_eq!(TotalCollateral::<Test>::get(), 0);
		assert!(Tasks::<Test>::get(task).is_none());
		assert!(Expiries::<Test>::iter().next().is_none());
		// Settling twice is impossible: the task is gone.
		assert_ok!(Pocw::register_verifier(RuntimeOrigin::signed(FERDIE), 100 * UNIT));
		assert_noop!(
			Pocw::attest(RuntimeOrigin::signed(FERDIE), task, true, 900),
			Error::<Test>::UnknownTask
		);
		assert_noop!(
			Pocw::expire_task(RuntimeOrigin::signed(FERDIE), task),
			Error::<Test>::UnknownTask
		);
		assert_eq!(Pocw::estimate(task), None);
	});
}

#[test]
fn verifiers_against_a_valid_outcome_get_nothing_and_their_measure_does_not_count() {
	ExtBuilder::build_and_execute(|| {
		let task = submitted_task(100 * UNIT);
		attest(CHARLIE, task, true, 900);
		attest(DAVE, task, false, 1_000);
		attest(EVE, task, true, 700);
		// Lower median of 700 and 900: 0.7 · 0.75 = 0.525.
		assert_eq!(
			last_event(),
			Event::TaskSettled {
				task,
				worker: BOB,
				score: FixedU128::from_rational(525, 1_000),
				verified_work: 700,
				reward: 52_500_000_000_000,
				free: 26_250_000_000_000,
				staked: 21 * UNIT,
				sink: 5_250_000_000_000,
				rewarded: vec![CHARLIE, EVE],
				unrewarded: vec![DAVE],
			}
		);
		assert_eq!(flux(DAVE), (900 * UNIT, 0, 100 * UNIT));
		assert_eq!(flux(EVE), (901 * UNIT, 0, 100 * UNIT));
	});
}

#[test]
fn a_generous_budget_scores_better_only_up_to_the_efficiency_cap() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		let task = crate::NextTaskId::<Test>::get();
		// Budget 15 000 for a cost of 10 000: efficiency 1.5 of a cap of 2, so 0.75, and
		// (1 + 0.75) / 2 = 0.875. A Standard task weighs 50 %.
		assert_ok!(Pocw::post_task(
			RuntimeOrigin::signed(ALICE),
			hash(1),
			15_000,
			TaskClass::Standard,
			1,
			now() + HOUR
		));
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), task, 100 * UNIT));
		advance(2 * MINUTE);
		assert_ok!(Pocw::submit_result(
			RuntimeOrigin::signed(BOB),
			task,
			hash(2),
			usage(9_000, 0, 0)
		));
		attest(CHARLIE, task, true, 900);
		// 0.9 · 0.75 · 0.875 · 0.5 = 0.2953125.
		let Event::TaskSettled { score, reward, free, staked, sink, .. } = last_event() else {
			panic!("settled")
		};
		assert_eq!(score, FixedU128::from_rational(2_953_125, 10_000_000));
		assert_eq!(
			(reward, free, staked, sink),
			(29_531_250_000_000, 14_765_625_000_000, 11_812_500_000_000, 2_953_125_000_000)
		);
	});
}

#[test]
fn a_rejected_result_slashes_the_collateral_to_the_verifiers_who_found_it_invalid() {
	ExtBuilder::build_and_execute(|| {
		let task = submitted_task(100 * UNIT);
		let issuance_before = issuance();
		attest(CHARLIE, task, false, 0);
		attest(DAVE, task, true, 900);
		attest(EVE, task, false, 0);
		assert_eq!(
			last_event(),
			Event::TaskRejected {
				task,
				worker: BOB,
				slashed: 100 * UNIT,
				to_each: 25 * UNIT,
				burned: 50 * UNIT,
				rewarded: vec![CHARLIE, EVE],
				unrewarded: vec![DAVE],
			}
		);
		assert_eq!(flux(BOB), (0, 100 * UNIT, 0));
		assert_eq!(exec_rate(BOB), 100 * 86_400);
		assert_eq!(flux(CHARLIE), (926 * UNIT, 0, 100 * UNIT));
		assert_eq!(flux(EVE), (926 * UNIT, 0, 100 * UNIT));
		assert_eq!(flux(DAVE), (900 * UNIT, 0, 100 * UNIT));
		assert_eq!(issuance(), issuance_before - 50 * UNIT + 2 * UNIT);
		assert_eq!(TotalCollateral::<Test>::get(), 0);
		assert!(Tasks::<Test>::get(task).is_none());
	});
}

#[test]
fn a_tie_rejects_and_an_uneven_share_leaves_its_remainder_burned() {
	ExtBuilder::build_and_execute(|| {
		let task = submitted_task(10 * UNIT);
		attest(CHARLIE, task, false, 0);
		attest(DAVE, task, false, 0);
		attest(EVE, task, false, 0);
		// Half of 10 Flux among three: 1.666… each, two planck and the other half burned.
		assert_eq!(
			last_event(),
			Event::TaskRejected {
				task,
				worker: BOB,
				slashed: 10 * UNIT,
				to_each: 1_666_666_666_666,
				burned: 5 * UNIT + 2,
				rewarded: vec![CHARLIE, DAVE, EVE],
				unrewarded: vec![],
			}
		);
		assert_eq!(flux(BOB), (90 * UNIT, 100 * UNIT, 0));

		// Quorum 2, one each way: a tie rejects.
		let tie = crate::NextTaskId::<Test>::get();
		assert_ok!(Pocw::post_task(
			RuntimeOrigin::signed(ALICE),
			hash(1),
			20_000,
			TaskClass::Heavy,
			2,
			now() + HOUR
		));
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), tie, 10 * UNIT));
		assert_ok!(Pocw::submit_result(RuntimeOrigin::signed(BOB), tie, hash(2), usage(0, 0, 0)));
		attest(CHARLIE, tie, true, 1_000);
		attest(DAVE, tie, false, 0);
		let Event::TaskRejected { to_each, burned, rewarded, unrewarded, .. } = last_event() else {
			panic!("rejected")
		};
		assert_eq!((to_each, burned), (5 * UNIT, 5 * UNIT));
		assert_eq!((rewarded, unrewarded), (vec![DAVE], vec![CHARLIE]));
		assert_eq!(flux(BOB), (80 * UNIT, 100 * UNIT, 0));
	});
}

#[test]
fn rewards_stay_within_the_period_budget_which_renews_each_period() {
	ExtBuilder::build_and_execute(|| {
		let mut p = Params::<Test>::get();
		p.reward_budget = 100 * UNIT;
		assert_ok!(Pocw::set_params(RuntimeOrigin::root(), p));
		let first = submitted_task(100 * UNIT);
		for v in [CHARLIE, DAVE, EVE] {
			attest(v, first, true, 900);
		}
		assert_eq!(EmittedThisPeriod::<Test>::get(), 70_500_000_000_000);
		// A second task in the same period: 29.5 Flux left for a 67.5 reward, none for verifiers.
		let second = post(20_000, 3);
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), second, 100 * UNIT));
		assert_ok!(Pocw::submit_result(
			RuntimeOrigin::signed(BOB),
			second,
			hash(2),
			usage(9_000, 0, 0)
		));
		assert_eq!(Pocw::estimate(second), Some((FixedU128::from_inner(0), 0)));
		for v in [CHARLIE, DAVE] {
			attest(v, second, true, 900);
		}
		assert_eq!(
			Pocw::estimate(second),
			Some((FixedU128::from_rational(675, 1_000), 29_500_000_000_000))
		);
		attest(EVE, second, true, 900);
		let Event::TaskSettled { reward, .. } = last_event() else { panic!("settled") };
		assert_eq!(reward, 29_500_000_000_000);
		assert_eq!(EmittedThisPeriod::<Test>::get(), 100 * UNIT);
		assert_eq!(flux(CHARLIE), (901 * UNIT, 0, 100 * UNIT));
		// The next period starts afresh (lazily, at the next settlement).
		let start = PeriodStart::<Test>::get();
		assert_eq!(start, START / DAY * DAY);
		advance(DAY);
		let third = post(20_000, 3);
		assert_eq!(Pocw::estimate(third), None);
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), third, 100 * UNIT));
		assert_ok!(Pocw::submit_result(
			RuntimeOrigin::signed(BOB),
			third,
			hash(3),
			usage(9_000, 0, 0)
		));
		for v in [CHARLIE, DAVE, EVE] {
			attest(v, third, true, 900);
		}
		let Event::TaskSettled { reward, .. } = last_event() else { panic!("settled") };
		assert_eq!(reward, 67_500_000_000_000);
		assert_eq!(PeriodStart::<Test>::get(), start + DAY);
		assert_eq!(EmittedThisPeriod::<Test>::get(), 70_500_000_000_000);
	});
}

#[test]
fn lambda3_may_be_burned_instead_of_sent_to_the_sink() {
	ExtBuilder::build_and_execute(|| {
		let mut p = Params::<Test>::get();
		p.lambda3_to_sink = false;
		assert_ok!(Pocw::set_params(RuntimeOrigin::root(), p));
		let task = submitted_task(100 * UNIT);
		let (sink_before, issuance_before) = (sink(), issuance());
		for v in [CHARLIE, DAVE, EVE] {
			attest(v, task, true, 900);
		}
		assert_eq!(sink(), sink_before);
		// Only λ1 and λ2 of the 67.5 Flux, and the verifiers' 3, are minted.
		assert_eq!(issuance(), issuance_before + 60_750_000_000_000 + 3 * UNIT);
		assert_eq!(flux(BOB), (133_750_000_000_000, 127 * UNIT, 0));
	});
}
