//! The end of a lease, shared by `expire_lease` and the hook, and the queue of leases by the
//! bucket of their end time.

use crate::{pallet::*, Lease, LeaseId};
use fluxomics_primitives::{expiry::ExpiryQueue, PowerLedger};
use sp_runtime::traits::Zero;

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
	/// goes back to its offer, as far as the lender still has it uncommitted and the book has room
	/// (an offer left with nothing available or leased goes). Does not touch the expiry queue (the
	/// caller has taken the lease out of it).
	pub(crate) fn end_lease(id: LeaseId, lease: Lease<T::AccountId>) {
		Leases::<T>::remove(id);
		if let Err(e) = T::Power::end_lease(&lease.lender, &lease.renter, lease.amount, lease.end) {
			log::error!(target: crate::LOG_TARGET, "lease {id}: no Power lease to end: {e:?}");
		}
		let mut relisted = 0;
		if let Some(mut offer) = Offers::<T>::get(lease.offer) {
			offer.leased = offer.leased.saturating_sub(lease.amount);
			offer.leases = offer.leases.saturating_sub(1);
			let was = offer.available;
			let back = lease.amount.min(Self::uncommitted(&lease.lender));
			offer.available = was.saturating_add(back);
			if Self::relist_in_book(lease.offer, &offer) {
				relisted = back;
				// Nothing to take back (the lender unstaked it after the end): no zero entry.
				if !back.is_zero() {
					Listed::<T>::mutate(&lease.lender, |l| *l = l.saturating_add(back));
				}
			} else {
				// Out of the book with nothing available, and the book is full of offers at
				// its price or cheaper: the stake is released rather than listed out of reach.
				offer.available = was;
			}
			if offer.available.is_zero() && offer.leased.is_zero() {
				Self::forget_offer(lease.offer, &lease.lender);
			} else {
				Offers::<T>::insert(lease.offer, offer);
			}
		}
		Self::deposit_event(Event::LeaseExpired {
			lease: id,
			lender: lease.lender,
			renter: lease.renter,
			relisted,
		});
	}
}
