//! # Flox pallet: epoch ranking of who pays Power to reach whom
//!
//! Flox rewards the accounts that matter in the chain's economy. Every charged extrinsic with a
//! counterparty tells this pallet (through [`OnPowerCharged`](fluxomics_primitives::OnPowerCharged))
//! that a *caller* paid Power to reach a *target*; the pallet sums these into the current epoch's
//! edges. At the end of each epoch it ranks targets and callers with the Flox formulas (design §7,
//! the `flox-rank` crate), on chain, over as many blocks as the weight budget needs, publishes a
//! digest of the result, and credits non-transferable points.
//!
//! ## Key terms
//!
//! - **Target** and **caller**: the seed's "contracts" and "EOAs". The account a call served or
//!   paid (a message's recipient, a task's worker, a lease's lender) is the target; the payer is
//!   the caller. One account may hold both roles; self-interaction does not count.
//! - **Edge** `GasFee(target, caller)`: Power (PU) the caller paid to reach the target in an
//!   epoch, kept in the caller's edge list ([`CallerEdges`]). When the epoch is collected,
//!   targets and callers get dense per-epoch indices in order of first appearance.
//! - **Epoch**: a governed span of chain time (`epoch_length`, a week by default). When it ends
//!   it is **frozen** (queued for ranking) and a new epoch records at once.
//! - **Boost**: `tier(account) · min(1 + staked / boost_stake_unit, boost_cap)`, read from the
//!   account's staked Flux while the frozen epoch is collected; **tiers** are set by governance
//!   (default 1, 0 excludes an account's influence).
//! - **Rank**: fixed point in units of 2⁻⁶⁰ (`flox_rank::ONE` is 1); each role's ranks sum to at
//!   most 1.
//! - **Points**: `⌊rank · contracts_ratio⌋` for a target, `⌊rank · eoas_ratio⌋` for a caller,
//!   credited to [`Points`] (nobody can move them). An epoch never credits more than its budget
//!   `contracts_ratio + eoas_ratio`.
//! - **Digest**: blake2-256 of `flox_rank::Ranking::canonical_bytes`, stored in [`Digests`] and
//!   announced by [`Event::EpochRanked`].
//!
//! ## Flows
//!
//! 1. **Recording**, in two steps. *Noting* (every charge, one append): the metering pallet
//!    calls `on_power_charged(payer, counterparty, power)` from its transaction extension, and
//!    the charge is appended to the block's buffer [`Pending`] (at most `MaxPendingCharges`; past
//!    it a charge is dropped and counted, and [`Event::ChargesDropped`] reports them).
//!    *Folding* (the next block's `on_initialize`, before any rollover): the charges of one
//!    `(caller, target)` pair are summed, then each caller's edge list is read once, its edges
//!    grow or new ones are appended, and it is written once. A new edge is *admitted* only if
//!    its target exists ([`Config::Accounts`]) and its caller has fewer than
//!    `max_edges_per_caller` edges in the epoch; otherwise it is refused and counted
//!    (`EpochCounts::refused`). Past `MaxEdges` edges a *new* edge is dropped and counted
//!    ([`Event::EdgeLimitReached`] the first time in an epoch); existing edges keep accumulating.
//! 2. **Rollover** (`on_initialize`, O(1)): once `now ≥ start + epoch_length` the epoch is frozen
//!    into the ranking queue (an epoch without edges is not ranked) and the next starts with a
//!    new id, so no data needs clearing first. The new epoch takes a snapshot of the parameters.
//! 3. **Ranking** (`on_idle`, within `min(remaining, max_step_weight · max block)`), one frozen
//!    epoch at a time, each phase in chunks sized from its benchmarked weight:
//!    *collect* (each caller's edges, giving accounts their dense indices in [`TargetIndex`],
//!    [`Targets`] and [`Callers`], then each account's boost, into [`Input`]), *build* (the
//!    `flox_rank::Graph` and `flox_rank::Ranker`, stored encoded in [`GraphState`] and
//!    [`RankerState`]), *rank* (`Ranker::step` with the work the weight left allows), *write*
//!    (ranks into [`Ranks`] and points into [`Points`], for each role that earned at least a
//!    point; per-epoch totals into [`Credited`]; then the digest and [`Event::EpochRanked`]),
//!    *clean* (the epoch's indices and edge lists, by cursor).
//! 4. **Governance**: `set_params` (checked against the ranges of `types.rs`; applies from the
//!    next epoch, except that a shorter `epoch_length` also shortens the running epoch) and
//!    `set_tier`.
//! 5. **Checking a digest off chain**: at the block of `EpochRanked`, read `FloxApi::edges`,
//!    `FloxApi::boosts` and `FloxApi::rank_params` (or the same storage), rebuild the indices in
//!    order of first appearance in the edge list, and run `flox_rank::rank`; its digest must equal
//!    the published one, bit for bit.
//!
//! ## Design
//!
//! - **Why a buffer.** The extension that charges every transaction must stay cheap next to the
//!   stock fee extension (`docs/performance.md`). Appending to [`Pending`], a key every block's
//!   `on_initialize` already reads and clears (whitelisted, like `System::Events`), costs no
//!   database access. The fold pays for the edges once per distinct caller and block, in the
//!   next block's `on_initialize`, where its weight is declared. `MaxPendingCharges` is above
//!   the most charged extrinsics a block can hold (a runtime test checks it), so no charge is
//!   ever dropped for want of room.
//! - **Why edges keyed by caller, indices at collection (issue 18).** With dense indices made
//!   while recording, a new edge between new accounts cost two reads and six writes (both
//!   indices both ways, the edge and its pair, about 340 µs in ParityDB weights): folding a
//!   block of a few thousand new transfers would have taken most of the next block. Keyed by
//!   account, a caller's edges are one storage item: a block's charges of one caller cost one
//!   read and one write, new edges included, plus one existence read per new edge. Indices exist
//!   only for the ranking, so the collect phase makes them, in `on_idle`, from the ranking's
//!   share of a block.
//! - **Why over blocks.** An epoch may hold 100 000 edges and the ranking iterates over all of
//!   them tens of times: too much for one block. `flox-rank`'s `Ranker` is a resumable state
//!   machine whose result does not depend on how its work is split, so the chain runs it in
//!   `on_idle` with whatever weight blocks leave, and the result is exactly `flox_rank::rank`.
//! - **Admission favours real activity (issue 16, item 3).** The epoch's bounds are first-come:
//!   once `MaxEdges` edges are made, every later new edge is dropped for the rest of the epoch.
//!   Without admission, cheap messages to random addresses early in a week filled them (and
//!   left a [`Ranks`] entry for each address nobody holds). So: a new edge's target must
//!   *exist* ([`Config::Accounts`]: a system account or Flux in the runtime, whose existential
//!   deposit or Flux someone paid; one read per new edge, at the fold); a caller makes at most
//!   `max_edges_per_caller` edges an epoch (the length of its edge list, which the fold reads
//!   anyway), so filling `MaxEdges` takes that many *paying* callers; and a role's rank is kept
//!   in [`Ranks`] only if it earned a point, so an account that earned nothing leaves nothing
//!   behind. Evicting the lightest edge of a full epoch was not chosen: a bounded min-structure
//!   over 100 000 growing edges costs a logarithmic number of writes on every fold.
//! - **Bounded storage.** Every item has a `MaxEncodedLen`: the graph and ranker are stored as
//!   encoded bytes bounded by [`GraphBytes`] and [`RankerBytes`] (derived from `MaxEdges`: an
//!   epoch has at most as many accounts of a role as edges). Hooks use counters and cursors;
//!   the one iteration, over an epoch's callers while it is collected, resumes from the last
//!   caller's key and reads as many callers as the chunk's weight pays for.
//! - **Parameters per epoch.** Each epoch is ranked with the parameters in force when it started
//!   (its length, boost, ratios, tolerance and iteration cap), so a change never alters an epoch
//!   in progress or a running computation. `max_step_weight` applies at once.
//! - **Weight to work.** Each phase step costs its benchmarked linear weight (`collect(n)`,
//!   `build(e, a)`, `rank_step(e, w)`, `write(n)`, `clean(n)`); `on_idle` solves it for the
//!   most units that fit what is left, so it never uses more than it is given.
//! - **The announcing block.** The block whose `on_idle` writes the last results (and emits
//!   `EpochRanked`) does no further ranking work: the state of that block still holds the
//!   epoch's edges, boosts and parameters for an off-chain check. Cleaning starts a block later.
//! - **Queue.** At most [`MAX_QUEUED_EPOCHS`] frozen epochs wait; if the queue is full the
//!   current epoch keeps recording until a place frees (only if ranking lags by epochs).
//!
//! ## Where things are
//!
//! `calls.rs` (the calls' bodies, the parameter check), `hooks.rs` (`on_initialize`: the fold
//! and the rollover; `on_idle`: the ranking driver), `recording.rs` (the buffer and the fold),
//! `ranking.rs` (the phases), `api.rs` (`FloxApi`), `impls.rs` (`OnPowerCharged`), `math.rs`
//! (points, boosts, weight to work), `try_state.rs`, `types.rs`; `README.md` has the calls table.
//!
//! ## Storage
//!
//! | item | key | what |
//! |---|---|---|
//! | [`Pending`], [`PendingLen`], [`PendingDropped`] | — | this block's charges, how many, and how many were dropped (buffer full) |
//! | [`Current`], [`Counts`] | — / epoch | the recording epoch (id, start, parameter snapshot); each epoch's counters |
//! | [`CallerEdges`] | (epoch, caller) | the caller's edges: `(target, gas)` in order of first appearance |
//! | [`TargetIndex`], [`Targets`], [`Callers`] | (epoch, account) / (epoch, index) | dense indices, made when the epoch is collected |
//! | [`Queue`], [`Ongoing`] | — | frozen epochs waiting (at most [`MAX_QUEUED_EPOCHS`]); the one ranking and its phase cursor |
//! | [`Input`], [`GraphState`], [`RankerState`], [`Results`] | — | the ranking's working state (bounded blobs) |
//! | [`Digests`], [`Credited`], [`LastRanked`] | epoch | kept per ranked epoch: digest, points budget and credited |
//! | [`Ranks`], [`Points`], [`TierWeights`] | account | ranks of the last epoch that paid the account points, the points ledger, tiers |
//!
//! ## Runtime API
//!
//! `FloxApi` (in `fluxomics-primitives`) is answered (`api.rs`) by [`Pallet::epoch_status`],
//! [`Pallet::ranks_of`], [`Pallet::digest`], [`Pallet::edges`], [`Pallet::boosts`] and
//! [`Pallet::rank_params`].
//!
//! ## Invariants (`do_try_state` in `try_state.rs`, after every test)
//!
//! 1. The stored, current and queued parameters are valid.
//! 2. No epoch holds more than `MaxEdges` edges, nor a caller more than the epoch's
//!    `max_edges_per_caller` edges.
//! 3. Each epoch's counters match its edge lists (callers, edges), and its indices what the
//!    collect phase made so far (except while the epoch is being cleaned).
//! 4. Only the current, queued and ranking epochs hold data; the queue is in order.
//! 5. Points credited in an epoch never exceed its budget `contracts_ratio + eoas_ratio`.
//! 6. The points ledger holds exactly what the epochs credited.
//! 7. The stored graph and ranker decode, and exist only while ranking; results only while
//!    writing.
//! 8. The charge buffer holds no self-interaction nor zero charge, its counter is its length,
//!    and it drops only once full.
//! 9. Ranks are kept only for accounts that earned points.
//!
//! ## Assumptions
//!
//! - The metering pallet calls `on_power_charged` after each charge with a counterparty and has
//!   already skipped `payer == counterparty` (this pallet ignores it too).
//! - A caller paid for its charge, so it exists: only targets are checked with
//!   [`Config::Accounts`]. Existence is read at the fold, so an account made in the same block as
//!   a charge to it (a transfer to a newcomer) is admitted; an existing edge grows without a
//!   check.
//! - A charge belongs to the epoch recording when its block was built: the next block folds it
//!   before it checks for a rollover, so the last block of an epoch still counts in it.
//! - Boosts read stake and tiers during the collect phase, in the blocks right after the
//!   freeze, not at the freeze instant: a freeze is O(1) and cannot read every account's stake.
//!   A tier set before an epoch's collect phase applies to it.
//! - Weights are measured by `scripts/benchmark.sh pallet_flox`; the ranking's share of a block
//!   must hold its dearest step (`set_params` refuses it otherwise).
//! - An epoch's data (edges, indices, boosts) is removed once it is ranked: whoever checks a
//!   digest reads it at (or before) the block of `EpochRanked`, e.g. from an archive node.
#![cfg_attr(not(feature = "std"), no_std)]
// Tests and benchmarks compute expected values with plain arithmetic.
#![cfg_attr(any(test, feature = "runtime-benchmarks"), allow(clippy::arithmetic_side_effects))]

extern crate alloc;

pub use pallet::*;
pub use traits::*;
pub use types::*;
pub use weights::WeightInfo;

mod api;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod calls;
mod hooks;
mod impls;
pub mod math;
mod ranking;
mod recording;
#[cfg(test)]
mod tests;
mod traits;
#[cfg(any(feature = "try-runtime", feature = "std", test))]
mod try_state;
mod types;
pub mod weights;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::flox";

/// Moves chain time for the benchmarks (the runtime's one implementation serves every pallet).
#[cfg(feature = "runtime-benchmarks")]
pub use fluxomics_primitives::BenchmarkTime as BenchmarkHelper;

// The pallet macros expand to `expect`s on values they guarantee (pallet info, storage
// prefixes); the pallet's own code has none.
#[frame_support::pallet]
#[allow(clippy::expect_used)]
pub mod pallet {
	use super::*;
	use fluxomics_primitives::{Moment, StakeInfo, MILLIS_PER_DAY, UNIT};
	use frame_support::{pallet_prelude::*, traits::Time};
	use frame_system::pallet_prelude::*;
	use sp_arithmetic::{FixedU128, Perbill};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Staked Flux, for the boosts.
		type Stake: StakeInfo<Self::AccountId>;
		/// Chain time, in milliseconds.
		type Time: Time<Moment = Moment>;
		/// Who may change the parameters and tiers (governance; root in tests).
		type UpdateOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// The most distinct edges an epoch records (and so the most accounts of each role).
		#[pallet::constant]
		type MaxEdges: Get<u32>;
		/// The most charges a block notes for Flox: at least the most charged extrinsics a
		/// block can hold. Past it a charge would be dropped and counted.
		#[pallet::constant]
		type MaxPendingCharges: Get<u32>;
		/// Whether an account exists: a new target is indexed only if it does.
		type Accounts: AccountExists<Self::AccountId>;
		/// Weights of this pallet's calls, hooks and phases.
		type WeightInfo: WeightInfo;
		/// Moves chain time for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper;
	}

	/// The graph's input as stored (an epoch has at most `MaxEdges` accounts of a role).
	pub type InputOf<T> = GraphInput<<T as Config>::MaxEdges, <T as Config>::MaxEdges>;
	/// The bound of the encoded graph.
	pub type GraphBytesOf<T> = GraphBytes<<T as Config>::MaxEdges, <T as Config>::MaxEdges>;
	/// The bound of the encoded ranker.
	pub type RankerBytesOf<T> = RankerBytes<<T as Config>::MaxEdges>;

	/// The governed parameters (the current epoch ranks with its own snapshot of them).
	#[pallet::storage]
	pub type Params<T> = StorageValue<_, FloxParams, ValueQuery, DefaultParams>;

	/// The epoch recording now. A start of 0 means chain time was not known yet: the first
	/// block that knows it starts the epoch.
	#[pallet::storage]
	pub type Current<T> = StorageValue<_, CurrentEpochInfo, ValueQuery, DefaultCurrent>;

	/// What each epoch with data recorded (removed once the epoch is cleaned).
	#[pallet::storage]
	pub type Counts<T> = StorageMap<_, Twox64Concat, EpochId, EpochCounts, ValueQuery>;

	/// The charges of the block being built, in the order they were made. The next block's
	/// `on_initialize` takes them and folds them into the epoch's edges. Whitelisted for the
	/// benchmarks like `System::Events`: every block's `on_initialize` reads and clears it (its
	/// weight declares that read and write), so a charge appends to a key already in the block's
	/// overlay.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type Pending<T: Config> =
		StorageValue<_, BoundedVec<PendingCharge<T::AccountId>, T::MaxPendingCharges>, ValueQuery>;

	/// How many charges [`Pending`] holds (whitelisted like it). A charge reads this counter
	/// instead of the buffer's length: reading a value's length copies the whole value, which
	/// would make each charge of a full block cost in proportion to the charges before it.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type PendingLen<T> = StorageValue<_, u32, ValueQuery>;

	/// Charges of the block being built that found [`Pending`] full (whitelisted like it).
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type PendingDropped<T> = StorageValue<_, u32, ValueQuery>;

	/// Each caller's edges in an epoch: `(target, Power paid)`, in order of first appearance, at
	/// most `max_edges_per_caller` of them. The fold reads and writes a caller's list once a
	/// block; the collect phase reads the lists in key order.
	#[pallet::storage]
	pub type CallerEdges<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		EpochId,
		Blake2_128Concat,
		T::AccountId,
		EdgeList<T::AccountId>,
		OptionQuery,
	>;

	/// Each target's dense index in an epoch (made when the epoch is collected).
	#[pallet::storage]
	pub type TargetIndex<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		EpochId,
		Blake2_128Concat,
		T::AccountId,
		u32,
		OptionQuery,
	>;

	/// The target of each index in an epoch (made when the epoch is collected).
	#[pallet::storage]
	pub type Targets<T: Config> =
		StorageDoubleMap<_, Twox64Concat, EpochId, Twox64Concat, u32, T::AccountId, OptionQuery>;

	/// The caller of each index in an epoch (made when the epoch is collected).
	#[pallet::storage]
	pub type Callers<T: Config> =
		StorageDoubleMap<_, Twox64Concat, EpochId, Twox64Concat, u32, T::AccountId, OptionQuery>;

	/// Frozen epochs waiting for their ranking, oldest first.
	#[pallet::storage]
	pub type Queue<T> =
		StorageValue<_, BoundedVec<FrozenEpoch, ConstU32<MAX_QUEUED_EPOCHS>>, ValueQuery>;

	/// The ranking in progress.
	#[pallet::storage]
	pub type Ongoing<T> = StorageValue<_, Computation, OptionQuery>;

	/// The graph's input of the epoch being ranked (kept until the epoch is cleaned).
	#[pallet::storage]
	pub type Input<T> = StorageValue<_, InputOf<T>, ValueQuery>;

	/// The encoded `flox_rank::Graph` being ranked.
	#[pallet::storage]
	pub type GraphState<T> = StorageValue<_, BoundedVec<u8, GraphBytesOf<T>>, OptionQuery>;

	/// The encoded `flox_rank::Ranker` between blocks.
	#[pallet::storage]
	pub type RankerState<T> = StorageValue<_, BoundedVec<u8, RankerBytesOf<T>>, OptionQuery>;

	/// The finished ranking's vectors, while they are written.
	#[pallet::storage]
	pub type Results<T: Config> = StorageValue<_, RankVectors<T::MaxEdges>, OptionQuery>;

	/// The digest of each ranked epoch (one hash an epoch: kept).
	#[pallet::storage]
	pub type Digests<T> = StorageMap<_, Twox64Concat, EpochId, [u8; 32], OptionQuery>;

	/// Points of each epoch: budget and credited (two numbers an epoch: kept).
	#[pallet::storage]
	pub type Credited<T> = StorageMap<_, Twox64Concat, EpochId, EpochPoints, ValueQuery>;

	/// Each account's ranks in the last epoch that credited it points (a role's rank is kept if
	/// it earned at least one point): accounts that earned nothing have no entry.
	#[pallet::storage]
	pub type Ranks<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, AccountRanks, OptionQuery>;

	/// The points ledger: everything each account was credited. Not transferable.
	#[pallet::storage]
	pub type Points<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u128, ValueQuery>;

	/// Tier weights set by governance (absent: one).
	#[pallet::storage]
	pub type TierWeights<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, TierWeight, OptionQuery>;

	/// The last epoch whose ranking finished.
	#[pallet::storage]
	pub type LastRanked<T> = StorageValue<_, EpochId, OptionQuery>;

	/// Weekly epochs; tolerance 2⁻⁴⁰ and at most 100 iterations; 1 000 Flux of stake adds one
	/// to the boost, up to 10; 1 000 000 points a week for each role; at most a quarter of a
	/// block; at most 256 edges a caller an epoch (filling the runtime's 100 000 edges takes 391
	/// paying callers).
	#[pallet::type_value]
	pub fn DefaultParams() -> FloxParams {
		FloxParams {
			epoch_length: 7 * MILLIS_PER_DAY,
			tolerance: 1 << 20,
			max_iterations: 100,
			boost_stake_unit: 1_000 * UNIT,
			boost_cap: FixedU128::from_u32(10),
			contracts_ratio: 1_000_000,
			eoas_ratio: 1_000_000,
			max_step_weight: Perbill::from_percent(25),
			max_edges_per_caller: 256,
		}
	}

	/// Epoch 0, not started, with the default parameters.
	#[pallet::type_value]
	pub fn DefaultCurrent() -> CurrentEpochInfo {
		CurrentEpochInfo { id: 0, start: 0, params: DefaultParams::get() }
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The parameters; `None` keeps the defaults.
		pub params: Option<FloxParams>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(params) = self.params {
				if let Err(e) = Pallet::<T>::validate_params(&params) {
					panic!("invalid Flox genesis parameters: {e:?}");
				}
				Params::<T>::put(params);
				Current::<T>::mutate(|c| c.params = params);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	// `ParamsSet` carries two parameter sets; events are encoded into the block's event list at
	// once, never held in bulk.
	#[allow(clippy::large_enum_variant)]
	pub enum Event<T: Config> {
		/// `epoch` ended: frozen with what it recorded (queued for ranking if it has edges);
		/// `next` records from now. Its targets are counted when it is collected
		/// ([`Event::EpochRanked`]).
		EpochFrozen {
			epoch: EpochId,
			edges: u32,
			callers: u32,
			dropped: u32,
			refused: u32,
			queued: bool,
			next: EpochId,
		},
		/// `epoch` reached `MaxEdges`: new edges are dropped (and counted)
		/// until it ends. Emitted at most once an epoch: when the refused edge is the epoch's
		/// first dropped charge (charges a full buffer dropped count too).
		EdgeLimitReached { epoch: EpochId },
		/// `count` charges of the last block found its charge buffer full (`MaxPendingCharges`)
		/// and were not recorded; `epoch` counts them as dropped. The runtime's buffer holds
		/// more charges than a block can make, so this is a guard, not a policy.
		ChargesDropped { epoch: EpochId, count: u32 },
		/// The ranking of `epoch` started.
		RankingStarted { epoch: EpochId },
		/// `epoch` is ranked: its digest, the iterations run, whether it converged, its accounts
		/// of each role, and the points credited.
		EpochRanked {
			epoch: EpochId,
			digest: [u8; 32],
			iterations: u32,
			converged: bool,
			targets: u32,
			callers: u32,
			points: u128,
		},
		/// `epoch` could not be ranked; its data is cleaned and no points are credited.
		RankingFailed { epoch: EpochId, reason: RankFailure },
		/// `epoch`'s recorded data is removed.
		EpochCleaned { epoch: EpochId },
		/// Governance changed the parameters (from the next epoch).
		ParamsSet { old: FloxParams, new: FloxParams },
		/// Governance set `who`'s tier weight.
		TierSet { who: T::AccountId, old: TierWeight, new: TierWeight },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The epoch length is zero.
		ZeroEpochLength,
		/// The iteration cap is zero.
		ZeroMaxIterations,
		/// The boost stake unit is zero.
		ZeroBoostStakeUnit,
		/// The boost cap is below one.
		BoostCapBelowOne,
		/// The ranking may use no weight at all.
		ZeroStepWeight,
		/// The ranking's share of a block cannot hold its dearest step for the largest epoch
		/// (building the graph): the ranking would never advance.
		StepWeightTooSmall,
		/// A tier weight above the most allowed (1 000).
		TierTooLarge,
		/// The epoch length is below `MIN_EPOCH_LENGTH` (12 s).
		EpochTooShort,
		/// The epoch length is above `MAX_EPOCH_LENGTH` (90 days): the epoch could outlive any
		/// vote to end it.
		EpochTooLong,
		/// The iteration cap is above `MAX_ITERATIONS` (1 000).
		TooManyIterations,
		/// The boost cap is above `MAX_BOOST_CAP` (1 000).
		BoostCapTooLarge,
		/// A points ratio is above `MAX_POINTS_RATIO` (10¹⁸).
		PointsRatioTooLarge,
		/// `max_edges_per_caller` is zero: no caller could make an edge.
		ZeroEdgesPerCaller,
		/// `max_edges_per_caller` is above `MAX_EDGES_PER_CALLER` (256), the bound of a caller's
		/// edge list.
		EdgesPerCallerTooLarge,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_: BlockNumberFor<T>) -> Weight {
			Self::do_on_initialize()
		}

		fn on_idle(_: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::do_on_idle(remaining)
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
		/// Sets the parameters, after checking them. They apply from the next epoch
		/// (`max_step_weight` at once); a shorter `epoch_length` also shortens the running epoch
		/// (the benchmark takes that path).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_params())]
		pub fn set_params(origin: OriginFor<T>, params: FloxParams) -> DispatchResult {
			T::UpdateOrigin::ensure_origin(origin)?;
			Self::do_set_params(params)
		}

		/// Sets `who`'s tier weight (one removes it); used from the next collected epoch.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_tier())]
		pub fn set_tier(
			origin: OriginFor<T>,
			who: T::AccountId,
			weight: TierWeight,
		) -> DispatchResult {
			T::UpdateOrigin::ensure_origin(origin)?;
			Self::do_set_tier(who, weight)
		}
	}
}
