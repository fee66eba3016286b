
//! Weights for `pallet_power_market`, measured by the benchmark CLI (do not edit by hand).
//!
//! Generated with `scripts/benchmark.sh` (frame-benchmarking-cli 64.0.0) on 2026-11-22.
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
// pallet_power_market
// --extrinsic
// *
// --steps
// 20
// --repeat
// 10
// --template
// scripts/frame-weight-template.hbs
// --output
// pallets/power-market/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_power_market`.
pub trait WeightInfo {
	fn list() -> Weight;
	fn update_offer() -> Weight;
	fn cancel_offer() -> Weight;
	fn rent() -> Weight;
	fn rent_best(n: u32, ) -> Weight;
	fn expire_lease() -> Weight;
	fn set_params() -> Weight;
	fn process_expiries(b: u32, l: u32, ) -> Weight;
}

/// Weights for `pallet_power_market` in the Fluxomics runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `PowerMarket::Params` (r:1 w:0)
	/// Proof: `PowerMarket::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:1 w:0)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Power::Accounts` (r:1 w:0)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::RedirectsOut` (r:1 w:0)
	/// Proof: `Power::RedirectsOut` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Listed` (r:1 w:1)
	/// Proof: `PowerMarket::Listed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::CounterForOffers` (r:1 w:1)
	/// Proof: `PowerMarket::CounterForOffers` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::NextOfferId` (r:1 w:1)
	/// Proof: `PowerMarket::NextOfferId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::OrderBook` (r:1 w:1)
	/// Proof: `PowerMarket::OrderBook` (`max_values`: Some(1), `max_size`: Some(5122), added: 5617, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Offers` (r:1 w:1)
	/// Proof: `PowerMarket::Offers` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	fn list() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `9305`
		//  Estimated: `6607`
		// Minimum execution time: 101_390_000 picoseconds.
		Weight::from_parts(133_180_000, 6607)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `PowerMarket::Offers` (r:1 w:1)
	/// Proof: `PowerMarket::Offers` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Params` (r:1 w:0)
	/// Proof: `PowerMarket::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:1 w:0)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Power::Accounts` (r:1 w:0)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::RedirectsOut` (r:1 w:0)
	/// Proof: `Power::RedirectsOut` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Listed` (r:1 w:1)
	/// Proof: `PowerMarket::Listed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::OrderBook` (r:1 w:1)
	/// Proof: `PowerMarket::OrderBook` (`max_values`: Some(1), `max_size`: Some(5122), added: 5617, mode: `MaxEncodedLen`)
	fn update_offer() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `9477`
		//  Estimated: `6607`
		// Minimum execution time: 106_389_000 picoseconds.
		Weight::from_parts(132_579_000, 6607)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `PowerMarket::Offers` (r:1 w:1)
	/// Proof: `PowerMarket::Offers` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::OrderBook` (r:1 w:1)
	/// Proof: `PowerMarket::OrderBook` (`max_values`: Some(1), `max_size`: Some(5122), added: 5617, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::CounterForOffers` (r:1 w:1)
	/// Proof: `PowerMarket::CounterForOffers` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Listed` (r:1 w:1)
	/// Proof: `PowerMarket::Listed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn cancel_offer() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `7169`
		//  Estimated: `6607`
		// Minimum execution time: 65_824_000 picoseconds.
		Weight::from_parts(81_883_000, 6607)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `PowerMarket::Offers` (r:1 w:1)
	/// Proof: `PowerMarket::Offers` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Params` (r:1 w:0)
	/// Proof: `PowerMarket::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:3 w:3)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Listed` (r:1 w:1)
	/// Proof: `PowerMarket::Listed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Power::Accounts` (r:2 w:2)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::RedirectsOut` (r:1 w:1)
	/// Proof: `Power::RedirectsOut` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::RedirectsIn` (r:1 w:1)
	/// Proof: `Power::RedirectsIn` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::Params` (r:1 w:0)
	/// Proof: `Power::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Power::Checkpoints` (r:1 w:0)
	/// Proof: `Power::Checkpoints` (`max_values`: Some(1), `max_size`: Some(2305), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::NextLeaseId` (r:1 w:1)
	/// Proof: `PowerMarket::NextLeaseId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Expiries` (r:1 w:1)
	/// Proof: `PowerMarket::Expiries` (`max_values`: None, `max_size`: Some(274), added: 2749, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Leases` (r:1 w:1)
	/// Proof: `PowerMarket::Leases` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::CounterForLeases` (r:1 w:1)
	/// Proof: `PowerMarket::CounterForLeases` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::OrderBook` (r:1 w:1)
	/// Proof: `PowerMarket::OrderBook` (`max_values`: Some(1), `max_size`: Some(5122), added: 5617, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::PriceIndex` (r:1 w:1)
	/// Proof: `PowerMarket::PriceIndex` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn rent() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `11359`
		//  Estimated: `11010`
		// Minimum execution time: 211_416_000 picoseconds.
		Weight::from_parts(232_467_000, 11010)
			.saturating_add(T::DbWeight::get().reads(19_u64))
			.saturating_add(T::DbWeight::get().writes(16_u64))
	}
	/// Storage: `PowerMarket::Params` (r:1 w:0)
	/// Proof: `PowerMarket::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::OrderBook` (r:1 w:1)
	/// Proof: `PowerMarket::OrderBook` (`max_values`: Some(1), `max_size`: Some(5122), added: 5617, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Offers` (r:16 w:16)
	/// Proof: `PowerMarket::Offers` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:18 w:18)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Listed` (r:16 w:16)
	/// Proof: `PowerMarket::Listed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Power::Accounts` (r:17 w:17)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::RedirectsOut` (r:17 w:16)
	/// Proof: `Power::RedirectsOut` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::RedirectsIn` (r:1 w:1)
	/// Proof: `Power::RedirectsIn` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::Params` (r:1 w:0)
	/// Proof: `Power::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Power::Checkpoints` (r:1 w:0)
	/// Proof: `Power::Checkpoints` (`max_values`: Some(1), `max_size`: Some(2305), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::NextLeaseId` (r:1 w:1)
	/// Proof: `PowerMarket::NextLeaseId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Expiries` (r:1 w:1)
	/// Proof: `PowerMarket::Expiries` (`max_values`: None, `max_size`: Some(274), added: 2749, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Leases` (r:16 w:16)
	/// Proof: `PowerMarket::Leases` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::CounterForLeases` (r:1 w:1)
	/// Proof: `PowerMarket::CounterForLeases` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::PriceIndex` (r:1 w:1)
	/// Proof: `PowerMarket::PriceIndex` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 16]`.
	fn rent_best(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `11031 + n * (1120 ±0)`
		//  Estimated: `7670 + n * (3495 ±0)`
		// Minimum execution time: 210_355_000 picoseconds.
		Weight::from_parts(117_619_795, 7670)
			// Standard Error: 424_541
			.saturating_add(Weight::from_parts(124_477_586, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(14_u64))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(10_u64))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3495).saturating_mul(n.into()))
	}
	/// Storage: `PowerMarket::Leases` (r:1 w:1)
	/// Proof: `PowerMarket::Leases` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Expiries` (r:1 w:1)
	/// Proof: `PowerMarket::Expiries` (`max_values`: None, `max_size`: Some(274), added: 2749, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::CounterForLeases` (r:1 w:1)
	/// Proof: `PowerMarket::CounterForLeases` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Power::RedirectsOut` (r:2 w:1)
	/// Proof: `Power::RedirectsOut` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::RedirectsIn` (r:2 w:1)
	/// Proof: `Power::RedirectsIn` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::Accounts` (r:2 w:2)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::Params` (r:1 w:0)
	/// Proof: `Power::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Power::Checkpoints` (r:1 w:0)
	/// Proof: `Power::Checkpoints` (`max_values`: Some(1), `max_size`: Some(2305), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Offers` (r:1 w:1)
	/// Proof: `PowerMarket::Offers` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:1 w:0)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Listed` (r:1 w:1)
	/// Proof: `PowerMarket::Listed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::OrderBook` (r:1 w:1)
	/// Proof: `PowerMarket::OrderBook` (`max_values`: Some(1), `max_size`: Some(5122), added: 5617, mode: `MaxEncodedLen`)
	fn expire_lease() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `10741`
		//  Estimated: `7830`
		// Minimum execution time: 187_372_000 picoseconds.
		Weight::from_parts(218_870_000, 7830)
			.saturating_add(T::DbWeight::get().reads(15_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Storage: `PowerMarket::Params` (r:1 w:1)
	/// Proof: `PowerMarket::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	fn set_params() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `71`
		//  Estimated: `1525`
		// Minimum execution time: 13_505_000 picoseconds.
		Weight::from_parts(14_698_000, 1525)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `PowerMarket::ExpiryCursor` (r:1 w:1)
	/// Proof: `PowerMarket::ExpiryCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::CounterForLeases` (r:1 w:1)
	/// Proof: `PowerMarket::CounterForLeases` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Expiries` (r:2 w:2)
	/// Proof: `PowerMarket::Expiries` (`max_values`: None, `max_size`: Some(274), added: 2749, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Leases` (r:15 w:15)
	/// Proof: `PowerMarket::Leases` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Power::RedirectsOut` (r:16 w:15)
	/// Proof: `Power::RedirectsOut` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::RedirectsIn` (r:16 w:1)
	/// Proof: `Power::RedirectsIn` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::Accounts` (r:16 w:16)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::Params` (r:1 w:0)
	/// Proof: `Power::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Power::Checkpoints` (r:1 w:0)
	/// Proof: `Power::Checkpoints` (`max_values`: Some(1), `max_size`: Some(2305), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Offers` (r:15 w:15)
	/// Proof: `PowerMarket::Offers` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:15 w:0)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Listed` (r:15 w:15)
	/// Proof: `PowerMarket::Listed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::OrderBook` (r:1 w:1)
	/// Proof: `PowerMarket::OrderBook` (`max_values`: Some(1), `max_size`: Some(5122), added: 5617, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[1, 64]`.
	/// The range of component `l` is `[0, 32]`.
	fn process_expiries(b: u32, l: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2346 + l * (302 ±0)`
		//  Estimated: `14906 + b * (131 ±2) + l * (1191 ±5)`
		// Minimum execution time: 19_517_000 picoseconds.
		Weight::from_parts(202_836_164, 14906)
			// Standard Error: 375_744
			.saturating_add(Weight::from_parts(3_952_561, 0).saturating_mul(b.into()))
			// Standard Error: 735_629
			.saturating_add(Weight::from_parts(36_587_661, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(l.into())))
			.saturating_add(T::DbWeight::get().writes(15_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 131).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(0, 1191).saturating_mul(l.into()))
	}
}

// For tests and for runtimes that take these numbers with ParityDB's costs.
impl WeightInfo for () {
	fn list() -> Weight {
		Weight::from_parts(133_180_000, 6607)
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn update_offer() -> Weight {
		Weight::from_parts(132_579_000, 6607)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn cancel_offer() -> Weight {
		Weight::from_parts(81_883_000, 6607)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn rent() -> Weight {
		Weight::from_parts(232_467_000, 11010)
			.saturating_add(ParityDbWeight::get().reads(19_u64))
			.saturating_add(ParityDbWeight::get().writes(16_u64))
	}
	fn rent_best(n: u32, ) -> Weight {
		Weight::from_parts(117_619_795, 7670)
			.saturating_add(Weight::from_parts(124_477_586, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(14_u64))
			.saturating_add(ParityDbWeight::get().reads((6_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
			.saturating_add(ParityDbWeight::get().writes((6_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3495).saturating_mul(n.into()))
	}
	fn expire_lease() -> Weight {
		Weight::from_parts(218_870_000, 7830)
			.saturating_add(ParityDbWeight::get().reads(15_u64))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	fn set_params() -> Weight {
		Weight::from_parts(14_698_000, 1525)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn process_expiries(b: u32, l: u32, ) -> Weight {
		Weight::from_parts(202_836_164, 14906)
			.saturating_add(Weight::from_parts(3_952_561, 0).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(36_587_661, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(21_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(l.into())))
			.saturating_add(ParityDbWeight::get().writes(15_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 131).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(0, 1191).saturating_mul(l.into()))
	}
}
