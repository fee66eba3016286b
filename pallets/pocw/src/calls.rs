//! The bodies of PoCW's calls (`lib.rs` checks the origin and calls these), the check of the
//! parameters, and the weights the calls declare beyond their benchmarks.

use crate::{
	expiry::TaskExpiry, math, pallet::*, PocwParams, Seat, TaskId, TaskResult, Usage, Vote,
	WeightInfo, MAX_PERIOD, MAX_REWARD, MAX_REWARD_BUDGET,
};
use codec::Encode;
use fluxomics_primitives::{
	Balance, FluxLedger, Moment, PerKind, PowerConsumption, PowerLedger, PowerUnits, TaskClass,
};
use frame_support::{
	ensure,
	traits::{Get, Time},
	weights::Weight,
	BoundedVec,
};
use sp_core::H256;
use sp_runtime::{
	traits::{BlakeTwo256, Hash, Zero},
	DispatchError, DispatchResult,
};

impl<T: Config> Pallet<T> {
	/// Checks the parameters: `λ1 + λ2 + λ3 = 1` exactly; the reward below the fee and the fees
	/// within the budget; a reachable least quorum; no zero where zero makes no sense.
	pub fn validate_params(p: &PocwParams) -> DispatchResult {
		ensure!(
			math::is_normalized(p.lambda1, p.lambda2, p.lambda3),
			Error::<T>::SplitNotNormalized
		);
		ensure!(p.reward_share < p.fee_share, Error::<T>::RewardNotBelowFee);
		ensure!(
			p.fee_share.deconstruct().saturating_add(p.verify_share.deconstruct())
				<= sp_arithmetic::Perbill::one().deconstruct(),
			Error::<T>::FeesExceedBudget
		);
		ensure!(
			p.min_quorum > 0 && p.min_quorum <= T::MaxAttestations::get(),
			Error::<T>::InvalidMinQuorum
		);
		ensure!(
			!p.period.is_zero() && !p.commit_period.is_zero() && !p.reveal_period.is_zero(),
			Error::<T>::ZeroPeriod
		);
		ensure!(
			p.period <= MAX_PERIOD
				&& p.max_deadline <= MAX_PERIOD
				&& p.commit_period <= MAX_PERIOD
				&& p.reveal_period <= MAX_PERIOD,
			Error::<T>::PeriodTooLong
		);
		ensure!(
			p.k <= MAX_REWARD && p.reward_budget <= MAX_REWARD_BUDGET,
			Error::<T>::RewardTooLarge
		);
		ensure!(!p.work_cap.is_zero(), Error::<T>::ZeroWorkCap);
		ensure!(!p.risk_ref.is_zero(), Error::<T>::ZeroRiskRef);
		ensure!(!p.efficiency_cap.is_zero(), Error::<T>::ZeroEfficiencyCap);
		ensure!(!p.max_deadline.is_zero(), Error::<T>::ZeroMaxDeadline);
		ensure!(
			!p.min_collateral.is_zero()
				&& !p.min_verifier_bond.is_zero()
				&& !p.min_budget.is_zero(),
			Error::<T>::ZeroMinimum
		);
		Ok(())
	}

	/// The weight of `submit_result`: its benchmark, one accrual of the worker's Power (the
	/// usage charge) and counting the charge in the block's consumption.
	pub fn submit_result_weight() -> Weight {
		T::WeightInfo::submit_result()
			.saturating_add(T::Power::max_accrual_weight())
			.saturating_add(T::Consumption::note_consumed_weight())
	}

	/// The weight of a reveal that settles a task with `panel` verifiers (the dearest of the
	/// three verdicts, and one accrual of the worker's Power, whose staked reward changes its
	/// stake), or of one that does not (`None`).
	pub fn settle_weight(panel: Option<u32>) -> Weight {
		match panel {
			None => T::WeightInfo::reveal_verdict(),
			Some(p) => T::WeightInfo::reveal_settle(p)
				.max(T::WeightInfo::reveal_reject(p))
				.max(T::WeightInfo::expire_undecided(p))
				.saturating_add(T::Power::max_accrual_weight()),
		}
	}

	/// The weight `expire_task` declares: the dearer of an expiry and a settlement with a full
	/// panel.
	pub fn expire_task_weight() -> Weight {
		T::WeightInfo::expire_task().max(Self::settle_weight(Some(T::MaxAttestations::get())))
	}

	/// The commitment of a verdict: `blake2_256(SCALE(task, verifier, valid, work_units, salt))`.
	/// The verifier is in it, so another member cannot copy it.
	pub fn commitment(
		task: TaskId,
		verifier: &T::AccountId,
		valid: bool,
		work_units: u64,
		salt: H256,
	) -> H256 {
		<BlakeTwo256 as Hash>::hash(&(task, verifier, valid, work_units, salt).encode())
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
		ensure!(VerifierCount::<T>::get() < T::MaxVerifiers::get(), Error::<T>::TooManyVerifiers);
		let total = TotalBond::<T>::get().checked_add(bond).ok_or(Error::<T>::Overflow)?;
		T::Flux::hold(who, bond)?;
		Self::insert_verifier(who, bond);
		TotalBond::<T>::put(total);
		Self::deposit_event(Event::VerifierRegistered { who: who.clone(), bond });
		Ok(())
	}

	pub(crate) fn do_leave_verifier(who: &T::AccountId) -> DispatchResult {
		let info = Verifiers::<T>::get(who).ok_or(Error::<T>::UnknownVerifier)?;
		ensure!(info.pending.is_zero(), Error::<T>::VerifierBusy);
		// A bond slashed to nothing has nothing to release.
		if !info.bond.is_zero() {
			T::Flux::release(who, info.bond)?;
		}
		Self::remove_verifier(who, &info);
		TotalBond::<T>::mutate(|t| *t = t.saturating_sub(info.bond));
		Self::deposit_event(Event::VerifierLeft { who: who.clone(), bond: info.bond });
		Ok(())
	}

	pub(crate) fn do_post_task(
		requester: &T::AccountId,
		spec_hash: H256,
		budget: Balance,
		class: TaskClass,
		quorum: u32,
		deadline: Moment,
	) -> DispatchResult {
		let p = Params::<T>::get();
		ensure!(budget >= p.min_budget, Error::<T>::BudgetTooSmall);
		ensure!(
			quorum >= p.min_quorum && quorum <= T::MaxAttestations::get(),
			Error::<T>::InvalidQuorum
		);
		ensure!(quorum <= VerifierCount::<T>::get(), Error::<T>::NotEnoughVerifiers);
		let now = T::Time::now();
		ensure!(deadline > now, Error::<T>::DeadlineInPast);
		ensure!(deadline.saturating_sub(now) <= p.max_deadline, Error::<T>::DeadlineTooFar);
		let escrow = TotalEscrow::<T>::get().checked_add(budget).ok_or(Error::<T>::Overflow)?;
		let id = NextTaskId::<T>::get();
		TaskExpiry::<T>::schedule(deadline, id).map_err(|_| Error::<T>::ExpiryBucketFull)?;
		T::Flux::hold(requester, budget)?;
		TotalEscrow::<T>::put(escrow);
		Tasks::<T>::insert(
			id,
			TaskOf::<T> {
				requester: requester.clone(),
				spec_hash,
				budget,
				class,
				quorum,
				deadline,
				expiry: deadline,
				worker: None,
				collateral: 0,
				result: None,
				panel: BoundedVec::new(),
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
		let p = Params::<T>::get();
		let least = p.min_collateral.max(p.collateral_ratio.mul_ceil(task.budget));
		ensure!(collateral >= least, Error::<T>::CollateralTooSmall);
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
		let now = T::Time::now();
		ensure!(now < task.deadline, Error::<T>::DeadlinePassed);
		ensure!(task.result.is_none(), Error::<T>::AlreadySubmitted);
		let exec_cost = math::exec_cost(&T::ExecCost::get(), &usage).ok_or(Error::<T>::Overflow)?;
		let p = Params::<T>::get();
		let commit_end = now.saturating_add(p.commit_period);
		let reveal_end = commit_end.saturating_add(p.reveal_period);
		let mut draws = PendingDraws::<T>::get();
		draws.try_push(id).map_err(|_| Error::<T>::DrawQueueFull)?;
		let flux_paid = Self::charge_exec(worker, exec_cost)?;
		// The task now expires when its reveal ends. (A call is one storage layer: a full bucket
		// undoes the charge too.)
		TaskExpiry::<T>::reschedule(task.expiry, reveal_end, id)
			.map_err(|_| Error::<T>::ExpiryBucketFull)?;
		// A Power charge like any other: it moves R.
		T::Consumption::note_consumed(exec_cost);
		task.expiry = reveal_end;
		task.result = Some(TaskResult {
			hash: result_hash,
			usage,
			exec_cost,
			flux_paid,
			drawn: false,
			commit_end,
			reveal_end,
		});
		Tasks::<T>::insert(id, task);
		PendingDraws::<T>::put(draws);
		Self::deposit_event(Event::ResultSubmitted {
			task: id,
			worker: worker.clone(),
			result_hash,
			exec_cost,
			flux_paid,
			commit_end,
			reveal_end,
		});
		Ok(())
	}

	/// The task and the caller's place on its panel, once drawn.
	fn seat_of(id: TaskId, who: &T::AccountId) -> Result<(TaskOf<T>, usize), DispatchError> {
		let task = Tasks::<T>::get(id).ok_or(Error::<T>::UnknownTask)?;
		ensure!(task.result.as_ref().is_some_and(|r| r.drawn), Error::<T>::NotDrawn);
		let at =
			task.panel.iter().position(|s| &s.verifier == who).ok_or(Error::<T>::NotOnPanel)?;
		Ok((task, at))
	}

	pub(crate) fn do_commit_verdict(
		who: &T::AccountId,
		id: TaskId,
		commitment: H256,
	) -> DispatchResult {
		let (mut task, at) = Self::seat_of(id, who)?;
		let commit_end = task.result.as_ref().map_or(0, |r| r.commit_end);
		ensure!(T::Time::now() < commit_end, Error::<T>::CommitClosed);
		let seat: &mut Seat<T::AccountId> = task.panel.get_mut(at).ok_or(Error::<T>::NotOnPanel)?;
		ensure!(seat.commitment.is_none(), Error::<T>::AlreadyCommitted);
		seat.commitment = Some(commitment);
		Tasks::<T>::insert(id, task);
		Self::deposit_event(Event::VerdictCommitted { task: id, verifier: who.clone() });
		Ok(())
	}

	/// Records a revealed verdict; settles the task when it was the last. Returns the size of
	/// the panel if it settled.
	pub(crate) fn do_reveal_verdict(
		who: &T::AccountId,
		id: TaskId,
		valid: bool,
		work_units: u64,
		salt: H256,
	) -> Result<Option<u32>, DispatchError> {
		let (mut task, at) = Self::seat_of(id, who)?;
		let now = T::Time::now();
		ensure!(task.reveal_open(now), Error::<T>::RevealNotOpen);
		let reveal_end = task.result.as_ref().map_or(0, |r| r.reveal_end);
		ensure!(now < reveal_end, Error::<T>::RevealClosed);
		let seat = task.panel.get_mut(at).ok_or(Error::<T>::NotOnPanel)?;
		let committed = seat.commitment.ok_or(Error::<T>::NotCommitted)?;
		ensure!(seat.vote.is_none(), Error::<T>::AlreadyRevealed);
		ensure!(
			committed == Self::commitment(id, who, valid, work_units, salt),
			Error::<T>::CommitmentMismatch
		);
		seat.vote = Some(Vote { valid, work_units });
		Self::deposit_event(Event::VerdictRevealed {
			task: id,
			verifier: who.clone(),
			valid,
			work_units,
		});
		if task.all_revealed(now) {
			let panel = u32::try_from(task.panel.len()).unwrap_or(u32::MAX);
			Self::forget(id, &task);
			Self::settle(id, task)?;
			return Ok(Some(panel));
		}
		Tasks::<T>::insert(id, task);
		Ok(None)
	}

	/// Ends a task whose expiry has come; returns the size of its panel if it settled.
	pub(crate) fn do_expire_task(id: TaskId) -> Result<Option<u32>, DispatchError> {
		let task = Tasks::<T>::get(id).ok_or(Error::<T>::UnknownTask)?;
		ensure!(T::Time::now() >= task.expiry, Error::<T>::DeadlineNotPassed);
		Self::forget(id, &task);
		Self::end(id, task)
	}
}
