//! Ranking on chain, over blocks: the result is exactly `flox_rank::rank` on the same edges,
//! whatever the per-block budget, and `on_idle` never uses more than it is given.

use super::mock::*;
use crate::{pallet::*, EpochCounts, Event, RankFailure, Stage, WeightInfo};
use fluxomics_primitives::FloxPhase;
use frame_support::{
	traits::Get,
	weights::{RuntimeDbWeight, Weight},
};
use frame_system::limits::BlockWeights;
use sp_arithmetic::Perbill;

type W = ();

/// What the block that announced a ranking showed.
struct Ranked {
	event: Event<Test>,
	digest: [u8; 32],
	edges: Vec<(AccountId, AccountId, u128)>,
	boosts: (Vec<u128>, Vec<u128>),
	params: (u64, u32),
	blocks: u32,
}

fn db() -> RuntimeDbWeight {
	<<Test as frame_system::Config>::DbWeight as Get<RuntimeDbWeight>>::get()
}

/// The weight that lets `on_idle` take one step of `f(n)` (and no second step).
fn budget(f: Weight) -> Weight {
	f.saturating_add(
		<<Test as frame_system::Config>::DbWeight as Get<RuntimeDbWeight>>::get().reads(1),
	)
}

/// Ranks the frozen epoch with `on_idle` given `per_block(stage, counts)` each block, until the
/// block that announces it; returns what that block's state shows.
fn rank_epoch(per_block: impl Fn(Stage, EpochCounts) -> Weight) -> Ranked {
	let mut blocks = 0;
	loop {
		next_block();
		blocks += 1;
		assert!(blocks < 200_000, "ranking does not finish");
		let (stage, counts) = Ongoing::<Test>::get()
			.map(|c| (c.stage, c.counts))
			.unwrap_or((Stage::Collect { next: 0, caller: 0, done: 0 }, EpochCounts::default()));
		idle(per_block(stage, counts));
		let ranked = events().into_iter().find_map(|e| match e {
			Event::EpochRanked { epoch, digest, .. } => Some((epoch, digest)),
			_ => None,
		});
		if let Some((epoch, digest)) = ranked {
			let event =
				events().into_iter().find(|e| matches!(e, Event::EpochRanked { .. })).unwrap();
			return Ranked {
				event,
				digest,
				edges: Flox::edges(epoch),
				boosts: Flox::boosts(epoch).expect("boosts kept at the announcing block"),
				params: Flox::rank_params(epoch).expect("params kept at the announcing block"),
				blocks,
			};
		}
	}
}

/// A block budget for every stage, with `w` work units a block while ranking and the other
/// phases a few units at a time when `small`.
fn budgets(w: u32, small: bool) -> impl Fn(Stage, EpochCounts) -> Weight {
	move |stage, c| match stage {
		Stage::Rank { .. } => budget(W::rank_step(c.edges, w).saturating_add(db().writes(5))),
		Stage::Build => budget(W::build(c.edges, c.accounts())),
		_ if !small => whole_block(),
		Stage::Collect { .. } => budget(W::collect(3)),
		Stage::Write { .. } => budget(W::write(2)),
		Stage::Clean { .. } => budget(W::clean(5)),
	}
}

fn traffic() {
	set_stake(12, 5_000 * fluxomics_primitives::UNIT);
	set_stake(15, 300 * fluxomics_primitives::UNIT);
	random_traffic(120, 20, 7);
	end_epoch();
}

#[test]
fn the_step_wise_ranking_equals_the_one_shot_ranking_for_any_budget() {
	let mut digests = Vec::new();
	for (w, small) in [(3, true), (17, false), (101, true), (1_000, false), (u32::MAX / 2, false)] {
		ExtBuilder::build_and_execute(|| {
			traffic();
			let r = rank_epoch(budgets(w, small));
			let expected = off_chain_ranking(&r.edges, &r.boosts, r.params);
			assert_eq!(r.digest, expected.digest(), "budget of {w} work units a block");
			assert_eq!(Flox::digest(0), Some(expected.digest()));
			let Event::EpochRanked { iterations, converged, targets, callers, .. } = r.event else {
				unreachable!()
			};
			assert_eq!((iterations, converged), (expected.iterations, expected.converged));
			assert_eq!(
				(targets as usize, callers as usize),
				(expected.targets.len(), expected.callers.len())
			);
			if w == 3 {
				assert!(r.blocks > 100, "ranked in {} blocks", r.blocks);
			}
			digests.push(r.digest);
			// The boosts follow stake: a staked caller's boost is above the least.
			assert!(r.boosts.1.iter().any(|&b| b > 1_000_000_000_000_000_000));
			run_ranking(whole_block());
		});
	}
	assert!(digests.windows(2).all(|d| d[0] == d[1]));
}

#[test]
fn the_digest_is_blake2_of_the_canonical_bytes() {
	ExtBuilder::build_and_execute(|| {
		traffic();
		let r = rank_epoch(budgets(u32::MAX / 2, false));
		let expected = off_chain_ranking(&r.edges, &r.boosts, r.params);
		assert_eq!(r.digest, sp_io::hashing::blake2_256(&expected.canonical_bytes()));
		assert_eq!(LastRanked::<Test>::get(), Some(0));
		// The boosts are each account's boost under the epoch's parameters, by index.
		let p = test_params();
		for (role, boosts) in [
			(&Targets::<Test>::iter_prefix(0).collect::<Vec<_>>(), &r.boosts.0),
			(&Callers::<Test>::iter_prefix(0).collect::<Vec<_>>(), &r.boosts.1),
		] {
			assert_eq!(role.len(), boosts.len());
			for (i, who) in role.iter() {
				assert_eq!(boosts[*i as usize], Flox::boost(who, &p));
			}
		}
	});
}

#[test]
fn on_idle_never_uses_more_than_it_is_given() {
	ExtBuilder::build_and_execute(|| {
		traffic();
		let db = <<Test as frame_system::Config>::DbWeight as Get<RuntimeDbWeight>>::get();
		let tries = [
			Weight::zero(),
			db.reads(1),
			db.reads_writes(2, 2),
			Weight::from_parts(1, u64::MAX),
			Weight::from_parts(u64::MAX, 1),
			budget(W::collect(1)),
			budget(W::build(10, 10)),
			Weight::from_parts(3_000_000_000, 10_000_000),
			whole_block(),
		];
		let mut i = 0;
		while Ongoing::<Test>::get().is_some() || !Queue::<Test>::get().is_empty() {
			next_block();
			// `idle` asserts the bound.
			idle(tries[i % tries.len()]);
			i += 1;
			assert!(i < 100_000);
		}
		assert!(Flox::digest(0).is_some());
	});
}

#[test]
fn the_ranking_uses_at_most_its_share_of_the_block() {
	ExtBuilder::build_and_execute(|| {
		let mut p = test_params();
		p.max_step_weight = Perbill::from_percent(1);
		assert!(Flox::set_params(RuntimeOrigin::root(), p).is_ok());
		traffic();
		let max =
			<<Test as frame_system::Config>::BlockWeights as Get<BlockWeights>>::get().max_block;
		let cap = Perbill::from_percent(1).mul_floor(max.ref_time());
		while Ongoing::<Test>::get().is_some() || !Queue::<Test>::get().is_empty() {
			next_block();
			let used = idle(whole_block());
			assert!(used.ref_time() <= cap);
		}
		assert!(Flox::digest(0).is_some());
	});
}

#[test]
fn progress_is_reported_phase_by_phase() {
	ExtBuilder::build_and_execute(|| {
		traffic();
		let mut phases = Vec::new();
		let per = budgets(50, true);
		while Ongoing::<Test>::get().is_some() || !Queue::<Test>::get().is_empty() {
			next_block();
			let (stage, counts) = Ongoing::<Test>::get().map(|c| (c.stage, c.counts)).unwrap_or((
				Stage::Collect { next: 0, caller: 0, done: 0 },
				EpochCounts::default(),
			));
			idle(per(stage, counts));
			if let Some(p) = Flox::epoch_status().ranking {
				assert_eq!(p.epoch, 0);
				assert!(p.total == 0 || p.done <= p.total);
				if phases.last() != Some(&p.phase) {
					phases.push(p.phase);
				}
			}
		}
		assert_eq!(
			phases,
			vec![
				FloxPhase::Collect,
				FloxPhase::Build,
				FloxPhase::Rank,
				FloxPhase::Write,
				FloxPhase::Clean
			]
		);
		assert_eq!(Flox::epoch_status().last_ranked, Some(0));
	});
}

#[test]
fn an_epoch_whose_gas_overflows_is_not_ranked_and_is_cleaned() {
	ExtBuilder::build_and_execute(|| {
		record(ALICE, BOB, u128::MAX / 2 + 1);
		record(CHARLIE, BOB, u128::MAX / 2 + 1);
		end_epoch();
		run_ranking(whole_block());
		assert!(events().contains(&Event::RankingFailed { epoch: 0, reason: RankFailure::Graph }));
		assert!(events().contains(&Event::EpochCleaned { epoch: 0 }));
		assert_eq!(Flox::digest(0), None);
		assert_eq!(Points::<Test>::get(ALICE), 0);
		assert!(Flox::edges(0).is_empty());
	});
}

#[test]
fn epochs_queue_and_are_ranked_in_order() {
	ExtBuilder::build_and_execute(|| {
		random_traffic(30, 8, 1);
		end_epoch();
		random_traffic(30, 8, 2);
		end_epoch();
		assert_eq!(Flox::epoch_status().queued, vec![0, 1]);
		run_ranking(whole_block());
		let ranked: Vec<u32> = events()
			.into_iter()
			.filter_map(|e| match e {
				Event::EpochRanked { epoch, .. } => Some(epoch),
				_ => None,
			})
			.collect();
		assert_eq!(ranked, vec![0, 1]);
		assert!(Flox::digest(0).is_some() && Flox::digest(1).is_some());
		assert_ne!(Flox::digest(0), Flox::digest(1));
	});
}

#[test]
fn the_largest_graph_and_ranker_fit_their_storage_bounds() {
	use crate::{GraphBytes, RankerBytes};
	use codec::Encode;
	use frame_support::traits::ConstU32;
	// Every target with every caller would be 1 024 edges: take the first MaxEdges of them
	// with all accounts present (an account without edges still has its row).
	let (e, a) = (64u32, 32u32);
	let edges: Vec<(u32, u32, u128)> = (0..e)
		.map(|i| (i % a, (i / a + i) % a, u128::from(u32::MAX) * u128::from(i + 1)))
		.collect();
	let boosts: Vec<u128> = (0..a).map(|i| u128::MAX - u128::from(i)).collect();
	let graph = flox_rank::Graph::new(&edges, &boosts, &boosts).unwrap();
	let ranker = flox_rank::Ranker::new(&graph, flox_rank::Params::default());
	assert!(
		graph.encode().len() as u32 <= <GraphBytes<ConstU32<64>, ConstU32<32>> as Get<u32>>::get()
	);
	assert!(ranker.encode().len() as u32 <= <RankerBytes<ConstU32<32>> as Get<u32>>::get());
	// And at runtime scale.
	let (e, a) = (100_000u32, 50_000u32);
	let edges: Vec<(u32, u32, u128)> =
		(0..e).map(|i| (i % a, (i / a + i * 7) % a, u128::from(i) + 1)).collect();
	let boosts: Vec<u128> = (0..a).map(|i| u128::from(i) + 1).collect();
	let graph = flox_rank::Graph::new(&edges, &boosts, &boosts).unwrap();
	let ranker = flox_rank::Ranker::new(&graph, flox_rank::Params::default());
	assert!(
		graph.encode().len() as u32
			<= <GraphBytes<ConstU32<100_000>, ConstU32<50_000>> as Get<u32>>::get()
	);
	assert!(ranker.encode().len() as u32 <= <RankerBytes<ConstU32<50_000>> as Get<u32>>::get());
}

#[test]
fn random_traffic_and_random_budgets_give_the_one_shot_digest() {
	for seed in 0..6u64 {
		ExtBuilder::build_and_execute(|| {
			set_stake(10 + seed, (seed as u128 + 1) * 700 * fluxomics_primitives::UNIT);
			random_traffic(40 + 30 * seed as u32, 6 + 3 * seed, seed);
			end_epoch();
			// Each block's work budget drawn from 1..=400 units, other phases a few units.
			let state = core::cell::Cell::new(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
			let r = rank_epoch(|stage, c| {
				let mut x = state.get();
				x ^= x << 13;
				x ^= x >> 7;
				x ^= x << 17;
				state.set(x);
				let w = 1 + (x % 400) as u32;
				budgets(w, x & 1 == 0)(stage, c)
			});
			let expected = off_chain_ranking(&r.edges, &r.boosts, r.params);
			assert_eq!(r.digest, expected.digest(), "seed {seed}");
			run_ranking(whole_block());
		});
	}
}
