//! Leases: generation goes to the lessee for a period and comes back by itself at the end,
//! even if nobody touches either account.

use super::mock::*;
use crate::{Error, Event, LeasesIn, LeasesOut};
use fluxomics_primitives::{PowerLedger, UNIT};
use frame_support::{assert_noop, assert_ok};

#[test]
fn a_lease_ends_by_itself_to_the_millisecond() {
	run(|| {
		assert_ok!(Power::start_lease(&ALICE, &CHARLIE, 20 * UNIT, START + DAY));
		assert_eq!(
			last_event(),
			Event::Leased { from: ALICE, to: CHARLIE, amount: 20 * UNIT, until: START + DAY }
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
	run(|| {
		// Bob stakes 20 himself; the lease of 20 doubles his rate for a day.
		assert_ok!(Power::start_lease(&ALICE, &BOB, 20 * UNIT, START + DAY));
		advance(DAY);
		assert_eq!(power(BOB), (400, 800));
		advance(DAY);
		assert_eq!(power(BOB), (600, 1_200));
	});
}

#[test]
fn ending_removes_both_sides_and_accrues_first() {
	run(|| {
		assert_ok!(Power::start_lease(&ALICE, &BOB, 20 * UNIT, START + 2 * DAY));
		advance(DAY);
		// Ended early, after one day.
		assert_ok!(Power::end_lease(&ALICE, &BOB, 20 * UNIT, START + 2 * DAY));
		assert!(LeasesOut::<Test>::get(ALICE).is_empty());
		assert!(LeasesIn::<Test>::get(BOB).is_empty());
		advance(DAY);
		assert_eq!(power(BOB), (400 + 200, 800 + 400));
		assert_eq!(power(ALICE), (300 + 500, 600 + 1_000));
		assert_noop!(
			Power::end_lease(&ALICE, &BOB, 20 * UNIT, START + 2 * DAY),
			Error::<Test>::UnknownLease
		);
	});
}

#[test]
fn leased_stake_is_committed_until_it_ends() {
	run(|| {
		assert_ok!(Power::start_lease(&ALICE, &BOB, 45 * UNIT, START + DAY));
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
fn start_lease_refuses_bad_input() {
	run(|| {
		let until = START + DAY;
		assert_noop!(Power::start_lease(&ALICE, &BOB, 0, until), Error::<Test>::ZeroAmount);
		assert_noop!(
			Power::start_lease(&ALICE, &ALICE, UNIT, until),
			Error::<Test>::SelfDelegation
		);
		assert_noop!(Power::start_lease(&ALICE, &BOB, UNIT, START), Error::<Test>::LeaseEndInPast);
		assert_noop!(
			Power::start_lease(&ALICE, &BOB, 51 * UNIT, until),
			Error::<Test>::InsufficientStake
		);
		for i in 0..3 {
			assert_ok!(Power::start_lease(&ALICE, &BOB, UNIT, until + i));
		}
		assert_noop!(
			Power::start_lease(&ALICE, &BOB, UNIT, until + 9),
			Error::<Test>::TooManyLeases
		);
		assert_noop!(
			Power::start_lease(&CHARLIE, &BOB, UNIT, until),
			Error::<Test>::InsufficientStake
		);
	});
}
