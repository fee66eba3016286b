//! What this pallet provides to others: [`StakeInfo`] (Power reads the stake), [`FluxLedger`]
//! (the protocol flows; the bodies are in `flows.rs`) and [`WithdrawPaysItself`] (the charging
//! extension's [`SelfFunding`]: a withdrawal pays from the Flux it releases).

use crate::pallet::*;
use fluxomics_primitives::{Balance, FluxLedger, SelfFunding, StakeInfo};
use frame_support::pallet_prelude::*;
use frame_support::traits::IsSubType;

impl<T: Config> StakeInfo<T::AccountId> for Pallet<T> {
	fn staked(who: &T::AccountId) -> Balance {
		Self::account(who).staked
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn stake_for_benchmark(who: &T::AccountId, amount: Balance) {
		let _ = Self::do_mint_and_stake(who, amount);
	}
}

impl<T: Config> FluxLedger<T::AccountId> for Pallet<T> {
	fn free(who: &T::AccountId) -> Balance {
		Self::account(who).free
	}

	fn held(who: &T::AccountId) -> Balance {
		Self::account(who).held
	}

	fn mint(who: &T::AccountId, amount: Balance) -> DispatchResult {
		Self::do_mint(who, amount)
	}

	fn mint_and_stake(who: &T::AccountId, amount: Balance) -> DispatchResult {
		Self::do_mint_and_stake(who, amount)
	}

	fn burn(who: &T::AccountId, amount: Balance) -> DispatchResult {
		Self::do_burn(who, amount)
	}

	fn pay_to_sink(who: &T::AccountId, amount: Balance) -> DispatchResult {
		Self::do_pay_to_sink(who, amount)
	}

	fn transfer(from: &T::AccountId, to: &T::AccountId, amount: Balance) -> DispatchResult {
		Self::do_transfer(from, to, amount)
	}

	fn hold(who: &T::AccountId, amount: Balance) -> DispatchResult {
		Self::do_hold(who, amount)
	}

	fn release(who: &T::AccountId, amount: Balance) -> DispatchResult {
		Self::do_release(who, amount)
	}

	fn slash_held(
		who: &T::AccountId,
		amount: Balance,
		to: Option<&T::AccountId>,
	) -> DispatchResult {
		Self::do_slash_held(who, amount, to)
	}

	fn convert_for(who: &T::AccountId, flux: Balance) -> Result<Balance, DispatchError> {
		Self::do_convert_for(who, flux)
	}

	fn quote_convert_for(who: &T::AccountId, flux: Balance) -> Option<Balance> {
		Self::do_quote_convert_for(who, flux)
	}

	fn hetu_value(flux: Balance) -> Option<Balance> {
		crate::math::hetu_for_flux(flux, Params::<T>::get().hetu_per_flux)
	}

	fn refund_from_sink(who: &T::AccountId, amount: Balance) -> DispatchResult {
		Self::do_transfer(&Self::sink_account(), who, amount)
	}

	fn sink_balance() -> Balance {
		Self::account(&Self::sink_account()).free
	}

	fn burn_from_sink(amount: Balance) -> DispatchResult {
		Self::do_burn(&Self::sink_account(), amount)
	}
}

/// `withdraw_unbonded` pays for itself from the thawed Flux it releases, so that an account that
/// unstaked everything it had (no free Flux, no HETU, no Power left) is never locked out of its
/// Flux; no other call releases anything. The runtime names it as the charging extension's
/// [`SelfFunding`].
pub struct WithdrawPaysItself<T>(core::marker::PhantomData<T>);

impl<T: Config, Call: IsSubType<crate::Call<T>>> SelfFunding<Call, T::AccountId>
	for WithdrawPaysItself<T>
{
	fn releasable(call: &Call, who: &T::AccountId) -> Balance {
		match call.is_sub_type() {
			Some(crate::Call::withdraw_unbonded {}) => Pallet::<T>::thawed(who),
			_ => 0,
		}
	}

	fn release(call: &Call, who: &T::AccountId, amount: Balance) -> DispatchResult {
		match call.is_sub_type() {
			Some(crate::Call::withdraw_unbonded {}) => Pallet::<T>::take_thawed(who, amount),
			_ => Err(DispatchError::Other("not a self-funding call")),
		}
	}

	fn weight(call: &Call) -> Weight {
		match call.is_sub_type() {
			// The signer's Flux account, read to find what has thawed and written to release it.
			Some(crate::Call::withdraw_unbonded {}) => T::DbWeight::get().reads_writes(1, 1),
			_ => Weight::zero(),
		}
	}
}
