//! Genesis: the reserve's existential deposit, the parameters and the starting accounts.

use crate::{pallet::*, FluxParams};
use fluxomics_primitives::Balance;

impl<T: Config> Pallet<T> {
	/// Builds the genesis state. Panics on invalid parameters or accounts: a chain must not start
	/// from them.
	pub(crate) fn build_genesis(
		params: Option<FluxParams>,
		accounts: &[(T::AccountId, Balance, Balance)],
	) {
		// The reserve holds the existential deposit from the start, so that a `convert` of any
		// size can pay into it.
		Self::ensure_reserve_exists();
		if let Some(params) = params {
			if let Err(e) = Self::validate_params(&params) {
				panic!("invalid Flux genesis parameters: {e:?}");
			}
			Params::<T>::put(params);
		}
		for (who, free, staked) in accounts {
			let total = free.saturating_add(*staked);
			let result = Self::do_mint(who, total).and_then(|()| {
				if *staked > 0 {
					Self::do_stake(who, *staked).map(|_| ())
				} else {
					Ok(())
				}
			});
			if let Err(e) = result {
				panic!("invalid Flux genesis account: {e:?}");
			}
		}
	}
}
