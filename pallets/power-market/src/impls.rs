//! The market's logic, behind the thin calls in `lib.rs`.

use crate::{math, pallet::*, Lease, LeaseId, Offer, OfferId, WeightInfo};
use alloc::vec::Vec;
use fluxomics_primitives::{
	Balance, FluxLedger, ListedStake, Moment, OfferInfo, PowerLedger, RentQuote, StakeInfo,
	StakeObserver,
};
use frame_support::{
	ensure,
	traits::{Get, Time},
	weights::Weight,
};
use sp_runtime::{traits::Zero, DispatchError, DispatchResult};

impl<T: Config> Pallet<T> {
	/// Stake `who` has that is neither delegated, leased nor listed.
	pub fn uncommitted(who: &T::AccountId) -> Balance {
		T::Stake::staked(who).saturating_sub(T::Commitments::committed_stake(who))
	}

	/// Checks the parameters: durations ordered and positive, a positive minimum amount.
	pub fn validate_params(p: &crate::MarketParams) -> DispatchResult {
		ensure!(p.min_duration > 0, Error::<T>::ZeroMinDuration);
		ensure!(p.min_duration <= p.max_duration, Error::<T>::MinDurationAboveMax);
		ensure!(p.min_amount > 0, Error::<T>::ZeroMinAmount);
		Ok(())
	}

	/// Checks an offer's terms against the parameters.
	fn check_terms(price: Balance, min_duration: Moment, max_duration: Moment) -> DispatchResult {
		let p = Params::<T>::get();
		ensure!(!price.is_zero(), Error::<T>::ZeroPrice);
		ensure!(
			min_duration >= p.min_duration
				&& min_duration <= max_duration
				&& max_duration <= p.max_duration,
			Error::<T>::DurationOutOfRange
		);
		// The dearest lease these terms allow must be computable.
		math::lease_price(1, max_duration, price).ok_or(Error::<T>::Overflow)?;
		Ok(())
	}

	pub(crate) fn do_list(
		lender: &T::AccountId,
		amount: Balance,
		price: Balance,
		min_duration: Moment,
		max_duration: Moment,
	) -> DispatchResult {
		ensure!(amount >= Params::<T>::get().min_amount, Error::<T>::AmountTooSmall);
		Self::check_terms(price, min_duration, max_duration)?;
		ensure!(Self::uncommitted(lender) >= amount, Error::<T>::InsufficientStake);
		ensure!(Offers::<T>::count() < T::MaxOffers::get(), Error::<T>::TooManyOffers);
		math::lease_price(amount, max_duration, price).ok_or(Error::<T>::Overflow)?;
		let id = NextOfferId::<T>::get();
		let offer = Offer {
			lender: lender.clone(),
			available: amount,
			leased: 0,
			price,
			min_duration,
			max_duration,
		};
		Self::reposition_in_book(id, &offer)?;
		Offers::<T>::insert(id, &offer);
		NextOfferId::<T>::put(id.wrapping_add(1));
		Listed::<T>::mutate(lender, |l| *l = l.saturating_add(amount));
		Self::deposit_event(Event::Listed {
			offer: id,
			lender: lender.clone(),
			amount,
			price,
			min_duration,
			max_duration,
		});
		Ok(())
	}

	pub(crate) fn do_update_offer(
		lender: &T::AccountId,
		id: OfferId,
		available: Balance,
		price: Balance,
		min_duration: Moment,
		max_duration: Moment,
	) -> DispatchResult {
		let mut offer = Offers::<T>::get(id).ok_or(Error::<T>::UnknownOffer)?;
		ensure!(&offer.lender == lender, Error::<T>::NotLender);
		Self::check_terms(price, min_duration, max_duration)?;
		// Nothing left to offer is fine while stake is leased out; otherwise cancel instead.
		ensure!(
			available >= Params::<T>::get().min_amount || (available.is_zero() && offer.leased > 0),
			Error::<T>::AmountTooSmall
		);
		if available > offer.available {
			let more = available.saturating_sub(offer.available);
			ensure!(Self::uncommitted(lender) >= more, Error::<T>::InsufficientStake);
		}
		math::lease_price(available, max_duration, price).ok_or(Error::<T>::Overflow)?;
		Listed::<T>::mutate(lender, |l| {
			*l = l.saturating_sub(offer.available).saturating_add(available)
		});
		offer.available = available;
		offer.price = price;
		offer.min_duration = min_duration;
		offer.max_duration = max_duration;
		Self::reposition_in_book(id, &offer)?;
		Offers::<T>::insert(id, &offer);
		Self::deposit_event(Event::OfferUpdated {
			offer: id,
			available,
			price,
			min_duration,
			max_duration,
		});
		Ok(())
	}

	pub(crate) fn do_cancel_offer(lender: &T::AccountId, id: OfferId) -> DispatchResult {
		let offer = Offers::<T>::get(id).ok_or(Error::<T>::UnknownOffer)?;
		ensure!(&offer.lender == lender, Error::<T>::NotLender);
		ensure!(offer.leased.is_zero(), Error::<T>::OfferLeased);
		Self::remove_from_book(id);
		Offers::<T>::remove(id);
		Self::unlist(lender, offer.available);
		Self::deposit_event(Event::OfferCancelled {
			offer: id,
			lender: lender.clone(),
			released: offer.available,
		});
		Ok(())
	}

	/// Rents `amount` of offer `id` for `duration` ms, paying at most `max_total`.
	pub(crate) fn do_rent(
		renter: &T::AccountId,
		id: OfferId,
		amount: Balance,
		duration: Moment,
		max_total: Balance,
	) -> DispatchResult {
		let mut offer = Offers::<T>::get(id).ok_or(Error::<T>::UnknownOffer)?;
		ensure!(&offer.lender != renter, Error::<T>::OwnOffer);
		let params = Params::<T>::get();
		ensure!(amount >= params.min_amount, Error::<T>::AmountTooSmall);
		ensure!(offer.available >= amount, Error::<T>::InsufficientAvailable);
		ensure!(
			duration >= offer.min_duration && duration <= offer.max_duration,
			Error::<T>::DurationOutOfRange
		);
		let paid = math::lease_price(amount, duration, offer.price).ok_or(Error::<T>::Overflow)?;
		ensure!(paid <= max_total, Error::<T>::PriceAboveCap);
		let (to_lender, fee) = math::split(paid, params.fee_share);
		let start = T::Time::now();
		let end = start.checked_add(duration).ok_or(Error::<T>::Overflow)?;

		// The renter pays up front: the lender its share, the sink the fee.
		if !to_lender.is_zero() {
			T::Flux::transfer(renter, &offer.lender, to_lender)?;
		}
		if !fee.is_zero() {
			T::Flux::pay_to_sink(renter, fee)?;
		}
		// The stake leaves the listing, then its generation goes to the renter until `end`.
		offer.available = offer.available.saturating_sub(amount);
		offer.leased = offer.leased.saturating_add(amount);
		Self::unlist(&offer.lender, amount);
		T::Power::redirect(&offer.lender, renter, amount, end)?;

		let lease = NextLeaseId::<T>::get();
		Expiries::<T>::try_mutate(math::bucket_of(end, T::ExpiryBucket::get()), |ids| {
			ids.try_push(lease).map_err(|_| Error::<T>::ExpiryBucketFull)
		})?;
		Leases::<T>::insert(
			lease,
			Lease {
				offer: id,
				lender: offer.lender.clone(),
				renter: renter.clone(),
				amount,
				start,
				end,
				paid,
			},
		);
		NextLeaseId::<T>::put(lease.wrapping_add(1));
		Self::reposition_in_book(id, &offer)?;
		Offers::<T>::insert(id, &offer);
		let index = math::next_index(PriceIndex::<T>::get(), offer.price, params.index_weight);
		PriceIndex::<T>::put(index);
		Self::deposit_event(Event::Rented {
			lease,
			offer: id,
			lender: offer.lender,
			renter: renter.clone(),
			amount,
			start,
			end,
			price: offer.price,
			paid,
			fee,
			index,
		});
		Ok(())
	}

	/// What `rent_best` would fill: `(offer, amount)` pairs from the cheapest, for `renter` (whose
	/// own offers are skipped), and how many offers it looked at.
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

	/// Fills `amount` from the cheapest offers; returns how many offers it looked at.
	pub(crate) fn do_rent_best(
		renter: &T::AccountId,
		amount: Balance,
		duration: Moment,
		max_price: Balance,
	) -> Result<u32, DispatchError> {
		ensure!(amount >= Params::<T>::get().min_amount, Error::<T>::AmountTooSmall);
		let (fills, looked) = Self::best_fills(Some(renter), amount, duration, max_price);
		let filled = fills.iter().fold(0u128, |sum, (_, take, _)| sum.saturating_add(*take));
		ensure!(filled == amount, Error::<T>::NotEnoughOffers);
		for (id, take, _) in fills {
			// Each offer's price is within the cap: `best_fills` stopped at the first above it.
			Self::do_rent(renter, id, take, duration, Balance::MAX)?;
		}
		Ok(looked)
	}

	/// What renting `amount` for `duration` would cost now from the cheapest offers.
	pub fn quote(amount: Balance, duration: Moment) -> RentQuote {
		let (fills, _) = Self::best_fills(None, amount, duration, Balance::MAX);
		fills.iter().fold(RentQuote::default(), |q, (_, take, price)| RentQuote {
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
			.filter_map(|(_, id)| {
				Offers::<T>::get(id).map(|o| OfferInfo {
					id,
					lender: o.lender,
					available: o.available,
					leased: o.leased,
					price: o.price,
					min_duration: o.min_duration,
					max_duration: o.max_duration,
				})
			})
			.collect()
	}

	pub(crate) fn do_expire_lease(id: LeaseId) -> DispatchResult {
		let lease = Leases::<T>::get(id).ok_or(Error::<T>::UnknownLease)?;
		ensure!(T::Time::now() >= lease.end, Error::<T>::LeaseNotEnded);
		Expiries::<T>::mutate_exists(math::bucket_of(lease.end, T::ExpiryBucket::get()), |ids| {
			if let Some(list) = ids {
				list.retain(|l| *l != id);
				if list.is_empty() {
					*ids = None;
				}
			}
		});
		Self::end_lease(id, lease);
		Ok(())
	}

	/// Forgets an ended lease: the redirection is removed on both sides and the stake goes back
	/// to its offer, as far as the lender still has it uncommitted.
	fn end_lease(id: LeaseId, lease: Lease<T::AccountId>) {
		Leases::<T>::remove(id);
		if let Err(e) =
			T::Power::end_redirect(&lease.lender, &lease.renter, lease.amount, lease.end)
		{
			log::error!(target: crate::LOG_TARGET, "lease {id}: no redirection to end: {e:?}");
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

	/// Ends leases whose bucket is wholly in the past, within the block's budget. Returns the
	/// weight used.
	pub(crate) fn process_expiries() -> Weight {
		let now = T::Time::now();
		let width = T::ExpiryBucket::get();
		let current = math::bucket_of(now, width);
		// With no lease at all (as at the start, or after a long halt with none), nothing can
		// end before the current bucket: start there rather than scan empty buckets.
		let mut cursor = match ExpiryCursor::<T>::get() {
			Some(cursor) if !Leases::<T>::count().is_zero() => cursor,
			_ => current,
		};
		let (mut buckets, mut ended) = (0u32, 0u32);
		while cursor < current
			&& buckets < T::MaxBucketsPerBlock::get()
			&& ended < T::MaxExpiriesPerBlock::get()
		{
			buckets = buckets.saturating_add(1);
			let mut ids = Expiries::<T>::get(cursor);
			while ended < T::MaxExpiriesPerBlock::get() {
				let Some(id) = ids.pop() else { break };
				if let Some(lease) = Leases::<T>::get(id) {
					Self::end_lease(id, lease);
				}
				ended = ended.saturating_add(1);
			}
			if ids.is_empty() {
				Expiries::<T>::remove(cursor);
				cursor = cursor.saturating_add(1);
			} else {
				Expiries::<T>::insert(cursor, ids);
			}
		}
		ExpiryCursor::<T>::put(cursor);
		T::WeightInfo::process_expiries(buckets, ended)
	}

	/// Puts an offer where its price puts it in the book (after the offers at its price or
	/// cheaper), or out of the book if it has no stake available; one write.
	fn reposition_in_book(id: OfferId, offer: &Offer<T::AccountId>) -> DispatchResult {
		OrderBook::<T>::try_mutate(|book| {
			book.retain(|(_, o)| *o != id);
			if offer.available.is_zero() {
				return Ok(());
			}
			let at = book.partition_point(|(price, _)| *price <= offer.price);
			book.try_insert(at, (offer.price, id)).map_err(|_| Error::<T>::TooManyOffers.into())
		})
	}

	fn remove_from_book(id: OfferId) {
		OrderBook::<T>::mutate(|book| book.retain(|(_, o)| *o != id));
	}

	fn unlist(lender: &T::AccountId, amount: Balance) {
		Listed::<T>::mutate_exists(lender, |l| {
			let left = l.unwrap_or(0).saturating_sub(amount);
			*l = if left.is_zero() { None } else { Some(left) };
		});
	}

	/// The invariants.
	///
	/// 1. Each lender's listed stake is the sum of its offers' available stake.
	/// 2. Each offer's leased stake is the sum of its leases'.
	/// 3. The order book is sorted, and holds exactly the offers with stake available.
	/// 4. Every lease is in the bucket of its end.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let mut listed: BTreeMap<T::AccountId, Balance> = BTreeMap::new();
		let mut leased: BTreeMap<OfferId, Balance> = BTreeMap::new();
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
		for (id, lease) in Leases::<T>::iter() {
			let l = leased.entry(lease.offer).or_default();
			*l = l.saturating_add(lease.amount);
			let bucket = math::bucket_of(lease.end, T::ExpiryBucket::get());
			ensure!(Expiries::<T>::get(bucket).contains(&id), "4: lease missing from its bucket");
		}
		for (id, offer) in Offers::<T>::iter() {
			ensure!(
				leased.get(&id).copied().unwrap_or(0) == offer.leased,
				"2: leased stake differs from leases"
			);
		}
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

impl<T: Config> ListedStake<T::AccountId> for Pallet<T> {
	fn listed(who: &T::AccountId) -> Balance {
		Listed::<T>::get(who)
	}
}
