//! Deadlines: `expire_task` and the hook end tasks that did not settle in time, within bounds.

use super::mock::*;
use crate::{pallet::*, Error, Event, ExpiryOutcome};
use fluxomics_primitives::UNIT;
use frame_support::{assert_noop, assert_ok};

#[test]
fn an_unclaimed_task_is_removed_after_its_deadline_only() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		let task = post(20_000, 3);
		assert_noop!(
			Pocw::expire_task(RuntimeOrigin::signed(GRACE), task),
			Error::<Test>::DeadlineNotPassed
		);
		assert_noop!(
			Pocw::expire_task(RuntimeOrigin::signed(GRACE), 9),
			Error::<Test>::UnknownTask
		);
		advance(HOUR);
		assert_ok!(Pocw::expire_task(RuntimeOrigin::signed(GRACE), task));
		assert_eq!(
			last_event(),
			Event::TaskExpired {
				task,
				outcome: ExpiryOutcome::Unclaimed,
				worker: None,
				collateral: 0
			}
		);
		assert!(Tasks::<Test>::get(task).is_none());
		assert!(Expiries::<Test>::iter().next().is_none());
	});
}

#[test]
fn a_claimed_task_without_a_result_burns_the_collateral() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		let task = post(20_000, 3);
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), task, 30 * UNIT));
		let issuance = pallet_flux::TotalIssuance::<Test>::get();
		advance(HOUR);
		assert_ok!(Pocw::expire_task(RuntimeOrigin::signed(GRACE), task));
		assert_eq!(
			last_event(),
			Event::TaskExpired {
				task,
				outcome: ExpiryOutcome::CollateralBurned,
				worker: Some(BOB),
				collateral: 30 * UNIT
			}
		);
		assert_eq!(flux(BOB), (70 * UNIT, 100 * UNIT, 0));
		assert_eq!(pallet_flux::TotalIssuance::<Test>::get(), issuance - 30 * UNIT);
		assert_eq!(TotalCollateral::<Test>::get(), 0);
	});
}

#[test]
fn a_result_without_quorum_gets_its_collateral_back_and_frees_the_verifiers() {
	ExtBuilder::build_and_execute(|| {
		let task = submitted_task(30 * UNIT);
		assert_ok!(Pocw::attest(RuntimeOrigin::signed(CHARLIE), task, true, 900));
		advance(HOUR);
		assert_ok!(Pocw::expire_task(RuntimeOrigin::signed(GRACE), task));
		assert_eq!(
			last_event(),
			Event::TaskExpired {
				task,
				outcome: ExpiryOutcome::CollateralReturned,
				worker: Some(BOB),
				collateral: 30 * UNIT
			}
		);
		assert_eq!(flux(BOB), (100 * UNIT, 100 * UNIT, 0));
		// No reward for anyone; Charlie may leave.
		assert_eq!(flux(CHARLIE), (900 * UNIT, 0, 100 * UNIT));
		assert_eq!(Verifiers::<Test>::get(CHARLIE).unwrap().pending, 0);
		assert_ok!(Pocw::leave_verifier(RuntimeOrigin::signed(CHARLIE)));
	});
}

#[test]
fn the_hook_expires_tasks_within_its_budget() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		next_block();
		// Three tasks in one bucket, one in the next.
		let deadline = (now() / MINUTE + 2) * MINUTE;
		for _ in 0..3 {
			assert_ok!(Pocw::post_task(
				RuntimeOrigin::signed(ALICE),
				hash(1),
				1_000,
				fluxomics_primitives::TaskClass::Light,
				1,
				deadline
			));
		}
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), 0, 10 * UNIT));
		assert_ok!(Pocw::post_task(
			RuntimeOrigin::signed(ALICE),
			hash(1),
			1_000,
			fluxomics_primitives::TaskClass::Light,
			1,
			deadline + MINUTE
		));
		advance(4 * MINUTE);
		// At most two expiries a block.
		next_block();
		assert_eq!(Tasks::<Test>::count(), 2);
		next_block();
		assert_eq!(Tasks::<Test>::count(), 0);
		assert_eq!(flux(BOB), (90 * UNIT, 100 * UNIT, 0));
		let expired =
			events().into_iter().filter(|e| matches!(e, Event::TaskExpired { .. })).count();
		assert_eq!(expired, 4);
		assert!(Expiries::<Test>::iter().next().is_none());
	});
}

#[test]
fn the_cursor_skips_time_in_which_nothing_can_expire() {
	ExtBuilder::build_and_execute(|| {
		assert_eq!(ExpiryCursor::<Test>::get(), None);
		next_block();
		assert_eq!(ExpiryCursor::<Test>::get(), Some(START / MINUTE));
		// A day without tasks: the hook does not walk 1 440 empty buckets.
		advance(DAY);
		next_block();
		assert_eq!(ExpiryCursor::<Test>::get(), Some((START + DAY) / MINUTE));
		// With a task, it walks at most three buckets a block.
		register_verifiers();
		post(1_000, 1);
		advance(2 * HOUR);
		next_block();
		assert_eq!(ExpiryCursor::<Test>::get(), Some((START + DAY) / MINUTE + 3));
	});
}
