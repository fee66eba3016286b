//! Registering and leaving as a verifier: the bond is held, and released only when no
//! attestation of the verifier's is pending.

use super::mock::*;
use crate::{pallet::*, Error, Event, VerifierInfo};
use fluxomics_primitives::UNIT;
use frame_support::{assert_noop, assert_ok};

#[test]
fn registering_holds_the_bond() {
	ExtBuilder::build_and_execute(|| {
		assert_ok!(Pocw::register_verifier(RuntimeOrigin::signed(CHARLIE), 150 * UNIT));
		assert_eq!(flux(CHARLIE), (850 * UNIT, 0, 150 * UNIT));
		assert_eq!(
			Verifiers::<Test>::get(CHARLIE),
			Some(VerifierInfo { bond: 150 * UNIT, pending: 0 })
		);
		assert_eq!(VerifierCount::<Test>::get(), 1);
		assert_eq!(last_event(), Event::VerifierRegistered { who: CHARLIE, bond: 150 * UNIT });
	});
}

#[test]
fn registering_fails_twice_below_the_minimum_beyond_the_bound_or_without_flux() {
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
		for v in [DAVE, EVE, FERDIE] {
			assert_ok!(Pocw::register_verifier(RuntimeOrigin::signed(v), 100 * UNIT));
		}
		// Four verifiers at most.
		assert_noop!(
			Pocw::register_verifier(RuntimeOrigin::signed(ALICE), 100 * UNIT),
			Error::<Test>::TooManyVerifiers
		);
		assert_eq!(VerifierCount::<Test>::get(), 4);
	});
}

#[test]
fn leaving_releases_the_bond() {
	ExtBuilder::build_and_execute(|| {
		assert_ok!(Pocw::register_verifier(RuntimeOrigin::signed(CHARLIE), 100 * UNIT));
		assert_ok!(Pocw::leave_verifier(RuntimeOrigin::signed(CHARLIE)));
		assert_eq!(flux(CHARLIE), (1_000 * UNIT, 0, 0));
		assert_eq!(Verifiers::<Test>::get(CHARLIE), None);
		assert_eq!(VerifierCount::<Test>::get(), 0);
		assert_eq!(last_event(), Event::VerifierLeft { who: CHARLIE, bond: 100 * UNIT });
		assert_noop!(
			Pocw::leave_verifier(RuntimeOrigin::signed(CHARLIE)),
			Error::<Test>::UnknownVerifier
		);
	});
}

#[test]
fn a_verifier_with_a_pending_attestation_cannot_leave_until_the_task_ends() {
	ExtBuilder::build_and_execute(|| {
		let task = submitted_task(10 * UNIT);
		assert_ok!(Pocw::attest(RuntimeOrigin::signed(CHARLIE), task, true, 900));
		assert_eq!(Verifiers::<Test>::get(CHARLIE).unwrap().pending, 1);
		assert_noop!(
			Pocw::leave_verifier(RuntimeOrigin::signed(CHARLIE)),
			Error::<Test>::VerifierBusy
		);
		// Dave and Eve settle it: Charlie's attestation is no longer pending.
		assert_ok!(Pocw::attest(RuntimeOrigin::signed(DAVE), task, true, 900));
		assert_ok!(Pocw::attest(RuntimeOrigin::signed(EVE), task, true, 900));
		assert_eq!(Verifiers::<Test>::get(CHARLIE).unwrap().pending, 0);
		assert_ok!(Pocw::leave_verifier(RuntimeOrigin::signed(CHARLIE)));
		// Its bond back, and the attestation reward.
		assert_eq!(flux(CHARLIE), (1_001 * UNIT, 0, 0));
	});
}
