//! What this pallet provides to others: [`StakeInfo`] (Power reads the stake) and
//! [`FluxLedger`] (the protocol flows). The bodies are in `flows.rs`.

use crate::pallet::*;
use fluxomics_primitives::{Balance, FluxLedger, StakeInfo};
use frame_support::pallet_prelude::*;

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
