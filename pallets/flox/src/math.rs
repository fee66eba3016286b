//! Flox's pure formulas: points from a rank, an account's boost, the summing of a block's
//! charges by pair and their grouping by caller, and how many units of a phase fit a weight.
//!
//! Nothing here reads storage; the pallet feeds these functions what it read.

use crate::types::{FloxParams, PendingCharge, TierWeight};
use alloc::{collections::BTreeMap, vec::Vec};
use flox_rank::ONE;
use fluxomics_primitives::{Balance, PowerUnits};
use frame_support::weights::Weight;
use sp_arithmetic::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{Bounded, One, Saturating},
	FixedPointNumber, FixedU128, Rounding,
};

/// `⌊rank · ratio⌋` with `rank` in units of 2⁻⁶⁰: at most `ratio` since `rank ≤ ONE`.
pub fn points(rank: u64, ratio: u128) -> u128 {
	multiply_by_rational_with_rounding(ratio, u128::from(rank), u128::from(ONE), Rounding::Down)
		.unwrap_or(0)
		.min(ratio)
}

/// The boost of an account with `staked` Flux and tier `tier` under `p`:
/// `tier · min(1 + staked / boost_stake_unit, boost_cap)`, as the inner value of a `FixedU128`
/// (10¹⁸ is a boost of one).
pub fn boost(staked: Balance, tier: TierWeight, p: &FloxParams) -> u128 {
	let factor = FixedU128::checked_from_rational(staked, p.boost_stake_unit)
		.unwrap_or_else(FixedU128::max_value)
		.saturating_add(FixedU128::one())
		.min(p.boost_cap);
	tier.saturating_mul(factor).into_inner()
}

/// The charges' `(caller, target, power)` with the power of each pair summed (saturating), the
/// pairs in the order they first appear.
pub fn sum_by_pair<A: Ord + Clone>(charges: Vec<PendingCharge<A>>) -> Vec<(A, A, PowerUnits)> {
	let mut first: BTreeMap<(A, A), usize> = BTreeMap::new();
	let mut out: Vec<(A, A, PowerUnits)> = Vec::with_capacity(charges.len());
	for ch in charges {
		let key = (ch.payer, ch.counterparty);
		match first.get(&key).and_then(|&i| out.get_mut(i)) {
			Some(entry) => entry.2 = entry.2.saturating_add(ch.power),
			None => {
				first.insert(key.clone(), out.len());
				out.push((key.0, key.1, ch.power));
			},
		}
	}
	out
}

/// The summed charges `(caller, target, power)` of [`sum_by_pair`], grouped by caller: each caller
/// once, in order of first appearance, with its targets in the order they first appear. The fold
/// reads and writes each caller's edge list once.
pub fn by_caller<A: Ord + Clone>(pairs: Vec<(A, A, PowerUnits)>) -> Vec<(A, Vec<(A, PowerUnits)>)> {
	let mut at: BTreeMap<A, usize> = BTreeMap::new();
	let mut out: Vec<(A, Vec<(A, PowerUnits)>)> = Vec::new();
	for (caller, target, power) in pairs {
		match at.get(&caller).and_then(|&i| out.get_mut(i)) {
			Some((_, targets)) => targets.push((target, power)),
			None => {
				at.insert(caller.clone(), out.len());
				out.push((caller, alloc::vec![(target, power)]));
			},
		}
	}
	out
}

/// How many units of `per` fit in `left` after `base` (`None` if `base` does not fit).
pub fn units_within(left: Weight, base: Weight, per: Weight) -> Option<u64> {
	if !base.all_lte(left) {
		return None;
	}
	let rem = left.saturating_sub(base);
	let by = |r: u64, p: u64| r.checked_div(p).unwrap_or(u64::MAX);
	Some(by(rem.ref_time(), per.ref_time()).min(by(rem.proof_size(), per.proof_size())))
}

/// Units of a linear weight function `f` that fit in `left`, at most `remaining`; `None` if not
/// even one (or, with nothing remaining, the base) fits.
pub fn fit(left: Weight, f: impl Fn(u32) -> Weight, remaining: u64) -> Option<u32> {
	let base = f(0);
	let per = f(1).saturating_sub(base);
	let n = units_within(left, base, per)?.min(remaining).min(u64::from(u32::MAX));
	if n == 0 && remaining > 0 {
		return None;
	}
	u32::try_from(n).ok()
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	const ONE_BOOST: u128 = 1_000_000_000_000_000_000;

	fn params(unit: Balance, cap: u32) -> FloxParams {
		FloxParams { boost_stake_unit: unit, boost_cap: FixedU128::from_u32(cap), ..test_params() }
	}

	fn test_params() -> FloxParams {
		<crate::pallet::DefaultParams as frame_support::traits::Get<FloxParams>>::get()
	}

	fn linear(base: (u64, u64), per: (u64, u64)) -> impl Fn(u32) -> Weight {
		move |n| {
			let n = u64::from(n);
			Weight::from_parts(
				base.0.saturating_add(per.0.saturating_mul(n)),
				base.1.saturating_add(per.1.saturating_mul(n)),
			)
		}
	}

	#[test]
	fn a_whole_rank_earns_the_whole_ratio_and_an_empty_one_nothing() {
		assert_eq!(points(ONE, 7), 7);
		assert_eq!(points(0, u128::MAX), 0);
		assert_eq!(points(u64::MAX, 1_000), 1_000, "a rank above one is capped at the ratio");
	}

	#[test]
	fn the_boost_of_an_unstaked_account_is_its_tier() {
		let p = params(1_000, 10);
		assert_eq!(boost(0, FixedU128::one(), &p), ONE_BOOST);
		assert_eq!(boost(0, FixedU128::from_u32(3), &p), 3 * ONE_BOOST);
		assert_eq!(boost(u128::MAX, FixedU128::from_u32(0), &p), 0);
	}

	#[test]
	fn fit_counts_the_units_of_each_dimension() {
		let f = linear((10, 10), (5, 1));
		// ref time allows 4 units, proof size 30: 4.
		assert_eq!(fit(Weight::from_parts(30, 40), &f, 100), Some(4));
		// Capped by what remains.
		assert_eq!(fit(Weight::from_parts(30, 40), &f, 2), Some(2));
		// Nothing remaining: only the base must fit.
		assert_eq!(fit(Weight::from_parts(10, 10), &f, 0), Some(0));
		assert_eq!(fit(Weight::from_parts(9, 10), &f, 0), None);
		// Not even one unit.
		assert_eq!(fit(Weight::from_parts(14, 40), &f, 3), None);
		// A free dimension does not limit.
		assert_eq!(fit(Weight::from_parts(100, 10), linear((0, 10), (10, 0)), 50), Some(10));
	}

	proptest! {
		#[test]
		fn points_never_exceed_the_ratio_and_grow_with_rank(
			a in 0..=ONE, b in 0..=ONE, ratio in any::<u128>(),
		) {
			let (lo, hi) = (a.min(b), a.max(b));
			prop_assert!(points(hi, ratio) <= ratio);
			prop_assert!(points(lo, ratio) <= points(hi, ratio));
		}

		#[test]
		fn points_of_all_ranks_never_exceed_the_ratio(
			ranks in proptest::collection::vec(0..=ONE / 8, 1..8), ratio in 0..=u128::MAX / 2,
		) {
			// Ranks that sum to at most one credit at most the ratio.
			let total: u128 = ranks.iter().map(|&r| points(r, ratio)).sum();
			prop_assert!(total <= ratio);
		}

		#[test]
		fn the_boost_grows_with_stake_between_the_tier_and_the_capped_tier(
			s1 in any::<u128>(), s2 in any::<u128>(), unit in 1..=u128::MAX,
			cap in 1..=1_000u32, tier in 0..=1_000u32,
		) {
			let p = params(unit, cap);
			let tier = FixedU128::from_u32(tier);
			let (lo, hi) = (s1.min(s2), s1.max(s2));
			let (b_lo, b_hi) = (boost(lo, tier, &p), boost(hi, tier, &p));
			prop_assert!(b_lo <= b_hi);
			prop_assert!(b_lo >= tier.into_inner());
			prop_assert!(b_hi <= tier.into_inner() * u128::from(cap));
		}

		#[test]
		fn summing_by_pair_conserves_power_and_leaves_distinct_pairs(
			charges in proptest::collection::vec((0..5u64, 0..5u64, 0..1_000_000u128), 0..40),
		) {
			let input: Vec<PendingCharge<u64>> = charges
				.iter()
				.map(|&(p, c, w)| PendingCharge { payer: p, counterparty: c, power: w })
				.collect();
			let out = sum_by_pair(input);
			let sum_in: u128 = charges.iter().map(|c| c.2).sum();
			let sum_out: u128 = out.iter().map(|c| c.2).sum();
			prop_assert_eq!(sum_in, sum_out);
			let mut pairs: Vec<(u64, u64)> = out.iter().map(|c| (c.0, c.1)).collect();
			let n = pairs.len();
			pairs.sort();
			pairs.dedup();
			prop_assert_eq!(pairs.len(), n);
			// In order of first appearance.
			let mut seen: Vec<(u64, u64)> = Vec::new();
			for &(p, c, _) in &charges {
				if !seen.contains(&(p, c)) {
					seen.push((p, c));
				}
			}
			prop_assert_eq!(out.iter().map(|c| (c.0, c.1)).collect::<Vec<_>>(), seen);
			// Grouped by caller: the same pairs, each caller once, nothing lost or reordered
			// within a caller.
			let grouped = by_caller(out.clone());
			let callers: Vec<u64> = grouped.iter().map(|g| g.0).collect();
			let mut distinct = callers.clone();
			distinct.sort();
			distinct.dedup();
			prop_assert_eq!(distinct.len(), callers.len());
			let flat: Vec<(u64, u64, u128)> = grouped
				.iter()
				.flat_map(|(c, ts)| ts.iter().map(move |&(t, w)| (*c, t, w)))
				.collect();
			for c in &callers {
				let a: Vec<_> = out.iter().filter(|x| x.0 == *c).collect();
				let b: Vec<_> = flat.iter().filter(|x| x.0 == *c).collect();
				prop_assert_eq!(a, b);
			}
			prop_assert_eq!(flat.len(), out.len());
		}

		#[test]
		fn fit_takes_the_most_units_within_the_weight(
			base in (0..1_000_000_000_000u64, 0..1_000_000_000_000u64),
			per in (0..1_000_000_000u64, 0..1_000_000_000u64),
			left in (0..2_000_000_000_000u64, 0..2_000_000_000_000u64),
			remaining in 0..=u64::from(u32::MAX),
		) {
			let f = linear(base, per);
			let left = Weight::from_parts(left.0, left.1);
			match fit(left, &f, remaining) {
				Some(n) => {
					prop_assert!(u64::from(n) <= remaining);
					prop_assert!(f(n).all_lte(left));
					if u64::from(n) < remaining {
						prop_assert!(!f(n + 1).all_lte(left));
					}
				},
				None => prop_assert!(!f(u32::from(remaining > 0)).all_lte(left)),
			}
		}
	}
}
