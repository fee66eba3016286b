//! `convert`: HETU into the reserve, Flux minted at `hetu_per_flux` (2 HETU per Flux here).

use super::mock::*;
use crate::{Error, Event, TotalIssuance, TotalMinted};
use fluxomics_primitives::UNIT;
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};

#[test]
fn convert_mints_at_the_rate_and_pays_the_reserve() {
	run_test(|| {
		let reserve = Flux::reserve_account();
		let issuance = TotalIssuance::<Test>::get();
		assert_ok!(Flux::convert(RuntimeOrigin::signed(DAVE), 10 * UNIT));

		assert_eq!(Flux::account(&DAVE).free, 5 * UNIT);
		assert_eq!(Balances::balance(&DAVE), 990 * UNIT);
		// The reserve started with the existential deposit.
		assert_eq!(Balances::balance(&reserve), 10 * UNIT + 1_000);
		assert_eq!(TotalIssuance::<Test>::get(), issuance + 5 * UNIT);
		assert_eq!(TotalMinted::<Test>::get(), issuance + 5 * UNIT);
		assert_eq!(last_event(), Event::Converted { who: DAVE, hetu: 10 * UNIT, flux: 5 * UNIT });
	});
}

#[test]
fn convert_rounds_flux_down() {
	run_test(|| {
		assert_ok!(Flux::convert(RuntimeOrigin::signed(DAVE), 2 * UNIT + 3));
		assert_eq!(Flux::account(&DAVE).free, UNIT + 1);
	});
}

#[test]
fn a_flux_holder_is_a_sufficient_and_exists_without_hetu() {
	run_test(|| {
		assert_eq!(System::sufficients(&DAVE), 0);
		assert_ok!(Flux::convert(RuntimeOrigin::signed(DAVE), 10 * UNIT));
		assert_eq!(System::sufficients(&DAVE), 1);
		// Charlie's genesis Flux made it a sufficient too.
		assert_eq!(System::sufficients(&CHARLIE), 1);
	});
}

#[test]
fn convert_refuses_zero() {
	run_test(|| {
		assert_noop!(Flux::convert(RuntimeOrigin::signed(DAVE), 0), Error::<Test>::ZeroAmount);
	});
}

#[test]
fn convert_refuses_dust() {
	run_test(|| {
		// 1 HETU buys half a Flux: below the 1 Flux minimum.
		assert_noop!(
			Flux::convert(RuntimeOrigin::signed(DAVE), UNIT),
			Error::<Test>::BelowMinimumConvert
		);
	});
}

#[test]
fn convert_refuses_more_hetu_than_held_keeping_the_existential_deposit() {
	run_test(|| {
		assert_noop!(
			Flux::convert(RuntimeOrigin::signed(DAVE), 1_000 * UNIT),
			Error::<Test>::InsufficientHetu
		);
		assert_noop!(
			Flux::convert(RuntimeOrigin::signed(NOBODY), 10 * UNIT),
			Error::<Test>::InsufficientHetu
		);
	});
}

#[test]
fn convert_needs_a_signed_origin() {
	run_test(|| {
		assert_noop!(
			Flux::convert(RuntimeOrigin::root(), 10 * UNIT),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}
