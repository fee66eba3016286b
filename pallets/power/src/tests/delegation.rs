//! `delegate` and `undelegate`: generation moves with the delegated stake, both sides accrue
//! first, and locks hold.

use super::mock::*;
use crate::{Delegation, Delegations, Error, Event};
use fluxomics_primitives::UNIT;
use frame_support::{assert_noop, assert_ok};

#[test]
fn delegating_moves_generation_from_the_delegator_to_the_delegate() {
	run(|| {
		advance(DAY);
		assert_ok!(Power::delegate(RuntimeOrigin::signed(ALICE), CHARLIE, 20 * UNIT, DAY));
		assert_eq!(rates(ALICE), (300, 600));
		assert_eq!(rates(CHARLIE), (200, 400));
		assert_eq!(
			last_event(),
			Event::Delegated {
				from: ALICE,
				to: CHARLIE,
				amount: 20 * UNIT,
				total: 20 * UNIT,
				locked_until: START + 2 * DAY
			}
		);
		advance(DAY);
		// Alice accrued at 50 Flux for the first day, at 30 for the second.
		assert_eq!(power(ALICE), (500 + 300, 1_000 + 600));
		assert_eq!(power(CHARLIE), (200, 400));
	});
}

#[test]
fn delegating_again_to_the_same_account_adds_and_keeps_the_later_lock() {
	run(|| {
		assert_ok!(Power::delegate(RuntimeOrigin::signed(ALICE), CHARLIE, 10 * UNIT, 2 * DAY));
		assert_ok!(Power::delegate(RuntimeOrigin::signed(ALICE), CHARLIE, 5 * UNIT, DAY));
		assert_eq!(
			Delegations::<Test>::get(ALICE).into_inner(),
			vec![Delegation { to: CHARLIE, amount: 15 * UNIT, locked_until: START + 2 * DAY }]
		);
	});
}

#[test]
fn undelegating_after_the_lock_restores_both_rates() {
	run(|| {
		assert_ok!(Power::delegate(RuntimeOrigin::signed(ALICE), CHARLIE, 20 * UNIT, DAY));
		assert_noop!(
			Power::undelegate(RuntimeOrigin::signed(ALICE), CHARLIE),
			Error::<Test>::DelegationLocked
		);
		advance(DAY);
		assert_ok!(Power::undelegate(RuntimeOrigin::signed(ALICE), CHARLIE));
		assert_eq!(rates(ALICE), (500, 1_000));
		assert_eq!(rates(CHARLIE), (0, 0));
		assert_eq!(
			last_event(),
			Event::Undelegated { from: ALICE, to: CHARLIE, amount: 20 * UNIT }
		);
		// What Charlie earned while delegated to stays his (his cap is now 0: it goes).
		assert_eq!(power(CHARLIE), (0, 0));
		assert!(Delegations::<Test>::get(ALICE).is_empty());
	});
}

#[test]
fn delegate_refuses_bad_input() {
	run(|| {
		let alice = || RuntimeOrigin::signed(ALICE);
		assert_noop!(Power::delegate(alice(), BOB, 0, 0), Error::<Test>::ZeroAmount);
		assert_noop!(Power::delegate(alice(), ALICE, UNIT, 0), Error::<Test>::SelfDelegation);
		assert_noop!(Power::delegate(alice(), BOB, UNIT, 31 * DAY), Error::<Test>::LockTooLong);
		assert_noop!(Power::delegate(alice(), BOB, 51 * UNIT, 0), Error::<Test>::InsufficientStake);
		assert_noop!(
			Power::delegate(RuntimeOrigin::signed(CHARLIE), BOB, UNIT, 0),
			Error::<Test>::InsufficientStake
		);
		for to in [BOB, CHARLIE, DAVE] {
			assert_ok!(Power::delegate(alice(), to, UNIT, 0));
		}
		assert_noop!(Power::delegate(alice(), 42, UNIT, 0), Error::<Test>::TooManyDelegations);
		// 47 left: 48 is too much.
		assert_noop!(Power::delegate(alice(), BOB, 48 * UNIT, 0), Error::<Test>::InsufficientStake);
	});
}

#[test]
fn undelegate_refuses_an_unknown_delegation() {
	run(|| {
		assert_noop!(
			Power::undelegate(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::UnknownDelegation
		);
	});
}

#[test]
fn delegated_stake_cannot_be_unstaked() {
	run(|| {
		assert_ok!(Power::delegate(RuntimeOrigin::signed(ALICE), BOB, 40 * UNIT, 0));
		assert_noop!(
			Flux::unstake(RuntimeOrigin::signed(ALICE), 11 * UNIT),
			pallet_flux::Error::<Test>::StakeCommitted
		);
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(ALICE), 10 * UNIT));
		assert_ok!(Power::undelegate(RuntimeOrigin::signed(ALICE), BOB));
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(ALICE), 40 * UNIT));
	});
}

#[test]
fn the_delegate_s_own_stake_changes_do_not_disturb_the_delegation() {
	run(|| {
		assert_ok!(Power::delegate(RuntimeOrigin::signed(ALICE), BOB, 10 * UNIT, 0));
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(BOB), 20 * UNIT));
		assert_eq!(rates(BOB), (100, 200));
		advance(DAY);
		assert_eq!(power(BOB), (100, 200));
	});
}
