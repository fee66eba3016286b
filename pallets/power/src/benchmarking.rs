//! Benchmarks of the Power pallet's calls (frame-benchmarking v2), in their worst cases: the
//! most delegations already made, and the most leases to walk when accruing.

use super::*;
use crate::pallet::{Checkpoints, Delegations, LeasesIn, LeasesOut, Params, Sponsors};
use fluxomics_primitives::{Balance, PowerLedger, StakeInfo, UNIT};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get, Time},
	BoundedVec,
};
use frame_system::RawOrigin;

const SEED: u32 = 0;

fn staker<T: Config>(name: &'static str, index: u32, stake: Balance) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	T::Stake::stake_for_benchmark(&who, stake);
	who
}

/// Gives `who` the most delegations but one, and `leases` leases out and in, each ending at its
/// own time in the future (so accrual walks every end point).
fn worst_case<T: Config>(who: &T::AccountId, leases: u32) {
	for i in 0..T::MaxDelegations::get().saturating_sub(1) {
		let to: T::AccountId = account("delegate", i, SEED);
		let _ = Pallet::<T>::do_delegate(who, &to, UNIT, 0);
	}
	lease_walk::<T>(who, 0, leases);
}

/// Gives `who` `leases` leases out and in with accounts of their own (`tag` keeps the accounts
/// of different calls apart), each ending at its own time in the future.
fn lease_walk<T: Config>(who: &T::AccountId, tag: u32, leases: u32) {
	let now = T::Time::now();
	for i in 0..leases {
		let index = tag.saturating_mul(1_000).saturating_add(i);
		let other = staker::<T>("lender", index, 10 * UNIT);
		let until = now.saturating_add(1_000).saturating_add(u64::from(i));
		let renter: T::AccountId = account("renter", index, SEED);
		let _ = Pallet::<T>::start_lease(who, &renter, UNIT, until);
		let _ = Pallet::<T>::start_lease(&other, who, UNIT, until.saturating_add(1));
	}
}

/// `k` distinct accounts that do not exist.
fn fresh_keys<T: Config>(k: u32) -> BoundedVec<T::AccountId, T::MaxSponsorBatch> {
	let keys: alloc::vec::Vec<T::AccountId> = (0..k).map(|i| account("key", i, SEED)).collect();
	BoundedVec::try_from(keys).unwrap_or_default()
}

/// The receiver of a delegation with the most leases to walk: it accrues too.
fn busy_receiver<T: Config>() -> T::AccountId {
	let to = staker::<T>("to", 0, 1_000 * UNIT);
	lease_walk::<T>(&to, 1, T::MaxLeases::get());
	assert_eq!(LeasesIn::<T>::get(&to).len() as u32, T::MaxLeases::get());
	to
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn delegate() {
		let caller = staker::<T>("caller", 0, 1_000 * UNIT);
		worst_case::<T>(&caller, T::MaxLeases::get());
		let to = busy_receiver::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), to.clone(), 10 * UNIT, 0);
		assert_eq!(Delegations::<T>::get(&caller).len() as u32, T::MaxDelegations::get());
	}

	#[benchmark]
	fn undelegate() {
		let caller = staker::<T>("caller", 0, 1_000 * UNIT);
		worst_case::<T>(&caller, T::MaxLeases::get());
		let to = busy_receiver::<T>();
		let _ = Pallet::<T>::do_delegate(&caller, &to, 10 * UNIT, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), to.clone());
		assert!(Delegations::<T>::get(&caller).iter().all(|d| d.to != to));
	}

	/// Worst case: the α history is full.
	#[benchmark]
	fn set_params() -> Result<(), BenchmarkError> {
		let origin =
			T::UpdateOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		// A full history: decoding and re-encoding it is the cost that grows.
		Pallet::<T>::start_generation(0);
		Checkpoints::<T>::mutate(|c| {
			let mut at = 0;
			while let Some(mut next) = c.last().copied() {
				if c.is_full() {
					break;
				}
				at += 1;
				next.at = at;
				let _ = c.try_push(next);
			}
		});
		let mut params = Params::<T>::get();
		params.cap_period = params.cap_period.saturating_add(1).min(T::MaxCapPeriod::get());
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, params);
		assert_eq!(Params::<T>::get(), params);
		Ok(())
	}

	/// Worst case: `k` keys that do not exist yet (each is made to exist: the extra write a key
	/// with leases does not cost; its lease walk is added by `sponsor_weight`), from a sponsor
	/// with the most leases to walk and keys sponsored already.
	#[benchmark]
	fn sponsor(k: Linear<1, { T::MaxSponsorBatch::get() }>) {
		let caller = staker::<T>("caller", 0, 1_000_000 * UNIT);
		lease_walk::<T>(&caller, 0, T::MaxLeases::get());
		let earlier: T::AccountId = account("earlier", 0, SEED);
		let _ = Pallet::<T>::do_sponsor(&caller, &[earlier], UNIT);
		let keys = fresh_keys::<T>(k);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), keys.clone(), UNIT);
		assert_eq!(Sponsors::<T>::get(&caller).map(|s| s.keys), Some(k + 1));
		assert!(keys.iter().all(|key| frame_system::Pallet::<T>::account_exists(key)));
	}

	/// Worst case: `k` keys that hold nothing else, each removed with its account, from a
	/// sponsor with the most leases to walk that keeps another key.
	#[benchmark]
	fn revoke(k: Linear<1, { T::MaxSponsorBatch::get() }>) {
		let caller = staker::<T>("caller", 0, 1_000_000 * UNIT);
		lease_walk::<T>(&caller, 0, T::MaxLeases::get());
		let earlier: T::AccountId = account("earlier", 0, SEED);
		let _ = Pallet::<T>::do_sponsor(&caller, &[earlier], UNIT);
		let keys = fresh_keys::<T>(k);
		let _ = Pallet::<T>::do_sponsor(&caller, &keys, UNIT);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), keys.clone());
		assert_eq!(Sponsors::<T>::get(&caller).map(|s| s.keys), Some(1));
		assert!(keys.iter().all(|key| !frame_system::Pallet::<T>::account_exists(key)));
	}

	/// Accrual of an account with `r` leases given and `r` received, as every stake change
	/// does.
	#[benchmark]
	fn accrue(r: Linear<0, { T::MaxLeases::get() }>) {
		let caller = staker::<T>("caller", 0, 1_000 * UNIT);
		worst_case::<T>(&caller, r);
		assert_eq!(LeasesOut::<T>::get(&caller).len() as u32, r);
		assert_eq!(LeasesIn::<T>::get(&caller).len() as u32, r);
		#[block]
		{
			Pallet::<T>::accrue(&caller);
		}
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::tests::mock::new_bench_ext(),
		crate::tests::mock::Test
	);
}
