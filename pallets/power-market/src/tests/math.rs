//! Pricing arithmetic: exact rounding, monotone prices, exact splits, a bounded index.

use crate::{math::*, PriceIndexState};
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
}

fn index(price: u128, volume: u128, at: u64) -> PriceIndexState {
	PriceIndexState { price, volume, at }
}

#[test]
fn the_index_weighs_fills_by_volume_and_fades_by_day() {
	let half = Perbill::from_percent(50);
	// The first fill sets it.
	assert_eq!(next_index(None, 7, 10, 5, half), index(7, 10, 5));
	// Equal volumes: halfway.
	assert_eq!(next_index(Some(index(100, 10, 0)), 200, 10, 0, half), index(150, 20, 0));
	// A tiny fill barely moves it, whatever its price (rounded down).
	assert_eq!(next_index(Some(index(100, 1_000, 0)), 1, 1, 0, half).price, 99);
	// Two days later the old volume is a quarter: the fill weighs 4/5.
	assert_eq!(
		next_index(Some(index(100, 40, 0)), 200, 40, 2 * DAY + 5, half),
		index(180, 50, 2 * DAY)
	);
	// Fractions of a day do not fade, and are not lost: the clock moves by whole days.
	assert_eq!(next_index(Some(index(100, 40, 0)), 100, 0, DAY - 1, half), index(100, 40, 0));
}

#[test]
fn an_even_share_leaves_every_slot_enough() {
	assert_eq!(min_take(100, 4), 25);
	assert_eq!(min_take(101, 4), 26);
	assert_eq!(min_take(100, 1), 100);
	assert_eq!(min_take(100, 0), 100);
	assert_eq!(lease_volume(10 * UNIT, DAY / 2), 5 * UNIT);
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
		old_volume in 0u128..1_000_000_000_000_000_000_000,
		fill in 0u128..1_000_000_000_000_000_000,
		volume in 0u128..1_000_000_000_000_000_000_000,
		elapsed in 0u64..(400 * DAY),
		decay in 0u32..=1_000_000_000,
	) {
		let next = next_index(Some(index(old, old_volume, 0)), fill, volume, elapsed, Perbill::from_parts(decay));
		prop_assert!(next.price >= old.min(fill) && next.price <= old.max(fill));
		// The volume never grows by more than the fill.
		prop_assert!(next.volume <= old_volume + volume);
	}

	#[test]
	fn even_shares_lease_everything_in_the_slots_left(available in 1u128..1_000_000_000_000, slots in 1u32..64) {
		// Taking the least each time empties the offer in at most `slots` leases.
		let (mut left, mut used) = (available, 0u32);
		while left > 0 {
			prop_assert!(used < slots);
			left -= min_take(left, slots - used);
			used += 1;
		}
	}
}

#[test]
fn the_worked_example_of_docs_market() {
	// 1 000 Flux of stake for 15 s at 0.1 Flux per capacity-day, 1 % to the sink.
	let paid = lease_price(1_000 * UNIT, 15_000, UNIT / 10).unwrap();
	assert_eq!(paid, 17_361_111_112);
	assert_eq!(split(paid, Perbill::from_percent(1)), (17_187_500_001, 173_611_111));
}
