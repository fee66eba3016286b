//! Golden digests: the rankings of 60 seeded random graphs of various shapes (up to 20 000 edges;
//! tolerance 0 with many iterations, zero boosts, accounts without edges, huge gas), recorded
//! with the code of before the speed work, must stay bit for bit the same. Each graph is also
//! ranked with [`Ranker::step`] under random budgets and on 2, 3 and 7 threads, which must give
//! the same result.
//!
//! `FLOX_GOLDEN_WRITE=1 cargo test -p flox-rank --test golden` rewrites `golden_digests.txt`
//! (only when the ranking is *meant* to change).

#![cfg(all(feature = "std", feature = "digest"))]
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing, clippy::unwrap_used)]

use flox_rank::{rank, rank_with_threads, Graph, Params, Ranker, Ranking};
use fluxomics_test_support::rng::SplitMix64;

/// One seeded graph and its parameters. The shape varies with the seed.
fn golden_case(seed: u64) -> (Graph, Params) {
	let mut rng = SplitMix64(seed.wrapping_mul(0x1234_5678_9ABC_DEF1) ^ 0xF10C);
	let sizes = [1u64, 2, 7, 64, 300, 1000, 2500];
	let n_t = sizes[rng.below(sizes.len() as u64) as usize];
	let n_c = sizes[rng.below(sizes.len() as u64) as usize];
	let n_edges = match seed % 4 {
		0 => rng.below(50),
		1 => rng.below(2_000),
		2 => 5_000 + rng.below(15_000),
		_ => rng.below(20_000),
	};
	// Only a part of each role may have edges: the rest are accounts without edges.
	let used_t = if seed.is_multiple_of(3) { 1 + rng.below(n_t) } else { n_t };
	let used_c = if seed % 5 == 1 { 1 + rng.below(n_c) } else { n_c };
	let gas_bits = [10u32, 30, 60, 100][(seed / 4 % 4) as usize];
	let skew = seed.is_multiple_of(2);
	let mut edges = Vec::with_capacity(n_edges as usize);
	for _ in 0..n_edges {
		let t = if skew {
			let x = rng.next_u64() >> 32;
			(((x * x) >> 32) * used_t) >> 32
		} else {
			rng.below(used_t)
		};
		let c = rng.below(used_c);
		let g = if seed % 7 == 3 && rng.below(10) == 0 {
			0 // no edge
		} else if gas_bits <= 64 {
			u128::from(rng.next_u64() >> (64 - gas_bits))
		} else {
			(u128::from(rng.next_u64()) << (gas_bits - 64)) | u128::from(rng.next_u64())
		};
		edges.push((t as u32, c as u32, g));
	}
	let boosts = |rng: &mut SplitMix64, n: u64, mode: u64| -> Vec<u128> {
		(0..n)
			.map(|_| match mode {
				0 => 0,                                // all zero
				1 => u128::from(rng.below(3)),         // many zeros
				2 => 1,                                // all equal
				_ => u128::from(1 + rng.below(1_000)), // random
			})
			.collect()
	};
	let tb = boosts(&mut rng, n_t, if seed % 13 == 5 { 0 } else { (seed / 2) % 4 });
	let cb = boosts(&mut rng, n_c, if seed % 17 == 8 { 0 } else { (seed / 3) % 4 });
	let graph = Graph::new(&edges, &tb, &cb).unwrap();
	let params = match seed % 5 {
		0 => Params { tolerance: 0, max_iterations: 200 },
		1 => Params::default(),
		2 => Params { tolerance: 0, max_iterations: 1 + (seed % 9) as u32 },
		3 => Params { tolerance: 1 << 40, max_iterations: 50 },
		_ => Params { tolerance: 0, max_iterations: 0 },
	};
	(graph, params)
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn stepped(graph: &Graph, params: Params, seed: u64) -> Ranking {
	let mut rng = SplitMix64(seed ^ 0x57E9);
	let mut r = Ranker::new(graph, params);
	while !r.step(graph, 1 + rng.below(3 * graph.edges() as u64 / 2 + 40)).unwrap().finished {}
	r.ranking().unwrap()
}

const CASES: u64 = 60;

#[test]
fn golden_digests_are_unchanged() {
	let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden_digests.txt");
	let mut lines = Vec::new();
	for seed in 0..CASES {
		let (graph, params) = golden_case(seed);
		let ranking = rank(&graph, params);
		assert_eq!(stepped(&graph, params, seed), ranking, "seed {seed}: step differs from rank");
		for threads in [2, 3, 7] {
			let threaded = rank_with_threads(&graph, params, threads);
			assert_eq!(threaded, ranking, "seed {seed}: {threads} threads differ from rank");
		}
		lines.push(format!(
			"{seed} edges {} targets {} callers {} iterations {} converged {} {}",
			graph.edges(),
			graph.targets(),
			graph.callers(),
			ranking.iterations,
			ranking.converged,
			hex(&ranking.digest())
		));
	}
	let got = lines.join("\n") + "\n";
	if std::env::var_os("FLOX_GOLDEN_WRITE").is_some() {
		std::fs::write(path, &got).unwrap();
		return;
	}
	let want = std::fs::read_to_string(path).unwrap();
	for (g, w) in got.lines().zip(want.lines()) {
		assert_eq!(g, w);
	}
	assert_eq!(got.lines().count(), want.lines().count());
}
