//! Unit tests of the library, including its private parts (square roots, encoded state).
//! Tests may unwrap: a failing unwrap is a failing test.

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod ranking {
	use crate::fixed::{frac63, normalize_vec};
	use crate::sqrt::factor;
	use crate::*;

	#[test]
	fn frac63_matches_fast_and_slow_paths() {
		let d = (1u128 << 100) + 12345;
		for x in [1u128, 7, 1 << 64, (1 << 65) - 1, 1 << 65, (1 << 99) + 3, d - 1, d] {
			// Reference: compare with a 256-bit computation via the split x = hi·2⁶⁴ + lo.
			let q = frac63(x, d);
			let q128 = u128::from(q);
			// q·d ≤ x·2⁶³ < (q+1)·d, checked in halves to avoid overflow: divide both by 2⁶³.
			// x·2⁶³ − q·d ∈ [0, d): compute with x·2⁶³ = (x >> 1)·2⁶⁴ + (x & 1)·2⁶³.
			let lhs_hi = x >> 1;
			let lhs_lo = (x & 1) << 63;
			let (qd_lo, qd_hi) = mul_wide(q128, d);
			// remainder = (lhs_hi, lhs_lo) − (qd_hi, qd_lo) as 192-bit in (hi: u128 of 2⁶⁴ units).
			let lhs = (lhs_hi, lhs_lo);
			assert!(ge_wide(lhs, (qd_hi, qd_lo)), "q too large for x = {x}");
			let (qd1_lo, qd1_hi) = mul_wide(q128 + 1, d);
			assert!(!ge_wide(lhs, (qd1_hi, qd1_lo)), "q too small for x = {x}");
		}
		assert_eq!(frac63(5, 5), WEIGHT_ONE);
		assert_eq!(frac63(0, 5), 0);
		assert_eq!(frac63(1, 2), 1 << 62);
	}

	/// a·b as (low 64 bits, high part in units of 2⁶⁴).
	fn mul_wide(a: u128, b: u128) -> (u128, u128) {
		let mask = (1u128 << 64) - 1;
		let (a0, a1) = (a & mask, a >> 64);
		let (b0, b1) = (b & mask, b >> 64);
		let p00 = a0 * b0;
		let mid = a1 * b0 + a0 * b1 + (p00 >> 64); // a ≤ 2⁶⁴ here so no overflow
		let hi = a1 * b1 * (1 << 64) + mid;
		(p00 & mask, hi)
	}

	fn ge_wide(x: (u128, u128), y: (u128, u128)) -> bool {
		x.0 > y.0 || (x.0 == y.0 && x.1 >= y.1)
	}

	#[test]
	fn factor_of_one_is_boost() {
		assert_eq!(factor(WEIGHT_ONE, ONE), WEIGHT_ONE);
		assert_eq!(factor(WEIGHT_ONE, ONE / 4), WEIGHT_ONE / 2);
		assert_eq!(factor(0, ONE), 0);
	}

	#[test]
	fn normalize_sums_to_one_within_n() {
		let v = normalize_vec(&[1, 2, 3, 0, u64::MAX]);
		let s: u64 = v.iter().sum();
		assert!(s <= ONE && ONE - s <= 4);
		assert_eq!(v[3], 0);
	}
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod sqrt_tests {
	use crate::sqrt::{factor, factors_lanes, fix_up, sqrt_fixed_lanes};
	use crate::*;
	use proptest::prelude::*;

	#[test]
	fn sqrt_fixed_edge_cases() {
		for r in
			[0u64, 1, 2, 3, 4, 5, 255, 256, (1 << 60) - 1, 1 << 60, 1 << 62, u64::MAX, u64::MAX - 1]
		{
			assert_eq!(u128::from(sqrt_fixed(r)), (u128::from(r) << 64).isqrt(), "r = {r}");
		}
		for k in 0..64 {
			for d in [0u64, 1, 2] {
				let r = (1u64 << k).wrapping_sub(d).max(1);
				assert_eq!(u128::from(sqrt_fixed(r)), (u128::from(r) << 64).isqrt(), "r = {r}");
				let r = (1u64 << k).saturating_add(d);
				assert_eq!(u128::from(sqrt_fixed(r)), (u128::from(r) << 64).isqrt(), "r = {r}");
			}
		}
	}

	#[test]
	fn fix_up_is_exact_from_any_estimate() {
		for x in [0u128, 1, 2, 99, 1 << 64, (1 << 124) + 12345, u128::MAX] {
			let want = u64::try_from(x.isqrt()).unwrap();
			for t in [0u64, 1, want.saturating_sub(2), want, want.saturating_add(2), u64::MAX] {
				assert_eq!(fix_up(t, x), want, "x = {x}, t = {t}");
			}
		}
	}

	#[test]
	fn sqrt_fixed_lanes_is_exact() {
		let edge: [u64; 8] = [0, 1, 2, 3, (1 << 60) - 1, 1 << 60, u64::MAX, u64::MAX - 1];
		assert_eq!(sqrt_fixed_lanes(edge), edge.map(sqrt_fixed));
		let mut s: u64 = 1;
		for _ in 0..20_000 {
			let r: [u64; 8] = core::array::from_fn(|i| {
				s = s
					.wrapping_mul(6_364_136_223_846_793_005)
					.wrapping_add(1_442_695_040_888_963_407);
				s >> (s % 64).min(i as u64 * 8)
			});
			let want = r.map(|r| u64::try_from((u128::from(r) << 64).isqrt()).unwrap());
			assert_eq!(sqrt_fixed_lanes(r), want, "r = {r:?}");
		}
		let b = [WEIGHT_ONE, 0, 1 << 62, WEIGHT_ONE, 5, WEIGHT_ONE, 1, 1 << 40];
		let r = [ONE, ONE, ONE / 4, 0, 12_345, ONE / 3, ONE, 7];
		let m = [1, 1, 1, 1, 1, 0, 1, 1];
		let want: [u64; 8] =
			core::array::from_fn(|i| if m[i] == 0 { 0 } else { factor(b[i], r[i]) });
		assert_eq!(factors_lanes(&b, &r, &m), want);
	}

	proptest! {
		#![proptest_config(ProptestConfig { cases: 20_000, failure_persistence: None, ..ProptestConfig::default() })]
		#[test]
		fn sqrt_fixed_is_the_floor_square_root(r in any::<u64>(), shift in 0u32..64) {
			let r = r >> shift;
			prop_assert_eq!(u128::from(sqrt_fixed(r)), (u128::from(r) << 64).isqrt());
		}
	}
}

#[cfg(all(test, feature = "codec"))]
#[allow(clippy::unwrap_used)]
mod codec_tests {
	use crate::*;
	use codec::{Decode, Encode};

	/// The pallet stores the graph and the ranker between blocks: resuming from decoded copies
	/// gives the same result.
	#[test]
	fn resume_from_encoded_state() {
		let edges = [(0u32, 1u32, 5u128), (1, 0, 3), (1, 1, 9), (2, 2, 1)];
		let graph = Graph::new(&edges, &[1, 2, 3], &[3, 2, 1]).unwrap();
		let params = Params::default();
		let one_shot = rank(&graph, params);
		let mut ranker = Ranker::new(&graph, params);
		loop {
			let g = Graph::decode(&mut &graph.encode()[..]).unwrap();
			let mut r = Ranker::decode(&mut &ranker.encode()[..]).unwrap();
			let out = r.step(&g, 3).unwrap();
			ranker = r;
			if out.finished {
				break;
			}
		}
		assert_eq!(ranker.ranking().unwrap(), one_shot);
	}
}

#[cfg(test)]
mod exported {
	use crate::{rank, rank_exported, Graph, Params, RankError};

	#[test]
	fn indexes_by_first_appearance_like_the_chain() {
		let edges = [("b", "x", 5u128), ("a", "y", 3), ("b", "y", 2)];
		let exported = rank_exported(&edges, &[1, 2], &[3, 1], Params::default()).unwrap();
		let indexed = [(0u32, 0u32, 5u128), (1, 1, 3), (0, 1, 2)];
		let graph = Graph::new(&indexed, &[1, 2], &[3, 1]).unwrap();
		assert_eq!(exported, rank(&graph, Params::default()));
	}

	#[test]
	fn boosts_must_cover_every_account() {
		let edges = [("b", "x", 5u128), ("a", "y", 3)];
		assert_eq!(
			rank_exported(&edges, &[1], &[1, 1], Params::default()),
			Err(RankError::IndexOutOfRange)
		);
	}
}

/// The estimate behind the lock-step square roots is within one unit of the root, so the fix-up
/// always ends exact without its fallback (which would make it exact anyway).
#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod sqrt_estimates {
	use crate::sqrt::*;
	use proptest::prelude::*;

	fn root(y: u64) -> u64 {
		u64::try_from((u128::from(y) << 64).isqrt()).unwrap()
	}

	/// `y ∈ [2⁶², 2⁶⁴)`: both ends, around perfect squares, and powers of two.
	fn edge_inputs() -> Vec<u64> {
		let mut v = vec![1 << 62, (1 << 62) + 1, u64::MAX, u64::MAX - 1, 1 << 63, (1 << 63) - 1];
		for j in [1u64 << 31, (1 << 31) + 1, 3_037_000_499, 4_294_967_295, 2_147_483_648 + 12_345] {
			for d in [-2i64, -1, 0, 1, 2] {
				let y = (j * j).wrapping_add_signed(d);
				if y >= 1 << 62 {
					v.push(y);
				}
			}
		}
		v
	}

	fn check<const N: usize>(y: [u64; N]) {
		let want = y.map(root);
		for (t, w) in estimate_lanes(&y).iter().zip(&want) {
			assert!(t.abs_diff(*w) <= 1, "estimate {t} for root {w}");
		}
	}

	#[test]
	fn estimate_is_within_one_unit_at_the_edges() {
		for y in edge_inputs() {
			check([y]);
		}
	}

	#[test]
	fn lanes_are_exact_around_perfect_squares() {
		let mut s: u64 = 7;
		for _ in 0..50_000 {
			s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
			// r = j² ± d: r · 2⁶⁴ is then a perfect square or next to one.
			let j = (s >> 34) >> (s % 30);
			let r: [u64; 8] =
				core::array::from_fn(|i| (j * j).wrapping_add(i as u64).wrapping_sub(3));
			let want = r.map(|r| u64::try_from((u128::from(r) << 64).isqrt()).unwrap());
			assert_eq!(sqrt_fixed_lanes(r), want, "r = {r:?}");
		}
	}

	proptest! {
		#![proptest_config(ProptestConfig { cases: 50_000, failure_persistence: None, ..ProptestConfig::default() })]
		#[test]
		fn estimate_is_within_one_unit(y in (1u64 << 62)..=u64::MAX) {
			check([y]);
		}

		#[test]
		fn lanes_are_the_floor_square_root(r in any::<[u64; 8]>(), shift in 0u32..64) {
			let r = r.map(|r| r >> shift);
			let want = r.map(|r| u64::try_from((u128::from(r) << 64).isqrt()).unwrap());
			prop_assert_eq!(sqrt_fixed_lanes(r), want);
		}
	}
}
