//! When the ranking stops ([`Params`]).

#[cfg(feature = "codec")]
use codec::{Decode, Encode};
#[cfg(feature = "codec")]
use scale_info::TypeInfo;

/// When to stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "codec", derive(Encode, Decode, TypeInfo))]
pub struct Params {
	/// Converged once, within one iteration, the L1 change of the target ranks and that of the
	/// caller ranks are both at most this (in rank units, [`ONE`](crate::ONE) = 1). 0 never
	/// converges early unless the ranks are exactly stationary.
	pub tolerance: u64,
	/// The most iterations (each = one target and one caller update). 0 returns the start.
	pub max_iterations: u32,
}

impl Default for Params {
	/// Tolerance 2⁻⁴⁰ (≈ 9.1 · 10⁻¹³) and at most 100 iterations.
	fn default() -> Self {
		Params { tolerance: 1 << 20, max_iterations: 100 }
	}
}
