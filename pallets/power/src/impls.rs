//! Settlement, the bodies of the calls, the traits other pallets use, and the invariants.

use crate::WeightInfo;
use crate::{
	math::{self, Accrual},
	pallet::*,
	Checkpoint, Delegation, PowerAccount, PowerParams, Redirect,
};
use alloc::vec::Vec;
use fluxomics_primitives::{
	Balance, ListedStake, Moment, PowerKind, PowerLedger, PowerStatus, PowerUnits, StakeInfo,
	StakeObserver,
};
use frame_support::{ensure, pallet_prelude::*, traits::Time};
use sp_arithmetic::{traits::Zero, FixedU128};

/// The indices of both kinds at time `t`, from the α history.
pub fn index_at(checkpoints: &[Checkpoint], t: Moment) -> (u128, u128) {
	if let Some(c) = checkpoints.iter().rev().find(|c| c.at <= t) {
		let elapsed = t.saturating_sub(c.at);
		return (
			math::advance_index(c.msg_index, c.alpha_msg, elapsed),
			math::advance_index(c.exec_index, c.alpha_exec, elapsed),
		);
	}
	match checkpoints.first() {
		// Before the chain's first timestamp nothing was generated.
		Some(c) if c.msg_index == 0 && c.exec_index == 0 => (0, 0),
		// Older than the oldest kept checkpoint: run its rate backwards (see the Assumptions).
		Some(c) => {
			let before = c.at.saturating_sub(t);
			(
				c.msg_index.saturating_sub(math::advance_index(0, c.alpha_msg, before)),
				c.exec_index.saturating_sub(math::advance_index(0, c.alpha_exec, before)),
			)
		},
		None => (0, 0),
	}
}

/// Sum of the amounts of redirections active at `t` (they end strictly after `t`).
fn active_at<A>(redirects: &[Redirect<A>], t: Moment) -> Balance {
	redirects.iter().filter(|r| r.until > t).fold(0, |sum, r| sum.saturating_add(r.amount))
}

/// Everything settlement of one account reads, read once.
struct Context<A> {
	/// The stored record, if any.
	account: Option<PowerAccount>,
	staked: Balance,
	outs: Vec<Redirect<A>>,
	ins: Vec<Redirect<A>>,
	params: PowerParams,
	checkpoints: Vec<Checkpoint>,
}

impl<A> Context<A> {
	/// Effective stake at time `t`.
	fn effective_stake(&self, account: &PowerAccount, t: Moment) -> Balance {
		self.staked
			.saturating_add(account.delegated_in)
			.saturating_add(active_at(&self.ins, t))
			.saturating_sub(account.delegated_out)
			.saturating_sub(active_at(&self.outs, t))
	}

	/// Both caps at effective stake `stake`.
	fn caps(&self, stake: Balance) -> (PowerUnits, PowerUnits) {
		(
			math::cap(stake, self.params.alpha_msg, self.params.cap_period),
			math::cap(stake, self.params.alpha_exec, self.params.cap_period),
		)
	}
}

impl<T: Config> Pallet<T> {
	/// Reads what settling `who` needs: its record (which carries its stake), its redirection
	/// lists only if it has any, and the rates.
	fn context(who: &T::AccountId) -> Context<T::AccountId> {
		let account = Accounts::<T>::get(who);
		let (staked, redirected) =
			account.as_ref().map_or((0, false), |a| (a.staked, a.redirections > 0));
		let (outs, ins) = if redirected {
			(RedirectsOut::<T>::get(who).into_inner(), RedirectsIn::<T>::get(who).into_inner())
		} else {
			(Vec::new(), Vec::new())
		};
		Context {
			account,
			staked,
			outs,
			ins,
			params: Params::<T>::get(),
			checkpoints: Checkpoints::<T>::get().into_inner(),
		}
	}

	/// `who`'s Power settled to `now`, without writing it. An account with no record has had no
	/// effective stake, so it starts fresh at `now`.
	fn settled_with(ctx: &Context<T::AccountId>, now: Moment) -> PowerAccount {
		let Some(mut account) = ctx.account.clone() else {
			let (msg_index, exec_index) = index_at(&ctx.checkpoints, now);
			return PowerAccount { last: now, msg_index, exec_index, ..Default::default() };
		};
		if now <= account.last {
			return Self::clamped(ctx, account, now);
		}
		// Effective stake changes only where a redirection ends: accrue piece by piece.
		let mut points: Vec<Moment> = ctx
			.outs
			.iter()
			.chain(ctx.ins.iter())
			.map(|r| r.until)
			.filter(|u| *u > account.last && *u < now)
			.collect();
		points.sort_unstable();
		points.dedup();
		points.push(now);

		let mut from = account.last;
		for to in points {
			let stake = ctx.effective_stake(&account, from);
			let (msg_cap, exec_cap) = ctx.caps(stake);
			let (msg_index, exec_index) = index_at(&ctx.checkpoints, to);
			let msg = math::settle(
				Accrual { balance: account.msg, remainder: account.msg_remainder },
				stake,
				msg_index.saturating_sub(account.msg_index),
				msg_cap,
			);
			let exec = math::settle(
				Accrual { balance: account.exec, remainder: account.exec_remainder },
				stake,
				exec_index.saturating_sub(account.exec_index),
				exec_cap,
			);
			account.msg = msg.balance;
			account.msg_remainder = msg.remainder;
			account.exec = exec.balance;
			account.exec_remainder = exec.remainder;
			account.msg_index = msg_index;
			account.exec_index = exec_index;
			from = to;
		}
		account.last = now;
		Self::clamped(ctx, account, now)
	}

	/// `account` with its balances lowered to the caps of its effective stake at `now`.
	fn clamped(
		ctx: &Context<T::AccountId>,
		mut account: PowerAccount,
		now: Moment,
	) -> PowerAccount {
		let (msg_cap, exec_cap) = ctx.caps(ctx.effective_stake(&account, now));
		if account.msg >= msg_cap {
			account.msg = msg_cap;
			account.msg_remainder = 0;
		}
		if account.exec >= exec_cap {
			account.exec = exec_cap;
			account.exec_remainder = 0;
		}
		account
	}

	/// `who`'s Power settled to now, without writing it.
	pub fn settled(who: &T::AccountId) -> PowerAccount {
		Self::settled_with(&Self::context(who), T::Time::now())
	}

	/// Settles `who` to now and stores the result.
	pub fn settle(who: &T::AccountId) -> PowerAccount {
		let account = Self::settled(who);
		Accounts::<T>::insert(who, &account);
		account
	}

	/// `who`'s Power, rates, caps and effective stake, settled to now: `PowerApi::power_of`.
	pub fn power_of(who: &T::AccountId) -> PowerStatus {
		let ctx = Self::context(who);
		let now = T::Time::now();
		let account = Self::settled_with(&ctx, now);
		let stake = ctx.effective_stake(&account, now);
		let (msg_cap, exec_cap) = ctx.caps(stake);
		PowerStatus {
			msg: account.msg,
			exec: account.exec,
			msg_per_day: math::generation_over_days(stake, ctx.params.alpha_msg, 1),
			exec_per_day: math::generation_over_days(stake, ctx.params.alpha_exec, 1),
			msg_cap,
			exec_cap,
			effective_stake: stake,
			settled_at: now,
		}
	}

	/// Stake of `who` that is delegated out, redirected out (and not yet ended) or listed on the
	/// market.
	pub fn committed(who: &T::AccountId) -> Balance {
		let (delegated, redirected) =
			Accounts::<T>::get(who).map_or((0, false), |a| (a.delegated_out, a.redirections > 0));
		let leased =
			if redirected { active_at(&RedirectsOut::<T>::get(who), T::Time::now()) } else { 0 };
		delegated.saturating_add(leased).saturating_add(T::Listed::listed(who))
	}

	/// Stake of `who` free to delegate or redirect.
	fn uncommitted(who: &T::AccountId) -> Balance {
		T::Stake::staked(who).saturating_sub(Self::committed(who))
	}

	pub(crate) fn do_delegate(
		who: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
		lock: Moment,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(who != to, Error::<T>::SelfDelegation);
		ensure!(lock <= T::MaxDelegationLock::get(), Error::<T>::LockTooLong);
		ensure!(Self::uncommitted(who) >= amount, Error::<T>::InsufficientStake);
		let locked_until = T::Time::now().saturating_add(lock);

		let mut delegations = Delegations::<T>::get(who);
		let (total, locked_until) = if let Some(d) = delegations.iter_mut().find(|d| &d.to == to) {
			d.amount = d.amount.saturating_add(amount);
			d.locked_until = d.locked_until.max(locked_until);
			(d.amount, d.locked_until)
		} else {
			delegations
				.try_push(Delegation { to: to.clone(), amount, locked_until })
				.map_err(|_| Error::<T>::TooManyDelegations)?;
			(amount, locked_until)
		};

		let mut giver = Self::settle(who);
		let mut receiver = Self::settle(to);
		giver.delegated_out = giver.delegated_out.saturating_add(amount);
		receiver.delegated_in = receiver.delegated_in.saturating_add(amount);
		Accounts::<T>::insert(who, giver);
		Accounts::<T>::insert(to, receiver);
		Delegations::<T>::insert(who, delegations);
		Self::deposit_event(Event::Delegated {
			from: who.clone(),
			to: to.clone(),
			amount,
			total,
			locked_until,
		});
		Ok(())
	}

	pub(crate) fn do_undelegate(who: &T::AccountId, to: &T::AccountId) -> DispatchResult {
		let mut delegations = Delegations::<T>::get(who);
		let index = delegations.iter().position(|d| &d.to == to).ok_or(Error::<T>::NoDelegation)?;
		let delegation = delegations.remove(index);
		ensure!(T::Time::now() >= delegation.locked_until, Error::<T>::DelegationLocked);

		let mut giver = Self::settle(who);
		let mut receiver = Self::settle(to);
		giver.delegated_out = giver.delegated_out.saturating_sub(delegation.amount);
		receiver.delegated_in = receiver.delegated_in.saturating_sub(delegation.amount);
		Accounts::<T>::insert(who, giver);
		Accounts::<T>::insert(to, receiver);
		if delegations.is_empty() {
			Delegations::<T>::remove(who);
		} else {
			Delegations::<T>::insert(who, delegations);
		}
		Self::deposit_event(Event::Undelegated {
			from: who.clone(),
			to: to.clone(),
			amount: delegation.amount,
		});
		Ok(())
	}

	/// Checks parameters: every rejection has its own error.
	pub fn validate_params(params: &PowerParams) -> DispatchResult {
		let max = FixedU128::from_inner(
			math::MAX_ALPHA_PU_PER_FLUX_DAY
				.saturating_mul(<FixedU128 as sp_arithmetic::FixedPointNumber>::DIV),
		);
		for alpha in [params.alpha_msg, params.alpha_exec] {
			ensure!(!alpha.is_zero(), Error::<T>::ZeroAlpha);
			ensure!(alpha <= max, Error::<T>::AlphaTooHigh);
		}
		ensure!(
			params.cap_period >= 1 && params.cap_period <= T::MaxCapPeriod::get(),
			Error::<T>::CapPeriodOutOfRange
		);
		Ok(())
	}

	/// Records a new α from `now` on: the indices up to now grow at the old α.
	fn checkpoint(now: Moment, params: &PowerParams) {
		Checkpoints::<T>::mutate(|checkpoints| {
			let Some(last) = checkpoints.last().copied() else {
				// The chain has not started: the first timestamp will use these parameters.
				return;
			};
			let (msg_index, exec_index) = index_at(checkpoints, now);
			let next = Checkpoint {
				at: now.max(last.at),
				msg_index,
				exec_index,
				alpha_msg: params.alpha_msg,
				alpha_exec: params.alpha_exec,
			};
			if last.at >= now {
				if let Some(l) = checkpoints.last_mut() {
					*l = next;
				}
				return;
			}
			if checkpoints.is_full() {
				checkpoints.remove(0);
			}
			// Cannot fail: there is room now.
			let _ = checkpoints.try_push(next);
		});
	}

	pub(crate) fn do_set_params(new: PowerParams) -> DispatchResult {
		Self::validate_params(&new)?;
		let old = Params::<T>::get();
		Self::checkpoint(T::Time::now(), &new);
		Params::<T>::put(new);
		Self::deposit_event(Event::ParamsSet { old, new });
		Ok(())
	}

	/// Starts generation at the chain's first timestamp.
	pub(crate) fn start_generation(now: Moment) {
		if Checkpoints::<T>::decode_len().unwrap_or(0) > 0 {
			return;
		}
		let params = Params::<T>::get();
		let first = Checkpoint {
			at: now,
			msg_index: 0,
			exec_index: 0,
			alpha_msg: params.alpha_msg,
			alpha_exec: params.alpha_exec,
		};
		Checkpoints::<T>::mutate(|c| {
			let _ = c.try_push(first);
		});
	}

	fn add_redirect(
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
		until: Moment,
	) -> DispatchResult {
		let now = T::Time::now();
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(from != to, Error::<T>::SelfDelegation);
		ensure!(until > now, Error::<T>::RedirectEndInPast);
		ensure!(Self::uncommitted(from) >= amount, Error::<T>::InsufficientStake);
		// Both sides settle at their old effective stakes before the lists change. Ended
		// redirections stay listed (and inactive) until `end_redirect` removes them from both
		// sides at once.
		let mut outs = RedirectsOut::<T>::get(from);
		let mut ins = RedirectsIn::<T>::get(to);
		outs.try_push(Redirect { other: to.clone(), amount, until })
			.map_err(|_| Error::<T>::TooManyRedirects)?;
		ins.try_push(Redirect { other: from.clone(), amount, until })
			.map_err(|_| Error::<T>::TooManyRedirects)?;
		Self::settle_and_count_redirections(from, true);
		Self::settle_and_count_redirections(to, true);
		RedirectsOut::<T>::insert(from, outs);
		RedirectsIn::<T>::insert(to, ins);
		Self::deposit_event(Event::Redirected {
			from: from.clone(),
			to: to.clone(),
			amount,
			until,
		});
		Ok(())
	}

	/// Settles `who` (at its effective stake before the change) and counts one redirection more
	/// (`added`) or less on its record.
	fn settle_and_count_redirections(who: &T::AccountId, added: bool) {
		let mut account = Self::settled(who);
		account.redirections = if added {
			account.redirections.saturating_add(1)
		} else {
			account.redirections.saturating_sub(1)
		};
		Accounts::<T>::insert(who, account);
	}

	fn remove_redirect(
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
		until: Moment,
	) -> DispatchResult {
		let mut outs = RedirectsOut::<T>::get(from);
		let mut ins = RedirectsIn::<T>::get(to);
		let out = outs
			.iter()
			.position(|r| &r.other == to && r.amount == amount && r.until == until)
			.ok_or(Error::<T>::NoRedirect)?;
		let inn = ins
			.iter()
			.position(|r| &r.other == from && r.amount == amount && r.until == until)
			.ok_or(Error::<T>::NoRedirect)?;
		// Settle first: generation up to now (or the end) follows the redirection.
		Self::settle_and_count_redirections(from, false);
		Self::settle_and_count_redirections(to, false);
		outs.remove(out);
		ins.remove(inn);
		RedirectsOut::<T>::insert(from, outs);
		RedirectsIn::<T>::insert(to, ins);
		Self::deposit_event(Event::RedirectEnded {
			from: from.clone(),
			to: to.clone(),
			amount,
			until,
		});
		Ok(())
	}

	/// The invariants.
	///
	/// 1. No settled balance exceeds its cap.
	/// 2. No account commits (delegates or redirects) more stake than it has staked.
	/// 3. The sum of delegated out equals the sum of delegated in, and each account's
	///    delegations add up to its `delegated_out`.
	/// 4. Every redirection given has its mirror received, and the other way round.
	/// 5. Checkpoints are in time order.
	/// 6. Each record's stake is the Flux ledger's.
	/// 7. Each record counts its redirection lists' entries.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let now = T::Time::now();
		let (mut out_total, mut in_total) = (0u128, 0u128);
		for (who, stored) in Accounts::<T>::iter() {
			let ctx = Self::context(&who);
			let account = Self::settled_with(&ctx, now);
			let (msg_cap, exec_cap) = ctx.caps(ctx.effective_stake(&account, now));
			ensure!(account.msg <= msg_cap && account.exec <= exec_cap, "1: Power above its cap");
			ensure!(Self::committed(&who) <= ctx.staked, "2: more stake committed than staked");
			ensure!(
				stored.staked == T::Stake::staked(&who),
				"6: stake differs from the Flux ledger"
			);
			let listed = RedirectsOut::<T>::decode_len(&who)
				.unwrap_or(0)
				.saturating_add(RedirectsIn::<T>::decode_len(&who).unwrap_or(0));
			ensure!(
				usize::try_from(stored.redirections).ok() == Some(listed),
				"7: redirection count differs from the lists"
			);
			let delegated: Balance = Delegations::<T>::get(&who).iter().map(|d| d.amount).sum();
			ensure!(
				delegated == stored.delegated_out,
				"3: delegations do not sum to delegated_out"
			);
			out_total = out_total.saturating_add(stored.delegated_out);
			in_total = in_total.saturating_add(stored.delegated_in);
		}
		ensure!(out_total == in_total, "3: delegated out and in differ");
		for (from, outs) in RedirectsOut::<T>::iter() {
			for r in outs.iter() {
				let mirrored = RedirectsIn::<T>::get(&r.other)
					.iter()
					.any(|i| i.other == from && i.amount == r.amount && i.until == r.until);
				ensure!(mirrored, "4: a redirection given is not received");
			}
		}
		for (to, ins) in RedirectsIn::<T>::iter() {
			for r in ins.iter() {
				let mirrored = RedirectsOut::<T>::get(&r.other)
					.iter()
					.any(|o| o.other == to && o.amount == r.amount && o.until == r.until);
				ensure!(mirrored, "4: a redirection received is not given");
			}
		}
		let checkpoints = Checkpoints::<T>::get();
		ensure!(
			checkpoints.iter().zip(checkpoints.iter().skip(1)).all(|(a, b)| a.at < b.at),
			"5: checkpoints out of order"
		);
		Ok(())
	}
}

impl<T: Config> StakeObserver<T::AccountId> for Pallet<T> {
	fn before_stake_change(who: &T::AccountId, new_staked: Balance) -> Weight {
		// One read of the account's context serves both the settlement and its weight.
		let ctx = Self::context(who);
		let mut account = Self::settled_with(&ctx, T::Time::now());
		account.staked = new_staked;
		Accounts::<T>::insert(who, account);
		let redirections = ctx.outs.len().max(ctx.ins.len());
		T::WeightInfo::settle(u32::try_from(redirections).unwrap_or(u32::MAX))
	}

	fn committed_stake(who: &T::AccountId) -> Balance {
		Self::committed(who)
	}

	fn before_stake_change_weight() -> Weight {
		// Settling the account with the most redirections to walk.
		T::WeightInfo::settle(T::MaxRedirects::get())
	}
}

impl<T: Config> PowerLedger<T::AccountId> for Pallet<T> {
	fn available(who: &T::AccountId, kind: PowerKind) -> PowerUnits {
		let account = Self::settled(who);
		match kind {
			PowerKind::Msg => account.msg,
			PowerKind::Exec => account.exec,
		}
	}

	fn consume(who: &T::AccountId, kind: PowerKind, amount: PowerUnits) -> DispatchResult {
		let mut account = Self::settled(who);
		let balance = match kind {
			PowerKind::Msg => &mut account.msg,
			PowerKind::Exec => &mut account.exec,
		};
		*balance = balance.checked_sub(amount).ok_or(Error::<T>::InsufficientPower)?;
		Accounts::<T>::insert(who, account);
		Ok(())
	}

	fn available_both(who: &T::AccountId) -> (PowerUnits, PowerUnits) {
		let account = Self::settled(who);
		(account.msg, account.exec)
	}

	fn consume_both(who: &T::AccountId, msg: PowerUnits, exec: PowerUnits) -> DispatchResult {
		let mut account = Self::settled(who);
		account.msg = account.msg.checked_sub(msg).ok_or(Error::<T>::InsufficientPower)?;
		account.exec = account.exec.checked_sub(exec).ok_or(Error::<T>::InsufficientPower)?;
		Accounts::<T>::insert(who, account);
		Ok(())
	}

	fn settlement_weight(who: &T::AccountId) -> Weight {
		let redirections = Accounts::<T>::get(who).map_or(0, |a| a.redirections);
		// `settle(r)` walks r redirections given and r received: 2r end points.
		T::WeightInfo::settle(redirections.div_ceil(2)).saturating_sub(T::WeightInfo::settle(0))
	}

	fn max_settlement_weight() -> Weight {
		T::WeightInfo::settle(T::MaxRedirects::get()).saturating_sub(T::WeightInfo::settle(0))
	}

	fn refund(who: &T::AccountId, kind: PowerKind, amount: PowerUnits) {
		let ctx = Self::context(who);
		let now = T::Time::now();
		let mut account = Self::settled_with(&ctx, now);
		let (msg_cap, exec_cap) = ctx.caps(ctx.effective_stake(&account, now));
		match kind {
			PowerKind::Msg => account.msg = account.msg.saturating_add(amount).min(msg_cap),
			PowerKind::Exec => account.exec = account.exec.saturating_add(amount).min(exec_cap),
		}
		Accounts::<T>::insert(who, account);
	}

	fn redirect(
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
		until: Moment,
	) -> DispatchResult {
		Self::add_redirect(from, to, amount, until)
	}

	fn end_redirect(
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
		until: Moment,
	) -> DispatchResult {
		Self::remove_redirect(from, to, amount, until)
	}
}

impl<T: Config> frame_support::traits::OnTimestampSet<Moment> for Pallet<T> {
	fn on_timestamp_set(now: Moment) {
		Self::start_generation(now);
	}
}
