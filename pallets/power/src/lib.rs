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
//!
//! ## User flows
//!
//! 1. Stake Flux (`Flux.stake`): Power of both kinds starts to accrue.
//! 2. Transact: metering spends Power (see `pallet-power-metering`): one accrual to read what
//!    is available, one to consume, one to refund what dispatch did not use.
//! 3. `delegate(to, amount, lock)`: `to`'s rate rises and the delegator's falls by
//!    `α · amount`; `undelegate(to)` after the lock reverses it.
//!
//! ## Design
//!
//! - **Lazy and O(1).** Each account stores its balances and the time and index of its last
//!   accrual; no hook iterates over accounts. A global index per kind (see [`math`]) grows at
//!   α per millisecond, and a short history of [`Checkpoint`]s records where α changed, so a
//!   change of α accrues nobody yet accrues everything before it at the old rate.
//! - **Unstaking never leaves delegations uncovered**: `Flux.unstake` refuses with
//!   `StakeCommitted` while the stake is delegated or leased; undelegate first.
//! - Accrual of one account walks at most `2 · MaxLeases` lease end points.
//!
//! ## Where things are
//!
//! `calls.rs` holds the bodies of the calls, `accrual.rs` the accrual engine and the α history,
//! `leases.rs` the leases, `hooks.rs` the start of generation, `impls.rs` the traits other
//! pallets use, `api.rs` what `PowerApi` calls, `try_state.rs` the invariants, [`math`] the
//! formulas.
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
		#[pallet::weight(T::WeightInfo::delegate())]
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
		#[pallet::weight(T::WeightInfo::undelegate())]
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
	}
}
