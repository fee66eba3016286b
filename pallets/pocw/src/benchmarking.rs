//! Benchmarks (frame-benchmarking v2) of PoCW in its worst cases: full expiry buckets, tasks
//! at the largest quorum, settlements rewarding or slashing to every verifier, a usage paid
//! partly in Power and partly in Flux, and the hook scanning `b` buckets and expiring `t` tasks
//! that each carry the most pending attestations.

use super::*;
use crate::expiry::TaskExpiry;
use alloc::vec::Vec;
use fluxomics_primitives::{FluxLedger, Moment, TaskClass, UNIT};
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get, Time};
use frame_system::RawOrigin;
use sp_core::H256;

const SEED: u32 = 0;

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	let _ = T::Flux::mint(&who, 1_000_000 * UNIT);
	who
}

/// `n` registered verifiers.
fn verifiers<T: Config>(n: u32) -> Vec<T::AccountId> {
	let bond = Params::<T>::get().min_verifier_bond;
	(0..n)
		.map(|i| {
			let v = funded::<T>("verifier", i);
			let _ = Pallet::<T>::do_register_verifier(&v, bond);
			v
		})
		.collect()
}

/// The usage of a submitted result: a little of everything.
fn usage() -> Usage {
	Usage { steps: 10_000, model_calls: 10, onchain_txs: 2 }
}

/// Fills the bucket of `deadline` one short of full with ids of no task.
fn fill_bucket<T: Config>(deadline: Moment) {
	Expiries::<T>::mutate(TaskExpiry::<T>::bucket(deadline), |ids| {
		for i in 0..T::MaxExpiriesPerBucket::get().saturating_sub(1) {
			let _ = ids.try_push(u64::MAX - u64::from(i));
		}
	});
}

/// A deadline as far as allowed.
fn deadline<T: Config>() -> Moment {
	T::Time::now().saturating_add(Params::<T>::get().max_deadline)
}

/// A task posted by a requester of its own and claimed by `worker` (index `w`), with quorum
/// `MaxAttestations` and `deadline`; submitted if `submit`.
fn claimed_task<T: Config>(w: u32, deadline: Moment, submit: bool) -> (T::AccountId, TaskId) {
	let requester = funded::<T>("requester", w);
	let worker = funded::<T>("worker", w);
	let id = NextTaskId::<T>::get();
	let _ = Pallet::<T>::do_post_task(
		&requester,
		H256::repeat_byte(1),
		1_000_000,
		TaskClass::Heavy,
		T::MaxAttestations::get(),
		deadline,
	);
	let _ = Pallet::<T>::do_claim_task(&worker, id, Params::<T>::get().min_collateral);
	if submit {
		let _ = Pallet::<T>::do_submit_result(&worker, id, H256::repeat_byte(2), usage());
	}
	(worker, id)
}

/// `verifiers` attest task `id` with `valid`.
fn attest_all<T: Config>(verifiers: &[T::AccountId], id: TaskId, valid: bool) {
	for v in verifiers {
		let _ = Pallet::<T>::do_attest(v, id, valid, 1_000);
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_verifier() {
		verifiers::<T>(T::MaxVerifiers::get().saturating_sub(1));
		let who = funded::<T>("candidate", 0);
		let bond = Params::<T>::get().min_verifier_bond;
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), bond);
		assert!(Verifiers::<T>::contains_key(&who));
	}

	#[benchmark]
	fn leave_verifier() {
		let who = funded::<T>("verifier", 0);
		let _ = Pallet::<T>::do_register_verifier(&who, Params::<T>::get().min_verifier_bond);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(!Verifiers::<T>::contains_key(&who));
	}

	#[benchmark]
	fn post_task() {
		verifiers::<T>(T::MaxAttestations::get());
		let who = funded::<T>("requester", 0);
		let at = deadline::<T>();
		fill_bucket::<T>(at);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(who),
			H256::repeat_byte(1),
			1_000_000,
			TaskClass::Heavy,
			T::MaxAttestations::get(),
			at,
		);
		assert!(Tasks::<T>::contains_key(0));
	}

	#[benchmark]
	fn claim_task() {
		verifiers::<T>(T::MaxAttestations::get());
		let requester = funded::<T>("requester", 0);
		let _ = Pallet::<T>::do_post_task(
			&requester,
			H256::repeat_byte(1),
			1_000_000,
			TaskClass::Heavy,
			T::MaxAttestations::get(),
			deadline::<T>(),
		);
		let worker = funded::<T>("worker", 0);
		let collateral = Params::<T>::get().min_collateral;
		#[extrinsic_call]
		_(RawOrigin::Signed(worker.clone()), 0, collateral);
		assert_eq!(TotalCollateral::<T>::get(), collateral);
	}

	/// The worker's exec Power covers part of the usage; the rest is paid in Flux.
	#[benchmark]
	fn submit_result() {
		verifiers::<T>(T::MaxAttestations::get());
		let (worker, id) = claimed_task::<T>(0, deadline::<T>(), false);
		let _ = T::Flux::mint_and_stake(&worker, UNIT);
		T::BenchmarkHelper::set_time(T::Time::now().saturating_add(1_000));
		#[extrinsic_call]
		_(RawOrigin::Signed(worker), id, H256::repeat_byte(2), usage());
		assert!(Tasks::<T>::get(id).and_then(|t| t.result).is_some());
	}

	/// An attestation that does not settle: the second-last of the largest quorum.
	#[benchmark]
	fn attest() -> Result<(), BenchmarkError> {
		let vs = verifiers::<T>(T::MaxAttestations::get());
		let (_, id) = claimed_task::<T>(0, deadline::<T>(), true);
		let (last, before) = vs.split_last().ok_or(BenchmarkError::Weightless)?;
		attest_all::<T>(before.get(1..).unwrap_or_default(), id, true);
		let who = before.first().unwrap_or(last).clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), id, true, 1_000);
		assert!(Tasks::<T>::contains_key(id));
		Ok(())
	}

	/// The last attestation of the largest quorum settles the task valid: the worker is paid
	/// (free, staked and sink) and every verifier rewarded.
	#[benchmark]
	fn attest_settle() -> Result<(), BenchmarkError> {
		let vs = verifiers::<T>(T::MaxAttestations::get());
		let (_, id) = claimed_task::<T>(0, deadline::<T>(), true);
		let (last, before) = vs.split_last().ok_or(BenchmarkError::Weightless)?;
		attest_all::<T>(before, id, true);
		#[extrinsic_call]
		attest(RawOrigin::Signed(last.clone()), id, true, 1_000);
		assert!(!Tasks::<T>::contains_key(id));
		Ok(())
	}

	/// The last attestation of the largest quorum rejects the task: the collateral is shared
	/// among every verifier, who are also rewarded.
	#[benchmark]
	fn attest_reject() -> Result<(), BenchmarkError> {
		let vs = verifiers::<T>(T::MaxAttestations::get());
		let (_, id) = claimed_task::<T>(0, deadline::<T>(), true);
		let (last, before) = vs.split_last().ok_or(BenchmarkError::Weightless)?;
		attest_all::<T>(before, id, false);
		#[extrinsic_call]
		attest(RawOrigin::Signed(last.clone()), id, false, 0);
		assert!(!Tasks::<T>::contains_key(id));
		Ok(())
	}

	/// A submitted task one attestation short of its quorum expires: the collateral goes back
	/// and every attestation stops pending.
	#[benchmark]
	fn expire_task() {
		let vs = verifiers::<T>(T::MaxAttestations::get());
		let at = deadline::<T>();
		let (worker, id) = claimed_task::<T>(0, at, true);
		attest_all::<T>(vs.split_last().map(|(_, b)| b).unwrap_or_default(), id, true);
		T::BenchmarkHelper::set_time(at);
		#[extrinsic_call]
		_(RawOrigin::Signed(worker), id);
		assert!(!Tasks::<T>::contains_key(id));
	}

	#[benchmark]
	fn set_params() -> Result<(), BenchmarkError> {
		let origin =
			T::UpdateOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let mut p = Params::<T>::get();
		p.k = p.k.saturating_add(1);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, p);
		assert_eq!(Params::<T>::get(), p);
		Ok(())
	}

	/// Scans `b` buckets (the last one holding the tasks) and expires `t` submitted tasks, each
	/// one attestation short of the largest quorum.
	#[benchmark]
	fn process_expiries(
		b: Linear<1, { T::MaxBucketsPerBlock::get() }>,
		t: Linear<0, { T::MaxExpiriesPerBlock::get() }>,
	) {
		let width = T::ExpiryBucket::get();
		let vs = verifiers::<T>(T::MaxAttestations::get());
		let attesters = vs.split_last().map(|(_, b)| b).unwrap_or_default();
		let at = T::Time::now().saturating_add(width);
		let last = TaskExpiry::<T>::bucket(at);
		// One more task, expiring later, so that the hook scans even when `t` is zero.
		claimed_task::<T>(u32::MAX, deadline::<T>(), true);
		for i in 0..t {
			let (_, id) = claimed_task::<T>(i, at, true);
			attest_all::<T>(attesters, id, true);
		}
		ExpiryCursor::<T>::put(last.saturating_sub((b - 1).into()));
		T::BenchmarkHelper::set_time(last.saturating_add(1).saturating_mul(width));
		#[block]
		{
			Pallet::<T>::process_expiries();
		}
		assert_eq!(Tasks::<T>::count(), 1);
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::tests::mock::new_bench_ext(),
		crate::tests::mock::Test
	);
}
