//! # Power pallet
//!
//! Power is the capacity that pays for every transaction on Fluxomics. It is generated over time
//! by staked Flux, in two kinds: **Msg** (messages and intents) and **Exec** (execution). Every
//! pair of values, one per kind, is a [`PerKind`](fluxomics_primitives::PerKind).
//!
//! ## Key terms
//!
//! - **α (alpha)**: PU generated per staked Flux per day, one per kind (`alpha.msg`,
//!   `alpha.exec`), governed.
//! - **Effective stake**: own staked Flux − delegated out + delegated in − leased out + leased
//!   in. Generation per day of kind `k` is `α_k · effective stake`.
//! - **Cap**: each kind holds at most `cap_period` of generation at the current effective
//!   stake. Power cannot be hoarded without limit; a stake that falls lowers the cap, and the
//!   balance with it.
//! - **Accrual**: bringing an account's balances up to now. It happens before every read or
//!   change, and before any change of effective stake, at the old stake.
//! - **Delegation**: a staker gives the generation of part of its stake to another account,
//!   optionally locked for a while; it takes it back with `undelegate` once the lock ends.
//! - **Lease**: a delegation with an end time, made by other pallets (the rental market)
//!   through [`PowerLedger`](fluxomics_primitives::PowerLedger). It stops generating for the
//!   lessee at its end even if nobody touches it.
//! - **Sponsorship**: a delegation to a key that may hold nothing else, made in batches and
//!   revocable at any time; the sponsor's stake backs the key's existence.
//! - **Power-only account**: an account whose only asset is Power (a delegate, a lessee or a
//!   sponsored key). It can sign, because every Power record holds a sufficient reference.
//!
//! ## User flows
//!
//! 1. Stake Flux (`Flux.stake`): Power of both kinds starts to accrue.
//! 2. Transact: metering spends Power (see `pallet-power-metering`): one accrual to read what
//!    is available, one to consume, one to refund what dispatch did not use.
//! 3. `delegate(to, amount, lock)`: `to`'s rate rises and the delegator's falls by
//!    `α · amount`; `undelegate(to)` after the lock reverses it.
//! 4. `sponsor(keys, amount)`: an app gives each of up to `MaxSponsorBatch` fresh keys the
//!    generation of `amount` of its stake; each key, holding nothing else, signs and pays in
//!    that Power. `revoke(keys)` takes it back; a key left with nothing is reaped.
//!
//! ## Design
//!
//! - **Lazy and O(1).** Each account stores its balances and the time and index of its last
//!   accrual; no hook iterates over accounts. A global index per kind (see [`math`]) grows at
//!   α per millisecond, and a short history of [`Checkpoint`]s records where α changed, so a
//!   change of α accrues nobody yet accrues everything before it at the old rate.
//! - **Existence follows the record.** A Power record is stored only while it holds something
//!   (stake, generation given or received, a lease) and holds one sufficient reference
//!   on its account while it is stored (`store`), as the Flux ledger does. Whoever makes a
//!   record for someone else pays with committed stake, at least `MinDelegation` for a
//!   delegation or a sponsorship; when the generation ends the record goes, and with it an
//!   account that has nothing else (nonce included).
//! - **Unstaking never leaves delegations uncovered**: `Flux.unstake` refuses with
//!   `StakeCommitted` while the stake is delegated or leased; undelegate first.
//! - Accrual of one account walks at most `2 · MaxLeases` lease end points.
//!
//! ## Where things are
//!
//! `calls.rs` holds the bodies of the calls, `accrual.rs` the accrual engine, the α history and
//! the storing of records, `leases.rs` the leases, `sponsorship.rs` the sponsored keys,
//! `hooks.rs` the start of generation, `impls.rs` the traits other pallets use, `api.rs` what
//! `PowerApi` calls, `try_state.rs` the invariants, [`math`] the formulas.
//!
//! ## Assumptions
//!
//! - Chain time (`Config::Time`) never goes backwards, and the first timestamp of the chain
//!   starts generation (through [`OnTimestampSet`](frame_support::traits::OnTimestampSet)).
//! - α changes are rare (each is a governance decision): the history keeps the last
//!   `MaxCheckpoints`. A lease end older than the oldest kept checkpoint is accrued at that
//!   checkpoint's rate.
#![cfg_attr(not(feature = "std"), no_std)]
// Tests and benchmarks compute expected values with plain arithmetic.
#![cfg_attr(any(test, feature = "runtime-benchmarks"), allow(clippy::arithmetic_side_effects))]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

mod accrual;
mod api;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod calls;
mod hooks;
mod impls;
mod leases;
pub mod math;
mod sponsorship;
#[cfg(test)]
mod tests;
mod try_state;
mod types;
pub mod weights;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::power";

// The pallet macros expand to `expect`s on values they guarantee (pallet info, storage
// prefixes); the pallet's own code has none.
#[frame_support::pallet]
#[allow(clippy::expect_used)]
pub mod pallet {
	use super::*;
	use fluxomics_primitives::{Balance, Moment, PerKind, StakeInfo};
	use frame_support::{pallet_prelude::*, traits::Time};
	use frame_system::pallet_prelude::*;
	use sp_arithmetic::FixedU128;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Staked Flux, from the Flux ledger.
		type Stake: StakeInfo<Self::AccountId>;
		/// Stake listed on the rental market (reserved, so committed).
		type Listed: fluxomics_primitives::ListedStake<Self::AccountId>;
		/// Chain time, in milliseconds.
		type Time: Time<Moment = Moment>;
		/// Who may change the parameters (governance; root in tests).
		type UpdateOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// The most delegations one account may make.
		#[pallet::constant]
		type MaxDelegations: Get<u32>;
		/// The most leases one account may give, and the most it may receive.
		#[pallet::constant]
		type MaxLeases: Get<u32>;
		/// The longest lock a delegation may carry, in milliseconds.
		#[pallet::constant]
		type MaxDelegationLock: Get<Moment>;
		/// How many α checkpoints are kept.
		#[pallet::constant]
		type MaxCheckpoints: Get<u32>;
		/// The longest `cap_period` governance may set, in milliseconds.
		#[pallet::constant]
		type MaxCapPeriod: Get<Moment>;
		/// The least stake a delegation or a sponsorship may give: what an account made to
		/// exist by someone else's generation costs them, committed until it ends.
		#[pallet::constant]
		type MinDelegation: Get<Balance>;
		/// The most keys one account may sponsor.
		#[pallet::constant]
		type MaxSponsoredKeys: Get<u32>;
		/// The most keys one `sponsor` or `revoke` call may name.
		#[pallet::constant]
		type MaxSponsorBatch: Get<u32>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Every account's Power as of its last accrual.
	#[pallet::storage]
	pub type Accounts<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, PowerAccount, OptionQuery>;

	/// The delegations each account makes.
	#[pallet::storage]
	pub type Delegations<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<Delegation<T::AccountId>, T::MaxDelegations>,
		ValueQuery,
	>;

	/// Leases each account gives (`other` is the lessee).
	#[pallet::storage]
	pub type LeasesOut<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<Lease<T::AccountId>, T::MaxLeases>,
		ValueQuery,
	>;

	/// Leases each account receives (`other` is the lessor).
	#[pallet::storage]
	pub type LeasesIn<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<Lease<T::AccountId>, T::MaxLeases>,
		ValueQuery,
	>;

	/// The stake whose generation each sponsor (first key) gives each of its keys (second key).
	/// A key may have several sponsors: nobody can keep a key from being sponsored by sponsoring
	/// it first.
	#[pallet::storage]
	pub type Sponsorships<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		Balance,
		OptionQuery,
	>;

	/// What each sponsor gives to its keys together.
	#[pallet::storage]
	pub type Sponsors<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, SponsorTotals, OptionQuery>;

	/// Where α changed, oldest first; the last is the current rate. Empty until the first
	/// timestamp of the chain.
	#[pallet::storage]
	pub type Checkpoints<T: Config> =
		StorageValue<_, BoundedVec<Checkpoint, T::MaxCheckpoints>, ValueQuery>;

	/// The governed parameters.
	#[pallet::storage]
	pub type Params<T> = StorageValue<_, PowerParams, ValueQuery, DefaultParams>;

	/// Until genesis or governance says otherwise: 1 000 PU of each kind per Flux per day,
	/// capped at 7 days.
	#[pallet::type_value]
	pub fn DefaultParams() -> PowerParams {
		PowerParams {
			alpha: PerKind::splat(FixedU128::from_u32(1_000)),
			cap_period: 7 * fluxomics_primitives::MILLIS_PER_DAY,
		}
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The parameters; `None` keeps the defaults.
		pub params: Option<PowerParams>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(params) = self.params {
				if let Err(e) = Pallet::<T>::validate_params(&params) {
					panic!("invalid Power genesis parameters: {e:?}");
				}
				Params::<T>::put(params);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `from` delegated the generation of `amount` of stake to `to`, locked until
		/// `locked_until` (the delegation's total is `total`).
		Delegated {
			from: T::AccountId,
			to: T::AccountId,
			amount: Balance,
			total: Balance,
			locked_until: Moment,
		},
		/// `from` took back the generation of `amount` of stake from `to`.
		Undelegated { from: T::AccountId, to: T::AccountId, amount: Balance },
		/// The generation of `amount` of `from`'s stake is leased to `to` until `until`.
		Leased { from: T::AccountId, to: T::AccountId, amount: Balance, until: Moment },
		/// A lease was removed (it had ended, or was ended early).
		LeaseEnded { from: T::AccountId, to: T::AccountId, amount: Balance, until: Moment },
		/// `sponsor` gave `key` the generation of `amount` of its stake.
		Sponsored { sponsor: T::AccountId, key: T::AccountId, amount: Balance },
		/// `sponsor` took back the generation of `amount` of its stake from `key`.
		Revoked { sponsor: T::AccountId, key: T::AccountId, amount: Balance },
		/// Governance changed the parameters; Power accrued before now keeps the old rates.
		ParamsSet { old: PowerParams, new: PowerParams },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The amount is zero.
		ZeroAmount,
		/// An account cannot delegate or lease to itself.
		SelfDelegation,
		/// Not enough stake free of delegations, leases and listings.
		InsufficientStake,
		/// The account already makes `MaxDelegations` delegations.
		TooManyDelegations,
		/// The lock is longer than `MaxDelegationLock`.
		LockTooLong,
		/// There is no delegation to that account.
		UnknownDelegation,
		/// The delegation is still locked.
		DelegationLocked,
		/// One side already has `MaxLeases` leases.
		TooManyLeases,
		/// The lease's end is not in the future.
		LeaseEndInPast,
		/// There is no such lease.
		UnknownLease,
		/// Not enough Power.
		InsufficientPower,
		/// A delegation or a sponsorship gives less than `MinDelegation`.
		BelowMinDelegation,
		/// The sponsor would sponsor more than `MaxSponsoredKeys` keys.
		TooManyKeys,
		/// The caller already sponsors the key (or names it twice).
		KeyAlreadySponsored,
		/// The key is not sponsored by the caller: never sponsored, already revoked, or
		/// another's.
		NotSponsored,
		/// The call names no key.
		NoKeys,
		/// Parameters: α must be above zero (zero would stop all generation).
		ZeroAlpha,
		/// Parameters: α is above the highest allowed.
		AlphaTooHigh,
		/// Parameters: `cap_period` must be between 1 ms and `MaxCapPeriod`.
		CapPeriodOutOfRange,
		/// Parameters: one vote may cut generation at most tenfold (`MAX_CUT_PER_VOTE`): an α or
		/// a `cap_period` below a tenth of its value.
		ChangeTooLarge,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Delegates the generation of `amount` of the caller's stake to `to`, not to be taken
		/// back for `lock` milliseconds. Adds to an existing delegation to `to` (the later lock
		/// wins).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::delegate().saturating_add(Pallet::<T>::existence_weight()))]
		pub fn delegate(
			origin: OriginFor<T>,
			to: T::AccountId,
			#[pallet::compact] amount: Balance,
			#[pallet::compact] lock: Moment,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_delegate(&who, &to, amount, lock)
		}

		/// Takes back the whole delegation to `to`, once its lock has ended.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::undelegate().saturating_add(Pallet::<T>::existence_weight()))]
		pub fn undelegate(origin: OriginFor<T>, to: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_undelegate(&who, &to)
		}

		/// Sets the parameters, after checking them. Power accrued until now keeps the old α.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_params())]
		pub fn set_params(origin: OriginFor<T>, params: PowerParams) -> DispatchResult {
			T::UpdateOrigin::ensure_origin(origin)?;
			Self::do_set_params(params)
		}

		/// Gives each of `keys` the generation of `amount` of the caller's stake, revocable at
		/// any time. A key that holds nothing else can then sign and pay in that Power. All or
		/// nothing: one refused key refuses the call.
		#[pallet::call_index(3)]
		#[pallet::weight(Pallet::<T>::sponsor_weight(keys.len() as u32))]
		pub fn sponsor(
			origin: OriginFor<T>,
			keys: BoundedVec<T::AccountId, T::MaxSponsorBatch>,
			#[pallet::compact] amount: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_sponsor(&who, &keys, amount)
		}

		/// Takes back the generation the caller gives to each of `keys`; a key left with nothing
		/// is removed with its account. All or nothing.
		#[pallet::call_index(4)]
		#[pallet::weight(Pallet::<T>::revoke_weight(keys.len() as u32))]
		pub fn revoke(
			origin: OriginFor<T>,
			keys: BoundedVec<T::AccountId, T::MaxSponsorBatch>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_revoke(&who, &keys)
		}
	}
}
