//! `PowerLedger` for the metering and market pallets: spend, refund, all or nothing.

use super::mock::*;
use crate::Error;
use fluxomics_primitives::{PowerKind, PowerLedger};
use frame_support::{assert_noop, assert_ok};

#[test]
fn consume_spends_exactly_and_refuses_more_than_available() {
	ExtBuilder::build_and_execute(|| {
		advance(DAY);
		assert_eq!(Power::available(&ALICE, PowerKind::Msg), 500);
		assert_ok!(Power::consume(&ALICE, PowerKind::Msg, 120));
		assert_ok!(Power::consume(&ALICE, PowerKind::Exec, 1_000));
		assert_eq!(power(ALICE), (380, 0));
		assert_noop!(Power::consume(&ALICE, PowerKind::Msg, 381), Error::<Test>::InsufficientPower);
		assert_noop!(
			Power::consume(&CHARLIE, PowerKind::Exec, 1),
			Error::<Test>::InsufficientPower
		);
		// Spending nothing always works.
		assert_ok!(Power::consume(&CHARLIE, PowerKind::Exec, 0));
	});
}

#[test]
fn accrual_goes_on_after_spending() {
	ExtBuilder::build_and_execute(|| {
		advance(DAY);
		assert_ok!(Power::consume(&ALICE, PowerKind::Msg, 500));
		advance(DAY);
		assert_eq!(power(ALICE).0, 500);
	});
}

#[test]
fn refund_gives_back_but_never_above_the_cap() {
	ExtBuilder::build_and_execute(|| {
		advance(DAY);
		assert_ok!(Power::consume(&ALICE, PowerKind::Exec, 600));
		Power::refund(&ALICE, PowerKind::Exec, 100);
		assert_eq!(power(ALICE).1, 500);
		advance(10 * DAY);
		Power::refund(&ALICE, PowerKind::Exec, 100);
		assert_eq!(power(ALICE).1, 7_000);
	});
}

#[test]
fn both_kinds_are_read_and_spent_in_one_settlement() {
	ExtBuilder::build_and_execute(|| {
		advance(DAY);
		assert_eq!(Power::available_both(&ALICE), power(ALICE));
		let (msg, exec) = power(ALICE);
		assert_ok!(Power::consume_both(&ALICE, 100, exec));
		assert_eq!(power(ALICE), (msg - 100, 0));
		// All or nothing: a shortfall of either kind spends neither.
		assert_noop!(Power::consume_both(&ALICE, 1, 1), Error::<Test>::InsufficientPower);
		assert_noop!(Power::consume_both(&ALICE, msg - 99, 0), Error::<Test>::InsufficientPower);
		assert_ok!(Power::consume_both(&CHARLIE, 0, 0));
	});
}
