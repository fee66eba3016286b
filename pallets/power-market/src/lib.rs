//! # Power market pallet
//!
//! Power is rentable and market-priced. A lender lists part of its staked Flux as rentable
//! capacity; a renter leases it for a duration and, for that time, the generation of that stake
//! is the renter's, through the Power pallet's leases
//! ([`PowerLedger::start_lease`](fluxomics_primitives::PowerLedger::start_lease)).
//!
//! ## Key terms
//!
//! - **Capacity-day**: the Power one Flux of stake generates in one day (`α_msg` msg PU and
//!   `α_exec` exec PU). Prices are in Flux planck per capacity-day, so they do not change when
//!   governance changes α.
//! - **Offer**: stake listed by a lender with a price and a range of lease durations. Listed stake
//!   is *reserved*: it counts as committed ([`ListedStake`](fluxomics_primitives::ListedStake)),
//!   so the lender can neither unstake nor delegate it. What is not leased can be changed or
//!   cancelled.
//! - **Lease**: `amount` of an offer's stake, rented for `[start, end)`. The renter pays the whole
//!   price up front in Flux: the lender gets it, less the governed `fee_share`, which goes to the
//!   protocol sink.
//! - **Order book**: the offers with stake available, cheapest first (then oldest). It is shared
//!   by everyone, so it is not first-come: a lender holds at most `MaxOffersPerLender` offers,
//!   and a full book gives its dearest place to any cheaper offer.
//! - **Price ceiling**: no lease is dearer than the same Power from the protocol at the current
//!   rate R ([`PowerPrice`](fluxomics_primitives::PowerPrice)), so Flux paid through the market
//!   always buys Power worth what it paid: the market cannot be used to move soulbound Flux.
//! - **Lease slots**: each offer has `MaxLeasesPerOffer` slots and a lease takes at least an even
//!   share of the offer's available stake over its free slots, so tiny leases cannot fill a
//!   lender's Power lease slots and freeze the rest of its stake.
//! - **Price index**: a volume-weighted average of fill prices (volume in stake-days, fading by
//!   day), in storage and in every `Rented` event; steering it takes stake locked in leases.
//!
//! ## User flows
//!
//! 1. A lender calls `list` → an offer in the order book; `update_offer` changes its stake and
//!    terms, `cancel_offer` withdraws it while nothing of it is leased.
//! 2. A renter calls `rent(offer, …)` or `rent_best(amount, …)` (fills from the cheapest offers,
//!    filling from at most `MaxFills`), each with a price cap: a rent above the cap is refused,
//!    never partly filled. An account with no Power can rent: its transaction is paid in Flux
//!    (metering, design §4).
//! 3. The lease's end stops the renter's extra generation by itself (the Power pallet's lease
//!    carries its end time), whether or not anything runs then.
//! 4. Clean-up: `on_initialize` ends leases whose expiry bucket is past, behind a cursor, within
//!    a fixed budget per block; anybody may also `expire_lease` an ended lease. The lease's stake
//!    goes back to its offer (as far as the lender still has it uncommitted).
//! 5. Governance calls `set_params` (fee share, least amount, duration range, index decay).
//!
//! ## Design
//!
//! - Bounded everywhere: the order book holds at most `MaxOffers` offers (offers out of it have
//!   stake leased, so leases bound them), an expiry bucket
//!   `MaxExpiriesPerBucket` leases, and the hook scans at most `MaxBucketsPerBlock` buckets and
//!   ends at most `MaxExpiriesPerBlock` leases a block, through the shared
//!   [`ExpiryQueue`](fluxomics_primitives::expiry::ExpiryQueue). No hook walks a map.
//! - Where things are: the calls' bodies in `calls.rs`, the order book and listed stake in
//!   `book.rs`, the end of a lease and its expiry queue in `leases.rs`, the hook in `hooks.rs`,
//!   what `MarketApi` answers in `api.rs`, the invariants in `try_state.rs`, the pricing
//!   formulas in `math.rs`, and `ListedStake` for the Power pallet in `impls.rs`.
//! - Lessons taken: EOS PowerUp's fee cap on every lease and bounded processing of expired loans;
//!   TRON's locked, returnable delegation. Avoided: renters who need resources to rent, and a
//!   single leasing operator (anyone lists, anyone rents, prices are public).
//!
//! ## Assumptions
//!
//! - The Power pallet ends a lease's generation at its end time by itself; this pallet's clean-up
//!   only forgets the lease and relists its stake, so a late clean-up never gives a renter more.
//! - `ExpiryBucket` is above zero and a bucket holds a whole `rent_best` (`MaxExpiriesPerBucket ≥
//!   MaxFills`): `integrity_test` checks both.
#![cfg_attr(not(feature = "std"), no_std)]
// Tests and benchmarks compute expected values with plain arithmetic.
#![cfg_attr(any(test, feature = "runtime-benchmarks"), allow(clippy::arithmetic_side_effects))]

extern crate alloc;

pub use leases::LeaseExpiries;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

mod api;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod book;
mod calls;
mod hooks;
mod impls;
mod leases;
pub mod math;
#[cfg(test)]
mod tests;
#[cfg(any(feature = "try-runtime", feature = "std", test))]
mod try_state;
mod types;
pub mod weights;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::power-market";

/// Moves chain time for the benchmarks (the runtime's one implementation serves every pallet).
#[cfg(feature = "runtime-benchmarks")]
pub use fluxomics_primitives::BenchmarkTime as BenchmarkHelper;

// The pallet macros expand to `expect`s on values they guarantee (pallet info, storage
// prefixes); the pallet's own code has none.
#[frame_support::pallet]
#[allow(clippy::expect_used)]
pub mod pallet {
	use super::*;
	use fluxomics_primitives::{
		Balance, FluxLedger, Moment, PowerLedger, PowerPrice, StakeInfo, StakeObserver,
	};
	use frame_support::{pallet_prelude::*, traits::Time};
	use frame_system::pallet_prelude::*;
	use sp_arithmetic::Perbill;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Rent is paid in Flux, the fee share to the sink.
		type Flux: FluxLedger<Self::AccountId>;
		/// Leases move generation.
		type Power: PowerLedger<Self::AccountId>;
		/// Lenders' stake.
		type Stake: StakeInfo<Self::AccountId>;
		/// Stake already committed (delegated, leased, listed), which cannot be listed again.
		type Commitments: StakeObserver<Self::AccountId>;
		/// Chain time, in milliseconds.
		type Time: Time<Moment = Moment>;
		/// Who may change the parameters (governance; root in tests).
		type UpdateOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// The most offers at once (and the order book's size).
		#[pallet::constant]
		type MaxOffers: Get<u32>;
		/// The most offers `rent_best` fills from.
		#[pallet::constant]
		type MaxFills: Get<u32>;
		/// The most offers one lender may have at once.
		#[pallet::constant]
		type MaxOffersPerLender: Get<u32>;
		/// The most leases of one offer at once. `MaxOffersPerLender × MaxLeasesPerOffer` must
		/// not exceed the Power pallet's leases per account, so that the market never asks for
		/// a lease slot the lender does not have.
		#[pallet::constant]
		type MaxLeasesPerOffer: Get<u32>;
		/// What the same Power costs from the protocol: no lease may cost more.
		type PowerPrice: PowerPrice;
		/// Width of an expiry bucket, in ms.
		#[pallet::constant]
		type ExpiryBucket: Get<Moment>;
		/// The most leases ending in one bucket.
		#[pallet::constant]
		type MaxExpiriesPerBucket: Get<u32>;
		/// The most buckets the hook scans in a block.
		#[pallet::constant]
		type MaxBucketsPerBlock: Get<u32>;
		/// The most leases the hook ends in a block.
		#[pallet::constant]
		type MaxExpiriesPerBlock: Get<u32>;
		/// Weights of this pallet's calls and hook.
		type WeightInfo: WeightInfo;
		/// Moves chain time for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper;
	}

	/// The next offer's id.
	#[pallet::storage]
	pub type NextOfferId<T> = StorageValue<_, OfferId, ValueQuery>;

	/// The next lease's id.
	#[pallet::storage]
	pub type NextLeaseId<T> = StorageValue<_, LeaseId, ValueQuery>;

	/// Every offer.
	#[pallet::storage]
	pub type Offers<T: Config> =
		CountedStorageMap<_, Twox64Concat, OfferId, Offer<T::AccountId>, OptionQuery>;

	/// Offers with stake available, cheapest first (then oldest), with the terms `rent_best`
	/// chooses by. Every offer with stake available is in it.
	#[pallet::storage]
	pub type OrderBook<T: Config> =
		StorageValue<_, BoundedVec<BookEntry, T::MaxOffers>, ValueQuery>;

	/// How many offers each lender has (at most `MaxOffersPerLender`).
	#[pallet::storage]
	pub type OffersOf<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Stake each lender has listed and not leased: reserved, so it is committed.
	#[pallet::storage]
	pub type Listed<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Balance, ValueQuery>;

	/// Every lease not yet cleaned up.
	#[pallet::storage]
	pub type Leases<T: Config> =
		CountedStorageMap<_, Twox64Concat, LeaseId, Lease<T::AccountId>, OptionQuery>;

	/// Leases by the bucket of their end time (the expiry queue's buckets).
	#[pallet::storage]
	pub type Expiries<T: Config> = StorageMap<
		_,
		Twox64Concat,
		Moment,
		BoundedVec<LeaseId, T::MaxExpiriesPerBucket>,
		ValueQuery,
	>;

	/// The next bucket the hook drains (the expiry queue's cursor).
	#[pallet::storage]
	pub type ExpiryCursor<T> = StorageValue<_, Moment, OptionQuery>;

	/// The volume-weighted average of fill prices (Flux planck per capacity-day), its volume
	/// fading by day; none before the first fill.
	#[pallet::storage]
	pub type PriceIndex<T> = StorageValue<_, PriceIndexState, OptionQuery>;

	/// The governed parameters.
	#[pallet::storage]
	pub type Params<T> = StorageValue<_, MarketParams, ValueQuery, DefaultParams>;

	/// 1 % to the sink; offers and leases of at least 1 Flux, from a minute to 90 days; the
	/// price index's volume fades by 20 % a day.
	#[pallet::type_value]
	pub fn DefaultParams() -> MarketParams {
		MarketParams {
			fee_share: Perbill::from_percent(1),
			min_amount: fluxomics_primitives::UNIT,
			min_duration: 60_000,
			max_duration: 90 * fluxomics_primitives::MILLIS_PER_DAY,
			index_decay: Perbill::from_percent(20),
		}
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The parameters; `None` keeps the defaults.
		pub params: Option<MarketParams>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(params) = self.params {
				if let Err(e) = Pallet::<T>::validate_params(&params) {
					panic!("invalid market genesis parameters: {e:?}");
				}
				Params::<T>::put(params);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `lender` listed `amount` of stake at `price` per capacity-day.
		Listed {
			offer: OfferId,
			lender: T::AccountId,
			amount: Balance,
			price: Balance,
			min_duration: Moment,
			max_duration: Moment,
		},
		/// An offer's terms changed.
		OfferUpdated {
			offer: OfferId,
			available: Balance,
			price: Balance,
			min_duration: Moment,
			max_duration: Moment,
		},
		/// An offer was withdrawn; its stake is free again.
		OfferCancelled { offer: OfferId, lender: T::AccountId, released: Balance },
		/// `renter` rented `amount` of `lender`'s stake until `end`, paying `paid` (of which
		/// `fee` went to the sink); the price index is now `index`.
		Rented {
			lease: LeaseId,
			offer: OfferId,
			lender: T::AccountId,
			renter: T::AccountId,
			amount: Balance,
			start: Moment,
			end: Moment,
			price: Balance,
			paid: Balance,
			fee: Balance,
			index: Balance,
		},
		/// A lease was cleaned up after its end; `relisted` of its stake went back to its offer.
		LeaseExpired {
			lease: LeaseId,
			lender: T::AccountId,
			renter: T::AccountId,
			relisted: Balance,
		},
		/// Governance changed the parameters.
		ParamsSet { old: MarketParams, new: MarketParams },
		/// A cheaper offer took the dearest offer's place in a full book; its stake available
		/// (`released`) is free again, and leases already made keep running.
		OfferEvicted { offer: OfferId, lender: T::AccountId, released: Balance },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Below the least amount an offer may list or a lease may take.
		AmountTooSmall,
		/// The lender's uncommitted stake is short.
		InsufficientStake,
		/// A duration outside the allowed range (or a minimum above a maximum).
		DurationOutOfRange,
		/// Prices must be above zero.
		ZeroPrice,
		/// The order book is full of offers at this price or cheaper.
		TooManyOffers,
		/// No such offer.
		UnknownOffer,
		/// Only the lender may do this.
		NotLender,
		/// The offer has stake leased out: it can be changed but not cancelled.
		OfferLeased,
		/// Renting one's own offer.
		OwnOffer,
		/// The offer has less stake available.
		InsufficientAvailable,
		/// The price is above the renter's cap.
		PriceAboveCap,
		/// The cheapest offers within the cap cannot fill the amount.
		NotEnoughOffers,
		/// Too many leases end in the same bucket: choose another duration.
		ExpiryBucketFull,
		/// No such lease.
		UnknownLease,
		/// The lease has not ended yet.
		LeaseNotEnded,
		/// An amount or price too large to compute with.
		Overflow,
		/// The shortest lease must last some time.
		ZeroMinDuration,
		/// The shortest lease is longer than the longest.
		MinDurationAboveMax,
		/// The least amount of an offer or a rent must be above zero.
		ZeroMinAmount,
		/// The longest lease may be at most a year (`MAX_LEASE_DURATION`).
		MaxDurationTooLong,
		/// The lender has `MaxOffersPerLender` offers already.
		TooManyOffersOfLender,
		/// A lease must take at least an even share of the offer's available stake over its
		/// free lease slots (or all of it).
		LeaseBelowShare,
		/// The offer has no free lease slot.
		NoLeaseSlot,
		/// The offer costs more than the same Power from the protocol at the current rate R.
		PriceAboveProtocol,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_: BlockNumberFor<T>) -> Weight {
			Self::process_expiries()
		}

		fn integrity_test() {
			Self::do_integrity_test()
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Lists `amount` of the caller's uncommitted stake at `price` Flux planck per
		/// capacity-day, for leases of `min_duration` to `max_duration` ms.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::list())]
		pub fn list(
			origin: OriginFor<T>,
			#[pallet::compact] amount: Balance,
			#[pallet::compact] price: Balance,
			#[pallet::compact] min_duration: Moment,
			#[pallet::compact] max_duration: Moment,
		) -> DispatchResult {
			let lender = ensure_signed(origin)?;
			Self::do_list(&lender, amount, price, min_duration, max_duration)
		}

		/// Changes an offer's available stake and terms (leases already made keep theirs).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_offer())]
		pub fn update_offer(
			origin: OriginFor<T>,
			offer: OfferId,
			#[pallet::compact] available: Balance,
			#[pallet::compact] price: Balance,
			#[pallet::compact] min_duration: Moment,
			#[pallet::compact] max_duration: Moment,
		) -> DispatchResult {
			let lender = ensure_signed(origin)?;
			Self::do_update_offer(&lender, offer, available, price, min_duration, max_duration)
		}

		/// Withdraws an offer with nothing leased; its stake is free again.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::cancel_offer())]
		pub fn cancel_offer(origin: OriginFor<T>, offer: OfferId) -> DispatchResult {
			let lender = ensure_signed(origin)?;
			Self::do_cancel_offer(&lender, offer)
		}

		/// Rents `amount` of `offer`'s stake for `duration` ms, paying at most `max_total`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::rent().saturating_add(T::Power::existence_weight()))]
		pub fn rent(
			origin: OriginFor<T>,
			offer: OfferId,
			#[pallet::compact] amount: Balance,
			#[pallet::compact] duration: Moment,
			#[pallet::compact] max_total: Balance,
		) -> DispatchResult {
			let renter = ensure_signed(origin)?;
			Self::do_rent(&renter, offer, amount, duration, max_total)
		}

		/// Rents `amount` for `duration` ms from the cheapest offers first, at no more than
		/// `max_price` per capacity-day, filling from at most `MaxFills` offers; all or nothing.
		#[pallet::call_index(4)]
		#[pallet::weight(Pallet::<T>::rent_best_weight(T::MaxFills::get(), T::MaxOffersPerLender::get()))]
		pub fn rent_best(
			origin: OriginFor<T>,
			#[pallet::compact] amount: Balance,
			#[pallet::compact] duration: Moment,
			#[pallet::compact] max_price: Balance,
		) -> DispatchResultWithPostInfo {
			let renter = ensure_signed(origin)?;
			let (filled, skipped) = Self::do_rent_best(&renter, amount, duration, max_price)?;
			Ok(Some(Self::rent_best_weight(filled, skipped)).into())
		}

		/// Cleans up a lease past its end (anyone may).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::expire_lease().saturating_add(T::Power::existence_weight()))]
		pub fn expire_lease(origin: OriginFor<T>, lease: LeaseId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_expire_lease(lease)
		}

		/// Sets the parameters, after checking them.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_params())]
		pub fn set_params(origin: OriginFor<T>, params: MarketParams) -> DispatchResult {
			T::UpdateOrigin::ensure_origin(origin)?;
			Self::do_set_params(params)
		}
	}
}
