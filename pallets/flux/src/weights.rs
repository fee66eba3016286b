
//! Weights for `pallet_flux`, measured by the benchmark CLI (do not edit by hand).
//!
//! Generated with `scripts/benchmark.sh` (frame-benchmarking-cli 64.0.0) on 2026-11-22.
//! STEPS: `20`, REPEAT: `20`, WASM-EXECUTION: `Compiled`,
//! CHAIN: `None`, DB CACHE: `1024`; HOSTNAME: `vm`,
//! CPU: `AMD EPYC`.

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
// pallet_flux
// --extrinsic
// *
// --steps
// 20
// --repeat
// 20
// --template
// scripts/frame-weight-template.hbs
// --output
// pallets/flux/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_flux`.
pub trait WeightInfo {
	fn convert() -> Weight;
	fn stake() -> Weight;
	fn stake_among_stakers(s: u32, ) -> Weight;
	fn unstake() -> Weight;
	fn rebond() -> Weight;
	fn withdraw_unbonded() -> Weight;
	fn set_params() -> Weight;
}

/// Weights for `pallet_flux` in the Fluxomics runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Flux::Params` (r:1 w:0)
	/// Proof: `Flux::Params` (`max_values`: Some(1), `max_size`: Some(56), added: 551, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Flux::TotalIssuance` (r:1 w:1)
	/// Proof: `Flux::TotalIssuance` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Flux::TotalMinted` (r:1 w:1)
	/// Proof: `Flux::TotalMinted` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:1 w:1)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	fn convert() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `607`
		//  Estimated: `6196`
		// Minimum execution time: 88_366_000 picoseconds.
		Weight::from_parts(93_665_000, 6196)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Flux::Params` (r:1 w:0)
	/// Proof: `Flux::Params` (`max_values`: Some(1), `max_size`: Some(56), added: 551, mode: `MaxEncodedLen`)
	/// Storage: `Flux::TotalStaked` (r:1 w:1)
	/// Proof: `Flux::TotalStaked` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:1 w:1)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Power::Accounts` (r:1 w:1)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::Params` (r:1 w:0)
	/// Proof: `Power::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Power::Checkpoints` (r:1 w:0)
	/// Proof: `Power::Checkpoints` (`max_values`: Some(1), `max_size`: Some(2305), added: 2800, mode: `MaxEncodedLen`)
	fn stake() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `827`
		//  Estimated: `4330`
		// Minimum execution time: 45_285_000 picoseconds.
		Weight::from_parts(48_922_000, 4330)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Flux::Params` (r:1 w:0)
	/// Proof: `Flux::Params` (`max_values`: Some(1), `max_size`: Some(56), added: 551, mode: `MaxEncodedLen`)
	/// Storage: `Flux::TotalStaked` (r:1 w:1)
	/// Proof: `Flux::TotalStaked` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:1 w:1)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Power::Accounts` (r:1 w:1)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::Params` (r:1 w:0)
	/// Proof: `Power::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Power::Checkpoints` (r:1 w:0)
	/// Proof: `Power::Checkpoints` (`max_values`: Some(1), `max_size`: Some(2305), added: 2800, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[1, 10000]`.
	fn stake_among_stakers(_s: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3887`
		//  Estimated: `4330`
		// Minimum execution time: 132_448_000 picoseconds.
		Weight::from_parts(166_435_735, 4330)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Flux::Params` (r:1 w:0)
	/// Proof: `Flux::Params` (`max_values`: Some(1), `max_size`: Some(56), added: 551, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:1 w:1)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Power::Accounts` (r:1 w:1)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::RedirectsOut` (r:1 w:0)
	/// Proof: `Power::RedirectsOut` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Listed` (r:1 w:0)
	/// Proof: `PowerMarket::Listed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Power::Params` (r:1 w:0)
	/// Proof: `Power::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Power::Checkpoints` (r:1 w:0)
	/// Proof: `Power::Checkpoints` (`max_values`: Some(1), `max_size`: Some(2305), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `Flux::TotalStaked` (r:1 w:1)
	/// Proof: `Flux::TotalStaked` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn unstake() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1632`
		//  Estimated: `4410`
		// Minimum execution time: 58_760_000 picoseconds.
		Weight::from_parts(63_859_000, 4410)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Flux::Accounts` (r:1 w:1)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Params` (r:1 w:0)
	/// Proof: `Flux::Params` (`max_values`: Some(1), `max_size`: Some(56), added: 551, mode: `MaxEncodedLen`)
	/// Storage: `Power::Accounts` (r:1 w:1)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::Params` (r:1 w:0)
	/// Proof: `Power::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Power::Checkpoints` (r:1 w:0)
	/// Proof: `Power::Checkpoints` (`max_values`: Some(1), `max_size`: Some(2305), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `Flux::TotalStaked` (r:1 w:1)
	/// Proof: `Flux::TotalStaked` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn rebond() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1572`
		//  Estimated: `4330`
		// Minimum execution time: 46_968_000 picoseconds.
		Weight::from_parts(51_287_000, 4330)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Flux::Accounts` (r:1 w:1)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	fn withdraw_unbonded() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1116`
		//  Estimated: `4330`
		// Minimum execution time: 22_592_000 picoseconds.
		Weight::from_parts(26_159_000, 4330)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Flux::Params` (r:1 w:1)
	/// Proof: `Flux::Params` (`max_values`: Some(1), `max_size`: Some(56), added: 551, mode: `MaxEncodedLen`)
	fn set_params() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `220`
		//  Estimated: `1541`
		// Minimum execution time: 13_465_000 picoseconds.
		Weight::from_parts(15_509_000, 1541)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

// For tests and for runtimes that take these numbers with ParityDB's costs.
impl WeightInfo for () {
	fn convert() -> Weight {
		Weight::from_parts(93_665_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn stake() -> Weight {
		Weight::from_parts(48_922_000, 4330)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn stake_among_stakers(_s: u32, ) -> Weight {
		Weight::from_parts(166_435_735, 4330)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn unstake() -> Weight {
		Weight::from_parts(63_859_000, 4410)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn rebond() -> Weight {
		Weight::from_parts(51_287_000, 4330)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn withdraw_unbonded() -> Weight {
		Weight::from_parts(26_159_000, 4330)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn set_params() -> Weight {
		Weight::from_parts(15_509_000, 1541)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
