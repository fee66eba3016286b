//! Power-only accounts and sponsored keys: a key that holds nothing else exists while it
//! receives generation, accrues and spends Power, and is removed with its account when the
//! generation ends. The attacks come first: filling the bounds, front-running a sponsorship,
//! pulling the stake out from under the keys, half-valid batches.

use super::mock::*;
use crate::{Accounts, Error, Event, SponsorTotals, Sponsors, Sponsorships};
use fluxomics_primitives::{PerKind, PowerLedger, UNIT};
use frame_support::{assert_noop, assert_ok, BoundedVec};

type Keys = BoundedVec<AccountId, <Test as crate::Config>::MaxSponsorBatch>;

/// Accounts that hold nothing: no HETU, no Flux, no Power record.
const KEY: AccountId = 10;
const KEY2: AccountId = 11;
const KEY3: AccountId = 12;
const KEY4: AccountId = 13;
const KEY5: AccountId = 14;

fn keys(list: &[AccountId]) -> Keys {
	Keys::try_from(list.to_vec()).expect("within the batch bound")
}

fn sponsor(
	who: AccountId,
	list: &[AccountId],
	amount: u128,
) -> frame_support::dispatch::DispatchResult {
	Power::sponsor(RuntimeOrigin::signed(who), keys(list), amount)
}

fn revoke(who: AccountId, list: &[AccountId]) -> frame_support::dispatch::DispatchResult {
	Power::revoke(RuntimeOrigin::signed(who), keys(list))
}

fn exists(who: AccountId) -> bool {
	frame_system::Pallet::<Test>::account_exists(&who)
}

#[test]
fn a_sponsored_key_exists_accrues_and_spends_with_nothing_else() {
	run(|| {
		assert!(!exists(KEY));
		assert_ok!(sponsor(ALICE, &[KEY, KEY2], 5 * UNIT));
		assert!(exists(KEY) && exists(KEY2));
		assert_eq!(frame_system::Pallet::<Test>::sufficients(&KEY), 1);
		assert_eq!(frame_system::Pallet::<Test>::providers(&KEY), 0);
		assert_eq!(
			Sponsors::<Test>::get(ALICE),
			Some(SponsorTotals { keys: 2, amount: 10 * UNIT })
		);
		assert_eq!(Sponsorships::<Test>::get(ALICE, KEY), Some(5 * UNIT));
		assert_eq!(last_event(), Event::Sponsored { sponsor: ALICE, key: KEY2, amount: 5 * UNIT });
		// α is 10 / 20 PU per Flux per day: Alice keeps 40 Flux of generation, each key 5.
		assert_eq!(rates(ALICE), (400, 800));
		assert_eq!(rates(KEY), (50, 100));
		advance(DAY);
		assert_eq!(power(KEY), (50, 100));
		assert_ok!(<Power as PowerLedger<AccountId>>::consume(&KEY, PerKind::new(20, 30)));
		assert_eq!(power(KEY), (30, 70));
	});
}

#[test]
fn revoking_removes_the_key_its_power_and_its_account() {
	run(|| {
		assert_ok!(sponsor(ALICE, &[KEY, KEY2], 5 * UNIT));
		advance(DAY);
		assert_ok!(revoke(ALICE, &[KEY]));
		assert_eq!(last_event(), Event::Revoked { sponsor: ALICE, key: KEY, amount: 5 * UNIT });
		assert!(!exists(KEY), "the key's account is reaped");
		assert!(Accounts::<Test>::get(KEY).is_none());
		assert_eq!(power(KEY), (0, 0));
		assert_eq!(Sponsorships::<Test>::get(ALICE, KEY), None);
		assert_eq!(rates(ALICE), (450, 900));
		// The last key revoked removes the sponsor's totals.
		assert_ok!(revoke(ALICE, &[KEY2]));
		assert_eq!(Sponsors::<Test>::get(ALICE), None);
		assert_eq!(rates(ALICE), (500, 1_000));
	});
}

#[test]
fn a_key_with_an_account_of_its_own_keeps_it_after_revoke() {
	run(|| {
		// Charlie holds HETU and free Flux, and no stake.
		assert_ok!(sponsor(ALICE, &[CHARLIE], 5 * UNIT));
		assert_ok!(revoke(ALICE, &[CHARLIE]));
		assert!(exists(CHARLIE));
		assert!(Accounts::<Test>::get(CHARLIE).is_none(), "its emptied Power record is gone");
	});
}

#[test]
fn sponsoring_past_the_key_cap_is_refused_and_changes_nothing() {
	run(|| {
		// `MaxSponsoredKeys` is 4 here.
		assert_ok!(sponsor(ALICE, &[KEY, KEY2, KEY3], UNIT));
		assert_noop!(sponsor(ALICE, &[KEY4, KEY5], UNIT), Error::<Test>::TooManyKeys);
		assert!(!exists(KEY4) && !exists(KEY5));
		assert_ok!(sponsor(ALICE, &[KEY4], UNIT));
	});
}

#[test]
fn sponsoring_past_the_stake_or_below_the_minimum_is_refused() {
	run(|| {
		// Bob has 20 Flux staked: three keys of 7 need 21.
		assert_noop!(sponsor(BOB, &[KEY, KEY2, KEY3], 7 * UNIT), Error::<Test>::InsufficientStake);
		// Charlie has no stake at all.
		assert_noop!(sponsor(CHARLIE, &[KEY], UNIT), Error::<Test>::InsufficientStake);
		assert_noop!(sponsor(ALICE, &[KEY], UNIT - 1), Error::<Test>::BelowMinDelegation);
		assert_noop!(sponsor(ALICE, &[KEY], 0), Error::<Test>::ZeroAmount);
		assert_noop!(sponsor(ALICE, &[], UNIT), Error::<Test>::NoKeys);
		assert_noop!(sponsor(ALICE, &[KEY, ALICE], UNIT), Error::<Test>::SelfDelegation);
	});
}

#[test]
fn a_key_named_twice_or_already_sponsored_is_refused() {
	run(|| {
		assert_noop!(sponsor(ALICE, &[KEY, KEY], UNIT), Error::<Test>::KeyAlreadySponsored);
		assert_ok!(sponsor(ALICE, &[KEY], UNIT));
		assert_noop!(sponsor(ALICE, &[KEY2, KEY], UNIT), Error::<Test>::KeyAlreadySponsored);
		assert!(!exists(KEY2), "the valid half of the batch is not applied");
	});
}

#[test]
fn sponsoring_a_key_first_does_not_keep_its_app_from_sponsoring_it() {
	run(|| {
		// Bob sees Alice's sponsorship in the pool and sponsors the key first.
		assert_ok!(sponsor(BOB, &[KEY], UNIT));
		assert_ok!(sponsor(ALICE, &[KEY], 5 * UNIT));
		assert_eq!(rates(KEY), (60, 120));
		// Bob pulling out leaves the key Alice's generation and its account.
		assert_ok!(revoke(BOB, &[KEY]));
		assert!(exists(KEY));
		assert_eq!(rates(KEY), (50, 100));
	});
}

#[test]
fn revoking_a_key_never_sponsored_revoked_or_anothers_is_refused() {
	run(|| {
		assert_noop!(revoke(ALICE, &[KEY]), Error::<Test>::NotSponsored);
		assert_ok!(sponsor(ALICE, &[KEY], UNIT));
		assert_ok!(sponsor(BOB, &[KEY2], UNIT));
		assert_noop!(revoke(ALICE, &[KEY2]), Error::<Test>::NotSponsored);
		// A half-valid batch changes nothing.
		assert_noop!(revoke(ALICE, &[KEY, KEY3]), Error::<Test>::NotSponsored);
		assert_noop!(revoke(ALICE, &[KEY, KEY]), Error::<Test>::NotSponsored);
		assert_noop!(revoke(ALICE, &[]), Error::<Test>::NoKeys);
		assert_ok!(revoke(ALICE, &[KEY]));
		assert_noop!(revoke(ALICE, &[KEY]), Error::<Test>::NotSponsored);
	});
}

#[test]
fn a_sponsor_cannot_unstake_the_stake_its_keys_receive() {
	run(|| {
		assert_ok!(sponsor(ALICE, &[KEY], 30 * UNIT));
		assert_noop!(
			Flux::unstake(RuntimeOrigin::signed(ALICE), 21 * UNIT),
			pallet_flux::Error::<Test>::StakeCommitted
		);
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(ALICE), 20 * UNIT));
	});
}

#[test]
fn a_delegation_makes_an_account_that_holds_nothing_exist_until_it_ends() {
	run(|| {
		assert_ok!(Power::delegate(RuntimeOrigin::signed(ALICE), DAVE, 10 * UNIT, DAY));
		assert!(exists(DAVE));
		advance(DAY);
		assert_eq!(power(DAVE), (100, 200));
		assert_ok!(Power::undelegate(RuntimeOrigin::signed(ALICE), DAVE));
		assert!(!exists(DAVE));
		assert!(Accounts::<Test>::get(DAVE).is_none());
		assert_noop!(
			Power::delegate(RuntimeOrigin::signed(ALICE), DAVE, UNIT - 1, 0),
			Error::<Test>::BelowMinDelegation
		);
	});
}

#[test]
fn a_lease_makes_a_lessee_that_holds_nothing_exist_until_it_is_removed() {
	run(|| {
		let until = START + DAY;
		assert_ok!(<Power as PowerLedger<AccountId>>::start_lease(&ALICE, &DAVE, 10 * UNIT, until));
		assert!(exists(DAVE));
		advance(DAY / 2);
		assert_eq!(power(DAVE), (50, 100));
		advance(DAY);
		assert_eq!(power(DAVE), (0, 0), "an ended lease leaves a cap of zero");
		assert!(exists(DAVE), "until the lease is removed");
		assert_ok!(<Power as PowerLedger<AccountId>>::end_lease(&ALICE, &DAVE, 10 * UNIT, until));
		assert!(!exists(DAVE));
	});
}

#[test]
fn unstaking_everything_removes_the_power_record_but_not_the_flux_account() {
	run(|| {
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(BOB), 20 * UNIT));
		assert!(Accounts::<Test>::get(BOB).is_none());
		assert!(exists(BOB));
	});
}
