//! Weights of the Power pallet's calls.
//!
//! PROVISIONAL: written by hand from the storage each call touches, until
//! `fluxomics-node benchmark pallet --pallet pallet_power` (see `docs/benchmarks.md`) replaces
//! this file with measured values.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// Weight functions needed for `pallet_power`.
pub trait WeightInfo {
	fn delegate() -> Weight;
	fn undelegate() -> Weight;
	fn set_params() -> Weight;
	fn settle() -> Weight;
}

/// Weights for `pallet_power` in the Fluxomics runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn delegate() -> Weight {
		Weight::from_parts(120_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(12))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn undelegate() -> Weight {
		Weight::from_parts(120_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(12))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn set_params() -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn settle() -> Weight {
		Weight::from_parts(60_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(1))
	}
}

// For tests.
impl WeightInfo for () {
	fn delegate() -> Weight {
		Weight::from_parts(120_000_000, 12_000)
	}
	fn undelegate() -> Weight {
		Weight::from_parts(120_000_000, 12_000)
	}
	fn set_params() -> Weight {
		Weight::from_parts(20_000_000, 4_000)
	}
	fn settle() -> Weight {
		Weight::from_parts(60_000_000, 12_000)
	}
}
