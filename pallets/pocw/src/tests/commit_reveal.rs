//! Commit–reveal: only drawn verifiers vote; each commits a hidden verdict within the commit
//! window, then reveals it once every member has committed (or the window has closed) and before
//! the reveal ends; the last reveal settles the task. Every refusal, including a copied
//! commitment.

use super::mock::*;
use crate::{pallet::*, Error, Event, SlashReason};
use codec::Encode;
use fluxomics_primitives::{PanelSeat, TaskStatus, VerdictState, UNIT};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;

fn commit_call(task: TaskId, who: AccountId, commitment: H256) -> sp_runtime::DispatchResult {
	Pocw::commit_verdict(RuntimeOrigin::signed(who), task, commitment)
}

fn reveal_call(
	task: TaskId,
	who: AccountId,
	valid: bool,
	work: u64,
	salt: H256,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	Pocw::reveal_verdict(RuntimeOrigin::signed(who), task, valid, work, salt)
}

fn status(task: TaskId) -> TaskStatus {
	Pocw::task_info(task).unwrap().status
}

#[test]
fn the_commitment_hashes_the_task_the_verifier_the_verdict_and_the_salt() {
	ExtBuilder::build_and_execute(|| {
		let expected = H256(sp_io::hashing::blake2_256(
			&(7u64, CHARLIE, true, 900u64, salt(CHARLIE)).encode(),
		));
		assert_eq!(Pocw::commitment(7, &CHARLIE, true, 900, salt(CHARLIE)), expected);
		// Any other verifier, task, verdict, measure or salt hashes differently.
		for other in [
			Pocw::commitment(7, &DAVE, true, 900, salt(CHARLIE)),
			Pocw::commitment(8, &CHARLIE, true, 900, salt(CHARLIE)),
			Pocw::commitment(7, &CHARLIE, false, 900, salt(CHARLIE)),
			Pocw::commitment(7, &CHARLIE, true, 901, salt(CHARLIE)),
			Pocw::commitment(7, &CHARLIE, true, 900, salt(DAVE)),
		] {
			assert_ne!(other, expected);
		}
	});
}

#[test]
fn the_panel_commits_then_reveals_and_the_last_reveal_settles() {
	ExtBuilder::build_and_execute(|| {
		let task = submitted_task(1_000 * UNIT, 100 * UNIT);
		assert_eq!(status(task), TaskStatus::Submitted);
		assert_eq!(Pocw::panel(task), vec![]);
		// The draw, at the start of the next block.
		next_block();
		let panel = panel_of(task);
		assert_eq!(panel.iter().map(|(_, s)| s).sum::<u32>(), 3);
		assert!(matches!(last_event(), Event::PanelDrawn { task: t, .. } if t == task));
		assert_eq!(status(task), TaskStatus::Committing);
		assert!(PendingDraws::<Test>::get().is_empty());
		assert_eq!(
			Pocw::panel(task),
			panel
				.iter()
				.map(|&(verifier, seats)| PanelSeat { verifier, seats, state: VerdictState::Drawn })
				.collect::<Vec<_>>()
		);
		let members: Vec<AccountId> = panel.iter().map(|(v, _)| *v).collect();
		for (i, &v) in members.iter().enumerate() {
			assert_eq!(status(task), TaskStatus::Committing);
			commit(task, v, true, 900);
			assert_eq!(last_event(), Event::VerdictCommitted { task, verifier: v });
			assert_eq!(Pocw::panel(task)[i].state, VerdictState::Committed);
		}
		// Everyone has committed: the reveal opens before the commit window ends.
		assert_eq!(status(task), TaskStatus::Revealing);
		let (last, rest) = members.split_last().unwrap();
		let mut seats_revealed = 0;
		for (i, &v) in rest.iter().enumerate() {
			reveal(task, v, true, 900);
			assert_eq!(
				last_event(),
				Event::VerdictRevealed { task, verifier: v, valid: true, work_units: 900 }
			);
			assert_eq!(
				Pocw::panel(task)[i].state,
				VerdictState::Revealed { valid: true, work_units: 900 }
			);
			seats_revealed += panel[i].1;
			let info = Pocw::task_info(task).unwrap();
			assert_eq!((info.valid_seats, info.invalid_seats), (seats_revealed, 0));
		}
		reveal(task, *last, true, 900);
		assert!(emitted(Event::VerdictRevealed {
			task,
			verifier: *last,
			valid: true,
			work_units: 900
		}));
		assert!(matches!(last_event(), Event::TaskSettled { task: t, .. } if t == task));
		assert!(Tasks::<Test>::get(task).is_none());
		assert_eq!(Pocw::panel(task), vec![]);
		for v in members {
			assert_eq!(Verifiers::<Test>::get(v).unwrap().pending, 0);
		}
	});
}

#[test]
fn only_a_drawn_panel_member_commits_or_reveals() {
	ExtBuilder::build_and_execute(|| {
		let c = Pocw::commitment(0, &CHARLIE, true, 900, salt(CHARLIE));
		assert_noop!(commit_call(9, CHARLIE, c), Error::<Test>::UnknownTask);
		assert_noop!(reveal_call(9, CHARLIE, true, 900, salt(CHARLIE)), Error::<Test>::UnknownTask);
		let task = claimed_task(1_000 * UNIT, 100 * UNIT);
		// No result yet: no panel.
		assert_noop!(commit_call(task, CHARLIE, c), Error::<Test>::NotDrawn);
		assert_noop!(reveal_call(task, CHARLIE, true, 900, salt(CHARLIE)), Error::<Test>::NotDrawn);
		// A result, but the draw is next block.
		let panel = predict_panel(BOB, task, standard_usage()).unwrap();
		assert_ok!(Pocw::submit_result(
			RuntimeOrigin::signed(BOB),
			task,
			hash(99),
			standard_usage()
		));
		for v in [CHARLIE, DAVE, EVE] {
			assert_noop!(commit_call(task, v, c), Error::<Test>::NotDrawn);
			assert_noop!(reveal_call(task, v, true, 900, salt(v)), Error::<Test>::NotDrawn);
		}
		next_block();
		assert_eq!(panel_of(task), panel);
		// Ferdie is no verifier, Alice and Bob are the parties: none is on the panel.
		for who in [FERDIE, ALICE, BOB] {
			assert_noop!(commit_call(task, who, c), Error::<Test>::NotOnPanel);
			assert_noop!(reveal_call(task, who, true, 900, salt(who)), Error::<Test>::NotOnPanel);
		}
	});
}

#[test]
fn a_registered_verifier_left_out_of_the_draw_cannot_vote() {
	ExtBuilder::build_and_execute(|| {
		let (task, panel) =
			drawn_task(1_000 * UNIT, 100 * UNIT, |p| !p.iter().any(|(v, _)| *v == EVE));
		assert!(!panel.iter().any(|(v, _)| *v == EVE));
		let c = Pocw::commitment(task, &EVE, true, 900, salt(EVE));
		assert_noop!(commit_call(task, EVE, c), Error::<Test>::NotOnPanel);
		assert_noop!(reveal_call(task, EVE, true, 900, salt(EVE)), Error::<Test>::NotOnPanel);
		// The drawn ones may.
		commit(task, panel[0].0, true, 900);
	});
}

#[test]
fn a_verifier_commits_once_and_only_within_the_commit_window() {
	ExtBuilder::build_and_execute(|| {
		let (task, _) = drawn_task(1_000 * UNIT, 100 * UNIT, three_members);
		let commit_end = Tasks::<Test>::get(task).unwrap().result.unwrap().commit_end;
		commit(task, CHARLIE, true, 900);
		let again = Pocw::commitment(task, &CHARLIE, false, 0, salt(CHARLIE));
		assert_noop!(commit_call(task, CHARLIE, again), Error::<Test>::AlreadyCommitted);
		// The last millisecond of the window.
		advance(commit_end - now() - 1);
		commit(task, DAVE, true, 900);
		advance(1);
		let late = Pocw::commitment(task, &EVE, true, 900, salt(EVE));
		assert_noop!(commit_call(task, EVE, late), Error::<Test>::CommitClosed);
		assert_noop!(commit_call(task, CHARLIE, again), Error::<Test>::CommitClosed);
		// The window closed with Eve uncommitted: the reveal is open.
		assert_eq!(status(task), TaskStatus::Revealing);
	});
}

#[test]
fn the_reveal_opens_when_every_member_has_committed_or_the_window_closes() {
	ExtBuilder::build_and_execute(|| {
		let (task, _) = drawn_task(1_000 * UNIT, 100 * UNIT, three_members);
		commit(task, CHARLIE, true, 900);
		assert_noop!(
			reveal_call(task, CHARLIE, true, 900, salt(CHARLIE)),
			Error::<Test>::RevealNotOpen
		);
		commit(task, DAVE, true, 800);
		assert_noop!(reveal_call(task, DAVE, true, 800, salt(DAVE)), Error::<Test>::RevealNotOpen);
		assert_eq!(status(task), TaskStatus::Committing);
		// Eve never commits; the window closes.
		advance(HOUR);
		assert_eq!(status(task), TaskStatus::Revealing);
		reveal(task, CHARLIE, true, 900);
		// Eve has nothing to reveal; Charlie has revealed.
		assert_noop!(reveal_call(task, EVE, true, 900, salt(EVE)), Error::<Test>::NotCommitted);
		assert_noop!(
			reveal_call(task, CHARLIE, true, 900, salt(CHARLIE)),
			Error::<Test>::AlreadyRevealed
		);
		// Anything but Dave's verdict, measure and salt does not open his commitment.
		assert_noop!(
			reveal_call(task, DAVE, true, 800, salt(EVE)),
			Error::<Test>::CommitmentMismatch
		);
		assert_noop!(
			reveal_call(task, DAVE, false, 800, salt(DAVE)),
			Error::<Test>::CommitmentMismatch
		);
		assert_noop!(
			reveal_call(task, DAVE, true, 900, salt(DAVE)),
			Error::<Test>::CommitmentMismatch
		);
		// Dave's reveal is the last a committed member owes: it settles, and Eve did not show.
		reveal(task, DAVE, true, 800);
		assert!(Tasks::<Test>::get(task).is_none());
		assert!(emitted(Event::VerifierSlashed {
			task,
			verifier: EVE,
			amount: 10 * UNIT,
			reason: SlashReason::NoShow
		}));
		let Event::TaskSettled { verified_work, .. } = last_event() else { panic!("settled") };
		assert_eq!(verified_work, 800);
	});
}

#[test]
fn revealing_closes_at_the_end_of_the_reveal() {
	ExtBuilder::build_and_execute(|| {
		let (task, _) = drawn_task(1_000 * UNIT, 100 * UNIT, three_members);
		let reveal_end = Tasks::<Test>::get(task).unwrap().result.unwrap().reveal_end;
		for v in [CHARLIE, DAVE, EVE] {
			commit(task, v, true, 900);
		}
		advance(reveal_end - now() - 1);
		reveal(task, CHARLIE, true, 900);
		advance(1);
		assert_noop!(reveal_call(task, DAVE, true, 900, salt(DAVE)), Error::<Test>::RevealClosed);
		// The task settles by what was revealed: one seat of three is no majority.
		assert_ok!(Pocw::expire_task(RuntimeOrigin::signed(GRACE), task));
		assert_eq!(last_event(), Event::TaskUndecided { task, worker: BOB });
		assert_noop!(reveal_call(task, DAVE, true, 900, salt(DAVE)), Error::<Test>::UnknownTask);
	});
}

#[test]
fn a_copied_commitment_cannot_be_revealed() {
	ExtBuilder::build_and_execute(|| {
		let (task, _) = drawn_task(1_000 * UNIT, 100 * UNIT, three_members);
		commit(task, CHARLIE, true, 900);
		// Dave copies Charlie's commitment from storage, hoping to reveal Charlie's vote.
		let seats = Tasks::<Test>::get(task).unwrap().panel;
		let charlies = seats.iter().find(|s| s.verifier == CHARLIE).unwrap().commitment.unwrap();
		assert_ok!(commit_call(task, DAVE, charlies));
		commit(task, EVE, true, 900);
		reveal(task, CHARLIE, true, 900);
		// Charlie's revealed verdict and salt, in Dave's name, do not hash to the copy.
		assert_noop!(
			reveal_call(task, DAVE, true, 900, salt(CHARLIE)),
			Error::<Test>::CommitmentMismatch
		);
		assert_noop!(
			reveal_call(task, DAVE, false, 900, salt(CHARLIE)),
			Error::<Test>::CommitmentMismatch
		);
		reveal(task, EVE, true, 900);
		// Dave cannot reveal: the task waits for the end of the reveal, and Dave pays for it.
		assert!(Tasks::<Test>::get(task).is_some());
		advance(2 * HOUR);
		assert_ok!(Pocw::expire_task(RuntimeOrigin::signed(GRACE), task));
		assert!(emitted(Event::VerifierSlashed {
			task,
			verifier: DAVE,
			amount: 10 * UNIT,
			reason: SlashReason::NoShow
		}));
		assert!(matches!(last_event(), Event::TaskSettled { task: t, .. } if t == task));
		assert_eq!(flux(DAVE), (900 * UNIT, 0, 90 * UNIT));
	});
}

#[test]
fn a_verifier_drawn_to_two_seats_votes_once_for_both() {
	ExtBuilder::build_and_execute(|| {
		let (task, panel) = drawn_task(1_000 * UNIT, 100 * UNIT, |p| p.len() == 2 && p[0].1 == 2);
		let (double, single) = (panel[0].0, panel[1].0);
		commit(task, double, false, 0);
		let again = Pocw::commitment(task, &double, true, 900, salt(double));
		assert_noop!(commit_call(task, double, again), Error::<Test>::AlreadyCommitted);
		commit(task, single, true, 900);
		reveal(task, double, false, 0);
		let info = Pocw::task_info(task).unwrap();
		assert_eq!((info.valid_seats, info.invalid_seats), (0, 2));
		reveal(task, single, true, 900);
		// Two seats against one: rejected.
		assert!(matches!(last_event(), Event::TaskRejected { task: t, .. } if t == task));
	});
}
