//! Recording: every charge with a counterparty adds to the current epoch's edge, in O(1) and
//! within the bounds.

use super::mock::*;
use crate::{pallet::*, weights::WeightInfo, Event};
use fluxomics_primitives::OnPowerCharged;

#[test]
fn charges_accumulate_on_their_edge() {
	ExtBuilder::build_and_execute(|| {
		record(ALICE, BOB, 100);
		record(ALICE, BOB, 50);
		record(CHARLIE, BOB, 7);
		let e = epoch();
		assert_eq!(Flox::edges(e), vec![(BOB, ALICE, 150), (BOB, CHARLIE, 7)]);
		let counts = Counts::<Test>::get(e);
		assert_eq!((counts.targets, counts.callers, counts.edges, counts.dropped), (1, 2, 2, 0));
		assert_eq!(TargetIndex::<Test>::get(e, BOB), Some(0));
		assert_eq!(CallerIndex::<Test>::get(e, CHARLIE), Some(1));
	});
}

#[test]
fn self_interaction_and_zero_power_are_ignored() {
	ExtBuilder::build_and_execute(|| {
		record(ALICE, ALICE, 100);
		record(ALICE, BOB, 0);
		assert!(Flox::edges(epoch()).is_empty());
		assert_eq!(Counts::<Test>::get(epoch()), Default::default());
	});
}

#[test]
fn one_account_holds_both_roles_with_separate_indices() {
	ExtBuilder::build_and_execute(|| {
		record(ALICE, BOB, 1);
		record(BOB, ALICE, 2);
		record(CHARLIE, ALICE, 3);
		let e = epoch();
		assert_eq!(TargetIndex::<Test>::get(e, BOB), Some(0));
		assert_eq!(CallerIndex::<Test>::get(e, BOB), Some(1));
		assert_eq!(TargetIndex::<Test>::get(e, ALICE), Some(1));
		assert_eq!(CallerIndex::<Test>::get(e, ALICE), Some(0));
		assert_eq!(Flox::edges(e), vec![(BOB, ALICE, 1), (ALICE, BOB, 2), (ALICE, CHARLIE, 3)]);
	});
}

#[test]
fn past_max_edges_new_edges_are_dropped_counted_and_announced_once() {
	ExtBuilder::build_and_execute(|| {
		// 8 targets × 8 callers = 64 edges = MaxEdges.
		for t in 0..8u64 {
			for c in 0..8u64 {
				record(100 + c, 200 + t, 1);
			}
		}
		let e = epoch();
		assert_eq!(Counts::<Test>::get(e).edges, 64);
		assert!(!events().contains(&Event::EdgesFull { epoch: e }));
		// A new pair of known accounts, and new accounts: dropped.
		record(100, 300, 5);
		record(101, 201, 0); // zero power: not even a drop
		record(999, 200, 5);
		let counts = Counts::<Test>::get(e);
		assert_eq!((counts.edges, counts.dropped), (64, 2));
		let fulls = events().iter().filter(|ev| **ev == Event::EdgesFull { epoch: e }).count();
		assert_eq!(fulls, 1);
		// Existing edges still accumulate.
		record(100, 200, 10);
		assert_eq!(Flox::edges(e)[0], (200, 100, 11));
		assert_eq!(Counts::<Test>::get(e).dropped, 2);
	});
}

#[test]
fn past_max_accounts_a_new_account_is_dropped() {
	ExtBuilder::build_and_execute(|| {
		// 32 targets (MaxAccounts) paid by one caller: 32 edges.
		for t in 0..32u64 {
			record(ALICE, 100 + t, 1);
		}
		let e = epoch();
		record(ALICE, 500, 1); // a 33rd target
		let counts = Counts::<Test>::get(e);
		assert_eq!((counts.targets, counts.edges, counts.dropped), (32, 32, 1));
		assert_eq!(last_event(), Event::EdgesFull { epoch: e });
		// A new caller of a known target is still recorded.
		record(BOB, 100, 1);
		assert_eq!(Counts::<Test>::get(e).edges, 33);
		assert_eq!(TargetIndex::<Test>::get(e, 500), None);
	});
}

#[test]
fn the_charging_extension_is_told_the_worst_record_weight() {
	ExtBuilder::build_and_execute(|| {
		assert_eq!(<Flox as OnPowerCharged<AccountId>>::weight(), <() as WeightInfo>::record());
	});
}
