//! The accrual engine: bringing an account's Power up to now, lazily, and the α history it
//! reads.
//!
//! An account is accrued before every read or change of its Power and before any change of its
//! effective stake, at the old stake. Accrual reads the account's record, its lease lists only if
//! it has leases, the parameters and the checkpoints; it walks at most `2 · MaxLeases` lease end
//! points. Everything is computed once over [`PerKind`]: the two kinds cannot differ in method.

use crate::{
	math::{self, Accrual},
	pallet::*,
	Checkpoint, Lease, PowerAccount, PowerParams,
};
use alloc::vec::Vec;
use fluxomics_primitives::{Balance, ListedStake, Moment, PerKind, PowerUnits, StakeInfo};
use frame_support::traits::Time;

/// The index of each kind at time `t`, from the α history.
pub fn index_at(checkpoints: &[Checkpoint], t: Moment) -> PerKind<u128> {
	if let Some(c) = checkpoints.iter().rev().find(|c| c.at <= t) {
		let elapsed = t.saturating_sub(c.at);
		return c.index.zip(c.alpha, |index, alpha| math::advance_index(index, alpha, elapsed));
	}
	match checkpoints.first() {
		// Before the chain's first timestamp nothing was generated.
		Some(c) if c.index.is_zero() => PerKind::default(),
		// Older than the oldest kept checkpoint: run its rate backwards (see the Assumptions).
		Some(c) => {
			let before = c.at.saturating_sub(t);
			c.index.zip(c.alpha, |index, alpha| {
				index.saturating_sub(math::advance_index(0, alpha, before))
			})
		},
		None => PerKind::default(),
	}
}

/// Sum of the amounts of leases active at `t` (they end strictly after `t`).
pub(crate) fn active_at<A>(leases: &[Lease<A>], t: Moment) -> Balance {
	leases.iter().filter(|l| l.until > t).fold(0, |sum, l| sum.saturating_add(l.amount))
}

/// Everything the accrual of one account reads, read once.
pub(crate) struct Context<A> {
	/// The stored record, if any.
	pub account: Option<PowerAccount>,
	/// Own staked Flux, from the record.
	pub staked: Balance,
	/// Leases the account gives.
	pub outs: Vec<Lease<A>>,
	/// Leases the account receives.
	pub ins: Vec<Lease<A>>,
	/// The parameters.
	pub params: PowerParams,
	/// The α history.
	pub checkpoints: Vec<Checkpoint>,
}

impl<A> Context<A> {
	/// Effective stake at time `t`.
	pub fn effective_stake(&self, account: &PowerAccount, t: Moment) -> Balance {
		self.staked
			.saturating_add(account.delegated_in)
			.saturating_add(active_at(&self.ins, t))
			.saturating_sub(account.delegated_out)
			.saturating_sub(active_at(&self.outs, t))
	}

	/// The cap of each kind at effective stake `stake`.
	pub fn caps(&self, stake: Balance) -> PerKind<PowerUnits> {
		let period = self.params.cap_period;
		self.params.alpha.map(|_, alpha| math::cap(stake, alpha, period))
	}

	/// The lease end points accrual walks: the longer of the two lists.
	pub fn lease_walk(&self) -> u32 {
		u32::try_from(self.outs.len().max(self.ins.len())).unwrap_or(u32::MAX)
	}
}

impl<T: Config> Pallet<T> {
	/// Reads what accruing `who` needs: its record (which carries its stake), its lease lists
	/// only if it has any, and the rates.
	pub(crate) fn context(who: &T::AccountId) -> Context<T::AccountId> {
		let account = Accounts::<T>::get(who);
		let (staked, leased) = account.as_ref().map_or((0, false), |a| (a.staked, a.leases > 0));
		let (outs, ins) = if leased {
			(LeasesOut::<T>::get(who).into_inner(), LeasesIn::<T>::get(who).into_inner())
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

	/// `who`'s Power accrued to `now`, without writing it. An account with no record has had no
	/// effective stake, so it starts fresh at `now`.
	pub(crate) fn accrued_with(ctx: &Context<T::AccountId>, now: Moment) -> PowerAccount {
		let Some(mut account) = ctx.account.clone() else {
			let index = index_at(&ctx.checkpoints, now);
			return PowerAccount { accrued_at: now, index, ..Default::default() };
		};
		if now <= account.accrued_at {
			return Self::clamped(ctx, account, now);
		}
		// Effective stake changes only where a lease ends: accrue piece by piece.
		let mut points: Vec<Moment> = ctx
			.outs
			.iter()
			.chain(ctx.ins.iter())
			.map(|l| l.until)
			.filter(|u| *u > account.accrued_at && *u < now)
			.collect();
		points.sort_unstable();
		points.dedup();
		points.push(now);

		let mut from = account.accrued_at;
		for to in points {
			let stake = ctx.effective_stake(&account, from);
			let index = index_at(&ctx.checkpoints, to);
			let delta = index.saturating_sub(account.index);
			let state = account
				.power
				.zip(account.remainder, |balance, remainder| Accrual { balance, remainder });
			let accrued = state
				.zip(delta, |state, delta| (state, delta))
				.zip(ctx.caps(stake), |(state, delta), cap| {
					math::accrue_capped(state, stake, delta, cap)
				});
			account.power = accrued.map(|_, a| a.balance);
			account.remainder = accrued.map(|_, a| a.remainder);
			account.index = index;
			from = to;
		}
		account.accrued_at = now;
		Self::clamped(ctx, account, now)
	}

	/// `account` with its balances lowered to the caps of its effective stake at `now`; a kind
	/// at its cap keeps no fraction.
	fn clamped(
		ctx: &Context<T::AccountId>,
		mut account: PowerAccount,
		now: Moment,
	) -> PowerAccount {
		let caps = ctx.caps(ctx.effective_stake(&account, now));
		let full = account.power.zip(caps, |power, cap| power >= cap);
		account.power = account.power.min(caps);
		account.remainder = account.remainder.zip(full, |r, full| if full { 0 } else { r });
		account
	}

	/// `who`'s Power accrued to now, without writing it.
	pub fn accrued(who: &T::AccountId) -> PowerAccount {
		Self::accrued_with(&Self::context(who), T::Time::now())
	}

	/// `who`'s Power accrued to now, and whether it has a stored record (for [`Self::store`]).
	pub(crate) fn accrued_entry(who: &T::AccountId) -> (bool, PowerAccount) {
		let ctx = Self::context(who);
		(ctx.account.is_some(), Self::accrued_with(&ctx, T::Time::now()))
	}

	/// Accrues `who` to now and stores the result.
	pub fn accrue(who: &T::AccountId) -> PowerAccount {
		let (existed, account) = Self::accrued_entry(who);
		Self::store(who, existed, &account);
		account
	}

	/// Accrues `who` (at its effective stake before the change), applies `change` to its record
	/// and stores it.
	pub(crate) fn accrue_and(who: &T::AccountId, change: impl FnOnce(&mut PowerAccount)) {
		let (existed, mut account) = Self::accrued_entry(who);
		change(&mut account);
		Self::store(who, existed, &account);
	}

	/// What [`Self::store`] adds when it makes or removes a record: the account's system entry,
	/// read and written (`inc_sufficients` / `dec_sufficients`). The benchmarks of calls whose
	/// receiver already has a record (the one with the most leases to walk) do not measure it.
	pub fn existence_weight() -> frame_support::weights::Weight {
		use frame_support::traits::Get;
		<T as frame_system::Config>::DbWeight::get().reads_writes(1, 1)
	}

	/// Stores `who`'s record, or removes it when it holds nothing ([`PowerAccount::is_empty`]);
	/// `existed` says whether a record was stored before, from the read the caller made.
	///
	/// A stored record holds one sufficient reference on its account, as a Flux ledger entry
	/// does. A record made for an account that does not exist (a delegate, a lessee or a
	/// sponsored key that holds nothing else) makes it exist, so that it can sign (`CheckNonce`)
	/// and pay in the Power it receives; removing the record drops the reference, which reaps an
	/// account that has nothing else.
	pub(crate) fn store(who: &T::AccountId, existed: bool, account: &PowerAccount) {
		if account.is_empty() {
			if existed {
				Accounts::<T>::remove(who);
				frame_system::Pallet::<T>::dec_sufficients(who);
			}
			return;
		}
		if !existed {
			frame_system::Pallet::<T>::inc_sufficients(who);
		}
		Accounts::<T>::insert(who, account);
	}

	/// Stake of `who` that is delegated out, leased out (and not yet ended) or listed on the
	/// market.
	pub fn committed(who: &T::AccountId) -> Balance {
		let (delegated, leased) =
			Accounts::<T>::get(who).map_or((0, false), |a| (a.delegated_out, a.leases > 0));
		let leased = if leased { active_at(&LeasesOut::<T>::get(who), T::Time::now()) } else { 0 };
		delegated.saturating_add(leased).saturating_add(T::Listed::listed(who))
	}

	/// Stake of `who` free to delegate or lease.
	pub(crate) fn uncommitted(who: &T::AccountId) -> Balance {
		T::Stake::staked(who).saturating_sub(Self::committed(who))
	}

	/// Records a new α from `now` on: the indices up to now grow at the old α.
	pub(crate) fn record_checkpoint(now: Moment, params: &PowerParams) {
		Checkpoints::<T>::mutate(|checkpoints| {
			let Some(last) = checkpoints.last().copied() else {
				// The chain has not started: the first timestamp will use these parameters.
				return;
			};
			let next = Checkpoint {
				at: now.max(last.at),
				index: index_at(checkpoints, now),
				alpha: params.alpha,
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
}
