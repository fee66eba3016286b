//! Redirections (leases): generation goes to the receiver for a period and comes back by
//! itself at the end, even if nobody touches either account.

use super::mock::*;
use crate::{Error, Event, RedirectsIn, RedirectsOut};
use fluxomics_primitives::{PowerLedger, UNIT};
use frame_support::{assert_noop, assert_ok};

#[test]
fn a_redirection_ends_by_itself_to_the_millisecond() {
	ExtBuilder::build_and_execute(|| {
		assert_ok!(Power::redirect(&ALICE, &CHARLIE, 20 * UNIT, START + DAY));
		assert_eq!(
			last_event(),
			Event::Redirected { from: ALICE, to: CHARLIE, amount: 20 * UNIT, until: START + DAY }
		);
		assert_eq!(rates(ALICE), (300, 600));
		assert_eq!(rates(CHARLIE), (200, 400));
		// Two days pass and nobody touches anything.
		advance(2 * DAY);
		assert_eq!(rates(ALICE), (500, 1_000));
		assert_eq!(rates(CHARLIE), (0, 0));
		// Charlie generated for exactly one day; but with no stake left his cap is 0.
		assert_eq!(power(CHARLIE), (0, 0));
		// Alice: one day at 30 Flux, one at 50.
		assert_eq!(power(ALICE), (300 + 500, 600 + 1_000));
	});
}

#[test]
fn the_receiver_keeps_generation_within_its_own_cap() {
	ExtBuilder::build_and_execute(|| {
		// Bob stakes 20 himself; the lease of 20 doubles his rate for a day.
		assert_ok!(Power::redirect(&ALICE, &BOB, 20 * UNIT, START + DAY));
		advance(DAY);
		assert_eq!(power(BOB), (400, 800));
		advance(DAY);
		assert_eq!(power(BOB), (600, 1_200));
	});
}

#[test]
fn ending_removes_both_sides_and_settles_first() {
	ExtBuilder::build_and_execute(|| {
		assert_ok!(Power::redirect(&ALICE, &BOB, 20 * UNIT, START + 2 * DAY));
		advance(DAY);
		// Ended early, after one day.
		assert_ok!(Power::end_redirect(&ALICE, &BOB, 20 * UNIT, START + 2 * DAY));
		assert!(RedirectsOut::<Test>::get(ALICE).is_empty());
		assert!(RedirectsIn::<Test>::get(BOB).is_empty());
		advance(DAY);
		assert_eq!(power(BOB), (400 + 200, 800 + 400));
		assert_eq!(power(ALICE), (300 + 500, 600 + 1_000));
		assert_noop!(
			Power::end_redirect(&ALICE, &BOB, 20 * UNIT, START + 2 * DAY),
			Error::<Test>::NoRedirect
		);
	});
}

#[test]
fn redirected_stake_is_committed_until_it_ends() {
	ExtBuilder::build_and_execute(|| {
		assert_ok!(Power::redirect(&ALICE, &BOB, 45 * UNIT, START + DAY));
		assert_noop!(
			Flux::unstake(RuntimeOrigin::signed(ALICE), 6 * UNIT),
			pallet_flux::Error::<Test>::StakeCommitted
		);
		assert_noop!(
			Power::delegate(RuntimeOrigin::signed(ALICE), CHARLIE, 6 * UNIT, 0),
			Error::<Test>::InsufficientStake
		);
		advance(DAY);
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(ALICE), 6 * UNIT));
	});
}

#[test]
fn redirect_refuses_bad_input() {
	ExtBuilder::build_and_execute(|| {
		let until = START + DAY;
		assert_noop!(Power::redirect(&ALICE, &BOB, 0, until), Error::<Test>::ZeroAmount);
		assert_noop!(Power::redirect(&ALICE, &ALICE, UNIT, until), Error::<Test>::SelfDelegation);
		assert_noop!(Power::redirect(&ALICE, &BOB, UNIT, START), Error::<Test>::RedirectEndInPast);
		assert_noop!(
			Power::redirect(&ALICE, &BOB, 51 * UNIT, until),
			Error::<Test>::InsufficientStake
		);
		for i in 0..3 {
			assert_ok!(Power::redirect(&ALICE, &BOB, UNIT, until + i));
		}
		assert_noop!(
			Power::redirect(&ALICE, &BOB, UNIT, until + 9),
			Error::<Test>::TooManyRedirects
		);
		assert_noop!(
			Power::redirect(&CHARLIE, &BOB, UNIT, until),
			Error::<Test>::InsufficientStake
		);
	});
}
