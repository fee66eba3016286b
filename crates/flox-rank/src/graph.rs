//! The graph of an epoch, normalized and in compressed sparse rows ([`Csr`], [`Graph`]).

use crate::fixed::frac63;
use crate::RankError;
use alloc::vec;
use alloc::vec::Vec;

#[cfg(feature = "codec")]
use codec::{Decode, Encode};
#[cfg(feature = "codec")]
use scale_info::TypeInfo;

/// The graph in compressed sparse rows: rows are callers, columns targets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "codec", derive(Encode, Decode, TypeInfo))]
pub struct Csr {
	/// `offsets[i]..offsets[i + 1]` are row `i`'s edges; `rows + 1` entries.
	pub offsets: Vec<u32>,
	/// The column (other role's index) of each edge, increasing within a row.
	pub columns: Vec<u32>,
	/// The weight of each edge (see [`Graph`]).
	pub weights: Vec<u64>,
}

impl Csr {
	/// The number of rows.
	pub fn rows(&self) -> usize {
		self.offsets.len().saturating_sub(1)
	}
}

/// An epoch's interaction graph, ready to rank: gas pre-normalized into weights, boosts into
/// fractions of the role's largest boost, stored once, by caller.
///
/// Weights: `w = ⌊gas · 2⁶³ / total_gas⌋` after merging duplicate `(target, caller)` pairs by
/// summing their gas; edges whose weight is 0 are dropped. Boosts: `⌊boost · 2⁶³ / max_boost⌋`
/// per role (all zero if every boost of the role is zero).
///
/// Both half-steps read the same caller-major CSR (see the crate docs, "Data layout"): there is
/// no by-target copy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "codec", derive(Encode, Decode, TypeInfo))]
pub struct Graph {
	/// Rows are callers, columns targets (increasing within a row).
	pub by_caller: Csr,
	/// Normalized target boosts, one per target.
	pub target_boosts: Vec<u64>,
	/// Normalized caller boosts, one per caller.
	pub caller_boosts: Vec<u64>,
	/// Each target's total weight (the sum of its column in `by_caller`).
	pub target_mass: Vec<u64>,
	/// Each caller's total weight (the sum of its row in `by_caller`).
	pub caller_mass: Vec<u64>,
}

fn normalize_boosts(boosts: &[u128]) -> Vec<u64> {
	let max = boosts.iter().copied().max().unwrap_or(0);
	boosts.iter().map(|&b| frac63(b, max)).collect()
}

impl Graph {
	/// Build the graph of `edges` (`(target, caller, gas)`, in any order, duplicates summed) with
	/// one boost per target (`target_boosts`) and per caller (`caller_boosts`), whose lengths are
	/// the numbers of targets and callers. Boosts may be zero; gas may be zero (no edge).
	pub fn new(
		edges: &[(u32, u32, u128)],
		target_boosts: &[u128],
		caller_boosts: &[u128],
	) -> Result<Graph, RankError> {
		let n_t = target_boosts.len();
		let n_c = caller_boosts.len();
		if u32::try_from(n_t).is_err()
			|| u32::try_from(n_c).is_err()
			|| u32::try_from(edges.len()).is_err()
		{
			return Err(RankError::TooLarge);
		}
		// Sorted by (caller, target): the CSR rows in order, each row's columns increasing.
		let mut sorted: Vec<(u32, u32, u128)> = Vec::with_capacity(edges.len());
		for &(t, c, g) in edges {
			if (t as usize) >= n_t || (c as usize) >= n_c {
				return Err(RankError::IndexOutOfRange);
			}
			if g != 0 {
				sorted.push((c, t, g));
			}
		}
		sorted.sort_unstable();
		// Merge duplicates in place.
		let mut merged: Vec<(u32, u32, u128)> = Vec::with_capacity(sorted.len());
		let mut total: u128 = 0;
		for (c, t, g) in sorted {
			total = total.checked_add(g).ok_or(RankError::GasOverflow)?;
			match merged.last_mut() {
				Some(last) if last.0 == c && last.1 == t => {
					last.2 = last.2.checked_add(g).ok_or(RankError::GasOverflow)?;
				},
				_ => merged.push((c, t, g)),
			}
		}
		let mut offsets = vec![0u32; n_c.saturating_add(1)];
		let mut columns = Vec::with_capacity(merged.len());
		let mut weights = Vec::with_capacity(merged.len());
		let mut target_mass = vec![0u64; n_t];
		let mut caller_mass = vec![0u64; n_c];
		// Weights; drop the edges that round to zero. Masses: all weights together are ≤ 2⁶³.
		for (c, t, g) in merged {
			let w = frac63(g, total);
			if w == 0 {
				continue;
			}
			columns.push(t);
			weights.push(w);
			if let Some(x) = offsets.get_mut(c as usize) {
				*x = x.wrapping_add(1); // ≤ edge count ≤ u32::MAX
			}
			if let Some(m) = target_mass.get_mut(t as usize) {
				*m = m.saturating_add(w);
			}
			if let Some(m) = caller_mass.get_mut(c as usize) {
				*m = m.saturating_add(w);
			}
		}
		// Counts to offsets.
		let mut acc: u32 = 0;
		for o in offsets.iter_mut() {
			let n = *o;
			*o = acc;
			acc = acc.wrapping_add(n); // total ≤ edge count ≤ u32::MAX (checked above)
		}
		Ok(Graph {
			by_caller: Csr { offsets, columns, weights },
			target_mass,
			caller_mass,
			target_boosts: normalize_boosts(target_boosts),
			caller_boosts: normalize_boosts(caller_boosts),
		})
	}

	/// The number of targets.
	pub fn targets(&self) -> usize {
		self.target_boosts.len()
	}

	/// The number of callers.
	pub fn callers(&self) -> usize {
		self.caller_boosts.len()
	}

	/// The number of distinct edges with a nonzero weight.
	pub fn edges(&self) -> usize {
		self.by_caller.columns.len()
	}
}
