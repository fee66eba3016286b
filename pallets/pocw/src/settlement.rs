//! Settlement: PoCW's verdict on a task that reached its quorum. Valid, the worker's collateral
//! is released and it is rewarded `K · score` Flux (split `λ1` free, `λ2` auto-staked, `λ3` to
//! the sink or burned); rejected, its collateral is slashed, part of it to the verifiers who
//! found the result invalid. Verifiers with the outcome earn `attest_reward`; every reward counts
//! against the period's budget.

use crate::{math, pallet::*, PocwParams, TaskId};
use alloc::vec::Vec;
use fluxomics_primitives::{Balance, FluxLedger};
use frame_support::traits::Time;
use sp_arithmetic::FixedU128;
use sp_runtime::{traits::Zero, DispatchResult};

impl<T: Config> Pallet<T> {
	/// Clears the pending attestations of `task`'s verifiers (all but `skip`, whose attestation
	/// was never counted as pending).
	pub(crate) fn unpend(task: &TaskOf<T>, skip: Option<&T::AccountId>) {
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
	pub(crate) fn budget_left_now(p: &PocwParams) -> Balance {
		let start = PeriodStart::<T>::get();
		if math::period_start(start, T::Time::now(), p.period) != start {
			return p.reward_budget;
		}
		p.reward_budget.saturating_sub(EmittedThisPeriod::<T>::get())
	}

	fn note_emitted(amount: Balance) {
		EmittedThisPeriod::<T>::mutate(|e| *e = e.saturating_add(amount));
	}

	/// The score a task with a result would settle to, assuming a valid outcome, and its
	/// verified work.
	pub(crate) fn score_of(task: &TaskOf<T>, p: &PocwParams) -> (FixedU128, u64) {
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
	pub(crate) fn settle(id: TaskId, task: TaskOf<T>) -> DispatchResult {
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
}
