//! # Flox epoch ranking, in deterministic fixed point
//!
//! The Fluxomics chain ranks the accounts of an epoch by the Flox formulas (DESIGN.md §7, after
//! Fraxtal's Flox), with *targets* in the seed's "contracts" role and *callers* in its "EOAs" role:
//!
//! ```text
//! Rank(T_i) = Σ_j Gas(T_i, C_j) · Boost(C_j) · √Rank(C_j)
//! Rank(C_j) = Σ_i Gas(T_i, C_j) · Boost(T_i) · √Rank(T_i)
//! ```
//!
//! alternating (targets, then callers), each vector normalized to sum 1 after its update, until the
//! L1 change of *both* vectors in one iteration is at most a tolerance, or an iteration cap is hit.
//! One account may hold both roles: the roles are separate index spaces with separate vectors.
//!
//! The runtime computes it on chain, spread over blocks ([`Ranker::step`]), and the node (or anyone)
//! recomputes it off chain from the exported edges with this same crate ([`rank`]) and checks the
//! published [`Ranking::digest`]. Both must therefore agree bit for bit: everything here is integer
//! arithmetic, with no floats, no platform-dependent operation and no dependence on the order of
//! the input.
//!
//! ## Fixed-point representation and widths
//!
//! | quantity | type | unit | range |
//! | --- | --- | --- | --- |
//! | rank `r` | `u64` | [`ONE`] = 2⁶⁰ is rank 1 | `0..=ONE` |
//! | edge weight `w` | `u64` | `⌊gas · 2⁶³ / total_gas⌋` | all weights together `≤ 2⁶³` |
//! | boost `b` | `u64` | `⌊boost · 2⁶³ / max_boost⌋` (per role) | `0..=2⁶³` |
//! | square root `s` | `u128` (fits `u64`) | `⌊√(r · 2⁶⁴)⌋` = `√rank · 2⁶²` | `0..=2⁶²` |
//! | factor `f` | `u64` | `⌊b · s / 2⁶²⌋` = `boost · √rank · 2⁶³` | `0..=2⁶³` |
//! | accumulator | `u128` | `Σ w · f` | whole graph `≤ 2⁶³ · 2⁶³ = 2¹²⁶` |
//!
//! The weights of *all* edges sum to at most 2⁶³ however many edges there are, and every factor is
//! at most 2⁶³, so the sum of `w · f` over the whole graph is below 2¹²⁶: no accumulator can
//! overflow `u128`, for any edge count (the CSR offsets limit edges to `u32::MAX`). The additions
//! and multiplications in the hot loop are therefore written as `wrapping_*`: they never wrap.
//!
//! **Square root.** `s = ⌊√(r · 2⁶⁴)⌋`, the exact integer floor square root ([`sqrt_fixed`],
//! equal to `core`'s `u128::isqrt` of `r << 64` but without divisions: a table seed and
//! multiplicative Newton steps, then an exact integer fix-up). `r ≤ 2⁶⁰` so `r · 2⁶⁴ ≤ 2¹²⁴`. It
//! is computed once per account per half-step (not per edge), together with the boost, into the
//! factor `f`.
//!
//! **Normalization.** The total `A = Σ_i acc_i` (`≤ 2¹²⁶`) is known before accumulating: it is
//! `Σ_j f_j · mass_j` over the source role, `mass_j` being the account's total edge weight
//! ([`Graph::target_mass`], [`Graph::caller_mass`]), and is summed while the factors are written.
//! Let `k = max(0, bits(A) − 63)`; each row's exact `u128` sum is stored as `a_i = acc_i >> k`
//! (`u64`), `A' = Σ a_i < 2⁶³`, `M = ⌊2¹²⁴ / A'⌋`; then `r_i = ⌊a_i · M / 2⁶⁴⌋`
//! (`a_i · M ≤ 2¹²⁴`). This is `a_i / A'` in units of 2⁻⁶⁰, rounded down; shifting loses less
//! than a quarter of a rank unit when `k > 0` (then `A' ≥ 2⁶²`). One reciprocal per vector, one
//! 64×64→128 multiplication per entry.
//!
//! **Rounding of the sum.** Every entry is a function of its own accumulator and the vector's total
//! only, rounded down; nothing is redistributed (giving a remainder to "the largest entry, lowest
//! index" would break exact relabelling invariance on ties). Hence, for a vector with `n` nonzero
//! entries, `ONE − n ≤ Σ r_i ≤ ONE` (each floor loses `< 1`, the reciprocal `< 1/2` in total). A
//! vector whose accumulators are all zero (no edges, or all boosts of the other role zero) becomes
//! all zero and sums to 0, not `ONE`.
//!
//! ## Why the invariances hold *exactly*
//!
//! * **Scaling every gas amount by `c`**: duplicates are merged by summing (`c·g₁ + c·g₂ = c·(g₁+g₂)`)
//!   and weights are `⌊c·g · 2⁶³ / (c·G)⌋ = ⌊g · 2⁶³ / G⌋` (computed exactly in 191-bit arithmetic),
//!   so the weights, hence everything after, are identical. **Boosts** likewise (`⌊c·b·2⁶³/(c·B)⌋`).
//! * **Edge order**: edges are sorted by `(target, caller)` and merged; the CSR is a function of
//!   the edge multiset.
//! * **Relabelling accounts**: every per-account quantity is computed from the account's own data
//!   and role-wide totals (sums of integers, which do not depend on order); nothing breaks ties by
//!   index.
//! * **Starting vector**: not exact but mathematical (the normalized fixed point is unique for a
//!   connected positive graph): different positive starts converge to the same ranks within a few
//!   times the tolerance (see the tests).
//! * **Accounts without edges** (or whose edges all round to weight 0, i.e. gas below
//!   `total_gas / 2⁶³`) get rank 0 after the first iteration.
//! * **Monotonicity is not claimed**: more gas on one edge can, in rare graphs, lower that target's
//!   rank.
//!
//! ## Incremental computation
//!
//! [`Ranker`] is the whole computation as a resumable state machine. After a *start* phase (the
//! callers' starting factors `f = b · √r`, one pass), each half-step has two phases:
//! *accumulate* (one pass over the destination role's CSR rows, `a_i = (Σ w · f) >> k`) and
//! *normalize* (one pass over the destination role: new ranks, their L1 change, and their factors
//! for the next half-step, with the next total). [`Ranker::step`] does at most `max_work` units of
//! work, where one unit is one edge or one account row visited, and stops in the middle of any
//! phase (even in the middle of one row's edges, keeping the row's partial `u128` sum) with a
//! cursor in its state. Because all arithmetic is integer and sums are exact, running `step` with
//! any sequence of budgets gives exactly the result of [`rank`] (which is `step` with an
//! unlimited budget). The pallet stores the `Ranker` between blocks (SCALE-encoded with the `codec`
//! feature) next to the [`Graph`] it was built for; the `Ranker` does not hold the graph. Its size
//! is `8 · (n_t + n_c) + 16 · max(n_t, n_c)` bytes plus a few words.
//!
//! ## Digest
//!
//! [`Ranking::canonical_bytes`] is a well-defined encoding of the result (see its docs);
//! [`Ranking::digest`] (feature `digest`, on by default) is its blake2-256. A runtime without the
//! feature may hash `canonical_bytes` with `sp_io::hashing::blake2_256` to the same value.
//!
//! ## Data layout (speed)
//!
//! The graph is stored twice in CSR form, by target and by caller (`u32` row offsets, `u32` column
//! indices, `u64` weights: 12 bytes per edge per direction), so each half-step is one sequential scan
//! of its rows with a gather of 8-byte factors, and one multiply-add (64×64→128) per edge: the same
//! memory traffic as a float64 CSR mat-vec with 32-bit indices.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod exported;
pub use exported::rank_exported;

use alloc::vec;
use alloc::vec::Vec;

#[cfg(feature = "codec")]
use codec::{Decode, Encode};
#[cfg(feature = "codec")]
use scale_info::TypeInfo;

/// Rank 1 in fixed point: ranks are `u64` in units of 2⁻⁶⁰.
pub const ONE: u64 = 1 << 60;

/// The weight of all the gas of the graph (and the normalized boost of the largest boost): 2⁶³.
pub const WEIGHT_ONE: u64 = 1 << 63;

/// Shift of the per-account factor: `f = ⌊b · s / 2^FACTOR_SHIFT⌋`.
const FACTOR_SHIFT: u32 = 62;

/// Why a [`Graph`] or a [`Ranker`] could not be built or stepped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "codec", derive(Encode, Decode, TypeInfo))]
pub enum RankError {
	/// An edge names a target or caller index not below the number of boosts of its role.
	IndexOutOfRange,
	/// More than `u32::MAX` accounts in a role or edges in the graph.
	TooLarge,
	/// The total gas of the graph does not fit in `u128`.
	GasOverflow,
	/// A starting vector's length differs from its role's size.
	StartLength,
	/// The [`Ranker`] was made for a graph of other dimensions.
	GraphMismatch,
}

/// `⌊x · 2⁶³ / d⌋` for `x ≤ d`, `d > 0` (returns 0 for `d = 0`): at most 2⁶³, exact for all inputs.
fn frac63(x: u128, d: u128) -> u64 {
	if d == 0 || x == 0 {
		return 0;
	}
	if x >= d {
		return WEIGHT_ONE;
	}
	if x < (1u128 << 65) {
		// x · 2⁶³ < 2¹²⁸: exact in u128.
		let q = (x << 63).checked_div(d).unwrap_or(0);
		return u64::try_from(q).unwrap_or(WEIGHT_ONE);
	}
	// Long division, one quotient bit at a time: r < d throughout, `2r` may need 129 bits.
	let mut r = x;
	let mut q: u64 = 0;
	for _ in 0..63 {
		let carry = (r >> 127) != 0;
		let r2 = r << 1;
		q <<= 1;
		if carry || r2 >= d {
			// True value 2r − d < d < 2¹²⁸: the wrapping result is exact.
			r = r2.wrapping_sub(d);
			q |= 1;
		} else {
			r = r2;
		}
	}
	q
}

/// `RSQRT_SEED[i] ≈ 2⁶² / √((i + ½) / 1024)` for `i ∈ [256, 1024)`: the reciprocal square root,
/// in units of 2⁻⁶², of the middle of the slice of `[2⁶², 2⁶⁴)` whose top ten bits are `i`
/// (within 0.1 %). 8 KiB.
const RSQRT_SEED: [u64; 1024] = rsqrt_seed();

// Evaluated at compile time: an out-of-range index or an overflow would fail the build, not
// panic at run time.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const fn rsqrt_seed() -> [u64; 1024] {
	let mut t = [0u64; 1024];
	let mut i = 256;
	while i < 1024 {
		// √(2¹²⁷ / (2i + 1)) · 16 = √(2¹³⁵ / (2i + 1)) = 2⁶² · 32 / √(i + ½)   (< 2⁶³)
		t[i] = (((1u128 << 127) / (2 * i as u128 + 1)).isqrt() as u64) << 4;
		i += 1;
	}
	t
}

/// The exact floor square root of `x` from an estimate `t`: moves `t` by up to two units towards
/// `t² ≤ x < (t+1)²`, and falls back to `isqrt` if that is not enough.
#[inline]
fn fix_up(mut t: u64, x: u128) -> u64 {
	let mul = |a: u64, b: u64| u128::from(a).wrapping_mul(u128::from(b));
	for _ in 0..2 {
		let sq = mul(t, t);
		let over = sq > x;
		// (t + 1)² = t² + 2t + 1 < 2¹²⁸ when t < 2⁶⁴ − 1.
		let under = t != u64::MAX && sq.wrapping_add(u128::from(t) << 1).wrapping_add(1) <= x;
		t = t.wrapping_add(u64::from(under)).wrapping_sub(u64::from(over));
	}
	let sq = mul(t, t);
	let exact =
		sq <= x && (t == u64::MAX || sq.wrapping_add(u128::from(t) << 1).wrapping_add(1) > x);
	if exact {
		t
	} else {
		u64::try_from(x.isqrt()).unwrap_or(u64::MAX)
	}
}

/// `⌊√(r · 2⁶⁴)⌋`, exactly (the integer floor square root), for any `r`.
///
/// Equal to `(u128::from(r) << 64).isqrt()` (tested against it), several times faster because it
/// uses no division: with `y = r · 4ᵉ ∈ [2⁶², 2⁶⁴)` and `m = y / 2⁶⁴`, a table seed of `1/√m`,
/// two multiplicative Newton steps `z ← z (3 − m z²) / 2`, then `t = y z` (≈ `√(y · 2⁶⁴)`), one
/// Newton correction `t ← t + (y · 2⁶⁴ − t²) z / 2⁶⁵`, an exact integer fix-up to
/// `t² ≤ x < (t+1)²` (two branch-free ±1 rounds, then a check that falls back to `isqrt` if the
/// estimate were ever off by more than two units; it is off by at most one), and `>> e` (`⌊⌊a · 2ᵉ⌋ / 2ᵉ⌋ = ⌊a⌋`). Integer arithmetic only: deterministic everywhere.
#[inline]
pub fn sqrt_fixed(r: u64) -> u64 {
	if r == 0 {
		return 0;
	}
	let e = r.leading_zeros() >> 1;
	let y = r << (e << 1);
	let mul = |a: u64, b: u64| u128::from(a).wrapping_mul(u128::from(b));
	let low = |v: u128| u64::try_from(v).unwrap_or(u64::MAX);
	// z: 1/√m in units of 2⁻⁶² (≤ 2⁶³).
	let mut z = RSQRT_SEED.get((y >> 54) as usize).copied().unwrap_or(1 << 62);
	for _ in 0..2 {
		let z2 = low(mul(z, z) >> 64); // z² in units of 2⁻⁶⁰ (≤ 2⁶² · (1 + ε))
		let mz2 = low(mul(y, z2) >> 64); // m z² ≈ 1, units of 2⁻⁶⁰
		let corr = (3u64 << 60).saturating_sub(mz2); // 3 − m z², units of 2⁻⁶⁰
		z = low(mul(z, corr) >> 61); // z (3 − m z²) / 2, units of 2⁻⁶²
	}
	let x = u128::from(y) << 64;
	let mut t = low(mul(y, z) >> 62); // √m · 2⁶⁴, relative error ≈ 2⁻⁴⁴
	let tt = mul(t, t);
	let (residual, up) =
		if x >= tt { (x.wrapping_sub(tt), true) } else { (tt.wrapping_sub(x), false) };
	if let Ok(rr) = u64::try_from(residual >> 32) {
		let c = low(mul(rr, z) >> 95); // residual / (2t)
		t = if up { t.saturating_add(c) } else { t.saturating_sub(c) };
	}
	fix_up(t, x) >> e
}

/// The factor `⌊b · ⌊√(r · 2⁶⁴)⌋ / 2⁶²⌋` (boost times square root of the rank, units of 2⁻⁶³).
#[inline]
fn factor(b: u64, r: u64) -> u64 {
	if b == 0 || r == 0 {
		return 0;
	}
	let s = sqrt_fixed(r);
	// b ≤ 2⁶³, s < 2⁶⁴ (≤ 2⁶² when r ≤ ONE): the product fits u128.
	let p = u128::from(b).wrapping_mul(u128::from(s)) >> FACTOR_SHIFT;
	u64::try_from(p).unwrap_or(u64::MAX)
}

/// One direction of the graph in compressed sparse rows.
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

	/// The edge range of row `i` (empty if out of range or malformed).
	#[inline]
	fn range(&self, i: usize) -> (usize, usize) {
		let start = self.offsets.get(i).map_or(0, |&o| o as usize);
		let end = self.offsets.get(i.wrapping_add(1)).map_or(start, |&o| o as usize);
		(start, end.max(start))
	}
}

/// An epoch's interaction graph, ready to rank: gas pre-normalized into weights, boosts into
/// fractions of the role's largest boost, stored by target and by caller.
///
/// Weights: `w = ⌊gas · 2⁶³ / total_gas⌋` after merging duplicate `(target, caller)` pairs by
/// summing their gas; edges whose weight is 0 are dropped. Boosts: `⌊boost · 2⁶³ / max_boost⌋`
/// per role (all zero if every boost of the role is zero).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "codec", derive(Encode, Decode, TypeInfo))]
pub struct Graph {
	/// Rows are targets, columns callers.
	pub by_target: Csr,
	/// Rows are callers, columns targets (the transpose of `by_target`).
	pub by_caller: Csr,
	/// Normalized target boosts, one per target.
	pub target_boosts: Vec<u64>,
	/// Normalized caller boosts, one per caller.
	pub caller_boosts: Vec<u64>,
	/// Each target's total weight (the sum of its row in `by_target`).
	pub target_mass: Vec<u64>,
	/// Each caller's total weight (the sum of its row in `by_caller`).
	pub caller_mass: Vec<u64>,
}

fn normalize_boosts(boosts: &[u128]) -> Vec<u64> {
	let max = boosts.iter().copied().max().unwrap_or(0);
	boosts.iter().map(|&b| frac63(b, max)).collect()
}

/// The sum of each row's weights (at most 2⁶³: all weights together are).
fn row_masses(csr: &Csr) -> Vec<u64> {
	(0..csr.rows())
		.map(|i| {
			let (start, end) = csr.range(i);
			csr.weights
				.get(start..end)
				.unwrap_or(&[])
				.iter()
				.fold(0u64, |a, &w| a.saturating_add(w))
		})
		.collect()
}

fn counts_to_offsets(counts: &mut [u32]) {
	let mut acc: u32 = 0;
	for c in counts.iter_mut() {
		let n = *c;
		*c = acc;
		acc = acc.wrapping_add(n); // total ≤ edge count ≤ u32::MAX (checked by the caller)
	}
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
		let mut sorted: Vec<(u32, u32, u128)> = Vec::with_capacity(edges.len());
		for &(t, c, g) in edges {
			if (t as usize) >= n_t || (c as usize) >= n_c {
				return Err(RankError::IndexOutOfRange);
			}
			if g != 0 {
				sorted.push((t, c, g));
			}
		}
		sorted.sort_unstable();
		// Merge duplicates in place.
		let mut merged: Vec<(u32, u32, u128)> = Vec::with_capacity(sorted.len());
		let mut total: u128 = 0;
		for (t, c, g) in sorted {
			total = total.checked_add(g).ok_or(RankError::GasOverflow)?;
			match merged.last_mut() {
				Some(last) if last.0 == t && last.1 == c => {
					last.2 = last.2.checked_add(g).ok_or(RankError::GasOverflow)?;
				},
				_ => merged.push((t, c, g)),
			}
		}
		// Weights; drop the edges that round to zero.
		let kept: Vec<(u32, u32, u64)> = merged
			.into_iter()
			.filter_map(|(t, c, g)| {
				let w = frac63(g, total);
				(w != 0).then_some((t, c, w))
			})
			.collect();

		// By target: `kept` is sorted by (target, caller).
		let mut t_off = vec![0u32; n_t.saturating_add(1)];
		let mut c_off = vec![0u32; n_c.saturating_add(1)];
		for &(t, c, _) in &kept {
			if let Some(x) = t_off.get_mut(t as usize) {
				*x = x.wrapping_add(1);
			}
			if let Some(x) = c_off.get_mut(c as usize) {
				*x = x.wrapping_add(1);
			}
		}
		counts_to_offsets(&mut t_off);
		counts_to_offsets(&mut c_off);
		let by_target = Csr {
			offsets: t_off,
			columns: kept.iter().map(|e| e.1).collect(),
			weights: kept.iter().map(|e| e.2).collect(),
		};
		// By caller: a counting sort; iterating `kept` in target order keeps each row sorted.
		let mut cursor: Vec<u32> = c_off.clone();
		let mut columns = vec![0u32; kept.len()];
		let mut weights = vec![0u64; kept.len()];
		for &(t, c, w) in &kept {
			if let Some(pos) = cursor.get_mut(c as usize) {
				let p = *pos as usize;
				*pos = pos.wrapping_add(1);
				if let (Some(col), Some(wt)) = (columns.get_mut(p), weights.get_mut(p)) {
					*col = t;
					*wt = w;
				}
			}
		}
		let by_caller = Csr { offsets: c_off, columns, weights };
		let target_mass = row_masses(&by_target);
		let caller_mass = row_masses(&by_caller);
		Ok(Graph {
			by_target,
			by_caller,
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
		self.by_target.columns.len()
	}
}

/// When to stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "codec", derive(Encode, Decode, TypeInfo))]
pub struct Params {
	/// Converged once, within one iteration, the L1 change of the target ranks and that of the
	/// caller ranks are both at most this (in rank units, [`ONE`] = 1). 0 never converges early
	/// unless the ranks are exactly stationary.
	pub tolerance: u64,
	/// The most iterations (each = one target and one caller update). 0 returns the start.
	pub max_iterations: u32,
}

impl Default for Params {
	/// Tolerance 2⁻⁴⁰ (≈ 9.1 · 10⁻¹³) and at most 100 iterations.
	fn default() -> Self {
		Params { tolerance: 1 << 20, max_iterations: 100 }
	}
}

/// The ranks of an epoch.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "codec", derive(Encode, Decode, TypeInfo))]
pub struct Ranking {
	/// One rank per target, in units of 2⁻⁶⁰ ([`ONE`]).
	pub targets: Vec<u64>,
	/// One rank per caller, in units of 2⁻⁶⁰ ([`ONE`]).
	pub callers: Vec<u64>,
	/// Iterations run.
	pub iterations: u32,
	/// Whether the tolerance was met (otherwise the iteration cap stopped it).
	pub converged: bool,
}

impl Ranking {
	/// The canonical encoding the digest is taken over: the ASCII tag `flox-rank/1`, then
	/// `iterations` (u32 LE), `converged` (one byte 0/1), then for each role, targets first: the
	/// role's size (u32 LE), its number of nonzero ranks (u32 LE), and each nonzero rank as
	/// `index` (u32 LE) and `rank` (u64 LE) in increasing index order.
	pub fn canonical_bytes(&self) -> Vec<u8> {
		let nz = |v: &[u64]| v.iter().filter(|&&r| r != 0).count();
		let cap = nz(&self.targets).saturating_add(nz(&self.callers)).saturating_mul(12);
		let mut out = Vec::with_capacity(cap.saturating_add(32));
		out.extend_from_slice(b"flox-rank/1");
		out.extend_from_slice(&self.iterations.to_le_bytes());
		out.push(u8::from(self.converged));
		for v in [&self.targets, &self.callers] {
			let len = u32::try_from(v.len()).unwrap_or(u32::MAX);
			let count = u32::try_from(nz(v)).unwrap_or(u32::MAX);
			out.extend_from_slice(&len.to_le_bytes());
			out.extend_from_slice(&count.to_le_bytes());
			for (i, &r) in v.iter().enumerate() {
				if r != 0 {
					let i = u32::try_from(i).unwrap_or(u32::MAX);
					out.extend_from_slice(&i.to_le_bytes());
					out.extend_from_slice(&r.to_le_bytes());
				}
			}
		}
		out
	}

	/// blake2-256 of [`Ranking::canonical_bytes`].
	#[cfg(feature = "digest")]
	pub fn digest(&self) -> [u8; 32] {
		sp_crypto_hashing::blake2_256(&self.canonical_bytes())
	}
}

/// Which role a half-step updates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "codec", derive(Encode, Decode, TypeInfo))]
pub enum Role {
	/// Update the target ranks from the callers'.
	Targets,
	/// Update the caller ranks from the targets'.
	Callers,
}

/// Where the computation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "codec", derive(Encode, Decode, TypeInfo))]
pub enum Phase {
	/// Computing the callers' starting factors `f = boost · √rank` (cursor: caller row).
	Start,
	/// Accumulating `(Σ w · f) >> shift` into the destination rows (cursor: row and edge).
	Accumulate,
	/// Writing the new ranks, their L1 change, and their factors for the next half-step (cursor:
	/// row).
	Normalize,
	/// Finished.
	Done,
}

/// What one [`Ranker::step`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepOutcome {
	/// Work units done (edges plus account rows visited), at most the budget.
	pub work: u64,
	/// Whether the ranking is finished ([`Ranker::ranking`] is then available).
	pub finished: bool,
}

/// The ranking as a resumable computation. See the crate docs.
///
/// The state is the two rank vectors, a factor and an accumulator buffer (each the size of the
/// larger role), the phase and its cursors, and the running totals. It does not hold the graph:
/// every [`Ranker::step`] is given the same [`Graph`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "codec", derive(Encode, Decode, TypeInfo))]
pub struct Ranker {
	params: Params,
	targets: Vec<u64>,
	callers: Vec<u64>,
	/// Factors of the half-step's source role.
	factors: Vec<u64>,
	/// Shifted accumulators of the half-step's destination role (each `< 2⁶³`).
	acc: Vec<u64>,
	role: Role,
	phase: Phase,
	/// Row cursor of the current phase.
	row: u32,
	/// Edge cursor (absolute edge index) while accumulating.
	edge: u32,
	/// The unfinished sum of row `row` while accumulating (`≤ 2¹²⁶`).
	partial: u128,
	/// Σ acc of the destination role before shifting, known in advance as
	/// `Σ_j f_j · mass_j` over the source role (`≤ 2¹²⁶`).
	total: u128,
	/// Σ (acc >> shift) (< 2⁶³).
	shifted_total: u128,
	/// Σ f · mass of the factors written while normalizing: the next half-step's `total`.
	next_total: u128,
	/// L1 change of the targets in the current iteration.
	delta_targets: u64,
	/// L1 change of the callers in the current iteration.
	delta_callers: u64,
	iteration: u32,
	converged: bool,
}

/// Normalize nonnegative values to sum `ONE` (rounded down), the same way the ranking does.
fn normalize_vec(values: &[u64]) -> Vec<u64> {
	let total: u128 = values.iter().fold(0u128, |a, &v| a.wrapping_add(u128::from(v)));
	let shift = shift_for(total);
	let shifted: u128 = values.iter().fold(0u128, |a, &v| a.wrapping_add(u128::from(v) >> shift));
	let m = reciprocal(shifted);
	values.iter().map(|&v| scale(u128::from(v) >> shift, m)).collect()
}

/// `max(0, bits(total) − 63)`: shifting every accumulator by this makes their sum `< 2⁶³`.
#[inline]
fn shift_for(total: u128) -> u32 {
	let bits = 128u32.saturating_sub(total.leading_zeros());
	bits.saturating_sub(63)
}

/// `⌊2¹²⁴ / shifted_total⌋` (0 when the total is 0).
#[inline]
fn reciprocal(shifted_total: u128) -> u128 {
	(1u128 << 124).checked_div(shifted_total).unwrap_or(0)
}

/// `⌊a · m / 2⁶⁴⌋`: the rank of a shifted accumulator `a ≤ shifted_total < 2⁶³`.
#[inline]
fn scale(a: u128, m: u128) -> u64 {
	// a · m ≤ 2¹²⁴ because a ≤ shifted_total and m ≤ 2¹²⁴ / shifted_total.
	u64::try_from(a.wrapping_mul(m) >> 64).unwrap_or(u64::MAX)
}

impl Ranker {
	/// A ranking of `graph` from the uniform start (`⌊ONE / n⌋` for each of the `n` accounts of a
	/// role).
	pub fn new(graph: &Graph, params: Params) -> Ranker {
		let uniform = |n: usize| {
			let v = u64::try_from(n).ok().and_then(|n| ONE.checked_div(n)).unwrap_or(0);
			vec![v; n]
		};
		Self::from_normalized(graph, params, uniform(graph.targets()), uniform(graph.callers()))
	}

	/// A ranking of `graph` from the given starting vectors (any nonnegative values, normalized
	/// first as the ranking normalizes). Only the callers' start influences the result: the first
	/// update computes the targets from the callers; the targets' start only enters the first L1
	/// change.
	pub fn with_start(
		graph: &Graph,
		params: Params,
		targets: &[u64],
		callers: &[u64],
	) -> Result<Ranker, RankError> {
		if targets.len() != graph.targets() || callers.len() != graph.callers() {
			return Err(RankError::StartLength);
		}
		Ok(Self::from_normalized(graph, params, normalize_vec(targets), normalize_vec(callers)))
	}

	fn from_normalized(
		graph: &Graph,
		params: Params,
		targets: Vec<u64>,
		callers: Vec<u64>,
	) -> Ranker {
		let n = graph.targets().max(graph.callers());
		let phase = if params.max_iterations == 0 { Phase::Done } else { Phase::Start };
		Ranker {
			params,
			targets,
			callers,
			factors: vec![0; n],
			acc: vec![0; n],
			role: Role::Targets,
			phase,
			row: 0,
			edge: 0,
			partial: 0,
			total: 0,
			shifted_total: 0,
			next_total: 0,
			delta_targets: 0,
			delta_callers: 0,
			iteration: 0,
			converged: false,
		}
	}

	/// Whether the computation is finished.
	pub fn is_finished(&self) -> bool {
		self.phase == Phase::Done
	}

	/// The current phase and half-step (for progress reporting).
	pub fn progress(&self) -> (u32, Role, Phase) {
		(self.iteration, self.role, self.phase)
	}

	/// The current target and caller ranks (the result once finished).
	pub fn ranks(&self) -> (&[u64], &[u64]) {
		(&self.targets, &self.callers)
	}

	/// The result, once finished.
	pub fn ranking(&self) -> Option<Ranking> {
		self.is_finished().then(|| Ranking {
			targets: self.targets.clone(),
			callers: self.callers.clone(),
			iterations: self.iteration,
			converged: self.converged,
		})
	}

	/// Advance by at most `max_work` units (one unit: one edge, or one account row, visited).
	/// Makes progress whenever `max_work > 0` and the ranking is not finished. Any sequence of
	/// budgets gives exactly the same result.
	pub fn step(&mut self, graph: &Graph, max_work: u64) -> Result<StepOutcome, RankError> {
		let n = graph.targets().max(graph.callers());
		if self.targets.len() != graph.targets()
			|| self.callers.len() != graph.callers()
			|| self.factors.len() != n
			|| self.acc.len() != n
			|| graph.by_target.rows() != graph.targets()
			|| graph.by_caller.rows() != graph.callers()
			|| graph.target_mass.len() != graph.targets()
			|| graph.caller_mass.len() != graph.callers()
		{
			return Err(RankError::GraphMismatch);
		}
		let mut budget = max_work;
		while budget > 0 && self.phase != Phase::Done {
			match self.phase {
				Phase::Start => {
					let start = self.row as usize;
					let len = self.callers.len();
					let end = start.saturating_add(clamp(budget)).min(len);
					self.total = self.total.wrapping_add(write_factors(
						self.callers.get(start..end).unwrap_or(&[]),
						graph.caller_boosts.get(start..end).unwrap_or(&[]),
						graph.caller_mass.get(start..end).unwrap_or(&[]),
						self.factors.get_mut(start..end).unwrap_or(&mut []),
					));
					budget = budget.saturating_sub(end.saturating_sub(start) as u64);
					if end >= len {
						self.next_phase(Phase::Accumulate);
					} else {
						self.row = u32::try_from(end).unwrap_or(u32::MAX);
					}
				},
				Phase::Accumulate => {
					let csr = match self.role {
						Role::Targets => &graph.by_target,
						Role::Callers => &graph.by_caller,
					};
					let shift = shift_for(self.total);
					let rows = csr.rows();
					let mut row = self.row as usize;
					let mut edge = self.edge as usize;
					let mut partial = self.partial;
					let mut shifted_total = self.shifted_total;
					let factors = &self.factors;
					let ends = csr.offsets.get(row.saturating_add(1)..).unwrap_or(&[]);
					let accs = self.acc.get_mut(row..rows).unwrap_or(&mut []);
					for (&end, a) in ends.iter().zip(accs.iter_mut()) {
						if budget == 0 {
							break;
						}
						let end = (end as usize).max(edge);
						let take = end.saturating_sub(edge).min(clamp(budget));
						let to = edge.saturating_add(take);
						let cols = csr.columns.get(edge..to).unwrap_or(&[]);
						let ws = csr.weights.get(edge..to).unwrap_or(&[]);
						partial = partial.wrapping_add(dot(cols, ws, factors));
						budget = budget.saturating_sub(take as u64);
						edge = to;
						if to < end || budget == 0 {
							break;
						}
						// The row itself costs one unit.
						budget = budget.saturating_sub(1);
						let shifted = partial >> shift;
						*a = u64::try_from(shifted).unwrap_or(u64::MAX);
						shifted_total = shifted_total.wrapping_add(shifted);
						partial = 0;
						row = row.saturating_add(1);
					}
					self.partial = partial;
					self.shifted_total = shifted_total;
					if row >= rows {
						self.next_phase(Phase::Normalize);
					} else {
						self.row = u32::try_from(row).unwrap_or(u32::MAX);
						self.edge = u32::try_from(edge).unwrap_or(u32::MAX);
					}
				},
				Phase::Normalize => {
					let m = reciprocal(self.shifted_total);
					let (dst, boosts, mass, delta) = match self.role {
						Role::Targets => (
							&mut self.targets,
							&graph.target_boosts,
							&graph.target_mass,
							&mut self.delta_targets,
						),
						Role::Callers => (
							&mut self.callers,
							&graph.caller_boosts,
							&graph.caller_mass,
							&mut self.delta_callers,
						),
					};
					let rows = dst.len();
					let start = self.row as usize;
					let end = start.saturating_add(clamp(budget)).min(rows);
					let ranks = dst.get_mut(start..end).unwrap_or(&mut []);
					let accs = self.acc.get(start..end).unwrap_or(&[]);
					let mut d: u64 = 0;
					for (r, &a) in ranks.iter_mut().zip(accs) {
						let new = scale(u128::from(a), m);
						d = d.saturating_add(new.abs_diff(*r));
						*r = new;
					}
					*delta = delta.saturating_add(d);
					// The factors of the new ranks, for the next half-step (whose source they are).
					self.next_total = self.next_total.wrapping_add(write_factors(
						dst.get(start..end).unwrap_or(&[]),
						boosts.get(start..end).unwrap_or(&[]),
						mass.get(start..end).unwrap_or(&[]),
						self.factors.get_mut(start..end).unwrap_or(&mut []),
					));
					budget = budget.saturating_sub(end.saturating_sub(start) as u64);
					if end >= rows {
						self.end_half_step();
					} else {
						self.row = u32::try_from(end).unwrap_or(u32::MAX);
					}
				},
				Phase::Done => {},
			}
		}
		Ok(StepOutcome { work: max_work.saturating_sub(budget), finished: self.is_finished() })
	}

	fn next_phase(&mut self, phase: Phase) {
		self.phase = phase;
		self.row = 0;
		self.edge = 0;
		self.partial = 0;
	}

	fn end_half_step(&mut self) {
		self.total = self.next_total;
		self.next_total = 0;
		self.shifted_total = 0;
		match self.role {
			Role::Targets => {
				self.role = Role::Callers;
				self.next_phase(Phase::Accumulate);
			},
			Role::Callers => {
				self.iteration = self.iteration.saturating_add(1);
				let tol = self.params.tolerance;
				if self.delta_targets <= tol && self.delta_callers <= tol {
					self.converged = true;
					self.next_phase(Phase::Done);
				} else if self.iteration >= self.params.max_iterations {
					self.next_phase(Phase::Done);
				} else {
					self.role = Role::Targets;
					self.next_phase(Phase::Accumulate);
				}
				self.delta_targets = 0;
				self.delta_callers = 0;
			},
		}
	}
}

/// `Σ w · f[c]` over one run of edges (`≤ 2¹²⁶`: all weights sum to `≤ 2⁶³`, factors `≤ 2⁶³`).
#[inline]
fn dot(cols: &[u32], ws: &[u64], factors: &[u64]) -> u128 {
	let mut sum: u128 = 0;
	for (&c, &w) in cols.iter().zip(ws) {
		let f = factors.get(c as usize).copied().unwrap_or(0);
		sum = sum.wrapping_add(u128::from(w).wrapping_mul(u128::from(f)));
	}
	sum
}

/// Write `factor(boost, rank)` for a run of accounts and return `Σ factor · mass` over it.
#[inline]
fn write_factors(ranks: &[u64], boosts: &[u64], mass: &[u64], out: &mut [u64]) -> u128 {
	let mut total: u128 = 0;
	for (((f, &r), &b), &m) in out.iter_mut().zip(ranks).zip(boosts).zip(mass) {
		*f = if m == 0 { 0 } else { factor(b, r) };
		total = total.wrapping_add(u128::from(*f).wrapping_mul(u128::from(m)));
	}
	total
}

#[inline]
fn clamp(budget: u64) -> usize {
	usize::try_from(budget).unwrap_or(usize::MAX)
}

/// Rank `graph` from the uniform start in one go (exactly what stepping a [`Ranker::new`] to the
/// end gives).
pub fn rank(graph: &Graph, params: Params) -> Ranking {
	let mut r = Ranker::new(graph, params);
	run(&mut r, graph)
}

/// Rank `graph` from the given starting vectors in one go (see [`Ranker::with_start`]).
pub fn rank_from(
	graph: &Graph,
	params: Params,
	targets: &[u64],
	callers: &[u64],
) -> Result<Ranking, RankError> {
	let mut r = Ranker::with_start(graph, params, targets, callers)?;
	Ok(run(&mut r, graph))
}

fn run(r: &mut Ranker, graph: &Graph) -> Ranking {
	// A ranker made for this graph never mismatches; the loop ends because every unlimited step
	// finishes.
	while let Ok(StepOutcome { finished: false, .. }) = r.step(graph, u64::MAX) {}
	r.ranking().unwrap_or(Ranking {
		targets: Vec::new(),
		callers: Vec::new(),
		iterations: 0,
		converged: false,
	})
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
	use super::*;

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
	use super::*;
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
	use super::*;
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
