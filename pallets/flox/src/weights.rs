
//! Weights for `pallet_flox`, measured by the benchmark CLI (do not edit by hand).
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
// pallet_flox
// --extrinsic
// *
// --steps
// 20
// --repeat
// 10
// --template
// scripts/frame-weight-template.hbs
// --output
// pallets/flox/src/weights.rs

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
	fn record() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 6_318_000 picoseconds.
		Weight::from_parts(6_947_000, 0)
	}
	/// Storage: `Flox::Current` (r:1 w:0)
	/// Proof: `Flox::Current` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Counts` (r:1 w:1)
	/// Proof: `Flox::Counts` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Flox::TargetIndex` (r:1024 w:1024)
	/// Proof: `Flox::TargetIndex` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Flox::CallerIndex` (r:1024 w:1024)
	/// Proof: `Flox::CallerIndex` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1024 w:0)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Flox::EdgeOf` (r:0 w:1024)
	/// Proof: `Flox::EdgeOf` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Targets` (r:0 w:1024)
	/// Proof: `Flox::Targets` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Callers` (r:0 w:1024)
	/// Proof: `Flox::Callers` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Edges` (r:0 w:1024)
	/// Proof: `Flox::Edges` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 1024]`.
	fn fold(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0 + n * (212 ±0)`
		//  Estimated: `3497 + n * (2603 ±0)`
		// Minimum execution time: 1_800_000 picoseconds.
		Weight::from_parts(1_887_000, 3497)
			// Standard Error: 78_687
			.saturating_add(Weight::from_parts(21_868_649, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(n.into()))
	}
	/// Storage: `Flox::Current` (r:1 w:0)
	/// Proof: `Flox::Current` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	fn epoch_check() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `117`
		//  Estimated: `1589`
		// Minimum execution time: 4_793_000 picoseconds.
		Weight::from_parts(5_484_000, 1589)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
	/// Storage: `Flox::Current` (r:1 w:1)
	/// Proof: `Flox::Current` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Counts` (r:1 w:0)
	/// Proof: `Flox::Counts` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Queue` (r:1 w:1)
	/// Proof: `Flox::Queue` (`max_values`: Some(1), `max_size`: Some(385), added: 880, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Params` (r:1 w:0)
	/// Proof: `Flox::Params` (`max_values`: Some(1), `max_size`: Some(92), added: 587, mode: `MaxEncodedLen`)
	fn epoch_rollover() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `535`
		//  Estimated: `3497`
		// Minimum execution time: 15_523_000 picoseconds.
		Weight::from_parts(16_725_000, 3497)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Flox::Input` (r:1 w:1)
	/// Proof: `Flox::Input` (`max_values`: Some(1), `max_size`: Some(4497164), added: 4497659, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Targets` (r:1000 w:0)
	/// Proof: `Flox::Targets` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:1000 w:0)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Flox::TierWeights` (r:1000 w:0)
	/// Proof: `Flox::TierWeights` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Ongoing` (r:0 w:1)
	/// Proof: `Flox::Ongoing` (`max_values`: Some(1), `max_size`: Some(163), added: 658, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 1000]`.
	fn collect(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2400210 + n * (211 ±0)`
		//  Estimated: `4498649 + n * (3340 ±0)`
		// Minimum execution time: 2_721_637_000 picoseconds.
		Weight::from_parts(2_453_316_893, 4498649)
			// Standard Error: 84_103
			.saturating_add(Weight::from_parts(14_696_245, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3340).saturating_mul(n.into()))
	}
	/// Storage: `Flox::Input` (r:1 w:0)
	/// Proof: `Flox::Input` (`max_values`: Some(1), `max_size`: Some(4497164), added: 4497659, mode: `MaxEncodedLen`)
	/// Storage: `Flox::GraphState` (r:0 w:1)
	/// Proof: `Flox::GraphState` (`max_values`: Some(1), `max_size`: Some(5021572), added: 5022067, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Ongoing` (r:0 w:1)
	/// Proof: `Flox::Ongoing` (`max_values`: Some(1), `max_size`: Some(163), added: 658, mode: `MaxEncodedLen`)
	/// Storage: `Flox::RankerState` (r:0 w:1)
	/// Proof: `Flox::RankerState` (`max_values`: Some(1), `max_size`: Some(3145988), added: 3146483, mode: `MaxEncodedLen`)
	/// The range of component `e` is `[1, 100000]`.
	/// The range of component `a` is `[1, 65536]`.
	fn build(e: u32, a: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `4 + a * (32 ±0) + e * (24 ±0)`
		//  Estimated: `4498649`
		// Minimum execution time: 2_621_393_000 picoseconds.
		Weight::from_parts(2_664_010_000, 4498649)
			// Standard Error: 2_181
			.saturating_add(Weight::from_parts(80_664, 0).saturating_mul(e.into()))
			// Standard Error: 3_328
			.saturating_add(Weight::from_parts(88_126, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Flox::GraphState` (r:1 w:0)
	/// Proof: `Flox::GraphState` (`max_values`: Some(1), `max_size`: Some(5021572), added: 5022067, mode: `MaxEncodedLen`)
	/// Storage: `Flox::RankerState` (r:1 w:1)
	/// Proof: `Flox::RankerState` (`max_values`: Some(1), `max_size`: Some(3145988), added: 3146483, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Ongoing` (r:0 w:1)
	/// Proof: `Flox::Ongoing` (`max_values`: Some(1), `max_size`: Some(163), added: 658, mode: `MaxEncodedLen`)
	/// The range of component `e` is `[1000, 100000]`.
	/// The range of component `w` is `[0, 100000]`.
	fn rank_step(e: u32, w: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `572523 + e * (74 ±0)`
		//  Estimated: `5023057`
		// Minimum execution time: 1_993_059_000 picoseconds.
		Weight::from_parts(1_998_407_000, 5023057)
			// Standard Error: 1_364
			.saturating_add(Weight::from_parts(82_664, 0).saturating_mul(e.into()))
			// Standard Error: 1_365
			.saturating_add(Weight::from_parts(17_824, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Flox::Results` (r:1 w:0)
	/// Proof: `Flox::Results` (`max_values`: Some(1), `max_size`: Some(1048584), added: 1049079, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Credited` (r:1 w:1)
	/// Proof: `Flox::Credited` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Targets` (r:1000 w:0)
	/// Proof: `Flox::Targets` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Ranks` (r:1000 w:1000)
	/// Proof: `Flox::Ranks` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Points` (r:1000 w:1000)
	/// Proof: `Flox::Points` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Ongoing` (r:0 w:1)
	/// Proof: `Flox::Ongoing` (`max_values`: Some(1), `max_size`: Some(163), added: 658, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 1000]`.
	fn write(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `524814 + n * (56 ±0)`
		//  Estimated: `1050069 + n * (2543 ±0)`
		// Minimum execution time: 240_679_000 picoseconds.
		Weight::from_parts(172_528_598, 1050069)
			// Standard Error: 35_241
			.saturating_add(Weight::from_parts(9_003_776, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	/// Storage: `Flox::Edges` (r:1000 w:1000)
	/// Proof: `Flox::Edges` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Flox::EdgeOf` (r:0 w:1000)
	/// Proof: `Flox::EdgeOf` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Input` (r:0 w:1)
	/// Proof: `Flox::Input` (`max_values`: Some(1), `max_size`: Some(4497164), added: 4497659, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Counts` (r:0 w:1)
	/// Proof: `Flox::Counts` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Ongoing` (r:0 w:1)
	/// Proof: `Flox::Ongoing` (`max_values`: Some(1), `max_size`: Some(163), added: 658, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 1000]`.
	fn clean(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `31 + n * (40 ±0)`
		//  Estimated: `990 + n * (2523 ±0)`
		// Minimum execution time: 4_597_000 picoseconds.
		Weight::from_parts(4_752_000, 990)
			// Standard Error: 33_161
			.saturating_add(Weight::from_parts(5_621_644, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2523).saturating_mul(n.into()))
	}
	/// Storage: `Flox::Params` (r:1 w:1)
	/// Proof: `Flox::Params` (`max_values`: Some(1), `max_size`: Some(92), added: 587, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Current` (r:1 w:1)
	/// Proof: `Flox::Current` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Queue` (r:1 w:1)
	/// Proof: `Flox::Queue` (`max_values`: Some(1), `max_size`: Some(385), added: 880, mode: `MaxEncodedLen`)
	fn set_params() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `574`
		//  Estimated: `1870`
		// Minimum execution time: 12_987_000 picoseconds.
		Weight::from_parts(14_192_000, 1870)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Flox::TierWeights` (r:1 w:1)
	/// Proof: `Flox::TierWeights` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn set_tier() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `3529`
		// Minimum execution time: 7_618_000 picoseconds.
		Weight::from_parts(8_315_000, 3529)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

// For tests and for runtimes that take these numbers with ParityDB's costs.
impl WeightInfo for () {
	fn record() -> Weight {
		Weight::from_parts(6_947_000, 0)
	}
	fn fold(n: u32, ) -> Weight {
		Weight::from_parts(1_887_000, 3497)
			.saturating_add(Weight::from_parts(21_868_649, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((6_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(n.into()))
	}
	fn epoch_check() -> Weight {
		Weight::from_parts(5_484_000, 1589)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
	}
	fn epoch_rollover() -> Weight {
		Weight::from_parts(16_725_000, 3497)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn collect(n: u32, ) -> Weight {
		Weight::from_parts(2_453_316_893, 4498649)
			.saturating_add(Weight::from_parts(14_696_245, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3340).saturating_mul(n.into()))
	}
	fn build(e: u32, a: u32, ) -> Weight {
		Weight::from_parts(2_664_010_000, 4498649)
			.saturating_add(Weight::from_parts(80_664, 0).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(88_126, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn rank_step(e: u32, w: u32, ) -> Weight {
		Weight::from_parts(1_998_407_000, 5023057)
			.saturating_add(Weight::from_parts(82_664, 0).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(17_824, 0).saturating_mul(w.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn write(n: u32, ) -> Weight {
		Weight::from_parts(172_528_598, 1050069)
			.saturating_add(Weight::from_parts(9_003_776, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	fn clean(n: u32, ) -> Weight {
		Weight::from_parts(4_752_000, 990)
			.saturating_add(Weight::from_parts(5_621_644, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2523).saturating_mul(n.into()))
	}
	fn set_params() -> Weight {
		Weight::from_parts(14_192_000, 1870)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn set_tier() -> Weight {
		Weight::from_parts(8_315_000, 3529)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
