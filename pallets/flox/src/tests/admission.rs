//! Admission (issue 16, item 3, "Flox bounds are first-come"): each test plays an attack that
//! worked before (the epoch's bounds went to whoever came first, and every account of a ranked
//! epoch left a `Ranks` entry) and shows it fail. A new target must exist; a caller makes at most
//! `max_edges_per_caller` edges an epoch; a rank worth no point is not kept. (The block's buffer
//! is no bound: the runtime's holds more charges than a block can make, which
//! `runtime/tests/flox_full_block.rs` checks.)

use super::mock::*;
use crate::{pallet::*, Event, FloxParams};
use frame_support::{assert_ok, traits::Get};

fn max_edges() -> u32 {
	<Test as crate::Config>::MaxEdges::get()
}

/// Sets `max_edges_per_caller` and starts an epoch that records with it (a change applies from
/// the next epoch).
fn with_quota(quota: u32) {
	let p = FloxParams { max_edges_per_caller: quota, ..test_params() };
	assert_ok!(Flox::set_params(RuntimeOrigin::root(), p));
	end_epoch();
	assert_eq!(Current::<Test>::get().params.max_edges_per_caller, quota);
}

/// The attack of the issue: one account pays more addresses than an epoch indexes, none of which
/// anyone holds, early in the epoch. Before, they took every target slot and every later new
/// target was dropped for the rest of the epoch; now none is admitted.
#[test]
fn charges_to_addresses_nobody_holds_cannot_fill_the_targets() {
	ExtBuilder::build_and_execute(|| {
		let e = epoch();
		let junk = u64::from(max_edges()) + 8;
		for i in 0..junk {
			record(ALICE, NOBODY + i, 1);
		}
		let c = Counts::<Test>::get(e);
		assert_eq!((c.targets, c.callers, c.edges), (0, 0, 0));
		assert_eq!((c.dropped, c.refused), (0, junk as u32));
		assert!(!events().contains(&Event::EdgeLimitReached { epoch: e }));
		// A real newcomer later in the epoch is recorded.
		record(BOB, CHARLIE, 5);
		assert_eq!(Flox::edges(e), vec![(CHARLIE, BOB, 5)]);
		// The epoch freezes with what it refused.
		end_epoch();
		assert!(events().iter().any(|ev| matches!(
			ev,
			Event::EpochFrozen { epoch, edges: 1, refused, .. } if *epoch == e && *refused == junk as u32
		)));
	});
}

/// Existence is read when the block's charges are folded: an account made in the same block as
/// a charge to it (a transfer to a newcomer, then a message) is admitted.
#[test]
fn an_account_made_before_the_fold_is_admitted_and_one_never_made_is_not() {
	ExtBuilder::build_and_execute(|| {
		let (made, never) = (NOBODY + 1, NOBODY + 2);
		charge(ALICE, made, 3);
		charge(ALICE, never, 3);
		create_account(made);
		next_block();
		let e = epoch();
		assert_eq!(Flox::edges(e), vec![(made, ALICE, 3)]);
		assert_eq!(gas(e, never, ALICE), None);
		assert_eq!(Counts::<Test>::get(e).refused, 1);
		// An edge grows without a new check; a new edge to the same target is checked again.
		record(ALICE, made, 4);
		record(BOB, made, 1);
		assert_eq!(sorted_edges(e), vec![(made, ALICE, 7), (made, BOB, 1)]);
	});
}

/// With real targets (accounts anyone can fund with the existential deposit), one caller tries
/// to take every target slot. It gets its quota of edges; later callers still bring new targets.
#[test]
fn one_caller_cannot_fill_the_targets_past_its_quota() {
	ExtBuilder::build_and_execute(|| {
		with_quota(8);
		let e = epoch();
		for t in 0..40 {
			record(ALICE, 100 + t, 1);
		}
		let c = Counts::<Test>::get(e);
		assert_eq!((c.callers, c.edges, c.dropped, c.refused), (1, 8, 0, 32));
		assert_eq!(CallerEdges::<Test>::decode_len(e, ALICE), Some(8));
		// Its own edges keep accumulating: the quota counts edges, not charges.
		record(ALICE, 100, 9);
		assert_eq!(gas(e, 100, ALICE), Some(10));
		// A new target from another caller is recorded.
		record(BOB, CHARLIE, 5);
		assert_eq!(gas(e, CHARLIE, BOB), Some(5));
		assert!(!events().contains(&Event::EdgeLimitReached { epoch: e }));
		// The quota is per epoch: the next one admits the caller's new edges again.
		end_epoch();
		record(ALICE, 200, 1);
		assert_eq!(Flox::edges(e + 1), vec![(200, ALICE, 1)]);
	});
}

/// `MaxEdges` is the first-come bound: two callers reaching 32 targets each used to fill it
/// (32 × 2 = 64 edges), and every later new edge, even between known accounts, was dropped. With
/// a quota of 8 it takes 8 paying callers.
#[test]
fn filling_max_edges_takes_max_edges_over_the_quota_callers() {
	ExtBuilder::build_and_execute(|| {
		let quota = 8;
		with_quota(quota);
		let e = epoch();
		for attacker in [50, 51] {
			for t in 0..32 {
				record(attacker, 100 + t, 1);
			}
		}
		let c = Counts::<Test>::get(e);
		assert_eq!((c.edges, c.dropped), (2 * quota, 0));
		// Honest new edges between known and new accounts are recorded.
		record(BOB, 100, 5);
		record(BOB, CHARLIE, 5);
		assert_eq!(Counts::<Test>::get(e).edges, 2 * quota + 2);
		// Only `MaxEdges / quota` distinct callers fill it.
		let callers = u64::from(max_edges() / quota);
		for attacker in 60..60 + callers {
			for t in 0..u64::from(quota) {
				record(attacker, 300 + t, 1);
			}
		}
		let c = Counts::<Test>::get(e);
		assert_eq!(c.edges, max_edges());
		assert!(events().contains(&Event::EdgeLimitReached { epoch: e }));
	});
}

/// Before, the write phase left a `Ranks` entry for every account of the epoch, however little
/// it was paid: 65 536 junk targets a week left 65 536 entries nobody pays for. A rank worth no
/// point is not kept now; an account keeps the ranks of the last epoch that paid it.
#[test]
fn accounts_that_earn_no_point_leave_no_ranks_behind() {
	ExtBuilder::build_and_execute(|| {
		// Real activity, and the junk: 20 accounts paid one PU each.
		record(ALICE, BOB, 1_000_000_000_000);
		for t in 0..20 {
			record(ALICE, 100 + t, 1);
		}
		end_epoch();
		run_ranking(whole_block());
		for t in 0..20 {
			assert_eq!(Ranks::<Test>::get(100 + t), None, "junk target {t} left ranks");
			assert_eq!(Points::<Test>::get(100 + t), 0);
		}
		assert_eq!(Ranks::<Test>::get(BOB).map(|r| r.epoch), Some(0));
		assert_eq!(Ranks::<Test>::get(ALICE).map(|r| r.epoch), Some(0));
		assert!(Flox::ranks_of(&BOB).target_rank > 0 && Flox::ranks_of(&ALICE).caller_rank > 0);
		// Next epoch BOB is paid one PU among much more: it earns nothing and keeps the ranks
		// of the epoch that paid it.
		let before = Ranks::<Test>::get(BOB);
		record(ALICE, CHARLIE, 1_000_000_000_000);
		record(ALICE, BOB, 1);
		end_epoch();
		run_ranking(whole_block());
		assert_eq!(Ranks::<Test>::get(BOB), before);
		assert_eq!(Ranks::<Test>::get(CHARLIE).map(|r| r.epoch), Some(1));
	});
}
