
//! Weights for `pallet_pocw`, measured by the benchmark CLI (do not edit by hand).
//!
//! Generated with `scripts/benchmark.sh` (frame-benchmarking-cli 64.0.0) on 2026-11-23.
//! STEPS: `20`, REPEAT: `10`, WASM-EXECUTION: `Compiled`,
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
	/// Storage: `Pocw::Verifiers` (r:1 w:1)
	/// Proof: `Pocw::Verifiers` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Params` (r:1 w:0)
	/// Proof: `Pocw::Params` (`max_values`: Some(1), `max_size`: Some(165), added: 660, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::VerifierCount` (r:1 w:1)
	/// Proof: `Pocw::VerifierCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:1 w:1)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	fn register_verifier() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1677`
		//  Estimated: `4330`
		// Minimum execution time: 27_441_000 picoseconds.
		Weight::from_parts(30_936_000, 4330)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Pocw::Verifiers` (r:1 w:1)
	/// Proof: `Pocw::Verifiers` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:1 w:1)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::VerifierCount` (r:1 w:1)
	/// Proof: `Pocw::VerifierCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn leave_verifier() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `527`
		//  Estimated: `4330`
		// Minimum execution time: 19_459_000 picoseconds.
		Weight::from_parts(21_553_000, 4330)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Pocw::VerifierCount` (r:1 w:0)
	/// Proof: `Pocw::VerifierCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Params` (r:1 w:0)
	/// Proof: `Pocw::Params` (`max_values`: Some(1), `max_size`: Some(165), added: 660, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::NextTaskId` (r:1 w:1)
	/// Proof: `Pocw::NextTaskId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Deadlines` (r:1 w:1)
	/// Proof: `Pocw::Deadlines` (`max_values`: None, `max_size`: Some(530), added: 3005, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Tasks` (r:1 w:1)
	/// Proof: `Pocw::Tasks` (`max_values`: None, `max_size`: Some(904), added: 3379, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::CounterForTasks` (r:1 w:1)
	/// Proof: `Pocw::CounterForTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn post_task() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `803`
		//  Estimated: `4369`
		// Minimum execution time: 19_959_000 picoseconds.
		Weight::from_parts(21_833_000, 4369)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Pocw::Tasks` (r:1 w:1)
	/// Proof: `Pocw::Tasks` (`max_values`: None, `max_size`: Some(904), added: 3379, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Params` (r:1 w:0)
	/// Proof: `Pocw::Params` (`max_values`: Some(1), `max_size`: Some(165), added: 660, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalCollateral` (r:1 w:1)
	/// Proof: `Pocw::TotalCollateral` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:1 w:1)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	fn claim_task() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1064`
		//  Estimated: `4369`
		// Minimum execution time: 27_771_000 picoseconds.
		Weight::from_parts(30_315_000, 4369)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Pocw::Tasks` (r:1 w:1)
	/// Proof: `Pocw::Tasks` (`max_values`: None, `max_size`: Some(904), added: 3379, mode: `MaxEncodedLen`)
	/// Storage: `PowerMetering::Schedule` (r:1 w:0)
	/// Proof: `PowerMetering::Schedule` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
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
		//  Measured:  `1431`
		//  Estimated: `7670`
		// Minimum execution time: 48_022_000 picoseconds.
		Weight::from_parts(55_473_000, 7670)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Pocw::Tasks` (r:1 w:1)
	/// Proof: `Pocw::Tasks` (`max_values`: None, `max_size`: Some(904), added: 3379, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Verifiers` (r:1 w:1)
	/// Proof: `Pocw::Verifiers` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	fn attest() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1436`
		//  Estimated: `4369`
		// Minimum execution time: 24_306_000 picoseconds.
		Weight::from_parts(27_140_000, 4369)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Pocw::Tasks` (r:1 w:1)
	/// Proof: `Pocw::Tasks` (`max_values`: None, `max_size`: Some(904), added: 3379, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Verifiers` (r:16 w:15)
	/// Proof: `Pocw::Verifiers` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Params` (r:1 w:0)
	/// Proof: `Pocw::Params` (`max_values`: Some(1), `max_size`: Some(165), added: 660, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::CounterForTasks` (r:1 w:1)
	/// Proof: `Pocw::CounterForTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Deadlines` (r:1 w:1)
	/// Proof: `Pocw::Deadlines` (`max_values`: None, `max_size`: Some(530), added: 3005, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalCollateral` (r:1 w:1)
	/// Proof: `Pocw::TotalCollateral` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::PeriodStart` (r:1 w:0)
	/// Proof: `Pocw::PeriodStart` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::EmittedThisPeriod` (r:1 w:1)
	/// Proof: `Pocw::EmittedThisPeriod` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:18 w:18)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Flux::TotalIssuance` (r:1 w:1)
	/// Proof: `Flux::TotalIssuance` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
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
	fn attest_settle() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `4569`
		//  Estimated: `61110`
		// Minimum execution time: 300_698_000 picoseconds.
		Weight::from_parts(331_003_000, 61110)
			.saturating_add(T::DbWeight::get().reads(47_u64))
			.saturating_add(T::DbWeight::get().writes(42_u64))
	}
	/// Storage: `Pocw::Tasks` (r:1 w:1)
	/// Proof: `Pocw::Tasks` (`max_values`: None, `max_size`: Some(904), added: 3379, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Verifiers` (r:16 w:15)
	/// Proof: `Pocw::Verifiers` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Params` (r:1 w:0)
	/// Proof: `Pocw::Params` (`max_values`: Some(1), `max_size`: Some(165), added: 660, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::CounterForTasks` (r:1 w:1)
	/// Proof: `Pocw::CounterForTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Deadlines` (r:1 w:1)
	/// Proof: `Pocw::Deadlines` (`max_values`: None, `max_size`: Some(530), added: 3005, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalCollateral` (r:1 w:1)
	/// Proof: `Pocw::TotalCollateral` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:17 w:17)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Flux::TotalIssuance` (r:1 w:1)
	/// Proof: `Flux::TotalIssuance` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Flux::TotalBurned` (r:1 w:1)
	/// Proof: `Flux::TotalBurned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::PeriodStart` (r:1 w:0)
	/// Proof: `Pocw::PeriodStart` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::EmittedThisPeriod` (r:1 w:1)
	/// Proof: `Pocw::EmittedThisPeriod` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Flux::TotalMinted` (r:1 w:1)
	/// Proof: `Flux::TotalMinted` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn attest_reject() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `4303`
		//  Estimated: `57770`
		// Minimum execution time: 366_186_000 picoseconds.
		Weight::from_parts(391_734_000, 57770)
			.saturating_add(T::DbWeight::get().reads(43_u64))
			.saturating_add(T::DbWeight::get().writes(40_u64))
	}
	/// Storage: `Pocw::Tasks` (r:1 w:1)
	/// Proof: `Pocw::Tasks` (`max_values`: None, `max_size`: Some(904), added: 3379, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::CounterForTasks` (r:1 w:1)
	/// Proof: `Pocw::CounterForTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Deadlines` (r:1 w:1)
	/// Proof: `Pocw::Deadlines` (`max_values`: None, `max_size`: Some(530), added: 3005, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalCollateral` (r:1 w:1)
	/// Proof: `Pocw::TotalCollateral` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:1 w:1)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Verifiers` (r:15 w:15)
	/// Proof: `Pocw::Verifiers` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	fn expire_task() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2904`
		//  Estimated: `39135`
		// Minimum execution time: 100_290_000 picoseconds.
		Weight::from_parts(114_310_000, 39135)
			.saturating_add(T::DbWeight::get().reads(20_u64))
			.saturating_add(T::DbWeight::get().writes(20_u64))
	}
	/// Storage: `Pocw::Params` (r:1 w:1)
	/// Proof: `Pocw::Params` (`max_values`: Some(1), `max_size`: Some(165), added: 660, mode: `MaxEncodedLen`)
	fn set_params() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `197`
		//  Estimated: `1650`
		// Minimum execution time: 7_321_000 picoseconds.
		Weight::from_parts(8_242_000, 1650)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Pocw::DeadlineCursor` (r:1 w:1)
	/// Proof: `Pocw::DeadlineCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::CounterForTasks` (r:1 w:1)
	/// Proof: `Pocw::CounterForTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Deadlines` (r:2 w:2)
	/// Proof: `Pocw::Deadlines` (`max_values`: None, `max_size`: Some(530), added: 3005, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Tasks` (r:32 w:32)
	/// Proof: `Pocw::Tasks` (`max_values`: None, `max_size`: Some(904), added: 3379, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::TotalCollateral` (r:1 w:1)
	/// Proof: `Pocw::TotalCollateral` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:32 w:32)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Pocw::Verifiers` (r:15 w:15)
	/// Proof: `Pocw::Verifiers` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[1, 64]`.
	/// The range of component `t` is `[0, 32]`.
	fn process_expiries(b: u32, t: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2038 + t * (1003 ±0)`
		//  Estimated: `39135 + b * (10 ±2) + t * (3379 ±0)`
		// Minimum execution time: 14_172_000 picoseconds.
		Weight::from_parts(25_210_681, 39135)
			// Standard Error: 191_183
			.saturating_add(Weight::from_parts(448_203, 0).saturating_mul(b.into()))
			// Standard Error: 374_302
			.saturating_add(Weight::from_parts(50_794_292, 0).saturating_mul(t.into()))
			.saturating_add(T::DbWeight::get().reads(16_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(t.into())))
			.saturating_add(T::DbWeight::get().writes(16_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(t.into())))
			.saturating_add(Weight::from_parts(0, 10).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(0, 3379).saturating_mul(t.into()))
	}
}

// For tests and for runtimes that take these numbers with ParityDB's costs.
impl WeightInfo for () {
	fn register_verifier() -> Weight {
		Weight::from_parts(30_936_000, 4330)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn leave_verifier() -> Weight {
		Weight::from_parts(21_553_000, 4330)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn post_task() -> Weight {
		Weight::from_parts(21_833_000, 4369)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn claim_task() -> Weight {
		Weight::from_parts(30_315_000, 4369)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn submit_result() -> Weight {
		Weight::from_parts(55_473_000, 7670)
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn attest() -> Weight {
		Weight::from_parts(27_140_000, 4369)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn attest_settle() -> Weight {
		Weight::from_parts(331_003_000, 61110)
			.saturating_add(ParityDbWeight::get().reads(47_u64))
			.saturating_add(ParityDbWeight::get().writes(42_u64))
	}
	fn attest_reject() -> Weight {
		Weight::from_parts(391_734_000, 57770)
			.saturating_add(ParityDbWeight::get().reads(43_u64))
			.saturating_add(ParityDbWeight::get().writes(40_u64))
	}
	fn expire_task() -> Weight {
		Weight::from_parts(114_310_000, 39135)
			.saturating_add(ParityDbWeight::get().reads(20_u64))
			.saturating_add(ParityDbWeight::get().writes(20_u64))
	}
	fn set_params() -> Weight {
		Weight::from_parts(8_242_000, 1650)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn process_expiries(b: u32, t: u32, ) -> Weight {
		Weight::from_parts(25_210_681, 39135)
			.saturating_add(Weight::from_parts(448_203, 0).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(50_794_292, 0).saturating_mul(t.into()))
			.saturating_add(ParityDbWeight::get().reads(16_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(t.into())))
			.saturating_add(ParityDbWeight::get().writes(16_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(t.into())))
			.saturating_add(Weight::from_parts(0, 10).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(0, 3379).saturating_mul(t.into()))
	}
}
