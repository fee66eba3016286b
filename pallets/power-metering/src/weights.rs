
//! Weights for `pallet_power_metering`, measured by the benchmark CLI (do not edit by hand).
//!
//! Generated with `scripts/benchmark.sh` (frame-benchmarking-cli 64.0.0) on 2026-12-02.
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
// pallet_power_metering
// --extrinsic
// *
// --steps
// 20
// --repeat
// 10
// --template
// scripts/frame-weight-template.hbs
// --output
// pallets/power-metering/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_power_metering`.
pub trait WeightInfo {
	fn charge_power() -> Weight;
	fn charge_power_with_flux() -> Weight;
	fn send_message(l: u32, ) -> Weight;
	fn set_params() -> Weight;
	fn update_rate() -> Weight;
}

/// Weights for `pallet_power_metering` in the Fluxomics runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Power::Accounts` (r:1 w:1)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::Params` (r:1 w:0)
	/// Proof: `Power::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Power::Checkpoints` (r:1 w:0)
	/// Proof: `Power::Checkpoints` (`max_values`: Some(1), `max_size`: Some(2305), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `PowerMetering::Schedule` (r:1 w:0)
	/// Proof: `PowerMetering::Schedule` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
	fn charge_power() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `514`
		//  Estimated: `3790`
		// Minimum execution time: 29_419_000 picoseconds.
		Weight::from_parts(31_435_000, 3790)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Power::Accounts` (r:1 w:1)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::Params` (r:1 w:0)
	/// Proof: `Power::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Power::Checkpoints` (r:1 w:0)
	/// Proof: `Power::Checkpoints` (`max_values`: Some(1), `max_size`: Some(2305), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `PowerMetering::Schedule` (r:1 w:0)
	/// Proof: `PowerMetering::Schedule` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
	/// Storage: `PowerMetering::ExchangeRate` (r:1 w:0)
	/// Proof: `PowerMetering::ExchangeRate` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:2 w:2)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Params` (r:1 w:0)
	/// Proof: `Flux::Params` (`max_values`: Some(1), `max_size`: Some(56), added: 551, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:3 w:3)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Flux::TotalIssuance` (r:1 w:1)
	/// Proof: `Flux::TotalIssuance` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Flux::TotalMinted` (r:1 w:1)
	/// Proof: `Flux::TotalMinted` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn charge_power_with_flux() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1215`
		//  Estimated: `8799`
		// Minimum execution time: 108_962_000 picoseconds.
		Weight::from_parts(114_739_000, 8799)
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// The range of component `l` is `[0, 4096]`.
	fn send_message(l: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 4_655_000 picoseconds.
		Weight::from_parts(5_679_055, 0)
			// Standard Error: 0
			.saturating_add(Weight::from_parts(353, 0).saturating_mul(l.into()))
	}
	/// Storage: `PowerMetering::Schedule` (r:1 w:1)
	/// Proof: `PowerMetering::Schedule` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
	/// Storage: `PowerMetering::RateControl` (r:1 w:1)
	/// Proof: `PowerMetering::RateControl` (`max_values`: Some(1), `max_size`: Some(52), added: 547, mode: `MaxEncodedLen`)
	/// Storage: `PowerMetering::ExchangeRate` (r:1 w:1)
	/// Proof: `PowerMetering::ExchangeRate` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn set_params() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `153`
		//  Estimated: `1605`
		// Minimum execution time: 11_664_000 picoseconds.
		Weight::from_parts(12_827_000, 1605)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `PowerMetering::RateControl` (r:1 w:0)
	/// Proof: `PowerMetering::RateControl` (`max_values`: Some(1), `max_size`: Some(52), added: 547, mode: `MaxEncodedLen`)
	/// Storage: `PowerMetering::ExchangeRate` (r:1 w:1)
	/// Proof: `PowerMetering::ExchangeRate` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn update_rate() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `44`
		//  Estimated: `1537`
		// Minimum execution time: 4_893_000 picoseconds.
		Weight::from_parts(5_592_000, 1537)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

// For tests and for runtimes that take these numbers with ParityDB's costs.
impl WeightInfo for () {
	fn charge_power() -> Weight {
		Weight::from_parts(31_435_000, 3790)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn charge_power_with_flux() -> Weight {
		Weight::from_parts(114_739_000, 8799)
			.saturating_add(ParityDbWeight::get().reads(13_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn send_message(l: u32, ) -> Weight {
		Weight::from_parts(5_679_055, 0)
			.saturating_add(Weight::from_parts(353, 0).saturating_mul(l.into()))
	}
	fn set_params() -> Weight {
		Weight::from_parts(12_827_000, 1605)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn update_rate() -> Weight {
		Weight::from_parts(5_592_000, 1537)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
