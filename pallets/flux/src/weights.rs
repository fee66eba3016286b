//! Weights of the Flux pallet's calls.
//!
//! PROVISIONAL: written by hand from the storage each call touches, until
//! `fluxomics-node benchmark pallet --pallet pallet_flux` (see `docs/benchmarks.md`) replaces
//! this file with measured values.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// Weight functions needed for `pallet_flux`.
pub trait WeightInfo {
	fn convert() -> Weight;
	fn stake() -> Weight;
	fn stake_among_stakers(s: u32) -> Weight;
	fn unstake() -> Weight;
	fn rebond() -> Weight;
	fn withdraw_unbonded() -> Weight;
	fn set_params() -> Weight;
}

/// Weights for `pallet_flux` in the Fluxomics runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn convert() -> Weight {
		Weight::from_parts(60_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	fn stake() -> Weight {
		Weight::from_parts(40_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	fn stake_among_stakers(_s: u32) -> Weight {
		Self::stake()
	}
	fn unstake() -> Weight {
		Weight::from_parts(45_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	fn rebond() -> Weight {
		Weight::from_parts(45_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	fn withdraw_unbonded() -> Weight {
		Weight::from_parts(35_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn set_params() -> Weight {
		Weight::from_parts(10_000_000, 1_500)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
}

// For tests.
impl WeightInfo for () {
	fn convert() -> Weight {
		Weight::from_parts(60_000_000, 3_600)
	}
	fn stake() -> Weight {
		Weight::from_parts(40_000_000, 3_600)
	}
	fn stake_among_stakers(_s: u32) -> Weight {
		Weight::from_parts(40_000_000, 3_600)
	}
	fn unstake() -> Weight {
		Weight::from_parts(45_000_000, 3_600)
	}
	fn rebond() -> Weight {
		Weight::from_parts(45_000_000, 3_600)
	}
	fn withdraw_unbonded() -> Weight {
		Weight::from_parts(35_000_000, 3_600)
	}
	fn set_params() -> Weight {
		Weight::from_parts(10_000_000, 1_500)
	}
}
