//! What this pallet provides to others: [`PowerConsumption`], so that Power charged outside the
//! charging extension (PoCW's usage) moves the exchange rate R as every other charge does.

use crate::pallet::*;
use fluxomics_primitives::{PowerConsumption, PowerUnits};
use frame_support::{traits::Get, weights::Weight};

impl<T: Config> PowerConsumption for Pallet<T> {
	fn note_consumed(power: PowerUnits) {
		ConsumedThisBlock::<T>::mutate(|c| *c = c.saturating_add(power));
	}

	fn note_consumed_weight() -> Weight {
		// One read and one write of `ConsumedThisBlock`; no other work.
		T::DbWeight::get().reads_writes(1, 1)
	}
}
