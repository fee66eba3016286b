//! The metering arithmetic: cost formulas, rounding at R, and the controller's properties.

use super::mock::{test_rate_params, test_schedule};
use crate::{math::*, RateParams};
use fluxomics_primitives::UNIT;
use proptest::prelude::*;
use sp_arithmetic::{
	traits::{Saturating, Zero},
	FixedU128, Perbill,
};

#[test]
fn costs_follow_the_schedule() {
	let s = test_schedule();
	assert_eq!(steps(0, 1_000_000), 0);
	assert_eq!(steps(1, 1_000_000), 1);
	assert_eq!(steps(2_000_000, 1_000_000), 2);
	assert_eq!(steps(2_000_001, 1_000_000), 3);
	assert_eq!(msg_cost(&s, 150, false), 250);
	assert_eq!(msg_cost(&s, 150, true), 1_250);
	assert_eq!(exec_cost(&s, 52_010_000), 1_000 + 53 + 40);
	assert_eq!(agent_exec_cost(&s, 10, 2, 3), 1_000 + 10 + 200 + 120);
	assert_eq!(msg_cost(&crate::CostSchedule { p_size: u128::MAX, ..s }, 2, false), u128::MAX);
}

#[test]
fn flux_rounds_up_for_charges_and_down_for_refunds() {
	let r = FixedU128::from_u32(3);
	// 1 PU at 3 PU per Flux is a third of a Flux.
	assert_eq!(flux_for_power(1, r), Some(UNIT / 3 + 1));
	assert_eq!(flux_worth(1, r), Some(UNIT / 3));
	assert_eq!(flux_for_power(3, r), Some(UNIT));
	assert_eq!(flux_for_power(1, FixedU128::zero()), None);
}

fn params() -> impl Strategy<Value = RateParams> {
	(1u128..10_000_000_000, 1u128..1_000_000_000_000_000_000, 1u128..1_000_000, 1u32..=500_000_000)
		.prop_map(|(target, min_inner, spread, change)| RateParams {
			target,
			min_rate: FixedU128::from_inner(min_inner),
			max_rate: FixedU128::from_inner(min_inner.saturating_mul(spread)),
			max_change: Perbill::from_parts(change),
		})
}

fn within(p: &RateParams) -> impl Strategy<Value = FixedU128> {
	(p.min_rate.into_inner()..=p.max_rate.into_inner()).prop_map(FixedU128::from_inner)
}

proptest! {
	#[test]
	fn r_moves_the_right_way_and_stays_in_bounds(
		(p, rate) in params().prop_flat_map(|p| (Just(p), within(&p))),
		consumed in 0u128..100_000_000_000,
	) {
		let next = next_rate(rate, consumed, &p);
		prop_assert!(next >= p.min_rate && next <= p.max_rate);
		if consumed > p.target {
			prop_assert!(next <= rate);
			prop_assert!(next < rate || rate == p.min_rate);
		} else if consumed < p.target {
			prop_assert!(next >= rate);
			prop_assert!(next > rate || rate == p.max_rate);
		} else {
			prop_assert_eq!(next, rate);
		}
	}

	#[test]
	fn r_changes_by_at_most_max_change_per_block(
		(p, rate) in params().prop_flat_map(|p| (Just(p), within(&p))),
		consumed in 0u128..100_000_000_000,
	) {
		let next = next_rate(rate, consumed, &p);
		let bound = rate.saturating_mul(FixedU128::from(p.max_change));
		let moved = if next > rate { next - rate } else { rate - next };
		// One unit of the last place is the least the controller moves.
		prop_assert!(moved <= bound.max(FixedU128::from_inner(1)) + FixedU128::from_inner(1));
	}

	#[test]
	fn r_recovers_from_its_minimum_when_load_falls(
		p in params(),
		load_per_mille in 0u128..1_000,
	) {
		// After a burst leaves R at its floor, any load below target lifts it off the floor at
		// once and it keeps rising until it reaches the top or the target holds it.
		let consumed = p.target * load_per_mille / 1_000;
		let mut rate = p.min_rate;
		let mut last = rate;
		for _ in 0..50 {
			rate = next_rate(rate, consumed, &p);
			prop_assert!(rate >= last);
			last = rate;
		}
		prop_assert!(rate > p.min_rate || p.min_rate == p.max_rate || consumed == p.target);
	}

	#[test]
	fn r_recovers_from_its_maximum_when_load_returns(
		p in params(),
		overload_per_mille in 1u128..1_000,
	) {
		let consumed = p.target + (p.target * overload_per_mille / 1_000).max(1);
		let mut rate = p.max_rate;
		let mut last = rate;
		for _ in 0..50 {
			rate = next_rate(rate, consumed, &p);
			prop_assert!(rate <= last);
			last = rate;
		}
		prop_assert!(rate < p.max_rate || p.min_rate == p.max_rate);
	}
}

#[test]
fn r_returns_from_the_floor_to_its_start_within_bounded_blocks() {
	// The test chain's parameters: from 10 to 1 000 PU per Flux at +10 % a block (idle) takes
	// ceil(ln 100 / ln 1.1) = 49 blocks.
	let p = test_rate_params();
	let mut rate = p.min_rate;
	let mut blocks = 0;
	while rate < FixedU128::from_u32(1_000) {
		rate = next_rate(rate, 0, &p);
		blocks += 1;
	}
	assert_eq!(blocks, 49);
	// And from the ceiling back to 1 000 under twice the target: ceil(ln 100 / −ln 0.9) = 44.
	let mut rate = p.max_rate;
	let mut blocks = 0;
	while rate > FixedU128::from_u32(1_000) {
		rate = next_rate(rate, 2 * p.target, &p);
		blocks += 1;
	}
	assert_eq!(blocks, 44);
}

#[test]
fn a_capacity_day_costs_its_power_at_the_rate() {
	// 2 000 PU a Flux-day at 1 000 PU per Flux: 2 Flux.
	assert_eq!(
		capacity_day_price(FixedU128::from_u32(2_000), FixedU128::from_u32(1_000)),
		Some(2 * UNIT)
	);
	// Rounded down: 1 PU at 3 PU per Flux is a third of a Flux, less the fraction of a planck.
	assert_eq!(capacity_day_price(FixedU128::from_u32(1), FixedU128::from_u32(3)), Some(UNIT / 3));
	assert_eq!(capacity_day_price(FixedU128::from_u32(1), FixedU128::zero()), None);
}

proptest! {
	/// The HETU fee a wallet is told splits the charge's Flux between the kinds without losing
	/// or adding a planck.
	#[test]
	fn the_fee_split_adds_up_to_the_flux(
		msg in 0u128..(1 << 80),
		exec in 0u128..(1 << 80),
		have_msg in 0u128..(1 << 80),
		have_exec in 0u128..(1 << 80),
		rate in 1u128..1_000_000_000_000_000_000_000_000,
	) {
		use fluxomics_primitives::PerKind;
		let cost = PerKind::new(msg, exec);
		let from_power = PerKind::new(have_msg.min(msg), have_exec.min(exec));
		let rate = FixedU128::from_inner(rate);
		let flux = flux_for_power(cost.saturating_sub(from_power).total(), rate).unwrap_or(u128::MAX);
		let split = flux_by_kind(&cost, &from_power, flux, rate);
		prop_assert_eq!(split.msg.checked_add(split.exec), Some(flux));
		prop_assert!(split.msg <= flux);
	}
}
