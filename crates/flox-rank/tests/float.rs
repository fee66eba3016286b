//! The fixed-point ranking against an independent, straightforward float64 implementation of the
//! same formulas, on random graphs, for the same number of iterations.
//!
//! Tolerance: max |fixed − float| ≤ 1e-12 per rank (ranks are ≤ 1). The fixed-point error per
//! iteration is a few units of 2⁻⁶⁰ per entry (floors in weights, boosts, square roots, factors
//! and the normalization, each ≤ 2⁻⁶⁰…2⁻⁶³ relative to its scale), and f64 carries ≈ 1.1e-16
//! relative error per operation, accumulated over sums of up to a few hundred terms; the map
//! contracts, so errors do not grow with the iterations. Observed differences are around 1e-15;
//! 1e-12 leaves a wide margin while still catching any formula or scaling mistake (which shows
//! as ≥ 1e-4).

#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing, clippy::unwrap_used)]

use flox_rank::{rank, Graph, Params, ONE};
use fluxomics_test_support::rng::SplitMix64;
use std::collections::BTreeMap;

/// Straight from the formulas: alternating, each vector normalized to sum 1.
fn float_rank(
	edges: &[(u32, u32, u128)],
	tb: &[f64],
	cb: &[f64],
	iterations: u32,
) -> (Vec<f64>, Vec<f64>) {
	let mut gas: BTreeMap<(u32, u32), f64> = BTreeMap::new();
	for &(t, c, g) in edges {
		*gas.entry((t, c)).or_default() += g as f64;
	}
	let mut rt = vec![1.0 / tb.len() as f64; tb.len()];
	let mut rc = vec![1.0 / cb.len() as f64; cb.len()];
	for _ in 0..iterations {
		let mut nt = vec![0.0; tb.len()];
		for (&(t, c), &g) in &gas {
			nt[t as usize] += g * cb[c as usize] * rc[c as usize].sqrt();
		}
		let s: f64 = nt.iter().sum();
		rt = nt.iter().map(|x| x / s).collect();
		let mut nc = vec![0.0; cb.len()];
		for (&(t, c), &g) in &gas {
			nc[c as usize] += g * tb[t as usize] * rt[t as usize].sqrt();
		}
		let s: f64 = nc.iter().sum();
		rc = nc.iter().map(|x| x / s).collect();
	}
	(rt, rc)
}

#[test]
fn agrees_with_float64() {
	const TOLERANCE: f64 = 1e-12;
	let mut rng = SplitMix64(7);
	let mut worst: f64 = 0.0;
	for case in 0..40 {
		let nt = 1 + rng.below(60) as usize;
		let nc = 1 + rng.below(300) as usize;
		let m = 1 + rng.below(3000) as usize;
		let gas_max = [1_000u64, 1_000_000_000_000, u64::MAX][case % 3];
		let edges: Vec<(u32, u32, u128)> = (0..m)
			.map(|_| {
				(
					rng.below(nt as u64) as u32,
					rng.below(nc as u64) as u32,
					1 + u128::from(rng.below(gas_max)),
				)
			})
			.collect();
		let tb: Vec<u128> = (0..nt).map(|_| 1 + u128::from(rng.below(1_000_000))).collect();
		let cb: Vec<u128> = (0..nc).map(|_| 1 + u128::from(rng.below(1_000_000))).collect();
		let iterations = 1 + (case as u32 % 30);

		let g = Graph::new(&edges, &tb, &cb).unwrap();
		let fixed = rank(&g, Params { tolerance: 0, max_iterations: iterations });
		let tbf: Vec<f64> = tb.iter().map(|&b| b as f64).collect();
		let cbf: Vec<f64> = cb.iter().map(|&b| b as f64).collect();
		let (ft, fc) = float_rank(&edges, &tbf, &cbf, fixed.iterations);
		for (fx, fl) in [(&fixed.targets, &ft), (&fixed.callers, &fc)] {
			for (&x, &y) in fx.iter().zip(fl.iter()) {
				let d = (x as f64 / ONE as f64 - y).abs();
				worst = worst.max(d);
				assert!(
					d <= TOLERANCE,
					"case {case}: fixed {} float {y} differ by {d}",
					x as f64 / ONE as f64
				);
			}
		}
	}
	println!("worst |fixed - float| = {worst:e}");
}
