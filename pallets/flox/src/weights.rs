//! Weights for `pallet_flox`.
//!
//! PROVISIONAL: regenerate with scripts/benchmark.sh pallet_flox
//!
//! The numbers below are estimates in the shape the benchmark CLI writes (with
//! `scripts/frame-weight-template.hbs`), not measurements; `scripts/benchmark.sh pallet_flox`
//! replaces this file.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_flox`.
pub trait WeightInfo {
	fn record() -> Weight;
	fn fold(n: u32, ) -> Weight;
	fn epoch_check() -> Weight;
	fn epoch_rollover() -> Weight;
	fn collect(n: u32, ) -> Weight;
	fn build(e: u32, a: u32, ) -> Weight;
	fn rank_step(e: u32, w: u32, ) -> Weight;
	fn write(n: u32, ) -> Weight;
	fn clean(n: u32, ) -> Weight;
	fn set_params() -> Weight;
	fn set_tier() -> Weight;
}

/// Weights for `pallet_flox` in the Fluxomics runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// A charge appended to a nearly full buffer (a whitelisted key).
	fn record() -> Weight {
		Weight::from_parts(5_000_000, 0)
	}
	/// Fold `n` charges, each a new edge between new accounts.
	fn fold(n: u32, ) -> Weight {
		Weight::from_parts(10_000_000, 1600)
			.saturating_add(Weight::from_parts(45_000_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(n.into())))
	}
	/// `on_initialize` when the epoch goes on.
	fn epoch_check() -> Weight {
		Weight::from_parts(4_000_000, 1600)
			.saturating_add(T::DbWeight::get().reads(2_u64))
	}
	/// `on_initialize` freezing an epoch into a nearly full queue.
	fn epoch_rollover() -> Weight {
		Weight::from_parts(22_000_000, 2900)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Collect `n` units (accounts: stake, tier and index reads) with the input near full.
	fn collect(n: u32, ) -> Weight {
		Weight::from_parts(180_000_000, 3300000)
			.saturating_add(Weight::from_parts(28_000_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 2600).saturating_mul(n.into()))
	}
	/// Build a graph of `e` edges and `a` accounts and a fresh ranker.
	fn build(e: u32, a: u32, ) -> Weight {
		Weight::from_parts(2_000_000_000, 3300000)
			.saturating_add(Weight::from_parts(1_200_000, 0).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(600_000, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(Weight::from_parts(0, 24).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(0, 40).saturating_mul(a.into()))
	}
	/// Decode the state of a graph of `e` edges, `w` work units of `Ranker::step`, encode.
	fn rank_step(e: u32, w: u32, ) -> Weight {
		Weight::from_parts(400_000_000, 8000)
			.saturating_add(Weight::from_parts(900_000, 0).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(25_000, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 30).saturating_mul(e.into()))
	}
	/// Write ranks and points of `n` accounts.
	fn write(n: u32, ) -> Weight {
		Weight::from_parts(60_000_000, 1700000)
			.saturating_add(Weight::from_parts(32_000_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2600).saturating_mul(n.into()))
	}
	/// Remove `n` units of an epoch's data.
	fn clean(n: u32, ) -> Weight {
		Weight::from_parts(12_000_000, 1600)
			.saturating_add(Weight::from_parts(22_000_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2600).saturating_mul(n.into()))
	}
	/// `set_params`.
	fn set_params() -> Weight {
		Weight::from_parts(14_000_000, 1600)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// `set_tier`.
	fn set_tier() -> Weight {
		Weight::from_parts(15_000_000, 3500)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	/// A charge appended to a nearly full buffer (a whitelisted key).
	fn record() -> Weight {
		Weight::from_parts(5_000_000, 0)
	}
	/// Fold `n` charges, each a new edge between new accounts.
	fn fold(n: u32, ) -> Weight {
		Weight::from_parts(10_000_000, 1600)
			.saturating_add(Weight::from_parts(45_000_000, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((6_u64).saturating_mul(n.into())))
	}
	/// `on_initialize` when the epoch goes on.
	fn epoch_check() -> Weight {
		Weight::from_parts(4_000_000, 1600)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
	}
	/// `on_initialize` freezing an epoch into a nearly full queue.
	fn epoch_rollover() -> Weight {
		Weight::from_parts(22_000_000, 2900)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	/// Collect `n` units (accounts: stake, tier and index reads) with the input near full.
	fn collect(n: u32, ) -> Weight {
		Weight::from_parts(180_000_000, 3300000)
			.saturating_add(Weight::from_parts(28_000_000, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 2600).saturating_mul(n.into()))
	}
	/// Build a graph of `e` edges and `a` accounts and a fresh ranker.
	fn build(e: u32, a: u32, ) -> Weight {
		Weight::from_parts(2_000_000_000, 3300000)
			.saturating_add(Weight::from_parts(1_200_000, 0).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(600_000, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(Weight::from_parts(0, 24).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(0, 40).saturating_mul(a.into()))
	}
	/// Decode the state of a graph of `e` edges, `w` work units of `Ranker::step`, encode.
	fn rank_step(e: u32, w: u32, ) -> Weight {
		Weight::from_parts(400_000_000, 8000)
			.saturating_add(Weight::from_parts(900_000, 0).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(25_000, 0).saturating_mul(w.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 30).saturating_mul(e.into()))
	}
	/// Write ranks and points of `n` accounts.
	fn write(n: u32, ) -> Weight {
		Weight::from_parts(60_000_000, 1700000)
			.saturating_add(Weight::from_parts(32_000_000, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2600).saturating_mul(n.into()))
	}
	/// Remove `n` units of an epoch's data.
	fn clean(n: u32, ) -> Weight {
		Weight::from_parts(12_000_000, 1600)
			.saturating_add(Weight::from_parts(22_000_000, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2600).saturating_mul(n.into()))
	}
	/// `set_params`.
	fn set_params() -> Weight {
		Weight::from_parts(14_000_000, 1600)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	/// `set_tier`.
	fn set_tier() -> Weight {
		Weight::from_parts(15_000_000, 3500)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
