//! Benchmarks (frame-benchmarking v2) of the market in its worst cases: a full order book (a
//! cheaper offer evicting the dearest), full expiry buckets, every lender and renter with its
//! Power lease lists full (the accrual walk of both sides of every lease), distinct accounts for
//! every lease the hook ends, `rent_best` passing over a book of offers it cannot use and filling
//! from `n` offers, and the hook scanning `b` buckets and ending `l` leases.

use super::*;
use fluxomics_primitives::{Balance, FluxLedger, PowerLedger, StakeInfo, MILLIS_PER_DAY, UNIT};
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get, Time};
use frame_system::RawOrigin;

const SEED: u32 = 0;

/// Lease slots of one account in the Power pallet that the market may use.
fn slots<T: Config>() -> u32 {
	T::MaxOffersPerLender::get().saturating_mul(T::MaxLeasesPerOffer::get())
}

fn lender<T: Config>(index: u32) -> T::AccountId {
	let who: T::AccountId = account("lender", index, SEED);
	T::Stake::stake_for_benchmark(&who, 1_000 * UNIT);
	who
}

fn renter<T: Config>(index: u32) -> T::AccountId {
	let who: T::AccountId = account("renter", index, SEED);
	let _ = T::Flux::mint(&who, 1_000_000 * UNIT);
	T::Stake::stake_for_benchmark(&who, 1_000 * UNIT);
	who
}

fn params<T: Config>() -> MarketParams {
	Params::<T>::get()
}

/// Gives `who` `outs` leases of generation to fresh accounts and `ins` from fresh staked ones,
/// each ending at its own time far ahead: the walk of every accrual of `who`. `tag` keeps the
/// accounts of different calls apart.
fn crowd<T: Config>(who: &T::AccountId, tag: u32, outs: u32, ins: u32) {
	let until = T::Time::now().saturating_add(100 * MILLIS_PER_DAY);
	for i in 0..outs {
		let to: T::AccountId =
			account("crowd-to", tag.saturating_mul(1_000).saturating_add(i), SEED);
		let _ = T::Power::start_lease(who, &to, UNIT, until.saturating_add(i.into()));
	}
	for i in 0..ins {
		let from: T::AccountId =
			account("crowd-from", tag.saturating_mul(1_000).saturating_add(i), SEED);
		T::Stake::stake_for_benchmark(&from, 10 * UNIT);
		let _ = T::Power::start_lease(&from, who, UNIT, until.saturating_add(i.into()));
	}
}

/// A lender about to lease: one lease slot left out, every slot in used.
fn busy_lender<T: Config>(index: u32) -> T::AccountId {
	let who = lender::<T>(index);
	crowd::<T>(&who, index.saturating_mul(2), slots::<T>().saturating_sub(1), slots::<T>());
	assert_eq!(T::Power::accrual_weight(&who), T::Power::max_accrual_weight());
	who
}

/// A renter about to rent `n` leases: `n` slots left in, every slot out used.
fn busy_renter<T: Config>(index: u32, n: u32) -> T::AccountId {
	let who = renter::<T>(index);
	crowd::<T>(
		&who,
		index.saturating_mul(2).saturating_add(1),
		slots::<T>(),
		slots::<T>().saturating_sub(n),
	);
	who
}

/// Lists `count` offers of other lenders at 1 Flux per capacity-day, dearer than anything the
/// benchmark rents.
fn fill_book<T: Config>(count: u32) {
	let p = params::<T>();
	for i in 0..count {
		let who = lender::<T>(1_000 + i);
		let _ = Pallet::<T>::do_list(&who, p.min_amount, UNIT, p.min_duration, p.max_duration);
	}
}

/// Lists `count` offers, the cheapest in the book, that no lease of `p.max_duration` can use:
/// `rent_best` must pass over all of them.
fn fill_book_with_unusable<T: Config>(count: u32) {
	let p = params::<T>();
	for i in 0..count {
		let who = lender::<T>(2_000 + i);
		let _ = Pallet::<T>::do_list(&who, p.min_amount, 1, p.min_duration, p.min_duration);
	}
}

/// `who` lists `amount` at 1 planck per capacity-day after a book of `MaxOffers − 1` dearer
/// offers; returns the offer's id.
fn offer_in_full_book<T: Config>(who: &T::AccountId, amount: Balance) -> OfferId {
	fill_book::<T>(T::MaxOffers::get() - 1);
	let p = params::<T>();
	let id = NextOfferId::<T>::get();
	let _ = Pallet::<T>::do_list(who, amount, 1, p.min_duration, p.max_duration);
	id
}

/// Fills the bucket `end` falls in with leases, one short of full.
fn fill_bucket<T: Config>(end: fluxomics_primitives::Moment) {
	Expiries::<T>::mutate(LeaseExpiries::<T>::bucket(end), |ids| {
		for i in 0..T::MaxExpiriesPerBucket::get().saturating_sub(1) {
			let _ = ids.try_push(u32::MAX - i);
		}
	});
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A cheaper offer into a full book: the dearest offer, with stake of it leased, is
	/// evicted; the lender has all its offers but one.
	#[benchmark]
	fn list() {
		let p = params::<T>();
		fill_book::<T>(T::MaxOffers::get());
		let dearest = OrderBook::<T>::get().last().map(|e| e.offer).unwrap_or_default();
		let renter = renter::<T>(0);
		let _ = Pallet::<T>::do_update_offer(
			&lender::<T>(1_000 + T::MaxOffers::get() - 1),
			dearest,
			p.min_amount.saturating_mul(T::MaxLeasesPerOffer::get().into()),
			UNIT,
			p.min_duration,
			p.max_duration,
		);
		let _ = Pallet::<T>::do_rent(&renter, dearest, p.min_amount, p.max_duration, Balance::MAX);
		let who = lender::<T>(0);
		for _ in 1..T::MaxOffersPerLender::get() {
			let _ = Pallet::<T>::do_list(&who, p.min_amount, 1, p.min_duration, p.max_duration);
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), p.min_amount, 1, p.min_duration, p.max_duration);
		assert_eq!(OffersOf::<T>::get(&who), T::MaxOffersPerLender::get());
		assert!(Offers::<T>::get(dearest).is_some_and(|o| o.available == 0 && o.leased > 0));
	}

	#[benchmark]
	fn update_offer() {
		let p = params::<T>();
		let who = lender::<T>(0);
		let id = offer_in_full_book::<T>(&who, p.min_amount);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(who.clone()),
			id,
			2 * p.min_amount,
			2_000 * UNIT,
			p.min_duration,
			p.max_duration,
		);
		assert_eq!(Listed::<T>::get(&who), 2 * p.min_amount);
	}

	#[benchmark]
	fn cancel_offer() {
		let p = params::<T>();
		let who = lender::<T>(0);
		let id = offer_in_full_book::<T>(&who, p.min_amount);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), id);
		assert!(!Offers::<T>::contains_key(id));
	}

	/// A full book, a nearly full expiry bucket, and both sides with full lease lists.
	#[benchmark]
	fn rent() {
		let p = params::<T>();
		let who = busy_lender::<T>(0);
		let id = offer_in_full_book::<T>(&who, p.min_amount);
		let renter = busy_renter::<T>(0, 1);
		fill_bucket::<T>(T::Time::now().saturating_add(p.max_duration));
		#[extrinsic_call]
		_(RawOrigin::Signed(renter.clone()), id, p.min_amount, p.max_duration, Balance::MAX);
		assert_eq!(Offers::<T>::get(id).map(|o| o.leased), Some(p.min_amount));
	}

	/// Passes over a book of offers it cannot use, then fills from `n` offers of `n` busy
	/// lenders, for a renter with `n` lease slots left.
	#[benchmark]
	fn rent_best(n: Linear<1, { T::MaxFills::get() }>) {
		let p = params::<T>();
		fill_book_with_unusable::<T>(T::MaxOffers::get() - n);
		for i in 0..n {
			let who = busy_lender::<T>(i);
			let _ = Pallet::<T>::do_list(&who, p.min_amount, UNIT, p.min_duration, p.max_duration);
		}
		let renter = busy_renter::<T>(0, n);
		let amount = p.min_amount.saturating_mul(n.into());
		#[extrinsic_call]
		_(RawOrigin::Signed(renter.clone()), amount, p.max_duration, UNIT);
		assert_eq!(Leases::<T>::count(), n);
	}

	/// A fully leased offer of busy lender and renter, back into a book with one place left.
	#[benchmark]
	fn expire_lease() {
		let p = params::<T>();
		let who = busy_lender::<T>(0);
		let id = offer_in_full_book::<T>(&who, p.min_amount);
		let renter = busy_renter::<T>(0, 1);
		let lease = NextLeaseId::<T>::get();
		let end = T::Time::now().saturating_add(p.min_duration);
		fill_bucket::<T>(end);
		let _ = Pallet::<T>::do_rent(&renter, id, p.min_amount, p.min_duration, Balance::MAX);
		T::BenchmarkHelper::set_time(end);
		#[extrinsic_call]
		_(RawOrigin::Signed(renter.clone()), lease);
		assert!(!Leases::<T>::contains_key(lease));
		assert!(Offers::<T>::get(id).is_some_and(|o| o.available == p.min_amount));
	}

	#[benchmark]
	fn set_params() -> Result<(), BenchmarkError> {
		let origin =
			T::UpdateOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let mut p = params::<T>();
		p.fee_share = sp_arithmetic::Perbill::from_percent(2);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, p);
		assert_eq!(Params::<T>::get(), p);
		Ok(())
	}

	/// Scans `b` buckets (the last one holding the leases) and ends `l` leases, each of its own
	/// busy lender and busy renter.
	#[benchmark]
	fn process_expiries(
		b: Linear<1, { T::MaxBucketsPerBlock::get() }>,
		l: Linear<0, { T::MaxExpiriesPerBlock::get() }>,
	) {
		let p = params::<T>();
		let width = T::ExpiryBucket::get();
		let start = T::Time::now();
		let duration = p.min_duration;
		let end = start.saturating_add(duration);
		let last = LeaseExpiries::<T>::bucket(end);
		// One more lease, ending later, so that the hook scans even when `l` is zero.
		let id = NextOfferId::<T>::get();
		let later = lender::<T>(u32::MAX);
		let _ = Pallet::<T>::do_list(&later, p.min_amount, UNIT, p.min_duration, p.max_duration);
		let _ = Pallet::<T>::do_rent(
			&renter::<T>(u32::MAX),
			id,
			p.min_amount,
			p.max_duration,
			Balance::MAX,
		);
		for i in 0..l {
			let who = busy_lender::<T>(i);
			let renter = busy_renter::<T>(i, 1);
			let id = NextOfferId::<T>::get();
			let _ = Pallet::<T>::do_list(&who, p.min_amount, UNIT, p.min_duration, p.max_duration);
			let _ = Pallet::<T>::do_rent(&renter, id, p.min_amount, duration, Balance::MAX);
		}
		assert_eq!(Leases::<T>::count(), l + 1);
		// The cursor `b − 1` buckets before theirs, and the time just past it: `b` buckets to
		// scan, the last holding the leases.
		ExpiryCursor::<T>::put(last.saturating_sub((b - 1).into()));
		T::BenchmarkHelper::set_time(last.saturating_add(1).saturating_mul(width));
		#[block]
		{
			Pallet::<T>::process_expiries();
		}
		assert_eq!(Leases::<T>::count(), 1);
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::tests::mock::new_test_ext(),
		crate::tests::mock::Test
	);
}
