//! The bodies of the calls, the protocol flows other pallets use, and the invariants.

use crate::{math, pallet::*, FluxAccount, FluxParams, UnbondingChunk};
use fluxomics_primitives::{Balance, FluxLedger, StakeInfo, StakeObserver};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible,
		tokens::{Fortitude, Preservation},
		Time,
	},
	weights::Weight,
};
use sp_arithmetic::traits::Zero;
use sp_runtime::traits::AccountIdConversion;

type AccountOf<T> = FluxAccount<<T as Config>::MaxUnbondingChunks>;

impl<T: Config> Pallet<T> {
	/// The account HETU is paid into by `convert`.
	pub fn reserve_account() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// The protocol sink: Flux paid as fees goes here (governance can spend from it).
	pub fn sink_account() -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(b"sink")
	}

	/// Gives the reserve account the existential deposit of HETU if it has none (genesis).
	pub(crate) fn ensure_reserve_exists() {
		use fungible::{Inspect, Mutate};
		let reserve = Self::reserve_account();
		if T::Currency::balance(&reserve).is_zero() {
			let _ = T::Currency::mint_into(&reserve, T::Currency::minimum_balance());
		}
	}

	/// `who`'s ledger (empty if it holds no Flux).
	pub fn account(who: &T::AccountId) -> AccountOf<T> {
		Accounts::<T>::get(who).unwrap_or_default()
	}

	/// Changes `who`'s ledger with `f`, creating it (a sufficient) or removing it (when empty) as
	/// needed. Nothing is written if `f` fails.
	fn try_mutate_account<R>(
		who: &T::AccountId,
		f: impl FnOnce(&mut AccountOf<T>) -> Result<R, DispatchError>,
	) -> Result<R, DispatchError> {
		Accounts::<T>::try_mutate_exists(who, |maybe| {
			let existed = maybe.is_some();
			let mut account = maybe.take().unwrap_or_default();
			let result = f(&mut account)?;
			if account.is_empty() {
				if existed {
					frame_system::Pallet::<T>::dec_sufficients(who);
				}
			} else {
				if !existed {
					frame_system::Pallet::<T>::inc_sufficients(who);
				}
				*maybe = Some(account);
			}
			Ok(result)
		})
	}

	pub(crate) fn do_convert(who: &T::AccountId, hetu: Balance) -> Result<Balance, DispatchError> {
		ensure!(!hetu.is_zero(), Error::<T>::ZeroAmount);
		let params = Params::<T>::get();
		let flux = math::flux_for_hetu(hetu, params.hetu_per_flux).ok_or(Error::<T>::Overflow)?;
		ensure!(flux >= params.min_convert, Error::<T>::BelowMinimumConvert);
		Self::convert_exact(who, hetu, flux)
	}

	/// Takes `hetu` HETU from `who` into the reserve and mints `flux` Flux for it.
	fn convert_exact(
		who: &T::AccountId,
		hetu: Balance,
		flux: Balance,
	) -> Result<Balance, DispatchError> {
		use fungible::Mutate;
		frame_support::storage::with_storage_layer(|| {
			T::Currency::transfer(who, &Self::reserve_account(), hetu, Preservation::Preserve)
				.map_err(|_| Error::<T>::InsufficientHetu)?;
			Self::do_mint_silently(who, flux)?;
			Self::deposit_event(Event::Converted { who: who.clone(), hetu, flux });
			Ok(flux)
		})
	}

	/// HETU `who` can spend on conversion, keeping the existential deposit.
	fn spendable_hetu(who: &T::AccountId) -> Balance {
		use fungible::Inspect;
		T::Currency::reducible_balance(who, Preservation::Preserve, Fortitude::Polite)
	}

	/// Mints `amount` of free Flux for `who` without an event.
	fn do_mint_silently(who: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let issuance = TotalIssuance::<T>::get().checked_add(amount).ok_or(Error::<T>::Overflow)?;
		let minted = TotalMinted::<T>::get().checked_add(amount).ok_or(Error::<T>::Overflow)?;
		Self::try_mutate_account(who, |a| {
			a.free = a.free.checked_add(amount).ok_or(Error::<T>::Overflow)?;
			Ok(())
		})?;
		TotalIssuance::<T>::put(issuance);
		TotalMinted::<T>::put(minted);
		Ok(())
	}

	/// Mints `amount` of free Flux for `who`.
	pub(crate) fn do_mint(who: &T::AccountId, amount: Balance) -> DispatchResult {
		Self::do_mint_silently(who, amount)?;
		Self::deposit_event(Event::Minted { who: who.clone(), amount });
		Ok(())
	}

	/// Moves `amount` of free Flux to stake, after telling the observer. Returns what the
	/// observer's settlement cost.
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

	/// Checks parameters: every rejection has its own error.
	pub fn validate_params(params: &FluxParams) -> DispatchResult {
		ensure!(!params.hetu_per_flux.is_zero(), Error::<T>::ZeroRate);
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

	pub(crate) fn do_set_params(new: FluxParams) -> DispatchResult {
		Self::validate_params(&new)?;
		let old = Params::<T>::get();
		Params::<T>::put(new);
		Self::deposit_event(Event::ParamsSet { old, new });
		Ok(())
	}

	/// Takes `amount` of `who`'s free Flux out of the account (for burning or moving).
	fn take_free(who: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::try_mutate_account(who, |a| {
			a.free = a.free.checked_sub(amount).ok_or(Error::<T>::InsufficientFree)?;
			Ok(())
		})
	}

	/// Adds `amount` to `who`'s free Flux (the Flux already exists).
	fn put_free(who: &T::AccountId, amount: Balance) -> DispatchResult {
		Self::try_mutate_account(who, |a| {
			a.free = a.free.checked_add(amount).ok_or(Error::<T>::Overflow)?;
			Ok(())
		})
	}

	/// Removes `amount` from the issuance (it has left every account).
	fn note_burned(amount: Balance) {
		TotalIssuance::<T>::mutate(|t| *t = t.saturating_sub(amount));
		TotalBurned::<T>::mutate(|t| *t = t.saturating_add(amount));
	}

	/// The invariants: the ledger adds up, and the totals agree with each other.
	///
	/// 1. The sum over accounts of free + staked + held + unbonding equals `TotalIssuance`.
	/// 2. `TotalIssuance` equals `TotalMinted − TotalBurned`.
	/// 3. The sum of staked equals `TotalStaked`.
	/// 4. No stored account is empty, and each has at most `MaxUnbondingChunks` non-empty chunks.
	/// 5. No account has more stake committed elsewhere than it has staked.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut issuance: Balance = 0;
		let mut staked: Balance = 0;
		for (who, account) in Accounts::<T>::iter() {
			ensure!(!account.is_empty(), "4: an empty Flux account is stored");
			ensure!(
				account.unbonding.iter().all(|c| !c.amount.is_zero()),
				"4: an empty unbonding chunk is stored"
			);
			ensure!(
				T::StakeObserver::committed_stake(&who) <= account.staked,
				"5: more stake committed than staked"
			);
			issuance = issuance.checked_add(account.total()).ok_or("1: issuance overflows")?;
			staked = staked.checked_add(account.staked).ok_or("3: stake overflows")?;
		}
		ensure!(issuance == TotalIssuance::<T>::get(), "1: accounts do not sum to the issuance");
		ensure!(
			TotalMinted::<T>::get().checked_sub(TotalBurned::<T>::get())
				== Some(TotalIssuance::<T>::get()),
			"2: issuance is not minted minus burned"
		);
		ensure!(staked == TotalStaked::<T>::get(), "3: stakes do not sum to the total staked");
		Ok(())
	}
}

impl<T: Config> StakeInfo<T::AccountId> for Pallet<T> {
	fn staked(who: &T::AccountId) -> Balance {
		Self::account(who).staked
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn stake_for_benchmark(who: &T::AccountId, amount: Balance) {
		let _ = <Self as FluxLedger<_>>::mint_and_stake(who, amount);
	}
}

impl<T: Config> FluxLedger<T::AccountId> for Pallet<T> {
	fn free(who: &T::AccountId) -> Balance {
		Self::account(who).free
	}

	fn mint(who: &T::AccountId, amount: Balance) -> DispatchResult {
		Self::do_mint(who, amount)
	}

	fn mint_and_stake(who: &T::AccountId, amount: Balance) -> DispatchResult {
		frame_support::storage::with_storage_layer(|| {
			Self::do_mint_silently(who, amount)?;
			// An auto-staked reward may be less than `min_stake`: it adds to the stake as it is.
			let staked =
				Self::account(who).staked.checked_add(amount).ok_or(Error::<T>::Overflow)?;
			let _ = T::StakeObserver::before_stake_change(who, staked);
			Self::try_mutate_account(who, |a| {
				a.free = a.free.checked_sub(amount).ok_or(Error::<T>::InsufficientFree)?;
				a.staked = staked;
				Ok(())
			})?;
			TotalStaked::<T>::mutate(|t| *t = t.saturating_add(amount));
			Self::deposit_event(Event::AutoStaked { who: who.clone(), amount });
			Ok(())
		})
	}

	fn burn(who: &T::AccountId, amount: Balance) -> DispatchResult {
		Self::take_free(who, amount)?;
		Self::note_burned(amount);
		Self::deposit_event(Event::Burned { who: who.clone(), amount });
		Ok(())
	}

	fn pay_to_sink(who: &T::AccountId, amount: Balance) -> DispatchResult {
		let sink = Self::sink_account();
		frame_support::storage::with_storage_layer(|| {
			Self::take_free(who, amount)?;
			Self::put_free(&sink, amount)
		})?;
		Self::deposit_event(Event::PaidToSink { who: who.clone(), amount });
		Ok(())
	}

	fn transfer(from: &T::AccountId, to: &T::AccountId, amount: Balance) -> DispatchResult {
		frame_support::storage::with_storage_layer(|| {
			Self::take_free(from, amount)?;
			Self::put_free(to, amount)
		})?;
		Self::deposit_event(Event::Moved { from: from.clone(), to: to.clone(), amount });
		Ok(())
	}

	fn hold(who: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::try_mutate_account(who, |a| {
			a.free = a.free.checked_sub(amount).ok_or(Error::<T>::InsufficientFree)?;
			a.held = a.held.checked_add(amount).ok_or(Error::<T>::Overflow)?;
			Ok(())
		})?;
		Self::deposit_event(Event::Held { who: who.clone(), amount });
		Ok(())
	}

	fn release(who: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::try_mutate_account(who, |a| {
			a.held = a.held.checked_sub(amount).ok_or(Error::<T>::InsufficientHeld)?;
			a.free = a.free.checked_add(amount).ok_or(Error::<T>::Overflow)?;
			Ok(())
		})?;
		Self::deposit_event(Event::Released { who: who.clone(), amount });
		Ok(())
	}

	fn slash_held(
		who: &T::AccountId,
		amount: Balance,
		to: Option<&T::AccountId>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		frame_support::storage::with_storage_layer(|| {
			Self::try_mutate_account(who, |a| {
				a.held = a.held.checked_sub(amount).ok_or(Error::<T>::InsufficientHeld)?;
				Ok(())
			})?;
			match to {
				Some(to) => Self::put_free(to, amount),
				None => {
					Self::note_burned(amount);
					Ok(())
				},
			}
		})?;
		Self::deposit_event(Event::Slashed { who: who.clone(), amount, to: to.cloned() });
		Ok(())
	}

	fn convert_for(who: &T::AccountId, flux: Balance) -> Result<Balance, DispatchError> {
		ensure!(!flux.is_zero(), Error::<T>::ZeroAmount);
		let rate = Params::<T>::get().hetu_per_flux;
		let hetu = math::hetu_for_flux(flux, rate).ok_or(Error::<T>::Overflow)?;
		ensure!(Self::spendable_hetu(who) >= hetu, Error::<T>::InsufficientHetu);
		let minted = math::flux_for_hetu(hetu, rate).ok_or(Error::<T>::Overflow)?;
		Self::convert_exact(who, hetu, minted)?;
		Ok(hetu)
	}

	fn quote_convert_for(who: &T::AccountId, flux: Balance) -> Option<Balance> {
		if flux.is_zero() {
			return Some(0);
		}
		let hetu = math::hetu_for_flux(flux, Params::<T>::get().hetu_per_flux)?;
		(Self::spendable_hetu(who) >= hetu).then_some(hetu)
	}

	fn refund_from_sink(who: &T::AccountId, amount: Balance) -> DispatchResult {
		Self::transfer(&Self::sink_account(), who, amount)
	}
}
