//! The bodies of the calls in `lib.rs`: each checks its input, changes storage and deposits its
//! event; `lib.rs` only checks the origin.

use crate::{math, pallet::*, Lease, LeaseExpiries, LeaseId, MarketParams, Offer, OfferId};
use fluxomics_primitives::{Balance, FluxLedger, Moment, PowerLedger};
use frame_support::{
	ensure,
	traits::{Get, Time},
};
use sp_runtime::{traits::Zero, DispatchError, DispatchResult};

impl<T: Config> Pallet<T> {
	/// Checks the parameters: durations ordered, positive and at most a year, a positive minimum
	/// amount.
	pub fn validate_params(p: &MarketParams) -> DispatchResult {
		ensure!(p.min_duration > 0, Error::<T>::ZeroMinDuration);
		ensure!(p.min_duration <= p.max_duration, Error::<T>::MinDurationAboveMax);
		ensure!(p.max_duration <= crate::MAX_LEASE_DURATION, Error::<T>::MaxDurationTooLong);
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

	/// `list`: a new offer of `amount` of `lender`'s uncommitted stake, into the book.
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
		ensure!(
			OffersOf::<T>::get(lender) < T::MaxOffersPerLender::get(),
			Error::<T>::TooManyOffersOfLender
		);
		math::lease_price(amount, max_duration, price).ok_or(Error::<T>::Overflow)?;
		let id = NextOfferId::<T>::get();
		let offer = Offer {
			lender: lender.clone(),
			available: amount,
			leased: 0,
			price,
			min_duration,
			max_duration,
			leases: 0,
		};
		Self::place_in_book(id, &offer)?;
		Offers::<T>::insert(id, &offer);
		OffersOf::<T>::mutate(lender, |n| *n = n.saturating_add(1));
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

	/// `update_offer`: new available stake and terms for offer `id` of `lender`.
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
		// Stake available must be rentable: a lease slot must be free for it.
		ensure!(
			available.is_zero() || offer.leases < T::MaxLeasesPerOffer::get(),
			Error::<T>::NoLeaseSlot
		);
		math::lease_price(available, max_duration, price).ok_or(Error::<T>::Overflow)?;
		Listed::<T>::mutate(lender, |l| {
			*l = l.saturating_sub(offer.available).saturating_add(available)
		});
		offer.available = available;
		offer.price = price;
		offer.min_duration = min_duration;
		offer.max_duration = max_duration;
		Self::place_in_book(id, &offer)?;
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

	/// `cancel_offer`: withdraws offer `id` of `lender`, which has nothing leased.
	pub(crate) fn do_cancel_offer(lender: &T::AccountId, id: OfferId) -> DispatchResult {
		let offer = Offers::<T>::get(id).ok_or(Error::<T>::UnknownOffer)?;
		ensure!(&offer.lender == lender, Error::<T>::NotLender);
		ensure!(offer.leased.is_zero(), Error::<T>::OfferLeased);
		Self::remove_from_book(id);
		Self::forget_offer(id, lender);
		Self::unlist(lender, offer.available);
		Self::deposit_event(Event::OfferCancelled {
			offer: id,
			lender: lender.clone(),
			released: offer.available,
		});
		Ok(())
	}

	/// `rent`: leases `amount` of offer `id` for `duration` ms, paying at most `max_total`.
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
		ensure!(offer.leases < T::MaxLeasesPerOffer::get(), Error::<T>::NoLeaseSlot);
		ensure!(amount >= Self::entry(id, &offer).min_take, Error::<T>::LeaseBelowShare);
		ensure!(
			duration >= offer.min_duration && duration <= offer.max_duration,
			Error::<T>::DurationOutOfRange
		);
		// Never dearer than the same Power from the protocol at the current R.
		ensure!(offer.price <= Self::price_ceiling(), Error::<T>::PriceAboveProtocol);
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
		offer.leases = offer.leases.saturating_add(1);
		Self::unlist(&offer.lender, amount);
		T::Power::start_lease(&offer.lender, renter, amount, end)?;

		let lease: LeaseId = NextLeaseId::<T>::get();
		LeaseExpiries::<T>::schedule(end, lease).map_err(|_| Error::<T>::ExpiryBucketFull)?;
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
		// The offer is in the book already: taking from it can evict nobody.
		Self::place_in_book(id, &offer)?;
		Offers::<T>::insert(id, &offer);
		let index = math::next_index(
			PriceIndex::<T>::get(),
			offer.price,
			math::lease_volume(amount, duration),
			start,
			params.index_decay,
		);
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
			index: index.price,
		});
		Ok(())
	}

	/// `rent_best`: leases `amount` from the cheapest offers, all or nothing; returns how many
	/// offers it filled from and how many of the renter's own it passed over (for the weight).
	pub(crate) fn do_rent_best(
		renter: &T::AccountId,
		amount: Balance,
		duration: Moment,
		max_price: Balance,
	) -> Result<(u32, u32), DispatchError> {
		ensure!(amount >= Params::<T>::get().min_amount, Error::<T>::AmountTooSmall);
		let found = Self::best_fills(Some(renter), amount, duration, max_price);
		let filled = found.fills.iter().fold(0u128, |sum, (_, take, _)| sum.saturating_add(*take));
		ensure!(filled == amount, Error::<T>::NotEnoughOffers);
		let count = u32::try_from(found.fills.len()).unwrap_or(u32::MAX);
		for (id, take, _) in found.fills {
			// Each offer's price is within the cap: `best_fills` stopped at the first above it.
			Self::do_rent(renter, id, take, duration, Balance::MAX)?;
		}
		Ok((count, found.own_skipped))
	}

	/// `expire_lease`: cleans up lease `id`, which has ended.
	pub(crate) fn do_expire_lease(id: LeaseId) -> DispatchResult {
		let lease = Leases::<T>::get(id).ok_or(Error::<T>::UnknownLease)?;
		ensure!(T::Time::now() >= lease.end, Error::<T>::LeaseNotEnded);
		LeaseExpiries::<T>::unschedule(lease.end, &id);
		Self::end_lease(id, lease);
		Ok(())
	}

	/// `set_params`: checks and stores the parameters.
	pub(crate) fn do_set_params(params: MarketParams) -> DispatchResult {
		Self::validate_params(&params)?;
		let old = Params::<T>::get();
		Params::<T>::put(params);
		Self::deposit_event(Event::ParamsSet { old, new: params });
		Ok(())
	}
}
