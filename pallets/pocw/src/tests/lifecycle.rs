//! Posting (the budget held in escrow), claiming (collateral in proportion to the budget) and
//! submitting (the usage charged, the draw queued, the expiry refiled), and every way each can be
//! refused.

use super::mock::*;
use crate::{pallet::*, Error, Event, TaskResult};
use fluxomics_primitives::{TaskClass, TaskInfo, TaskStatus, UNIT};
use frame_support::{assert_noop, assert_ok, traits::Get};
use sp_arithmetic::FixedU128;

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

fn bucket(at: u64) -> u64 {
	at / <<Test as crate::Config>::ExpiryBucket as Get<u64>>::get()
}

#[test]
fn posting_holds_the_budget_in_escrow_and_records_the_task() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		let deadline = now() + HOUR;
		assert_ok!(post_with(3, deadline, 500 * UNIT));
		assert_eq!(
			last_event(),
			Event::TaskPosted {
				task: 0,
				requester: ALICE,
				spec_hash: hash(1),
				budget: 500 * UNIT,
				class: TaskClass::Standard,
				quorum: 3,
				deadline,
			}
		);
		assert_eq!(NextTaskId::<Test>::get(), 1);
		assert_eq!(Expiries::<Test>::get(bucket(deadline)).into_inner(), vec![0]);
		assert_eq!(
			Pocw::task_info(0),
			Some(TaskInfo {
				id: 0,
				requester: ALICE,
				spec_hash: hash(1),
				budget: 500 * UNIT,
				class: TaskClass::Standard,
				quorum: 3,
				deadline,
				status: TaskStatus::Open,
				worker: None,
				collateral: 0,
				result_hash: None,
				exec_cost: None,
				valid_seats: 0,
				invalid_seats: 0,
				commit_end: None,
				reveal_end: None,
			})
		);
		// The budget is held from Alice's free Flux: posting is paying.
		assert_eq!(flux(ALICE), (9_500 * UNIT, 0, 500 * UNIT));
		assert_eq!(TotalEscrow::<Test>::get(), 500 * UNIT);
		assert_eq!(Pocw::estimate(0), None);
		assert_eq!(Pocw::panel(0), vec![]);
		assert_eq!(Pocw::task_info(1), None);
		// A second task adds to the escrow.
		assert_ok!(post_with(3, deadline + MINUTE, 10 * UNIT));
		assert_eq!(TotalEscrow::<Test>::get(), 510 * UNIT);
		assert_eq!(flux(ALICE), (9_490 * UNIT, 0, 510 * UNIT));
	});
}

#[test]
fn posting_checks_budget_quorum_and_deadline() {
	ExtBuilder::build_and_execute(|| {
		let deadline = now() + HOUR;
		assert_noop!(post_with(3, deadline, 10 * UNIT), Error::<Test>::NotEnoughVerifiers);
		register_verifiers();
		assert_noop!(post_with(3, deadline, 10 * UNIT - 1), Error::<Test>::BudgetTooSmall);
		assert_noop!(post_with(3, deadline, 0), Error::<Test>::BudgetTooSmall);
		// At least `min_quorum` (3) seats, at most `MaxAttestations` (5), and no more than the
		// verifiers registered.
		assert_noop!(post_with(0, deadline, 10 * UNIT), Error::<Test>::InvalidQuorum);
		assert_noop!(post_with(2, deadline, 10 * UNIT), Error::<Test>::InvalidQuorum);
		assert_noop!(post_with(6, deadline, 10 * UNIT), Error::<Test>::InvalidQuorum);
		assert_noop!(post_with(4, deadline, 10 * UNIT), Error::<Test>::NotEnoughVerifiers);
		assert_noop!(post_with(3, now(), 10 * UNIT), Error::<Test>::DeadlineInPast);
		assert_noop!(post_with(3, now() + 7 * DAY + 1, 10 * UNIT), Error::<Test>::DeadlineTooFar);
		assert_ok!(post_with(3, now() + 7 * DAY, 10 * UNIT));
		// Three deadlines in a bucket at most.
		for _ in 0..3 {
			assert_ok!(post_with(3, deadline, 10 * UNIT));
		}
		assert_noop!(post_with(3, deadline, 10 * UNIT), Error::<Test>::ExpiryBucketFull);
		// A budget beyond the requester's free Flux: nothing is filed.
		let grace = || {
			Pocw::post_task(
				RuntimeOrigin::signed(GRACE),
				hash(1),
				10 * UNIT,
				TaskClass::Light,
				3,
				deadline + MINUTE,
			)
		};
		assert_noop!(grace(), pallet_flux::Error::<Test>::InsufficientFree);
		// An escrow beyond what can be counted.
		TotalEscrow::<Test>::put(u128::MAX);
		assert_noop!(post_with(3, deadline + MINUTE, 10 * UNIT), Error::<Test>::Overflow);
		TotalEscrow::<Test>::put(40 * UNIT);
		// Governance raises the least quorum: the requester may ask for more, never fewer.
		let mut p = Params::<Test>::get();
		p.min_quorum = 4;
		assert_ok!(Pocw::set_params(RuntimeOrigin::root(), p));
		assert_noop!(post_with(3, deadline + MINUTE, 10 * UNIT), Error::<Test>::InvalidQuorum);
		assert_ok!(Pocw::register_verifier(RuntimeOrigin::signed(FERDIE), 100 * UNIT));
		assert_ok!(post_with(4, deadline + MINUTE, 10 * UNIT));
	});
}

#[test]
fn claiming_holds_collateral_in_proportion_to_the_budget() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		// 10 % of 1 000 Flux: 100 Flux at least.
		let task = post(1_000 * UNIT, 3);
		assert_noop!(
			Pocw::claim_task(RuntimeOrigin::signed(BOB), task, 100 * UNIT - 1),
			Error::<Test>::CollateralTooSmall
		);
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), task, 100 * UNIT));
		assert_eq!(flux(BOB), (900 * UNIT, 100 * UNIT, 100 * UNIT));
		assert_eq!(TotalCollateral::<Test>::get(), 100 * UNIT);
		assert_eq!(last_event(), Event::TaskClaimed { task, worker: BOB, collateral: 100 * UNIT });
		let info = Pocw::task_info(task).unwrap();
		assert_eq!(
			(info.status, info.worker, info.collateral),
			(TaskStatus::Claimed, Some(BOB), 100 * UNIT)
		);
		// Below 100 Flux of budget, `min_collateral` (10 Flux) is the floor.
		let small = post(50 * UNIT, 3);
		assert_noop!(
			Pocw::claim_task(RuntimeOrigin::signed(BOB), small, 10 * UNIT - 1),
			Error::<Test>::CollateralTooSmall
		);
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), small, 10 * UNIT));
		// The share of the budget is rounded up: 10 % of 100 Flux and one planck needs one planck
		// more than 10 Flux.
		let odd = post(100 * UNIT + 1, 3);
		assert_noop!(
			Pocw::claim_task(RuntimeOrigin::signed(BOB), odd, 10 * UNIT),
			Error::<Test>::CollateralTooSmall
		);
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), odd, 10 * UNIT + 1));
		assert_eq!(TotalCollateral::<Test>::get(), 120 * UNIT + 1);
		assert_eq!(flux(BOB), (880 * UNIT - 1, 100 * UNIT, 120 * UNIT + 1));
	});
}

#[test]
fn claiming_is_refused_for_own_taken_expired_or_underfunded_tasks() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		let task = post(100 * UNIT, 3);
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
		let late = post(100 * UNIT, 3);
		advance(HOUR);
		assert_noop!(
			Pocw::claim_task(RuntimeOrigin::signed(BOB), late, 10 * UNIT),
			Error::<Test>::DeadlinePassed
		);
	});
}

#[test]
fn a_result_is_paid_from_exec_power_first_queues_the_draw_and_refiles_the_expiry() {
	ExtBuilder::build_and_execute(|| {
		let task = claimed_task(1_000 * UNIT, 100 * UNIT);
		let deadline = Tasks::<Test>::get(task).unwrap().deadline;
		let power = exec_power(BOB);
		assert_eq!(power, 12_000);
		let sink_before = sink();
		// 1 000 + 5 000 steps + 100 · 30 model calls + 40 · 25 transactions = 10 000 PU.
		assert_ok!(Pocw::submit_result(
			RuntimeOrigin::signed(BOB),
			task,
			hash(7),
			usage(5_000, 30, 25)
		));
		assert_eq!(exec_power(BOB), power - 10_000);
		assert_eq!(flux(BOB), (900 * UNIT, 100 * UNIT, 100 * UNIT));
		assert_eq!(sink(), sink_before);
		// The usage is a Power charge like any other: it counts in the block's consumption (R).
		assert_eq!(consumed(), 10_000);
		let (commit_end, reveal_end) = (now() + HOUR, now() + 2 * HOUR);
		assert_eq!(
			last_event(),
			Event::ResultSubmitted {
				task,
				worker: BOB,
				result_hash: hash(7),
				exec_cost: 10_000,
				flux_paid: 0,
				commit_end,
				reveal_end,
			}
		);
		let stored = Tasks::<Test>::get(task).unwrap();
		assert_eq!(
			stored.result,
			Some(TaskResult {
				hash: hash(7),
				usage: usage(5_000, 30, 25),
				exec_cost: 10_000,
				flux_paid: 0,
				drawn: false,
				commit_end,
				reveal_end,
			})
		);
		// The panel is drawn next block; until then there is none.
		assert_eq!(PendingDraws::<Test>::get().into_inner(), vec![task]);
		assert!(stored.panel.is_empty());
		// The task now expires at the end of its reveal, no longer at its deadline.
		assert_eq!(stored.expiry, reveal_end);
		assert_eq!(Expiries::<Test>::get(bucket(reveal_end)).into_inner(), vec![task]);
		assert!(Expiries::<Test>::get(bucket(deadline)).is_empty());
		let info = Pocw::task_info(task).unwrap();
		assert_eq!(info.status, TaskStatus::Submitted);
		assert_eq!(
			(info.result_hash, info.exec_cost, info.commit_end, info.reveal_end),
			(Some(hash(7)), Some(10_000), Some(commit_end), Some(reveal_end))
		);
		// The estimate needs verdicts: no valid seat yet, no verified work, no reward.
		assert_eq!(Pocw::estimate(task), Some((FixedU128::from_inner(0), 0)));
	});
}

#[test]
fn the_power_deficit_is_paid_in_flux_at_r_to_the_sink() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		// Grace stakes 1 Flux: 1 exec PU a second.
		mint(GRACE, 30 * UNIT);
		assert_ok!(Flux::stake(RuntimeOrigin::signed(GRACE), UNIT));
		advance(5 * SECOND);
		assert_eq!(exec_power(GRACE), 5);
		let task = post(100 * UNIT, 3);
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
		let Event::ResultSubmitted { exec_cost, flux_paid, .. } = last_event() else {
			panic!("submitted")
		};
		assert_eq!((exec_cost, flux_paid), (10_000, 9_995_000_000_000));
		assert_eq!(Tasks::<Test>::get(task).unwrap().result.unwrap().flux_paid, 9_995_000_000_000);
	});
}

#[test]
fn submitting_is_refused_to_others_late_twice_or_without_power_or_flux() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		let task = post(100 * UNIT, 3);
		assert_noop!(
			Pocw::submit_result(RuntimeOrigin::signed(BOB), task, hash(7), usage(1, 0, 0)),
			Error::<Test>::NotWorker
		);
		// Grace (no stake) works on Ferdie's task, keeping 10 Flux free.
		mint(GRACE, 20 * UNIT);
		let ferdies = post_by(FERDIE, 100 * UNIT, 3);
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(GRACE), ferdies, 10 * UNIT));
		// 1 000 + 10 000 = 11 000 PU = 11 Flux: more than her 10.
		assert_noop!(
			Pocw::submit_result(
				RuntimeOrigin::signed(GRACE),
				ferdies,
				hash(7),
				usage(10_000, 0, 0)
			),
			Error::<Test>::InsufficientPower
		);
		assert_noop!(
			Pocw::submit_result(RuntimeOrigin::signed(GRACE), 9, hash(7), usage(1, 0, 0)),
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
			Pocw::submit_result(RuntimeOrigin::signed(GRACE), ferdies, hash(7), usage(1, 0, 0)),
			Error::<Test>::DeadlinePassed
		);
	});
}

#[test]
fn a_submission_whose_reveal_would_end_in_a_full_bucket_is_refused_and_changes_nothing() {
	ExtBuilder::build_and_execute(|| {
		let task = claimed_task(100 * UNIT, 10 * UNIT);
		// Three tasks expire where this one's reveal would end.
		let reveal_end = now() + 2 * HOUR;
		for _ in 0..3 {
			assert_ok!(post_with(3, reveal_end, 10 * UNIT));
		}
		assert_noop!(
			Pocw::submit_result(RuntimeOrigin::signed(BOB), task, hash(7), standard_usage()),
			Error::<Test>::ExpiryBucketFull
		);
		// A minute later its reveal ends in the next bucket.
		advance(MINUTE);
		assert_ok!(Pocw::submit_result(
			RuntimeOrigin::signed(BOB),
			task,
			hash(7),
			standard_usage()
		));
	});
}

#[test]
fn a_result_whose_reveal_ends_in_the_bucket_of_its_deadline_stays_filed() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		// The deadline 10 s after the end of the reveal of a result submitted now: one bucket.
		let reveal_end = now() + 2 * HOUR;
		let deadline = reveal_end + 10 * SECOND;
		assert_eq!(bucket(deadline), bucket(reveal_end));
		let task = NextTaskId::<Test>::get();
		assert_ok!(post_with(3, deadline, 100 * UNIT));
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), task, 10 * UNIT));
		assert_ok!(Pocw::submit_result(
			RuntimeOrigin::signed(BOB),
			task,
			hash(7),
			standard_usage()
		));
		// Refiled in the same bucket: still there, once.
		assert_eq!(Expiries::<Test>::get(bucket(reveal_end)).into_inner(), vec![task]);
		assert_eq!(Tasks::<Test>::get(task).unwrap().expiry, reveal_end);
		// Nobody votes; the hook ends it after its reveal.
		next_block();
		advance(2 * HOUR + MINUTE);
		catch_up();
		assert!(Tasks::<Test>::get(task).is_none());
		assert!(emitted(Event::TaskUndecided { task, worker: BOB }));
	});
}
