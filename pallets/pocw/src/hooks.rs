//! The block hook: tasks whose deadline bucket is wholly past are expired, within a per-block
//! budget, from the expiry queue; and the integrity test of the configuration.

use crate::{expiry::TaskExpiry, pallet::*, WeightInfo};
use fluxomics_primitives::expiry::DrainLimits;
use frame_support::{
	traits::{Get, Time},
	weights::Weight,
};
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	/// Expires tasks whose deadline bucket is wholly in the past, within the block's budget.
	/// Returns the weight used.
	pub(crate) fn process_expiries() -> Weight {
		let limits = DrainLimits {
			buckets: T::MaxBucketsPerBlock::get(),
			items: T::MaxExpiriesPerBlock::get(),
		};
		// With no task at all, nothing can expire before the current bucket: the cursor jumps.
		let any_pending = !Tasks::<T>::count().is_zero();
		let drained = TaskExpiry::<T>::drain(T::Time::now(), any_pending, limits, |id| {
			let Some(task) = Tasks::<T>::get(id) else { return };
			Self::remove_task(id, &task);
			// Each expiry is its own storage layer: one that fails changes nothing.
			let result = frame_support::storage::with_storage_layer(|| Self::expire(id, task));
			if let Err(e) = result {
				log::error!(target: crate::LOG_TARGET, "task {id}: expiry failed: {e:?}");
			}
		});
		T::WeightInfo::process_expiries(drained.buckets, drained.items)
	}

	/// Checks the configuration: buckets have a width, every quorum is reachable, and a bucket
	/// holds a block's expiries.
	pub(crate) fn do_integrity_test() {
		assert!(T::ExpiryBucket::get() > 0, "ExpiryBucket must be above zero");
		assert!(T::MaxAttestations::get() > 0, "MaxAttestations must be above zero");
		assert!(
			T::MaxVerifiers::get() >= T::MaxAttestations::get(),
			"every quorum must be reachable"
		);
		// The hook's worst case (and its benchmark) expires a whole block's tasks from one
		// bucket.
		assert!(
			T::MaxExpiriesPerBucket::get() >= T::MaxExpiriesPerBlock::get(),
			"a bucket must hold a block's expiries"
		);
	}
}
