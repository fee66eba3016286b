//! One adversary against the shared market: a full book, offers nobody can use, tiny leases that
//! fill a lender's slots, Flux moved at any price, and a steered price index. Each test runs the
//! attack and shows it fail (docs/security.md lists them).

use super::mock::*;
use crate::{pallet::*, Error, Event};
use fluxomics_primitives::UNIT;
use frame_support::{assert_noop, assert_ok};

fn stake(who: AccountId, amount: u128) {
	assert_ok!(Flux::stake(RuntimeOrigin::signed(who), amount));
}

#[test]
fn a_book_full_of_dear_offers_gives_way_to_a_cheaper_one() {
	run_test(|| {
		// The attacker fills the book (4 here) at a price nobody pays, two offers an account.
		let dear = 9 * PRICE;
		for who in [ALICE, ALICE, BOB, BOB] {
			assert_ok!(list(who, UNIT, dear));
		}
		assert_noop!(list(ALICE, UNIT, dear), Error::<Test>::TooManyOffersOfLender);
		// An honest lender at the same price waits its turn ...
		stake(CHARLIE, 50 * UNIT);
		assert_noop!(list(CHARLIE, 10 * UNIT, dear), Error::<Test>::TooManyOffers);
		// ... and a cheaper one takes the dearest, newest place.
		assert_ok!(list(CHARLIE, 10 * UNIT, PRICE));
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::PowerMarket(Event::OfferEvicted {
				offer: 3,
				lender: BOB,
				released: UNIT,
			})));
		assert_eq!(book(), vec![(PRICE, 4), (dear, 0), (dear, 1), (dear, 2)]);
		// The evicted stake is free again and its offer gone.
		assert_eq!((Listed::<Test>::get(BOB), OffersOf::<Test>::get(BOB)), (UNIT, 1));
		assert!(Offers::<Test>::get(3).is_none());
	});
}

#[test]
fn offers_nobody_can_use_do_not_use_up_rent_best() {
	run_test(|| {
		// In front of the book: two cheap offers only a day-long lease can take, and a dust
		// offer of 1 Flux. `rent_best` fills from at most 3 offers here.
		let o = RuntimeOrigin::signed(ALICE);
		assert_ok!(PowerMarket::list(o.clone(), UNIT, PRICE / 10, DAY - 1, DAY));
		assert_ok!(PowerMarket::list(o, UNIT, PRICE / 10, DAY - 1, DAY));
		assert_ok!(list(BOB, UNIT, PRICE / 2));
		assert_ok!(list(BOB, 40 * UNIT, PRICE));
		// An hour of 10 Flux: the odd windows cost nothing to pass over, and the dust offer is
		// below an even share of what is left (10 over 3 fills), so the real offer fills it.
		assert_ok!(PowerMarket::rent_best(RuntimeOrigin::signed(CHARLIE), 10 * UNIT, HOUR, PRICE));
		assert_eq!(Leases::<Test>::get(0).map(|l| (l.offer, l.amount)), Some((3, 10 * UNIT)));
		assert_eq!(Leases::<Test>::count(), 1);
	});
}

#[test]
fn tiny_leases_cannot_fill_a_lenders_lease_slots() {
	run_test(|| {
		assert_ok!(list(ALICE, 40 * UNIT, PRICE));
		assert_ok!(list(ALICE, 20 * UNIT, PRICE));
		// 1-Flux leases would fill Alice's 8 Power lease slots and freeze the rest of her stake.
		assert_noop!(
			PowerMarket::rent(RuntimeOrigin::signed(CHARLIE), 0, UNIT, DAY, UNIT),
			Error::<Test>::LeaseBelowShare
		);
		// Each lease takes at least an even share: four leases empty the 40-Flux offer ...
		for taken in 0..4u128 {
			let share = (40 * UNIT - taken * 10 * UNIT) / (4 - taken);
			// (Leases end in different buckets: the mock's buckets hold three.)
			let duration = DAY - 2 * SECOND * taken as u64;
			assert_ok!(PowerMarket::rent(RuntimeOrigin::signed(CHARLIE), 0, share, duration, UNIT));
		}
		let offer = Offers::<Test>::get(0).unwrap();
		assert_eq!((offer.available, offer.leased, offer.leases), (0, 40 * UNIT, 4));
		// ... and the other offer still has all its slots.
		assert_ok!(PowerMarket::rent(RuntimeOrigin::signed(CHARLIE), 1, 5 * UNIT, DAY, UNIT));
		// An offer with no slot left cannot be given stake again until a lease ends.
		assert_noop!(
			PowerMarket::update_offer(RuntimeOrigin::signed(ALICE), 0, UNIT, PRICE, SECOND, DAY),
			Error::<Test>::NoLeaseSlot
		);
	});
}

#[test]
fn flux_cannot_move_through_the_market_above_the_protocol_price() {
	run_test(|| {
		// Alice lists 1 Flux at 1 000 Flux a capacity-day; her sybil Charlie "rents" it to move
		// his Flux to her. The protocol sells a capacity-day for 1 Flux.
		assert_ok!(list(ALICE, UNIT, 1_000 * UNIT));
		assert_noop!(
			PowerMarket::rent(RuntimeOrigin::signed(CHARLIE), 0, UNIT, DAY, u128::MAX),
			Error::<Test>::PriceAboveProtocol
		);
		assert_noop!(
			PowerMarket::rent_best(RuntimeOrigin::signed(CHARLIE), UNIT, DAY, u128::MAX),
			Error::<Test>::NotEnoughOffers
		);
		// At the protocol's price the renter gets Power worth what it paid.
		assert_ok!(PowerMarket::update_offer(
			RuntimeOrigin::signed(ALICE),
			0,
			UNIT,
			UNIT,
			SECOND,
			DAY
		));
		assert_ok!(PowerMarket::rent(RuntimeOrigin::signed(CHARLIE), 0, UNIT, DAY, u128::MAX));
		assert_eq!(free(CHARLIE), 99 * UNIT);
		// Without a protocol price nothing rents.
		Ceiling::set(None);
		assert_ok!(list(BOB, 10 * UNIT, PRICE));
		assert_noop!(
			PowerMarket::rent(RuntimeOrigin::signed(CHARLIE), 1, 10 * UNIT, DAY, u128::MAX),
			Error::<Test>::PriceAboveProtocol
		);
	});
}

#[test]
fn self_dealing_fills_barely_move_the_price_index() {
	run_test(|| {
		assert_ok!(list(ALICE, 40 * UNIT, PRICE));
		assert_ok!(list(BOB, UNIT, 10 * PRICE));
		// The market's fills: 40 Flux for a day at 0.1.
		assert_ok!(PowerMarket::rent(RuntimeOrigin::signed(CHARLIE), 0, 40 * UNIT, DAY, 4 * UNIT));
		assert_eq!(PowerMarket::price_index(), Some(PRICE));
		// Bob's sybil Charlie rents Bob's 1 Flux for a second at ten times the price: the fill
		// weighs 1 Flux-second against 40 Flux-days: the index moves by 2.6 millionths.
		assert_ok!(PowerMarket::rent(RuntimeOrigin::signed(CHARLIE), 1, UNIT, SECOND, UNIT));
		assert_eq!(PowerMarket::price_index(), Some(PRICE + 260_416));
		// Moving it halfway takes as many stake-days as the market's: 40 Flux-days, locked.
		let index = PriceIndex::<Test>::get().unwrap();
		assert_eq!(index.volume, 40 * UNIT + UNIT / 86_400);
	});
}

#[test]
fn a_renter_with_all_its_offers_in_front_still_fills_from_the_others() {
	run_test(|| {
		// Charlie's two offers (his most) are the cheapest; Bob's comes after them.
		stake(CHARLIE, 50 * UNIT);
		assert_ok!(list(CHARLIE, 10 * UNIT, PRICE / 10));
		assert_ok!(list(CHARLIE, 10 * UNIT, PRICE / 5));
		assert_ok!(list(BOB, 10 * UNIT, PRICE));
		assert_ok!(PowerMarket::rent_best(RuntimeOrigin::signed(CHARLIE), 10 * UNIT, HOUR, PRICE));
		assert_eq!(Leases::<Test>::get(0).map(|l| (l.lender, l.offer)), Some((BOB, 2)));
	});
}
