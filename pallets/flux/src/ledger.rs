//! The ledger's building blocks: one account's record (created as a sufficient, removed when
//! empty), the reserve and sink accounts, minting, taking and putting free Flux, burning, and
//! paying HETU for Flux. The calls and the protocol flows are written with these.

use crate::{pallet::*, FluxAccount};
use fluxomics_primitives::Balance;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible,
		tokens::{Fortitude, Preservation},
	},
};
use sp_arithmetic::traits::Zero;
use sp_runtime::traits::AccountIdConversion;

/// One account's ledger, as stored.
pub(crate) type AccountOf<T> = FluxAccount<<T as Config>::MaxUnbondingChunks>;

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
	pub(crate) fn try_mutate_account<R>(
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

	/// Takes `hetu` HETU from `who` into the reserve and mints `flux` Flux for it.
	pub(crate) fn convert_exact(
		who: &T::AccountId,
		hetu: Balance,
		flux: Balance,
	) -> Result<Balance, DispatchError> {
		use fungible::Mutate;
		frame_support::storage::with_storage_layer(|| {
			T::Currency::transfer(who, &Self::reserve_account(), hetu, Preservation::Preserve)
				.map_err(|_| Error::<T>::InsufficientHetu)?;
			Self::mint_silently(who, flux)?;
			Self::deposit_event(Event::Converted { who: who.clone(), hetu, flux });
			Ok(flux)
		})
	}

	/// HETU `who` can spend on conversion, keeping the existential deposit.
	pub(crate) fn spendable_hetu(who: &T::AccountId) -> Balance {
		use fungible::Inspect;
		T::Currency::reducible_balance(who, Preservation::Preserve, Fortitude::Polite)
	}

	/// Mints `amount` of free Flux for `who` without an event.
	pub(crate) fn mint_silently(who: &T::AccountId, amount: Balance) -> DispatchResult {
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

	/// Takes `amount` of `who`'s free Flux out of the account (for burning or moving).
	pub(crate) fn take_free(who: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::try_mutate_account(who, |a| {
			a.free = a.free.checked_sub(amount).ok_or(Error::<T>::InsufficientFree)?;
			Ok(())
		})
	}

	/// Adds `amount` to `who`'s free Flux (the Flux already exists).
	pub(crate) fn put_free(who: &T::AccountId, amount: Balance) -> DispatchResult {
		Self::try_mutate_account(who, |a| {
			a.free = a.free.checked_add(amount).ok_or(Error::<T>::Overflow)?;
			Ok(())
		})
	}

	/// Removes `amount` from the issuance (it has left every account).
	pub(crate) fn note_burned(amount: Balance) {
		TotalIssuance::<T>::mutate(|t| *t = t.saturating_sub(amount));
		TotalBurned::<T>::mutate(|t| *t = t.saturating_add(amount));
	}
}
