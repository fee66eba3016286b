//! Pure market arithmetic: what a lease costs, how a payment splits between the lender and the
//! protocol sink, the least a lease may take, and the price index. No storage, no panics;
//! `tests/math.rs` holds the property tests.
//!
//! Prices are in Flux planck per **capacity-day**: the Power that one Flux of stake generates in
//! one day. Renting `amount` planck of stake for `duration` milliseconds at `price` costs
//! `amount · price · duration / (UNIT · DAY)`, rounded up, so a renter never pays less than the
//! exact price and a lender never receives less.

use crate::PriceIndexState;
use fluxomics_primitives::{Balance, Moment, MILLIS_PER_DAY, UNIT};
use sp_arithmetic::{traits::Saturating, Perbill};
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

/// The least a lease may take from an offer with `available` stake and `slots` free lease
/// slots: an even share, so that the slots left can always lease all of it (the last slot takes
/// the rest). A lender's stake can then never be frozen by many tiny leases filling its slots.
pub fn min_take(available: Balance, slots: u32) -> Balance {
	if slots <= 1 {
		available
	} else {
		available.div_ceil(Balance::from(slots))
	}
}

/// The volume of a lease: stake planck × days (`amount · duration / DAY`, rounded down).
pub fn lease_volume(amount: Balance, duration: Moment) -> Balance {
	let v = U256::from(amount).saturating_mul(U256::from(duration));
	let (days, _) = v.div_mod(U256::from(MILLIS_PER_DAY));
	Balance::try_from(days).unwrap_or(Balance::MAX)
}

/// The price index after a fill of `volume` at `price` at chain time `now`.
///
/// The old index's volume first fades by `decay` for each whole day since it was last faded,
/// then the new index is the volume-weighted mean of the old one and the fill. A fill moves the
/// index by `volume / (faded volume + volume)`: to steer it, a trader must lease as many
/// stake-days as the whole market did lately, with its stake locked for those days. The first
/// fill sets it; the result is always between the old index and the fill's price.
pub fn next_index(
	index: Option<PriceIndexState>,
	price: Balance,
	volume: Balance,
	now: Moment,
	decay: Perbill,
) -> PriceIndexState {
	let Some(old) = index else { return PriceIndexState { price, volume, at: now } };
	let days = now.saturating_sub(old.at) / MILLIS_PER_DAY;
	let kept = Perbill::one()
		.saturating_sub(decay)
		.saturating_pow(usize::try_from(days).unwrap_or(usize::MAX));
	let faded = kept.mul_floor(old.volume);
	let at = old.at.saturating_add(days.saturating_mul(MILLIS_PER_DAY));
	let total = U256::from(faded).saturating_add(U256::from(volume));
	let blended = if total == U256::zero() {
		price
	} else {
		let sum = U256::from(old.price)
			.saturating_mul(U256::from(faded))
			.saturating_add(U256::from(price).saturating_mul(U256::from(volume)));
		let (mean, _) = sum.div_mod(total);
		Balance::try_from(mean).unwrap_or(Balance::MAX)
	};
	PriceIndexState {
		// Rounding may leave the blend a planck outside [old, price]: keep it between them.
		price: blended.clamp(old.price.min(price), old.price.max(price)),
		volume: faded.saturating_add(volume),
		at,
	}
}
