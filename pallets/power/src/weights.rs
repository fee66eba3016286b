
//! Weights for `pallet_power`, measured by the benchmark CLI (do not edit by hand).
//!
//! Generated with `scripts/benchmark.sh` (frame-benchmarking-cli 64.0.0) on 2026-12-03.
//! STEPS: `20`, REPEAT: `10`, WASM-EXECUTION: `Compiled`,
//! CHAIN: `None`, DB CACHE: `1024`; HOSTNAME: `vm`,
//! CPU: `Intel(R) Xeon(R) Processor`.

// Executed Command:
// /root/.cache/fluxomics/target/release/fluxomics-node
// benchmark
// pallet
// --runtime
// /root/.cache/fluxomics/target/release/wbuild/fluxomics-runtime/fluxomics_runtime.compact.compressed.wasm
// --genesis-builder
// runtime
// --genesis-builder-preset
// development
// --pallet
// pallet_power
// --extrinsic
// *
// --steps
// 20
// --repeat
// 10
// --template
// scripts/frame-weight-template.hbs
// --output
// pallets/power/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_power`.
pub trait WeightInfo {
	fn delegate() -> Weight;
	fn undelegate() -> Weight;
	fn set_params() -> Weight;
	fn accrue(r: u32, ) -> Weight;
}

/// Weights for `pallet_power` in the Fluxomics runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Flux::Accounts` (r:1 w:0)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Power::Accounts` (r:2 w:2)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::LeasesOut` (r:2 w:0)
	/// Proof: `Power::LeasesOut` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Listed` (r:1 w:0)
	/// Proof: `PowerMarket::Listed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Power::Delegations` (r:1 w:1)
	/// Proof: `Power::Delegations` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::LeasesIn` (r:2 w:0)
	/// Proof: `Power::LeasesIn` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::Params` (r:1 w:0)
	/// Proof: `Power::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Power::Checkpoints` (r:1 w:0)
	/// Proof: `Power::Checkpoints` (`max_values`: Some(1), `max_size`: Some(2305), added: 2800, mode: `MaxEncodedLen`)
	fn delegate() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `7802`
		//  Estimated: `7830`
		// Minimum execution time: 81_982_000 picoseconds.
		Weight::from_parts(90_398_000, 7830)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Power::Delegations` (r:1 w:1)
	/// Proof: `Power::Delegations` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::Accounts` (r:2 w:2)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::LeasesOut` (r:2 w:0)
	/// Proof: `Power::LeasesOut` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::LeasesIn` (r:2 w:0)
	/// Proof: `Power::LeasesIn` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::Params` (r:1 w:0)
	/// Proof: `Power::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Power::Checkpoints` (r:1 w:0)
	/// Proof: `Power::Checkpoints` (`max_values`: Some(1), `max_size`: Some(2305), added: 2800, mode: `MaxEncodedLen`)
	fn undelegate() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `7029`
		//  Estimated: `7830`
		// Minimum execution time: 69_877_000 picoseconds.
		Weight::from_parts(75_649_000, 7830)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Power::Params` (r:1 w:1)
	/// Proof: `Power::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Power::Checkpoints` (r:1 w:1)
	/// Proof: `Power::Checkpoints` (`max_values`: Some(1), `max_size`: Some(2305), added: 2800, mode: `MaxEncodedLen`)
	fn set_params() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2433`
		//  Estimated: `3790`
		// Minimum execution time: 12_412_000 picoseconds.
		Weight::from_parts(13_589_000, 3790)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Power::Accounts` (r:1 w:1)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::LeasesOut` (r:1 w:0)
	/// Proof: `Power::LeasesOut` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::LeasesIn` (r:1 w:0)
	/// Proof: `Power::LeasesIn` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::Params` (r:1 w:0)
	/// Proof: `Power::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Power::Checkpoints` (r:1 w:0)
	/// Proof: `Power::Checkpoints` (`max_values`: Some(1), `max_size`: Some(2305), added: 2800, mode: `MaxEncodedLen`)
	/// The range of component `r` is `[0, 16]`.
	fn accrue(r: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `943 + r * (178 ±0)`
		//  Estimated: `4410`
		// Minimum execution time: 13_699_000 picoseconds.
		Weight::from_parts(21_744_792, 4410)
			// Standard Error: 10_132
			.saturating_add(Weight::from_parts(716_912, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

// For tests and for runtimes that take these numbers with ParityDB's costs.
impl WeightInfo for () {
	fn delegate() -> Weight {
		Weight::from_parts(90_398_000, 7830)
			.saturating_add(ParityDbWeight::get().reads(11_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn undelegate() -> Weight {
		Weight::from_parts(75_649_000, 7830)
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn set_params() -> Weight {
		Weight::from_parts(13_589_000, 3790)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn accrue(r: u32, ) -> Weight {
		Weight::from_parts(21_744_792, 4410)
			.saturating_add(Weight::from_parts(716_912, 0).saturating_mul(r.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
