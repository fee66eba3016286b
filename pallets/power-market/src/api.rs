//! What the runtime's `MarketApi` answers: the book's best offers, a quote and the price index.

use crate::{math, pallet::*};
use alloc::vec::Vec;
use fluxomics_primitives::{Balance, Moment, OfferInfo, RentQuote};

impl<T: Config> Pallet<T> {
	/// What renting `amount` for `duration` would cost now from the cheapest offers.
	pub fn quote(amount: Balance, duration: Moment) -> RentQuote {
		let found = Self::best_fills(None, amount, duration, Balance::MAX);
		found.fills.iter().fold(RentQuote::default(), |q, (_, take, price)| RentQuote {
			amount: q.amount.saturating_add(*take),
			total: q
				.total
				.saturating_add(math::lease_price(*take, duration, *price).unwrap_or(Balance::MAX)),
			max_price: q.max_price.max(*price),
			offers: q.offers.saturating_add(1),
		})
	}

	/// Up to `max` offers with stake available, cheapest first.
	pub fn best_offers(max: u32) -> Vec<OfferInfo<T::AccountId>> {
		OrderBook::<T>::get()
			.into_iter()
			.take(usize::try_from(max).unwrap_or(usize::MAX))
			.filter_map(|entry| {
				Offers::<T>::get(entry.offer).map(|o| OfferInfo {
					id: entry.offer,
					lender: o.lender,
					available: o.available,
					leased: o.leased,
					price: o.price,
					min_duration: o.min_duration,
					max_duration: o.max_duration,
					min_take: entry.min_take,
				})
			})
			.collect()
	}

	/// The volume-weighted average of fill prices (Flux planck per capacity-day); none before a
	/// fill.
	pub fn price_index() -> Option<Balance> {
		PriceIndex::<T>::get().map(|index| index.price)
	}
}
