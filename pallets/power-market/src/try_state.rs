//! The market's invariants, checked after every test and by try-runtime.

use crate::{pallet::*, LeaseExpiries, OfferId};
use alloc::collections::btree_map::BTreeMap;
use fluxomics_primitives::Balance;
use frame_support::ensure;
use sp_runtime::{traits::Zero, TryRuntimeError};

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the market (numbered as in the `check_*` functions).
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_listed()?;
		Self::check_leases()?;
		Self::check_book()
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

	/// 2. Each offer's leased stake is the sum of its leases'.
	/// 4. Every lease is in the expiry bucket of its end.
	fn check_leases() -> Result<(), TryRuntimeError> {
		let mut leased: BTreeMap<OfferId, Balance> = BTreeMap::new();
		for (id, lease) in Leases::<T>::iter() {
			let l = leased.entry(lease.offer).or_default();
			*l = l.saturating_add(lease.amount);
			ensure!(
				LeaseExpiries::<T>::contains(lease.end, &id),
				"4: lease missing from its bucket"
			);
		}
		for (id, offer) in Offers::<T>::iter() {
			ensure!(
				leased.get(&id).copied().unwrap_or(0) == offer.leased,
				"2: leased stake differs from leases"
			);
		}
		Ok(())
	}

	/// 3. The order book is sorted by price, and each of its entries is a known offer at that
	///    price with stake available. (An offer relisted while the book is full stays out of it
	///    until its terms change.)
	fn check_book() -> Result<(), TryRuntimeError> {
		let book = OrderBook::<T>::get();
		ensure!(
			book.iter().zip(book.iter().skip(1)).all(|(a, b)| a.0 <= b.0),
			"3: order book out of order"
		);
		for (price, id) in book.iter() {
			let offer = Offers::<T>::get(id).ok_or("3: unknown offer in the book")?;
			ensure!(offer.price == *price && offer.available > 0, "3: stale book entry");
		}
		Ok(())
	}
}
