//! Pure metering arithmetic: the cost formulas, Power ↔ Flux at the rate R, and the controller
//! that moves R. No storage, no panics: every operation is checked or saturating, and the
//! property tests in `tests/math.rs` pin the controller's behaviour.

use crate::types::{CostSchedule, RateParams};
use fluxomics_primitives::{Balance, PerKind, PowerUnits, UNIT};
use sp_arithmetic::{
	helpers_128bit::multiply_by_rational_with_rounding, traits::Saturating, FixedPointNumber,
	FixedU128, Rounding,
};

/// Steps in `ref_time` of weight: `ceil(ref_time / step_weight)`. A zero step weight (refused
/// by validation) counts every picosecond as a step, the dearest reading.
pub fn steps(ref_time: u64, step_weight: u64) -> u64 {
	match (ref_time.checked_div(step_weight), ref_time.checked_rem(step_weight)) {
		(Some(whole), Some(0)) => whole,
		(Some(whole), Some(_)) => whole.saturating_add(1),
		_ => ref_time,
	}
}

/// Messaging Power of an extrinsic of `len` encoded bytes.
pub fn msg_cost(s: &CostSchedule, len: u64, is_intent: bool) -> PowerUnits {
	let intent = if is_intent { s.p_intent } else { 0 };
	s.p0.saturating_add(s.p_size.saturating_mul(len.into())).saturating_add(intent)
}

/// Execution Power of an on-chain extrinsic whose weight has `ref_time`.
pub fn exec_cost(s: &CostSchedule, ref_time: u64) -> PowerUnits {
	s.e0.saturating_add(s.e_step.saturating_mul(steps(ref_time, s.step_weight).into()))
		.saturating_add(s.e_tx)
}

/// Execution Power of agent work reported off-chain (PoCW tasks).
pub fn agent_exec_cost(
	s: &CostSchedule,
	step_count: u64,
	model_calls: u64,
	onchain_transactions: u64,
) -> PowerUnits {
	s.e0.saturating_add(s.e_step.saturating_mul(step_count.into()))
		.saturating_add(s.e_model.saturating_mul(model_calls.into()))
		.saturating_add(s.e_tx.saturating_mul(onchain_transactions.into()))
}

/// Both kinds for one extrinsic.
pub fn extrinsic_cost(
	s: &CostSchedule,
	len: u64,
	is_intent: bool,
	ref_time: u64,
) -> PerKind<PowerUnits> {
	PerKind::new(msg_cost(s, len, is_intent), exec_cost(s, ref_time))
}

/// Flux (planck) that buys `power` PU at `rate` PU per Flux, rounded up (the payer never pays
/// less than the Power is worth); `None` if the rate is zero or the result does not fit.
pub fn flux_for_power(power: PowerUnits, rate: FixedU128) -> Option<Balance> {
	flux_at(power, rate, Rounding::Up)
}

/// How the `flux` a charge pays splits between the kinds: the messaging part buys, at `rate`,
/// the messaging Power the payer's Power did not cover (`cost.msg - from_power.msg`), at most
/// `flux`; the execution part is the rest, so the two always add up to `flux`.
pub fn flux_by_kind(
	cost: &PerKind<PowerUnits>,
	from_power: &PerKind<PowerUnits>,
	flux: Balance,
	rate: FixedU128,
) -> PerKind<Balance> {
	let msg =
		flux_for_power(cost.msg.saturating_sub(from_power.msg), rate).unwrap_or(flux).min(flux);
	PerKind::new(msg, flux.saturating_sub(msg))
}

/// Flux (planck) worth `power` PU at `rate`, rounded down: what a refund gives back.
pub fn flux_worth(power: PowerUnits, rate: FixedU128) -> Option<Balance> {
	flux_at(power, rate, Rounding::Down)
}

/// Flux (planck) that buys one capacity-day from the protocol: the `pu_per_flux_day` PU (both
/// kinds) that one Flux of stake generates in a day, at `rate`, rounded down (a ceiling on
/// market prices errs on the renter's side); `None` if the rate is zero or it does not fit.
pub fn capacity_day_price(pu_per_flux_day: FixedU128, rate: FixedU128) -> Option<Balance> {
	multiply_by_rational_with_rounding(
		pu_per_flux_day.into_inner(),
		UNIT,
		rate.into_inner(),
		Rounding::Down,
	)
}

/// `power · UNIT / rate`, rounded as asked.
fn flux_at(power: PowerUnits, rate: FixedU128, rounding: Rounding) -> Option<Balance> {
	multiply_by_rational_with_rounding(
		power,
		UNIT.checked_mul(FixedU128::DIV)?,
		rate.into_inner(),
		rounding,
	)
}

/// R after a block that consumed `consumed` PU.
///
/// The relative distance from target, `s = (consumed − target) / target` clamped to `[−1, 1]`,
/// moves R by `−max_change · s · R`: consumption above target lowers R (Power costs more Flux),
/// below raises it. When that change is too small to show in fixed point, R still moves by one
/// unit of the last place, so it can never stick at a bound. The result is always within the
/// bounds.
pub fn next_rate(rate: FixedU128, consumed: PowerUnits, p: &RateParams) -> FixedU128 {
	let clamp = |r: FixedU128| r.max(p.min_rate).min(p.max_rate);
	let target = p.target.max(1);
	if consumed == target {
		return clamp(rate);
	}
	let above = consumed > target;
	let distance =
		if above { consumed.saturating_sub(target) } else { target.saturating_sub(consumed) };
	let share = FixedU128::checked_from_rational(distance.min(target), target)
		.unwrap_or(FixedU128::from_u32(1));
	let change = rate
		.saturating_mul(FixedU128::from(p.max_change))
		.saturating_mul(share)
		.max(FixedU128::from_inner(1));
	let moved = if above { rate.saturating_sub(change) } else { rate.saturating_add(change) };
	clamp(moved)
}

/// Transaction priority for a charge: the Power it pays, whatever it pays it with.
pub fn priority(cost: &PerKind<PowerUnits>) -> u64 {
	u64::try_from(cost.total()).unwrap_or(u64::MAX)
}
