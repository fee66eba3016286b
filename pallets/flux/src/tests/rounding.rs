//! HETU↔Flux conversion rounding (`math.rs`): never more Flux than paid for, never more HETU
//! than needed.

use crate::math::*;
use proptest::prelude::*;
use sp_arithmetic::{FixedPointNumber, FixedU128};

fn rates() -> impl Strategy<Value = FixedU128> {
	// From a millionth to a million HETU per Flux.
	(1_000_000_000_000u128..=1_000_000 * FixedU128::DIV).prop_map(FixedU128::from_inner)
}

#[test]
fn one_to_one_and_two_to_one() {
	assert_eq!(flux_for_hetu(10, FixedU128::from_u32(1)), Some(10));
	assert_eq!(flux_for_hetu(11, FixedU128::from_u32(2)), Some(5));
	assert_eq!(hetu_for_flux(5, FixedU128::from_u32(2)), Some(10));
	assert_eq!(hetu_for_flux(1, FixedU128::from_rational(3, 2)), Some(2));
	assert_eq!(flux_for_hetu(1, FixedU128::from_u32(0)), None);
}

proptest! {
	#[test]
	fn the_hetu_quoted_buys_at_least_the_flux(flux in 0u128..1u128 << 100, rate in rates()) {
		let hetu = hetu_for_flux(flux, rate).unwrap();
		prop_assert!(flux_for_hetu(hetu, rate).unwrap() >= flux);
	}

	#[test]
	fn one_planck_less_would_not(flux in 1u128..1u128 << 100, rate in rates()) {
		let hetu = hetu_for_flux(flux, rate).unwrap();
		prop_assert!(hetu == 0 || flux_for_hetu(hetu - 1, rate).unwrap() < flux);
	}

	#[test]
	fn more_hetu_never_mints_less(a in 0u128..1u128 << 100, b in 0u128..1u128 << 100, rate in rates()) {
		let (low, high) = (a.min(b), a.max(b));
		prop_assert!(flux_for_hetu(low, rate).unwrap() <= flux_for_hetu(high, rate).unwrap());
	}

	#[test]
	fn converting_never_creates_value(hetu in 0u128..1u128 << 100, rate in rates()) {
		let flux = flux_for_hetu(hetu, rate).unwrap();
		// Buying that Flux back costs no more than what was paid.
		prop_assert!(hetu_for_flux(flux, rate).unwrap() <= hetu);
	}
}
