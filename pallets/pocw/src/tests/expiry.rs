//! Expiry: a task without a result ends at its deadline (the budget back, a claimed one's
//! collateral partly forfeited to the requester); a task with a result ends at the end of its
//! reveal, settling by what was revealed. `expire_task` and the hook do it, within bounds.

use super::mock::*;
use crate::{pallet::*, Error, Event, ExpiryOutcome, SlashReason};
use fluxomics_primitives::{TaskClass, UNIT};
use frame_support::{assert_noop, assert_ok};

#[test]
fn an_unclaimed_task_expires_after_its_deadline_only_and_returns_the_budget() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		let task = post(1_000 * UNIT, 3);
		assert_noop!(
			Pocw::expire_task(RuntimeOrigin::signed(GRACE), task),
			Error::<Test>::DeadlineNotPassed
		);
		assert_noop!(
			Pocw::expire_task(RuntimeOrigin::signed(GRACE), 9),
			Error::<Test>::UnknownTask
		);
		advance(HOUR - 1);
		assert_noop!(
			Pocw::expire_task(RuntimeOrigin::signed(GRACE), task),
			Error::<Test>::DeadlineNotPassed
		);
		advance(1);
		assert_ok!(Pocw::expire_task(RuntimeOrigin::signed(GRACE), task));
		assert_eq!(
			last_event(),
			Event::TaskExpired {
				task,
				outcome: ExpiryOutcome::Unclaimed,
				worker: None,
				collateral: 0,
				forfeited: 0,
			}
		);
		assert_eq!(flux(ALICE), (10_000 * UNIT, 0, 0));
		assert_eq!(TotalEscrow::<Test>::get(), 0);
		assert!(Tasks::<Test>::get(task).is_none());
		assert!(Expiries::<Test>::iter().next().is_none());
	});
}

#[test]
fn a_claimed_task_without_a_result_forfeits_part_of_the_collateral_to_the_requester() {
	ExtBuilder::build_and_execute(|| {
		let task = claimed_task(1_000 * UNIT, 100 * UNIT);
		let (sink_before, issuance_before) = (sink(), issuance());
		advance(HOUR);
		assert_ok!(Pocw::expire_task(RuntimeOrigin::signed(GRACE), task));
		assert_eq!(
			last_event(),
			Event::TaskExpired {
				task,
				outcome: ExpiryOutcome::CollateralForfeited,
				worker: Some(BOB),
				collateral: 100 * UNIT,
				forfeited: 50 * UNIT,
			}
		);
		// Alice: her budget back and half of Bob's collateral; Bob: the other half back.
		assert_eq!(flux(ALICE), (10_050 * UNIT, 0, 0));
		assert_eq!(flux(BOB), (950 * UNIT, 100 * UNIT, 0));
		assert_eq!(sink(), sink_before);
		assert_eq!(issuance(), issuance_before);
		assert_eq!((TotalCollateral::<Test>::get(), TotalEscrow::<Test>::get()), (0, 0));
	});
}

#[test]
fn a_result_ends_at_the_end_of_its_reveal_not_at_its_deadline() {
	ExtBuilder::build_and_execute(|| {
		let (task, _) = drawn_task(1_000 * UNIT, 100 * UNIT, three_members);
		for v in [CHARLIE, DAVE, EVE] {
			commit(task, v, true, 900);
		}
		reveal(task, CHARLIE, true, 900);
		reveal(task, DAVE, true, 900);
		// Past the deadline, within the reveal.
		advance(HOUR);
		assert_noop!(
			Pocw::expire_task(RuntimeOrigin::signed(GRACE), task),
			Error::<Test>::DeadlineNotPassed
		);
		advance(HOUR);
		// Two valid seats of three settle it; Eve, who committed and did not reveal, pays.
		assert_ok!(Pocw::expire_task(RuntimeOrigin::signed(GRACE), task));
		assert!(emitted(Event::VerifierSlashed {
			task,
			verifier: EVE,
			amount: 10 * UNIT,
			reason: SlashReason::NoShow
		}));
		let Event::TaskSettled { reward, verification_fee, .. } = last_event() else {
			panic!("settled")
		};
		assert_eq!((reward, verification_fee), (67_500_000_000_000, 50 * UNIT));
		for v in [CHARLIE, DAVE] {
			assert_eq!(flux(v), (925 * UNIT, 0, 100 * UNIT));
		}
		assert_eq!(flux(EVE), (900 * UNIT, 0, 90 * UNIT));
	});
}

#[test]
fn a_result_nobody_judged_gets_everything_back_and_frees_the_verifiers() {
	ExtBuilder::build_and_execute(|| {
		let (task, _) = drawn_task(1_000 * UNIT, 100 * UNIT, three_members);
		for v in [CHARLIE, DAVE, EVE] {
			assert_eq!(Verifiers::<Test>::get(v).unwrap().pending, 1);
		}
		advance(2 * HOUR);
		assert_ok!(Pocw::expire_task(RuntimeOrigin::signed(GRACE), task));
		assert_eq!(last_event(), Event::TaskUndecided { task, worker: BOB });
		assert_eq!(flux(BOB), (1_000 * UNIT, 100 * UNIT, 0));
		assert_eq!(flux(ALICE), (10_000 * UNIT, 0, 0));
		// No one paid; every drawn verifier slashed for not showing, and free to leave.
		for v in [CHARLIE, DAVE, EVE] {
			assert_eq!(flux(v), (900 * UNIT, 0, 90 * UNIT));
			assert_eq!(Verifiers::<Test>::get(v).unwrap().pending, 0);
		}
		assert_ok!(Pocw::leave_verifier(RuntimeOrigin::signed(CHARLIE)));
		assert_eq!(flux(CHARLIE), (990 * UNIT, 0, 0));
	});
}

#[test]
fn the_hook_ends_tasks_within_its_budget() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		next_block();
		// Three tasks in one bucket, one in the next.
		let deadline = (now() / MINUTE + 2) * MINUTE;
		let post_at = |deadline| {
			Pocw::post_task(
				RuntimeOrigin::signed(ALICE),
				hash(1),
				10 * UNIT,
				TaskClass::Light,
				3,
				deadline,
			)
		};
		for _ in 0..3 {
			assert_ok!(post_at(deadline));
		}
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), 0, 10 * UNIT));
		assert_ok!(post_at(deadline + MINUTE));
		assert_eq!(flux(ALICE), (9_960 * UNIT, 0, 40 * UNIT));
		advance(4 * MINUTE);
		// At most two expiries a block.
		next_block();
		assert_eq!(Tasks::<Test>::count(), 2);
		next_block();
		assert_eq!(Tasks::<Test>::count(), 0);
		// Bob forfeited half of his 10 Flux to Alice.
		assert_eq!(flux(BOB), (995 * UNIT, 100 * UNIT, 0));
		assert_eq!(flux(ALICE), (10_005 * UNIT, 0, 0));
		let expired =
			events().into_iter().filter(|e| matches!(e, Event::TaskExpired { .. })).count();
		assert_eq!(expired, 4);
		assert!(Expiries::<Test>::iter().next().is_none());
	});
}

#[test]
fn the_hook_settles_a_result_once_its_reveal_is_over() {
	ExtBuilder::build_and_execute(|| {
		let (task, _) = drawn_task(1_000 * UNIT, 100 * UNIT, three_members);
		let reveal_end = Tasks::<Test>::get(task).unwrap().result.unwrap().reveal_end;
		for v in [CHARLIE, DAVE, EVE] {
			commit(task, v, true, 900);
		}
		reveal(task, CHARLIE, true, 900);
		reveal(task, DAVE, true, 900);
		// Eve never reveals: the task waits for the end of its reveal.
		advance(reveal_end - now());
		// The bucket of the end of the reveal is not wholly past yet.
		catch_up();
		assert!(Tasks::<Test>::get(task).is_some());
		advance(MINUTE);
		catch_up();
		assert!(Tasks::<Test>::get(task).is_none());
		assert!(emitted(Event::VerifierSlashed {
			task,
			verifier: EVE,
			amount: 10 * UNIT,
			reason: SlashReason::NoShow
		}));
		assert!(matches!(last_event(), Event::TaskSettled { task: t, .. } if t == task));
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
		post(10 * UNIT, 3);
		advance(2 * HOUR);
		next_block();
		assert_eq!(ExpiryCursor::<Test>::get(), Some((START + DAY) / MINUTE + 3));
	});
}
