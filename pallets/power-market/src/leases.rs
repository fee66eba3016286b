//! The end of a lease, shared by `expire_lease` and the hook, and the queue of leases by the
//! bucket of their end time.

use crate::{pallet::*, Lease, LeaseId};
use fluxomics_primitives::{expiry::ExpiryQueue, PowerLedger};

/// The market's expiry queue: lease ids by the bucket of their end, over the storage items
/// `Expiries` and `ExpiryCursor`.
pub type LeaseExpiries<T> = ExpiryQueue<
	Expiries<T>,
	ExpiryCursor<T>,
	LeaseId,
	<T as Config>::MaxExpiriesPerBucket,
	<T as Config>::ExpiryBucket,
>;

impl<T: Config> Pallet<T> {
	/// Forgets an ended lease: the Power pallet's lease is removed on both sides and the stake
	/// goes back to its offer, as far as the lender still has it uncommitted. Does not touch the
	/// expiry queue (the caller has taken the lease out of it).
	pub(crate) fn end_lease(id: LeaseId, lease: Lease<T::AccountId>) {
		Leases::<T>::remove(id);
		if let Err(e) = T::Power::end_lease(&lease.lender, &lease.renter, lease.amount, lease.end) {
			log::error!(target: crate::LOG_TARGET, "lease {id}: no Power lease to end: {e:?}");
		}
		let mut relisted = 0;
		if let Some(mut offer) = Offers::<T>::get(lease.offer) {
			offer.leased = offer.leased.saturating_sub(lease.amount);
			relisted = lease.amount.min(Self::uncommitted(&lease.lender));
			offer.available = offer.available.saturating_add(relisted);
			Listed::<T>::mutate(&lease.lender, |l| *l = l.saturating_add(relisted));
			if Self::reposition_in_book(lease.offer, &offer).is_err() {
				// The book is full of other offers: this one stays listed, out of the book,
				// until its terms change.
				log::warn!(target: crate::LOG_TARGET, "offer {} left out of a full book", lease.offer);
			}
			Offers::<T>::insert(lease.offer, offer);
		}
		Self::deposit_event(Event::LeaseExpired {
			lease: id,
			lender: lease.lender,
			renter: lease.renter,
			relisted,
		});
	}
}
