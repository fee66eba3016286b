//! The block hook: first the panels of the results submitted in the block before are drawn
//! (`draw.rs`), then the tasks whose expiry bucket is wholly past are ended, within a per-block
//! budget, from the expiry queue; and the integrity test of the configuration.

use crate::{expiry::TaskExpiry, pallet::*, WeightInfo};
use fluxomics_primitives::expiry::DrainLimits;
use frame_support::{
	traits::{Get, Time},
	weights::Weight,
};
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	/// Ends the tasks whose expiry bucket is wholly in the past, within the block's budget.
	/// Returns the weight used: the drain's, and the settlement of each task that had a result.
	pub(crate) fn process_expiries() -> Weight {
		let limits = DrainLimits {
			buckets: T::MaxBucketsPerBlock::get(),
			items: T::MaxExpiriesPerBlock::get(),
		};
		// With no task at all, nothing can expire before the current bucket: the cursor jumps.
		let any_pending = !Tasks::<T>::count().is_zero();
		let mut settled = Weight::zero();
		let drained = TaskExpiry::<T>::drain(T::Time::now(), any_pending, limits, |id| {
			let Some(task) = Tasks::<T>::get(id) else { return };
			Self::remove_task(id, &task);
			// Each ending is its own storage layer: one that fails changes nothing.
			let result = frame_support::storage::with_storage_layer(|| Self::end(id, task));
			match result {
				Ok(Some(panel)) => {
					settled = settled.saturating_add(Self::settle_weight(Some(panel)))
				},
				Ok(None) => {},
				Err(e) => log::error!(target: crate::LOG_TARGET, "task {id}: ending failed: {e:?}"),
			}
		});
		T::WeightInfo::process_expiries(drained.buckets, drained.items).saturating_add(settled)
	}

	/// Checks the configuration: buckets have a width, every quorum is reachable, the draw tree
	/// has a power-of-two size, and a bucket holds a block's expiries.
	pub(crate) fn do_integrity_test() {
		assert!(T::ExpiryBucket::get() > 0, "ExpiryBucket must be above zero");
		assert!(T::MaxAttestations::get() > 0, "MaxAttestations must be above zero");
		assert!(T::MaxDrawsPerBlock::get() > 0, "MaxDrawsPerBlock must be above zero");
		assert!(
			T::MaxVerifiers::get().is_power_of_two(),
			"MaxVerifiers (the draw tree's size) must be a power of two"
		);
		assert!(
			T::MaxVerifiers::get() >= T::MaxAttestations::get(),
			"every quorum must be reachable"
		);
		// The hook's worst case (and its benchmark) ends a whole block's tasks from one bucket.
		assert!(
			T::MaxExpiriesPerBucket::get() >= T::MaxExpiriesPerBlock::get(),
			"a bucket must hold a block's expiries"
		);
	}
}
