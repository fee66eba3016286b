//! Registering and leaving as a verifier: the bond is held and filed in the draw tree; a
//! verifier on the panel of an open task cannot leave; a slashed bond weighs less.

use super::mock::*;
use crate::{pallet::*, Error, Event, VerifierInfo};
use fluxomics_primitives::UNIT;
use frame_support::{assert_noop, assert_ok};

/// The bond the draw tree holds for slot `slot`.
fn weight_of(slot: u32) -> u128 {
	Pocw::tree_prefix(slot) - Pocw::tree_prefix(slot - 1)
}

#[test]
fn registering_holds_the_bond_and_files_it_in_the_draw_tree() {
	ExtBuilder::build_and_execute(|| {
		assert_ok!(Pocw::register_verifier(RuntimeOrigin::signed(CHARLIE), 150 * UNIT));
		assert_eq!(flux(CHARLIE), (850 * UNIT, 0, 150 * UNIT));
		assert_eq!(
			Verifiers::<Test>::get(CHARLIE),
			Some(VerifierInfo { bond: 150 * UNIT, pending: 0, slot: 1 })
		);
		assert_eq!(VerifierAt::<Test>::get(1), Some(CHARLIE));
		assert_eq!(VerifierCount::<Test>::get(), 1);
		assert_eq!(TotalBond::<Test>::get(), 150 * UNIT);
		assert_eq!(last_event(), Event::VerifierRegistered { who: CHARLIE, bond: 150 * UNIT });
		assert_ok!(Pocw::register_verifier(RuntimeOrigin::signed(DAVE), 250 * UNIT));
		assert_eq!(Verifiers::<Test>::get(DAVE).unwrap().slot, 2);
		assert_eq!((weight_of(1), weight_of(2)), (150 * UNIT, 250 * UNIT));
		assert_eq!(Pocw::tree_prefix(8), 400 * UNIT);
		assert_eq!(TotalBond::<Test>::get(), 400 * UNIT);
	});
}

#[test]
fn registering_fails_twice_below_the_minimum_beyond_the_tree_or_without_flux() {
	ExtBuilder::build_and_execute(|| {
		assert_ok!(Pocw::register_verifier(RuntimeOrigin::signed(CHARLIE), 100 * UNIT));
		assert_noop!(
			Pocw::register_verifier(RuntimeOrigin::signed(CHARLIE), 100 * UNIT),
			Error::<Test>::AlreadyVerifier
		);
		assert_noop!(
			Pocw::register_verifier(RuntimeOrigin::signed(DAVE), 100 * UNIT - 1),
			Error::<Test>::BondTooSmall
		);
		assert_noop!(
			Pocw::register_verifier(RuntimeOrigin::signed(GRACE), 100 * UNIT),
			pallet_flux::Error::<Test>::InsufficientFree
		);
		// Bonds beyond what can be counted.
		TotalBond::<Test>::put(u128::MAX);
		assert_noop!(
			Pocw::register_verifier(RuntimeOrigin::signed(DAVE), 100 * UNIT),
			Error::<Test>::Overflow
		);
		TotalBond::<Test>::put(100 * UNIT);
		for v in [DAVE, EVE, FERDIE, ALICE, BOB] {
			assert_ok!(Pocw::register_verifier(RuntimeOrigin::signed(v), 100 * UNIT));
		}
		for v in [20, 21] {
			mint(v, 100 * UNIT);
			assert_ok!(Pocw::register_verifier(RuntimeOrigin::signed(v), 100 * UNIT));
		}
		// Eight slots in the draw tree.
		mint(GRACE, 100 * UNIT);
		assert_noop!(
			Pocw::register_verifier(RuntimeOrigin::signed(GRACE), 100 * UNIT),
			Error::<Test>::TooManyVerifiers
		);
		assert_eq!(VerifierCount::<Test>::get(), 8);
		assert_eq!(TotalBond::<Test>::get(), 800 * UNIT);
	});
}

#[test]
fn leaving_releases_the_bond_and_the_last_slot_fills_the_gap() {
	ExtBuilder::build_and_execute(|| {
		for (v, bond) in [(CHARLIE, 100), (DAVE, 200), (EVE, 300)] {
			assert_ok!(Pocw::register_verifier(RuntimeOrigin::signed(v), bond * UNIT));
		}
		assert_ok!(Pocw::leave_verifier(RuntimeOrigin::signed(CHARLIE)));
		assert_eq!(flux(CHARLIE), (1_000 * UNIT, 0, 0));
		assert_eq!(Verifiers::<Test>::get(CHARLIE), None);
		assert_eq!(last_event(), Event::VerifierLeft { who: CHARLIE, bond: 100 * UNIT });
		// Eve, in the last slot, moves into Charlie's.
		assert_eq!(
			Verifiers::<Test>::get(EVE),
			Some(VerifierInfo { bond: 300 * UNIT, pending: 0, slot: 1 })
		);
		assert_eq!((VerifierAt::<Test>::get(1), VerifierAt::<Test>::get(3)), (Some(EVE), None));
		assert_eq!((weight_of(1), weight_of(2), weight_of(3)), (300 * UNIT, 200 * UNIT, 0));
		assert_eq!((VerifierCount::<Test>::get(), TotalBond::<Test>::get()), (2, 500 * UNIT));
		assert_noop!(
			Pocw::leave_verifier(RuntimeOrigin::signed(CHARLIE)),
			Error::<Test>::UnknownVerifier
		);
		// The last one leaving moves nobody.
		assert_ok!(Pocw::leave_verifier(RuntimeOrigin::signed(DAVE)));
		assert_eq!(Verifiers::<Test>::get(EVE).unwrap().slot, 1);
		assert_ok!(Pocw::leave_verifier(RuntimeOrigin::signed(EVE)));
		assert_eq!((VerifierCount::<Test>::get(), TotalBond::<Test>::get()), (0, 0));
		assert_eq!(Pocw::tree_prefix(8), 0);
		// And may come back, in slot 1.
		assert_ok!(Pocw::register_verifier(RuntimeOrigin::signed(DAVE), 100 * UNIT));
		assert_eq!(Verifiers::<Test>::get(DAVE).unwrap().slot, 1);
	});
}

#[test]
fn a_verifier_on_the_panel_of_an_open_task_cannot_leave_until_it_settles() {
	ExtBuilder::build_and_execute(|| {
		let task = submitted_task(1_000 * UNIT, 100 * UNIT);
		// Before the draw nobody is on the panel: Ferdie, registered now, may still leave.
		assert_ok!(Pocw::register_verifier(RuntimeOrigin::signed(FERDIE), 100 * UNIT));
		assert_ok!(Pocw::leave_verifier(RuntimeOrigin::signed(FERDIE)));
		next_block();
		let panel = panel_of(task);
		for &(v, _) in &panel {
			assert_eq!(Verifiers::<Test>::get(v).unwrap().pending, 1);
			assert_noop!(
				Pocw::leave_verifier(RuntimeOrigin::signed(v)),
				Error::<Test>::VerifierBusy
			);
		}
		all_vote(task, true, 900);
		for &(v, seats) in &panel {
			assert_eq!(Verifiers::<Test>::get(v).unwrap().pending, 0);
			assert_ok!(Pocw::leave_verifier(RuntimeOrigin::signed(v)));
			// Its bond back, and its seats' share of the verification fee.
			assert_eq!(flux(v), (1_000 * UNIT + 16_666_666_666_666 * seats as u128, 0, 0));
		}
	});
}

#[test]
fn a_slashed_verifier_weighs_less_and_leaves_with_what_is_left() {
	ExtBuilder::build_and_execute(|| {
		let (task, _) = drawn_task(1_000 * UNIT, 100 * UNIT, three_members);
		commit_and_reveal(task, &[(CHARLIE, true, 900), (DAVE, true, 900), (EVE, false, 0)]);
		let info = Verifiers::<Test>::get(EVE).unwrap();
		assert_eq!(info.bond, 90 * UNIT);
		assert_eq!(weight_of(info.slot), 90 * UNIT);
		assert_eq!(TotalBond::<Test>::get(), 290 * UNIT);
		assert_ok!(Pocw::leave_verifier(RuntimeOrigin::signed(EVE)));
		assert_eq!(last_event(), Event::VerifierLeft { who: EVE, bond: 90 * UNIT });
		assert_eq!(flux(EVE), (990 * UNIT, 0, 0));
	});
}

#[test]
fn a_verifier_slashed_to_nothing_can_still_leave() {
	ExtBuilder::build_and_execute(|| {
		let mut p = Params::<Test>::get();
		p.wrong_vote_slash = sp_arithmetic::Perbill::one();
		assert_ok!(Pocw::set_params(RuntimeOrigin::root(), p));
		let (task, _) = drawn_task(1_000 * UNIT, 100 * UNIT, three_members);
		commit_and_reveal(task, &[(CHARLIE, true, 900), (DAVE, true, 900), (EVE, false, 0)]);
		assert_eq!(Verifiers::<Test>::get(EVE).unwrap().bond, 0);
		assert_eq!(flux(EVE), (900 * UNIT, 0, 0));
		// A bond of nothing is never drawn, and frees its slot when it leaves.
		assert_ok!(Pocw::leave_verifier(RuntimeOrigin::signed(EVE)));
		assert_eq!(last_event(), Event::VerifierLeft { who: EVE, bond: 0 });
		assert_eq!(VerifierCount::<Test>::get(), 2);
	});
}
