//! Pricing arithmetic: exact rounding, monotone prices, exact splits, a bounded index.

use crate::math::*;
use fluxomics_primitives::{MILLIS_PER_DAY as DAY, UNIT};
use proptest::prelude::*;
use sp_arithmetic::Perbill;

#[test]
fn a_day_of_ten_flux_at_a_tenth_costs_one_flux() {
	assert_eq!(lease_price(10 * UNIT, DAY, UNIT / 10), Some(UNIT));
	// An hour: 1/24 Flux, rounded up.
	assert_eq!(lease_price(10 * UNIT, DAY / 24, UNIT / 10), Some(UNIT / 24 + 1));
	assert_eq!(lease_price(u128::MAX, DAY, u128::MAX), None);
	assert_eq!(split(UNIT, Perbill::from_percent(10)), (UNIT * 9 / 10, UNIT / 10));
	assert_eq!(next_index(None, 7, Perbill::from_percent(20)), 7);
	assert_eq!(next_index(Some(100), 200, Perbill::from_percent(20)), 120);
}

proptest! {
	#[test]
	fn prices_never_undercharge_and_grow_with_each_term(
		amount in 1u128..1_000_000_000_000_000_000,
		duration in 1u64..(365 * DAY),
		price in 1u128..1_000_000_000_000_000,
	) {
		let p = lease_price(amount, duration, price).unwrap();
		// Never below the exact price, never a planck above it.
		let exact_times = |v: u128| sp_core::U256::from(v) * sp_core::U256::from(UNIT) * sp_core::U256::from(DAY);
		let exact = sp_core::U256::from(amount) * sp_core::U256::from(price) * sp_core::U256::from(duration);
		prop_assert!(exact_times(p) >= exact);
		prop_assert!(p == 0 || exact_times(p - 1) < exact);
		prop_assert!(lease_price(amount + 1, duration, price).unwrap() >= p);
		prop_assert!(lease_price(amount, duration + 1, price).unwrap() >= p);
		prop_assert!(lease_price(amount, duration, price + 1).unwrap() >= p);
	}

	#[test]
	fn a_split_adds_up(total in any::<u128>(), share in 0u32..=1_000_000_000) {
		let (lender, fee) = split(total, Perbill::from_parts(share));
		prop_assert_eq!(lender + fee, total);
		prop_assert!(fee <= total);
	}

	#[test]
	fn the_index_stays_between_the_old_value_and_the_fill(
		old in 0u128..1_000_000_000_000_000_000,
		fill in 0u128..1_000_000_000_000_000_000,
		weight in 0u32..=1_000_000_000,
	) {
		let next = next_index(Some(old), fill, Perbill::from_parts(weight));
		prop_assert!(next >= old.min(fill) && next <= old.max(fill));
	}
}

#[test]
fn the_worked_example_of_docs_market() {
	// 1 000 Flux of stake for 15 s at 0.1 Flux per capacity-day, 1 % to the sink.
	let paid = lease_price(1_000 * UNIT, 15_000, UNIT / 10).unwrap();
	assert_eq!(paid, 17_361_111_112);
	assert_eq!(split(paid, Perbill::from_percent(1)), (17_187_500_001, 173_611_111));
}
