//! The order book and listed stake: where an offer sits in the book, what `rent_best` would fill
//! from it, and the stake each lender has listed.

use crate::{pallet::*, Offer, OfferId};
use alloc::vec::Vec;
use fluxomics_primitives::{Balance, Moment, StakeInfo, StakeObserver};
use frame_support::traits::Get;
use sp_runtime::{traits::Zero, DispatchResult};

impl<T: Config> Pallet<T> {
	/// Stake `who` has that is neither delegated, leased nor listed.
	pub fn uncommitted(who: &T::AccountId) -> Balance {
		T::Stake::staked(who).saturating_sub(T::Commitments::committed_stake(who))
	}

	/// What `rent_best` would fill: `(offer, amount, price)` from the cheapest, for `renter`
	/// (whose own offers are skipped), and how many offers it looked at.
	pub(crate) fn best_fills(
		renter: Option<&T::AccountId>,
		amount: Balance,
		duration: Moment,
		max_price: Balance,
	) -> (Vec<(OfferId, Balance, Balance)>, u32) {
		let min_amount = Params::<T>::get().min_amount;
		let mut fills = Vec::new();
		let mut left = amount;
		let mut looked = 0u32;
		let max_fills = usize::try_from(T::MaxFills::get()).unwrap_or(usize::MAX);
		for (price, id) in OrderBook::<T>::get().into_iter().take(max_fills) {
			if left.is_zero() || price > max_price {
				break;
			}
			looked = looked.saturating_add(1);
			let Some(offer) = Offers::<T>::get(id) else { continue };
			if renter == Some(&offer.lender)
				|| duration < offer.min_duration
				|| duration > offer.max_duration
			{
				continue;
			}
			let mut take = left.min(offer.available);
			// Never leave a remainder too small to rent elsewhere.
			let rest = left.saturating_sub(take);
			if !rest.is_zero() && rest < min_amount {
				take = take.saturating_sub(min_amount.saturating_sub(rest));
			}
			if take < min_amount {
				continue;
			}
			fills.push((id, take, price));
			left = left.saturating_sub(take);
		}
		(fills, looked)
	}

	/// Puts an offer where its price puts it in the book (after the offers at its price or
	/// cheaper), or out of the book if it has no stake available; one write.
	pub(crate) fn reposition_in_book(id: OfferId, offer: &Offer<T::AccountId>) -> DispatchResult {
		OrderBook::<T>::try_mutate(|book| {
			book.retain(|(_, o)| *o != id);
			if offer.available.is_zero() {
				return Ok(());
			}
			let at = book.partition_point(|(price, _)| *price <= offer.price);
			book.try_insert(at, (offer.price, id)).map_err(|_| Error::<T>::TooManyOffers.into())
		})
	}

	/// Takes offer `id` out of the book.
	pub(crate) fn remove_from_book(id: OfferId) {
		OrderBook::<T>::mutate(|book| book.retain(|(_, o)| *o != id));
	}

	/// Takes `amount` off `lender`'s listed stake (the entry goes at zero).
	pub(crate) fn unlist(lender: &T::AccountId, amount: Balance) {
		Listed::<T>::mutate_exists(lender, |l| {
			let left = l.unwrap_or(0).saturating_sub(amount);
			*l = if left.is_zero() { None } else { Some(left) };
		});
	}
}
