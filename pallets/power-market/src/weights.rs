
//! Weights for `pallet_power_market`, measured by the benchmark CLI (do not edit by hand).
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
	/// Storage: `PowerMarket::Listed` (r:2 w:2)
	/// Proof: `PowerMarket::Listed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::OffersOf` (r:2 w:2)
	/// Proof: `PowerMarket::OffersOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::NextOfferId` (r:1 w:1)
	/// Proof: `PowerMarket::NextOfferId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::OrderBook` (r:1 w:1)
	/// Proof: `PowerMarket::OrderBook` (`max_values`: Some(1), `max_size`: Some(17410), added: 17905, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Offers` (r:2 w:2)
	/// Proof: `PowerMarket::Offers` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::CounterForOffers` (r:1 w:1)
	/// Proof: `PowerMarket::CounterForOffers` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn list() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `24030`
		//  Estimated: `18895`
		// Minimum execution time: 191_691_000 picoseconds.
		Weight::from_parts(219_696_000, 18895)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `PowerMarket::Offers` (r:1 w:1)
	/// Proof: `PowerMarket::Offers` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Params` (r:1 w:0)
	/// Proof: `PowerMarket::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:1 w:0)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `Power::Accounts` (r:1 w:0)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Listed` (r:1 w:1)
	/// Proof: `PowerMarket::Listed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::OrderBook` (r:1 w:1)
	/// Proof: `PowerMarket::OrderBook` (`max_values`: Some(1), `max_size`: Some(17410), added: 17905, mode: `MaxEncodedLen`)
	fn update_offer() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `21805`
		//  Estimated: `18895`
		// Minimum execution time: 129_662_000 picoseconds.
		Weight::from_parts(160_506_000, 18895)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `PowerMarket::Offers` (r:1 w:1)
	/// Proof: `PowerMarket::Offers` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::OrderBook` (r:1 w:1)
	/// Proof: `PowerMarket::OrderBook` (`max_values`: Some(1), `max_size`: Some(17410), added: 17905, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::CounterForOffers` (r:1 w:1)
	/// Proof: `PowerMarket::CounterForOffers` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::OffersOf` (r:1 w:1)
	/// Proof: `PowerMarket::OffersOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Listed` (r:1 w:1)
	/// Proof: `PowerMarket::Listed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn cancel_offer() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `20410`
		//  Estimated: `18895`
		// Minimum execution time: 109_822_000 picoseconds.
		Weight::from_parts(136_956_000, 18895)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `PowerMarket::Offers` (r:1 w:1)
	/// Proof: `PowerMarket::Offers` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Params` (r:1 w:0)
	/// Proof: `PowerMarket::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Power::Params` (r:1 w:0)
	/// Proof: `Power::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `PowerMetering::ExchangeRate` (r:1 w:0)
	/// Proof: `PowerMetering::ExchangeRate` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:2 w:2)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Listed` (r:1 w:1)
	/// Proof: `PowerMarket::Listed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Power::Accounts` (r:2 w:2)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::LeasesOut` (r:2 w:1)
	/// Proof: `Power::LeasesOut` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::LeasesIn` (r:2 w:1)
	/// Proof: `Power::LeasesIn` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
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
	/// Proof: `PowerMarket::OrderBook` (`max_values`: Some(1), `max_size`: Some(17410), added: 17905, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::PriceIndex` (r:1 w:1)
	/// Proof: `PowerMarket::PriceIndex` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	fn rent() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `27920`
		//  Estimated: `18895`
		// Minimum execution time: 289_303_000 picoseconds.
		Weight::from_parts(344_354_000, 18895)
			.saturating_add(T::DbWeight::get().reads(20_u64))
			.saturating_add(T::DbWeight::get().writes(14_u64))
	}
	/// Storage: `PowerMarket::Params` (r:1 w:0)
	/// Proof: `PowerMarket::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Power::Params` (r:1 w:0)
	/// Proof: `Power::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `PowerMetering::ExchangeRate` (r:1 w:0)
	/// Proof: `PowerMetering::ExchangeRate` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::OrderBook` (r:1 w:1)
	/// Proof: `PowerMarket::OrderBook` (`max_values`: Some(1), `max_size`: Some(17410), added: 17905, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Offers` (r:16 w:16)
	/// Proof: `PowerMarket::Offers` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:18 w:18)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Listed` (r:16 w:16)
	/// Proof: `PowerMarket::Listed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Power::Accounts` (r:17 w:17)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::LeasesOut` (r:17 w:16)
	/// Proof: `Power::LeasesOut` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::LeasesIn` (r:17 w:1)
	/// Proof: `Power::LeasesIn` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
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
	/// Proof: `PowerMarket::PriceIndex` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 16]`.
	fn rent_best(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `24673 + n * (3743 ±0)`
		//  Estimated: `18895 + n * (3420 ±0)`
		// Minimum execution time: 361_674_000 picoseconds.
		Weight::from_parts(258_508_950, 18895)
			// Standard Error: 1_569_465
			.saturating_add(Weight::from_parts(165_140_348, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(15_u64))
			.saturating_add(T::DbWeight::get().reads((7_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(10_u64))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3420).saturating_mul(n.into()))
	}
	/// Storage: `PowerMarket::Leases` (r:1 w:1)
	/// Proof: `PowerMarket::Leases` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Expiries` (r:1 w:1)
	/// Proof: `PowerMarket::Expiries` (`max_values`: None, `max_size`: Some(274), added: 2749, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::CounterForLeases` (r:1 w:1)
	/// Proof: `PowerMarket::CounterForLeases` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Power::LeasesOut` (r:2 w:1)
	/// Proof: `Power::LeasesOut` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::LeasesIn` (r:2 w:1)
	/// Proof: `Power::LeasesIn` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::Accounts` (r:2 w:2)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::Params` (r:1 w:0)
	/// Proof: `Power::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Power::Checkpoints` (r:1 w:0)
	/// Proof: `Power::Checkpoints` (`max_values`: Some(1), `max_size`: Some(2305), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Offers` (r:1 w:1)
	/// Proof: `PowerMarket::Offers` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:1 w:0)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Listed` (r:1 w:1)
	/// Proof: `PowerMarket::Listed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::OrderBook` (r:1 w:1)
	/// Proof: `PowerMarket::OrderBook` (`max_values`: Some(1), `max_size`: Some(17410), added: 17905, mode: `MaxEncodedLen`)
	fn expire_lease() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `27630`
		//  Estimated: `18895`
		// Minimum execution time: 269_699_000 picoseconds.
		Weight::from_parts(348_155_000, 18895)
			.saturating_add(T::DbWeight::get().reads(15_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Storage: `PowerMarket::Params` (r:1 w:1)
	/// Proof: `PowerMarket::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	fn set_params() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `71`
		//  Estimated: `1525`
		// Minimum execution time: 9_855_000 picoseconds.
		Weight::from_parts(17_475_000, 1525)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `PowerMarket::CounterForLeases` (r:1 w:1)
	/// Proof: `PowerMarket::CounterForLeases` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::ExpiryCursor` (r:1 w:1)
	/// Proof: `PowerMarket::ExpiryCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Expiries` (r:2 w:2)
	/// Proof: `PowerMarket::Expiries` (`max_values`: None, `max_size`: Some(274), added: 2749, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Leases` (r:32 w:32)
	/// Proof: `PowerMarket::Leases` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Power::LeasesOut` (r:64 w:32)
	/// Proof: `Power::LeasesOut` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::LeasesIn` (r:64 w:32)
	/// Proof: `Power::LeasesIn` (`max_values`: None, `max_size`: Some(945), added: 3420, mode: `MaxEncodedLen`)
	/// Storage: `Power::Accounts` (r:64 w:64)
	/// Proof: `Power::Accounts` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Power::Params` (r:1 w:0)
	/// Proof: `Power::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Power::Checkpoints` (r:1 w:0)
	/// Proof: `Power::Checkpoints` (`max_values`: Some(1), `max_size`: Some(2305), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Offers` (r:32 w:32)
	/// Proof: `PowerMarket::Offers` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Flux::Accounts` (r:32 w:0)
	/// Proof: `Flux::Accounts` (`max_values`: None, `max_size`: Some(865), added: 3340, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::Listed` (r:32 w:32)
	/// Proof: `PowerMarket::Listed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `PowerMarket::OrderBook` (r:1 w:1)
	/// Proof: `PowerMarket::OrderBook` (`max_values`: Some(1), `max_size`: Some(17410), added: 17905, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[1, 64]`.
	/// The range of component `l` is `[0, 32]`.
	fn process_expiries(b: u32, l: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `717 + l * (6079 ±0)`
		//  Estimated: `18895 + b * (9 ±3) + l * (6840 ±0)`
		// Minimum execution time: 20_279_000 picoseconds.
		Weight::from_parts(22_037_000, 18895)
			// Standard Error: 407_279
			.saturating_add(Weight::from_parts(799_041, 0).saturating_mul(b.into()))
			// Standard Error: 818_534
			.saturating_add(Weight::from_parts(170_411_550, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((10_u64).saturating_mul(l.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((7_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 9).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(0, 6840).saturating_mul(l.into()))
	}
}

// For tests and for runtimes that take these numbers with ParityDB's costs.
impl WeightInfo for () {
	fn list() -> Weight {
		Weight::from_parts(219_696_000, 18895)
			.saturating_add(ParityDbWeight::get().reads(12_u64))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
	}
	fn update_offer() -> Weight {
		Weight::from_parts(160_506_000, 18895)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn cancel_offer() -> Weight {
		Weight::from_parts(136_956_000, 18895)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn rent() -> Weight {
		Weight::from_parts(344_354_000, 18895)
			.saturating_add(ParityDbWeight::get().reads(20_u64))
			.saturating_add(ParityDbWeight::get().writes(14_u64))
	}
	fn rent_best(n: u32, ) -> Weight {
		Weight::from_parts(258_508_950, 18895)
			.saturating_add(Weight::from_parts(165_140_348, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(15_u64))
			.saturating_add(ParityDbWeight::get().reads((7_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
			.saturating_add(ParityDbWeight::get().writes((6_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3420).saturating_mul(n.into()))
	}
	fn expire_lease() -> Weight {
		Weight::from_parts(348_155_000, 18895)
			.saturating_add(ParityDbWeight::get().reads(15_u64))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	fn set_params() -> Weight {
		Weight::from_parts(17_475_000, 1525)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn process_expiries(b: u32, l: u32, ) -> Weight {
		Weight::from_parts(22_037_000, 18895)
			.saturating_add(Weight::from_parts(799_041, 0).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(170_411_550, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((10_u64).saturating_mul(l.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((7_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 9).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(0, 6840).saturating_mul(l.into()))
	}
}
