//! The runtime's benchmark registry: which pallets `fluxomics-node benchmark pallet` can measure.

use alloc::{string::String, vec::Vec};
use frame_benchmarking::{BenchmarkBatch, BenchmarkConfig, BenchmarkList};
use frame_support::traits::{StorageInfo, StorageInfoTrait, WhitelistedStorageKeys};

use crate::*;

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_flux, Flux]
	[pallet_power, Power]
	[pallet_power_metering, PowerMetering]
	[pallet_power_market, PowerMarket]
	[pallet_pocw, Pocw]
	[pallet_flox, Flox]
);

use frame_benchmarking::baseline::Pallet as BaselineBench;
use frame_system_benchmarking::Pallet as SystemBench;

impl frame_system_benchmarking::Config for Runtime {}
impl frame_benchmarking::baseline::Config for Runtime {}

/// The benchmarks this runtime has, and the storage they touch.
pub fn metadata(extra: bool) -> (Vec<BenchmarkList>, Vec<StorageInfo>) {
	let mut list = Vec::<BenchmarkList>::new();
	list_benchmarks!(list, extra);
	let storage_info = AllPalletsWithSystem::storage_info();
	(list, storage_info)
}

/// Runs the benchmarks that `config` selects.
pub fn dispatch(config: BenchmarkConfig) -> Result<Vec<BenchmarkBatch>, String> {
	let mut whitelist = AllPalletsWithSystem::whitelisted_storage_keys();
	// The timestamp inherent writes `Timestamp::Now` at the start of every block: for every
	// extrinsic after it, reading the time is a cache hit.
	whitelist.push(pallet_timestamp::Now::<Runtime>::hashed_key().to_vec().into());
	let mut batches = Vec::<BenchmarkBatch>::new();
	let params = (&config, &whitelist);
	add_benchmarks!(params, batches);
	Ok(batches)
}
