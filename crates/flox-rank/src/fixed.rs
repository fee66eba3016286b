//! The fixed-point units (crate docs, "Fixed-point representation and widths") and the integer
//! arithmetic every part of the ranking normalizes with: gas and boosts into fractions of 2⁶³,
//! accumulators into ranks.

use alloc::vec::Vec;

/// Rank 1 in fixed point: ranks are `u64` in units of 2⁻⁶⁰.
pub const ONE: u64 = 1 << 60;

/// The weight of all the gas of the graph (and the normalized boost of the largest boost): 2⁶³.
pub const WEIGHT_ONE: u64 = 1 << 63;

/// Shift of the per-account factor: `f = ⌊b · s / 2^FACTOR_SHIFT⌋`.
pub(crate) const FACTOR_SHIFT: u32 = 62;

/// `⌊x · 2⁶³ / d⌋` for `x ≤ d`, `d > 0` (returns 0 for `d = 0`): at most 2⁶³, exact for all inputs.
pub(crate) fn frac63(x: u128, d: u128) -> u64 {
	if d == 0 || x == 0 {
		return 0;
	}
	if x >= d {
		return WEIGHT_ONE;
	}
	if x < (1u128 << 65) {
		// x · 2⁶³ < 2¹²⁸: exact in u128.
		let q = (x << 63).checked_div(d).unwrap_or(0);
		return u64::try_from(q).unwrap_or(WEIGHT_ONE);
	}
	// Long division, one quotient bit at a time: r < d throughout, `2r` may need 129 bits.
	let mut r = x;
	let mut q: u64 = 0;
	for _ in 0..63 {
		let carry = (r >> 127) != 0;
		let r2 = r << 1;
		q <<= 1;
		if carry || r2 >= d {
			// True value 2r − d < d < 2¹²⁸: the wrapping result is exact.
			r = r2.wrapping_sub(d);
			q |= 1;
		} else {
			r = r2;
		}
	}
	q
}

/// Normalize nonnegative values to sum `ONE` (rounded down), the same way the ranking does.
pub(crate) fn normalize_vec(values: &[u64]) -> Vec<u64> {
	let total: u128 = values.iter().fold(0u128, |a, &v| a.wrapping_add(u128::from(v)));
	let shift = shift_for(total);
	let shifted: u128 = values.iter().fold(0u128, |a, &v| a.wrapping_add(u128::from(v) >> shift));
	let m = reciprocal(shifted);
	values.iter().map(|&v| scale(u128::from(v) >> shift, m)).collect()
}

/// `max(0, bits(total) − 63)`: shifting every accumulator by this makes their sum `< 2⁶³`.
#[inline]
pub(crate) fn shift_for(total: u128) -> u32 {
	let bits = 128u32.saturating_sub(total.leading_zeros());
	bits.saturating_sub(63)
}

/// `⌊2¹²⁴ / shifted_total⌋` (0 when the total is 0).
#[inline]
pub(crate) fn reciprocal(shifted_total: u128) -> u128 {
	(1u128 << 124).checked_div(shifted_total).unwrap_or(0)
}

/// `⌊a · m / 2⁶⁴⌋`: the rank of a shifted accumulator `a ≤ shifted_total < 2⁶³`.
#[inline]
pub(crate) fn scale(a: u128, m: u128) -> u64 {
	// a · m ≤ 2¹²⁴ because a ≤ shifted_total and m ≤ 2¹²⁴ / shifted_total.
	u64::try_from(a.wrapping_mul(m) >> 64).unwrap_or(u64::MAX)
}
