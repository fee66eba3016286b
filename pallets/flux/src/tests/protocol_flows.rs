//! The protocol flows other pallets use through `FluxLedger`: each checked, each evented, and
//! nothing changed on error.

use super::mock::*;
use crate::{Error, Event, TotalBurned, TotalIssuance};
use fluxomics_primitives::{FluxLedger, StakeInfo, UNIT};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};

#[test]
fn mint_creates_free_flux_and_a_sufficient() {
	run_test(|| {
		let issuance = TotalIssuance::<Test>::get();
		assert_ok!(<Flux as FluxLedger<_>>::mint(&NOBODY, 7 * UNIT));
		assert_eq!(Flux::free(&NOBODY), 7 * UNIT);
		assert_eq!(System::sufficients(&NOBODY), 1);
		assert_eq!(TotalIssuance::<Test>::get(), issuance + 7 * UNIT);
		assert_eq!(last_event(), Event::Minted { who: NOBODY, amount: 7 * UNIT });
	});
}

#[test]
fn mint_and_stake_stakes_even_below_the_minimum_and_tells_the_observer() {
	run_test(|| {
		assert_ok!(Flux::mint_and_stake(&BOB, UNIT));
		assert_eq!(Flux::staked(&BOB), UNIT);
		assert_eq!(observed(), vec![(BOB, 0)]);
		assert_eq!(last_event(), Event::AutoStaked { who: BOB, amount: UNIT });
	});
}

#[test]
fn burn_destroys_free_flux() {
	run_test(|| {
		let issuance = TotalIssuance::<Test>::get();
		assert_ok!(<Flux as FluxLedger<_>>::burn(&BOB, 5 * UNIT));
		assert_eq!(Flux::free(&BOB), 15 * UNIT);
		assert_eq!(TotalIssuance::<Test>::get(), issuance - 5 * UNIT);
		assert_eq!(TotalBurned::<Test>::get(), 5 * UNIT);
		assert_noop!(
			<Flux as FluxLedger<_>>::burn(&BOB, 16 * UNIT),
			Error::<Test>::InsufficientFree
		);
		assert_noop!(<Flux as FluxLedger<_>>::burn(&BOB, 0), Error::<Test>::ZeroAmount);
	});
}

#[test]
fn fees_go_to_the_sink_and_nothing_is_burned() {
	run_test(|| {
		let issuance = TotalIssuance::<Test>::get();
		assert_ok!(Flux::pay_to_sink(&BOB, 3 * UNIT));
		assert_eq!(Flux::free(&Flux::sink_account()), 3 * UNIT);
		assert_eq!(Flux::free(&BOB), 17 * UNIT);
		assert_eq!(TotalIssuance::<Test>::get(), issuance);
		assert_eq!(last_event(), Event::PaidToSink { who: BOB, amount: 3 * UNIT });
		assert_noop!(Flux::pay_to_sink(&BOB, 18 * UNIT), Error::<Test>::InsufficientFree);
	});
}

#[test]
fn transfer_moves_free_flux_and_cleans_up_an_emptied_account() {
	run_test(|| {
		assert_ok!(<Flux as FluxLedger<_>>::transfer(&BOB, &NOBODY, 20 * UNIT));
		assert_eq!(Flux::free(&NOBODY), 20 * UNIT);
		assert!(crate::Accounts::<Test>::get(BOB).is_none());
		assert_eq!(System::sufficients(&BOB), 0);
		assert_eq!(last_event(), Event::Moved { from: BOB, to: NOBODY, amount: 20 * UNIT });
		assert_noop!(
			<Flux as FluxLedger<_>>::transfer(&BOB, &NOBODY, 1),
			Error::<Test>::InsufficientFree
		);
	});
}

#[test]
fn hold_release_and_slash_collateral() {
	run_test(|| {
		assert_ok!(Flux::hold(&BOB, 10 * UNIT));
		assert_eq!((Flux::account(&BOB).free, Flux::account(&BOB).held), (10 * UNIT, 10 * UNIT));
		assert_noop!(Flux::hold(&BOB, 11 * UNIT), Error::<Test>::InsufficientFree);
		assert_ok!(Flux::release(&BOB, 4 * UNIT));
		assert_eq!(last_event(), Event::Released { who: BOB, amount: 4 * UNIT });
		assert_noop!(Flux::release(&BOB, 7 * UNIT), Error::<Test>::InsufficientHeld);

		// Half the rest to Charlie, half burned.
		let issuance = TotalIssuance::<Test>::get();
		assert_ok!(Flux::slash_held(&BOB, 3 * UNIT, Some(&CHARLIE)));
		assert_eq!(Flux::free(&CHARLIE), 3 * UNIT);
		assert_ok!(Flux::slash_held(&BOB, 3 * UNIT, None));
		assert_eq!(TotalIssuance::<Test>::get(), issuance - 3 * UNIT);
		assert_eq!(Flux::account(&BOB).held, 0);
		assert_eq!(last_event(), Event::Slashed { who: BOB, amount: 3 * UNIT, to: None });
		assert_noop!(Flux::slash_held(&BOB, 1, None), Error::<Test>::InsufficientHeld);
	});
}

#[test]
fn convert_for_buys_just_enough_flux_with_hetu() {
	run_test(|| {
		// 3 planck of Flux at 2 HETU per Flux costs 6 planck of HETU.
		assert_eq!(Flux::convert_for(&DAVE, 3), Ok(6));
		assert_eq!(Flux::free(&DAVE), 3);
		assert_eq!(Balances::balance(&DAVE), 1_000 * UNIT - 6);
		// Keeping the existential deposit (1 000 planck) of HETU.
		let spendable = 1_000 * UNIT - 6 - 1_000;
		assert_noop!(Flux::convert_for(&DAVE, spendable / 2 + 1), Error::<Test>::InsufficientHetu);
		assert_ok!(Flux::convert_for(&DAVE, spendable / 2));
		assert_noop!(Flux::convert_for(&DAVE, 0), Error::<Test>::ZeroAmount);
	});
}

#[test]
fn amounts_that_would_overflow_are_refused() {
	run_test(|| {
		assert_noop!(<Flux as FluxLedger<_>>::mint(&BOB, u128::MAX), Error::<Test>::Overflow);
	});
}

#[test]
fn quote_convert_for_tells_the_price_and_changes_nothing() {
	run_test(|| {
		let before = Balances::balance(&DAVE);
		assert_eq!(Flux::quote_convert_for(&DAVE, 3), Some(6));
		assert_eq!(Flux::quote_convert_for(&DAVE, 0), Some(0));
		let spendable = before - 1_000;
		assert_eq!(Flux::quote_convert_for(&DAVE, spendable / 2), Some(spendable - spendable % 2));
		assert_eq!(Flux::quote_convert_for(&DAVE, spendable / 2 + 1), None);
		assert_eq!(Balances::balance(&DAVE), before);
		assert_eq!(Flux::free(&DAVE), 0);
		// The quote is what the conversion takes.
		assert_eq!(Flux::convert_for(&DAVE, 3), Ok(6));
	});
}

#[test]
fn refund_from_sink_returns_fees() {
	run_test(|| {
		assert_ok!(Flux::pay_to_sink(&BOB, 5 * UNIT));
		assert_ok!(Flux::refund_from_sink(&BOB, 2 * UNIT));
		assert_eq!(Flux::free(&Flux::sink_account()), 3 * UNIT);
		assert_noop!(Flux::refund_from_sink(&BOB, 3 * UNIT + 1), Error::<Test>::InsufficientFree);
	});
}
