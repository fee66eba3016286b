//! SplitMix64, the seeded generator the tests, the `speed` example and the runtime's tests draw
//! their random graphs and sequences with. One definition, so that a graph named by its seed is the
//! same graph everywhere: the golden Flox digests, the self-dealing table and the speed script's
//! graph depend on it. It is for tests only: no runtime code draws from it.

/// SplitMix64 (Steele, Lea and Flood): a 64-bit state, one 64-bit output per step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitMix64(pub u64);

impl SplitMix64 {
	/// The next output.
	pub fn next_u64(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}

	/// The next output modulo `n` (0 when `n` is 0).
	pub fn below(&mut self, n: u64) -> u64 {
		self.next_u64().checked_rem(n).unwrap_or(0)
	}
}
