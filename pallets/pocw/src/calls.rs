//! The bodies of PoCW's calls (`lib.rs` checks the origin and calls these), the check of the
//! parameters, and the weights the calls declare beyond their benchmarks.

use crate::{
	expiry::TaskExpiry, math, pallet::*, Attestation, PocwParams, TaskId, TaskResult, Usage,
	VerifierInfo, WeightInfo,
};
use fluxomics_primitives::{
	Balance, FluxLedger, Moment, PerKind, PowerLedger, PowerUnits, TaskClass,
};
use frame_support::{
	ensure,
	traits::{Get, Time},
	weights::Weight,
	BoundedVec,
};
use sp_core::H256;
use sp_runtime::{traits::Zero, DispatchError, DispatchResult};

impl<T: Config> Pallet<T> {
	/// Checks the parameters: `λ1 + λ2 + λ3 = 1` exactly, and no zero where zero makes no sense.
	pub fn validate_params(p: &PocwParams) -> DispatchResult {
		ensure!(
			math::is_normalized(p.lambda1, p.lambda2, p.lambda3),
			Error::<T>::SplitNotNormalized
		);
		ensure!(!p.period.is_zero(), Error::<T>::ZeroPeriod);
		ensure!(!p.work_cap.is_zero(), Error::<T>::ZeroWorkCap);
		ensure!(!p.risk_ref.is_zero(), Error::<T>::ZeroRiskRef);
		ensure!(!p.efficiency_cap.is_zero(), Error::<T>::ZeroEfficiencyCap);
		ensure!(!p.max_deadline.is_zero(), Error::<T>::ZeroMaxDeadline);
		ensure!(
			!p.min_collateral.is_zero() && !p.min_verifier_bond.is_zero(),
			Error::<T>::ZeroMinimum
		);
		Ok(())
	}

	/// The weight of `submit_result`: its benchmark and one accrual of the worker's Power (the
	/// usage charge).
	pub fn submit_result_weight() -> Weight {
		T::WeightInfo::submit_result().saturating_add(T::Power::max_accrual_weight())
	}

	/// The weight of an attestation: one that settles the task weighs the dearer of the two
	/// settlements, and one accrual of the worker's Power (its auto-staked reward changes its
	/// stake).
	pub fn attest_weight(settled: bool) -> Weight {
		if settled {
			T::WeightInfo::attest_settle()
				.max(T::WeightInfo::attest_reject())
				.saturating_add(T::Power::max_accrual_weight())
		} else {
			T::WeightInfo::attest()
		}
	}

	pub(crate) fn do_set_params(params: PocwParams) -> DispatchResult {
		Self::validate_params(&params)?;
		let old = Params::<T>::get();
		Params::<T>::put(params);
		Self::deposit_event(Event::ParamsSet { old, new: params });
		Ok(())
	}

	pub(crate) fn do_register_verifier(who: &T::AccountId, bond: Balance) -> DispatchResult {
		ensure!(!Verifiers::<T>::contains_key(who), Error::<T>::AlreadyVerifier);
		ensure!(bond >= Params::<T>::get().min_verifier_bond, Error::<T>::BondTooSmall);
		let count = VerifierCount::<T>::get();
		ensure!(count < T::MaxVerifiers::get(), Error::<T>::TooManyVerifiers);
		T::Flux::hold(who, bond)?;
		Verifiers::<T>::insert(who, VerifierInfo { bond, pending: 0 });
		VerifierCount::<T>::put(count.saturating_add(1));
		Self::deposit_event(Event::VerifierRegistered { who: who.clone(), bond });
		Ok(())
	}

	pub(crate) fn do_leave_verifier(who: &T::AccountId) -> DispatchResult {
		let info = Verifiers::<T>::get(who).ok_or(Error::<T>::UnknownVerifier)?;
		ensure!(info.pending.is_zero(), Error::<T>::VerifierBusy);
		T::Flux::release(who, info.bond)?;
		Verifiers::<T>::remove(who);
		VerifierCount::<T>::mutate(|c| *c = c.saturating_sub(1));
		Self::deposit_event(Event::VerifierLeft { who: who.clone(), bond: info.bond });
		Ok(())
	}

	pub(crate) fn do_post_task(
		requester: &T::AccountId,
		spec_hash: H256,
		budget: PowerUnits,
		class: TaskClass,
		quorum: u32,
		deadline: Moment,
	) -> DispatchResult {
		ensure!(!budget.is_zero(), Error::<T>::ZeroBudget);
		ensure!(quorum > 0 && quorum <= T::MaxAttestations::get(), Error::<T>::InvalidQuorum);
		ensure!(quorum <= VerifierCount::<T>::get(), Error::<T>::NotEnoughVerifiers);
		let now = T::Time::now();
		ensure!(deadline > now, Error::<T>::DeadlineInPast);
		ensure!(
			deadline.saturating_sub(now) <= Params::<T>::get().max_deadline,
			Error::<T>::DeadlineTooFar
		);
		let id = NextTaskId::<T>::get();
		TaskExpiry::<T>::schedule(deadline, id).map_err(|_| Error::<T>::ExpiryBucketFull)?;
		Tasks::<T>::insert(
			id,
			TaskOf::<T> {
				requester: requester.clone(),
				spec_hash,
				budget,
				class,
				quorum,
				deadline,
				worker: None,
				collateral: 0,
				result: None,
				attestations: BoundedVec::new(),
			},
		);
		NextTaskId::<T>::put(id.wrapping_add(1));
		Self::deposit_event(Event::TaskPosted {
			task: id,
			requester: requester.clone(),
			spec_hash,
			budget,
			class,
			quorum,
			deadline,
		});
		Ok(())
	}

	pub(crate) fn do_claim_task(
		worker: &T::AccountId,
		id: TaskId,
		collateral: Balance,
	) -> DispatchResult {
		let mut task = Tasks::<T>::get(id).ok_or(Error::<T>::UnknownTask)?;
		ensure!(&task.requester != worker, Error::<T>::OwnTask);
		ensure!(task.worker.is_none(), Error::<T>::TaskNotOpen);
		ensure!(T::Time::now() < task.deadline, Error::<T>::DeadlinePassed);
		ensure!(collateral >= Params::<T>::get().min_collateral, Error::<T>::CollateralTooSmall);
		let total =
			TotalCollateral::<T>::get().checked_add(collateral).ok_or(Error::<T>::Overflow)?;
		T::Flux::hold(worker, collateral)?;
		TotalCollateral::<T>::put(total);
		task.worker = Some(worker.clone());
		task.collateral = collateral;
		Tasks::<T>::insert(id, task);
		Self::deposit_event(Event::TaskClaimed { task: id, worker: worker.clone(), collateral });
		Ok(())
	}

	/// Charges `cost` exec PU to `who`: its exec Power first, the deficit in free Flux at R to
	/// the sink. Returns the Flux paid. All or nothing.
	fn charge_exec(who: &T::AccountId, cost: PowerUnits) -> Result<Balance, DispatchError> {
		let from_power = T::Power::available(who).exec.min(cost);
		let deficit = cost.saturating_sub(from_power);
		let flux = if deficit.is_zero() {
			0
		} else {
			math::flux_for_power(deficit, T::ExchangeRate::get())
				.ok_or(Error::<T>::InsufficientPower)?
		};
		ensure!(T::Flux::free(who) >= flux, Error::<T>::InsufficientPower);
		if !from_power.is_zero() {
			T::Power::consume(who, PerKind::new(0, from_power))?;
		}
		if !flux.is_zero() {
			T::Flux::pay_to_sink(who, flux)?;
		}
		Ok(flux)
	}

	pub(crate) fn do_submit_result(
		worker: &T::AccountId,
		id: TaskId,
		result_hash: H256,
		usage: Usage,
	) -> DispatchResult {
		let mut task = Tasks::<T>::get(id).ok_or(Error::<T>::UnknownTask)?;
		ensure!(task.worker.as_ref() == Some(worker), Error::<T>::NotWorker);
		ensure!(T::Time::now() < task.deadline, Error::<T>::DeadlinePassed);
		ensure!(task.result.is_none(), Error::<T>::AlreadySubmitted);
		let exec_cost = math::exec_cost(&T::ExecCost::get(), &usage).ok_or(Error::<T>::Overflow)?;
		let flux_paid = Self::charge_exec(worker, exec_cost)?;
		task.result = Some(TaskResult { hash: result_hash, usage, exec_cost, flux_paid });
		Tasks::<T>::insert(id, task);
		Self::deposit_event(Event::ResultSubmitted {
			task: id,
			worker: worker.clone(),
			result_hash,
			exec_cost,
			flux_paid,
		});
		Ok(())
	}

	/// Records an attestation; returns whether it settled the task.
	pub(crate) fn do_attest(
		verifier: &T::AccountId,
		id: TaskId,
		valid: bool,
		work_units: u64,
	) -> Result<bool, DispatchError> {
		let mut task = Tasks::<T>::get(id).ok_or(Error::<T>::UnknownTask)?;
		let mut info = Verifiers::<T>::get(verifier).ok_or(Error::<T>::UnknownVerifier)?;
		ensure!(
			&task.requester != verifier && task.worker.as_ref() != Some(verifier),
			Error::<T>::Conflict
		);
		ensure!(task.result.is_some(), Error::<T>::NotSubmitted);
		ensure!(T::Time::now() < task.deadline, Error::<T>::DeadlinePassed);
		ensure!(
			!task.attestations.iter().any(|a| &a.verifier == verifier),
			Error::<T>::AlreadyAttested
		);
		task.attestations
			.try_push(Attestation { verifier: verifier.clone(), valid, work_units })
			.map_err(|_| Error::<T>::Overflow)?;
		Self::deposit_event(Event::Attested {
			task: id,
			verifier: verifier.clone(),
			valid,
			work_units,
		});
		let len = u32::try_from(task.attestations.len()).unwrap_or(u32::MAX);
		if len >= task.quorum {
			// The verifier's attestation settles at once: it never becomes pending.
			Self::unpend(&task, Some(verifier));
			Self::settle(id, task)?;
			return Ok(true);
		}
		info.pending = info.pending.saturating_add(1);
		Verifiers::<T>::insert(verifier, info);
		Tasks::<T>::insert(id, task);
		Ok(false)
	}

	pub(crate) fn do_expire_task(id: TaskId) -> DispatchResult {
		let task = Tasks::<T>::get(id).ok_or(Error::<T>::UnknownTask)?;
		ensure!(T::Time::now() >= task.deadline, Error::<T>::DeadlineNotPassed);
		Self::forget(id, &task);
		Self::expire(id, task)
	}
}
