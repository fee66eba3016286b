//! The hooks' logic: ending leases from the expiry queue, and the checks of the configuration.

use crate::{pallet::*, LeaseExpiries, WeightInfo};
use fluxomics_primitives::{expiry::DrainLimits, PowerLedger};
use frame_support::{
	traits::{Get, Time},
	weights::Weight,
};
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	/// `on_initialize`: ends the leases whose bucket is wholly in the past, within the block's
	/// budget (`MaxBucketsPerBlock` buckets scanned, `MaxExpiriesPerBlock` leases ended). With
	/// no lease at all the cursor jumps to now instead of scanning empty buckets. Returns the
	/// weight used.
	pub(crate) fn process_expiries() -> Weight {
		let limits = DrainLimits {
			buckets: T::MaxBucketsPerBlock::get(),
			items: T::MaxExpiriesPerBlock::get(),
		};
		let any_pending = !Leases::<T>::count().is_zero();
		let drained = LeaseExpiries::<T>::drain(T::Time::now(), any_pending, limits, |id| {
			// A lease ended by hand has left its bucket; one missing here was already forgotten.
			if let Some(lease) = Leases::<T>::get(id) {
				Self::end_lease(id, lease);
			}
		});
		// Each lease ended may remove its lessee's last Power.
		T::WeightInfo::process_expiries(drained.buckets, drained.items)
			.saturating_add(T::Power::existence_weight().saturating_mul(drained.items.into()))
	}

	/// `integrity_test`: bounds above zero, and a bucket that holds a whole `rent_best` (which
	/// puts all its leases in one bucket).
	pub(crate) fn do_integrity_test() {
		assert!(T::ExpiryBucket::get() > 0, "ExpiryBucket must be above zero");
		assert!(
			T::MaxFills::get() > 0
				&& T::MaxOffers::get() > 0
				&& T::MaxOffersPerLender::get() > 0
				&& T::MaxLeasesPerOffer::get() > 0,
			"bounds must be above zero"
		);
		assert!(
			T::MaxExpiriesPerBucket::get() >= T::MaxFills::get(),
			"a bucket must hold a whole rent_best"
		);
	}
}
