//! The order book and listed stake: where an offer sits in the book, which offer a full book
//! gives up for a cheaper one, what `rent_best` would fill, and the stake each lender has listed.
//!
//! The book is one bounded list, cheapest first (then oldest), and every offer with stake
//! available is in it. Each entry carries the terms `rent_best` chooses by (durations, stake
//! available, the least a lease may take), so an offer nobody can use for a request costs
//! nothing to pass over: only the offers actually filled from are read.

use crate::{math, pallet::*, BookEntry, Offer, OfferId};
use alloc::vec::Vec;
use fluxomics_primitives::{Balance, Moment, PowerLedger, PowerPrice, StakeInfo, StakeObserver};
use frame_support::{traits::Get, weights::Weight};
use sp_runtime::{traits::Zero, DispatchError};

/// What `rent_best` would fill: `(offer, amount, price)` from the cheapest, and how many offers
/// of the renter's own it read and passed over.
pub(crate) struct Fills {
	pub fills: Vec<(OfferId, Balance, Balance)>,
	pub own_skipped: u32,
}

impl<T: Config> Pallet<T> {
	/// Stake `who` has that is neither delegated, leased nor listed.
	pub fn uncommitted(who: &T::AccountId) -> Balance {
		T::Stake::staked(who).saturating_sub(T::Commitments::committed_stake(who))
	}

	/// The dearest price any lease may have now: the protocol's price of a capacity-day at the
	/// current R (zero, so nothing rents, if it has none).
	pub fn price_ceiling() -> Balance {
		T::PowerPrice::capacity_day_price().unwrap_or(0)
	}

	/// The book entry of `offer`.
	pub(crate) fn entry(id: OfferId, offer: &Offer<T::AccountId>) -> BookEntry {
		let slots = T::MaxLeasesPerOffer::get().saturating_sub(offer.leases);
		BookEntry {
			price: offer.price,
			offer: id,
			available: offer.available,
			min_take: math::min_take(offer.available, slots),
			min_duration: offer.min_duration,
			max_duration: offer.max_duration,
		}
	}

	/// What `rent_best` would fill for `renter` (whose own offers are passed over): from the
	/// cheapest offers at no more than `max_price` (and the protocol's price), each taking at
	/// least its offer's least take and an even share of what is left over the fills left, so
	/// that a row of tiny offers cannot use up `MaxFills`.
	pub(crate) fn best_fills(
		renter: Option<&T::AccountId>,
		amount: Balance,
		duration: Moment,
		max_price: Balance,
	) -> Fills {
		let min_amount = Params::<T>::get().min_amount;
		let max_fills = T::MaxFills::get();
		let max_own = T::MaxOffersPerLender::get();
		let cap = max_price.min(Self::price_ceiling());
		let mut out = Fills { fills: Vec::new(), own_skipped: 0 };
		let mut left = amount;
		for entry in OrderBook::<T>::get() {
			let filled = u32::try_from(out.fills.len()).unwrap_or(u32::MAX);
			if left.is_zero() || entry.price > cap || filled >= max_fills {
				break;
			}
			if duration < entry.min_duration || duration > entry.max_duration {
				continue;
			}
			let mut take = left.min(entry.available);
			// Never leave a remainder too small to rent elsewhere.
			let rest = left.saturating_sub(take);
			if !rest.is_zero() && rest < min_amount {
				take = take.saturating_sub(min_amount.saturating_sub(rest));
			}
			let even_share = left.div_ceil(Balance::from(max_fills.saturating_sub(filled)));
			if take < min_amount || take < entry.min_take || take < even_share {
				continue;
			}
			// The renter's own offers are passed over; once all it may have are seen, no read.
			if let Some(renter) = renter.filter(|_| out.own_skipped < max_own) {
				if Offers::<T>::get(entry.offer).is_some_and(|o| &o.lender == renter) {
					out.own_skipped = out.own_skipped.saturating_add(1);
					continue;
				}
			}
			out.fills.push((entry.offer, take, entry.price));
			left = left.saturating_sub(take);
		}
		out
	}

	/// What `rent_best` costs after filling from `filled` offers and passing over `skipped` of
	/// the renter's own.
	pub fn rent_best_weight(filled: u32, skipped: u32) -> Weight {
		use crate::WeightInfo;
		// The renter's Power record may be made by the first fill.
		T::WeightInfo::rent_best(filled)
			.saturating_add(T::DbWeight::get().reads(skipped.into()))
			.saturating_add(T::Power::existence_weight())
	}

	/// Puts offer `id` where its price puts it (after the offers at its price or cheaper), or
	/// out of the book if it has no stake available. In a full book a cheaper offer takes the
	/// dearest offer's place: the evicted offer's available stake is released (its leases keep
	/// running). Returns the evicted offer, if any.
	pub(crate) fn place_in_book(
		id: OfferId,
		offer: &Offer<T::AccountId>,
	) -> Result<Option<OfferId>, DispatchError> {
		let mut book = OrderBook::<T>::get();
		book.retain(|e| e.offer != id);
		let mut evicted = None;
		if !offer.available.is_zero() {
			if book.is_full() {
				let dearest = book.last().copied().ok_or(Error::<T>::TooManyOffers)?;
				frame_support::ensure!(offer.price < dearest.price, Error::<T>::TooManyOffers);
				book.pop();
				evicted = Some(dearest.offer);
			}
			let at = book.partition_point(|e| e.price <= offer.price);
			book.try_insert(at, Self::entry(id, offer)).map_err(|_| Error::<T>::TooManyOffers)?;
		}
		OrderBook::<T>::put(book);
		if let Some(out) = evicted {
			Self::evict(out);
		}
		Ok(evicted)
	}

	/// Puts offer `id` back in the book after a lease of it ended, without evicting anyone;
	/// false if the book is full of offers at its price or cheaper.
	pub(crate) fn relist_in_book(id: OfferId, offer: &Offer<T::AccountId>) -> bool {
		OrderBook::<T>::mutate(|book| {
			book.retain(|e| e.offer != id);
			if offer.available.is_zero() {
				return true;
			}
			let at = book.partition_point(|e| e.price <= offer.price);
			book.try_insert(at, Self::entry(id, offer)).is_ok()
		})
	}

	/// An offer left the book for a cheaper one: its available stake is released, and the
	/// offer goes unless stake of it is leased out.
	fn evict(id: OfferId) {
		let Some(mut offer) = Offers::<T>::get(id) else { return };
		let released = offer.available;
		Self::unlist(&offer.lender, released);
		offer.available = 0;
		if offer.leased.is_zero() {
			Self::forget_offer(id, &offer.lender);
		} else {
			Offers::<T>::insert(id, &offer);
		}
		Self::deposit_event(Event::OfferEvicted { offer: id, lender: offer.lender, released });
	}

	/// Removes offer `id` of `lender` (which has nothing available or leased).
	pub(crate) fn forget_offer(id: OfferId, lender: &T::AccountId) {
		Offers::<T>::remove(id);
		OffersOf::<T>::mutate_exists(lender, |n| {
			let left = n.unwrap_or(0).saturating_sub(1);
			*n = if left.is_zero() { None } else { Some(left) };
		});
	}

	/// Takes offer `id` out of the book.
	pub(crate) fn remove_from_book(id: OfferId) {
		OrderBook::<T>::mutate(|book| book.retain(|e| e.offer != id));
	}

	/// Takes `amount` off `lender`'s listed stake (the entry goes at zero).
	pub(crate) fn unlist(lender: &T::AccountId, amount: Balance) {
		Listed::<T>::mutate_exists(lender, |l| {
			let left = l.unwrap_or(0).saturating_sub(amount);
			*l = if left.is_zero() { None } else { Some(left) };
		});
	}
}
