//! Conversion between HETU and Flux at the governed rate `hetu_per_flux`, as pure functions.
//!
//! `convert` rounds the Flux it mints down (the protocol never mints more than was paid for);
//! `convert_for`, which buys a given amount of Flux for a fee, rounds the HETU it takes up, and
//! takes the least HETU that buys at least that much Flux.

use fluxomics_primitives::Balance;
use sp_arithmetic::{
	helpers_128bit::multiply_by_rational_with_rounding, FixedPointNumber, FixedU128, Rounding,
};

/// Flux minted for `hetu` HETU at `rate` HETU per Flux, rounded down; `None` if `rate` is zero or
/// the result does not fit.
pub fn flux_for_hetu(hetu: Balance, rate: FixedU128) -> Option<Balance> {
	multiply_by_rational_with_rounding(hetu, FixedU128::DIV, rate.into_inner(), Rounding::Down)
}

/// The least HETU that mints at least `flux` Flux at `rate` HETU per Flux.
pub fn hetu_for_flux(flux: Balance, rate: FixedU128) -> Option<Balance> {
	multiply_by_rational_with_rounding(flux, rate.into_inner(), FixedU128::DIV, Rounding::Up)
}
