
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
	fn record(n: u32, ) -> Weight;
	fn fold(n: u32, ) -> Weight;
	fn fold_list(e: u32, ) -> Weight;
	fn epoch_check() -> Weight;
	fn epoch_rollover() -> Weight;
	fn collect(n: u32, ) -> Weight;
	fn collect_boosts(n: u32, ) -> Weight;
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
	/// The range of component `n` is `[1, 12288]`.
	fn record(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 2_347_000 picoseconds.
		Weight::from_parts(2_623_000, 0)
			// Standard Error: 289
			.saturating_add(Weight::from_parts(618_819, 0).saturating_mul(n.into()))
	}
	/// Storage: `Flox::Current` (r:1 w:0)
	/// Proof: `Flox::Current` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Counts` (r:1 w:1)
	/// Proof: `Flox::Counts` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Flox::CallerEdges` (r:12288 w:12288)
	/// Proof: `Flox::CallerEdges` (`max_values`: None, `max_size`: Some(12350), added: 14825, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:12288 w:0)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 12288]`.
	fn fold(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `105608 + n * (88 ±0)`
		//  Estimated: `3497 + n * (14825 ±0)`
		// Minimum execution time: 2_034_000 picoseconds.
		Weight::from_parts(2_104_000, 3497)
			// Standard Error: 92_184
			.saturating_add(Weight::from_parts(15_611_567, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 14825).saturating_mul(n.into()))
	}
	/// Storage: `Flox::Current` (r:1 w:0)
	/// Proof: `Flox::Current` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Counts` (r:1 w:1)
	/// Proof: `Flox::Counts` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Flox::CallerEdges` (r:1 w:1)
	/// Proof: `Flox::CallerEdges` (`max_values`: None, `max_size`: Some(12350), added: 14825, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:0)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// The range of component `e` is `[0, 255]`.
	fn fold_list(e: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `406 + e * (48 ±0)`
		//  Estimated: `15815`
		// Minimum execution time: 17_131_000 picoseconds.
		Weight::from_parts(26_434_232, 15815)
			// Standard Error: 1_189
			.saturating_add(Weight::from_parts(110_130, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Flox::Current` (r:1 w:0)
	/// Proof: `Flox::Current` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	fn epoch_check() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `117`
		//  Estimated: `1589`
		// Minimum execution time: 5_219_000 picoseconds.
		Weight::from_parts(6_317_000, 1589)
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
		//  Measured:  `534`
		//  Estimated: `3497`
		// Minimum execution time: 16_225_000 picoseconds.
		Weight::from_parts(19_395_000, 3497)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Flox::Input` (r:1 w:1)
	/// Proof: `Flox::Input` (`max_values`: Some(1), `max_size`: Some(5600012), added: 5600507, mode: `MaxEncodedLen`)
	/// Storage: `Flox::CallerEdges` (r:1001 w:0)
	/// Proof: `Flox::CallerEdges` (`max_values`: None, `max_size`: Some(12350), added: 14825, mode: `MaxEncodedLen`)
	/// Storage: `Flox::TargetIndex` (r:1000 w:1000)
	/// Proof: `Flox::TargetIndex` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Ongoing` (r:0 w:1)
	/// Proof: `Flox::Ongoing` (`max_values`: Some(1), `max_size`: Some(167), added: 662, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Targets` (r:0 w:1000)
	/// Proof: `Flox::Targets` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Callers` (r:0 w:1000)
	/// Proof: `Flox::Callers` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 1000]`.
	fn collect(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2400009 + n * (80 ±0)`
		//  Estimated: `5601497 + n * (14825 ±0)`
		// Minimum execution time: 3_550_340_000 picoseconds.
		Weight::from_parts(4_672_187_662, 5601497)
			// Standard Error: 164_191
			.saturating_add(Weight::from_parts(16_956_146, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 14825).saturating_mul(n.into()))
	}
	/// Storage: `Flox::Input` (r:1 w:1)
	/// Proof: `Flox::Input` (`max_values`: Some(1), `max_size`: Some(5600012), added: 5600507, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Targets` (r:1000 w:0)
	/// Proof: `Flox::Targets` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:1000 w:0)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Flox::TierWeights` (r:1000 w:0)
	/// Proof: `Flox::TierWeights` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Ongoing` (r:0 w:1)
	/// Proof: `Flox::Ongoing` (`max_values`: Some(1), `max_size`: Some(167), added: 662, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 1000]`.
	fn collect_boosts(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2400183 + n * (211 ±0)`
		//  Estimated: `5601497 + n * (3340 ±0)`
		// Minimum execution time: 3_321_036_000 picoseconds.
		Weight::from_parts(3_429_755_889, 5601497)
			// Standard Error: 207_640
			.saturating_add(Weight::from_parts(19_163_523, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3340).saturating_mul(n.into()))
	}
	/// Storage: `Flox::Input` (r:1 w:0)
	/// Proof: `Flox::Input` (`max_values`: Some(1), `max_size`: Some(5600012), added: 5600507, mode: `MaxEncodedLen`)
	/// Storage: `Flox::GraphState` (r:0 w:1)
	/// Proof: `Flox::GraphState` (`max_values`: Some(1), `max_size`: Some(6400132), added: 6400627, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Ongoing` (r:0 w:1)
	/// Proof: `Flox::Ongoing` (`max_values`: Some(1), `max_size`: Some(167), added: 662, mode: `MaxEncodedLen`)
	/// Storage: `Flox::RankerState` (r:0 w:1)
	/// Proof: `Flox::RankerState` (`max_values`: Some(1), `max_size`: Some(4800260), added: 4800755, mode: `MaxEncodedLen`)
	/// The range of component `e` is `[1, 100000]`.
	/// The range of component `a` is `[1, 100000]`.
	fn build(e: u32, a: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `4 + a * (32 ±0) + e * (24 ±0)`
		//  Estimated: `5601497`
		// Minimum execution time: 3_132_262_000 picoseconds.
		Weight::from_parts(3_196_634_000, 5601497)
			// Standard Error: 2_237
			.saturating_add(Weight::from_parts(101_406, 0).saturating_mul(e.into()))
			// Standard Error: 2_237
			.saturating_add(Weight::from_parts(109_209, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Flox::GraphState` (r:1 w:0)
	/// Proof: `Flox::GraphState` (`max_values`: Some(1), `max_size`: Some(6400132), added: 6400627, mode: `MaxEncodedLen`)
	/// Storage: `Flox::RankerState` (r:1 w:1)
	/// Proof: `Flox::RankerState` (`max_values`: Some(1), `max_size`: Some(4800260), added: 4800755, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Ongoing` (r:0 w:1)
	/// Proof: `Flox::Ongoing` (`max_values`: Some(1), `max_size`: Some(167), added: 662, mode: `MaxEncodedLen`)
	/// The range of component `e` is `[1000, 100000]`.
	/// The range of component `w` is `[0, 100000]`.
	fn rank_step(e: u32, w: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `159 + e * (96 ±0)`
		//  Estimated: `6401617`
		// Minimum execution time: 2_291_099_000 picoseconds.
		Weight::from_parts(2_327_361_000, 6401617)
			// Standard Error: 1_443
			.saturating_add(Weight::from_parts(174_529, 0).saturating_mul(e.into()))
			// Standard Error: 1_444
			.saturating_add(Weight::from_parts(1_576, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Flox::Results` (r:1 w:0)
	/// Proof: `Flox::Results` (`max_values`: Some(1), `max_size`: Some(1600008), added: 1600503, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Credited` (r:1 w:1)
	/// Proof: `Flox::Credited` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Targets` (r:1000 w:0)
	/// Proof: `Flox::Targets` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Ranks` (r:1000 w:1000)
	/// Proof: `Flox::Ranks` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Points` (r:1000 w:1000)
	/// Proof: `Flox::Points` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Ongoing` (r:0 w:1)
	/// Proof: `Flox::Ongoing` (`max_values`: Some(1), `max_size`: Some(167), added: 662, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 1000]`.
	fn write(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `800526 + n * (56 ±0)`
		//  Estimated: `1601493 + n * (2543 ±0)`
		// Minimum execution time: 505_632_000 picoseconds.
		Weight::from_parts(597_362_851, 1601493)
			// Standard Error: 65_688
			.saturating_add(Weight::from_parts(11_705_300, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	/// Storage: `Flox::Callers` (r:1000 w:1000)
	/// Proof: `Flox::Callers` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Input` (r:0 w:1)
	/// Proof: `Flox::Input` (`max_values`: Some(1), `max_size`: Some(5600012), added: 5600507, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Counts` (r:0 w:1)
	/// Proof: `Flox::Counts` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Flox::Ongoing` (r:0 w:1)
	/// Proof: `Flox::Ongoing` (`max_values`: Some(1), `max_size`: Some(167), added: 662, mode: `MaxEncodedLen`)
	/// Storage: `Flox::CallerEdges` (r:0 w:1000)
	/// Proof: `Flox::CallerEdges` (`max_values`: None, `max_size`: Some(12350), added: 14825, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 1000]`.
	fn clean(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `31 + n * (48 ±0)`
		//  Estimated: `990 + n * (2531 ±0)`
		// Minimum execution time: 5_072_000 picoseconds.
		Weight::from_parts(5_203_000, 990)
			// Standard Error: 21_344
			.saturating_add(Weight::from_parts(6_850_267, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2531).saturating_mul(n.into()))
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
		// Minimum execution time: 13_407_000 picoseconds.
		Weight::from_parts(15_514_000, 1870)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Flox::TierWeights` (r:1 w:1)
	/// Proof: `Flox::TierWeights` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn set_tier() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `3529`
		// Minimum execution time: 7_656_000 picoseconds.
		Weight::from_parts(8_723_000, 3529)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

// For tests and for runtimes that take these numbers with ParityDB's costs.
impl WeightInfo for () {
	fn record(n: u32, ) -> Weight {
		Weight::from_parts(2_623_000, 0)
			.saturating_add(Weight::from_parts(618_819, 0).saturating_mul(n.into()))
	}
	fn fold(n: u32, ) -> Weight {
		Weight::from_parts(2_104_000, 3497)
			.saturating_add(Weight::from_parts(15_611_567, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 14825).saturating_mul(n.into()))
	}
	fn fold_list(e: u32, ) -> Weight {
		Weight::from_parts(26_434_232, 15815)
			.saturating_add(Weight::from_parts(110_130, 0).saturating_mul(e.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn epoch_check() -> Weight {
		Weight::from_parts(6_317_000, 1589)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
	}
	fn epoch_rollover() -> Weight {
		Weight::from_parts(19_395_000, 3497)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn collect(n: u32, ) -> Weight {
		Weight::from_parts(4_672_187_662, 5601497)
			.saturating_add(Weight::from_parts(16_956_146, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 14825).saturating_mul(n.into()))
	}
	fn collect_boosts(n: u32, ) -> Weight {
		Weight::from_parts(3_429_755_889, 5601497)
			.saturating_add(Weight::from_parts(19_163_523, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3340).saturating_mul(n.into()))
	}
	fn build(e: u32, a: u32, ) -> Weight {
		Weight::from_parts(3_196_634_000, 5601497)
			.saturating_add(Weight::from_parts(101_406, 0).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(109_209, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn rank_step(e: u32, w: u32, ) -> Weight {
		Weight::from_parts(2_327_361_000, 6401617)
			.saturating_add(Weight::from_parts(174_529, 0).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(1_576, 0).saturating_mul(w.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn write(n: u32, ) -> Weight {
		Weight::from_parts(597_362_851, 1601493)
			.saturating_add(Weight::from_parts(11_705_300, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	fn clean(n: u32, ) -> Weight {
		Weight::from_parts(5_203_000, 990)
			.saturating_add(Weight::from_parts(6_850_267, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2531).saturating_mul(n.into()))
	}
	fn set_params() -> Weight {
		Weight::from_parts(15_514_000, 1870)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn set_tier() -> Weight {
		Weight::from_parts(8_723_000, 3529)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
