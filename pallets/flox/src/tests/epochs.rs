//! Epochs: they freeze when their length has passed, the next records at once, and a ranked
//! epoch's data is removed.

use super::mock::*;
use crate::{pallet::*, Event, FrozenEpoch, Stage, MAX_QUEUED_EPOCHS};

#[test]
fn the_first_block_that_knows_the_time_starts_epoch_zero() {
	ExtBuilder::build_and_execute(|| {
		let c = Current::<Test>::get();
		assert_eq!((c.id, c.start), (0, START));
		assert_eq!(c.params, test_params());
	});
}

#[test]
fn an_epoch_freezes_at_its_end_and_the_next_records_at_once() {
	ExtBuilder::build_and_execute(|| {
		record(ALICE, BOB, 10);
		advance(HOUR - 1);
		next_block();
		assert_eq!(epoch(), 0);
		advance(1);
		next_block();
		assert_eq!(epoch(), 1);
		assert_eq!(Current::<Test>::get().start, START + HOUR);
		assert_eq!(
			last_event(),
			Event::EpochFrozen {
				epoch: 0,
				edges: 1,
				callers: 1,
				dropped: 0,
				refused: 0,
				queued: true,
				next: 1
			}
		);
		assert_eq!(
			Queue::<Test>::get().into_inner(),
			vec![FrozenEpoch { epoch: 0, params: test_params() }]
		);
		// The new epoch records at once; the frozen one is untouched.
		record(ALICE, BOB, 5);
		assert_eq!(Flox::edges(1), vec![(BOB, ALICE, 5)]);
		assert_eq!(Flox::edges(0), vec![(BOB, ALICE, 10)]);
		let s = Flox::epoch_status();
		assert_eq!((s.epoch, s.start, s.ends, s.edges), (1, START + HOUR, START + 2 * HOUR, 1));
		assert_eq!(s.queued, vec![0]);
		assert_eq!(s.ranking, None);
	});
}

#[test]
fn an_epoch_without_edges_is_not_ranked() {
	ExtBuilder::build_and_execute(|| {
		end_epoch();
		assert_eq!(epoch(), 1);
		assert!(Queue::<Test>::get().is_empty());
		assert!(matches!(last_event(), Event::EpochFrozen { epoch: 0, queued: false, .. }));
		assert_eq!(run_ranking(whole_block()), 0);
	});
}

#[test]
fn while_the_queue_is_full_the_epoch_keeps_recording() {
	ExtBuilder::build_and_execute(|| {
		for _ in 0..MAX_QUEUED_EPOCHS {
			record(ALICE, BOB, 1);
			end_epoch();
		}
		assert_eq!(Queue::<Test>::get().len() as u32, MAX_QUEUED_EPOCHS);
		let e = epoch();
		record(ALICE, BOB, 1);
		end_epoch();
		assert_eq!(epoch(), e);
		record(CHARLIE, BOB, 1);
		assert_eq!(Counts::<Test>::get(e).edges, 2);
		// Ranking frees a place (and more): the epoch then freezes.
		next_block();
		idle(whole_block());
		next_block();
		assert_eq!(epoch(), e + 1);
		run_ranking(whole_block());
		assert_eq!(LastRanked::<Test>::get(), Some(e));
	});
}

#[test]
fn a_ranked_epoch_is_cleaned() {
	ExtBuilder::build_and_execute(|| {
		random_traffic(40, 12, 1);
		record(ALICE, BOB, 3);
		end_epoch();
		record(ALICE, BOB, 3);
		run_ranking(whole_block());
		assert!(events().contains(&Event::EpochCleaned { epoch: 0 }));
		assert!(Flox::edges(0).is_empty());
		assert_eq!(Counts::<Test>::iter_keys().collect::<Vec<_>>(), vec![1]);
		assert_eq!(CallerEdges::<Test>::iter_prefix(0).count(), 0);
		assert_eq!(TargetIndex::<Test>::iter_prefix(0).count(), 0);
		assert_eq!(Targets::<Test>::iter_prefix(0).count(), 0);
		assert_eq!(Callers::<Test>::iter_prefix(0).count(), 0);
		assert!(Ongoing::<Test>::get().is_none());
		assert!(!Input::<Test>::exists());
		// The current epoch's data is intact; the digest is kept.
		assert_eq!(Flox::edges(1), vec![(BOB, ALICE, 3)]);
		assert!(Flox::digest(0).is_some());
	});
}

#[test]
fn cleaning_in_small_chunks_keeps_the_invariants() {
	ExtBuilder::build_and_execute(|| {
		random_traffic(60, 16, 2);
		end_epoch();
		// Rank with a whole block, then clean a unit or so at a time.
		while !matches!(Ongoing::<Test>::get().map(|c| c.stage), Some(Stage::Clean { .. })) {
			next_block();
			idle(whole_block());
		}
		let unit = <() as crate::WeightInfo>::clean(1);
		let mut blocks = 0;
		while Ongoing::<Test>::get().is_some() {
			next_block();
			let db = <<Test as frame_system::Config>::DbWeight as frame_support::traits::Get<
				frame_support::weights::RuntimeDbWeight,
			>>::get();
			idle(unit.saturating_add(db.reads(1)));
			blocks += 1;
		}
		assert!(blocks > 5, "cleaned in {blocks} blocks");
	});
}
