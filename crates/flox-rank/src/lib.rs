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
//!
//! ## Modules
//!
//! | file | what it holds |
//! | --- | --- |
//! | `lib.rs` | these docs, the modules, the re-exports (all public items are at the root) |
//! | `fixed.rs` | the units [`ONE`], [`WEIGHT_ONE`]; the integer normalizing arithmetic |
//! | `graph.rs` | [`Graph`] and its caller-major [`Csr`]: edges merged, weighted, laid out |
//! | `params.rs` | [`Params`]: the tolerance and the iteration cap |
//! | `ranking.rs` | [`Ranking`] (its canonical bytes and digest) and [`Role`] |
//! | `ranker.rs` | [`Ranker`], [`Phase`], [`StepOutcome`], the one-shot [`rank`], [`rank_from`] |
//! | `step.rs` | each phase of [`Ranker::step`] within its budget (a row the budget cuts) |
//! | `passes.rs` | the passes over runs of whole rows, shared by stepping and the threads |
//! | `sqrt.rs` | the exact square roots ([`sqrt_fixed`], in lock step) and the factors |
//! | `threads.rs` | (`std`) the one shot on threads: [`rank_with_threads`] |
//! | `exported.rs` | [`rank_exported`]: ranking an epoch as the chain exports it |
//! | `error.rs` | [`RankError`] |
//! | `tests.rs` | unit tests, private parts included (integration tests: `tests/`) |
//!
//! The tests' and the `speed` example's seeded graphs are drawn with
//! `fluxomics_test_support::rng::SplitMix64` (a dev-dependency: not part of this crate's API).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod error;
mod exported;
mod fixed;
mod graph;
mod params;
mod passes;
mod ranker;
mod ranking;
mod sqrt;
mod step;
#[cfg(feature = "std")]
mod threads;

pub use error::RankError;
pub use exported::rank_exported;
pub use fixed::{ONE, WEIGHT_ONE};
pub use graph::{Csr, Graph};
pub use params::Params;
pub use ranker::{rank, rank_from, Phase, Ranker, StepOutcome};
pub use ranking::{Ranking, Role};
pub use sqrt::sqrt_fixed;
#[cfg(feature = "std")]
pub use threads::rank_with_threads;

/// Accounts whose square roots are computed together, in lock step (`sqrt::sqrt_fixed_lanes`).
const LANES: usize = 8;

// The unit tests live in `tests.rs`, apart from the library code they check.
#[cfg(test)]
mod tests;
