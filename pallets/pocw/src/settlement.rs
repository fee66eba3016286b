//! Settlement: PoCW's verdict on a task, by the seats its panel revealed.
//!
//! - Fewer than a majority of the seats revealed: **undecided**; the budget goes back to the
//!   requester and the collateral to the worker.
//! - Otherwise the revealed majority decides (a tie rejects). The seats with the majority share
//!   the verification fee (`verify_share` of the budget, from the escrow).
//!   - **Valid**, and the worker's reported steps within `usage_tolerance` of the verified work:
//!     `fee_share` of the budget goes to the sink, the rest of the escrow to the worker, its
//!     collateral back, and it is rewarded `min(K · score, reward_share · budget)`, funded from
//!     the sink first and minted beyond it (within the period's budget).
//!   - **Rejected** (by the votes, or a reported usage out of tolerance): the requester gets its
//!     budget back less the verification fee, and `slash_to_requester` of the collateral; the
//!     rest of the collateral goes to the sink.
//! - A drawn verifier that revealed against the majority loses `wrong_vote_slash` of its bond;
//!   one that did not commit or did not reveal, `no_show_slash`; both to the sink.

use crate::{math, pallet::*, PocwParams, RejectReason, SlashReason, TaskId, Vote};
use alloc::vec::Vec;
use fluxomics_primitives::{Balance, FluxLedger, PowerUnits};
use frame_support::traits::{Get, Time};
use sp_arithmetic::FixedU128;
use sp_runtime::{traits::Zero, DispatchResult};

impl<T: Config> Pallet<T> {
	/// Takes `task`'s panel off the verifiers' open panels.
	pub(crate) fn unpend(task: &TaskOf<T>) {
		for s in task.panel.iter() {
			Verifiers::<T>::mutate_exists(&s.verifier, |v| {
				if let Some(v) = v {
					v.pending = v.pending.saturating_sub(1);
				}
			});
		}
	}

	/// Starts a new reward period if the current one is over; returns what is left of the
	/// period's budget of new Flux.
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

	/// The work units of the revealed valid seats, one entry a seat.
	fn valid_units(task: &TaskOf<T>) -> Vec<u64> {
		let mut units = Vec::new();
		for s in task.panel.iter() {
			if let Some(Vote { valid: true, work_units }) = s.vote {
				for _ in 0..s.seats {
					units.push(work_units);
				}
			}
		}
		units
	}

	/// The exec cost the score sees: the reported usage metered with its steps raised to the
	/// verified work, so that under-reporting never makes a result look cheaper.
	fn verified_cost(task: &TaskOf<T>, verified_work: u64) -> PowerUnits {
		let Some(r) = task.result.as_ref() else { return 0 };
		let mut usage = r.usage;
		usage.steps = usage.steps.max(verified_work);
		math::exec_cost(&T::ExecCost::get(), &usage).unwrap_or(PowerUnits::MAX)
	}

	/// The score a task with a result would settle to, assuming a valid outcome, and its
	/// verified work (the lower median of the valid seats' measures).
	pub(crate) fn score_of(task: &TaskOf<T>, p: &PocwParams) -> (FixedU128, u64) {
		let verified_work = math::verified_work(Self::valid_units(task), u64::MAX);
		let score = math::score(
			&math::ScoreInputs {
				verified_work: verified_work.min(p.work_cap),
				collateral: task.collateral,
				budget: math::power_for_flux(task.budget, T::ExchangeRate::get()),
				exec_cost: Self::verified_cost(task, verified_work),
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

	/// The most a task's reward can be now: its share of the budget, and what the sink and the
	/// period's budget of new Flux can fund.
	pub(crate) fn reward_room(task: &TaskOf<T>, p: &PocwParams, budget_left: Balance) -> Balance {
		p.reward_share
			.mul_floor(task.budget)
			.min(T::Flux::sink_balance().saturating_add(budget_left))
	}

	/// Takes `share` of `who`'s bond to the sink, and tells why.
	fn slash_verifier(
		id: TaskId,
		who: &T::AccountId,
		share: sp_arithmetic::Perbill,
		reason: SlashReason,
	) -> DispatchResult {
		let Some(mut info) = Verifiers::<T>::get(who) else { return Ok(()) };
		let amount = share.mul_floor(info.bond).min(info.bond);
		if amount.is_zero() {
			return Ok(());
		}
		T::Flux::slash_held(who, amount, Some(who))?;
		T::Flux::pay_to_sink(who, amount)?;
		Self::reduce_bond(&mut info, amount);
		Verifiers::<T>::insert(who, info);
		Self::deposit_event(Event::VerifierSlashed {
			task: id,
			verifier: who.clone(),
			amount,
			reason,
		});
		Ok(())
	}

	/// Moves `amount` of `from`'s held Flux to the sink.
	fn held_to_sink(from: &T::AccountId, amount: Balance) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Flux::slash_held(from, amount, Some(from))?;
		T::Flux::pay_to_sink(from, amount)
	}

	/// Moves `amount` of `from`'s held Flux to `to`'s free Flux.
	fn held_to(from: &T::AccountId, to: &T::AccountId, amount: Balance) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Flux::slash_held(from, amount, Some(to))
	}

	/// Settles a task whose reveal is over (or complete), already forgotten.
	pub(crate) fn settle(id: TaskId, task: TaskOf<T>) -> DispatchResult {
		let Some(worker) = task.worker.clone() else { return Ok(()) };
		let p = Params::<T>::get();
		Self::unpend(&task);
		let (valid, invalid) = task.tally();
		let revealed = valid.saturating_add(invalid);
		let decided = revealed.saturating_mul(2) > task.seats() && !revealed.is_zero();
		let majority = valid > invalid;
		// Slashes: no-shows always, votes against the majority when there is a verdict.
		for s in task.panel.iter() {
			match s.vote {
				None => {
					Self::slash_verifier(id, &s.verifier, p.no_show_slash, SlashReason::NoShow)?
				},
				Some(v) if decided && v.valid != majority => Self::slash_verifier(
					id,
					&s.verifier,
					p.wrong_vote_slash,
					SlashReason::WrongVote,
				)?,
				Some(_) => {},
			}
		}
		if !decided {
			if !task.budget.is_zero() {
				T::Flux::release(&task.requester, task.budget)?;
			}
			if !task.collateral.is_zero() {
				T::Flux::release(&worker, task.collateral)?;
			}
			Self::deposit_event(Event::TaskUndecided { task: id, worker });
			return Ok(());
		}
		// The verification fee, to the seats with the majority; what does not divide, to the sink.
		let winners = if majority { valid } else { invalid };
		let verification_fee = p.verify_share.mul_floor(task.budget);
		let (per_seat, rest) = math::share_equally(verification_fee, winners);
		for s in task.panel.iter() {
			if s.vote.is_some_and(|v| v.valid == majority) {
				Self::held_to(
					&task.requester,
					&s.verifier,
					per_seat.saturating_mul(s.seats.into()),
				)?;
			}
		}
		Self::held_to_sink(&task.requester, rest)?;
		let (score, verified_work) = Self::score_of(&task, &p);
		let reported = task.result.as_ref().map_or(0, |r| r.usage.steps);
		let usage_ok = math::usage_within(reported, verified_work, p.usage_tolerance);
		if majority && usage_ok {
			Self::settle_valid(id, task, worker, &p, verification_fee, score, verified_work)
		} else {
			let reason = if majority { RejectReason::Usage } else { RejectReason::Votes };
			let refunded = task.budget.saturating_sub(verification_fee);
			if !refunded.is_zero() {
				T::Flux::release(&task.requester, refunded)?;
			}
			let to_requester = p.slash_to_requester.mul_floor(task.collateral);
			let to_sink = task.collateral.saturating_sub(to_requester);
			Self::held_to(&worker, &task.requester, to_requester)?;
			Self::held_to_sink(&worker, to_sink)?;
			Self::deposit_event(Event::TaskRejected {
				task: id,
				worker,
				reason,
				refunded,
				verification_fee,
				to_requester,
				to_sink,
			});
			Ok(())
		}
	}

	/// Pays and rewards the worker of a task settled valid.
	fn settle_valid(
		id: TaskId,
		task: TaskOf<T>,
		worker: T::AccountId,
		p: &PocwParams,
		verification_fee: Balance,
		score: FixedU128,
		verified_work: u64,
	) -> DispatchResult {
		let fee = p.fee_share.mul_floor(task.budget);
		let paid = task.budget.saturating_sub(fee).saturating_sub(verification_fee);
		Self::held_to_sink(&task.requester, fee)?;
		Self::held_to(&task.requester, &worker, paid)?;
		if !task.collateral.is_zero() {
			T::Flux::release(&worker, task.collateral)?;
		}
		let budget_left = Self::budget_left(p);
		let reward = math::reward(p.k, score, Self::reward_room(&task, p, budget_left));
		// Funded from the sink first: what the sink gives is burned there and minted anew below,
		// so the supply grows only by `reward − from_sink`.
		let from_sink = reward.min(T::Flux::sink_balance());
		if !from_sink.is_zero() {
			T::Flux::burn_from_sink(from_sink)?;
		}
		EmittedThisPeriod::<T>::mutate(|e| *e = e.saturating_add(reward.saturating_sub(from_sink)));
		let (free, staked, sink) = math::split(reward, p.lambda1, p.lambda2);
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
		Self::deposit_event(Event::TaskSettled {
			task: id,
			worker,
			score,
			verified_work,
			paid,
			fee,
			verification_fee,
			reward,
			free,
			staked,
			sink,
			from_sink,
		});
		Ok(())
	}
}
