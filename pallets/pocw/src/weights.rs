
//! Weights for `pallet_pocw`, measured by the benchmark CLI (do not edit by hand).
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
// pallet_pocw
// --extrinsic
// *
// --steps
// 20
// --repeat
// 10
// --template
// scripts/frame-weight-template.hbs
// --output
// pallets/pocw/src/weights.rs

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
	fn draw_panel(s: u32, ) -> Weight;
	fn commit_verdict() -> Weight;
	fn reveal_verdict() -> Weight;
	fn reveal_settle(p: u32, ) -> Weight;
	fn reveal_reject(p: u32, ) -> Weight;
	fn expire_undecided(p: u32, ) -> Weight;
	fn expire_task() -> Weight;
	fn set_params() -> Weight;
	fn process_expiries(b: u32, t: u32, ) -> Weight;
}

/// Weights for `pallet_pocw` in the Fluxomics runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Pocw::Verifiers` (r:1 w:1)
	/// Proof: `Pocw::Verifiers` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Params` (r:1 w:0)
	/// Proof: `Pocw::Params` (`max_values`: Some(1), `max_size`: Some(217), added: 712, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::VerifierCount` (r:1 w:1)
	/// Proof: `Pocw::VerifierCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalBond` (r:1 w:1)
	/// Proof: `Pocw::TotalBond` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:1 w:1)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::BondTree` (r:17 w:17)
	/// Proof: `Pocw::BondTree` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::VerifierAt` (r:0 w:1)
	/// Proof: `Pocw::VerifierAt` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	fn register_verifier() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `620`
		//  Estimated: `43541`
		// Minimum execution time: 55_689_000 picoseconds.
		Weight::from_parts(59_483_000, 43541)
			.saturating_add(T::DbWeight::get().reads(22_u64))
			.saturating_add(T::DbWeight::get().writes(22_u64))
	}
	/// Storage: `Pocw::Verifiers` (r:2 w:2)
	/// Proof: `Pocw::Verifiers` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:1 w:1)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::VerifierCount` (r:1 w:1)
	/// Proof: `Pocw::VerifierCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::BondTree` (r:18 w:18)
	/// Proof: `Pocw::BondTree` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::VerifierAt` (r:1 w:2)
	/// Proof: `Pocw::VerifierAt` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalBond` (r:1 w:1)
	/// Proof: `Pocw::TotalBond` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn leave_verifier() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1457`
		//  Estimated: `46044`
		// Minimum execution time: 127_094_000 picoseconds.
		Weight::from_parts(132_667_000, 46044)
			.saturating_add(T::DbWeight::get().reads(24_u64))
			.saturating_add(T::DbWeight::get().writes(25_u64))
	}
	/// Storage: `Pocw::Params` (r:1 w:0)
	/// Proof: `Pocw::Params` (`max_values`: Some(1), `max_size`: Some(217), added: 712, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::VerifierCount` (r:1 w:0)
	/// Proof: `Pocw::VerifierCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalEscrow` (r:1 w:1)
	/// Proof: `Pocw::TotalEscrow` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::NextTaskId` (r:1 w:1)
	/// Proof: `Pocw::NextTaskId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Expiries` (r:1 w:1)
	/// Proof: `Pocw::Expiries` (`max_values`: None, `max_size`: Some(530), added: 3005, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:1 w:1)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Tasks` (r:1 w:1)
	/// Proof: `Pocw::Tasks` (`max_values`: None, `max_size`: Some(984), added: 3459, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::CounterForTasks` (r:1 w:1)
	/// Proof: `Pocw::CounterForTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn post_task() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1615`
		//  Estimated: `4449`
		// Minimum execution time: 33_645_000 picoseconds.
		Weight::from_parts(35_878_000, 4449)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Pocw::Tasks` (r:1 w:1)
	/// Proof: `Pocw::Tasks` (`max_values`: None, `max_size`: Some(984), added: 3459, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Params` (r:1 w:0)
	/// Proof: `Pocw::Params` (`max_values`: Some(1), `max_size`: Some(217), added: 712, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalCollateral` (r:1 w:1)
	/// Proof: `Pocw::TotalCollateral` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:1 w:1)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	fn claim_task() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1175`
		//  Estimated: `4449`
		// Minimum execution time: 30_221_000 picoseconds.
		Weight::from_parts(32_713_000, 4449)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Pocw::Tasks` (r:1 w:1)
	/// Proof: `Pocw::Tasks` (`max_values`: None, `max_size`: Some(984), added: 3459, mode: `MaxEncodedLen`)
	/// Storage: `PowerMetering::Schedule` (r:1 w:0)
	/// Proof: `PowerMetering::Schedule` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Params` (r:1 w:0)
	/// Proof: `Pocw::Params` (`max_values`: Some(1), `max_size`: Some(217), added: 712, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::PendingDraws` (r:1 w:1)
	/// Proof: `Pocw::PendingDraws` (`max_values`: Some(1), `max_size`: Some(129), added: 624, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Expiries` (r:2 w:2)
	/// Proof: `Pocw::Expiries` (`max_values`: None, `max_size`: Some(530), added: 3005, mode: `MaxEncodedLen`)
	/// Storage: `Power::Accounts` (r:1 w:0)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::Params` (r:1 w:0)
	/// Proof: `Power::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Power::Checkpoints` (r:1 w:0)
	/// Proof: `Power::Checkpoints` (`max_values`: Some(1), `max_size`: Some(2305), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `PowerMetering::ExchangeRate` (r:1 w:0)
	/// Proof: `PowerMetering::ExchangeRate` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:2 w:2)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn submit_result() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2419`
		//  Estimated: `7670`
		// Minimum execution time: 69_860_000 picoseconds.
		Weight::from_parts(74_271_000, 7670)
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Pocw::PendingDraws` (r:1 w:1)
	/// Proof: `Pocw::PendingDraws` (`max_values`: Some(1), `max_size`: Some(129), added: 624, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Tasks` (r:1 w:1)
	/// Proof: `Pocw::Tasks` (`max_values`: None, `max_size`: Some(984), added: 3459, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalBond` (r:1 w:0)
	/// Proof: `Pocw::TotalBond` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::BondTree` (r:25 w:0)
	/// Proof: `Pocw::BondTree` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::VerifierAt` (r:6 w:0)
	/// Proof: `Pocw::VerifierAt` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Verifiers` (r:6 w:6)
	/// Proof: `Pocw::Verifiers` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[0, 9]`.
	fn draw_panel(s: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2549 + s * (87 ±0)`
		//  Estimated: `43224 + s * (2786 ±70)`
		// Minimum execution time: 6_307_000 picoseconds.
		Weight::from_parts(41_584_636, 43224)
			// Standard Error: 121_267
			.saturating_add(Weight::from_parts(29_895_320, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2786).saturating_mul(s.into()))
	}
	/// Storage: `Pocw::Tasks` (r:1 w:1)
	/// Proof: `Pocw::Tasks` (`max_values`: None, `max_size`: Some(984), added: 3459, mode: `MaxEncodedLen`)
	fn commit_verdict() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1140`
		//  Estimated: `4449`
		// Minimum execution time: 17_944_000 picoseconds.
		Weight::from_parts(19_681_000, 4449)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Pocw::Tasks` (r:1 w:1)
	/// Proof: `Pocw::Tasks` (`max_values`: None, `max_size`: Some(984), added: 3459, mode: `MaxEncodedLen`)
	fn reveal_verdict() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1172`
		//  Estimated: `4449`
		// Minimum execution time: 18_514_000 picoseconds.
		Weight::from_parts(20_502_000, 4449)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Pocw::Tasks` (r:1 w:1)
	/// Proof: `Pocw::Tasks` (`max_values`: None, `max_size`: Some(984), added: 3459, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::CounterForTasks` (r:1 w:1)
	/// Proof: `Pocw::CounterForTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalCollateral` (r:1 w:1)
	/// Proof: `Pocw::TotalCollateral` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalEscrow` (r:1 w:1)
	/// Proof: `Pocw::TotalEscrow` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Expiries` (r:1 w:1)
	/// Proof: `Pocw::Expiries` (`max_values`: None, `max_size`: Some(530), added: 3005, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Params` (r:1 w:0)
	/// Proof: `Pocw::Params` (`max_values`: Some(1), `max_size`: Some(217), added: 712, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Verifiers` (r:9 w:9)
	/// Proof: `Pocw::Verifiers` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:12 w:12)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::BondTree` (r:19 w:19)
	/// Proof: `Pocw::BondTree` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalBond` (r:1 w:1)
	/// Proof: `Pocw::TotalBond` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `PowerMetering::ExchangeRate` (r:1 w:0)
	/// Proof: `PowerMetering::ExchangeRate` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `PowerMetering::Schedule` (r:1 w:0)
	/// Proof: `PowerMetering::Schedule` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::PeriodStart` (r:1 w:0)
	/// Proof: `Pocw::PeriodStart` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::EmittedThisPeriod` (r:1 w:1)
	/// Proof: `Pocw::EmittedThisPeriod` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Flux::TotalIssuance` (r:1 w:1)
	/// Proof: `Flux::TotalIssuance` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Flux::TotalBurned` (r:1 w:1)
	/// Proof: `Flux::TotalBurned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Flux::TotalMinted` (r:1 w:1)
	/// Proof: `Flux::TotalMinted` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Power::Accounts` (r:1 w:1)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::Params` (r:1 w:0)
	/// Proof: `Power::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Power::Checkpoints` (r:1 w:0)
	/// Proof: `Power::Checkpoints` (`max_values`: Some(1), `max_size`: Some(2305), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `Flux::TotalStaked` (r:1 w:1)
	/// Proof: `Flux::TotalStaked` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// The range of component `p` is `[1, 9]`.
	fn reveal_settle(p: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2874 + p * (211 ±0)`
		//  Estimated: `37889 + p * (3340 ±0)`
		// Minimum execution time: 147_478_000 picoseconds.
		Weight::from_parts(132_416_853, 37889)
			// Standard Error: 138_935
			.saturating_add(Weight::from_parts(32_659_245, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(22_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(16_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 3340).saturating_mul(p.into()))
	}
	/// Storage: `Pocw::Tasks` (r:1 w:1)
	/// Proof: `Pocw::Tasks` (`max_values`: None, `max_size`: Some(984), added: 3459, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::CounterForTasks` (r:1 w:1)
	/// Proof: `Pocw::CounterForTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalCollateral` (r:1 w:1)
	/// Proof: `Pocw::TotalCollateral` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalEscrow` (r:1 w:1)
	/// Proof: `Pocw::TotalEscrow` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Expiries` (r:1 w:1)
	/// Proof: `Pocw::Expiries` (`max_values`: None, `max_size`: Some(530), added: 3005, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Params` (r:1 w:0)
	/// Proof: `Pocw::Params` (`max_values`: Some(1), `max_size`: Some(217), added: 712, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Verifiers` (r:9 w:9)
	/// Proof: `Pocw::Verifiers` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:12 w:12)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::BondTree` (r:19 w:19)
	/// Proof: `Pocw::BondTree` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalBond` (r:1 w:1)
	/// Proof: `Pocw::TotalBond` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `PowerMetering::ExchangeRate` (r:1 w:0)
	/// Proof: `PowerMetering::ExchangeRate` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `PowerMetering::Schedule` (r:1 w:0)
	/// Proof: `PowerMetering::Schedule` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
	/// The range of component `p` is `[1, 9]`.
	fn reveal_reject(p: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2639 + p * (211 ±0)`
		//  Estimated: `37950 + p * (3340 ±64)`
		// Minimum execution time: 91_915_000 picoseconds.
		Weight::from_parts(73_713_660, 37950)
			// Standard Error: 129_427
			.saturating_add(Weight::from_parts(33_109_305, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(10_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 3340).saturating_mul(p.into()))
	}
	/// Storage: `Pocw::Tasks` (r:1 w:1)
	/// Proof: `Pocw::Tasks` (`max_values`: None, `max_size`: Some(984), added: 3459, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::CounterForTasks` (r:1 w:1)
	/// Proof: `Pocw::CounterForTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalCollateral` (r:1 w:1)
	/// Proof: `Pocw::TotalCollateral` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalEscrow` (r:1 w:1)
	/// Proof: `Pocw::TotalEscrow` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Expiries` (r:1 w:1)
	/// Proof: `Pocw::Expiries` (`max_values`: None, `max_size`: Some(530), added: 3005, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Params` (r:1 w:0)
	/// Proof: `Pocw::Params` (`max_values`: Some(1), `max_size`: Some(217), added: 712, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Verifiers` (r:9 w:9)
	/// Proof: `Pocw::Verifiers` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:12 w:12)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::BondTree` (r:24 w:24)
	/// Proof: `Pocw::BondTree` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalBond` (r:1 w:1)
	/// Proof: `Pocw::TotalBond` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// The range of component `p` is `[1, 9]`.
	fn expire_undecided(p: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2649 + p * (193 ±0)`
		//  Estimated: `40562 + p * (3340 ±0)`
		// Minimum execution time: 137_684_000 picoseconds.
		Weight::from_parts(101_639_651, 40562)
			// Standard Error: 24_741
			.saturating_add(Weight::from_parts(44_511_675, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(26_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(25_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 3340).saturating_mul(p.into()))
	}
	/// Storage: `Pocw::Tasks` (r:1 w:1)
	/// Proof: `Pocw::Tasks` (`max_values`: None, `max_size`: Some(984), added: 3459, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::CounterForTasks` (r:1 w:1)
	/// Proof: `Pocw::CounterForTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalCollateral` (r:1 w:1)
	/// Proof: `Pocw::TotalCollateral` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalEscrow` (r:1 w:1)
	/// Proof: `Pocw::TotalEscrow` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Expiries` (r:1 w:1)
	/// Proof: `Pocw::Expiries` (`max_values`: None, `max_size`: Some(530), added: 3005, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:2 w:2)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Params` (r:1 w:0)
	/// Proof: `Pocw::Params` (`max_values`: Some(1), `max_size`: Some(217), added: 712, mode: `MaxEncodedLen`)
	fn expire_task() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1358`
		//  Estimated: `7670`
		// Minimum execution time: 53_058_000 picoseconds.
		Weight::from_parts(57_788_000, 7670)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Pocw::Params` (r:1 w:1)
	/// Proof: `Pocw::Params` (`max_values`: Some(1), `max_size`: Some(217), added: 712, mode: `MaxEncodedLen`)
	fn set_params() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `249`
		//  Estimated: `1702`
		// Minimum execution time: 8_930_000 picoseconds.
		Weight::from_parts(10_003_000, 1702)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Pocw::CounterForTasks` (r:1 w:1)
	/// Proof: `Pocw::CounterForTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::ExpiryCursor` (r:1 w:1)
	/// Proof: `Pocw::ExpiryCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Expiries` (r:2 w:2)
	/// Proof: `Pocw::Expiries` (`max_values`: None, `max_size`: Some(530), added: 3005, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Tasks` (r:16 w:16)
	/// Proof: `Pocw::Tasks` (`max_values`: None, `max_size`: Some(984), added: 3459, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalCollateral` (r:1 w:1)
	/// Proof: `Pocw::TotalCollateral` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalEscrow` (r:1 w:1)
	/// Proof: `Pocw::TotalEscrow` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:32 w:32)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Params` (r:1 w:0)
	/// Proof: `Pocw::Params` (`max_values`: Some(1), `max_size`: Some(217), added: 712, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[1, 64]`.
	/// The range of component `t` is `[0, 16]`.
	fn process_expiries(b: u32, t: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1170 + t * (367 ±0)`
		//  Estimated: `6305 + b * (10 ±1) + t * (6680 ±0)`
		// Minimum execution time: 16_547_000 picoseconds.
		Weight::from_parts(31_394_338, 6305)
			// Standard Error: 6_625
			.saturating_add(Weight::from_parts(12_019, 0).saturating_mul(b.into()))
			// Standard Error: 25_444
			.saturating_add(Weight::from_parts(29_925_925, 0).saturating_mul(t.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(t.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(t.into())))
			.saturating_add(Weight::from_parts(0, 10).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(0, 6680).saturating_mul(t.into()))
	}
}

// For tests and for runtimes that take these numbers with ParityDB's costs.
impl WeightInfo for () {
	fn register_verifier() -> Weight {
		Weight::from_parts(59_483_000, 43541)
			.saturating_add(ParityDbWeight::get().reads(22_u64))
			.saturating_add(ParityDbWeight::get().writes(22_u64))
	}
	fn leave_verifier() -> Weight {
		Weight::from_parts(132_667_000, 46044)
			.saturating_add(ParityDbWeight::get().reads(24_u64))
			.saturating_add(ParityDbWeight::get().writes(25_u64))
	}
	fn post_task() -> Weight {
		Weight::from_parts(35_878_000, 4449)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn claim_task() -> Weight {
		Weight::from_parts(32_713_000, 4449)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn submit_result() -> Weight {
		Weight::from_parts(74_271_000, 7670)
			.saturating_add(ParityDbWeight::get().reads(13_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn draw_panel(s: u32, ) -> Weight {
		Weight::from_parts(41_584_636, 43224)
			.saturating_add(Weight::from_parts(29_895_320, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(13_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2786).saturating_mul(s.into()))
	}
	fn commit_verdict() -> Weight {
		Weight::from_parts(19_681_000, 4449)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn reveal_verdict() -> Weight {
		Weight::from_parts(20_502_000, 4449)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn reveal_settle(p: u32, ) -> Weight {
		Weight::from_parts(132_416_853, 37889)
			.saturating_add(Weight::from_parts(32_659_245, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(22_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(p.into())))
			.saturating_add(ParityDbWeight::get().writes(16_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 3340).saturating_mul(p.into()))
	}
	fn reveal_reject(p: u32, ) -> Weight {
		Weight::from_parts(73_713_660, 37950)
			.saturating_add(Weight::from_parts(33_109_305, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(13_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(p.into())))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 3340).saturating_mul(p.into()))
	}
	fn expire_undecided(p: u32, ) -> Weight {
		Weight::from_parts(101_639_651, 40562)
			.saturating_add(Weight::from_parts(44_511_675, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(26_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(p.into())))
			.saturating_add(ParityDbWeight::get().writes(25_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 3340).saturating_mul(p.into()))
	}
	fn expire_task() -> Weight {
		Weight::from_parts(57_788_000, 7670)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn set_params() -> Weight {
		Weight::from_parts(10_003_000, 1702)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn process_expiries(b: u32, t: u32, ) -> Weight {
		Weight::from_parts(31_394_338, 6305)
			.saturating_add(Weight::from_parts(12_019, 0).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(29_925_925, 0).saturating_mul(t.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(t.into())))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(t.into())))
			.saturating_add(Weight::from_parts(0, 10).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(0, 6680).saturating_mul(t.into()))
	}
}
