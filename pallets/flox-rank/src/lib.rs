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
//! with a cursor in its state. The work itself is done by the passes of the `passes` module on
//! as many whole rows as the budget covers; `step` only handles a row the budget cuts. Because
//! all arithmetic is integer and sums are exact (in any order), running `step` with any sequence
//! of budgets gives exactly the result of [`rank`], and the same ranks as the earlier layout (two
//! CSRs, both half-steps gathering). The pallet stores the `Ranker` between blocks
//! (SCALE-encoded with the `codec` feature) next to the [`Graph`] it was built for; the `Ranker`
//! does not hold the graph. Its size is `32 · n_t + 16 · n_c` bytes plus a few words (rank,
//! `u128` row sum and factor per target; rank and shifted row sum per caller).
//!
//! ## One shot, on threads (`std`)
//!
//! Without `std` (the runtime), [`rank`] is `step` with an unlimited budget. With `std` (the
//! node's off-chain check, the tools), [`rank`] runs each phase on the machine's threads (up to
//! eight, fewer on small graphs; [`rank_with_threads`] chooses the number): the rows are cut into
//! pieces that the threads take from a shared queue, each piece done by the same pass as `step`
//! uses, and each pushing thread adds into its own copy of the targets' row sums, added up
//! exactly in the next *shift*. Every result of a piece is an integer sum, the same however the
//! rows were cut and whichever thread took them: the ranking is exactly `step`'s, on any number
//! of threads (tested against `step` with random budgets, and by the golden digests).
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
//! Per edge, one 64×64→128 multiplication and a `u128` addition; the order of the additions
//! does not matter, integer sums do not depend on it. The gather sums a run of rows in one flat
//! loop (a row's sum is the difference of the running sums at its ends), because a loop per row,
//! of about ten edges, paid a mispredicted exit per row; for the same reason the push pushes the
//! edges of eight rows in one flat loop (each edge's row is the running maximum of marks written
//! at the rows' first edges). The square roots (one per account and
//! half-step, each a chain of dependent multiplications) are computed eight accounts at a time in
//! lock step, so that their chains overlap; the results are the same exact floor square roots
//! (`sqrt` module).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod exported;
mod passes;
mod splitmix;
mod sqrt;
#[cfg(feature = "std")]
mod threads;

pub use exported::rank_exported;
pub use splitmix::SplitMix64;
pub use sqrt::sqrt_fixed;
#[cfg(feature = "std")]
pub use threads::rank_with_threads;

use passes::RunSums;
use sqrt::factor;
// The square roots' internals, for the unit tests (`crate::*`).
#[cfg(test)]
use sqrt::{factors_lanes, fix_up, sqrt_fixed_lanes};

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
		self.check(graph)?;
		let mut budget = max_work;
		while budget > 0 && self.phase != Phase::Done {
			budget = match self.phase {
				Phase::Start | Phase::Push => self.push(graph, budget),
				Phase::Shift => self.shift(budget),
				Phase::NormalizeTargets => self.normalize(graph, budget),
				Phase::Gather => self.gather(graph, budget),
				Phase::Done => budget,
			};
		}
		Ok(StepOutcome { work: max_work.saturating_sub(budget), finished: self.is_finished() })
	}

	/// Whether this ranker was made for a graph of `graph`'s dimensions.
	fn check(&self, graph: &Graph) -> Result<(), RankError> {
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
		Ok(())
	}

	/// `Shift`: the targets from the cursor on that the budget covers. Returns the budget left.
	fn shift(&mut self, budget: u64) -> u64 {
		let k = shift_for(self.target_total);
		let rows = self.target_acc.len();
		let start = self.row as usize;
		let end = start.saturating_add(clamp(budget)).min(rows);
		let sum = passes::shift_rows(self.target_acc.get_mut(start..end).unwrap_or(&mut []), k);
		self.shifted_total = self.shifted_total.wrapping_add(sum);
		if end >= rows {
			self.finish_shift();
		} else {
			self.row = u32::try_from(end).unwrap_or(u32::MAX);
		}
		budget.saturating_sub(end.saturating_sub(start) as u64)
	}

	fn finish_shift(&mut self) {
		self.target_total = 0;
		self.next_phase(Phase::NormalizeTargets);
	}

	/// `NormalizeTargets`: the targets from the cursor on that the budget covers. Returns the
	/// budget left.
	fn normalize(&mut self, graph: &Graph, budget: u64) -> u64 {
		let m = reciprocal(self.shifted_total);
		let rows = self.targets.len();
		let start = self.row as usize;
		let end = start.saturating_add(clamp(budget)).min(rows);
		let sums = passes::normalize_targets(
			self.targets.get_mut(start..end).unwrap_or(&mut []),
			self.target_acc.get_mut(start..end).unwrap_or(&mut []),
			self.target_factors.get_mut(start..end).unwrap_or(&mut []),
			graph.target_boosts.get(start..end).unwrap_or(&[]),
			graph.target_mass.get(start..end).unwrap_or(&[]),
			m,
		);
		self.add_target_sums(sums);
		if end >= rows {
			self.finish_normalize();
		} else {
			self.row = u32::try_from(end).unwrap_or(u32::MAX);
		}
		budget.saturating_sub(end.saturating_sub(start) as u64)
	}

	fn add_target_sums(&mut self, sums: RunSums) {
		self.delta_targets = self.delta_targets.saturating_add(sums.delta);
		self.caller_total = self.caller_total.wrapping_add(sums.total);
	}

	fn finish_normalize(&mut self) {
		self.shifted_total = 0;
		self.next_phase(Phase::Gather);
	}

	/// `Gather`: each caller's row sum of target factors, shifted. Whole rows while the budget
	/// covers them, then as much of the next row's edges as it allows (the row's partial sum is
	/// kept). Returns the budget left.
	fn gather(&mut self, graph: &Graph, mut budget: u64) -> u64 {
		let csr = &graph.by_caller;
		let shift = shift_for(self.caller_total);
		let rows = csr.rows();
		let mut row = self.row as usize;
		let mut edge = self.edge as usize;
		let mut partial = self.partial;
		let mut shifted_total = self.shifted_total;
		let factors = &self.target_factors;
		while budget > 0 && row < rows {
			let start = offset(csr, row);
			let end = offset(csr, row.saturating_add(1)).max(edge).max(start);
			if edge <= start {
				let k = passes::rows_within(&csr.offsets, row, rows, budget, true);
				if k > 0 {
					let to = row.saturating_add(k);
					let out = self.caller_acc.get_mut(row..to).unwrap_or(&mut []);
					let sum = passes::gather_rows(csr, row, out, factors, shift);
					shifted_total = shifted_total.wrapping_add(sum);
					budget = budget.saturating_sub(passes::rows_work(&csr.offsets, row, k, true));
					row = to;
					edge = offset(csr, to);
					continue;
				}
			}
			// This row does not fit in the budget: as many of its edges as it covers.
			let from = edge.max(start);
			let to = from.saturating_add(end.saturating_sub(from).min(clamp(budget)));
			let cols = csr.columns.get(from..to).unwrap_or(&[]);
			let ws = csr.weights.get(from..to).unwrap_or(&[]);
			partial = partial.wrapping_add(passes::dot(cols, ws, factors));
			budget = budget.saturating_sub(to.saturating_sub(from) as u64);
			edge = to;
			if to < end || budget == 0 {
				break;
			}
			// The row itself costs one unit.
			budget = budget.saturating_sub(1);
			let shifted = partial >> shift;
			if let Some(a) = self.caller_acc.get_mut(row) {
				*a = u64::try_from(shifted).unwrap_or(u64::MAX);
			}
			shifted_total = shifted_total.wrapping_add(shifted);
			partial = 0;
			row = row.saturating_add(1);
		}
		self.partial = partial;
		self.shifted_total = shifted_total;
		if row >= rows {
			self.finish_gather();
		} else {
			self.row = u32::try_from(row).unwrap_or(u32::MAX);
			self.edge = u32::try_from(edge).unwrap_or(u32::MAX);
		}
		budget
	}

	fn finish_gather(&mut self) {
		self.caller_total = 0;
		self.next_phase(Phase::Push);
	}

	/// What `Start` or `Push` does with each caller (see [`passes::PushPass`]).
	fn push_pass(&self) -> passes::PushPass {
		let normalize = self.phase == Phase::Push;
		passes::PushPass {
			normalize: normalize.then(|| reciprocal(self.shifted_total)),
			// The last iteration's caller ranks are final: their factors are not needed.
			pushing: !normalize || self.iteration.saturating_add(1) < self.params.max_iterations,
		}
	}

	/// `Start` and `Push`: for each caller in order, (in `Push`) its new rank from its shifted row
	/// sum, then its factor, pushed along its edges into the targets' exact row sums. Whole rows
	/// while the budget covers them ([`passes::push_rows`]), then one row at a time, stopping
	/// anywhere in a row's edges (its factor is kept). Returns the budget left.
	fn push(&mut self, graph: &Graph, mut budget: u64) -> u64 {
		let pass = self.push_pass();
		let csr = &graph.by_caller;
		let rows = self.callers.len();
		let mut row = self.row as usize;
		let mut edge = self.edge as usize;
		let mut open = self.open;
		let mut f = self.row_factor;
		let mut sums = RunSums { delta: 0, total: self.target_total };
		let acc = &mut self.target_acc;
		let callers = &mut self.callers;
		let caller_acc = &self.caller_acc;
		while budget > 0 && row < rows {
			if !open {
				let k = passes::rows_within(&csr.offsets, row, rows, budget, pass.pushing);
				if k > 0 {
					let to = row.saturating_add(k);
					let run = passes::push_rows(
						graph,
						row,
						callers.get_mut(row..to).unwrap_or(&mut []),
						caller_acc.get(row..to).unwrap_or(&[]),
						pass,
						acc,
					);
					sums = sums.add(run);
					let work = passes::rows_work(&csr.offsets, row, k, pass.pushing);
					budget = budget.saturating_sub(work);
					row = to;
					edge = offset(csr, to);
					continue;
				}
				// This row does not fit in the budget: its own unit (rank, factor) now.
				budget = budget.saturating_sub(1);
				let mass = graph.caller_mass.get(row).copied().unwrap_or(0);
				let b = graph.caller_boosts.get(row).copied().unwrap_or(0);
				if let Some(r) = callers.get_mut(row) {
					if let Some(m) = pass.normalize {
						let new = scale(u128::from(caller_acc.get(row).copied().unwrap_or(0)), m);
						sums.delta = sums.delta.saturating_add(new.abs_diff(*r));
						*r = new;
					}
					f = if mass == 0 { 0 } else { factor(b, *r) };
				}
				sums.total = sums.total.wrapping_add(u128::from(f).wrapping_mul(u128::from(mass)));
				open = true;
			}
			// The open row's edges, as many as the budget covers.
			let end = offset(csr, row.saturating_add(1)).max(edge);
			if pass.pushing {
				let to = edge.saturating_add(end.saturating_sub(edge).min(clamp(budget)));
				let cols = csr.columns.get(edge..to).unwrap_or(&[]);
				let ws = csr.weights.get(edge..to).unwrap_or(&[]);
				passes::scatter(cols, ws, f, acc);
				budget = budget.saturating_sub(to.saturating_sub(edge) as u64);
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
		self.delta_callers = self.delta_callers.saturating_add(sums.delta);
		self.target_total = sums.total;
		if row >= rows {
			self.finish_push();
		} else {
			self.row = u32::try_from(row).unwrap_or(u32::MAX);
			self.edge = u32::try_from(edge).unwrap_or(u32::MAX);
			self.open = open;
			self.row_factor = f;
		}
		budget
	}

	fn finish_push(&mut self) {
		self.shifted_total = 0;
		if self.phase == Phase::Push {
			self.end_iteration();
		} else {
			self.next_phase(Phase::Shift);
		}
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

#[inline]
fn clamp(budget: u64) -> usize {
	usize::try_from(budget).unwrap_or(usize::MAX)
}

/// The offset of row `row` (its first edge); the edge count past the last row.
#[inline]
fn offset(csr: &Csr, row: usize) -> usize {
	csr.offsets.get(row).map_or(csr.columns.len(), |&o| o as usize)
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

/// Runs a fresh ranker made for `graph` to the end: on threads with `std`
/// ([`rank_with_threads`]), else by unlimited steps.
fn run(r: &mut Ranker, graph: &Graph) -> Ranking {
	#[cfg(feature = "std")]
	r.run_threaded(graph, threads::default_threads(graph));
	// A ranker made for this graph never mismatches; the loop ends because every unlimited step
	// finishes.
	#[cfg(not(feature = "std"))]
	while let Ok(StepOutcome { finished: false, .. }) = r.step(graph, u64::MAX) {}
	result(r)
}

/// The result of a ranker run to the end (empty if it was not: only for a mismatched graph).
fn result(r: &Ranker) -> Ranking {
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
