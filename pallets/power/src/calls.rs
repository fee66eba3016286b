//! The bodies of the calls.

use crate::{math, pallet::*, Delegation, PowerParams};
use fluxomics_primitives::{Balance, Moment};
use frame_support::{ensure, pallet_prelude::*, traits::Time};
use sp_arithmetic::{traits::Zero, FixedPointNumber, FixedU128};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_delegate(
		who: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
		lock: Moment,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(amount >= T::MinDelegation::get(), Error::<T>::BelowMinDelegation);
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

		Self::give(who, to, amount);
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
		let index =
			delegations.iter().position(|d| &d.to == to).ok_or(Error::<T>::UnknownDelegation)?;
		let delegation = delegations.remove(index);
		ensure!(T::Time::now() >= delegation.locked_until, Error::<T>::DelegationLocked);

		Self::take_back(who, to, delegation.amount);
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

	/// Moves the generation of `amount` of `from`'s stake to `to` (a delegation), each side
	/// accrued at its old effective stake first. A record made for `to` makes it exist
	/// ([`Self::store`]).
	pub(crate) fn give(from: &T::AccountId, to: &T::AccountId, amount: Balance) {
		Self::accrue_and(from, |a| a.delegated_out = a.delegated_out.saturating_add(amount));
		Self::accrue_and(to, |a| a.delegated_in = a.delegated_in.saturating_add(amount));
	}

	/// Takes back what [`Self::give`] moved. A receiver left with nothing is removed, and with
	/// it an account that has nothing else.
	pub(crate) fn take_back(from: &T::AccountId, to: &T::AccountId, amount: Balance) {
		Self::accrue_and(from, |a| a.delegated_out = a.delegated_out.saturating_sub(amount));
		Self::accrue_and(to, |a| a.delegated_in = a.delegated_in.saturating_sub(amount));
	}

	pub(crate) fn do_set_params(new: PowerParams) -> DispatchResult {
		Self::validate_params(&new)?;
		let old = Params::<T>::get();
		Self::validate_change(&old, &new)?;
		Self::record_checkpoint(T::Time::now(), &new);
		Params::<T>::put(new);
		Self::deposit_event(Event::ParamsSet { old, new });
		Ok(())
	}

	/// Checks that one vote cuts generation (α of each kind, and the cap period) at most
	/// `MAX_CUT_PER_VOTE`-fold below both the value in force and the default, so that no single
	/// vote leaves stakers without the Power to vote again: each further tenfold cut is a
	/// referendum of its own, undone by the next.
	pub fn validate_change(old: &PowerParams, new: &PowerParams) -> DispatchResult {
		use fluxomics_primitives::vote_reach::{length_within, rate_floor};
		let k = crate::MAX_CUT_PER_VOTE;
		let d = DefaultParams::get();
		ensure!(
			new.alpha.msg >= rate_floor(old.alpha.msg, d.alpha.msg, k)
				&& new.alpha.exec >= rate_floor(old.alpha.exec, d.alpha.exec, k),
			Error::<T>::ChangeTooLarge
		);
		let k64 = u64::try_from(k).unwrap_or(u64::MAX);
		ensure!(
			length_within(new.cap_period, old.cap_period, d.cap_period, k64),
			Error::<T>::ChangeTooLarge
		);
		Ok(())
	}

	/// Checks parameters: every rejection has its own error.
	pub fn validate_params(params: &PowerParams) -> DispatchResult {
		let max =
			FixedU128::from_inner(math::MAX_ALPHA_PU_PER_FLUX_DAY.saturating_mul(FixedU128::DIV));
		for alpha in [params.alpha.msg, params.alpha.exec] {
			ensure!(!alpha.is_zero(), Error::<T>::ZeroAlpha);
			ensure!(alpha <= max, Error::<T>::AlphaTooHigh);
		}
		ensure!(
			params.cap_period >= 1 && params.cap_period <= T::MaxCapPeriod::get(),
			Error::<T>::CapPeriodOutOfRange
		);
		Ok(())
	}
}
