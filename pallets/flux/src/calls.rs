//! The bodies of the calls: `convert`, `stake`, `unstake`, `rebond`, `withdraw_unbonded` and
//! `set_params`. `lib.rs` checks the origin and calls these.

use crate::{math, pallet::*, FluxParams, UnbondingChunk, MAX_HETU_PER_FLUX, MIN_HETU_PER_FLUX};
use fluxomics_primitives::{Balance, StakeObserver};
use frame_support::{ensure, pallet_prelude::*, traits::Time, weights::Weight};
use sp_arithmetic::traits::Zero;

impl<T: Config> Pallet<T> {
	/// Pays `hetu` HETU into the reserve and mints Flux at `hetu_per_flux`, rounded down. Returns
	/// the Flux minted.
	pub(crate) fn do_convert(who: &T::AccountId, hetu: Balance) -> Result<Balance, DispatchError> {
		ensure!(!hetu.is_zero(), Error::<T>::ZeroAmount);
		let params = Params::<T>::get();
		let flux = math::flux_for_hetu(hetu, params.hetu_per_flux).ok_or(Error::<T>::Overflow)?;
		ensure!(flux >= params.min_convert, Error::<T>::BelowMinimumConvert);
		Self::convert_exact(who, hetu, flux)
	}

	/// Moves `amount` of free Flux to stake, after telling the observer. Returns what the
	/// observer's accrual cost.
	pub(crate) fn do_stake(who: &T::AccountId, amount: Balance) -> Result<Weight, DispatchError> {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let min_stake = Params::<T>::get().min_stake;
		let total_staked =
			TotalStaked::<T>::get().checked_add(amount).ok_or(Error::<T>::Overflow)?;
		let account = Self::account(who);
		ensure!(account.free >= amount, Error::<T>::InsufficientFree);
		let staked = account.staked.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		ensure!(staked >= min_stake, Error::<T>::BelowMinimumStake);

		let observed = T::StakeObserver::before_stake_change(who, staked);
		Self::try_mutate_account(who, |a| {
			a.free = a.free.checked_sub(amount).ok_or(Error::<T>::InsufficientFree)?;
			a.staked = staked;
			Ok(())
		})?;
		TotalStaked::<T>::put(total_staked);
		Self::deposit_event(Event::Staked { who: who.clone(), amount });
		Ok(observed)
	}

	/// Moves `amount` of stake to an unbonding chunk thawing after `unbonding_period` (merged
	/// with a chunk thawing at the same time), after telling the observer. Returns what the
	/// observer's accrual cost.
	pub(crate) fn do_unstake(who: &T::AccountId, amount: Balance) -> Result<Weight, DispatchError> {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let params = Params::<T>::get();
		let account = Self::account(who);
		let left = account.staked.checked_sub(amount).ok_or(Error::<T>::InsufficientStake)?;
		ensure!(left.is_zero() || left >= params.min_stake, Error::<T>::BelowMinimumStake);
		ensure!(left >= T::StakeObserver::committed_stake(who), Error::<T>::StakeCommitted);
		let thaw_at = T::Time::now().saturating_add(params.unbonding_period);

		let mut unbonding = account.unbonding;
		if let Some(chunk) = unbonding.iter_mut().find(|c| c.thaw_at == thaw_at) {
			chunk.amount = chunk.amount.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		} else {
			unbonding
				.try_push(UnbondingChunk { amount, thaw_at })
				.map_err(|_| Error::<T>::TooManyUnbondingChunks)?;
		}

		let observed = T::StakeObserver::before_stake_change(who, left);
		Self::try_mutate_account(who, |a| {
			a.staked = left;
			a.unbonding = unbonding;
			Ok(())
		})?;
		TotalStaked::<T>::mutate(|t| *t = t.saturating_sub(amount));
		Self::deposit_event(Event::Unstaked { who: who.clone(), amount, thaw_at });
		Ok(observed)
	}

	/// Moves `amount` of unbonding Flux back to stake, newest chunks first, after telling the
	/// observer. Returns what the observer's accrual cost.
	pub(crate) fn do_rebond(who: &T::AccountId, amount: Balance) -> Result<Weight, DispatchError> {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut account = Self::account(who);
		ensure!(account.unbonding_total() >= amount, Error::<T>::InsufficientUnbonding);
		let staked = account.staked.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		ensure!(staked >= Params::<T>::get().min_stake, Error::<T>::BelowMinimumStake);

		// Newest chunks first: the last pushed is the newest.
		let mut left = amount;
		while !left.is_zero() {
			let Some(chunk) = account.unbonding.last_mut() else { break };
			let take = left.min(chunk.amount);
			chunk.amount = chunk.amount.saturating_sub(take);
			left = left.saturating_sub(take);
			if chunk.amount.is_zero() {
				account.unbonding.pop();
			}
		}

		let observed = T::StakeObserver::before_stake_change(who, staked);
		Self::try_mutate_account(who, |a| {
			a.staked = staked;
			a.unbonding = account.unbonding;
			Ok(())
		})?;
		TotalStaked::<T>::mutate(|t| *t = t.saturating_add(amount));
		Self::deposit_event(Event::Rebonded { who: who.clone(), amount });
		Ok(observed)
	}

	/// Moves every thawed unbonding chunk to free. Returns the Flux withdrawn.
	pub(crate) fn do_withdraw_unbonded(who: &T::AccountId) -> Result<Balance, DispatchError> {
		let now = T::Time::now();
		let amount = Self::try_mutate_account(who, |a| {
			let thawed = a
				.unbonding
				.iter()
				.filter(|c| c.thaw_at <= now)
				.fold(0u128, |sum, c| sum.saturating_add(c.amount));
			ensure!(!thawed.is_zero(), Error::<T>::NothingToWithdraw);
			a.unbonding.retain(|c| c.thaw_at > now);
			a.free = a.free.checked_add(thawed).ok_or(Error::<T>::Overflow)?;
			Ok(thawed)
		})?;
		Self::deposit_event(Event::Withdrawn { who: who.clone(), amount });
		Ok(amount)
	}

	/// `who`'s unbonding Flux that has thawed and can be withdrawn now.
	pub fn thawed(who: &T::AccountId) -> Balance {
		let now = T::Time::now();
		Self::account(who)
			.unbonding
			.iter()
			.filter(|c| c.thaw_at <= now)
			.fold(0u128, |sum, c| sum.saturating_add(c.amount))
	}

	/// Moves `amount` of `who`'s thawed unbonding Flux to free, oldest chunks first (a
	/// withdrawal that pays its own fee: `pallet_power_metering::SelfFunding`). Nothing changes
	/// if less has thawed.
	pub fn take_thawed(who: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let now = T::Time::now();
		Self::try_mutate_account(who, |a| {
			let mut left = amount;
			for chunk in a.unbonding.iter_mut().filter(|c| c.thaw_at <= now) {
				let take = left.min(chunk.amount);
				chunk.amount = chunk.amount.saturating_sub(take);
				left = left.saturating_sub(take);
			}
			ensure!(left.is_zero(), Error::<T>::NothingToWithdraw);
			a.unbonding.retain(|c| !c.amount.is_zero());
			a.free = a.free.checked_add(amount).ok_or(Error::<T>::Overflow)?;
			Ok(())
		})?;
		Self::deposit_event(Event::Withdrawn { who: who.clone(), amount });
		Ok(())
	}

	/// Checks parameters and stores them.
	pub(crate) fn do_set_params(new: FluxParams) -> DispatchResult {
		Self::validate_params(&new)?;
		let old = Params::<T>::get();
		Params::<T>::put(new);
		Self::deposit_event(Event::ParamsSet { old, new });
		Ok(())
	}

	/// Checks parameters (`set_params` and genesis): every rejection has its own error.
	pub fn validate_params(params: &FluxParams) -> DispatchResult {
		ensure!(!params.hetu_per_flux.is_zero(), Error::<T>::ZeroRate);
		ensure!(params.hetu_per_flux >= MIN_HETU_PER_FLUX, Error::<T>::RateTooLow);
		ensure!(params.hetu_per_flux <= MAX_HETU_PER_FLUX, Error::<T>::RateTooHigh);
		ensure!(
			params.unbonding_period <= T::MaxUnbondingPeriod::get(),
			Error::<T>::UnbondingPeriodTooLong
		);
		ensure!(
			!params.min_stake.is_zero() && !params.min_convert.is_zero(),
			Error::<T>::ZeroMinimum
		);
		Ok(())
	}
}
