//! Property tests of the ranking on small random graphs (see the crate docs for why each holds).

#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing, clippy::unwrap_used)]

use flox_rank::{rank, rank_from, Graph, Params, Ranker, Ranking, ONE};
use proptest::prelude::*;

type Edges = Vec<(u32, u32, u128)>;

/// Tolerance 2⁻⁴⁰ of rank, plenty of iterations (the map contracts fast).
const PARAMS: Params = Params { tolerance: 1 << 20, max_iterations: 500 };

/// A graph: (edges, target boosts, caller boosts). Sizes ≤ 8 per role, ≤ 40 edges, gas < 10⁹.
fn graph_strategy() -> impl Strategy<Value = (Edges, Vec<u128>, Vec<u128>)> {
	(1u32..8, 1u32..8).prop_flat_map(|(nt, nc)| {
		(
			prop::collection::vec((0..nt, 0..nc, 1u128..1_000_000_000), 1..40),
			prop::collection::vec(1u128..1_000_000, nt as usize),
			prop::collection::vec(1u128..1_000_000, nc as usize),
		)
	})
}

fn ranked(e: &Edges, tb: &[u128], cb: &[u128]) -> Ranking {
	rank(&Graph::new(e, tb, cb).unwrap(), PARAMS)
}

fn nonzero(v: &[u64]) -> u64 {
	v.iter().filter(|&&r| r != 0).count() as u64
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

	/// Each role sums to ONE within one unit per nonzero entry (rounded down, never above).
	#[test]
	fn ranks_sum_to_one((e, tb, cb) in graph_strategy()) {
		let r = ranked(&e, &tb, &cb);
		prop_assert!(r.iterations >= 1);
		for v in [&r.targets, &r.callers] {
			let s: u64 = v.iter().sum();
			prop_assert!(s <= ONE, "sum {} above ONE", s);
			prop_assert!(ONE - s <= nonzero(v), "sum {} short by more than {}", s, nonzero(v));
		}
	}

	/// Multiplying every gas amount by the same constant leaves the ranks exactly unchanged
	/// (constants up to 10²⁰ push the total past 2⁶⁵, through the 191-bit weight division).
	#[test]
	fn gas_scaling_is_exact((e, tb, cb) in graph_strategy(), k in 2u128..100_000_000_000_000_000_000) {
		let scaled: Edges = e.iter().map(|&(t, c, g)| (t, c, g * k)).collect();
		prop_assert_eq!(ranked(&e, &tb, &cb), ranked(&scaled, &tb, &cb));
	}

	/// Multiplying every boost of a role by the same constant leaves the ranks exactly unchanged.
	#[test]
	fn boost_scaling_is_exact((e, tb, cb) in graph_strategy(), k in 2u128..1_000_000_000_000_000_000_000_000) {
		let base = ranked(&e, &tb, &cb);
		let tk: Vec<u128> = tb.iter().map(|b| b * k).collect();
		let ck: Vec<u128> = cb.iter().map(|b| b * k).collect();
		prop_assert_eq!(&base, &ranked(&e, &tk, &cb));
		prop_assert_eq!(&base, &ranked(&e, &tb, &ck));
	}

	/// The order in which edges were recorded, and splitting one record's gas in two, change
	/// nothing.
	#[test]
	fn edge_order_is_irrelevant((e, tb, cb) in graph_strategy(), seed in any::<u64>()) {
		let mut shuffled = e.clone();
		// Fisher–Yates with a splitmix64 stream.
		let mut s = seed;
		let mut next = || { s = s.wrapping_add(0x9E37_79B9_7F4A_7C15); let mut z = s; z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9); z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB); z ^ (z >> 31) };
		for i in (1..shuffled.len()).rev() {
			let j = (next() % (i as u64 + 1)) as usize;
			shuffled.swap(i, j);
		}
		let (t, c, g) = shuffled[0];
		if g >= 2 {
			shuffled[0] = (t, c, g / 2);
			shuffled.push((t, c, g - g / 2));
		}
		prop_assert_eq!(ranked(&e, &tb, &cb), ranked(&shuffled, &tb, &cb));
	}

	/// Any positive starting vectors reach the same ranks, within 4 × the tolerance in L1 per
	/// role (each run stops within about a third of the tolerance of the fixed point: the map
	/// contracts by about 1/4 per iteration).
	#[test]
	fn start_is_irrelevant(
		(e, tb, cb) in graph_strategy(),
		st in prop::collection::vec(1u64..1_000_000_000_000, 8),
		sc in prop::collection::vec(1u64..1_000_000_000_000, 8),
	) {
		let g = Graph::new(&e, &tb, &cb).unwrap();
		let a = rank(&g, PARAMS);
		let b = rank_from(&g, PARAMS, &st[..tb.len()], &sc[..cb.len()]).unwrap();
		prop_assert!(a.converged && b.converged);
		for (x, y) in [(&a.targets, &b.targets), (&a.callers, &b.callers)] {
			let l1: u64 = x.iter().zip(y.iter()).map(|(p, q)| p.abs_diff(*q)).sum();
			prop_assert!(l1 <= 4 * PARAMS.tolerance, "L1 {} between starts", l1);
		}
	}

	/// Relabelling accounts (a permutation per role) permutes their ranks exactly.
	#[test]
	fn relabelling_permutes((e, tb, cb) in graph_strategy(), pt in any::<u64>(), pc in any::<u64>()) {
		fn perm(n: usize, seed: u64) -> Vec<u32> {
			let mut p: Vec<u32> = (0..n as u32).collect();
			let mut s = seed | 1;
			for i in (1..n).rev() {
				s ^= s << 13; s ^= s >> 7; s ^= s << 17;
				p.swap(i, (s % (i as u64 + 1)) as usize);
			}
			p
		}
		let (p_t, p_c) = (perm(tb.len(), pt), perm(cb.len(), pc));
		let e2: Edges = e.iter().map(|&(t, c, g)| (p_t[t as usize], p_c[c as usize], g)).collect();
		let mut tb2 = vec![0; tb.len()];
		let mut cb2 = vec![0; cb.len()];
		for (i, &b) in tb.iter().enumerate() { tb2[p_t[i] as usize] = b; }
		for (i, &b) in cb.iter().enumerate() { cb2[p_c[i] as usize] = b; }
		let a = ranked(&e, &tb, &cb);
		let b = ranked(&e2, &tb2, &cb2);
		prop_assert_eq!(a.iterations, b.iterations);
		prop_assert_eq!(a.converged, b.converged);
		for (i, &r) in a.targets.iter().enumerate() { prop_assert_eq!(r, b.targets[p_t[i] as usize]); }
		for (i, &r) in a.callers.iter().enumerate() { prop_assert_eq!(r, b.callers[p_c[i] as usize]); }
	}

	/// An index with no edges (here: one extra target and one extra caller) gets rank 0, and every
	/// index with an edge gets a positive rank.
	#[test]
	fn no_edges_no_rank((e, mut tb, mut cb) in graph_strategy()) {
		tb.push(77);
		cb.push(77);
		let r = ranked(&e, &tb, &cb);
		prop_assert_eq!(*r.targets.last().unwrap(), 0);
		prop_assert_eq!(*r.callers.last().unwrap(), 0);
		for &(t, c, _) in &e {
			prop_assert!(r.targets[t as usize] > 0 && r.callers[c as usize] > 0);
		}
	}

	/// Stepping with any chunk sizes gives exactly the one-shot result; every step stays within
	/// its budget and makes progress.
	#[test]
	fn stepwise_equals_one_shot(
		(e, tb, cb) in graph_strategy(),
		chunks in prop::collection::vec(1u64..60, 1..10),
		iters in 1u32..40,
	) {
		let g = Graph::new(&e, &tb, &cb).unwrap();
		let params = Params { tolerance: 1 << 30, max_iterations: iters };
		let one = rank(&g, params);
		let mut r = Ranker::new(&g, params);
		let mut steps = 0usize;
		loop {
			let budget = chunks[steps % chunks.len()];
			let out = r.step(&g, budget).unwrap();
			prop_assert!(out.work <= budget);
			prop_assert!(out.work > 0 || out.finished);
			steps += 1;
			if out.finished { break; }
			prop_assert!(steps < 1_000_000);
		}
		let stepped = r.ranking().unwrap();
		prop_assert_eq!(stepped.digest(), one.digest());
		prop_assert_eq!(stepped, one);
	}
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

	/// The same on larger graphs (up to 40 targets, 300 callers, 3 000 edges), with budgets from
	/// one unit to more than a whole pass: steps mix whole blocks of rows (taken together, their
	/// square roots in lock step) with single rows stopped anywhere in their edges.
	#[test]
	fn stepwise_equals_one_shot_large(
		nt in 1u32..40,
		nc in 1u32..300,
		seed in any::<u64>(),
		chunks in prop::collection::vec(1u64..5_000, 1..10),
		iters in 1u32..12,
	) {
		let mut s = seed;
		let mut next = || { s = s.wrapping_add(0x9E37_79B9_7F4A_7C15); let mut z = s; z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9); z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB); z ^ (z >> 31) };
		let ne = (next() % 3_000) as usize;
		let e: Edges = (0..ne)
			.map(|_| ((next() % u64::from(nt)) as u32, (next() % u64::from(nc)) as u32, u128::from(next() % 1_000_000_000)))
			.collect();
		// Some zero boosts, so that some factors are zero.
		let tb: Vec<u128> = (0..nt).map(|_| u128::from(next() % 1_000)).collect();
		let cb: Vec<u128> = (0..nc).map(|_| u128::from(next() % 1_000)).collect();
		let g = Graph::new(&e, &tb, &cb).unwrap();
		let params = Params { tolerance: 0, max_iterations: iters };
		let one = rank(&g, params);
		let mut r = Ranker::new(&g, params);
		let mut steps = 0usize;
		loop {
			let budget = chunks[steps % chunks.len()];
			let out = r.step(&g, budget).unwrap();
			prop_assert!(out.work <= budget);
			prop_assert!(out.work > 0 || out.finished);
			steps += 1;
			if out.finished { break; }
		}
		prop_assert_eq!(r.ranking().unwrap(), one);
	}
}

#[test]
fn empty_graph_and_zero_iterations() {
	let g = Graph::new(&[], &[1, 2], &[3]).unwrap();
	let r = rank(&g, PARAMS);
	assert_eq!(r.targets, vec![0, 0]);
	assert_eq!(r.callers, vec![0]);
	assert!(r.converged);
	let g = Graph::new(&[(0, 0, 5)], &[1], &[1]).unwrap();
	let r = rank(&g, Params { tolerance: 0, max_iterations: 0 });
	assert_eq!((r.iterations, r.converged), (0, false));
	assert!(r.targets[0] >= ONE - 1);
}

#[test]
fn single_edge_and_errors() {
	let g = Graph::new(&[(0, 1, 5), (0, 1, 7)], &[1], &[1, 1]).unwrap();
	assert_eq!(g.edges(), 1);
	let r = rank(&g, PARAMS);
	// A lone entry is ONE or ONE − 1 (the normalization rounds down).
	assert!(r.targets[0] >= ONE - 1 && r.callers[1] >= ONE - 1);
	assert_eq!(r.callers[0], 0);
	assert!(r.converged);
	assert_eq!(Graph::new(&[(1, 0, 5)], &[1], &[1]), Err(flox_rank::RankError::IndexOutOfRange));
	assert_eq!(
		Graph::new(&[(0, 0, u128::MAX), (0, 0, 1)], &[1], &[1]),
		Err(flox_rank::RankError::GasOverflow)
	);
	let other = Graph::new(&[(0, 0, 1)], &[1, 1], &[1]).unwrap();
	let mut ranker = Ranker::new(&g, PARAMS);
	assert_eq!(ranker.step(&other, 10), Err(flox_rank::RankError::GraphMismatch));
}

#[test]
fn digest_is_well_defined() {
	let r = Ranking { targets: vec![0, ONE], callers: vec![ONE], iterations: 3, converged: true };
	let bytes = r.canonical_bytes();
	let mut expected = b"flox-rank/1".to_vec();
	expected.extend_from_slice(&3u32.to_le_bytes());
	expected.push(1);
	for (len, entries) in [(2u32, vec![(1u32, ONE)]), (1, vec![(0, ONE)])] {
		expected.extend_from_slice(&len.to_le_bytes());
		expected.extend_from_slice(&(entries.len() as u32).to_le_bytes());
		for (i, x) in entries {
			expected.extend_from_slice(&i.to_le_bytes());
			expected.extend_from_slice(&x.to_le_bytes());
		}
	}
	assert_eq!(bytes, expected);
	let mut other = r.clone();
	other.callers[0] -= 1;
	assert_ne!(r.digest(), other.digest());
}
