//! Listing, changing and cancelling offers; listed stake is reserved.

use super::mock::*;
use crate::{pallet::*, Error, Event};
use fluxomics_primitives::UNIT;
use frame_support::{assert_noop, assert_ok};

#[test]
fn listing_reserves_stake_and_enters_the_book() {
	run_test(|| {
		assert_ok!(list(ALICE, 40 * UNIT, PRICE));
		assert_eq!(
			last_event(),
			Event::Listed {
				offer: 0,
				lender: ALICE,
				amount: 40 * UNIT,
				price: PRICE,
				min_duration: SECOND,
				max_duration: DAY
			}
		);
		assert_eq!(Listed::<Test>::get(ALICE), 40 * UNIT);
		assert_eq!(book(), vec![(PRICE, 0)]);
		// Reserved: neither unstaked nor delegated, and not listed twice.
		assert_noop!(
			Flux::unstake(RuntimeOrigin::signed(ALICE), 61 * UNIT),
			pallet_flux::Error::<Test>::StakeCommitted
		);
		assert_noop!(
			Power::delegate(RuntimeOrigin::signed(ALICE), BOB, 61 * UNIT, 0),
			pallet_power::Error::<Test>::InsufficientStake
		);
		assert_noop!(list(ALICE, 61 * UNIT, PRICE), Error::<Test>::InsufficientStake);
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(ALICE), 60 * UNIT));
	});
}

#[test]
fn bad_offers_are_refused() {
	run_test(|| {
		let o = RuntimeOrigin::signed(ALICE);
		assert_noop!(list(ALICE, UNIT - 1, PRICE), Error::<Test>::AmountTooSmall);
		assert_noop!(list(ALICE, UNIT, 0), Error::<Test>::ZeroPrice);
		assert_noop!(
			PowerMarket::list(o.clone(), UNIT, PRICE, SECOND - 1, DAY),
			Error::<Test>::DurationOutOfRange
		);
		assert_noop!(
			PowerMarket::list(o.clone(), UNIT, PRICE, SECOND, DAY + 1),
			Error::<Test>::DurationOutOfRange
		);
		assert_noop!(
			PowerMarket::list(o, UNIT, PRICE, HOUR, SECOND),
			Error::<Test>::DurationOutOfRange
		);
		assert_noop!(list(CHARLIE, UNIT, PRICE), Error::<Test>::InsufficientStake);
		assert_noop!(list(ALICE, 2 * UNIT, u128::MAX), Error::<Test>::Overflow);
		for _ in 0..2 {
			assert_ok!(list(ALICE, UNIT, PRICE));
		}
		assert_noop!(list(ALICE, UNIT, PRICE), Error::<Test>::TooManyOffersOfLender);
	});
}

#[test]
fn the_book_keeps_the_cheapest_first() {
	run_test(|| {
		assert_ok!(list(ALICE, 10 * UNIT, 3 * PRICE));
		assert_ok!(list(BOB, 10 * UNIT, PRICE));
		assert_ok!(list(ALICE, 10 * UNIT, 2 * PRICE));
		assert_ok!(list(BOB, 10 * UNIT, PRICE));
		let ids: Vec<_> = book().iter().map(|(_, id)| *id).collect();
		assert_eq!(ids, vec![1, 3, 2, 0]);
		assert_eq!(
			PowerMarket::best_offers(2).iter().map(|v| v.id).collect::<Vec<_>>(),
			vec![1, 3]
		);
	});
}

#[test]
fn lenders_change_and_cancel_what_is_not_leased() {
	run_test(|| {
		assert_ok!(list(ALICE, 40 * UNIT, PRICE));
		assert_noop!(
			PowerMarket::update_offer(RuntimeOrigin::signed(BOB), 0, UNIT, PRICE, SECOND, DAY),
			Error::<Test>::NotLender
		);
		assert_noop!(
			PowerMarket::update_offer(RuntimeOrigin::signed(ALICE), 3, UNIT, PRICE, SECOND, DAY),
			Error::<Test>::UnknownOffer
		);
		assert_noop!(
			PowerMarket::update_offer(RuntimeOrigin::signed(ALICE), 0, UNIT, 0, SECOND, DAY),
			Error::<Test>::ZeroPrice
		);
		assert_noop!(
			PowerMarket::update_offer(
				RuntimeOrigin::signed(ALICE),
				0,
				101 * UNIT,
				PRICE,
				SECOND,
				DAY
			),
			Error::<Test>::InsufficientStake
		);
		assert_noop!(
			PowerMarket::update_offer(RuntimeOrigin::signed(ALICE), 0, 0, PRICE, SECOND, DAY),
			Error::<Test>::AmountTooSmall
		);
		assert_ok!(PowerMarket::update_offer(
			RuntimeOrigin::signed(ALICE),
			0,
			60 * UNIT,
			2 * PRICE,
			SECOND,
			HOUR
		));
		assert_eq!(Listed::<Test>::get(ALICE), 60 * UNIT);
		assert_eq!(Offers::<Test>::get(0).unwrap().max_duration, HOUR);
		assert_noop!(
			PowerMarket::cancel_offer(RuntimeOrigin::signed(BOB), 0),
			Error::<Test>::NotLender
		);
		assert_noop!(
			PowerMarket::cancel_offer(RuntimeOrigin::signed(ALICE), 9),
			Error::<Test>::UnknownOffer
		);
		assert_ok!(PowerMarket::cancel_offer(RuntimeOrigin::signed(ALICE), 0));
		assert_eq!(
			last_event(),
			Event::OfferCancelled { offer: 0, lender: ALICE, released: 60 * UNIT }
		);
		assert_eq!(Listed::<Test>::get(ALICE), 0);
		assert!(OrderBook::<Test>::get().is_empty());
		// The stake is free again.
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(ALICE), 100 * UNIT));
	});
}

#[test]
fn a_leased_offer_cannot_be_cancelled() {
	run_test(|| {
		assert_ok!(list(ALICE, 40 * UNIT, PRICE));
		assert_ok!(PowerMarket::rent(RuntimeOrigin::signed(CHARLIE), 0, 40 * UNIT, HOUR, UNIT));
		assert_noop!(
			PowerMarket::cancel_offer(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::OfferLeased
		);
		// Nothing left to rent is allowed while leased; terms can still change.
		assert_ok!(PowerMarket::update_offer(
			RuntimeOrigin::signed(ALICE),
			0,
			0,
			2 * PRICE,
			SECOND,
			DAY
		));
	});
}

#[test]
fn params_are_validated() {
	run_test(|| {
		let mut p = test_params();
		p.min_duration = 0;
		assert_noop!(
			PowerMarket::set_params(RuntimeOrigin::root(), p),
			Error::<Test>::ZeroMinDuration
		);
		p = test_params();
		p.max_duration = SECOND - 1;
		assert_noop!(
			PowerMarket::set_params(RuntimeOrigin::root(), p),
			Error::<Test>::MinDurationAboveMax
		);
		p = test_params();
		p.min_amount = 0;
		assert_noop!(
			PowerMarket::set_params(RuntimeOrigin::root(), p),
			Error::<Test>::ZeroMinAmount
		);
		// Leases of more than a year would commit stake beyond what a later vote can undo.
		p = test_params();
		p.max_duration = crate::MAX_LEASE_DURATION + 1;
		assert_noop!(
			PowerMarket::set_params(RuntimeOrigin::root(), p),
			Error::<Test>::MaxDurationTooLong
		);
		p.max_duration = crate::MAX_LEASE_DURATION;
		assert_ok!(PowerMarket::set_params(RuntimeOrigin::root(), p));
		assert_ok!(PowerMarket::set_params(RuntimeOrigin::root(), test_params()));
		assert_noop!(
			PowerMarket::set_params(RuntimeOrigin::signed(ALICE), test_params()),
			sp_runtime::DispatchError::BadOrigin
		);
		p = test_params();
		p.fee_share = sp_arithmetic::Perbill::from_percent(5);
		assert_ok!(PowerMarket::set_params(RuntimeOrigin::root(), p));
		assert_eq!(last_event(), Event::ParamsSet { old: test_params(), new: p });
	});
}

#[test]
fn a_fee_change_leaves_open_leases_as_they_were_made() {
	run_test(|| {
		assert_ok!(list(ALICE, 40 * UNIT, PRICE));
		assert_ok!(PowerMarket::rent(RuntimeOrigin::signed(CHARLIE), 0, 10 * UNIT, DAY, UNIT));
		let lease = Leases::<Test>::get(0).unwrap();
		let (alice, sink) = (free(ALICE), free(Flux::sink_account()));
		let mut p = test_params();
		p.fee_share = sp_arithmetic::Perbill::from_percent(50);
		assert_ok!(PowerMarket::set_params(RuntimeOrigin::root(), p));
		// The lease was paid in full when it was made: nothing is charged or refunded, its terms
		// and the generation it moves stay.
		assert_eq!(Leases::<Test>::get(0).unwrap(), lease);
		assert_eq!((free(ALICE), free(Flux::sink_account())), (alice, sink));
		assert_eq!((effective(ALICE), effective(CHARLIE)), (90 * UNIT, 10 * UNIT));
		// The next rent pays the new share: 0.5 Flux of 1 Flux.
		assert_ok!(PowerMarket::rent(RuntimeOrigin::signed(CHARLIE), 0, 10 * UNIT, DAY, UNIT));
		assert_eq!(free(Flux::sink_account()), sink + UNIT / 2);
	});
}
