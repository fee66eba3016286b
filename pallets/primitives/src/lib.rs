//! # Fluxomics primitives
//!
//! The vocabulary the Fluxomics pallets share, and the traits through which they reach each other.
//! No pallet depends on another pallet's crate: each names what it needs as a trait in its
//! `Config`, the runtime plugs the implementing pallet in, and tests plug in `()` or a mock.
//!
//! | trait | implemented by | used by |
//! |---|---|---|
//! | [`StakeInfo`] | `pallet-flux` | `pallet-power` (effective stake) |
//! | [`StakeObserver`] | `pallet-power` | `pallet-flux` (settle before a stake changes; stake that may not leave) |
//! | [`FluxLedger`] | `pallet-flux` | metering, market, PoCW (protocol flows of Flux) |
//! | [`PowerLedger`] | `pallet-power` | metering, market (spend, refund and redirect Power) |
#![cfg_attr(not(feature = "std"), no_std)]

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::weights::Weight;
use scale_info::TypeInfo;
use sp_runtime::{DispatchError, DispatchResult};

#[doc(hidden)]
pub use sp_api;

/// Flux and HETU amounts, in planck (12 decimals).
pub type Balance = u128;
/// Power amounts, in power units (PU).
pub type PowerUnits = u128;
/// Chain time: milliseconds since the Unix epoch (pallet-timestamp).
pub type Moment = u64;

/// One day of chain time, in milliseconds.
pub const MILLIS_PER_DAY: Moment = 86_400_000;
/// One Flux (or HETU) in planck.
pub const UNIT: Balance = 1_000_000_000_000;

/// The two kinds of Power: messaging and execution.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum PowerKind {
	/// Pays for messages and intents: the size of what is sent.
	Msg,
	/// Pays for execution: the weight of what runs.
	Exec,
}

/// What the Flux ledger tells about staking.
pub trait StakeInfo<AccountId> {
	/// The Flux `who` has staked (not counting unbonding Flux).
	fn staked(who: &AccountId) -> Balance;

	/// Gives `who` `amount` more staked Flux, for benchmarks of pallets that need stake.
	#[cfg(feature = "runtime-benchmarks")]
	fn stake_for_benchmark(who: &AccountId, amount: Balance);
}

/// What the Flux ledger asks before an account's stake changes.
pub trait StakeObserver<AccountId> {
	/// Called just before `who`'s staked Flux changes, so that anything that depends on it (Power
	/// accrual) settles at the old amount. Returns what it cost.
	fn before_stake_change(who: &AccountId) -> Weight;
	/// Staked Flux of `who` that is committed elsewhere (delegated, listed or leased) and so may
	/// not be unstaked.
	fn committed_stake(who: &AccountId) -> Balance;
	/// The most `before_stake_change` can cost: callers add it to their own weight.
	fn before_stake_change_weight() -> Weight;
}

impl<AccountId> StakeObserver<AccountId> for () {
	fn before_stake_change(_: &AccountId) -> Weight {
		Weight::zero()
	}
	fn committed_stake(_: &AccountId) -> Balance {
		0
	}
	fn before_stake_change_weight() -> Weight {
		Weight::zero()
	}
}

/// The protocol flows of Flux. Flux is soulbound: users cannot send it to each other, but the
/// protocol moves it (fees, rent, rewards, collateral, slashes) through these operations, each
/// checked (nothing changes on error) and reported by an event of the Flux pallet.
pub trait FluxLedger<AccountId> {
	/// `who`'s free (spendable) Flux.
	fn free(who: &AccountId) -> Balance;
	/// Creates `amount` of free Flux for `who` (rewards).
	fn mint(who: &AccountId, amount: Balance) -> DispatchResult;
	/// Creates `amount` of Flux for `who` and stakes it at once (auto-staked rewards).
	fn mint_and_stake(who: &AccountId, amount: Balance) -> DispatchResult;
	/// Destroys `amount` of `who`'s free Flux.
	fn burn(who: &AccountId, amount: Balance) -> DispatchResult;
	/// Moves `amount` of `who`'s free Flux to the protocol sink (fees: nothing is burned).
	fn pay_to_sink(who: &AccountId, amount: Balance) -> DispatchResult;
	/// Moves `amount` of free Flux from `from` to `to` (rent).
	fn transfer(from: &AccountId, to: &AccountId, amount: Balance) -> DispatchResult;
	/// Sets `amount` of `who`'s free Flux aside as held (collateral).
	fn hold(who: &AccountId, amount: Balance) -> DispatchResult;
	/// Returns `amount` of `who`'s held Flux to free.
	fn release(who: &AccountId, amount: Balance) -> DispatchResult;
	/// Takes `amount` of `who`'s held Flux: burned if `to` is `None`, else made free for `to`.
	fn slash_held(who: &AccountId, amount: Balance, to: Option<&AccountId>) -> DispatchResult;
	/// Converts HETU into Flux for `who` so that it holds at least `flux` free, paying at the
	/// current rate and keeping the existential deposit of HETU. Returns the HETU paid.
	fn convert_for(who: &AccountId, flux: Balance) -> Result<Balance, DispatchError>;
}

/// Power balances, for the pallets that spend or redirect Power.
pub trait PowerLedger<AccountId> {
	/// `who`'s Power of `kind`, settled to now.
	fn available(who: &AccountId, kind: PowerKind) -> PowerUnits;
	/// Spends `amount` of `who`'s Power of `kind`; all or nothing.
	fn consume(who: &AccountId, kind: PowerKind, amount: PowerUnits) -> DispatchResult;
	/// Gives back `amount` of Power of `kind` (never above the cap).
	fn refund(who: &AccountId, kind: PowerKind, amount: PowerUnits);
	/// Sends the generation of `amount` of `from`'s stake to `to` until chain time `until`, after
	/// which it returns to `from` by itself.
	fn redirect(from: &AccountId, to: &AccountId, amount: Balance, until: Moment)
		-> DispatchResult;
	/// Forgets a redirection that has ended (or ends it now if `until` is in the future).
	fn end_redirect(
		from: &AccountId,
		to: &AccountId,
		amount: Balance,
		until: Moment,
	) -> DispatchResult;
}

/// An account's Power, settled to now: what `PowerApi::power_of` returns.
#[derive(Clone, PartialEq, Eq, Default, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct PowerStatus {
	/// Messaging Power available now, in PU.
	pub msg: PowerUnits,
	/// Execution Power available now, in PU.
	pub exec: PowerUnits,
	/// Messaging Power generated per day at the current effective stake.
	pub msg_per_day: PowerUnits,
	/// Execution Power generated per day at the current effective stake.
	pub exec_per_day: PowerUnits,
	/// The most messaging Power the account may hold now.
	pub msg_cap: PowerUnits,
	/// The most execution Power the account may hold now.
	pub exec_cap: PowerUnits,
	/// Own stake − delegated and leased out + delegated and leased in.
	pub effective_stake: Balance,
	/// Chain time the figures are settled to.
	pub settled_at: Moment,
}

sp_api::decl_runtime_apis! {
	/// Power balances and rates, for polkadot.js and other clients.
	pub trait PowerApi<AccountId> where AccountId: codec::Codec {
		/// `who`'s Power of both kinds, rates, caps and effective stake, settled to now.
		fn power_of(who: AccountId) -> PowerStatus;
	}
}
