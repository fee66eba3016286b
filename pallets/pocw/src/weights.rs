//! Weights for `pallet_pocw`.
//!
//! PROVISIONAL: regenerate with scripts/benchmark.sh pallet_pocw
//!
//! These numbers were written by hand (a node build is needed to measure them), generously above
//! what the other pallets' measured calls of similar shape cost; the benchmarks in
//! `benchmarking.rs` run as tests against the mock. The file has the shape the template
//! `scripts/frame-weight-template.hbs` generates, so the next `scripts/benchmark.sh pallet_pocw`
//! replaces it wholesale.

// Executed Command:
// (not yet measured)

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_pocw`.
pub trait WeightInfo {
	fn register_verifier() -> Weight;
	fn leave_verifier() -> Weight;
	fn post_task() -> Weight;
	fn claim_task() -> Weight;
	fn submit_result() -> Weight;
	fn attest() -> Weight;
	fn attest_settle() -> Weight;
	fn attest_reject() -> Weight;
	fn expire_task() -> Weight;
	fn set_params() -> Weight;
	fn process_expiries(b: u32, t: u32, ) -> Weight;
}

/// Weights for `pallet_pocw` in the Fluxomics runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_verifier() -> Weight {
		Weight::from_parts(70_000_000, 3600)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn leave_verifier() -> Weight {
		Weight::from_parts(65_000_000, 3600)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn post_task() -> Weight {
		Weight::from_parts(60_000_000, 4000)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn claim_task() -> Weight {
		Weight::from_parts(75_000_000, 4000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn submit_result() -> Weight {
		Weight::from_parts(140_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn attest() -> Weight {
		Weight::from_parts(55_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn attest_settle() -> Weight {
		Weight::from_parts(400_000_000, 12000)
			.saturating_add(T::DbWeight::get().reads(20_u64))
			.saturating_add(T::DbWeight::get().writes(16_u64))
	}
	fn attest_reject() -> Weight {
		Weight::from_parts(350_000_000, 12000)
			.saturating_add(T::DbWeight::get().reads(18_u64))
			.saturating_add(T::DbWeight::get().writes(14_u64))
	}
	fn expire_task() -> Weight {
		Weight::from_parts(150_000_000, 8000)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn set_params() -> Weight {
		Weight::from_parts(15_000_000, 1600)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn process_expiries(b: u32, t: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 4000)
			.saturating_add(Weight::from_parts(5_000_000, 0).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(150_000_000, 0).saturating_mul(t.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().reads((12_u64).saturating_mul(t.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes((10_u64).saturating_mul(t.into())))
			.saturating_add(Weight::from_parts(0, 600).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(0, 8000).saturating_mul(t.into()))
	}
}

// For tests and for runtimes that take these numbers with ParityDB's costs.
impl WeightInfo for () {
	fn register_verifier() -> Weight {
		Weight::from_parts(70_000_000, 3600)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn leave_verifier() -> Weight {
		Weight::from_parts(65_000_000, 3600)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn post_task() -> Weight {
		Weight::from_parts(60_000_000, 4000)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn claim_task() -> Weight {
		Weight::from_parts(75_000_000, 4000)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn submit_result() -> Weight {
		Weight::from_parts(140_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn attest() -> Weight {
		Weight::from_parts(55_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn attest_settle() -> Weight {
		Weight::from_parts(400_000_000, 12000)
			.saturating_add(ParityDbWeight::get().reads(20_u64))
			.saturating_add(ParityDbWeight::get().writes(16_u64))
	}
	fn attest_reject() -> Weight {
		Weight::from_parts(350_000_000, 12000)
			.saturating_add(ParityDbWeight::get().reads(18_u64))
			.saturating_add(ParityDbWeight::get().writes(14_u64))
	}
	fn expire_task() -> Weight {
		Weight::from_parts(150_000_000, 8000)
			.saturating_add(ParityDbWeight::get().reads(12_u64))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	fn set_params() -> Weight {
		Weight::from_parts(15_000_000, 1600)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn process_expiries(b: u32, t: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 4000)
			.saturating_add(Weight::from_parts(5_000_000, 0).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(150_000_000, 0).saturating_mul(t.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().reads((12_u64).saturating_mul(t.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes((10_u64).saturating_mul(t.into())))
			.saturating_add(Weight::from_parts(0, 600).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(0, 8000).saturating_mul(t.into()))
	}
}
