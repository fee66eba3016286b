//! Posting, claiming and submitting, and every way each can be refused.

use super::mock::*;
use crate::{pallet::*, Error, Event, TaskResult};
use fluxomics_primitives::{FluxLedger, TaskClass, TaskInfo, TaskStatus, UNIT};
use frame_support::{assert_noop, assert_ok};

fn post_with(quorum: u32, deadline: u64, budget: u128) -> sp_runtime::DispatchResult {
	Pocw::post_task(
		RuntimeOrigin::signed(ALICE),
		hash(1),
		budget,
		TaskClass::Standard,
		quorum,
		deadline,
	)
}

#[test]
fn posting_records_the_task_and_its_deadline() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		let deadline = now() + HOUR;
		assert_ok!(post_with(2, deadline, 5_000));
		assert_eq!(
			last_event(),
			Event::TaskPosted {
				task: 0,
				requester: ALICE,
				spec_hash: hash(1),
				budget: 5_000,
				class: TaskClass::Standard,
				quorum: 2,
				deadline,
			}
		);
		assert_eq!(NextTaskId::<Test>::get(), 1);
		assert_eq!(Expiries::<Test>::get(deadline / MINUTE).into_inner(), vec![0]);
		assert_eq!(
			Pocw::task_info(0),
			Some(TaskInfo {
				id: 0,
				requester: ALICE,
				spec_hash: hash(1),
				budget: 5_000,
				class: TaskClass::Standard,
				quorum: 2,
				deadline,
				status: TaskStatus::Open,
				worker: None,
				collateral: 0,
				result_hash: None,
				exec_cost: None,
				valid_attestations: 0,
				invalid_attestations: 0,
			})
		);
		// Posting costs the requester nothing but its transaction.
		assert_eq!(flux(ALICE), (100 * UNIT, 0, 0));
		assert_eq!(Pocw::estimate(0), None);
		assert_eq!(Pocw::task_info(1), None);
	});
}

#[test]
fn posting_checks_budget_quorum_and_deadline() {
	ExtBuilder::build_and_execute(|| {
		let deadline = now() + HOUR;
		assert_noop!(post_with(1, deadline, 5_000), Error::<Test>::NotEnoughVerifiers);
		register_verifiers();
		assert_noop!(post_with(1, deadline, 0), Error::<Test>::ZeroBudget);
		assert_noop!(post_with(0, deadline, 5_000), Error::<Test>::InvalidQuorum);
		assert_noop!(post_with(4, deadline, 5_000), Error::<Test>::InvalidQuorum);
		assert_noop!(post_with(1, now(), 5_000), Error::<Test>::DeadlineInPast);
		assert_noop!(post_with(1, now() + 7 * DAY + 1, 5_000), Error::<Test>::DeadlineTooFar);
		assert_ok!(post_with(1, now() + 7 * DAY, 5_000));
		// Three deadlines in a bucket at most.
		for _ in 0..3 {
			assert_ok!(post_with(1, deadline, 5_000));
		}
		assert_noop!(post_with(1, deadline, 5_000), Error::<Test>::ExpiryBucketFull);
	});
}

#[test]
fn claiming_holds_the_collateral() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		let task = post(20_000, 3);
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), task, 30 * UNIT));
		assert_eq!(flux(BOB), (70 * UNIT, 100 * UNIT, 30 * UNIT));
		assert_eq!(TotalCollateral::<Test>::get(), 30 * UNIT);
		assert_eq!(last_event(), Event::TaskClaimed { task, worker: BOB, collateral: 30 * UNIT });
		assert_eq!(Pocw::task_info(task).unwrap().status, TaskStatus::Claimed);
	});
}

#[test]
fn claiming_is_refused_for_own_taken_expired_or_underfunded_tasks() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		let task = post(20_000, 3);
		assert_noop!(
			Pocw::claim_task(RuntimeOrigin::signed(BOB), 9, 10 * UNIT),
			Error::<Test>::UnknownTask
		);
		assert_noop!(
			Pocw::claim_task(RuntimeOrigin::signed(ALICE), task, 10 * UNIT),
			Error::<Test>::OwnTask
		);
		assert_noop!(
			Pocw::claim_task(RuntimeOrigin::signed(BOB), task, 10 * UNIT - 1),
			Error::<Test>::CollateralTooSmall
		);
		assert_noop!(
			Pocw::claim_task(RuntimeOrigin::signed(GRACE), task, 10 * UNIT),
			pallet_flux::Error::<Test>::InsufficientFree
		);
		// Collateral beyond what can be counted.
		TotalCollateral::<Test>::put(u128::MAX);
		assert_noop!(
			Pocw::claim_task(RuntimeOrigin::signed(BOB), task, 10 * UNIT),
			Error::<Test>::Overflow
		);
		TotalCollateral::<Test>::kill();
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), task, 10 * UNIT));
		assert_noop!(
			Pocw::claim_task(RuntimeOrigin::signed(FERDIE), task, 10 * UNIT),
			Error::<Test>::TaskNotOpen
		);
		let late = post(20_000, 3);
		advance(HOUR);
		assert_noop!(
			Pocw::claim_task(RuntimeOrigin::signed(BOB), late, 10 * UNIT),
			Error::<Test>::DeadlinePassed
		);
	});
}

#[test]
fn a_result_is_paid_from_exec_power_first() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		let task = post(20_000, 3);
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), task, 10 * UNIT));
		advance(2 * MINUTE);
		let power = exec_power(BOB);
		assert!(power >= 10_000);
		let sink_before = sink();
		// 1 000 + 5 000 steps + 100 · 30 model calls + 40 · 25 transactions = 10 000 PU.
		assert_ok!(Pocw::submit_result(
			RuntimeOrigin::signed(BOB),
			task,
			hash(7),
			usage(5_000, 30, 25)
		));
		assert_eq!(exec_power(BOB), power - 10_000);
		assert_eq!(flux(BOB), (90 * UNIT, 100 * UNIT, 10 * UNIT));
		assert_eq!(sink(), sink_before);
		assert_eq!(
			last_event(),
			Event::ResultSubmitted {
				task,
				worker: BOB,
				result_hash: hash(7),
				exec_cost: 10_000,
				flux_paid: 0
			}
		);
		assert_eq!(
			Tasks::<Test>::get(task).unwrap().result,
			Some(TaskResult {
				hash: hash(7),
				usage: usage(5_000, 30, 25),
				exec_cost: 10_000,
				flux_paid: 0
			})
		);
		assert_eq!(Pocw::task_info(task).unwrap().status, TaskStatus::Submitted);
	});
}

#[test]
fn the_power_deficit_is_paid_in_flux_at_r_to_the_sink() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		// Grace stakes 1 Flux: 1 exec PU a second.
		assert_ok!(<Flux as FluxLedger<_>>::mint(&GRACE, 30 * UNIT));
		assert_ok!(Flux::stake(RuntimeOrigin::signed(GRACE), UNIT));
		advance(5 * SECOND);
		assert_eq!(exec_power(GRACE), 5);
		let task = post(20_000, 3);
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(GRACE), task, 10 * UNIT));
		let sink_before = sink();
		// 10 000 PU: 5 from Power, 9 995 at 1 000 PU per Flux = 9.995 Flux.
		assert_ok!(Pocw::submit_result(
			RuntimeOrigin::signed(GRACE),
			task,
			hash(7),
			usage(9_000, 0, 0)
		));
		assert_eq!(exec_power(GRACE), 0);
		assert_eq!(flux(GRACE), (19 * UNIT - 9_995_000_000_000, UNIT, 10 * UNIT));
		assert_eq!(sink(), sink_before + 9_995_000_000_000);
		assert_eq!(
			last_event(),
			Event::ResultSubmitted {
				task,
				worker: GRACE,
				result_hash: hash(7),
				exec_cost: 10_000,
				flux_paid: 9_995_000_000_000
			}
		);
	});
}

#[test]
fn submitting_is_refused_to_others_late_twice_or_without_power_or_flux() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		let task = post(20_000, 3);
		assert_noop!(
			Pocw::submit_result(RuntimeOrigin::signed(BOB), task, hash(7), usage(1, 0, 0)),
			Error::<Test>::NotWorker
		);
		// Alice (no stake) works on Ferdie's task, keeping 10 Flux free.
		let ferdies = crate::NextTaskId::<Test>::get();
		assert_ok!(Pocw::post_task(
			RuntimeOrigin::signed(FERDIE),
			hash(2),
			20_000,
			TaskClass::Light,
			1,
			now() + HOUR
		));
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(ALICE), ferdies, 90 * UNIT));
		// 1 000 + 10 000 = 11 000 PU = 11 Flux: more than her 10.
		assert_noop!(
			Pocw::submit_result(
				RuntimeOrigin::signed(ALICE),
				ferdies,
				hash(7),
				usage(10_000, 0, 0)
			),
			Error::<Test>::InsufficientPower
		);
		assert_noop!(
			Pocw::submit_result(RuntimeOrigin::signed(ALICE), 9, hash(7), usage(1, 0, 0)),
			Error::<Test>::UnknownTask
		);
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), task, 10 * UNIT));
		assert_noop!(
			Pocw::submit_result(RuntimeOrigin::signed(CHARLIE), task, hash(7), usage(1, 0, 0)),
			Error::<Test>::NotWorker
		);
		assert_ok!(Pocw::submit_result(RuntimeOrigin::signed(BOB), task, hash(7), usage(1, 0, 0)));
		assert_noop!(
			Pocw::submit_result(RuntimeOrigin::signed(BOB), task, hash(8), usage(1, 0, 0)),
			Error::<Test>::AlreadySubmitted
		);
		advance(HOUR);
		assert_noop!(
			Pocw::submit_result(RuntimeOrigin::signed(ALICE), ferdies, hash(7), usage(1, 0, 0)),
			Error::<Test>::DeadlinePassed
		);
	});
}

#[test]
fn attesting_is_refused_to_strangers_parties_repeats_and_early_or_late_callers() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		assert_ok!(Pocw::register_verifier(RuntimeOrigin::signed(ALICE), 100 * UNIT));
		let task = post(20_000, 3);
		assert_noop!(
			Pocw::attest(RuntimeOrigin::signed(CHARLIE), 9, true, 1),
			Error::<Test>::UnknownTask
		);
		assert_noop!(
			Pocw::attest(RuntimeOrigin::signed(CHARLIE), task, true, 1),
			Error::<Test>::NotSubmitted
		);
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), task, 10 * UNIT));
		assert_noop!(
			Pocw::attest(RuntimeOrigin::signed(CHARLIE), task, true, 1),
			Error::<Test>::NotSubmitted
		);
		assert_ok!(Pocw::submit_result(RuntimeOrigin::signed(BOB), task, hash(7), usage(1, 0, 0)));
		assert_noop!(
			Pocw::attest(RuntimeOrigin::signed(FERDIE), task, true, 1),
			Error::<Test>::UnknownVerifier
		);
		// The requester is a verifier, but not of its own task.
		assert_noop!(
			Pocw::attest(RuntimeOrigin::signed(ALICE), task, true, 1),
			Error::<Test>::Conflict
		);
		assert_ok!(Pocw::attest(RuntimeOrigin::signed(CHARLIE), task, true, 1));
		assert_eq!(
			last_event(),
			Event::Attested { task, verifier: CHARLIE, valid: true, work_units: 1 }
		);
		assert_noop!(
			Pocw::attest(RuntimeOrigin::signed(CHARLIE), task, false, 1),
			Error::<Test>::AlreadyAttested
		);
		advance(HOUR);
		assert_noop!(
			Pocw::attest(RuntimeOrigin::signed(DAVE), task, true, 1),
			Error::<Test>::DeadlinePassed
		);
	});
}

#[test]
fn the_worker_cannot_attest_its_own_result() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		let task = crate::NextTaskId::<Test>::get();
		assert_ok!(Pocw::post_task(
			RuntimeOrigin::signed(ALICE),
			hash(1),
			20_000,
			TaskClass::Heavy,
			2,
			now() + HOUR
		));
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(CHARLIE), task, 10 * UNIT));
		assert_ok!(Pocw::submit_result(
			RuntimeOrigin::signed(CHARLIE),
			task,
			hash(7),
			usage(1, 0, 0)
		));
		assert_noop!(
			Pocw::attest(RuntimeOrigin::signed(CHARLIE), task, true, 1),
			Error::<Test>::Conflict
		);
	});
}
