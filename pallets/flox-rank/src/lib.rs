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
//! [`Ranker`] is the whole computation as a resumable state machine over the caller-major CSR
//! (see "Data layout"). The phases ([`Phase`]) are:
//!
//! 1. *start* (once): for each caller in order, its starting factor `f = b · √r`, *pushed* along
//!    its edges: `acc_t += w · f` into the targets' exact `u128` row sums;
//! 2. *shift* (targets): `a_t = acc_t >> k`, and their sum;
//! 3. *normalize targets*: new target ranks, their L1 change, their factors (and their total);
//! 4. *gather* (callers): for each caller, `a_c = (Σ w · f_t) >> k` over its row;
//! 5. *push* (callers): for each caller in order, its new rank, its L1 change, its factor, pushed
//!    along its edges into the targets' row sums for the *next* iteration: the caller
//!    normalization and the next target accumulation are one pass. Then the iteration ends
//!    (converged, capped, or on to 2). In the last allowed iteration nothing is pushed; when the
//!    ranking converges, the pushed sums are simply not used.
//!
//! [`Ranker::step`] does at most `max_work` units of work, where one unit is one edge or one
//! account row visited, and stops in the middle of any phase (even in the middle of one row's
//! edges, keeping the row's partial `u128` sum when gathering, or the row's factor when pushing)
//! with a cursor in its state. Because all arithmetic is integer and sums are exact (in any
//! order), running `step` with any sequence of budgets gives exactly the result of [`rank`]
//! (which is `step` with an unlimited budget), and the same ranks as the earlier layout (two
//! CSRs, both half-steps gathering). The pallet stores the `Ranker` between blocks
//! (SCALE-encoded with the `codec` feature) next to the [`Graph`] it was built for; the `Ranker`
//! does not hold the graph. Its size is `32 · n_t + 16 · n_c` bytes plus a few words (rank,
//! `u128` row sum and factor per target; rank and shifted row sum per caller).
//!
//! ## Digest
//!
//! [`Ranking::canonical_bytes`] is a well-defined encoding of the result (see its docs);
//! [`Ranking::digest`] (feature `digest`, on by default) is its blake2-256. A runtime without the
//! feature may hash `canonical_bytes` with `sp_io::hashing::blake2_256` to the same value.
//!
//! ## Data layout (speed)
//!
//! The graph is stored once, in CSR form by caller (`u32` row offsets, `u32` column indices,
//! `u64` weights: 12 bytes per edge). Both half-steps are one sequential scan of it:
//!
//! * the **target update pushes**: each caller's factor is computed once, from its own rank, and
//!   `w · f` is added into its targets' `u128` row sums (16 bytes per target: 1.6 MB for 100 k
//!   targets, and skewed towards the popular ones), instead of every target row gathering random
//!   caller factors from an array the size of the caller role;
//! * the **caller update gathers** target factors (8 bytes per target) along each caller's row.
//!
//! Per edge, one 64×64→128 multiplication and a `u128` addition, as before; the order of the
//! additions changed, and integer sums do not depend on it. The square roots (one per account and
//! half-step, each a chain of about fifteen dependent multiplications) are computed eight
//! accounts at a time in lock step, so that their chains overlap; the results are the same exact
//! floor square roots.

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

/// Accounts whose square roots are computed together, in lock step ([`sqrt_fixed_lanes`]).
const LANES: usize = 8;

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

/// [`sqrt_fixed`] of `N` values at once, in lock step: the same steps, each applied to every
/// lane before the next, so that the `N` independent chains of multiplications overlap (one
/// square root is a chain of about fifteen dependent multiplications: latency, not throughput,
/// bounds it). The results are exact, as [`sqrt_fixed`]'s (a lane whose estimate is not within
/// the fix-up's reach falls back to [`sqrt_fixed`] itself).
#[inline(always)]
fn sqrt_fixed_lanes<const N: usize>(r: [u64; N]) -> [u64; N] {
	let mul = |a: u64, b: u64| u128::from(a).wrapping_mul(u128::from(b));
	let low = |v: u128| u64::try_from(v).unwrap_or(u64::MAX);
	// r = 0 is computed as r = 1 and masked to 0 at the end.
	let e: [u32; N] = r.map(|r| r.max(1).leading_zeros() >> 1);
	let mut y = [0u64; N];
	for ((y, &r), &e) in y.iter_mut().zip(&r).zip(&e) {
		*y = r.max(1) << (e << 1);
	}
	let mut z: [u64; N] = y.map(|y| RSQRT_SEED.get((y >> 54) as usize).copied().unwrap_or(1 << 62));
	for _ in 0..2 {
		for (z, &y) in z.iter_mut().zip(&y) {
			let z2 = low(mul(*z, *z) >> 64);
			let mz2 = low(mul(y, z2) >> 64);
			let corr = (3u64 << 60).saturating_sub(mz2);
			*z = low(mul(*z, corr) >> 61);
		}
	}
	let mut t = [0u64; N];
	for ((t, &y), &z) in t.iter_mut().zip(&y).zip(&z) {
		let x = u128::from(y) << 64;
		let mut est = low(mul(y, z) >> 62);
		let tt = mul(est, est);
		let (residual, up) =
			if x >= tt { (x.wrapping_sub(tt), true) } else { (tt.wrapping_sub(x), false) };
		if let Ok(rr) = u64::try_from(residual >> 32) {
			let c = low(mul(rr, z) >> 95);
			est = if up { est.saturating_add(c) } else { est.saturating_sub(c) };
		}
		*t = est;
	}
	// Fix-up, two branch-free ±1 rounds per lane, as in `fix_up`.
	for _ in 0..2 {
		for (t, &y) in t.iter_mut().zip(&y) {
			let x = u128::from(y) << 64;
			let sq = mul(*t, *t);
			let over = sq > x;
			let under = *t != u64::MAX && sq.wrapping_add(u128::from(*t) << 1).wrapping_add(1) <= x;
			*t = t.wrapping_add(u64::from(under)).wrapping_sub(u64::from(over));
		}
	}
	let mut out = [0u64; N];
	for ((((o, &t), &y), &e), &r) in out.iter_mut().zip(&t).zip(&y).zip(&e).zip(&r) {
		let x = u128::from(y) << 64;
		let sq = mul(t, t);
		let exact =
			sq <= x && (t == u64::MAX || sq.wrapping_add(u128::from(t) << 1).wrapping_add(1) > x);
		*o = if r == 0 {
			0
		} else if exact {
			t >> e
		} else {
			sqrt_fixed(r)
		};
	}
	out
}

/// [`factor`] of `N` accounts at once (lock-step square roots); an account without mass gets 0.
#[inline(always)]
fn factors_lanes<const N: usize>(b: &[u64; N], r: &[u64; N], mass: &[u64; N]) -> [u64; N] {
	let s = sqrt_fixed_lanes(*r);
	let mut f = [0u64; N];
	for ((((f, &s), &b), &r), &m) in f.iter_mut().zip(&s).zip(b).zip(r).zip(mass) {
		*f = if b == 0 || r == 0 || m == 0 {
			0
		} else {
			let p = u128::from(b).wrapping_mul(u128::from(s)) >> FACTOR_SHIFT;
			u64::try_from(p).unwrap_or(u64::MAX)
		};
	}
	f
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

/// Which role a phase belongs to (for progress reporting).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "codec", derive(Encode, Decode, TypeInfo))]
pub enum Role {
	/// The target update (from the callers' ranks).
	Targets,
	/// The caller update (from the targets' ranks).
	Callers,
}

/// Where the computation is. One iteration is `Shift`, `NormalizeTargets`, `Gather`, `Push`
/// (after the first, which starts with `Start` instead of the previous iteration's `Push`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "codec", derive(Encode, Decode, TypeInfo))]
pub enum Phase {
	/// Pushing the callers' starting factors `f = boost · √rank` into the targets' row sums
	/// (cursor: caller row and edge).
	Start,
	/// Shifting the targets' exact row sums by `k` and summing them (cursor: target row).
	Shift,
	/// Writing the new target ranks, their L1 change, and their factors (cursor: target row).
	NormalizeTargets,
	/// Gathering each caller's row sum of target factors, shifted (cursor: caller row and edge).
	Gather,
	/// Writing the new caller ranks and their L1 change, and, unless this is the last
	/// iteration, pushing their factors into the targets' row sums for the next iteration
	/// (cursor: caller row and edge).
	Push,
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
/// The state is the two rank vectors, the targets' exact row sums (`u128`) and factors, the
/// callers' shifted row sums, the phase and its cursors, and the running totals. It does not hold
/// the graph: every [`Ranker::step`] is given the same [`Graph`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "codec", derive(Encode, Decode, TypeInfo))]
pub struct Ranker {
	params: Params,
	targets: Vec<u64>,
	callers: Vec<u64>,
	/// The targets' row sums: exact `Σ w · f` while pushing (`≤ 2¹²⁶`), shifted (`< 2⁶³`) after
	/// `Shift`, zero again after `NormalizeTargets`.
	target_acc: Vec<u128>,
	/// The targets' factors (the source of the caller update).
	target_factors: Vec<u64>,
	/// The callers' shifted row sums (each `< 2⁶³`).
	caller_acc: Vec<u64>,
	phase: Phase,
	/// Row cursor of the current phase.
	row: u32,
	/// Edge cursor (absolute edge index) while gathering or pushing.
	edge: u32,
	/// While gathering: the unfinished sum of row `row` (`≤ 2¹²⁶`).
	partial: u128,
	/// While pushing: whether row `row`'s own unit (rank, factor) is done and its edges are
	/// being pushed with factor `row_factor`.
	open: bool,
	/// While pushing: the factor of caller `row`.
	row_factor: u64,
	/// `Σ f · mass` of the caller factors pushed so far: the exact total of the targets' row
	/// sums (`≤ 2¹²⁶`), which fixes their shift.
	target_total: u128,
	/// `Σ f · mass` of the target factors written: the exact total of the callers' row sums.
	caller_total: u128,
	/// Σ of the shifted row sums of the role being normalized (`< 2⁶³`).
	shifted_total: u128,
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
		let phase = if params.max_iterations == 0 { Phase::Done } else { Phase::Start };
		Ranker {
			params,
			targets,
			callers,
			target_acc: vec![0; graph.targets()],
			target_factors: vec![0; graph.targets()],
			caller_acc: vec![0; graph.callers()],
			phase,
			row: 0,
			edge: 0,
			partial: 0,
			open: false,
			row_factor: 0,
			target_total: 0,
			caller_total: 0,
			shifted_total: 0,
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

	/// The current iteration, role and phase (for progress reporting).
	pub fn progress(&self) -> (u32, Role, Phase) {
		let role = match self.phase {
			Phase::Start | Phase::Shift | Phase::NormalizeTargets => Role::Targets,
			Phase::Gather | Phase::Push | Phase::Done => Role::Callers,
		};
		(self.iteration, role, self.phase)
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
		if self.targets.len() != graph.targets()
			|| self.callers.len() != graph.callers()
			|| self.target_acc.len() != graph.targets()
			|| self.target_factors.len() != graph.targets()
			|| self.caller_acc.len() != graph.callers()
			|| graph.by_caller.rows() != graph.callers()
			|| graph.target_mass.len() != graph.targets()
			|| graph.caller_mass.len() != graph.callers()
		{
			return Err(RankError::GraphMismatch);
		}
		let mut budget = max_work;
		while budget > 0 && self.phase != Phase::Done {
			match self.phase {
				Phase::Start | Phase::Push => budget = self.push(graph, budget),
				Phase::Shift => {
					let k = shift_for(self.target_total);
					let rows = self.target_acc.len();
					let start = self.row as usize;
					let end = start.saturating_add(clamp(budget)).min(rows);
					let mut st: u128 = 0;
					for a in self.target_acc.get_mut(start..end).unwrap_or(&mut []) {
						*a >>= k;
						st = st.wrapping_add(*a);
					}
					self.shifted_total = self.shifted_total.wrapping_add(st);
					budget = budget.saturating_sub(end.saturating_sub(start) as u64);
					if end >= rows {
						self.target_total = 0;
						self.next_phase(Phase::NormalizeTargets);
					} else {
						self.row = u32::try_from(end).unwrap_or(u32::MAX);
					}
				},
				Phase::NormalizeTargets => {
					let m = reciprocal(self.shifted_total);
					let rows = self.targets.len();
					let start = self.row as usize;
					let end = start.saturating_add(clamp(budget)).min(rows);
					let (d, total) = normalize_targets(
						self.targets.get_mut(start..end).unwrap_or(&mut []),
						self.target_acc.get_mut(start..end).unwrap_or(&mut []),
						self.target_factors.get_mut(start..end).unwrap_or(&mut []),
						graph.target_boosts.get(start..end).unwrap_or(&[]),
						graph.target_mass.get(start..end).unwrap_or(&[]),
						m,
					);
					self.delta_targets = self.delta_targets.saturating_add(d);
					self.caller_total = self.caller_total.wrapping_add(total);
					budget = budget.saturating_sub(end.saturating_sub(start) as u64);
					if end >= rows {
						self.shifted_total = 0;
						self.next_phase(Phase::Gather);
					} else {
						self.row = u32::try_from(end).unwrap_or(u32::MAX);
					}
				},
				Phase::Gather => budget = self.gather(graph, budget),
				Phase::Done => {},
			}
		}
		Ok(StepOutcome { work: max_work.saturating_sub(budget), finished: self.is_finished() })
	}

	/// The caller update's accumulation: each caller's row sum of target factors, shifted.
	/// Returns the budget left.
	fn gather(&mut self, graph: &Graph, mut budget: u64) -> u64 {
		let csr = &graph.by_caller;
		let shift = shift_for(self.caller_total);
		let rows = csr.rows();
		let mut row = self.row as usize;
		let mut edge = self.edge as usize;
		let mut partial = self.partial;
		let mut shifted_total = self.shifted_total;
		let factors = &self.target_factors;
		let ends = csr.offsets.get(row.saturating_add(1)..).unwrap_or(&[]);
		let accs = self.caller_acc.get_mut(row..rows).unwrap_or(&mut []);
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
			self.caller_total = 0;
			self.next_phase(Phase::Push);
		} else {
			self.row = u32::try_from(row).unwrap_or(u32::MAX);
			self.edge = u32::try_from(edge).unwrap_or(u32::MAX);
		}
		budget
	}

	/// `Start` and `Push`: for each caller in order, (in `Push`) its new rank from its shifted row
	/// sum, then its factor, pushed along its edges into the targets' exact row sums. Returns the
	/// budget left.
	///
	/// Whole rows are taken [`LANES`] at a time when the budget covers them (their square roots
	/// computed in lock step); otherwise one row at a time, stopping anywhere in a row's edges.
	fn push(&mut self, graph: &Graph, mut budget: u64) -> u64 {
		let normalize = self.phase == Phase::Push;
		// The last iteration's caller ranks are final: their factors are not needed.
		let pushing = !normalize || self.iteration.saturating_add(1) < self.params.max_iterations;
		let m = reciprocal(self.shifted_total);
		let csr = &graph.by_caller;
		let rows = self.callers.len();
		let mut row = self.row as usize;
		let mut edge = self.edge as usize;
		let mut open = self.open;
		let mut f = self.row_factor;
		let mut total = self.target_total;
		let mut d: u64 = 0;
		let acc = &mut self.target_acc;
		let callers = &mut self.callers;
		let caller_acc = &self.caller_acc;
		let new_rank = |r: &mut u64, a: u64, d: &mut u64| {
			let new = scale(u128::from(a), m);
			*d = d.saturating_add(new.abs_diff(*r));
			*r = new;
		};
		while budget > 0 && row < rows {
			if !open {
				// Fast path: LANES whole rows, if the budget covers them.
				let next = row.saturating_add(LANES);
				let block = (
					csr.offsets.get(row..=next),
					callers.get_mut(row..next).and_then(|s| <&mut [u64; LANES]>::try_from(s).ok()),
					caller_acc.get(row..next),
					graph
						.caller_boosts
						.get(row..next)
						.and_then(|s| <&[u64; LANES]>::try_from(s).ok()),
					graph
						.caller_mass
						.get(row..next)
						.and_then(|s| <&[u64; LANES]>::try_from(s).ok()),
				);
				if let (Some(offs), Some(rs), Some(accs), Some(bs), Some(ms)) = block {
					let first = offs.first().map_or(0, |&o| o as usize);
					let last = offs.last().map_or(first, |&o| o as usize).max(first);
					let edges = if pushing { last.saturating_sub(first) } else { 0 };
					let cost = (edges as u64).saturating_add(LANES as u64);
					if cost <= budget {
						if normalize {
							for (r, &a) in rs.iter_mut().zip(accs) {
								new_rank(r, a, &mut d);
							}
						}
						let fs = factors_lanes(bs, rs, ms);
						for (&fj, &mj) in fs.iter().zip(ms) {
							total = total.wrapping_add(u128::from(fj).wrapping_mul(u128::from(mj)));
						}
						if pushing {
							for (w, &fj) in offs.windows(2).zip(&fs) {
								if let (Some(&s), Some(&e)) = (w.first(), w.get(1)) {
									let (s, e) = (s as usize, (e as usize).max(s as usize));
									scatter(
										csr.columns.get(s..e).unwrap_or(&[]),
										csr.weights.get(s..e).unwrap_or(&[]),
										fj,
										acc,
									);
								}
							}
						}
						budget = budget.saturating_sub(cost);
						edge = last;
						row = next;
						continue;
					}
				}
				// The row itself costs one unit.
				budget = budget.saturating_sub(1);
				let mass = graph.caller_mass.get(row).copied().unwrap_or(0);
				let b = graph.caller_boosts.get(row).copied().unwrap_or(0);
				if let Some(r) = callers.get_mut(row) {
					if normalize {
						new_rank(r, caller_acc.get(row).copied().unwrap_or(0), &mut d);
					}
					f = if mass == 0 { 0 } else { factor(b, *r) };
				}
				total = total.wrapping_add(u128::from(f).wrapping_mul(u128::from(mass)));
				open = true;
			}
			let end =
				csr.offsets.get(row.saturating_add(1)).map_or(edge, |&o| o as usize).max(edge);
			if pushing {
				let take = end.saturating_sub(edge).min(clamp(budget));
				let to = edge.saturating_add(take);
				let cols = csr.columns.get(edge..to).unwrap_or(&[]);
				let ws = csr.weights.get(edge..to).unwrap_or(&[]);
				scatter(cols, ws, f, acc);
				budget = budget.saturating_sub(take as u64);
				edge = to;
				if to < end {
					break;
				}
			} else {
				edge = end;
			}
			open = false;
			row = row.saturating_add(1);
		}
		self.delta_callers = self.delta_callers.saturating_add(d);
		self.target_total = total;
		if row >= rows {
			self.shifted_total = 0;
			if normalize {
				self.end_iteration();
			} else {
				self.next_phase(Phase::Shift);
			}
		} else {
			self.row = u32::try_from(row).unwrap_or(u32::MAX);
			self.edge = u32::try_from(edge).unwrap_or(u32::MAX);
			self.open = open;
			self.row_factor = f;
		}
		budget
	}

	fn next_phase(&mut self, phase: Phase) {
		self.phase = phase;
		self.row = 0;
		self.edge = 0;
		self.partial = 0;
		self.open = false;
		self.row_factor = 0;
	}

	fn end_iteration(&mut self) {
		self.iteration = self.iteration.saturating_add(1);
		let tol = self.params.tolerance;
		if self.delta_targets <= tol && self.delta_callers <= tol {
			self.converged = true;
			self.next_phase(Phase::Done);
		} else if self.iteration >= self.params.max_iterations {
			self.next_phase(Phase::Done);
		} else {
			// The targets' row sums for the next iteration were pushed in this pass.
			self.next_phase(Phase::Shift);
		}
		self.delta_targets = 0;
		self.delta_callers = 0;
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

/// `acc[c] += w · f` over one run of edges (every sum stays `≤ 2¹²⁶`, as in [`dot`]).
#[inline]
fn scatter(cols: &[u32], ws: &[u64], f: u64, acc: &mut [u128]) {
	let f = u128::from(f);
	for (&c, &w) in cols.iter().zip(ws) {
		if let Some(a) = acc.get_mut(c as usize) {
			*a = a.wrapping_add(u128::from(w).wrapping_mul(f));
		}
	}
}

/// New target ranks `⌊a · m / 2⁶⁴⌋` from shifted row sums (which are reset to 0), their factors,
/// and `(L1 change, Σ factor · mass)` over a run of targets; [`LANES`] at a time.
fn normalize_targets(
	ranks: &mut [u64],
	accs: &mut [u128],
	factors: &mut [u64],
	boosts: &[u64],
	mass: &[u64],
	m: u128,
) -> (u64, u128) {
	let mut d: u64 = 0;
	let mut total: u128 = 0;
	let mut one = |r: &mut u64, a: &mut u128| {
		let new = scale(*a, m);
		*a = 0;
		d = d.saturating_add(new.abs_diff(*r));
		*r = new;
	};
	let mut rs = ranks.chunks_exact_mut(LANES);
	let mut acs = accs.chunks_exact_mut(LANES);
	let mut fs = factors.chunks_exact_mut(LANES);
	let mut bs = boosts.chunks_exact(LANES);
	let mut ms = mass.chunks_exact(LANES);
	for ((((r, a), f), b), ms) in (&mut rs).zip(&mut acs).zip(&mut fs).zip(&mut bs).zip(&mut ms) {
		for (r, a) in r.iter_mut().zip(a.iter_mut()) {
			one(r, a);
		}
		if let (Ok(r4), Ok(b4), Ok(m4)) = (
			<&[u64; LANES]>::try_from(&*r),
			<&[u64; LANES]>::try_from(b),
			<&[u64; LANES]>::try_from(ms),
		) {
			let f4 = factors_lanes(b4, r4, m4);
			for ((f, &fj), &mj) in f.iter_mut().zip(&f4).zip(ms) {
				*f = fj;
				total = total.wrapping_add(u128::from(fj).wrapping_mul(u128::from(mj)));
			}
		}
	}
	let rest = rs
		.into_remainder()
		.iter_mut()
		.zip(acs.into_remainder().iter_mut())
		.zip(fs.into_remainder().iter_mut())
		.zip(bs.remainder())
		.zip(ms.remainder());
	for ((((r, a), f), &b), &mj) in rest {
		one(r, a);
		*f = if mj == 0 { 0 } else { factor(b, *r) };
		total = total.wrapping_add(u128::from(*f).wrapping_mul(u128::from(mj)));
	}
	(d, total)
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

// The unit tests live in `tests.rs`, apart from the library code they check.
#[cfg(test)]
mod tests;
