//! PoCW's logic, behind the thin calls in `lib.rs`.

use crate::{
	math, pallet::*, Attestation, ExpiryOutcome, PocwParams, TaskId, TaskResult, Usage,
	VerifierInfo, WeightInfo,
};
use alloc::vec::Vec;
use fluxomics_primitives::{
	Balance, FluxLedger, Moment, PowerKind, PowerLedger, PowerUnits, TaskClass, TaskInfo,
};
use frame_support::{
	ensure,
	traits::{Get, Time},
	weights::Weight,
	BoundedVec,
};
use sp_arithmetic::FixedU128;
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

	pub(crate) fn do_set_params(params: PocwParams) -> DispatchResult {
		Self::validate_params(&params)?;
		let old = Params::<T>::get();
		Params::<T>::put(params);
		Self::deposit_event(Event::ParamsSet { old, new: params });
		Ok(())
	}

	/// The weight of an attestation: one that settles the task weighs the dearer of the two
	/// settlements.
	pub fn attest_weight(settled: bool) -> Weight {
		if settled {
			T::WeightInfo::attest_settle()
				.max(T::WeightInfo::attest_reject())
				.saturating_add(T::Power::max_settlement_weight())
		} else {
			T::WeightInfo::attest()
		}
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
		let info = Verifiers::<T>::get(who).ok_or(Error::<T>::NotVerifier)?;
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
		Deadlines::<T>::try_mutate(math::bucket_of(deadline, T::DeadlineBucket::get()), |ids| {
			ids.try_push(id).map_err(|_| Error::<T>::DeadlineBucketFull)
		})?;
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
		let mut task = Tasks::<T>::get(id).ok_or(Error::<T>::TaskNotFound)?;
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
	pub(crate) fn charge_exec(
		who: &T::AccountId,
		cost: PowerUnits,
	) -> Result<Balance, DispatchError> {
		let from_power = T::Power::available(who, PowerKind::Exec).min(cost);
		let deficit = cost.saturating_sub(from_power);
		let flux = if deficit.is_zero() {
			0
		} else {
			math::flux_for_power(deficit, T::ExchangeRate::get())
				.ok_or(Error::<T>::InsufficientPower)?
		};
		ensure!(T::Flux::free(who) >= flux, Error::<T>::InsufficientPower);
		if !from_power.is_zero() {
			T::Power::consume(who, PowerKind::Exec, from_power)?;
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
		let mut task = Tasks::<T>::get(id).ok_or(Error::<T>::TaskNotFound)?;
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
		let mut task = Tasks::<T>::get(id).ok_or(Error::<T>::TaskNotFound)?;
		let mut info = Verifiers::<T>::get(verifier).ok_or(Error::<T>::NotVerifier)?;
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

	/// Clears the pending attestations of `task`'s verifiers (all but `skip`, whose attestation
	/// was never counted as pending).
	fn unpend(task: &TaskOf<T>, skip: Option<&T::AccountId>) {
		for a in task.attestations.iter().filter(|a| Some(&a.verifier) != skip) {
			Verifiers::<T>::mutate_exists(&a.verifier, |v| {
				if let Some(v) = v {
					v.pending = v.pending.saturating_sub(1);
				}
			});
		}
	}

	/// Starts a new reward period if the current one is over; returns what is left of the
	/// period's budget.
	fn budget_left(p: &PocwParams) -> Balance {
		let now = T::Time::now();
		let start = PeriodStart::<T>::get();
		let current = math::period_start(start, now, p.period);
		if current != start {
			PeriodStart::<T>::put(current);
			EmittedThisPeriod::<T>::kill();
		}
		p.reward_budget.saturating_sub(EmittedThisPeriod::<T>::get())
	}

	/// What is left of the budget now, read only.
	fn budget_left_now(p: &PocwParams) -> Balance {
		let start = PeriodStart::<T>::get();
		if math::period_start(start, T::Time::now(), p.period) != start {
			return p.reward_budget;
		}
		p.reward_budget.saturating_sub(EmittedThisPeriod::<T>::get())
	}

	fn note_emitted(amount: Balance) {
		EmittedThisPeriod::<T>::mutate(|e| *e = e.saturating_add(amount));
	}

	/// The score a task with a result would settle to, assuming a valid outcome.
	fn score_of(task: &TaskOf<T>, p: &PocwParams) -> (FixedU128, u64) {
		let units = task.attestations.iter().filter(|a| a.valid).map(|a| a.work_units).collect();
		let verified_work = math::verified_work(units, p.work_cap);
		let exec_cost = task.result.as_ref().map(|r| r.exec_cost).unwrap_or(0);
		let score = math::score(
			&math::ScoreInputs {
				verified_work,
				collateral: task.collateral,
				budget: task.budget,
				exec_cost,
				class_weight: p.class_weights.of(task.class),
			},
			&math::ScoreScale {
				work_cap: p.work_cap,
				risk_ref: p.risk_ref,
				efficiency_cap: p.efficiency_cap,
			},
		);
		(score, verified_work)
	}

	/// Mints `attest_reward` (within the budget) to each of `verifiers`.
	fn reward_verifiers(verifiers: &[T::AccountId], p: &PocwParams) -> DispatchResult {
		for v in verifiers {
			let amount = p.attest_reward.min(Self::budget_left(p));
			if !amount.is_zero() {
				T::Flux::mint(v, amount)?;
				Self::note_emitted(amount);
			}
		}
		Ok(())
	}

	/// Settles a task that reached its quorum, and removes it.
	fn settle(id: TaskId, task: TaskOf<T>) -> DispatchResult {
		let worker = task.worker.clone().ok_or(Error::<T>::NotSubmitted)?;
		let p = Params::<T>::get();
		let (valid, invalid) = task.tally();
		let outcome = valid > invalid;
		let (rewarded, unrewarded): (Vec<_>, Vec<_>) =
			task.attestations.iter().partition(|a| a.valid == outcome);
		let rewarded: Vec<T::AccountId> =
			rewarded.into_iter().map(|a| a.verifier.clone()).collect();
		let unrewarded: Vec<T::AccountId> =
			unrewarded.into_iter().map(|a| a.verifier.clone()).collect();
		Self::forget(id, &task);
		if outcome {
			let (score, verified_work) = Self::score_of(&task, &p);
			let reward = math::reward(p.k, score, Self::budget_left(&p));
			let (free, staked, sink) = math::split(reward, p.lambda1, p.lambda2);
			if !task.collateral.is_zero() {
				T::Flux::release(&worker, task.collateral)?;
			}
			if !free.is_zero() {
				T::Flux::mint(&worker, free)?;
			}
			if !staked.is_zero() {
				T::Flux::mint_and_stake(&worker, staked)?;
			}
			if !sink.is_zero() && p.lambda3_to_sink {
				T::Flux::mint(&worker, sink)?;
				T::Flux::pay_to_sink(&worker, sink)?;
			}
			Self::note_emitted(reward);
			Self::reward_verifiers(&rewarded, &p)?;
			Self::deposit_event(Event::TaskSettled {
				task: id,
				worker,
				score,
				verified_work,
				reward,
				free,
				staked,
				sink,
				rewarded,
				unrewarded,
			});
		} else {
			let n = u32::try_from(rewarded.len()).unwrap_or(u32::MAX);
			let (to_each, rest) =
				math::share_equally(p.slash_to_verifiers.mul_floor(task.collateral), n);
			let burned = task
				.collateral
				.saturating_sub(p.slash_to_verifiers.mul_floor(task.collateral))
				.saturating_add(rest);
			if !to_each.is_zero() {
				for v in rewarded.iter() {
					T::Flux::slash_held(&worker, to_each, Some(v))?;
				}
			}
			if !burned.is_zero() {
				T::Flux::slash_held(&worker, burned, None)?;
			}
			Self::reward_verifiers(&rewarded, &p)?;
			Self::deposit_event(Event::TaskRejected {
				task: id,
				worker,
				slashed: task.collateral,
				to_each,
				burned,
				rewarded,
				unrewarded,
			});
		}
		Ok(())
	}

	/// Removes a task from storage and its deadline bucket, and its collateral from the total.
	fn forget(id: TaskId, task: &TaskOf<T>) {
		Tasks::<T>::remove(id);
		Deadlines::<T>::mutate_exists(
			math::bucket_of(task.deadline, T::DeadlineBucket::get()),
			|ids| {
				if let Some(list) = ids {
					list.retain(|t| *t != id);
					if list.is_empty() {
						*ids = None;
					}
				}
			},
		);
		TotalCollateral::<T>::mutate(|t| *t = t.saturating_sub(task.collateral));
	}

	pub(crate) fn do_expire_task(id: TaskId) -> DispatchResult {
		let task = Tasks::<T>::get(id).ok_or(Error::<T>::TaskNotFound)?;
		ensure!(T::Time::now() >= task.deadline, Error::<T>::DeadlineNotPassed);
		Self::forget(id, &task);
		Self::expire(id, task)
	}

	/// Ends a task past its deadline, already forgotten: unclaimed, it just goes; claimed without
	/// a result, the collateral is burned; with a result but no quorum, the collateral goes back
	/// to the worker and its verifiers' attestations are no longer pending.
	fn expire(id: TaskId, task: TaskOf<T>) -> DispatchResult {
		let outcome = match (&task.worker, &task.result) {
			(None, _) => ExpiryOutcome::Unclaimed,
			(Some(worker), None) => {
				if !task.collateral.is_zero() {
					T::Flux::slash_held(worker, task.collateral, None)?;
				}
				ExpiryOutcome::CollateralBurned
			},
			(Some(worker), Some(_)) => {
				if !task.collateral.is_zero() {
					T::Flux::release(worker, task.collateral)?;
				}
				Self::unpend(&task, None);
				ExpiryOutcome::CollateralReturned
			},
		};
		Self::deposit_event(Event::TaskExpired {
			task: id,
			outcome,
			worker: task.worker,
			collateral: task.collateral,
		});
		Ok(())
	}

	/// Expires tasks whose deadline bucket is wholly in the past, within the block's budget.
	/// Returns the weight used.
	pub(crate) fn process_expiries() -> Weight {
		let now = T::Time::now();
		let width = T::DeadlineBucket::get();
		let current = math::bucket_of(now, width);
		// With no task at all, nothing can expire before the current bucket: start there.
		let mut cursor = match DeadlineCursor::<T>::get() {
			Some(cursor) if !Tasks::<T>::count().is_zero() => cursor,
			_ => current,
		};
		let (mut buckets, mut expired) = (0u32, 0u32);
		while cursor < current
			&& buckets < T::MaxBucketsPerBlock::get()
			&& expired < T::MaxExpiriesPerBlock::get()
		{
			buckets = buckets.saturating_add(1);
			let mut ids = Deadlines::<T>::get(cursor);
			while expired < T::MaxExpiriesPerBlock::get() {
				let Some(id) = ids.pop() else { break };
				if let Some(task) = Tasks::<T>::get(id) {
					Tasks::<T>::remove(id);
					TotalCollateral::<T>::mutate(|t| *t = t.saturating_sub(task.collateral));
					// Each expiry is its own storage layer: one that fails changes nothing.
					let result =
						frame_support::storage::with_storage_layer(|| Self::expire(id, task));
					if let Err(e) = result {
						log::error!(target: crate::LOG_TARGET, "task {id}: expiry failed: {e:?}");
					}
				}
				expired = expired.saturating_add(1);
			}
			if ids.is_empty() {
				Deadlines::<T>::remove(cursor);
				cursor = cursor.saturating_add(1);
			} else {
				Deadlines::<T>::insert(cursor, ids);
			}
		}
		DeadlineCursor::<T>::put(cursor);
		T::WeightInfo::process_expiries(buckets, expired)
	}

	/// Task `id` as clients see it.
	pub fn task_info(id: TaskId) -> Option<TaskInfo<T::AccountId>> {
		let task = Tasks::<T>::get(id)?;
		let (valid, invalid) = task.tally();
		Some(TaskInfo {
			id,
			status: task.status(),
			requester: task.requester,
			spec_hash: task.spec_hash,
			budget: task.budget,
			class: task.class,
			quorum: task.quorum,
			deadline: task.deadline,
			worker: task.worker,
			collateral: task.collateral,
			result_hash: task.result.as_ref().map(|r| r.hash),
			exec_cost: task.result.as_ref().map(|r| r.exec_cost),
			valid_attestations: valid,
			invalid_attestations: invalid,
		})
	}

	/// The score and reward (planck) task `id` would settle to now, given the attestations so
	/// far and assuming a valid outcome; `None` before a result is in.
	pub fn estimate(id: TaskId) -> Option<(FixedU128, Balance)> {
		let task = Tasks::<T>::get(id)?;
		task.result.as_ref()?;
		let p = Params::<T>::get();
		let (score, _) = Self::score_of(&task, &p);
		Some((score, math::reward(p.k, score, Self::budget_left_now(&p))))
	}

	/// The invariants, each in its own check.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		Self::check_params()?;
		Self::check_tasks()?;
		Self::check_verifiers()
	}

	/// 1. `λ1 + λ2 + λ3 = 1` and the parameters are valid.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	fn check_params() -> Result<(), sp_runtime::TryRuntimeError> {
		let p = Params::<T>::get();
		ensure!(math::is_normalized(p.lambda1, p.lambda2, p.lambda3), "1: λ1 + λ2 + λ3 ≠ 1");
		ensure!(Self::validate_params(&p).is_ok(), "1: invalid parameters stored");
		Ok(())
	}

	/// 2. `TotalCollateral` is the sum of the collateral of open tasks; an unclaimed task holds
	///    none.
	/// 3. Every task is in the bucket of its deadline, and every bucket entry is a task.
	/// 4. No task has reached its quorum (it would have settled), nor attestations without a
	///    result.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	fn check_tasks() -> Result<(), sp_runtime::TryRuntimeError> {
		let width = T::DeadlineBucket::get();
		let mut total: Balance = 0;
		for (id, task) in Tasks::<T>::iter() {
			ensure!(
				task.worker.is_some() || task.collateral.is_zero(),
				"2: open task holds collateral"
			);
			total = total.checked_add(task.collateral).ok_or("2: collateral overflows")?;
			ensure!(
				Deadlines::<T>::get(math::bucket_of(task.deadline, width)).contains(&id),
				"3: task missing from its deadline bucket"
			);
			let len = u32::try_from(task.attestations.len()).unwrap_or(u32::MAX);
			ensure!(len < task.quorum, "4: a task at quorum is unsettled");
			ensure!(task.result.is_some() || len == 0, "4: attestations without a result");
		}
		ensure!(total == TotalCollateral::<T>::get(), "2: TotalCollateral differs from tasks");
		for (bucket, ids) in Deadlines::<T>::iter() {
			for id in ids {
				let task = Tasks::<T>::get(id).ok_or("3: bucket holds an unknown task")?;
				ensure!(
					math::bucket_of(task.deadline, width) == bucket,
					"3: task in a wrong bucket"
				);
			}
		}
		Ok(())
	}

	/// 5. `VerifierCount` is the number of verifiers, each bond at least one planck.
	/// 6. Each verifier's pending count is the number of its attestations on stored tasks.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	fn check_verifiers() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut count: u32 = 0;
		for (who, info) in Verifiers::<T>::iter() {
			count = count.saturating_add(1);
			ensure!(!info.bond.is_zero(), "5: a verifier without a bond");
			let pending = Tasks::<T>::iter_values()
				.filter(|t| t.attestations.iter().any(|a| a.verifier == who))
				.count();
			ensure!(
				u32::try_from(pending).ok() == Some(info.pending),
				"6: pending attestations differ"
			);
		}
		ensure!(count == VerifierCount::<T>::get(), "5: VerifierCount differs from verifiers");
		Ok(())
	}
}
