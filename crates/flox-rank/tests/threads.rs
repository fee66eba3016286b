//! The one-shot ranking on threads (`rank`, `rank_with_threads`) gives exactly what stepping a
//! `Ranker` with any budgets gives, on any number of threads.

#![cfg(feature = "std")]
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing, clippy::unwrap_used)]

use flox_rank::{rank, rank_with_threads, Graph, Params, Ranker, Ranking};
use proptest::prelude::*;

type Edges = Vec<(u32, u32, u128)>;

/// Graphs of up to 300 accounts a role and 3 000 edges, some accounts without edges, boosts
/// that may be zero, gas of up to 2⁸⁰.
fn graph_strategy() -> impl Strategy<Value = (Edges, Vec<u128>, Vec<u128>)> {
	(1u32..300, 1u32..300).prop_flat_map(|(nt, nc)| {
		(
			prop::collection::vec((0..nt, 0..nc, 0u128..(1 << 80)), 0..3_000),
			prop::collection::vec(0u128..1_000, nt as usize),
			prop::collection::vec(0u128..1_000, nc as usize),
		)
	})
}

fn stepped(graph: &Graph, params: Params, budgets: &[u64]) -> Ranking {
	let mut r = Ranker::new(graph, params);
	for &b in budgets.iter().cycle() {
		if r.step(graph, b).unwrap().finished {
			break;
		}
	}
	r.ranking().unwrap()
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

	#[test]
	fn threads_give_what_steps_give(
		(e, tb, cb) in graph_strategy(),
		threads in 1usize..6,
		budgets in prop::collection::vec(1u64..500, 1..20),
		tolerance in prop_oneof![Just(0u64), Just(1u64 << 20), Just(1u64 << 40)],
		max_iterations in 0u32..40,
	) {
		let graph = Graph::new(&e, &tb, &cb).unwrap();
		let params = Params { tolerance, max_iterations };
		let want = stepped(&graph, params, &budgets);
		prop_assert_eq!(&rank_with_threads(&graph, params, threads), &want);
		prop_assert_eq!(&rank(&graph, params), &want);
	}
}

/// A graph big enough for `rank` to use several threads where the machine has them.
#[test]
fn large_graph_on_threads() {
	let mut s: u64 = 1;
	let mut next = move || {
		s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
		s >> 11
	};
	let (nt, nc) = (70_000u64, 40_000u64);
	let edges: Edges = (0..400_000)
		.map(|_| ((next() % nt) as u32, (next() % nc) as u32, u128::from(next() % 1_000_000)))
		.collect();
	let tb: Vec<u128> = (0..nt).map(|_| u128::from(next() % 100)).collect();
	let cb: Vec<u128> = (0..nc).map(|_| u128::from(next() % 100)).collect();
	let graph = Graph::new(&edges, &tb, &cb).unwrap();
	let params = Params { tolerance: 0, max_iterations: 6 };
	let want = stepped(&graph, params, &[99_991, 7, 123_457]);
	for threads in [1, 2, 3, 8] {
		assert_eq!(rank_with_threads(&graph, params, threads), want, "{threads} threads");
	}
	assert_eq!(rank(&graph, params), want);
}
