
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
	fn sponsor(k: u32, ) -> Weight;
	fn revoke(k: u32, ) -> Weight;
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
		// Minimum execution time: 106_692_000 picoseconds.
		Weight::from_parts(134_798_000, 7830)
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
		// Minimum execution time: 85_142_000 picoseconds.
		Weight::from_parts(109_384_000, 7830)
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
		// Minimum execution time: 13_698_000 picoseconds.
		Weight::from_parts(23_267_000, 3790)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Power::Sponsors` (r:1 w:1)
	/// Proof: `Power::Sponsors` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:1 w:0)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Power::Accounts` (r:101 w:101)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::LeasesOut` (r:1 w:0)
	/// Proof: `Power::LeasesOut` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Listed` (r:1 w:0)
	/// Proof: `PowerMarket::Listed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Power::Sponsorships` (r:100 w:100)
	/// Proof: `Power::Sponsorships` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Power::LeasesIn` (r:1 w:0)
	/// Proof: `Power::LeasesIn` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::Params` (r:1 w:0)
	/// Proof: `Power::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Power::Checkpoints` (r:1 w:0)
	/// Proof: `Power::Checkpoints` (`max_values`: Some(1), `max_size`: Some(2305), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:100 w:100)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// The range of component `k` is `[1, 100]`.
	fn sponsor(k: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6069 + k * (17 ±0)`
		//  Estimated: `4410 + k * (2679 ±0)`
		// Minimum execution time: 104_645_000 picoseconds.
		Weight::from_parts(118_329_302, 4410)
			// Standard Error: 31_563
			.saturating_add(Weight::from_parts(22_765_009, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(k.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 2679).saturating_mul(k.into()))
	}
	/// Storage: `Power::Sponsors` (r:1 w:1)
	/// Proof: `Power::Sponsors` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Power::Sponsorships` (r:100 w:100)
	/// Proof: `Power::Sponsorships` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Power::Accounts` (r:101 w:101)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::LeasesOut` (r:1 w:0)
	/// Proof: `Power::LeasesOut` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::LeasesIn` (r:1 w:0)
	/// Proof: `Power::LeasesIn` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::Params` (r:1 w:0)
	/// Proof: `Power::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Power::Checkpoints` (r:1 w:0)
	/// Proof: `Power::Checkpoints` (`max_values`: Some(1), `max_size`: Some(2305), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:100 w:100)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// The range of component `k` is `[1, 100]`.
	fn revoke(k: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `5212 + k * (245 ±0)`
		//  Estimated: `4410 + k * (2679 ±0)`
		// Minimum execution time: 88_172_000 picoseconds.
		Weight::from_parts(70_807_417, 4410)
			// Standard Error: 56_436
			.saturating_add(Weight::from_parts(29_760_793, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(k.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 2679).saturating_mul(k.into()))
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
		// Minimum execution time: 16_144_000 picoseconds.
		Weight::from_parts(32_507_006, 4410)
			// Standard Error: 21_511
			.saturating_add(Weight::from_parts(1_052_868, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

// For tests and for runtimes that take these numbers with ParityDB's costs.
impl WeightInfo for () {
	fn delegate() -> Weight {
		Weight::from_parts(134_798_000, 7830)
			.saturating_add(ParityDbWeight::get().reads(11_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn undelegate() -> Weight {
		Weight::from_parts(109_384_000, 7830)
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn set_params() -> Weight {
		Weight::from_parts(23_267_000, 3790)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn sponsor(k: u32, ) -> Weight {
		Weight::from_parts(118_329_302, 4410)
			.saturating_add(Weight::from_parts(22_765_009, 0).saturating_mul(k.into()))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(k.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 2679).saturating_mul(k.into()))
	}
	fn revoke(k: u32, ) -> Weight {
		Weight::from_parts(70_807_417, 4410)
			.saturating_add(Weight::from_parts(29_760_793, 0).saturating_mul(k.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(k.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 2679).saturating_mul(k.into()))
	}
	fn accrue(r: u32, ) -> Weight {
		Weight::from_parts(32_507_006, 4410)
			.saturating_add(Weight::from_parts(1_052_868, 0).saturating_mul(r.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
