//! Recording: every charge with a counterparty is noted in the block's buffer (one append), and
//! the next block's `on_initialize` folds the buffer into the current epoch's edge lists (one per
//! caller), within the bound; the dense indices are made when the epoch is collected.

use super::mock::*;
use crate::{math::sum_by_pair, pallet::*, weights::WeightInfo, Event, PendingCharge};
use fluxomics_primitives::OnPowerCharged;
use frame_support::traits::Get;

#[test]
fn charges_accumulate_on_their_edge() {
	ExtBuilder::build_and_execute(|| {
		record(ALICE, BOB, 100);
		record(ALICE, BOB, 50);
		record(CHARLIE, BOB, 7);
		let e = epoch();
		assert_eq!(sorted_edges(e), vec![(BOB, ALICE, 150), (BOB, CHARLIE, 7)]);
		let counts = Counts::<Test>::get(e);
		// Targets are counted when the epoch is collected.
		assert_eq!((counts.targets, counts.callers, counts.edges, counts.dropped), (0, 2, 2, 0));
		assert_eq!(CallerEdges::<Test>::get(e, ALICE).unwrap().into_inner(), vec![(BOB, 150)]);
		assert_eq!(TargetIndex::<Test>::get(e, BOB), None, "no index while recording");
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
fn one_account_holds_both_roles_with_separate_indices_made_at_collection() {
	ExtBuilder::build_and_execute(|| {
		record(ALICE, BOB, 1);
		record(BOB, ALICE, 2);
		record(CHARLIE, ALICE, 3);
		let e = epoch();
		let listed = Flox::edges(e);
		end_epoch();
		// One block ranks it (and announces it): its indices are kept until cleaning starts.
		next_block();
		idle(whole_block());
		// Indices in order of first appearance in the edge list, each role on its own.
		let mut targets: Vec<AccountId> = Vec::new();
		let mut callers: Vec<AccountId> = Vec::new();
		for (t, c, _) in &listed {
			if !targets.contains(t) {
				targets.push(*t);
			}
			if !callers.contains(c) {
				callers.push(*c);
			}
		}
		assert_eq!((targets.len(), callers.len()), (2, 3));
		for (i, who) in targets.iter().enumerate() {
			assert_eq!(TargetIndex::<Test>::get(e, who), Some(i as u32));
			assert_eq!(Targets::<Test>::get(e, i as u32), Some(*who));
		}
		for (i, who) in callers.iter().enumerate() {
			assert_eq!(Callers::<Test>::get(e, i as u32), Some(*who));
		}
		assert_eq!(sorted_edges(e), vec![(ALICE, BOB, 2), (ALICE, CHARLIE, 3), (BOB, ALICE, 1)]);
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
		assert!(!events().contains(&Event::EdgeLimitReached { epoch: e }));
		// A new pair of known accounts, and new accounts: dropped.
		record(100, 300, 5);
		record(101, 201, 0); // zero power: not even a drop
		record(999, 200, 5);
		let counts = Counts::<Test>::get(e);
		assert_eq!((counts.edges, counts.dropped), (64, 2));
		let fulls =
			events().iter().filter(|ev| **ev == Event::EdgeLimitReached { epoch: e }).count();
		assert_eq!(fulls, 1);
		// Existing edges still accumulate.
		record(100, 200, 10);
		assert_eq!(gas(e, 200, 100), Some(11));
		assert_eq!(Counts::<Test>::get(e).dropped, 2);
	});
}

#[test]
fn the_charging_extension_is_told_the_worst_record_weight() {
	ExtBuilder::build_and_execute(|| {
		assert_eq!(<Flox as OnPowerCharged<AccountId>>::weight(), <() as WeightInfo>::record(1));
	});
}

#[test]
fn charges_wait_in_the_buffer_until_the_next_block_folds_them_summed_by_pair() {
	ExtBuilder::build_and_execute(|| {
		charge(ALICE, BOB, 100);
		charge(CHARLIE, BOB, 7);
		charge(ALICE, BOB, 50);
		charge(ALICE, ALICE, 9); // self-interaction: not even buffered
		assert_eq!(Pending::<Test>::get().len(), 3);
		assert!(Flox::edges(epoch()).is_empty());
		next_block();
		assert!(Pending::<Test>::get().is_empty());
		// ALICE's two charges are one edge.
		assert_eq!(sorted_edges(epoch()), vec![(BOB, ALICE, 150), (BOB, CHARLIE, 7)]);
		assert_eq!(CallerEdges::<Test>::get(epoch(), ALICE).unwrap().len(), 1);
	});
}

#[test]
fn a_full_buffer_drops_charges_and_the_fold_counts_and_announces_them() {
	ExtBuilder::build_and_execute(|| {
		let max: u32 = <Test as crate::Config>::MaxPendingCharges::get();
		for i in 0..max + 3 {
			charge(100 + u64::from(i), BOB, 1);
		}
		assert_eq!(Pending::<Test>::get().len() as u32, max);
		assert_eq!(PendingDropped::<Test>::get(), 3);
		let e = epoch();
		next_block();
		let counts = Counts::<Test>::get(e);
		assert_eq!((counts.edges, counts.callers, counts.dropped), (max, max, 3));
		assert!(events().contains(&Event::ChargesDropped { epoch: e, count: 3 }));
		assert_eq!(PendingDropped::<Test>::get(), 0);
	});
}

#[test]
fn the_last_blocks_charges_belong_to_the_epoch_that_was_recording() {
	ExtBuilder::build_and_execute(|| {
		let e = epoch();
		charge(ALICE, BOB, 5);
		// The next block's on_initialize ends the epoch: the charge is folded first.
		end_epoch();
		assert_eq!(epoch(), e + 1);
		assert_eq!(Flox::edges(e), vec![(BOB, ALICE, 5)]);
		assert!(Flox::edges(e + 1).is_empty());
		assert_eq!(Queue::<Test>::get().first().map(|f| f.epoch), Some(e));
	});
}

#[test]
fn on_initialize_declares_the_buffer_and_the_fold_of_what_it_holds() {
	ExtBuilder::build_and_execute(|| {
		let db: frame_support::weights::RuntimeDbWeight =
			<Test as frame_system::Config>::DbWeight::get();
		let check = <() as WeightInfo>::epoch_check();
		let n = System::block_number();
		use frame_support::traits::Hooks;
		assert_eq!(Flox::on_initialize(n + 1), db.reads_writes(2, 3) + check);
		charge(ALICE, BOB, 1);
		charge(ALICE, BOB, 1);
		charge(CHARLIE, BOB, 1);
		let folded = <() as WeightInfo>::fold(3) + db.reads_writes(2, 3);
		assert_eq!(Flox::on_initialize(n + 2), folded + check);
	});
}

#[test]
fn sum_by_pair_keeps_first_appearance_and_conserves_power() {
	let c = |p: u64, q: u64, w: u128| PendingCharge { payer: p, counterparty: q, power: w };
	let charges = vec![c(3, 1, 5), c(2, 1, 1), c(3, 1, 2), c(1, 3, 4), c(2, 1, u128::MAX)];
	assert_eq!(
		sum_by_pair(charges),
		vec![(3, 1, 7), (2, 1, u128::MAX), (1, 3, 4)],
		"sums saturate; order of first appearance"
	);
	assert!(sum_by_pair::<u64>(vec![]).is_empty());
}
