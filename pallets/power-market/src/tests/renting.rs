//! Renting one offer or the cheapest ones: payment, fee, the Power lease, price index.

use super::mock::*;
use crate::{pallet::*, Error, Event};
use fluxomics_primitives::UNIT;
use frame_support::{assert_noop, assert_ok};

#[test]
fn rent_pays_the_lender_and_the_sink_and_moves_generation() {
	run_test(|| {
		assert_ok!(list(ALICE, 40 * UNIT, PRICE));
		let sink = Flux::sink_account();
		// 10 Flux of stake for a day at 0.1 Flux per capacity-day: 1 Flux, 10 % to the sink.
		assert_ok!(PowerMarket::rent(RuntimeOrigin::signed(CHARLIE), 0, 10 * UNIT, DAY, UNIT));
		assert_eq!(
			last_event(),
			Event::Rented {
				lease: 0,
				offer: 0,
				lender: ALICE,
				renter: CHARLIE,
				amount: 10 * UNIT,
				start: START,
				end: START + DAY,
				price: PRICE,
				paid: UNIT,
				fee: UNIT / 10,
				index: PRICE,
			}
		);
		assert_eq!(free(CHARLIE), 99 * UNIT);
		assert_eq!(free(ALICE), UNIT * 9 / 10);
		assert_eq!(free(sink), UNIT / 10);
		assert_eq!((effective(ALICE), effective(CHARLIE)), (90 * UNIT, 10 * UNIT));
		let offer = Offers::<Test>::get(0).unwrap();
		assert_eq!((offer.available, offer.leased), (30 * UNIT, 10 * UNIT));
		assert_eq!(Listed::<Test>::get(ALICE), 30 * UNIT);
		// Charlie's Power grows at the rented rate: 10 PU a second of each kind.
		advance(10 * SECOND);
		assert_eq!(Power::power_of(&CHARLIE).power.msg, 100);
	});
}

#[test]
fn bad_rents_are_refused() {
	run_test(|| {
		assert_ok!(list(ALICE, 40 * UNIT, PRICE));
		let c = || RuntimeOrigin::signed(CHARLIE);
		assert_noop!(
			PowerMarket::rent(c(), 0, 10 * UNIT, DAY, UNIT - 1),
			Error::<Test>::PriceAboveCap
		);
		assert_noop!(
			PowerMarket::rent(c(), 0, 41 * UNIT, DAY, u128::MAX),
			Error::<Test>::InsufficientAvailable
		);
		// 40 Flux over 4 lease slots: a lease takes at least 10.
		assert_noop!(
			PowerMarket::rent(c(), 0, 10 * UNIT - 1, DAY, u128::MAX),
			Error::<Test>::LeaseBelowShare
		);
		assert_noop!(
			PowerMarket::rent(c(), 0, UNIT - 1, DAY, u128::MAX),
			Error::<Test>::AmountTooSmall
		);
		assert_noop!(
			PowerMarket::rent(c(), 0, 10 * UNIT, DAY + 1, u128::MAX),
			Error::<Test>::DurationOutOfRange
		);
		assert_noop!(PowerMarket::rent(c(), 7, UNIT, DAY, u128::MAX), Error::<Test>::UnknownOffer);
		assert_noop!(
			PowerMarket::rent(RuntimeOrigin::signed(ALICE), 0, 10 * UNIT, DAY, u128::MAX),
			Error::<Test>::OwnOffer
		);
		// Dave has no Flux to pay with.
		assert_noop!(
			PowerMarket::rent(RuntimeOrigin::signed(DAVE), 0, 10 * UNIT, DAY, u128::MAX),
			pallet_flux::Error::<Test>::InsufficientFree
		);
	});
}

#[test]
fn rent_best_fills_from_the_cheapest_and_skips_its_own() {
	run_test(|| {
		assert_ok!(list(BOB, 20 * UNIT, 2 * PRICE));
		assert_ok!(list(ALICE, 10 * UNIT, PRICE));
		assert_ok!(list(ALICE, 5 * UNIT, 3 * PRICE));
		let quote = PowerMarket::quote(25 * UNIT, DAY);
		// 10 from Alice at 0.1 and 15 from Bob at 0.2: 1 + 3 Flux.
		assert_eq!(
			(quote.amount, quote.total, quote.max_price, quote.offers),
			(25 * UNIT, 4 * UNIT, 2 * PRICE, 2)
		);
		assert_ok!(PowerMarket::rent_best(
			RuntimeOrigin::signed(CHARLIE),
			25 * UNIT,
			DAY,
			2 * PRICE
		));
		assert_eq!(free(CHARLIE), 96 * UNIT);
		assert_eq!(effective(CHARLIE), 25 * UNIT);
		assert_eq!(Offers::<Test>::get(0).unwrap().available, 5 * UNIT);
		assert_eq!(Offers::<Test>::get(1).unwrap().available, 0);
		// The index weighs the fills by stake-days: 10 at 0.1 and 15 at 0.2.
		assert_eq!(PowerMarket::price_index(), Some(PRICE * 8 / 5));
		// Alice's own offers are skipped when she rents; Bob's 5 at 0.2 and Alice's at 0.3
		// cannot fill 10 under a 0.2 cap.
		assert_noop!(
			PowerMarket::rent_best(RuntimeOrigin::signed(CHARLIE), 10 * UNIT, DAY, 2 * PRICE),
			Error::<Test>::NotEnoughOffers
		);
		assert_noop!(
			PowerMarket::rent_best(RuntimeOrigin::signed(ALICE), 6 * UNIT, DAY, 10 * PRICE),
			Error::<Test>::NotEnoughOffers
		);
		// An hour of Bob's last 5 costs Alice 5 · 0.2 / 24 Flux, out of the 0.9 she earned.
		assert_ok!(PowerMarket::rent_best(
			RuntimeOrigin::signed(ALICE),
			5 * UNIT,
			HOUR,
			10 * PRICE
		));
	});
}

#[test]
fn a_renter_without_power_or_stake_still_rents() {
	run_test(|| {
		assert_ok!(list(ALICE, 40 * UNIT, PRICE));
		assert_eq!(Power::power_of(&CHARLIE).per_day.msg, 0);
		assert_ok!(PowerMarket::rent(RuntimeOrigin::signed(CHARLIE), 0, 40 * UNIT, HOUR, UNIT));
		assert_eq!(Power::power_of(&CHARLIE).per_day.msg, 40 * 86_400);
	});
}
