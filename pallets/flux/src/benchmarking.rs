//! Benchmarks of the Flux pallet's calls (frame-benchmarking v2).
//!
//! Every call touches one account's ledger and the totals, whatever the number of accounts:
//! `stake_among_stakers` measures `stake` with up to 10 000 other stakers to show it. The state
//! always holds 10 000 other accounts with Flux (and a Power record), of which `s` stake: the
//! state trie has the same size at every `s`, so what is measured is the cost of other stakers,
//! not of a deeper trie.

use super::*;
use crate::pallet::{Accounts, Params};
use fluxomics_primitives::{Balance, FluxLedger, StakeObserver, UNIT};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, EnsureOrigin, Get};
use frame_system::RawOrigin;

const SEED: u32 = 0;

/// A caller with plenty of HETU.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	let _ = T::Currency::set_balance(&who, 1_000_000 * UNIT);
	who
}

/// A caller with `free` free Flux and `staked` staked Flux.
fn with_flux<T: Config>(who: &T::AccountId, free: Balance, staked: Balance) {
	let _ = Pallet::<T>::mint(who, free.saturating_add(staked));
	if staked > 0 {
		let _ = Pallet::<T>::do_stake(who, staked);
	}
}

/// Fills `who`'s unbonding chunks to one short of the maximum, all already thawed (time 0).
fn fill_chunks<T: Config>(who: &T::AccountId) {
	let max = T::MaxUnbondingChunks::get().saturating_sub(1);
	Accounts::<T>::mutate(who, |maybe| {
		if let Some(a) = maybe {
			for _ in 0..max {
				let _ = a.unbonding.try_push(UnbondingChunk { amount: UNIT, thaw_at: 0 });
			}
		}
	});
	crate::pallet::TotalIssuance::<T>::mutate(|t| *t += Balance::from(max) * UNIT);
	crate::pallet::TotalMinted::<T>::mutate(|t| *t += Balance::from(max) * UNIT);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn convert() {
		let caller = funded::<T>("caller", 0);
		let hetu = 100 * UNIT;
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), hetu);
		assert!(Pallet::<T>::account(&caller).free > 0);
	}

	#[benchmark]
	fn stake() {
		let caller = funded::<T>("caller", 0);
		with_flux::<T>(&caller, 100 * UNIT, 10 * UNIT);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), 10 * UNIT);
		assert_eq!(Pallet::<T>::account(&caller).staked, 20 * UNIT);
	}

	/// `stake` with `s` other stakers among 10 000 other accounts: its cost must not grow with `s`.
	#[benchmark]
	fn stake_among_stakers(s: Linear<1, 10_000>) {
		for i in 0..10_000 {
			let other: T::AccountId = account("staker", i, SEED);
			if i < s {
				with_flux::<T>(&other, 0, 10 * UNIT);
			} else {
				with_flux::<T>(&other, 10 * UNIT, 0);
				let _ = T::StakeObserver::before_stake_change(&other, 0);
			}
		}
		let caller = funded::<T>("caller", 0);
		with_flux::<T>(&caller, 100 * UNIT, 10 * UNIT);
		#[block]
		{
			let _ = Pallet::<T>::stake(RawOrigin::Signed(caller.clone()).into(), 10 * UNIT);
		}
		assert_eq!(Pallet::<T>::account(&caller).staked, 20 * UNIT);
	}

	/// Worst case: the chunk list is one short of full, so the new chunk is pushed.
	#[benchmark]
	fn unstake() {
		let caller = funded::<T>("caller", 0);
		with_flux::<T>(&caller, 0, 100 * UNIT);
		fill_chunks::<T>(&caller);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), 10 * UNIT);
		assert_eq!(Pallet::<T>::account(&caller).staked, 90 * UNIT);
	}

	/// Worst case: rebonding empties every chunk.
	#[benchmark]
	fn rebond() {
		let caller = funded::<T>("caller", 0);
		with_flux::<T>(&caller, 0, 100 * UNIT);
		fill_chunks::<T>(&caller);
		let all = Pallet::<T>::account(&caller).unbonding_total();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), all);
		assert!(Pallet::<T>::account(&caller).unbonding.is_empty());
	}

	/// Worst case: every chunk has thawed.
	#[benchmark]
	fn withdraw_unbonded() {
		let caller = funded::<T>("caller", 0);
		with_flux::<T>(&caller, 0, 100 * UNIT);
		fill_chunks::<T>(&caller);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()));
		assert!(Pallet::<T>::account(&caller).free > 0);
	}

	#[benchmark]
	fn set_params() -> Result<(), BenchmarkError> {
		let origin =
			T::UpdateOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let mut params = Params::<T>::get();
		params.min_stake = 2 * UNIT;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, params);
		assert_eq!(Params::<T>::get().min_stake, 2 * UNIT);
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::tests::mock::new_bench_ext(),
		crate::tests::mock::Test
	);
}
