//! Flox's stored types and parameters.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use fluxomics_primitives::{Balance, FloxPhase, Moment, PowerUnits};
use frame_support::{traits::Get, BoundedVec};
use scale_info::TypeInfo;
use sp_arithmetic::{FixedU128, Perbill};

/// Epoch identifiers, from 0, in order.
pub type EpochId = u32;

/// The most frozen epochs waiting for their ranking. While the queue is full the current epoch
/// is not frozen: it keeps recording until a place frees.
pub const MAX_QUEUED_EPOCHS: u32 = 4;

/// The shortest epoch governance may set: 12 s of chain time, two 6 s slots, so that every epoch
/// spans at least one whole block on a real network (the dev chain's 20 s epochs pass).
pub const MIN_EPOCH_LENGTH: Moment = 12_000;

/// The longest epoch governance may set: 90 days. Points are paid once an epoch is ranked, so a
/// longer epoch would withhold them for more than a quarter; with the bound, a vote that set the
/// longest epoch is undone by a later vote that shortens the running epoch (`set_params` ends it
/// by the new length), and `start + epoch_length` can never overflow.
pub const MAX_EPOCH_LENGTH: Moment = 90 * fluxomics_primitives::MILLIS_PER_DAY;

/// The most iterations of the ranking governance may set. One iteration of the largest runtime
/// epoch (100 000 edges, at most as many accounts of each role) is at most `2 · edges + accounts`
/// = 400 000 units of `rank_step` work at 19.5 ns each (`docs/performance.md`), 7.8 ms: 1 000
/// iterations take 7.8 s of weight, about 16 blocks at the default quarter of a 2 s block
/// (0.016 % of a week's epoch of 6 s blocks). Even at the least share `set_params` allows
/// (≈ 1.5 % of a block, what holds the ≈ 29 ms `build` of the largest epoch) it is about 280
/// blocks, under half an hour.
/// A `tolerance` of 0 (never converged before the cap) therefore ends within this many
/// iterations; the default is 100, and 27 iterations already reach the exact fixed point of the
/// largest measured epoch.
pub const MAX_ITERATIONS: u32 = 1_000;

/// The largest `boost_cap`: 1 000, the largest tier weight. A boost is at most
/// `max_tier · boost_cap` = 10⁶, so the boosts of every account of an epoch (2 × 100 000 at 10²⁴
/// in fixed point) sum far within `u128`: no valid cap makes the graph fail to build.
pub const MAX_BOOST_CAP: FixedU128 = FixedU128::from_u32(1_000);

/// The largest `contracts_ratio` and `eoas_ratio`: 10¹⁸ points a role an epoch (the default is
/// 10⁶). Over every epoch id (`u32`) the points of both roles stay below 2 · 10¹⁸ · 2³² ≈
/// 8.6 · 10²⁷, far within `u128`: the points ledger never saturates, so its totals stay exact.
pub const MAX_POINTS_RATIO: u128 = 1_000_000_000_000_000_000;

/// The largest `max_edges_per_caller`, and the bound of each caller's edge list
/// ([`CallerEdges`](crate::CallerEdges)): 256. A caller's list is read and written whole by the
/// fold of each block it paid in, so its size is what one caller's charges cost the fold
/// (256 × 48 bytes in the runtime, 12 KiB); filling the runtime's 100 000 edges still takes 391
/// paying callers.
pub const MAX_EDGES_PER_CALLER: u32 = 256;

/// A caller's edges in an epoch: `(target, Power paid)` in order of first appearance.
pub type EdgeList<AccountId> =
	BoundedVec<(AccountId, PowerUnits), frame_support::traits::ConstU32<MAX_EDGES_PER_CALLER>>;

/// Flox's governed parameters, each within the range `validate_params` checks (the constants
/// above). Each epoch takes a snapshot of them when it starts: a change applies from the next
/// epoch (`max_step_weight` excepted, which applies at once), except that a shorter
/// `epoch_length` also shortens the running epoch, so that a later vote can always end an epoch
/// started with a bad snapshot.
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
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct FloxParams {
	/// Length of an epoch, in ms of chain time; within [[`MIN_EPOCH_LENGTH`],
	/// [`MAX_EPOCH_LENGTH`]].
	pub epoch_length: Moment,
	/// The ranking has converged once the L1 change of both rank vectors in one iteration is at
	/// most this, in units of 2⁻⁶⁰ (`flox_rank::ONE` is rank 1). Any value: 0 runs to
	/// `max_iterations`.
	pub tolerance: u64,
	/// The most iterations of the ranking; within [1, [`MAX_ITERATIONS`]].
	pub max_iterations: u32,
	/// Staked Flux (planck) that adds one to the stake factor of a boost.
	pub boost_stake_unit: Balance,
	/// The largest stake factor of a boost; within [1, [`MAX_BOOST_CAP`]].
	pub boost_cap: FixedU128,
	/// Points a target of rank 1 earns in an epoch ("ContractsRatio"): the targets' budget; at
	/// most [`MAX_POINTS_RATIO`].
	pub contracts_ratio: u128,
	/// Points a caller of rank 1 earns in an epoch ("EOAsRatio"): the callers' budget; at most
	/// [`MAX_POINTS_RATIO`].
	pub eoas_ratio: u128,
	/// The most of a block's weight the ranking may use (and never more than what `on_idle` is
	/// given); at least what holds the ranking's dearest step for the largest epoch.
	pub max_step_weight: Perbill,
	/// The most edges (distinct targets) one caller makes in an epoch; within [1,
	/// [`MAX_EDGES_PER_CALLER`]]. Past it the caller's charges still add to its edges, but reach no
	/// new target: filling an epoch's `MaxEdges` takes that many paying callers.
	pub max_edges_per_caller: u32,
}

/// A tier weight: the boost factor governance gives an account (default one).
pub type TierWeight = FixedU128;

/// The most a tier weight may be.
pub fn max_tier() -> TierWeight {
	FixedU128::from_u32(1_000)
}

/// What an epoch recorded.
#[derive(Clone, Copy, PartialEq, Eq, Default, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct EpochCounts {
	/// Distinct targets: counted when the epoch is collected (zero while it records).
	pub targets: u32,
	/// Callers (accounts with at least one edge).
	pub callers: u32,
	/// Distinct `(target, caller)` edges.
	pub edges: u32,
	/// Charges that would have made a new edge past `MaxEdges`, or that found the block's
	/// buffer full, and were dropped.
	pub dropped: u32,
	/// Charges whose new edge admission refused: its target does not exist, or its caller already
	/// has `max_edges_per_caller` edges.
	pub refused: u32,
}

impl EpochCounts {
	/// Accounts of both roles.
	pub fn accounts(&self) -> u32 {
		self.targets.saturating_add(self.callers)
	}
	/// Edges plus accounts of both roles: the units of the collect phase (the targets are
	/// known once the edges are collected).
	pub fn units(&self) -> u32 {
		self.edges.saturating_add(self.accounts())
	}
}

/// A charge noted during a block, folded into the epoch's edges by the next block's
/// `on_initialize`.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct PendingCharge<AccountId> {
	/// Who paid (the caller).
	pub payer: AccountId,
	/// Whom the payment reached (the target).
	pub counterparty: AccountId,
	/// Power paid, in PU.
	pub power: PowerUnits,
}

/// The epoch recording now.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct CurrentEpochInfo {
	/// Its id.
	pub id: EpochId,
	/// Its start, chain time (ms).
	pub start: Moment,
	/// The parameters in force when it started, which it is ranked with.
	pub params: FloxParams,
}

/// A frozen epoch waiting for its ranking.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct FrozenEpoch {
	/// Its id.
	pub epoch: EpochId,
	/// The parameters it is ranked with (those in force when it started).
	pub params: FloxParams,
}

/// The outcome of a finished ranking.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct RankOutcome {
	/// blake2-256 of the ranking's canonical bytes.
	pub digest: [u8; 32],
	/// Iterations run.
	pub iterations: u32,
	/// Whether the tolerance was met.
	pub converged: bool,
}

/// Where the ranking of the epoch in [`Computation`] is.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub enum Stage {
	/// Reading unit `next` of the edges (caller by caller, in the order of their keys in
	/// [`CallerEdges`](crate::CallerEdges), giving each account its dense index on first
	/// appearance), then the targets, then the callers (their boosts) into the graph's input.
	Collect {
		/// The next unit.
		next: u32,
		/// Callers whose edges are collected, or begun: the caller of index `caller` is the one
		/// in progress if `done` is above zero.
		caller: u32,
		/// Edges of caller `caller` already collected.
		done: u32,
	},
	/// Building the graph and the ranker from the input.
	Build,
	/// Stepping the ranker; `work` units done so far.
	Rank {
		/// Work units done.
		work: u64,
	},
	/// Writing the rank and points of account `next` of the targets, then the callers.
	Write {
		/// The next unit.
		next: u32,
	},
	/// Removing account `next` of the targets (index both ways), then the callers (index and
	/// edge list).
	Clean {
		/// The next unit.
		next: u32,
	},
}

impl Stage {
	/// The phase as clients see it.
	pub fn phase(&self) -> FloxPhase {
		match self {
			Stage::Collect { .. } => FloxPhase::Collect,
			Stage::Build => FloxPhase::Build,
			Stage::Rank { .. } => FloxPhase::Rank,
			Stage::Write { .. } => FloxPhase::Write,
			Stage::Clean { .. } => FloxPhase::Clean,
		}
	}
}

/// The ranking in progress of one frozen epoch.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Computation {
	/// The epoch.
	pub epoch: EpochId,
	/// The parameters it is ranked with.
	pub params: FloxParams,
	/// What it recorded.
	pub counts: EpochCounts,
	/// Where it is.
	pub stage: Stage,
	/// The ranking's outcome, once finished (`None` too if the graph could not be built).
	pub outcome: Option<RankOutcome>,
}

/// The graph's input, collected over blocks: edges and boosts in index space.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Encode,
	Decode,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	frame_support::DefaultNoBound,
)]
#[scale_info(skip_type_params(MaxEdges, MaxAccounts))]
pub struct GraphInput<MaxEdges: Get<u32>, MaxAccounts: Get<u32>> {
	/// `(target, caller, gas)` in edge-index order.
	pub edges: BoundedVec<(u32, u32, u128), MaxEdges>,
	/// One boost per target, by index.
	pub target_boosts: BoundedVec<u128, MaxAccounts>,
	/// One boost per caller, by index.
	pub caller_boosts: BoundedVec<u128, MaxAccounts>,
}

/// The finished ranking's vectors, read while results are written.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Encode,
	Decode,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	frame_support::DefaultNoBound,
)]
#[scale_info(skip_type_params(MaxAccounts))]
pub struct RankVectors<MaxAccounts: Get<u32>> {
	/// One rank per target, units of 2⁻⁶⁰.
	pub targets: BoundedVec<u64, MaxAccounts>,
	/// One rank per caller, units of 2⁻⁶⁰.
	pub callers: BoundedVec<u64, MaxAccounts>,
}

/// An account's ranks in the last epoch it earned points in: a role's rank is kept when it earned
/// at least one point, so an account that earned nothing leaves nothing behind.
#[derive(Clone, Copy, PartialEq, Eq, Default, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct AccountRanks {
	/// The epoch.
	pub epoch: EpochId,
	/// Its rank as a target (units of 2⁻⁶⁰; zero if it was no target or earned no point as one).
	pub target: u64,
	/// Its rank as a caller.
	pub caller: u64,
}

/// An epoch's points: its budget and what was credited.
#[derive(Clone, Copy, PartialEq, Eq, Default, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct EpochPoints {
	/// `contracts_ratio + eoas_ratio` of its parameters.
	pub budget: u128,
	/// Points credited to targets.
	pub to_targets: u128,
	/// Points credited to callers.
	pub to_callers: u128,
}

/// Why an epoch's ranking could not be computed.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug)]
pub enum RankFailure {
	/// The total gas overflows `u128`, or the graph is malformed.
	Graph,
	/// The encoded graph or ranker exceeds its storage bound.
	TooLarge,
	/// The stored state no longer decodes.
	Corrupt,
}

/// Bytes the encoded `flox_rank::Graph` of an epoch can take: by target and by caller, 12 bytes
/// an edge and 4 an account (offsets), then boosts and masses, 16 bytes an account; each
/// vector's length prefix at most 5 bytes.
pub struct GraphBytes<E, A>(core::marker::PhantomData<(E, A)>);
impl<E: Get<u32>, A: Get<u32>> Get<u32> for GraphBytes<E, A> {
	fn get() -> u32 {
		let e = E::get();
		let a = A::get();
		e.saturating_mul(24).saturating_add(a.saturating_mul(40)).saturating_add(128)
	}
}

/// Bytes an encoded `flox_rank::Ranker` can take: the two rank vectors (8 bytes an account), the
/// targets' exact sums (16 bytes) and factors (8 bytes), the callers' row sums (8 bytes), so 32
/// bytes a target and 16 a caller, with length prefixes and about 150 bytes of cursors and totals.
pub struct RankerBytes<A>(core::marker::PhantomData<A>);
impl<A: Get<u32>> Get<u32> for RankerBytes<A> {
	fn get() -> u32 {
		A::get().saturating_mul(48).saturating_add(256)
	}
}
