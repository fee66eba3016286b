//! The result of a ranking ([`Ranking`], its canonical bytes and digest), and the two roles.

use alloc::vec::Vec;

#[cfg(feature = "codec")]
use codec::{Decode, Encode};
#[cfg(feature = "codec")]
use scale_info::TypeInfo;

/// The ranks of an epoch.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "codec", derive(Encode, Decode, TypeInfo))]
pub struct Ranking {
	/// One rank per target, in units of 2⁻⁶⁰ ([`ONE`](crate::ONE)).
	pub targets: Vec<u64>,
	/// One rank per caller, in units of 2⁻⁶⁰ ([`ONE`](crate::ONE)).
	pub callers: Vec<u64>,
	/// Iterations run.
	pub iterations: u32,
	/// Whether the tolerance was met (otherwise the iteration cap stopped it).
	pub converged: bool,
}

impl Ranking {
	/// The canonical encoding the digest is taken over: the ASCII tag `flox-rank/1`, then
	/// `iterations` (u32 LE), `converged` (one byte 0/1), then for each role, targets first: the
	/// role's size (u32 LE), its number of nonzero ranks (u32 LE), and each nonzero rank as
	/// `index` (u32 LE) and `rank` (u64 LE) in increasing index order.
	pub fn canonical_bytes(&self) -> Vec<u8> {
		let nz = |v: &[u64]| v.iter().filter(|&&r| r != 0).count();
		let cap = nz(&self.targets).saturating_add(nz(&self.callers)).saturating_mul(12);
		let mut out = Vec::with_capacity(cap.saturating_add(32));
		out.extend_from_slice(b"flox-rank/1");
		out.extend_from_slice(&self.iterations.to_le_bytes());
		out.push(u8::from(self.converged));
		for v in [&self.targets, &self.callers] {
			let len = u32::try_from(v.len()).unwrap_or(u32::MAX);
			let count = u32::try_from(nz(v)).unwrap_or(u32::MAX);
			out.extend_from_slice(&len.to_le_bytes());
			out.extend_from_slice(&count.to_le_bytes());
			for (i, &r) in v.iter().enumerate() {
				if r != 0 {
					let i = u32::try_from(i).unwrap_or(u32::MAX);
					out.extend_from_slice(&i.to_le_bytes());
					out.extend_from_slice(&r.to_le_bytes());
				}
			}
		}
		out
	}

	/// blake2-256 of [`Ranking::canonical_bytes`].
	#[cfg(feature = "digest")]
	pub fn digest(&self) -> [u8; 32] {
		sp_crypto_hashing::blake2_256(&self.canonical_bytes())
	}
}

/// Which role a phase belongs to (for progress reporting).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "codec", derive(Encode, Decode, TypeInfo))]
pub enum Role {
	/// The target update (from the callers' ranks).
	Targets,
	/// The caller update (from the targets' ranks).
	Callers,
}
