//! Pure PoCW arithmetic: the metered cost of reported work, Flux for a Power deficit, the PoCW
//! score, the reward and its split, and reward periods. No storage, no panics: every operation
//! is checked or saturating; `tests/math.rs` holds the property tests.
//!
//! ## The score
//!
//! `score = w · (1/2 + ρ/2) · (1/2 + e/2) · class_weight`, in `[0, 1]`, where
//!
//! - `w = min(verified_work, work_cap) / work_cap` (verified work, `[0, 1]`);
//! - `ρ = collateral / (collateral + risk_ref)` (risk taken, `[0, 1)`);
//! - `e = min(budget / exec_cost, efficiency_cap) / efficiency_cap` (cost efficiency, `[0, 1]`;
//!   a zero cost counts as the cap).
//!
//! Each factor is non-decreasing in its input and every fixed-point step rounds the same way,
//! so the score never falls when verified work, collateral or budget grows, nor when the
//! metered cost falls. Work is necessary (no verified work, no reward); risk and efficiency each
//! at most halve it.

use crate::types::Usage;
use fluxomics_primitives::{Balance, ExecSchedule, Moment, PowerUnits, UNIT};
use sp_arithmetic::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{One, Saturating, Zero},
	FixedPointNumber, FixedU128, Perbill, Rounding,
};

/// Exec Power of reported agent work: `e0 + e_step·steps + e_model·model_calls +
/// e_tx·onchain_txs`; `None` if it does not fit.
pub fn exec_cost(s: &ExecSchedule, usage: &Usage) -> Option<PowerUnits> {
	s.e0.checked_add(s.e_step.checked_mul(usage.steps.into())?)?
		.checked_add(s.e_model.checked_mul(usage.model_calls.into())?)?
		.checked_add(s.e_tx.checked_mul(usage.onchain_txs.into())?)
}

/// Flux (planck) that buys `power` PU at `rate` PU per Flux, rounded up:
/// `ceil(power · UNIT / rate)`; `None` if the rate is zero or the result does not fit.
pub fn flux_for_power(power: PowerUnits, rate: FixedU128) -> Option<Balance> {
	multiply_by_rational_with_rounding(
		power,
		UNIT.checked_mul(FixedU128::DIV)?,
		rate.into_inner(),
		Rounding::Up,
	)
}

/// Exec PU that `flux` planck buy at `rate` PU per Flux, rounded down: `⌊flux · rate / UNIT⌋`
/// (saturating).
pub fn power_for_flux(flux: Balance, rate: FixedU128) -> PowerUnits {
	UNIT.checked_mul(FixedU128::DIV)
		.and_then(|d| {
			multiply_by_rational_with_rounding(flux, rate.into_inner(), d, Rounding::Down)
		})
		.unwrap_or(PowerUnits::MAX)
}

/// Whether the `reported` steps are within `tolerance` of the `measured` work:
/// `|reported − measured| ≤ ⌈tolerance · measured⌉`.
pub fn usage_within(reported: u64, measured: u64, tolerance: Perbill) -> bool {
	reported.abs_diff(measured) <= tolerance.mul_ceil(measured)
}

/// A point in `[0, total)` from 32 random bytes: the bytes as a 256-bit number modulo `total`
/// (the bias is below `total / 2^256`); `None` for a zero total.
pub fn draw_point(random: &[u8; 32], total: Balance) -> Option<Balance> {
	if total.is_zero() {
		return None;
	}
	let r = sp_core::U256::from_big_endian(random);
	r.checked_rem(sp_core::U256::from(total)).map(|point| point.low_u128())
}

/// The lowest set bit of `i` (the span of a Fenwick tree node).
pub fn lowbit(i: u32) -> u32 {
	i & i.wrapping_neg()
}

/// `a / b` in fixed point, rounded down, for `a ≤ b`; one if `b` is zero.
fn ratio(a: u128, b: u128) -> FixedU128 {
	if b.is_zero() {
		return FixedU128::one();
	}
	multiply_by_rational_with_rounding(a.min(b), FixedU128::DIV, b, Rounding::Down)
		.map(FixedU128::from_inner)
		.unwrap_or_else(FixedU128::one)
}

/// `(1 + x) / 2`: maps `[0, 1]` onto `[1/2, 1]`.
fn half_up(x: FixedU128) -> FixedU128 {
	let one = FixedU128::one().into_inner();
	FixedU128::from_inner(one.saturating_add(x.into_inner().min(one)).checked_div(2).unwrap_or(one))
}

/// The verified work of the valid seats' `work_units`: their lower median (a single
/// verifier inflating its measure cannot raise it), capped at `cap`; zero with none.
pub fn verified_work(mut units: alloc::vec::Vec<u64>, cap: u64) -> u64 {
	units.sort_unstable();
	let mid = units.len().saturating_sub(1).checked_div(2).unwrap_or(0);
	units.get(mid).copied().unwrap_or(0).min(cap)
}

/// `w`: verified work as a share of `work_cap`, in `[0, 1]`.
pub fn work_factor(verified: u64, work_cap: u64) -> FixedU128 {
	if work_cap.is_zero() {
		return FixedU128::zero();
	}
	ratio(verified.min(work_cap).into(), work_cap.into())
}

/// `ρ = collateral / (collateral + risk_ref)`, in `[0, 1)` (`[0, 1]` with a zero `risk_ref`).
pub fn risk_factor(collateral: Balance, risk_ref: Balance) -> FixedU128 {
	ratio(collateral, collateral.saturating_add(risk_ref))
}

/// `e = min(budget / cost, cap) / cap`, in `[0, 1]`: `min(budget, cap·cost) / (cap·cost)`. A
/// zero cost (or a zero cap) is the best efficiency.
pub fn efficiency_factor(budget: PowerUnits, cost: PowerUnits, cap: FixedU128) -> FixedU128 {
	let capped_cost = cap.saturating_mul_int(cost);
	ratio(budget.min(capped_cost), capped_cost)
}

/// What the score is computed from.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct ScoreInputs {
	/// Verified work units (before the cap).
	pub verified_work: u64,
	/// The worker's collateral, in planck.
	pub collateral: Balance,
	/// The requester's exec Power budget, in PU.
	pub budget: PowerUnits,
	/// The metered exec cost of the result, in PU.
	pub exec_cost: PowerUnits,
	/// The task class's weight.
	pub class_weight: Perbill,
}

/// What the score is scaled by (the governed parameters it uses).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct ScoreScale {
	/// Work units that score fully.
	pub work_cap: u64,
	/// Collateral at which the risk term is one half.
	pub risk_ref: Balance,
	/// Budget / cost ratio that scores fully.
	pub efficiency_cap: FixedU128,
}

/// The PoCW score, in `[0, 1]` (see the module docs).
pub fn score(i: &ScoreInputs, s: &ScoreScale) -> FixedU128 {
	let w = work_factor(i.verified_work, s.work_cap);
	let risk = half_up(risk_factor(i.collateral, s.risk_ref));
	let eff = half_up(efficiency_factor(i.budget, i.exec_cost, s.efficiency_cap));
	w.saturating_mul(risk)
		.saturating_mul(eff)
		.saturating_mul(FixedU128::from(i.class_weight))
		.min(FixedU128::one())
}

/// `K · score`, rounded down, then limited to `left` (what the task's cap, the sink and the
/// period's budget allow).
pub fn reward(k: Balance, score: FixedU128, left: Balance) -> Balance {
	score.min(FixedU128::one()).saturating_mul_int(k).min(left)
}

/// Splits `reward` into `(p1, p2, p3)`: `p1 = ⌊λ1·reward⌋`, `p2 = ⌊λ2·reward⌋`,
/// `p3 = reward − p1 − p2`. The parts always add up to `reward` (when `λ1 + λ2 ≤ 1`; beyond,
/// `p2` is cut so that they still do).
pub fn split(reward: Balance, lambda1: Perbill, lambda2: Perbill) -> (Balance, Balance, Balance) {
	let p1 = lambda1.mul_floor(reward);
	let p2 = lambda2.mul_floor(reward).min(reward.saturating_sub(p1));
	(p1, p2, reward.saturating_sub(p1).saturating_sub(p2))
}

/// Whether `λ1 + λ2 + λ3` is exactly one.
pub fn is_normalized(lambda1: Perbill, lambda2: Perbill, lambda3: Perbill) -> bool {
	u64::from(lambda1.deconstruct())
		.saturating_add(lambda2.deconstruct().into())
		.saturating_add(lambda3.deconstruct().into())
		== u64::from(Perbill::one().deconstruct())
}

/// The start of the reward period holding `now`, given the start of an earlier one: periods of
/// `period` ms follow each other from `start`. A `now` before `start` (or a zero period) keeps
/// `start`.
pub fn period_start(start: Moment, now: Moment, period: Moment) -> Moment {
	let elapsed = now.saturating_sub(start);
	let into = elapsed.checked_rem(period).unwrap_or(0);
	start.saturating_add(elapsed.saturating_sub(into))
}

/// Splits `amount` equally among `n`: `(each, remainder)`; all remainder with `n = 0`.
pub fn share_equally(amount: Balance, n: u32) -> (Balance, Balance) {
	match amount.checked_div(n.into()) {
		Some(each) => (each, amount.saturating_sub(each.saturating_mul(n.into()))),
		None => (0, amount),
	}
}
