//! The protocol flows: the only ways Flux enters, leaves or moves besides the calls. Other
//! pallets reach them through [`FluxLedger`](fluxomics_primitives::FluxLedger) (`impls.rs`);
//! each is checked, each deposits an event, and nothing changes on error.

use crate::{math, pallet::*};
use fluxomics_primitives::{Balance, StakeObserver};
use frame_support::{ensure, pallet_prelude::*};
use sp_arithmetic::traits::Zero;

impl<T: Config> Pallet<T> {
	/// Mints `amount` of free Flux for `who`.
	pub(crate) fn do_mint(who: &T::AccountId, amount: Balance) -> DispatchResult {
		Self::mint_silently(who, amount)?;
		Self::deposit_event(Event::Minted { who: who.clone(), amount });
		Ok(())
	}

	/// Mints `amount` of Flux for `who` and stakes it, after telling the observer. An auto-staked
	/// reward may be less than `min_stake`: it adds to the stake as it is.
	pub(crate) fn do_mint_and_stake(who: &T::AccountId, amount: Balance) -> DispatchResult {
		frame_support::storage::with_storage_layer(|| {
			Self::mint_silently(who, amount)?;
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

	/// Burns `amount` of `who`'s free Flux.
	pub(crate) fn do_burn(who: &T::AccountId, amount: Balance) -> DispatchResult {
		Self::take_free(who, amount)?;
		Self::note_burned(amount);
		Self::deposit_event(Event::Burned { who: who.clone(), amount });
		Ok(())
	}

	/// Moves `amount` of `who`'s free Flux to the sink (a fee: nothing is burned).
	pub(crate) fn do_pay_to_sink(who: &T::AccountId, amount: Balance) -> DispatchResult {
		let sink = Self::sink_account();
		frame_support::storage::with_storage_layer(|| {
			Self::take_free(who, amount)?;
			Self::put_free(&sink, amount)
		})?;
		Self::deposit_event(Event::PaidToSink { who: who.clone(), amount });
		Ok(())
	}

	/// Moves `amount` of free Flux from `from` to `to`.
	pub(crate) fn do_transfer(
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
	) -> DispatchResult {
		frame_support::storage::with_storage_layer(|| {
			Self::take_free(from, amount)?;
			Self::put_free(to, amount)
		})?;
		Self::deposit_event(Event::Moved { from: from.clone(), to: to.clone(), amount });
		Ok(())
	}

	/// Sets `amount` of `who`'s free Flux aside as held (collateral).
	pub(crate) fn do_hold(who: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::try_mutate_account(who, |a| {
			a.free = a.free.checked_sub(amount).ok_or(Error::<T>::InsufficientFree)?;
			a.held = a.held.checked_add(amount).ok_or(Error::<T>::Overflow)?;
			Ok(())
		})?;
		Self::deposit_event(Event::Held { who: who.clone(), amount });
		Ok(())
	}

	/// Returns `amount` of `who`'s held Flux to free.
	pub(crate) fn do_release(who: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::try_mutate_account(who, |a| {
			a.held = a.held.checked_sub(amount).ok_or(Error::<T>::InsufficientHeld)?;
			a.free = a.free.checked_add(amount).ok_or(Error::<T>::Overflow)?;
			Ok(())
		})?;
		Self::deposit_event(Event::Released { who: who.clone(), amount });
		Ok(())
	}

	/// Takes `amount` of `who`'s held Flux: to `to`'s free Flux, or burned if `to` is `None`.
	pub(crate) fn do_slash_held(
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

	/// Buys at least `flux` Flux for `who` with the least HETU that does (rounded up), keeping
	/// the existential deposit of HETU. Returns the HETU taken.
	pub(crate) fn do_convert_for(
		who: &T::AccountId,
		flux: Balance,
	) -> Result<Balance, DispatchError> {
		ensure!(!flux.is_zero(), Error::<T>::ZeroAmount);
		let rate = Params::<T>::get().hetu_per_flux;
		let hetu = math::hetu_for_flux(flux, rate).ok_or(Error::<T>::Overflow)?;
		ensure!(Self::spendable_hetu(who) >= hetu, Error::<T>::InsufficientHetu);
		let minted = math::flux_for_hetu(hetu, rate).ok_or(Error::<T>::Overflow)?;
		Self::convert_exact(who, hetu, minted)?;
		Ok(hetu)
	}

	/// The HETU [`do_convert_for`](Self::do_convert_for) would take, or `None` if `who` cannot
	/// pay it. Changes nothing.
	pub(crate) fn do_quote_convert_for(who: &T::AccountId, flux: Balance) -> Option<Balance> {
		if flux.is_zero() {
			return Some(0);
		}
		let hetu = math::hetu_for_flux(flux, Params::<T>::get().hetu_per_flux)?;
		(Self::spendable_hetu(who) >= hetu).then_some(hetu)
	}
}
