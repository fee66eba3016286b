//! The square roots of the ranks, exactly: `⌊√(r · 2⁶⁴)⌋`, the integer floor square root.
//!
//! One square root is needed per account and half-step (not per edge), for its factor
//! `boost · √rank`. It must be the *exact* floor square root on every platform, so every path
//! here ends in the same integer check, `t² ≤ x < (t + 1)²`, with a fallback to `isqrt` (never
//! taken in the tests): how the estimate `t` was obtained does not matter for the result.
//!
//! * [`sqrt_fixed`], one value: a table seed, multiplicative Newton steps, and an exact fix-up.
//! * [`sqrt_fixed_lanes`], `N` values in lock step (the hot path): the `N` independent chains
//!   of dependent multiplications overlap. A linearly interpolated seed (one more
//!   multiplication, one Newton step fewer), one Newton step and one correction give an estimate
//!   within one unit of the root, then a fix-up of one ±1 step and one check, with one
//!   multiplication instead of three. The estimate wraps and truncates instead of saturating,
//!   and applies the correction's sign without a branch (about 7.9 against 10.1 ns a value here
//!   a factor, with the previous seed, two steps and saturating, branching arithmetic).
//!
//! (`f64` estimates were tried for `std`: the hardware square root corrected by one Newton step
//! with an `f64` division, or by two with the table's reciprocal, or the table seed refined by
//! two Newton steps in `f64`. On this project's machine, an AMD EPYC, they took 9.9, 11.2 and
//! 9.0 ns a value against 6–6.8 ns for the integer estimate of then: none was kept.)

use crate::fixed::FACTOR_SHIFT;

/// `RSQRT_CHORD[i − 256] = (A[i], A[i] − A[i + 1])` for `i ∈ [256, 1024)`, where
/// `A[i] = 2⁶² / √(i / 1024)` is the reciprocal square root, in units of 2⁻⁶², of the left end of
/// the slice of `[2⁶², 2⁶⁴)` whose top ten bits are `i`: [`rsqrt_seed`] interpolates linearly
/// between the ends of the slice (12 KiB).
const RSQRT_CHORD: [(u64, u64); 768] = rsqrt_chord();

// Evaluated at compile time: an out-of-range index or an overflow would fail the build, not
// panic at run time.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const fn rsqrt_chord() -> [(u64, u64); 768] {
	let mut a = [0u64; 769];
	let mut i = 256;
	while i <= 1024 {
		// √(2¹³⁴ / i) = √(2¹²⁶ / i) · 16   (≤ 2⁶³)
		a[i - 256] = (((1u128 << 126) / i as u128).isqrt() as u64) << 4;
		i += 1;
	}
	let mut t = [(0u64, 0u64); 768];
	let mut j = 0;
	while j < 768 {
		t[j] = (a[j], a[j] - a[j + 1]);
		j += 1;
	}
	t
}

/// `z ≈ 1/√m` in units of 2⁻⁶² for `y = m · 2⁶⁴ ∈ [2⁶², 2⁶⁴)`, within about 2⁻¹⁹ (relative): the
/// chord of `1/√m` over the slice of `y`'s top ten bits ([`RSQRT_CHORD`]) at `y`'s next 32 bits
/// (the error of a chord of a convex function over a slice of width 2⁻¹⁰ is below
/// `(2⁻¹⁰)² / 8 · f''/f ≤ 1.5 · 2⁻²⁰`). One table load and one multiplication: it replaces a
/// table seed within 2⁻¹⁰ and one Newton step.
#[inline(always)]
fn rsqrt_seed(y: u64) -> u64 {
	let i = ((y >> 54) as usize).wrapping_sub(256);
	let (a, slope) = RSQRT_CHORD.get(i).copied().unwrap_or((1 << 62, 0));
	let frac = (y >> 22) & 0xFFFF_FFFF;
	// slope < 2⁵⁵ and frac < 2³²: the product >> 32 is below the slope, so below a.
	a.wrapping_sub(
		u64::try_from(u128::from(slope).wrapping_mul(u128::from(frac)) >> 32).unwrap_or(0),
	)
}

/// The exact floor square root of `x` from an estimate `t`: moves `t` by up to two units towards
/// `t² ≤ x < (t+1)²`, and falls back to `isqrt` if that is not enough.
#[inline]
pub(crate) fn fix_up(mut t: u64, x: u128) -> u64 {
	let mul = |a: u64, b: u64| u128::from(a).wrapping_mul(u128::from(b));
	for _ in 0..2 {
		let sq = mul(t, t);
		let over = sq > x;
		// (t + 1)² = t² + 2t + 1 < 2¹²⁸ when t < 2⁶⁴ − 1.
		let under = t != u64::MAX && sq.wrapping_add(u128::from(t) << 1).wrapping_add(1) <= x;
		t = t.wrapping_add(u64::from(under)).wrapping_sub(u64::from(over));
	}
	let sq = mul(t, t);
	let exact =
		sq <= x && (t == u64::MAX || sq.wrapping_add(u128::from(t) << 1).wrapping_add(1) > x);
	if exact {
		t
	} else {
		u64::try_from(x.isqrt()).unwrap_or(u64::MAX)
	}
}

/// `⌊√(r · 2⁶⁴)⌋`, exactly (the integer floor square root), for any `r`.
///
/// Equal to `(u128::from(r) << 64).isqrt()` (tested against it), several times faster because it
/// uses no division: with `y = r · 4ᵉ ∈ [2⁶², 2⁶⁴)` and `m = y / 2⁶⁴`, a table seed of `1/√m`
/// ([`rsqrt_seed`]),
/// two multiplicative Newton steps `z ← z (3 − m z²) / 2`, then `t = y z` (≈ `√(y · 2⁶⁴)`), one
/// Newton correction `t ← t + (y · 2⁶⁴ − t²) z / 2⁶⁵`, an exact integer fix-up to
/// `t² ≤ x < (t+1)²` (two branch-free ±1 rounds, then a check that falls back to `isqrt` if the
/// estimate were ever off by more than two units; it is off by at most one), and `>> e`
/// (`⌊⌊a · 2ᵉ⌋ / 2ᵉ⌋ = ⌊a⌋`). Integer arithmetic only: deterministic everywhere.
#[inline]
pub fn sqrt_fixed(r: u64) -> u64 {
	if r == 0 {
		return 0;
	}
	let e = r.leading_zeros() >> 1;
	let y = r << (e << 1);
	let mul = |a: u64, b: u64| u128::from(a).wrapping_mul(u128::from(b));
	let low = |v: u128| u64::try_from(v).unwrap_or(u64::MAX);
	// z: 1/√m in units of 2⁻⁶² (≤ 2⁶³).
	let mut z = rsqrt_seed(y);
	for _ in 0..2 {
		let z2 = low(mul(z, z) >> 64); // z² in units of 2⁻⁶⁰ (≤ 2⁶² · (1 + ε))
		let mz2 = low(mul(y, z2) >> 64); // m z² ≈ 1, units of 2⁻⁶⁰
		let corr = (3u64 << 60).saturating_sub(mz2); // 3 − m z², units of 2⁻⁶⁰
		z = low(mul(z, corr) >> 61); // z (3 − m z²) / 2, units of 2⁻⁶²
	}
	let x = u128::from(y) << 64;
	let mut t = low(mul(y, z) >> 62); // √m · 2⁶⁴, relative error ≈ 2⁻⁴⁴
	let tt = mul(t, t);
	let (residual, up) =
		if x >= tt { (x.wrapping_sub(tt), true) } else { (tt.wrapping_sub(x), false) };
	if let Ok(rr) = u64::try_from(residual >> 32) {
		let c = low(mul(rr, z) >> 95); // residual / (2t)
		t = if up { t.saturating_add(c) } else { t.saturating_sub(c) };
	}
	fix_up(t, x) >> e
}

/// [`sqrt_fixed`] of `N` values at once, in lock step: each step is applied to every lane before
/// the next, so that the `N` independent chains of multiplications overlap (one square root is a
/// chain of dependent multiplications: alone, latency, not throughput, bounds it). The estimate
/// ([`estimate_lanes`]) is within one unit of the root (tested); [`exact_near`] ends exact from
/// there with one multiplication (a lane whose estimate were ever further off falls back to
/// [`sqrt_fixed`]).
#[inline(always)]
pub(crate) fn sqrt_fixed_lanes<const N: usize>(r: [u64; N]) -> [u64; N] {
	// y = r · 4ᵉ ∈ [2⁶², 2⁶⁴); r = 0 is computed as r = 1 and masked to 0 at the end.
	let e: [u32; N] = r.map(|r| r.max(1).leading_zeros() >> 1);
	let mut y = [0u64; N];
	for ((y, &r), &e) in y.iter_mut().zip(&r).zip(&e) {
		*y = r.max(1) << (e << 1);
	}
	let t = estimate_lanes(&y);
	let mut out = [0u64; N];
	for ((((o, &t), &y), &e), &r) in out.iter_mut().zip(&t).zip(&y).zip(&e).zip(&r) {
		*o = match exact_near(t, u128::from(y) << 64) {
			_ if r == 0 => 0,
			// ⌊⌊√(r · 2⁶⁴) · 2ᵉ⌋ / 2ᵉ⌋ = ⌊√(r · 2⁶⁴)⌋
			Some(s) => s >> e,
			None => sqrt_fixed(r),
		};
	}
	out
}

/// `⌊√x⌋` from an estimate `t` within one unit of it: one branch-free ±1 step, its square
/// updated without multiplying (`(t ± 1)² = t² ± 2t + 1`), then the check `s² ≤ x < (s + 1)²`.
/// `None` if `t` was further off.
#[inline(always)]
fn exact_near(t: u64, x: u128) -> Option<u64> {
	let sq = u128::from(t).wrapping_mul(u128::from(t));
	let twice = u128::from(t) << 1;
	// (t + 1)²: used only when t ≠ u64::MAX, where it is < 2¹²⁸ and does not wrap.
	let up = sq.wrapping_add(twice).wrapping_add(1);
	let (s, s_sq) = if sq > x {
		// t² > x ≥ 0, so t ≥ 1 and (t − 1)² = t² − 2t + 1 ≥ 0: no wrap.
		(t.wrapping_sub(1), sq.wrapping_sub(twice).wrapping_add(1))
	} else if t != u64::MAX && up <= x {
		(t.wrapping_add(1), up)
	} else {
		(t, sq)
	};
	// (s + 1)² for s ≠ u64::MAX: < 2¹²⁸, no wrap.
	let above = s == u64::MAX || s_sq.wrapping_add(u128::from(s) << 1).wrapping_add(1) > x;
	(s_sq <= x && above).then_some(s)
}

/// `≈ √(y · 2⁶⁴)` for `y ∈ [2⁶², 2⁶⁴)`, within one unit, lane by lane: the chord seed of `1/√m`
/// ([`rsqrt_seed`], within about 2⁻¹⁹), one multiplicative Newton step `z ← z (3 − m z²) / 2`
/// (within about 2⁻³⁷), `t = y z` and one Newton correction `t ← t + (y · 2⁶⁴ − t²) z / 2⁶⁵`.
///
/// Only an estimate: [`exact_near`] checks it, and a lane where it were ever more than one unit
/// off would take [`sqrt_fixed`]. So its arithmetic wraps and truncates where the values of a
/// good estimate fit (noted at each step) instead of saturating, and the correction's sign is
/// applied without a branch: each saturation or branch here costs about as much as a
/// multiplication, and a branch on the sign of the residual is mispredicted half the time.
#[inline(always)]
pub(crate) fn estimate_lanes<const N: usize>(y: &[u64; N]) -> [u64; N] {
	let mul = |a: u64, b: u64| u128::from(a).wrapping_mul(u128::from(b));
	// The high half of a product: always fits.
	let hi = |v: u128| (v >> 64) as u64;
	// (A loop, not `y.map(..)`, which was not always inlined.)
	let mut z = [0u64; N];
	for (z, &y) in z.iter_mut().zip(y) {
		*z = rsqrt_seed(y);
	}
	for (z, &y) in z.iter_mut().zip(y) {
		let z2 = hi(mul(*z, *z)); // z² in units of 2⁻⁶⁰ (≈ 2⁶⁰ / m ≤ 2⁶²)
		let mz2 = hi(mul(y, z2)); // m z² ≈ 1, units of 2⁻⁶⁰: below 3 · 2⁶⁰
		let corr = (3u64 << 60).wrapping_sub(mz2); // 3 − m z², units of 2⁻⁶⁰ (≈ 2⁶¹)
		*z = (mul(*z, corr) >> 61) as u64; // z (3 − m z²) / 2, units of 2⁻⁶² (≤ 2⁶³ · (1 + ε))
	}
	let mut t = [0u64; N];
	for ((t, &y), &z) in t.iter_mut().zip(y).zip(&z) {
		let x = u128::from(y) << 64;
		// √m · 2⁶⁴, relative error about 2⁻³⁷ (saturates: near y = 2⁶⁴ it may exceed u64::MAX).
		let est = u64::try_from(mul(y, z) >> 62).unwrap_or(u64::MAX);
		// The residual x − est², about 2⁹¹ at most: as i128, and its sign as a mask.
		let d = x.wrapping_sub(mul(est, est)) as i128;
		let neg = (d >> 127) as u64; // all ones if x < est²
							   // |d| >> 32 (or one more, for negative d), from the arithmetic shift: two's complement.
		let rr = (((d >> 32) as u64) ^ neg).wrapping_sub(neg);
		let c = (mul(rr, z) >> 95) as u64; // |d| / (2 est), below 2⁴⁰
									 // est + c, or est − c = est + !c + 1.
		*t = est.wrapping_add(c ^ neg).wrapping_sub(neg);
	}
	t
}

/// [`factor`] of `N` accounts at once (lock-step square roots); an account without mass gets 0.
#[inline(always)]
pub(crate) fn factors_lanes<const N: usize>(
	b: &[u64; N],
	r: &[u64; N],
	mass: &[u64; N],
) -> [u64; N] {
	let s = sqrt_fixed_lanes(*r);
	let mut f = [0u64; N];
	for ((((f, &s), &b), &r), &m) in f.iter_mut().zip(&s).zip(b).zip(r).zip(mass) {
		*f = if b == 0 || r == 0 || m == 0 {
			0
		} else {
			let p = u128::from(b).wrapping_mul(u128::from(s)) >> FACTOR_SHIFT;
			u64::try_from(p).unwrap_or(u64::MAX)
		};
	}
	f
}

/// The factor `⌊b · ⌊√(r · 2⁶⁴)⌋ / 2⁶²⌋` (boost times square root of the rank, units of 2⁻⁶³).
#[inline]
pub(crate) fn factor(b: u64, r: u64) -> u64 {
	if b == 0 || r == 0 {
		return 0;
	}
	let s = sqrt_fixed(r);
	// b ≤ 2⁶³, s < 2⁶⁴ (≤ 2⁶² when r ≤ ONE): the product fits u128.
	let p = u128::from(b).wrapping_mul(u128::from(s)) >> FACTOR_SHIFT;
	u64::try_from(p).unwrap_or(u64::MAX)
}
