//! Flox's implementations of the traits other pallets call: the metering pallet tells it of
//! every charge with a counterparty through [`OnPowerCharged`].

use crate::{pallet::*, weights::WeightInfo};
use fluxomics_primitives::{OnPowerCharged, PowerUnits};
use frame_support::weights::Weight;

impl<T: Config> OnPowerCharged<T::AccountId> for Pallet<T> {
	/// Notes the charge in the block's buffer (recording.rs); the next block folds it.
	fn on_power_charged(payer: &T::AccountId, counterparty: &T::AccountId, power: PowerUnits) {
		Self::note_charge(payer, counterparty, power)
	}

	/// One charge noted: `record(1)`, whose benchmark also fits the slope up to a full buffer.
	fn weight() -> Weight {
		T::WeightInfo::record(1)
	}
}
