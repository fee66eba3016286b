//! Benchmarks (frame-benchmarking v2) of PoCW in its worst cases: full expiry buckets and draw
//! queues, the draw tree written along its longest path, panels of `p` distinct verifiers whose
//! settlement pays or slashes every one of them, a usage paid partly in Power and partly in
//! Flux, and the hook scanning `b` buckets and ending `t` claimed tasks.

use super::*;
use crate::expiry::TaskExpiry;
use alloc::vec::Vec;
use fluxomics_primitives::{FluxLedger, Moment, TaskClass, UNIT};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get, Time},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_core::H256;

const SEED: u32 = 0;

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	let _ = T::Flux::mint(&who, 1_000_000 * UNIT);
	who
}

/// `n` registered verifiers (from index `from`).
fn verifiers<T: Config>(from: u32, n: u32) -> Vec<T::AccountId> {
	let bond = Params::<T>::get().min_verifier_bond;
	(from..from.saturating_add(n))
		.map(|i| {
			let v = funded::<T>("verifier", i);
			let _ = Pallet::<T>::do_register_verifier(&v, bond);
			v
		})
		.collect()
}

/// The usage of a submitted result: a little of everything.
fn usage() -> Usage {
	Usage { steps: 1_000, model_calls: 10, onchain_txs: 2 }
}

/// Fills the bucket of `at` one short of full with ids of no task.
fn fill_bucket<T: Config>(at: Moment) {
	Expiries::<T>::mutate(TaskExpiry::<T>::bucket(at), |ids| {
		for i in 0..T::MaxExpiriesPerBucket::get().saturating_sub(1) {
			let _ = ids.try_push(u64::MAX - u64::from(i));
		}
	});
}

/// A deadline as far as allowed.
fn deadline<T: Config>() -> Moment {
	T::Time::now().saturating_add(Params::<T>::get().max_deadline)
}

/// A budget of 1 000 Flux.
const BUDGET: u128 = 1_000 * UNIT;

/// A task posted by a requester of its own and claimed by a worker (index `w`), with quorum
/// `MaxAttestations` and `deadline`; submitted if `submit`.
fn claimed_task<T: Config>(w: u32, deadline: Moment, submit: bool) -> (T::AccountId, TaskId) {
	let requester = funded::<T>("requester", w);
	let worker = funded::<T>("worker", w);
	let id = NextTaskId::<T>::get();
	let _ = Pallet::<T>::do_post_task(
		&requester,
		H256::repeat_byte(1),
		BUDGET,
		TaskClass::Heavy,
		T::MaxAttestations::get(),
		deadline,
	);
	let p = Params::<T>::get();
	let _ = Pallet::<T>::do_claim_task(
		&worker,
		id,
		p.collateral_ratio.mul_ceil(BUDGET).max(p.min_collateral),
	);
	if submit {
		let _ = Pallet::<T>::do_submit_result(&worker, id, H256::repeat_byte(2), usage());
		PendingDraws::<T>::kill();
	}
	(worker, id)
}

/// Seats `members` on task `id`'s panel, one seat each, as a draw would, all committed to
/// `votes[i]` (a member without a vote commits valid).
fn seat<T: Config>(id: TaskId, members: &[T::AccountId], votes: &[bool]) {
	let _ = Tasks::<T>::try_mutate(id, |task| -> Result<(), ()> {
		let task = task.as_mut().ok_or(())?;
		let result = task.result.as_mut().ok_or(())?;
		result.drawn = true;
		let panel: Vec<_> = members
			.iter()
			.enumerate()
			.map(|(i, v)| {
				let valid = votes.get(i).copied().unwrap_or(true);
				Seat {
					verifier: v.clone(),
					seats: 1,
					commitment: Some(Pallet::<T>::commitment(id, v, valid, 1_000, H256::zero())),
					vote: None,
				}
			})
			.collect();
		task.panel = BoundedVec::truncate_from(panel);
		Ok(())
	});
	for v in members {
		Verifiers::<T>::mutate(v, |info| {
			if let Some(info) = info {
				info.pending = info.pending.saturating_add(1);
			}
		});
	}
}

/// Reveals the verdicts of `members` (as committed by [`seat`]).
fn reveal<T: Config>(id: TaskId, members: &[T::AccountId], votes: &[bool]) {
	for (i, v) in members.iter().enumerate() {
		let valid = votes.get(i).copied().unwrap_or(true);
		let _ = Pallet::<T>::do_reveal_verdict(v, id, valid, 1_000, H256::zero());
	}
}

/// `p` votes: the last `(p − 1) / 2` against `majority` (each one slashed), the rest with it.
fn votes(p: u32, majority: bool) -> Vec<bool> {
	let against = p.saturating_sub(1) / 2;
	(0..p).map(|i| if i < p - against { majority } else { !majority }).collect()
}

/// Gives the sink Flux, so that a reward is funded from it.
fn fund_sink<T: Config>() {
	let donor = funded::<T>("donor", 0);
	let _ = T::Flux::pay_to_sink(&donor, 10_000 * UNIT);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The first verifier: its slot (1) writes the longest path up the draw tree.
	#[benchmark]
	fn register_verifier() {
		let who = funded::<T>("candidate", 0);
		let bond = Params::<T>::get().min_verifier_bond;
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), bond);
		assert!(Verifiers::<T>::contains_key(&who));
	}

	/// The verifier in slot 1 leaves and the one in the last slot (3) moves into it: three
	/// walks up the tree.
	#[benchmark]
	fn leave_verifier() -> Result<(), BenchmarkError> {
		let vs = verifiers::<T>(0, 3);
		let who = vs.first().ok_or(BenchmarkError::Weightless)?.clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(!Verifiers::<T>::contains_key(&who));
		assert_eq!(VerifierCount::<T>::get(), 2);
		Ok(())
	}

	#[benchmark]
	fn post_task() {
		verifiers::<T>(0, T::MaxAttestations::get());
		let who = funded::<T>("requester", 0);
		let at = deadline::<T>();
		fill_bucket::<T>(at);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(who),
			H256::repeat_byte(1),
			BUDGET,
			TaskClass::Heavy,
			T::MaxAttestations::get(),
			at,
		);
		assert!(Tasks::<T>::contains_key(0));
	}

	#[benchmark]
	fn claim_task() {
		verifiers::<T>(0, T::MaxAttestations::get());
		let requester = funded::<T>("requester", 0);
		let _ = Pallet::<T>::do_post_task(
			&requester,
			H256::repeat_byte(1),
			BUDGET,
			TaskClass::Heavy,
			T::MaxAttestations::get(),
			deadline::<T>(),
		);
		let worker = funded::<T>("worker", 0);
		let p = Params::<T>::get();
		let collateral = p.collateral_ratio.mul_ceil(BUDGET).max(p.min_collateral);
		#[extrinsic_call]
		_(RawOrigin::Signed(worker.clone()), 0, collateral);
		assert_eq!(TotalCollateral::<T>::get(), collateral);
	}

	/// The worker's exec Power covers part of the usage; the rest is paid in Flux. The draw
	/// queue and the bucket of the reveal's end are one short of full.
	#[benchmark]
	fn submit_result() {
		verifiers::<T>(0, T::MaxAttestations::get());
		let (worker, id) = claimed_task::<T>(0, deadline::<T>(), false);
		let _ = T::Flux::mint_and_stake(&worker, UNIT);
		T::BenchmarkHelper::set_time(T::Time::now().saturating_add(1_000));
		let p = Params::<T>::get();
		let reveal_end =
			T::Time::now().saturating_add(p.commit_period).saturating_add(p.reveal_period);
		fill_bucket::<T>(reveal_end);
		PendingDraws::<T>::mutate(|q| {
			for i in 0..T::MaxDrawsPerBlock::get().saturating_sub(1) {
				let _ = q.try_push(u64::MAX - u64::from(i));
			}
		});
		#[extrinsic_call]
		_(RawOrigin::Signed(worker), id, H256::repeat_byte(2), usage());
		assert!(Tasks::<T>::get(id).and_then(|t| t.result).is_some());
	}

	/// Draws one panel of `s` seats from `2 · MaxAttestations` verifiers.
	#[benchmark]
	fn draw_panel(s: Linear<0, { T::MaxAttestations::get() }>) {
		let mut p = Params::<T>::get();
		p.min_quorum = 1;
		Params::<T>::put(p);
		verifiers::<T>(0, T::MaxAttestations::get().saturating_mul(2));
		if s > 0 {
			let requester = funded::<T>("requester", 0);
			let worker = funded::<T>("worker", 0);
			let _ = Pallet::<T>::do_post_task(
				&requester,
				H256::repeat_byte(1),
				BUDGET,
				TaskClass::Heavy,
				s,
				deadline::<T>(),
			);
			let _ = Pallet::<T>::do_claim_task(&worker, 0, BUDGET);
			let _ = Pallet::<T>::do_submit_result(&worker, 0, H256::repeat_byte(2), usage());
		}
		#[block]
		{
			Pallet::<T>::process_draws();
		}
		assert!(PendingDraws::<T>::get().is_empty());
	}

	/// The last commitment of a full panel.
	#[benchmark]
	fn commit_verdict() -> Result<(), BenchmarkError> {
		let vs = verifiers::<T>(0, T::MaxAttestations::get());
		let (_, id) = claimed_task::<T>(0, deadline::<T>(), true);
		seat::<T>(id, &vs, &[]);
		let last = vs.last().ok_or(BenchmarkError::Weightless)?.clone();
		Tasks::<T>::mutate(id, |t| {
			if let Some(s) = t.as_mut().and_then(|t| t.panel.last_mut()) {
				s.commitment = None;
			}
		});
		#[extrinsic_call]
		_(RawOrigin::Signed(last), id, H256::repeat_byte(3));
		Ok(())
	}

	/// A reveal that does not settle: the first of a full, committed panel.
	#[benchmark]
	fn reveal_verdict() -> Result<(), BenchmarkError> {
		let vs = verifiers::<T>(0, T::MaxAttestations::get());
		let (_, id) = claimed_task::<T>(0, deadline::<T>(), true);
		seat::<T>(id, &vs, &[]);
		let first = vs.first().ok_or(BenchmarkError::Weightless)?.clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(first), id, true, 1_000, H256::zero());
		assert!(Tasks::<T>::contains_key(id));
		Ok(())
	}

	/// The last reveal of a panel of `p` settles the task valid: the minority is slashed, the
	/// majority paid, the worker paid and rewarded from the sink (free, staked and sink).
	#[benchmark]
	fn reveal_settle(p: Linear<1, { T::MaxAttestations::get() }>) -> Result<(), BenchmarkError> {
		fund_sink::<T>();
		// Enough verifiers for the largest quorum; `p` of them sit on the panel.
		let mut vs = verifiers::<T>(0, T::MaxAttestations::get());
		vs.truncate(p as usize);
		let (_, id) = claimed_task::<T>(0, deadline::<T>(), true);
		let v = votes(p, true);
		seat::<T>(id, &vs, &v);
		let (last, before) = vs.split_last().ok_or(BenchmarkError::Weightless)?;
		reveal::<T>(id, before, &v);
		let last_vote = v.last().copied().unwrap_or(true);
		#[extrinsic_call]
		reveal_verdict(RawOrigin::Signed(last.clone()), id, last_vote, 1_000, H256::zero());
		assert!(!Tasks::<T>::contains_key(id));
		Ok(())
	}

	/// The last reveal of a panel of `p` rejects the task: the minority is slashed, the
	/// majority paid, the collateral split between the requester and the sink.
	#[benchmark]
	fn reveal_reject(p: Linear<1, { T::MaxAttestations::get() }>) -> Result<(), BenchmarkError> {
		// Enough verifiers for the largest quorum; `p` of them sit on the panel.
		let mut vs = verifiers::<T>(0, T::MaxAttestations::get());
		vs.truncate(p as usize);
		let (_, id) = claimed_task::<T>(0, deadline::<T>(), true);
		let v = votes(p, false);
		seat::<T>(id, &vs, &v);
		let (last, before) = vs.split_last().ok_or(BenchmarkError::Weightless)?;
		reveal::<T>(id, before, &v);
		let last_vote = v.last().copied().unwrap_or(false);
		#[extrinsic_call]
		reveal_verdict(RawOrigin::Signed(last.clone()), id, last_vote, 1_000, H256::zero());
		assert!(!Tasks::<T>::contains_key(id));
		Ok(())
	}

	/// The reveal of a panel of `p` ends with nothing revealed: every member is slashed as a
	/// no-show, the budget and collateral go back.
	#[benchmark]
	fn expire_undecided(p: Linear<1, { T::MaxAttestations::get() }>) -> Result<(), BenchmarkError> {
		// Enough verifiers for the largest quorum; `p` of them sit on the panel.
		let mut vs = verifiers::<T>(0, T::MaxAttestations::get());
		vs.truncate(p as usize);
		let (worker, id) = claimed_task::<T>(0, deadline::<T>(), true);
		seat::<T>(id, &vs, &[]);
		let end = Tasks::<T>::get(id).map(|t| t.expiry).ok_or(BenchmarkError::Weightless)?;
		T::BenchmarkHelper::set_time(end);
		#[extrinsic_call]
		expire_task(RawOrigin::Signed(worker), id);
		assert!(!Tasks::<T>::contains_key(id));
		Ok(())
	}

	/// A claimed task without a result expires: the budget goes back, the collateral is
	/// forfeited in part.
	#[benchmark]
	fn expire_task() {
		verifiers::<T>(0, T::MaxAttestations::get());
		let at = deadline::<T>();
		let (worker, id) = claimed_task::<T>(0, at, false);
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

	/// Scans `b` buckets (the last one holding the tasks) and ends `t` claimed tasks without a
	/// result (a task with a result settles, and the hook adds its settlement's weight).
	#[benchmark]
	fn process_expiries(
		b: Linear<1, { T::MaxBucketsPerBlock::get() }>,
		t: Linear<0, { T::MaxExpiriesPerBlock::get() }>,
	) {
		let width = T::ExpiryBucket::get();
		verifiers::<T>(0, T::MaxAttestations::get());
		let at = T::Time::now().saturating_add(width);
		let last = TaskExpiry::<T>::bucket(at);
		// One more task, expiring later, so that the hook scans even when `t` is zero.
		claimed_task::<T>(u32::MAX, deadline::<T>(), false);
		for i in 0..t {
			claimed_task::<T>(i, at, false);
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
