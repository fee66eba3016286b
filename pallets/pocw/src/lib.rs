//! # PoCW pallet: Proof-of-Causal-Work settlement
//!
//! Workers earn Flux for verified agent work. A requester posts a task and pays for it: its
//! budget is held in escrow. A worker claims it, holding collateral in proportion to the budget,
//! and submits a result with the work it used (metered in exec Power and charged to it). At the
//! start of the next block, seats are drawn from the bonded verifiers, weighted by bond; the
//! drawn verifiers commit hidden verdicts, then reveal them; the task **settles** by the revealed
//! majority. Valid, the worker is paid from the escrow and rewarded `K · score` Flux (part of it
//! staked at once, so more work brings more Power and so more work: the seed's closed loop);
//! rejected, the budget goes back to the requester with part of the collateral. Verifiers who
//! vote against the majority, or do not show, lose part of their bond (`docs/pocw.md`).
//!
//! The key terms (task, collateral, usage, verifier, panel, verdict, score, reward) are defined
//! in [`types`](crate::Task)'s module docs.
//!
//! "Settle" and "settlement" mean only this: PoCW's verdict on a task. Bringing an account's
//! Power up to now is the Power pallet's **accrual**.
//!
//! ## Design
//!
//! - **Paying oneself never pays.** A valid task pays `fee_share` of its budget to the sink and
//!   its reward is at most `reward_share < fee_share` of it: a requester who is its own worker
//!   loses at least `(fee_share − reward_share) · budget` a task, whoever judges it.
//! - **Drawn, not volunteered.** The draw is weighted by bond over a Fenwick tree of the bonds
//!   (`sortition.rs`): one draw reads `log2(MaxVerifiers)` nodes, whatever the number of
//!   verifiers. The seed is the hash of the block that included the submission, which the
//!   worker cannot know when it signs (`draw.rs` and `docs/pocw.md` on what a block author can
//!   steer).
//! - **Accountable verdicts.** Commit–reveal, with the verifier in the commitment: a vote
//!   cannot be copied. A vote against the majority costs `wrong_vote_slash`, a no-show
//!   `no_show_slash` of the bond, to the sink. A rejected worker's collateral goes to the
//!   requester and the sink, never to the verifiers.
//! - Bounded everywhere: `MaxVerifiers` tree slots, `MaxAttestations` seats a task,
//!   `MaxDrawsPerBlock` draws a block, `MaxExpiriesPerBucket` deadlines in a bucket of
//!   `ExpiryBucket` ms, and the hook scans at most `MaxBucketsPerBlock` buckets and ends at
//!   most `MaxExpiriesPerBlock` tasks a block, behind a cursor (no map iteration). The queue is
//!   the shared one of [`fluxomics_primitives::expiry`].
//! - All maths is in [`math`], pure and property-tested.
//!
//! The files, one topic each, are listed in `README.md`.
//!
//! ## Assumptions
//!
//! - An adversary holding a share `s` of all bond holds each seat with probability `s`; the
//!   probability that it decides a task is a binomial tail, tabled in `docs/pocw.md`.
//! - The `FluxLedger` and `PowerLedger` implementations are all-or-nothing, and `mint_and_stake`
//!   raises the worker's Power rate at once (the Flux pallet tells the Power pallet).
#![cfg_attr(not(feature = "std"), no_std)]
// Tests and benchmarks compute expected values with plain arithmetic.
#![cfg_attr(any(test, feature = "runtime-benchmarks"), allow(clippy::arithmetic_side_effects))]

extern crate alloc;

pub use draw::ParentHashRandomness;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

mod api;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod calls;
mod draw;
mod expiry;
mod hooks;
pub mod math;
mod settlement;
mod sortition;
#[cfg(test)]
mod tests;
#[cfg(any(feature = "try-runtime", feature = "std", test))]
mod try_state;
mod types;
pub mod weights;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::pocw";

/// Moves chain time for the benchmarks (the runtime's one implementation serves every pallet).
#[cfg(feature = "runtime-benchmarks")]
pub use fluxomics_primitives::BenchmarkTime as BenchmarkHelper;

// The pallet macros expand to `expect`s on values they guarantee (pallet info, storage
// prefixes); the pallet's own code has none.
#[frame_support::pallet]
#[allow(clippy::expect_used)]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use fluxomics_primitives::{
		Balance, ExecSchedule, FluxLedger, Moment, PowerConsumption, PowerLedger, PowerUnits,
		TaskClass,
	};
	use frame_support::{
		pallet_prelude::*,
		traits::{Randomness, Time},
	};
	use frame_system::pallet_prelude::*;
	use sp_arithmetic::FixedU128;
	use sp_core::H256;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Budgets, collateral, bonds and rewards are Flux.
		type Flux: FluxLedger<Self::AccountId>;
		/// Reported usage is paid in exec Power.
		type Power: PowerLedger<Self::AccountId>;
		/// The exec terms of the cost schedule (the metering pallet's, in the runtime).
		type ExecCost: Get<ExecSchedule>;
		/// R: Power units per Flux, for the part of a usage charge Power does not cover and for
		/// a budget's worth in exec Power.
		type ExchangeRate: Get<FixedU128>;
		/// Where usage charges count in the block's Power consumption, which moves R (the
		/// metering pallet, in the runtime).
		type Consumption: PowerConsumption;
		/// Chain time, in milliseconds.
		type Time: Time<Moment = Moment>;
		/// The seed of the draws, taken at the start of the block after a submission
		/// ([`ParentHashRandomness`] in the runtime: the hash of the submission's block).
		type Randomness: Randomness<Self::Hash, BlockNumberFor<Self>>;
		/// Who may change the parameters (governance; root in tests).
		type UpdateOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// The slots of the draw tree: the most verifiers at once. A power of two; set so high
		/// that filling it costs more bond than any one party holds.
		#[pallet::constant]
		type MaxVerifiers: Get<u32>;
		/// The most seats a task is judged by (the largest quorum).
		#[pallet::constant]
		type MaxAttestations: Get<u32>;
		/// The most panels drawn in a block (results submitted in the block before).
		#[pallet::constant]
		type MaxDrawsPerBlock: Get<u32>;
		/// Width of an expiry bucket (tasks are filed by the bucket of their deadline), in ms.
		#[pallet::constant]
		type ExpiryBucket: Get<Moment>;
		/// The most tasks with deadlines in one bucket.
		#[pallet::constant]
		type MaxExpiriesPerBucket: Get<u32>;
		/// The most buckets the hook scans in a block.
		#[pallet::constant]
		type MaxBucketsPerBlock: Get<u32>;
		/// The most tasks the hook ends in a block.
		#[pallet::constant]
		type MaxExpiriesPerBlock: Get<u32>;
		/// Weights of this pallet's calls and hook.
		type WeightInfo: WeightInfo;
		/// Moves chain time for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper;
	}

	/// A task as stored.
	pub type TaskOf<T> =
		crate::Task<<T as frame_system::Config>::AccountId, <T as Config>::MaxAttestations>;

	/// The governed parameters.
	#[pallet::storage]
	pub type Params<T> = StorageValue<_, PocwParams, ValueQuery, DefaultParams>;

	/// The next task's id.
	#[pallet::storage]
	pub type NextTaskId<T> = StorageValue<_, TaskId, ValueQuery>;

	/// Every task not yet settled or expired.
	#[pallet::storage]
	pub type Tasks<T: Config> = CountedStorageMap<_, Twox64Concat, TaskId, TaskOf<T>, OptionQuery>;

	/// Registered verifiers: their bond, open panels and slot in the draw tree.
	#[pallet::storage]
	pub type Verifiers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, VerifierInfo, OptionQuery>;

	/// The verifier in each slot of the draw tree, slots `1..=VerifierCount`.
	#[pallet::storage]
	pub type VerifierAt<T: Config> = StorageMap<_, Twox64Concat, u32, T::AccountId, OptionQuery>;

	/// The draw tree: a Fenwick tree of the bonds by slot (node `i` sums the bonds of the
	/// `lowbit(i)` slots ending at `i`), `MaxVerifiers` nodes.
	#[pallet::storage]
	pub type BondTree<T> = StorageMap<_, Twox64Concat, u32, Balance, ValueQuery>;

	/// How many verifiers are registered (the slots in use).
	#[pallet::storage]
	pub type VerifierCount<T> = StorageValue<_, u32, ValueQuery>;

	/// The sum of the verifiers' bonds, in planck.
	#[pallet::storage]
	pub type TotalBond<T> = StorageValue<_, Balance, ValueQuery>;

	/// Flux held as collateral on open tasks, in planck.
	#[pallet::storage]
	pub type TotalCollateral<T> = StorageValue<_, Balance, ValueQuery>;

	/// Flux held in escrow as the budgets of open tasks, in planck.
	#[pallet::storage]
	pub type TotalEscrow<T> = StorageValue<_, Balance, ValueQuery>;

	/// Tasks whose result came in this block: their panels are drawn at the start of the next.
	#[pallet::storage]
	pub type PendingDraws<T: Config> =
		StorageValue<_, BoundedVec<TaskId, T::MaxDrawsPerBlock>, ValueQuery>;

	/// The start of the current reward period (chain time, ms).
	#[pallet::storage]
	pub type PeriodStart<T> = StorageValue<_, Moment, ValueQuery>;

	/// New Flux minted for rewards in the current period (what the sink did not fund).
	#[pallet::storage]
	pub type EmittedThisPeriod<T> = StorageValue<_, Balance, ValueQuery>;

	/// Tasks by the bucket of their expiry (the expiry queue's buckets).
	#[pallet::storage]
	pub type Expiries<T: Config> = StorageMap<
		_,
		Twox64Concat,
		Moment,
		BoundedVec<TaskId, T::MaxExpiriesPerBucket>,
		ValueQuery,
	>;

	/// The next bucket the hook drains (the expiry queue's cursor).
	#[pallet::storage]
	pub type ExpiryCursor<T> = StorageValue<_, Moment, OptionQuery>;

	/// The default parameters ([`PocwParams::default`]).
	#[pallet::type_value]
	pub fn DefaultParams() -> PocwParams {
		PocwParams::default()
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The parameters; `None` keeps the defaults.
		pub params: Option<PocwParams>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(params) = self.params {
				if let Err(e) = Pallet::<T>::validate_params(&params) {
					panic!("invalid PoCW genesis parameters: {e:?}");
				}
				Params::<T>::put(params);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	// `ParamsSet` carries two parameter sets; events are encoded into the block's event list at
	// once, never held in bulk, so their in-memory size does not matter.
	#[allow(clippy::large_enum_variant)]
	pub enum Event<T: Config> {
		/// `who` became a verifier, holding `bond`.
		VerifierRegistered { who: T::AccountId, bond: Balance },
		/// `who` left the verifiers; its `bond` is free again.
		VerifierLeft { who: T::AccountId, bond: Balance },
		/// `requester` posted a task and holds its `budget` in escrow.
		TaskPosted {
			task: TaskId,
			requester: T::AccountId,
			spec_hash: H256,
			budget: Balance,
			class: TaskClass,
			quorum: u32,
			deadline: Moment,
		},
		/// `worker` claimed a task, holding `collateral`.
		TaskClaimed { task: TaskId, worker: T::AccountId, collateral: Balance },
		/// `worker` submitted its result; its usage cost `exec_cost` exec PU, of which Power
		/// paid what `flux_paid` (Flux planck, to the sink) did not. The panel commits by
		/// `commit_end` and reveals by `reveal_end`.
		ResultSubmitted {
			task: TaskId,
			worker: T::AccountId,
			result_hash: H256,
			exec_cost: PowerUnits,
			flux_paid: Balance,
			commit_end: Moment,
			reveal_end: Moment,
		},
		/// A task's panel was drawn: each verifier with its seats; `empty` seats fell to the
		/// requester or the worker.
		PanelDrawn { task: TaskId, panel: Vec<(T::AccountId, u32)>, empty: u32 },
		/// `verifier` committed its hidden verdict.
		VerdictCommitted { task: TaskId, verifier: T::AccountId },
		/// `verifier` revealed its verdict.
		VerdictRevealed { task: TaskId, verifier: T::AccountId, valid: bool, work_units: u64 },
		/// A drawn verifier lost `amount` of its bond to the sink.
		VerifierSlashed {
			task: TaskId,
			verifier: T::AccountId,
			amount: Balance,
			reason: SlashReason,
		},
		/// A task settled valid: `worker` was paid `paid` from the escrow (the budget less the
		/// `fee` to the sink and the `verification_fee` to the majority's seats), and rewarded
		/// `reward` (`free` + `staked` + `sink`), of which `from_sink` was taken from the sink
		/// and the rest minted.
		TaskSettled {
			task: TaskId,
			worker: T::AccountId,
			score: FixedU128,
			verified_work: u64,
			paid: Balance,
			fee: Balance,
			verification_fee: Balance,
			reward: Balance,
			free: Balance,
			staked: Balance,
			sink: Balance,
			from_sink: Balance,
		},
		/// A task settled as rejected: the requester got `refunded` of its budget back (the
		/// rest paid the verification), and `to_requester` of the worker's collateral;
		/// `to_sink` of the collateral went to the sink.
		TaskRejected {
			task: TaskId,
			worker: T::AccountId,
			reason: RejectReason,
			refunded: Balance,
			verification_fee: Balance,
			to_requester: Balance,
			to_sink: Balance,
		},
		/// A task's reveal ended without a majority of its seats revealed: the budget and the
		/// collateral went back.
		TaskUndecided { task: TaskId, worker: T::AccountId },
		/// A task passed its deadline without a result: the budget went back, and `forfeited`
		/// of the `collateral` to the requester.
		TaskExpired {
			task: TaskId,
			outcome: ExpiryOutcome,
			worker: Option<T::AccountId>,
			collateral: Balance,
			forfeited: Balance,
		},
		/// Governance changed the parameters.
		ParamsSet { old: PocwParams, new: PocwParams },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is a verifier already.
		AlreadyVerifier,
		/// The bond is below `min_verifier_bond`.
		BondTooSmall,
		/// Every slot of the draw tree is taken.
		TooManyVerifiers,
		/// The account is not a registered verifier.
		UnknownVerifier,
		/// The verifier sits on the panel of a task not yet settled.
		VerifierBusy,
		/// The budget is below `min_budget`.
		BudgetTooSmall,
		/// The quorum is below `min_quorum` or above `MaxAttestations`.
		InvalidQuorum,
		/// Fewer verifiers are registered than the quorum.
		NotEnoughVerifiers,
		/// The deadline is not in the future.
		DeadlineInPast,
		/// The deadline is beyond `max_deadline` from now.
		DeadlineTooFar,
		/// Too many tasks expire in this bucket: choose another deadline, or submit later.
		ExpiryBucketFull,
		/// No such task (or it has settled or expired).
		UnknownTask,
		/// The task is claimed already.
		TaskNotOpen,
		/// The task's deadline has passed.
		DeadlinePassed,
		/// The task's expiry has not come yet.
		DeadlineNotPassed,
		/// A requester cannot claim its own task.
		OwnTask,
		/// The collateral is below `min_collateral` or `collateral_ratio` of the budget.
		CollateralTooSmall,
		/// Only the task's worker may do this.
		NotWorker,
		/// The result is in already.
		AlreadySubmitted,
		/// Neither exec Power nor free Flux at R covers the usage.
		InsufficientPower,
		/// `MaxDrawsPerBlock` results came in this block already: submit in the next.
		DrawQueueFull,
		/// The task's panel is not drawn yet (no result, or the draw is next block).
		NotDrawn,
		/// The account was not drawn to this task's panel.
		NotOnPanel,
		/// The commit window has closed.
		CommitClosed,
		/// The verifier has committed already.
		AlreadyCommitted,
		/// The reveal has not opened: some members may still commit.
		RevealNotOpen,
		/// The reveal window has closed.
		RevealClosed,
		/// The verifier committed nothing to reveal.
		NotCommitted,
		/// The verifier has revealed already.
		AlreadyRevealed,
		/// The revealed verdict and salt do not hash to the commitment.
		CommitmentMismatch,
		/// An amount too large to compute with.
		Overflow,
		/// `λ1 + λ2 + λ3` is not exactly one.
		SplitNotNormalized,
		/// A period or window of zero.
		ZeroPeriod,
		/// The work cap is zero.
		ZeroWorkCap,
		/// The risk reference is zero.
		ZeroRiskRef,
		/// The efficiency cap is zero.
		ZeroEfficiencyCap,
		/// The longest deadline is zero.
		ZeroMaxDeadline,
		/// The least budget, collateral or verifier bond is zero.
		ZeroMinimum,
		/// `reward_share` is not below `fee_share`: paying oneself could pay.
		RewardNotBelowFee,
		/// `fee_share + verify_share` is more than the whole budget.
		FeesExceedBudget,
		/// `min_quorum` is zero or above `MaxAttestations`.
		InvalidMinQuorum,
		/// A period, deadline or window longer than 30 days (`MAX_PERIOD`).
		PeriodTooLong,
		/// `K` above `MAX_REWARD` or the period budget above `MAX_REWARD_BUDGET`.
		RewardTooLarge,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_: BlockNumberFor<T>) -> Weight {
			Self::process_draws().saturating_add(Self::process_expiries())
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
		/// Becomes a verifier, holding `bond` of free Flux (at least `min_verifier_bond`): the
		/// bond is its weight in the draws.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_verifier())]
		pub fn register_verifier(
			origin: OriginFor<T>,
			#[pallet::compact] bond: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_verifier(&who, bond)
		}

		/// Leaves the verifiers and frees the bond; refused while the caller sits on the panel
		/// of a task not yet settled.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::leave_verifier())]
		pub fn leave_verifier(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_leave_verifier(&who)
		}

		/// Posts a task, holding `budget` of free Flux in escrow; judged by `quorum` drawn
		/// seats; the result is due by `deadline` (chain time, ms).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::post_task())]
		pub fn post_task(
			origin: OriginFor<T>,
			spec_hash: H256,
			#[pallet::compact] budget: Balance,
			class: TaskClass,
			quorum: u32,
			#[pallet::compact] deadline: Moment,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_post_task(&who, spec_hash, budget, class, quorum, deadline)
		}

		/// Claims an open task, holding `collateral` of free Flux.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::claim_task())]
		pub fn claim_task(
			origin: OriginFor<T>,
			task: TaskId,
			#[pallet::compact] collateral: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim_task(&who, task, collateral)
		}

		/// Submits the result of a claimed task and the work it used, which is metered in exec
		/// Power and charged to the worker (Power first, then free Flux at R). The panel is
		/// drawn at the start of the next block.
		#[pallet::call_index(4)]
		#[pallet::weight(Pallet::<T>::submit_result_weight())]
		pub fn submit_result(
			origin: OriginFor<T>,
			task: TaskId,
			result_hash: H256,
			usage: Usage,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit_result(&who, task, result_hash, usage)
		}

		/// Commits a drawn verifier's hidden verdict:
		/// `blake2_256(SCALE(task, verifier, valid, work_units, salt))`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::commit_verdict())]
		pub fn commit_verdict(
			origin: OriginFor<T>,
			task: TaskId,
			commitment: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_commit_verdict(&who, task, commitment)
		}

		/// Ends a task whose expiry has come (anyone may): unsubmitted, it expires; submitted,
		/// it settles with the verdicts revealed.
		#[pallet::call_index(6)]
		#[pallet::weight(Pallet::<T>::expire_task_weight())]
		pub fn expire_task(origin: OriginFor<T>, task: TaskId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let weight = match Self::do_expire_task(task)? {
				Some(panel) => Self::settle_weight(Some(panel)),
				None => T::WeightInfo::expire_task(),
			};
			Ok(Some(weight).into())
		}

		/// Sets the parameters, after checking them.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_params())]
		pub fn set_params(origin: OriginFor<T>, params: PocwParams) -> DispatchResult {
			T::UpdateOrigin::ensure_origin(origin)?;
			Self::do_set_params(params)
		}

		/// Reveals a committed verdict; the last reveal settles the task.
		#[pallet::call_index(8)]
		#[pallet::weight(Pallet::<T>::settle_weight(Some(T::MaxAttestations::get())))]
		pub fn reveal_verdict(
			origin: OriginFor<T>,
			task: TaskId,
			valid: bool,
			work_units: u64,
			salt: H256,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let settled = Self::do_reveal_verdict(&who, task, valid, work_units, salt)?;
			Ok(Some(Self::settle_weight(settled)).into())
		}
	}
}
