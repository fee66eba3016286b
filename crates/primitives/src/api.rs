//! The runtime APIs that clients call (polkadot.js: `api.call.<name>.<method>`), and the types
//! they return.

use crate::{Balance, Moment, PerKind, PowerUnits, TaskClass, TaskStatus, VerdictState};
use alloc::vec::Vec;
use codec::{Decode, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::FixedU128;

/// One PoCW task, as `PocwApi` shows it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct TaskInfo<AccountId> {
	/// The task's id.
	pub id: u64,
	/// Who posted it.
	pub requester: AccountId,
	/// Hash of the task's specification (kept off-chain).
	pub spec_hash: H256,
	/// The Flux the requester holds in escrow to pay for it, in planck.
	pub budget: Balance,
	/// The task's class.
	pub class: TaskClass,
	/// Seats drawn to judge it.
	pub quorum: u32,
	/// Chain time (ms) by which the result is due.
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
	/// Revealed seats that found the result valid.
	pub valid_seats: u32,
	/// Revealed seats that found the result invalid.
	pub invalid_seats: u32,
	/// Chain time (ms) by which the drawn verifiers commit, once the result is in.
	pub commit_end: Option<Moment>,
	/// Chain time (ms) by which they reveal, once the result is in.
	pub reveal_end: Option<Moment>,
}

/// One drawn verifier of a task, as `PocwApi::panel` shows it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct PanelSeat<AccountId> {
	/// The verifier.
	pub verifier: AccountId,
	/// How many of the task's seats it was drawn to (its vote counts that many times).
	pub seats: u32,
	/// Where its verdict is.
	pub state: VerdictState,
}

/// What an extrinsic costs now and how its signer would pay: what `PowerApi::quote` returns.
/// The charge itself is computed by the same function.
#[derive(Clone, PartialEq, Eq, Default, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct PowerQuote {
	/// Power the extrinsic costs, of each kind, in PU (exec before dispatch: unused weight is
	/// refunded after).
	pub cost: PerKind<PowerUnits>,
	/// Power taken from the signer's balance, of each kind.
	pub from_power: PerKind<PowerUnits>,
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

/// An account's Power, accrued to now: what `PowerApi::power_of` returns.
#[derive(Clone, PartialEq, Eq, Default, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct PowerStatus {
	/// Power available now, of each kind, in PU.
	pub power: PerKind<PowerUnits>,
	/// Power generated per day at the current effective stake, of each kind.
	pub per_day: PerKind<PowerUnits>,
	/// The most Power the account may hold now, of each kind.
	pub cap: PerKind<PowerUnits>,
	/// Own stake − delegated and leased out + delegated and leased in.
	pub effective_stake: Balance,
	/// Chain time the figures are accrued to.
	pub accrued_at: Moment,
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
	/// The least a lease of it may take now: an even share of its available stake over its free
	/// lease slots (or all of it).
	pub min_take: Balance,
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

/// Why `PowerApi::quote` gave no quote.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum QuoteError {
	/// The bytes are not an extrinsic of this runtime, with or without its length prefix.
	Undecodable,
}

sp_api::decl_runtime_apis! {
	/// Power balances and rates, for polkadot.js and other clients.
	///
	/// Version 2: `quote` takes the extrinsic as bytes, with or without its length prefix (as
	/// polkadot.js and polkadot-api pass it), and answers `Err(Undecodable)` for bytes that are
	/// neither, where version 1 trapped.
	#[api_version(2)]
	pub trait PowerApi<AccountId> where AccountId: codec::Codec {
		/// `who`'s Power of both kinds, rates, caps and effective stake, accrued to now.
		fn power_of(who: AccountId) -> PowerStatus;
		/// What the extrinsic `uxt` (its SCALE encoding, length prefix included or not) would
		/// cost now, in each kind of Power, and how its signer would pay it (Power, then Flux at
		/// the exchange rate, then HETU converted). Unsigned extrinsics cost nothing.
		fn quote(uxt: Vec<u8>) -> Result<PowerQuote, QuoteError>;
		/// The exchange rate R: Power units per Flux.
		fn exchange_rate() -> FixedU128;
	}

	/// The rental market's order book and prices, for polkadot.js and other clients.
	pub trait MarketApi<AccountId> where AccountId: codec::Codec {
		/// Up to `max` offers with stake available, cheapest first.
		fn best_offers(max: u32) -> Vec<OfferInfo<AccountId>>;
		/// What renting `amount` of stake for `duration` ms costs now from the cheapest offers.
		fn quote(amount: Balance, duration: Moment) -> RentQuote;
		/// The volume-weighted average of fill prices, Flux planck per capacity-day (none before
		/// a fill).
		fn price_index() -> Option<Balance>;
		/// The dearest price a lease may have now: what a capacity-day costs from the protocol
		/// at the current rate R, Flux planck.
		fn price_ceiling() -> Balance;
	}

	/// PoCW tasks and what they would settle to, for polkadot.js and other clients.
	pub trait PocwApi<AccountId> where AccountId: codec::Codec {
		/// Task `id`, if it exists (settled and expired tasks are removed).
		fn task_info(id: u64) -> Option<TaskInfo<AccountId>>;
		/// The PoCW score and Flux reward (planck) task `id` would settle to now, given the
		/// verdicts revealed so far and assuming a valid outcome; `None` before a result is in.
		fn estimate(id: u64) -> Option<(FixedU128, Balance)>;
		/// The verifiers task `id` drew and the state of each one's verdict; empty before the
		/// draw.
		fn panel(id: u64) -> Vec<PanelSeat<AccountId>>;
	}

	/// Flox epochs, ranks, points and the data to check a digest off chain.
	pub trait FloxApi<AccountId> where AccountId: codec::Codec {
		/// The current epoch, the ranking in progress and the queue of frozen epochs.
		fn epoch_status() -> FloxEpochStatus;
		/// `who`'s ranks in the last epoch it was ranked in, and its points.
		fn ranks_of(who: AccountId) -> FloxRanks;
		/// The published digest of `epoch`'s ranking (blake2-256 of its canonical bytes).
		fn digest(epoch: u32) -> Option<[u8; 32]>;
		/// `epoch`'s edges `(target, caller, gas)` in the order its ranking indexes them (callers by
		/// storage key, each caller's targets by first appearance), while the epoch's data is kept
		/// (recording, queued, and ranking until its data is cleaned).
		fn edges(epoch: u32) -> Vec<(AccountId, AccountId, u128)>;
		/// The boosts `epoch` is ranked with `(targets, callers)`, by index in order of first
		/// appearance in `edges`, once collected and until its data is cleaned.
		fn boosts(epoch: u32) -> Option<(Vec<u128>, Vec<u128>)>;
		/// The ranking parameters `epoch` is ranked with `(tolerance, max_iterations)`, while it
		/// is queued or ranking.
		fn rank_params(epoch: u32) -> Option<(u64, u32)>;
	}
}
