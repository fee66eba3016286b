//! The market's side of the traits other pallets call.

use crate::pallet::*;
use fluxomics_primitives::{Balance, ListedStake};

/// The Power pallet counts listed stake as committed.
impl<T: Config> ListedStake<T::AccountId> for Pallet<T> {
	fn listed(who: &T::AccountId) -> Balance {
		Listed::<T>::get(who)
	}
}
