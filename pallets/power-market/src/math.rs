//! Pure market arithmetic: what a lease costs, how a payment splits between the lender and the
//! protocol sink, and the price index. No storage, no panics; `tests/math.rs` holds the property
//! tests.
//!
//! Prices are in Flux planck per **capacity-day**: the Power that one Flux of stake generates in
//! one day. Renting `amount` planck of stake for `duration` milliseconds at `price` costs
//! `amount · price · duration / (UNIT · DAY)`, rounded up, so a renter never pays less than the
//! exact price and a lender never receives less.

use fluxomics_primitives::{Balance, Moment, MILLIS_PER_DAY, UNIT};
use sp_arithmetic::{traits::Saturating, FixedPointNumber, FixedU128, Perbill};
use sp_core::U256;

/// What renting `amount` of stake for `duration` ms at `price` (per capacity-day) costs, rounded
/// up; `None` if it does not fit in a balance.
pub fn lease_price(amount: Balance, duration: Moment, price: Balance) -> Option<Balance> {
	let numerator =
		U256::from(amount).checked_mul(U256::from(price))?.checked_mul(U256::from(duration))?;
	let denominator = U256::from(UNIT).checked_mul(U256::from(MILLIS_PER_DAY))?;
	let (quotient, remainder) = numerator.div_mod(denominator);
	let rounded = if remainder.is_zero() { quotient } else { quotient.checked_add(U256::one())? };
	Balance::try_from(rounded).ok()
}

/// Splits a payment: `(to the lender, to the sink)`, the sink taking `fee_share` rounded down.
/// The two always add up to `total`.
pub fn split(total: Balance, fee_share: Perbill) -> (Balance, Balance) {
	let fee = fee_share.mul_floor(total);
	(total.saturating_sub(fee), fee)
}

/// The price index after a fill at `price`: an exponential moving average that gives the new
/// fill `weight`; the first fill sets it.
pub fn next_index(index: Option<Balance>, price: Balance, weight: Perbill) -> Balance {
	let Some(old) = index else { return price };
	let w = FixedU128::from(weight);
	let kept = FixedU128::from_u32(1).saturating_sub(w);
	let blended = kept.saturating_mul_int(old).saturating_add(w.saturating_mul_int(price));
	// Rounding may leave the blend a planck outside [old, price]: keep it between them.
	blended.clamp(old.min(price), old.max(price))
}
