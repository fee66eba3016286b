//! `PowerLedger` for the metering and market pallets: spend, refund, all or nothing, each in
//! one accrual.

use super::mock::*;
use crate::{Accounts, Error};
use fluxomics_primitives::{PerKind, PowerLedger};
use frame_support::{assert_noop, assert_ok};

/// `x` PU of messaging Power.
fn msg(x: u128) -> PerKind<u128> {
	PerKind::new(x, 0)
}

/// `x` PU of execution Power.
fn exec(x: u128) -> PerKind<u128> {
	PerKind::new(0, x)
}

#[test]
fn consume_spends_exactly_and_refuses_more_than_available() {
	run(|| {
		advance(DAY);
		assert_eq!(Power::available(&ALICE).msg, 500);
		assert_ok!(Power::consume(&ALICE, msg(120)));
		assert_ok!(Power::consume(&ALICE, exec(1_000)));
		assert_eq!(power(ALICE), (380, 0));
		assert_noop!(Power::consume(&ALICE, msg(381)), Error::<Test>::InsufficientPower);
		assert_noop!(Power::consume(&CHARLIE, exec(1)), Error::<Test>::InsufficientPower);
		// Spending nothing always works.
		assert_ok!(Power::consume(&CHARLIE, exec(0)));
	});
}

#[test]
fn accrual_goes_on_after_spending() {
	run(|| {
		advance(DAY);
		assert_ok!(Power::consume(&ALICE, msg(500)));
		advance(DAY);
		assert_eq!(power(ALICE).0, 500);
	});
}

#[test]
fn refund_gives_back_but_never_above_the_cap() {
	run(|| {
		advance(DAY);
		assert_ok!(Power::consume(&ALICE, exec(600)));
		Power::refund(&ALICE, exec(100));
		assert_eq!(power(ALICE).1, 500);
		advance(10 * DAY);
		Power::refund(&ALICE, exec(100));
		assert_eq!(power(ALICE).1, 7_000);
	});
}

#[test]
fn both_kinds_are_read_and_spent_in_one_accrual() {
	run(|| {
		advance(DAY);
		let available = Power::available(&ALICE);
		assert_eq!((available.msg, available.exec), power(ALICE));
		let (m, e) = power(ALICE);
		assert_ok!(Power::consume(&ALICE, PerKind::new(100, e)));
		assert_eq!(power(ALICE), (m - 100, 0));
		// All or nothing: a shortfall of either kind spends neither.
		assert_noop!(Power::consume(&ALICE, PerKind::new(1, 1)), Error::<Test>::InsufficientPower);
		assert_noop!(
			Power::consume(&ALICE, PerKind::new(m - 99, 0)),
			Error::<Test>::InsufficientPower
		);
		assert_ok!(Power::consume(&CHARLIE, PerKind::new(0, 0)));
	});
}

#[test]
fn refund_of_both_kinds_at_once_and_of_nothing_writes_nothing() {
	run(|| {
		advance(DAY);
		assert_ok!(Power::consume(&ALICE, PerKind::new(300, 600)));
		Power::refund(&ALICE, PerKind::new(100, 200));
		assert_eq!(power(ALICE), (300, 600));
		// A zero refund does not even create a record for an account without one.
		Power::refund(&DAVE, PerKind::default());
		assert!(Accounts::<Test>::get(DAVE).is_none());
		let before = Accounts::<Test>::get(ALICE);
		advance(DAY);
		Power::refund(&ALICE, PerKind::default());
		assert_eq!(Accounts::<Test>::get(ALICE), before);
	});
}
