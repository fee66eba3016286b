//! Benchmarks (frame-benchmarking v2) of the market in its worst cases: a full order book, full
//! expiry buckets, `rent_best` filling from `n` offers, and the hook scanning `b` buckets and
//! ending `l` leases.

use super::*;
use fluxomics_primitives::{Balance, FluxLedger, StakeInfo, UNIT};
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get, Time};
use frame_system::RawOrigin;

const SEED: u32 = 0;

fn lender<T: Config>(index: u32) -> T::AccountId {
	let who: T::AccountId = account("lender", index, SEED);
	T::Stake::stake_for_benchmark(&who, 1_000 * UNIT);
	who
}

fn renter<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("renter", 0, SEED);
	let _ = T::Flux::mint(&who, 1_000_000 * UNIT);
	who
}

fn params<T: Config>() -> MarketParams {
	Params::<T>::get()
}

/// Lists `count` offers of other lenders, dearer than anything the benchmark rents.
fn fill_book<T: Config>(count: u32) {
	let p = params::<T>();
	for i in 0..count {
		let who = lender::<T>(1_000 + i);
		let _ =
			Pallet::<T>::do_list(&who, p.min_amount, 1_000 * UNIT, p.min_duration, p.max_duration);
	}
}

/// Lender 0 lists `amount` at 1 Flux per capacity-day after a book of `MaxOffers − 1` dearer
/// offers; returns the lender and the offer's id.
fn offer_in_full_book<T: Config>(amount: Balance) -> (T::AccountId, OfferId) {
	fill_book::<T>(T::MaxOffers::get() - 1);
	let who = lender::<T>(0);
	let p = params::<T>();
	let id = NextOfferId::<T>::get();
	let _ = Pallet::<T>::do_list(&who, amount, UNIT, p.min_duration, p.max_duration);
	(who, id)
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

	#[benchmark]
	fn list() {
		fill_book::<T>(T::MaxOffers::get() - 1);
		let who = lender::<T>(0);
		let p = params::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), p.min_amount, UNIT, p.min_duration, p.max_duration);
		assert_eq!(Listed::<T>::get(&who), p.min_amount);
	}

	#[benchmark]
	fn update_offer() {
		let p = params::<T>();
		let (who, id) = offer_in_full_book::<T>(p.min_amount);
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
		let (who, id) = offer_in_full_book::<T>(p.min_amount);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), id);
		assert!(!Offers::<T>::contains_key(id));
	}

	#[benchmark]
	fn rent() {
		let p = params::<T>();
		let (_, id) = offer_in_full_book::<T>(2 * p.min_amount);
		let renter = renter::<T>();
		fill_bucket::<T>(T::Time::now().saturating_add(p.max_duration));
		#[extrinsic_call]
		_(RawOrigin::Signed(renter.clone()), id, p.min_amount, p.max_duration, Balance::MAX);
		assert_eq!(Offers::<T>::get(id).map(|o| o.leased), Some(p.min_amount));
	}

	/// Fills from `n` offers, each giving the least amount.
	#[benchmark]
	fn rent_best(n: Linear<1, { T::MaxFills::get() }>) {
		let p = params::<T>();
		fill_book::<T>(T::MaxOffers::get() - n);
		for i in 0..n {
			let who = lender::<T>(i);
			let _ = Pallet::<T>::do_list(&who, p.min_amount, UNIT, p.min_duration, p.max_duration);
		}
		let renter = renter::<T>();
		let amount = p.min_amount.saturating_mul(n.into());
		#[extrinsic_call]
		_(RawOrigin::Signed(renter.clone()), amount, p.max_duration, UNIT);
		assert_eq!(Leases::<T>::count(), n);
	}

	#[benchmark]
	fn expire_lease() {
		let p = params::<T>();
		let (_, id) = offer_in_full_book::<T>(p.min_amount);
		let renter = renter::<T>();
		let lease = NextLeaseId::<T>::get();
		let end = T::Time::now().saturating_add(p.min_duration);
		fill_bucket::<T>(end);
		let _ = Pallet::<T>::do_rent(&renter, id, p.min_amount, p.min_duration, Balance::MAX);
		T::BenchmarkHelper::set_time(end);
		#[extrinsic_call]
		_(RawOrigin::Signed(renter.clone()), lease);
		assert!(!Leases::<T>::contains_key(lease));
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

	/// Scans `b` buckets (the last one holding the leases) and ends `l` leases.
	#[benchmark]
	fn process_expiries(
		b: Linear<1, { T::MaxBucketsPerBlock::get() }>,
		l: Linear<0, { T::MaxExpiriesPerBlock::get() }>,
	) {
		let p = params::<T>();
		let width = T::ExpiryBucket::get();
		let start = T::Time::now();
		// `l` leases of different lenders, all ending in one bucket.
		let duration = p.min_duration;
		let end = start.saturating_add(duration);
		let last = LeaseExpiries::<T>::bucket(end);
		let renter = renter::<T>();
		// One more lease, ending later, so that the hook scans even when `l` is zero.
		let id = NextOfferId::<T>::get();
		let later = lender::<T>(u32::MAX);
		let _ = Pallet::<T>::do_list(&later, p.min_amount, UNIT, p.min_duration, p.max_duration);
		let _ = Pallet::<T>::do_rent(&renter, id, p.min_amount, p.max_duration, Balance::MAX);
		for i in 0..l {
			let who = lender::<T>(i);
			let id = NextOfferId::<T>::get();
			let _ = Pallet::<T>::do_list(&who, p.min_amount, UNIT, p.min_duration, p.max_duration);
			let _ = Pallet::<T>::do_rent(&renter, id, p.min_amount, duration, Balance::MAX);
		}
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
