//! Leases end by themselves; the hook and `expire_lease` clean up within bounds.

use super::mock::*;
use crate::{pallet::*, Error, Event};
use fluxomics_primitives::UNIT;
use frame_support::{assert_noop, assert_ok};

#[test]
fn a_lease_stops_generating_at_its_end_even_unprocessed() {
	run_test(|| {
		assert_ok!(list(ALICE, 40 * UNIT, PRICE));
		assert_ok!(PowerMarket::rent(
			RuntimeOrigin::signed(CHARLIE),
			0,
			10 * UNIT,
			10 * SECOND,
			UNIT
		));
		// Just before the end: 9.999 s of 10 Flux of generation.
		advance(10 * SECOND - 1);
		assert_eq!(Power::power_of(&CHARLIE).power.msg, 99);
		assert_eq!(effective(CHARLIE), 10 * UNIT);
		// Nothing ran at the end, yet the generation is back with Alice; Charlie, who stakes
		// nothing, keeps no rented Power past the lease (his cap is his own stake's).
		advance(10 * SECOND);
		assert_eq!(effective(ALICE), 100 * UNIT);
		assert_eq!(effective(CHARLIE), 0);
		assert_eq!(Power::power_of(&CHARLIE).power.msg, 0);
		assert!(Leases::<Test>::contains_key(0));
	});
}

#[test]
fn expire_lease_cleans_up_after_the_end_only() {
	run_test(|| {
		assert_ok!(list(ALICE, 40 * UNIT, PRICE));
		assert_ok!(PowerMarket::rent(
			RuntimeOrigin::signed(CHARLIE),
			0,
			10 * UNIT,
			10 * SECOND,
			UNIT
		));
		assert_noop!(
			PowerMarket::expire_lease(RuntimeOrigin::signed(DAVE), 0),
			Error::<Test>::LeaseNotEnded
		);
		assert_noop!(
			PowerMarket::expire_lease(RuntimeOrigin::signed(DAVE), 5),
			Error::<Test>::UnknownLease
		);
		advance(10 * SECOND);
		assert_ok!(PowerMarket::expire_lease(RuntimeOrigin::signed(DAVE), 0));
		assert_eq!(
			last_event(),
			Event::LeaseExpired { lease: 0, lender: ALICE, renter: CHARLIE, relisted: 10 * UNIT }
		);
		let offer = Offers::<Test>::get(0).unwrap();
		assert_eq!((offer.available, offer.leased), (40 * UNIT, 0));
		assert!(Expiries::<Test>::iter().next().is_none());
		assert_ok!(PowerMarket::cancel_offer(RuntimeOrigin::signed(ALICE), 0));
	});
}

#[test]
fn the_hook_ends_leases_within_its_budget() {
	run_test(|| {
		next_block();
		// Two offers of 4 Flux: 1 Flux a lease is an even share of each over its 4 slots.
		assert_ok!(list(ALICE, 4 * UNIT, PRICE));
		assert_ok!(list(ALICE, 4 * UNIT, PRICE));
		for (i, d) in [2, 3, 4].into_iter().enumerate() {
			assert_ok!(PowerMarket::rent(
				RuntimeOrigin::signed(CHARLIE),
				0,
				UNIT,
				d * SECOND,
				UNIT
			));
			assert!(Leases::<Test>::contains_key(i as u32));
		}
		// Three leases may end in one bucket; a fourth is refused.
		assert_ok!(PowerMarket::rent(
			RuntimeOrigin::signed(CHARLIE),
			1,
			UNIT,
			4 * SECOND + 1,
			UNIT
		));
		assert_ok!(PowerMarket::rent(
			RuntimeOrigin::signed(CHARLIE),
			1,
			UNIT,
			4 * SECOND + 2,
			UNIT
		));
		assert_noop!(
			PowerMarket::rent(RuntimeOrigin::signed(CHARLIE), 1, UNIT, 4 * SECOND + 3, UNIT),
			Error::<Test>::ExpiryBucketFull
		);
		advance(10 * SECOND);
		// At most three buckets a block: the first block reaches the bucket of lease 0 only.
		next_block();
		assert_eq!(Leases::<Test>::count() as usize, 4);
		// At most two leases a block: lease 1, then one of the three ending in the same bucket.
		next_block();
		assert_eq!(Leases::<Test>::count() as usize, 2);
		next_block();
		assert_eq!(Leases::<Test>::count() as usize, 0);
		assert_eq!(Offers::<Test>::get(0).unwrap().available, 4 * UNIT);
		assert_eq!(Offers::<Test>::get(1).unwrap().available, 4 * UNIT);
		assert_eq!(effective(CHARLIE), 0);
	});
}

#[test]
fn stake_the_lender_committed_meanwhile_is_not_relisted() {
	run_test(|| {
		assert_ok!(list(ALICE, 100 * UNIT, PRICE));
		assert_ok!(PowerMarket::rent(
			RuntimeOrigin::signed(CHARLIE),
			0,
			30 * UNIT,
			10 * SECOND,
			UNIT
		));
		advance(10 * SECOND);
		// Ended but unprocessed: the stake is no longer committed, and Alice delegates 20 of it.
		assert_ok!(Power::delegate(RuntimeOrigin::signed(ALICE), BOB, 20 * UNIT, 0));
		assert_ok!(PowerMarket::expire_lease(RuntimeOrigin::signed(DAVE), 0));
		assert_eq!(Offers::<Test>::get(0).unwrap().available, 80 * UNIT);
	});
}

#[test]
fn the_cursor_skips_time_in_which_nothing_can_end() {
	run_test(|| {
		assert_eq!(ExpiryCursor::<Test>::get(), None);
		next_block();
		assert_eq!(ExpiryCursor::<Test>::get(), Some(START / 1_000));
		// A day without leases: the hook does not walk 86 400 empty buckets.
		advance(DAY);
		next_block();
		assert_eq!(ExpiryCursor::<Test>::get(), Some((START + DAY) / 1_000));
		// With a lease, it walks at most three buckets a block.
		assert_ok!(list(ALICE, 4 * UNIT, PRICE));
		assert_ok!(PowerMarket::rent(RuntimeOrigin::signed(CHARLIE), 0, UNIT, 10 * SECOND, UNIT));
		advance(20 * SECOND);
		next_block();
		assert_eq!(ExpiryCursor::<Test>::get(), Some((START + DAY) / 1_000 + 3));
	});
}

/// Found by the runtime fuzzer (docs/reliability.md, bug 2): a lease that ends when its lender
/// has unstaked everything it could take back relisted nothing, yet stored `Listed = 0` for a
/// lender with no offer left, breaking invariant 1.
#[test]
fn a_lease_ended_with_nothing_to_take_back_leaves_no_listed_entry() {
	run_test(|| {
		assert_ok!(list(BOB, 50 * UNIT, PRICE));
		assert_ok!(PowerMarket::rent(RuntimeOrigin::signed(CHARLIE), 0, 50 * UNIT, SECOND, UNIT));
		advance(SECOND);
		// The lease's time is up: Bob's stake is no longer committed, and he unstakes all of it.
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(BOB), 50 * UNIT));
		assert_ok!(PowerMarket::expire_lease(RuntimeOrigin::signed(DAVE), 0));
		assert!(!Listed::<Test>::contains_key(BOB));
		assert!(Offers::<Test>::get(0).is_none());
	});
}
