//! # Flux pallet
//!
//! The soulbound money of Fluxomics and its staking.
//!
//! ## Overview
//!
//! Flux is money that cannot be sent from one account to another at a user's request. It enters
//! by [`convert`](Pallet::convert) (HETU paid into the protocol reserve, Flux minted at the
//! governed rate `hetu_per_flux`) and by protocol rewards, and it leaves or moves only through
//! protocol flows: fees paid to the sink, rent paid to a lender, collateral held and slashed, the
//! burned share of rewards. Other pallets reach those flows through
//! [`FluxLedger`](fluxomics_primitives::FluxLedger), never by calling this pallet directly.
//!
//! Staked Flux generates Power (see `pallet-power`), which pays for every transaction.
//!
//! ## Key terms
//!
//! - **free**: spendable on fees, rent and collateral.
//! - **staked**: generating Power; leaves stake only by unbonding.
//! - **unbonding**: in chunks, each free again at its thaw time; chunks thawing at the same time
//!   merge; at most [`Config::MaxUnbondingChunks`] per account.
//! - **held**: set aside as collateral by a protocol pallet; released or slashed.
//! - **committed stake**: staked Flux delegated, listed or leased elsewhere
//!   ([`StakeObserver::committed_stake`](fluxomics_primitives::StakeObserver)); it cannot be
//!   unstaked: `unstake` refuses with [`Error::StakeCommitted`] rather than undoing a delegation
//!   behind the delegate's back.
//!
//! ## User flows
//!
//! 1. `convert(hetu)`: HETU in, Flux out (free).
//! 2. `stake(amount)`: free → staked; Power starts to accrue.
//! 3. `unstake(amount)`: staked → an unbonding chunk thawing after `unbonding_period`.
//! 4. `rebond(amount)`: unbonding → staked, newest chunks first.
//! 5. `withdraw_unbonded()`: every thawed chunk → free.
//!
//! ## Design
//!
//! - Every operation touches one account's ledger (plus the totals): its cost is independent of
//!   the number of accounts. No hook iterates over accounts.
//! - An account that holds Flux exists even with no HETU: it is a *sufficient* of
//!   `frame_system`, and is removed as soon as it holds nothing.
//! - Before an account's staked Flux changes, [`Config::StakeObserver`] is told, so Power accrues
//!   up to now at the old stake.
//!
//! ## Where things are
//!
//! `lib.rs` holds the pallet module (each call checks its origin and calls `Self::do_*`);
//! `calls.rs` the calls' bodies; `flows.rs` the protocol flows' bodies and `impls.rs` the traits
//! that expose them ([`FluxLedger`](fluxomics_primitives::FluxLedger),
//! [`StakeInfo`](fluxomics_primitives::StakeInfo)); `ledger.rs` the account record and the
//! building blocks both use; `genesis.rs` the genesis build; `try_state.rs` the numbered
//! invariants; `math.rs` the HETU↔Flux conversion; `types.rs` the stored types. The pallet's
//! `README.md` tabulates the calls, storage and invariants.
//!
//! ## Assumptions
//!
//! - `Config::Time` is chain time in milliseconds and never goes backwards.
//! - Total issuance fits in `u128` planck (3.4 × 10²⁶ Flux).
#![cfg_attr(not(feature = "std"), no_std)]
// Tests and benchmarks compute expected values with plain arithmetic.
#![cfg_attr(any(test, feature = "runtime-benchmarks"), allow(clippy::arithmetic_side_effects))]

extern crate alloc;

pub use impls::WithdrawPaysItself;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod calls;
mod flows;
mod genesis;
mod impls;
mod ledger;
pub mod math;
#[cfg(test)]
mod tests;
#[cfg(any(feature = "try-runtime", feature = "std", test))]
mod try_state;
mod types;
pub mod weights;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::flux";

// The pallet macros expand to `expect`s on values they guarantee (pallet info, storage
// prefixes); the pallet's own code has none.
#[frame_support::pallet]
#[allow(clippy::expect_used)]
pub mod pallet {
	use super::*;
	use fluxomics_primitives::{Balance, Moment, StakeObserver};
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, Time},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_arithmetic::FixedU128;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The native currency (HETU) that `convert` takes.
		type Currency: fungible::Mutate<Self::AccountId, Balance = Balance>;
		/// Told before stake changes; says how much stake is committed elsewhere.
		type StakeObserver: StakeObserver<Self::AccountId>;
		/// Chain time, in milliseconds.
		type Time: Time<Moment = Moment>;
		/// Who may change the parameters (governance; root in tests).
		type UpdateOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Derives the reserve account (HETU paid for Flux) and the sink account (fees).
		#[pallet::constant]
		type PalletId: Get<PalletId>;
		/// The most unbonding chunks one account may have.
		#[pallet::constant]
		type MaxUnbondingChunks: Get<u32>;
		/// The longest unbonding period governance may set, in milliseconds.
		#[pallet::constant]
		type MaxUnbondingPeriod: Get<Moment>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Every account's Flux. Absent for accounts that hold none.
	#[pallet::storage]
	pub type Accounts<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		FluxAccount<T::MaxUnbondingChunks>,
		OptionQuery,
	>;

	/// All Flux in existence: the sum over accounts of free, staked, held and unbonding.
	#[pallet::storage]
	pub type TotalIssuance<T> = StorageValue<_, Balance, ValueQuery>;

	/// All Flux ever minted.
	#[pallet::storage]
	pub type TotalMinted<T> = StorageValue<_, Balance, ValueQuery>;

	/// All Flux ever burned.
	#[pallet::storage]
	pub type TotalBurned<T> = StorageValue<_, Balance, ValueQuery>;

	/// All staked Flux.
	#[pallet::storage]
	pub type TotalStaked<T> = StorageValue<_, Balance, ValueQuery>;

	/// The governed parameters.
	#[pallet::storage]
	pub type Params<T> = StorageValue<_, FluxParams, ValueQuery, DefaultParams>;

	/// Parameters until governance or genesis sets others: 1 HETU per Flux, 28 days of
	/// unbonding, 1 Flux minimum stake and convert.
	#[pallet::type_value]
	pub fn DefaultParams() -> FluxParams {
		FluxParams {
			hetu_per_flux: FixedU128::from_u32(1),
			unbonding_period: 28 * fluxomics_primitives::MILLIS_PER_DAY,
			min_stake: fluxomics_primitives::UNIT,
			min_convert: fluxomics_primitives::UNIT,
		}
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The parameters; `None` keeps the defaults.
		pub params: Option<FluxParams>,
		/// Accounts that start with Flux: `(account, free, staked)`.
		pub accounts: alloc::vec::Vec<(T::AccountId, Balance, Balance)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::build_genesis(self.params, &self.accounts);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `hetu` HETU went into the reserve and `flux` Flux was minted for `who`.
		Converted { who: T::AccountId, hetu: Balance, flux: Balance },
		/// `who` staked `amount` of free Flux.
		Staked { who: T::AccountId, amount: Balance },
		/// `who` unstaked `amount`, free again at `thaw_at`.
		Unstaked { who: T::AccountId, amount: Balance, thaw_at: Moment },
		/// `who` moved `amount` from unbonding back to stake.
		Rebonded { who: T::AccountId, amount: Balance },
		/// `who` withdrew `amount` of thawed Flux to free.
		Withdrawn { who: T::AccountId, amount: Balance },
		/// Governance changed the parameters.
		ParamsSet { old: FluxParams, new: FluxParams },
		/// The protocol minted `amount` of free Flux for `who`.
		Minted { who: T::AccountId, amount: Balance },
		/// The protocol minted `amount` of Flux for `who` and staked it.
		AutoStaked { who: T::AccountId, amount: Balance },
		/// The protocol burned `amount` of `who`'s free Flux.
		Burned { who: T::AccountId, amount: Balance },
		/// `who` paid `amount` of free Flux to the protocol sink.
		PaidToSink { who: T::AccountId, amount: Balance },
		/// The protocol moved `amount` of free Flux from `from` to `to`.
		Moved { from: T::AccountId, to: T::AccountId, amount: Balance },
		/// The protocol set `amount` of `who`'s free Flux aside as held.
		Held { who: T::AccountId, amount: Balance },
		/// The protocol returned `amount` of `who`'s held Flux to free.
		Released { who: T::AccountId, amount: Balance },
		/// The protocol took `amount` of `who`'s held Flux: burned if `to` is `None`.
		Slashed { who: T::AccountId, amount: Balance, to: Option<T::AccountId> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The amount is zero.
		ZeroAmount,
		/// `convert` would mint less than `min_convert`.
		BelowMinimumConvert,
		/// The stake left would be above zero but below `min_stake`.
		BelowMinimumStake,
		/// Not enough free Flux.
		InsufficientFree,
		/// Not enough staked Flux.
		InsufficientStake,
		/// Not enough held Flux.
		InsufficientHeld,
		/// Not enough unbonding Flux to rebond.
		InsufficientUnbonding,
		/// That stake is delegated, listed or leased; take it back first.
		StakeCommitted,
		/// The account already has `MaxUnbondingChunks` unbonding chunks.
		TooManyUnbondingChunks,
		/// No unbonding chunk has thawed yet.
		NothingToWithdraw,
		/// Not enough HETU (keeping the existential deposit) to convert.
		InsufficientHetu,
		/// An amount would overflow.
		Overflow,
		/// Parameters: `hetu_per_flux` must be above zero.
		ZeroRate,
		/// Parameters: `unbonding_period` is longer than `MaxUnbondingPeriod`.
		UnbondingPeriodTooLong,
		/// Parameters: `min_stake` and `min_convert` must be above zero.
		ZeroMinimum,
		/// Parameters: `hetu_per_flux` is below `MIN_HETU_PER_FLUX` (a thousandth of a HETU):
		/// dust HETU would mint large amounts of Flux.
		RateTooLow,
		/// Parameters: `hetu_per_flux` is above `MAX_HETU_PER_FLUX` (1 000 HETU per Flux).
		RateTooHigh,
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
		/// Pays `hetu` HETU into the protocol reserve and mints Flux at `hetu_per_flux`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::convert())]
		pub fn convert(origin: OriginFor<T>, #[pallet::compact] hetu: Balance) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_convert(&who, hetu).map(|_| ())
		}

		/// Stakes `amount` of free Flux.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::stake().saturating_add(T::StakeObserver::before_stake_change_weight()))]
		pub fn stake(
			origin: OriginFor<T>,
			#[pallet::compact] amount: Balance,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let observed = Self::do_stake(&who, amount)?;
			Ok(Some(T::WeightInfo::stake().saturating_add(observed)).into())
		}

		/// Starts unbonding `amount` of staked Flux.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::unstake().saturating_add(T::StakeObserver::before_stake_change_weight()))]
		pub fn unstake(
			origin: OriginFor<T>,
			#[pallet::compact] amount: Balance,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let observed = Self::do_unstake(&who, amount)?;
			Ok(Some(T::WeightInfo::unstake().saturating_add(observed)).into())
		}

		/// Moves `amount` of unbonding Flux back to stake, newest chunks first.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::rebond().saturating_add(T::StakeObserver::before_stake_change_weight()))]
		pub fn rebond(
			origin: OriginFor<T>,
			#[pallet::compact] amount: Balance,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let observed = Self::do_rebond(&who, amount)?;
			Ok(Some(T::WeightInfo::rebond().saturating_add(observed)).into())
		}

		/// Moves every thawed unbonding chunk to free.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw_unbonded())]
		pub fn withdraw_unbonded(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_unbonded(&who).map(|_| ())
		}

		/// Sets the parameters, after checking them.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_params())]
		pub fn set_params(origin: OriginFor<T>, params: FluxParams) -> DispatchResult {
			T::UpdateOrigin::ensure_origin(origin)?;
			Self::do_set_params(params)
		}
	}
}
