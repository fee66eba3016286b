//! The market's invariants, checked after every test and by try-runtime.

use crate::{pallet::*, LeaseExpiries, OfferId};
use alloc::collections::btree_map::BTreeMap;
use fluxomics_primitives::Balance;
use frame_support::{ensure, traits::Get};
use sp_runtime::{traits::Zero, TryRuntimeError};

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the market (numbered as in the `check_*` functions).
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_listed()?;
		Self::check_leases()?;
		Self::check_book()?;
		Self::check_lenders()
	}

	/// 1. Each lender's listed stake (`Listed`) is the sum of its offers' available stake, and
	///    no lender with stake available in an offer is missing from `Listed`.
	fn check_listed() -> Result<(), TryRuntimeError> {
		let mut listed: BTreeMap<T::AccountId, Balance> = BTreeMap::new();
		for (_, offer) in Offers::<T>::iter() {
			let l = listed.entry(offer.lender.clone()).or_default();
			*l = l.saturating_add(offer.available);
		}
		for (lender, amount) in Listed::<T>::iter() {
			ensure!(listed.get(&lender) == Some(&amount), "1: listed stake differs from offers");
		}
		for (lender, amount) in listed.iter() {
			ensure!(
				amount.is_zero() || Listed::<T>::get(lender) == *amount,
				"1: offers not listed"
			);
		}
		Ok(())
	}

	/// 2. Each offer's leased stake is the sum of its leases', and its lease count theirs (at
	///    most `MaxLeasesPerOffer`).
	/// 4. Every lease is in the expiry bucket of its end.
	fn check_leases() -> Result<(), TryRuntimeError> {
		let mut leased: BTreeMap<OfferId, (Balance, u32)> = BTreeMap::new();
		for (id, lease) in Leases::<T>::iter() {
			let l = leased.entry(lease.offer).or_default();
			*l = (l.0.saturating_add(lease.amount), l.1.saturating_add(1));
			ensure!(
				LeaseExpiries::<T>::contains(lease.end, &id),
				"4: lease missing from its bucket"
			);
		}
		for (id, offer) in Offers::<T>::iter() {
			ensure!(
				leased.get(&id).copied().unwrap_or_default() == (offer.leased, offer.leases),
				"2: leased stake or lease count differs from leases"
			);
			ensure!(offer.leases <= T::MaxLeasesPerOffer::get(), "2: too many leases");
		}
		Ok(())
	}

	/// 3. The order book is sorted by price; each entry is the current entry of a known offer
	///    with stake available, and every offer with stake available is in it (nothing listed is
	///    out of renters' reach).
	fn check_book() -> Result<(), TryRuntimeError> {
		let book = OrderBook::<T>::get();
		ensure!(
			book.iter().zip(book.iter().skip(1)).all(|(a, b)| a.price <= b.price),
			"3: order book out of order"
		);
		for entry in book.iter() {
			let offer = Offers::<T>::get(entry.offer).ok_or("3: unknown offer in the book")?;
			ensure!(
				offer.available > 0 && *entry == Self::entry(entry.offer, &offer),
				"3: stale book entry"
			);
		}
		let in_book = Offers::<T>::iter().filter(|(_, o)| o.available > 0).count();
		ensure!(in_book == book.len(), "3: an offer with stake available is out of the book");
		Ok(())
	}

	/// 5. Each lender's offer count (`OffersOf`) is its number of offers, at most
	///    `MaxOffersPerLender`.
	/// 6. No offer is empty: each has stake available or leased.
	fn check_lenders() -> Result<(), TryRuntimeError> {
		let mut count: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (_, offer) in Offers::<T>::iter() {
			ensure!(offer.available > 0 || offer.leased > 0, "6: empty offer");
			let n = count.entry(offer.lender).or_default();
			*n = n.saturating_add(1);
		}
		for (lender, n) in OffersOf::<T>::iter() {
			ensure!(count.get(&lender) == Some(&n), "5: offer count differs from offers");
		}
		ensure!(
			count
				.iter()
				.all(|(l, n)| *n <= T::MaxOffersPerLender::get() && OffersOf::<T>::get(l) == *n),
			"5: offers not counted, or too many"
		);
		Ok(())
	}
}
