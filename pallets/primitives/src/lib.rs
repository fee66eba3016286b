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
//! | [`ListedStake`] | `pallet-power-market` | `pallet-power` (listed stake is committed) |
//! | [`OnPowerCharged`] | `pallet-flox` | metering (who paid how much Power to reach whom) |
//! | `Get<`[`ExecSchedule`]`>` | the runtime (from metering's cost schedule) | PoCW (metering reported agent work) |
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;
use alloc::vec::Vec;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::weights::Weight;
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{DispatchError, DispatchResult, FixedU128};

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

/// Moves chain time, for the benchmarks of pallets that depend on it (leases, deadlines,
/// epochs). The runtime implements it once, over its timestamp pallet.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkTime {
	/// Sets chain time to `now` (ms).
	fn set_time(now: Moment);
}

/// What the Flux ledger asks before an account's stake changes.
pub trait StakeObserver<AccountId> {
	/// Called just before `who`'s staked Flux changes to `new_staked`, so that anything that
	/// depends on it (Power accrual) settles at the old amount and keeps the new one. Returns what
	/// it cost.
	fn before_stake_change(who: &AccountId, new_staked: Balance) -> Weight;
	/// Staked Flux of `who` that is committed elsewhere (delegated, listed or leased) and so may
	/// not be unstaked.
	fn committed_stake(who: &AccountId) -> Balance;
	/// The most `before_stake_change` can cost: callers add it to their own weight.
	fn before_stake_change_weight() -> Weight;
}

impl<AccountId> StakeObserver<AccountId> for () {
	fn before_stake_change(_: &AccountId, _: Balance) -> Weight {
		Weight::zero()
	}
	fn committed_stake(_: &AccountId) -> Balance {
		0
	}
	fn before_stake_change_weight() -> Weight {
		Weight::zero()
	}
}

/// Stake a market has reserved: listed for rent and not leased. It counts as committed, so it
/// can be neither unstaked nor delegated.
pub trait ListedStake<AccountId> {
	/// `who`'s staked Flux listed and not leased.
	fn listed(who: &AccountId) -> Balance;
}

impl<AccountId> ListedStake<AccountId> for () {
	fn listed(_: &AccountId) -> Balance {
		0
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
	/// Converts just enough of `who`'s HETU to mint at least `flux` more free Flux, at the
	/// current rate and keeping the existential deposit of HETU. Returns the HETU paid.
	fn convert_for(who: &AccountId, flux: Balance) -> Result<Balance, DispatchError>;
	/// The HETU that `convert_for(who, flux)` would take now, or `None` if `who` cannot pay it
	/// (keeping the existential deposit). Changes nothing.
	fn quote_convert_for(who: &AccountId, flux: Balance) -> Option<Balance>;
	/// Moves `amount` of free Flux from the protocol sink back to `who` (fees refunded for
	/// weight a transaction did not use).
	fn refund_from_sink(who: &AccountId, amount: Balance) -> DispatchResult;
}

/// Power balances, for the pallets that spend or redirect Power.
pub trait PowerLedger<AccountId> {
	/// `who`'s Power of `kind`, settled to now.
	fn available(who: &AccountId, kind: PowerKind) -> PowerUnits;
	/// Spends `amount` of `who`'s Power of `kind`; all or nothing.
	fn consume(who: &AccountId, kind: PowerKind, amount: PowerUnits) -> DispatchResult;
	/// `who`'s Power of both kinds, `(msg, exec)`, settled to now, read once.
	fn available_both(who: &AccountId) -> (PowerUnits, PowerUnits);
	/// Spends `msg` and `exec` of `who`'s Power in one settlement; all or nothing.
	fn consume_both(who: &AccountId, msg: PowerUnits, exec: PowerUnits) -> DispatchResult;
	/// Gives back `amount` of Power of `kind` (never above the cap).
	fn refund(who: &AccountId, kind: PowerKind, amount: PowerUnits);
	/// What settling `who` costs beyond settling an account without redirections (walking the
	/// end points of its leases).
	fn settlement_weight(who: &AccountId) -> Weight;
	/// The most `settlement_weight` can be.
	fn max_settlement_weight() -> Weight;
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

/// Told after every charged extrinsic: `payer` paid `power` PU (both kinds, whatever it paid
/// them with) for a call that served or paid `counterparty`. Flox records these as edges.
pub trait OnPowerCharged<AccountId> {
	/// Records one charge. Never fails: a charge has already happened.
	fn on_power_charged(payer: &AccountId, counterparty: &AccountId, power: PowerUnits);
	/// The most `on_power_charged` can cost; the charging extension includes it in its weight.
	fn weight() -> Weight;
}

impl<AccountId> OnPowerCharged<AccountId> for () {
	fn on_power_charged(_: &AccountId, _: &AccountId, _: PowerUnits) {}
	fn weight() -> Weight {
		Weight::zero()
	}
}

/// The execution Power terms of the cost schedule that price agent work reported off-chain
/// (design §4): `e0 + e_step · steps + e_model · model_calls + e_tx · onchain_txs` exec PU.
/// The runtime reads them from the metering pallet's schedule, so PoCW and metering price the
/// same work the same way.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct ExecSchedule {
	/// Exec PU every piece of work costs.
	pub e0: PowerUnits,
	/// Exec PU per step.
	pub e_step: PowerUnits,
	/// Exec PU per model call.
	pub e_model: PowerUnits,
	/// Exec PU per on-chain transaction.
	pub e_tx: PowerUnits,
}

/// A PoCW task's class: how much of the reward constant `K` a perfect result earns (the weight
/// of each class is governed).
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
pub enum TaskClass {
	/// Small tasks.
	Light,
	/// Ordinary tasks.
	Standard,
	/// Large tasks.
	Heavy,
}

/// Where a PoCW task is in its lifecycle (settled tasks are removed).
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub enum TaskStatus {
	/// Posted, waiting for a worker.
	Open,
	/// A worker holds collateral on it and has not submitted yet.
	Claimed,
	/// The result is in; verifiers are attesting.
	Submitted,
}

/// One PoCW task, as `PocwApi` shows it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct TaskInfo<AccountId> {
	/// The task's id.
	pub id: u64,
	/// Who posted it.
	pub requester: AccountId,
	/// Hash of the task's specification (kept off-chain).
	pub spec_hash: H256,
	/// The exec Power budget the requester allows, in PU.
	pub budget: PowerUnits,
	/// The task's class.
	pub class: TaskClass,
	/// Attestations that settle it.
	pub quorum: u32,
	/// Chain time (ms) after which it expires.
	pub deadline: Moment,
	/// Where it is in its lifecycle.
	pub status: TaskStatus,
	/// The worker, once claimed.
	pub worker: Option<AccountId>,
	/// Flux the worker holds as collateral, in planck.
	pub collateral: Balance,
	/// The submitted result's hash.
	pub result_hash: Option<H256>,
	/// Exec Power the submitted usage was metered at, in PU.
	pub exec_cost: Option<PowerUnits>,
	/// Attestations that the result is valid.
	pub valid_attestations: u32,
	/// Attestations that the result is invalid.
	pub invalid_attestations: u32,
}

/// What an extrinsic costs now and how its signer would pay: what `PowerApi::quote` returns.
/// The charge itself is computed by the same function.
#[derive(Clone, PartialEq, Eq, Default, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct PowerQuote {
	/// Messaging Power the extrinsic costs, in PU.
	pub msg: PowerUnits,
	/// Execution Power the extrinsic costs before dispatch (unused weight is refunded after).
	pub exec: PowerUnits,
	/// Messaging Power taken from the signer's balance.
	pub msg_from_power: PowerUnits,
	/// Execution Power taken from the signer's balance.
	pub exec_from_power: PowerUnits,
	/// Free Flux paid (to the protocol sink) for what Power does not cover, in planck.
	pub flux: Balance,
	/// HETU converted into Flux first, because free Flux was short, in planck.
	pub hetu: Balance,
	/// Whether the signer can pay; if not, the extrinsic is invalid and nothing is charged.
	pub payable: bool,
	/// The exchange rate used: Power units per Flux.
	pub rate: FixedU128,
	/// The transaction priority the charge gives.
	pub priority: u64,
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

/// One offer of the rental market, as `MarketApi` shows it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct OfferInfo<AccountId> {
	/// The offer's id.
	pub id: u32,
	/// Whose stake it is.
	pub lender: AccountId,
	/// Stake available to rent, in planck.
	pub available: Balance,
	/// Stake leased out of it now.
	pub leased: Balance,
	/// Flux planck per capacity-day (the generation of one Flux of stake for one day).
	pub price: Balance,
	/// The shortest lease, in ms.
	pub min_duration: Moment,
	/// The longest lease, in ms.
	pub max_duration: Moment,
}

/// What renting an amount for a duration would cost now, filling from the cheapest offers.
#[derive(Clone, PartialEq, Eq, Default, Encode, Decode, TypeInfo, Debug)]
pub struct RentQuote {
	/// Stake that can be rented on these terms (at most the amount asked).
	pub amount: Balance,
	/// Total price in Flux planck.
	pub total: Balance,
	/// The dearest price per capacity-day among the offers used.
	pub max_price: Balance,
	/// Offers used.
	pub offers: u32,
}

/// Where the ranking of a frozen Flox epoch is.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub enum FloxPhase {
	/// Reading the epoch's edges and the accounts' boosts into the graph's input.
	Collect,
	/// Building the graph (one block).
	Build,
	/// Iterating the ranking.
	Rank,
	/// Writing ranks and crediting points.
	Write,
	/// Removing the epoch's recorded data.
	Clean,
}

/// The ranking in progress, as `FloxApi::epoch_status` shows it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct FloxProgress {
	/// The epoch being ranked.
	pub epoch: u32,
	/// Its phase.
	pub phase: FloxPhase,
	/// Units done in the phase (edges and accounts; work units while ranking).
	pub done: u64,
	/// Units the phase has (0 while ranking: unknown in advance).
	pub total: u64,
	/// Iterations of the ranking done so far.
	pub iteration: u32,
	/// The epoch's distinct edges.
	pub edges: u32,
}

/// The Flox epochs: what `FloxApi::epoch_status` returns.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct FloxEpochStatus {
	/// The epoch recording now.
	pub epoch: u32,
	/// Its start (chain time, ms).
	pub start: Moment,
	/// The earliest chain time it ends (start + its epoch length).
	pub ends: Moment,
	/// Distinct edges recorded in it so far.
	pub edges: u32,
	/// New edges it dropped because a bound was reached.
	pub dropped: u32,
	/// The ranking in progress, if any.
	pub ranking: Option<FloxProgress>,
	/// Frozen epochs waiting for their ranking.
	pub queued: Vec<u32>,
	/// The last epoch whose ranking finished.
	pub last_ranked: Option<u32>,
}

/// An account's Flox standing: what `FloxApi::ranks_of` returns.
#[derive(Clone, PartialEq, Eq, Default, Encode, Decode, TypeInfo, Debug)]
pub struct FloxRanks {
	/// The last epoch the account was ranked in (its ranks below are that epoch's).
	pub epoch: Option<u32>,
	/// Its rank as a target, in units of 2⁻⁶⁰ (2⁶⁰ is rank 1).
	pub target_rank: u64,
	/// Its rank as a caller, in units of 2⁻⁶⁰.
	pub caller_rank: u64,
	/// All the points it was ever credited (non-transferable).
	pub points: u128,
}

sp_api::decl_runtime_apis! {
	/// Power balances and rates, for polkadot.js and other clients.
	pub trait PowerApi<AccountId> where AccountId: codec::Codec {
		/// `who`'s Power of both kinds, rates, caps and effective stake, settled to now.
		fn power_of(who: AccountId) -> PowerStatus;
		/// What `uxt` would cost now, in each kind of Power, and how its signer would pay it
		/// (Power, then Flux at the exchange rate, then HETU converted). Unsigned extrinsics
		/// cost nothing.
		fn quote(uxt: <Block as sp_runtime::traits::Block>::Extrinsic) -> PowerQuote;
		/// The exchange rate R: Power units per Flux.
		fn exchange_rate() -> FixedU128;
	}

	/// The rental market's order book and prices, for polkadot.js and other clients.
	pub trait MarketApi<AccountId> where AccountId: codec::Codec {
		/// Up to `max` offers with stake available, cheapest first.
		fn best_offers(max: u32) -> Vec<OfferInfo<AccountId>>;
		/// What renting `amount` of stake for `duration` ms costs now from the cheapest offers.
		fn quote(amount: Balance, duration: Moment) -> RentQuote;
		/// The moving average of fill prices, Flux planck per capacity-day (none before a fill).
		fn price_index() -> Option<Balance>;
	}

	/// PoCW tasks and what they would settle to, for polkadot.js and other clients.
	pub trait PocwApi<AccountId> where AccountId: codec::Codec {
		/// Task `id`, if it exists (settled and expired tasks are removed).
		fn task_info(id: u64) -> Option<TaskInfo<AccountId>>;
		/// The PoCW score and Flux reward (planck) task `id` would settle to now, given the
		/// attestations so far and assuming a valid outcome; `None` before a result is in.
		fn estimate(id: u64) -> Option<(FixedU128, Balance)>;
	}

	/// Flox epochs, ranks, points and the data to check a digest off chain.
	pub trait FloxApi<AccountId> where AccountId: codec::Codec {
		/// The current epoch, the ranking in progress and the queue of frozen epochs.
		fn epoch_status() -> FloxEpochStatus;
		/// `who`'s ranks in the last epoch it was ranked in, and its points.
		fn ranks_of(who: AccountId) -> FloxRanks;
		/// The published digest of `epoch`'s ranking (blake2-256 of its canonical bytes).
		fn digest(epoch: u32) -> Option<[u8; 32]>;
		/// `epoch`'s edges `(target, caller, gas)` in recording order, while the epoch's data is
		/// kept (recording, queued, and ranking until its data is cleaned).
		fn edges(epoch: u32) -> Vec<(AccountId, AccountId, u128)>;
		/// The boosts `epoch` is ranked with `(targets, callers)`, by index in order of first
		/// appearance in `edges`, once collected and until its data is cleaned.
		fn boosts(epoch: u32) -> Option<(Vec<u128>, Vec<u128>)>;
		/// The ranking parameters `epoch` is ranked with `(tolerance, max_iterations)`, while it
		/// is queued or ranking.
		fn rank_params(epoch: u32) -> Option<(u64, u32)>;
	}
}
