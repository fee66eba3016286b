//! # PoCW pallet: Proof-of-Causal-Work settlement
//!
//! Workers earn Flux for verified agent work. A requester posts a task with an exec Power
//! budget; a worker claims it, taking risk with Flux collateral; it submits a result hash and the
//! work it used, which is metered in exec Power and charged to it like any execution (design
//! §4); registered verifiers attest; on quorum the task settles and the worker is rewarded in
//! Flux, part of it staked at once, so that more work brings more Power and so more work (the
//! seed's closed loop, `docs/pocw.md`).
//!
//! ## Key terms
//!
//! - **Task**: a specification hash, an exec Power **budget** (PU), a **class** (its reward
//!   weight), a **quorum** of attestations and a **deadline** (chain time, ms).
//! - **Collateral**: free Flux the worker holds on a task it claims; returned on a valid
//!   result, slashed on a rejected one, burned if it never submits.
//! - **Usage**: the steps, model calls and on-chain transactions the worker reports; metered at
//!   `e0 + e_step·steps + e_model·model_calls + e_tx·onchain_txs` exec PU (the metering pallet's
//!   schedule) and charged to the worker: exec Power first, the rest in free Flux at the
//!   exchange rate R (`ceil(deficit / R)`, to the protocol sink).
//! - **Verifier**: an account holding a Flux bond that attests results: valid or not, and the
//!   work units it measured.
//! - **PoCW score**: `w · (1/2 + ρ/2) · (1/2 + e/2) · class_weight` in `[0, 1]`, from verified work
//!   `w`, risk `ρ` and cost efficiency `e` ([`math`]).
//! - **Reward**: `K · score` Flux, within a per-period budget; split `λ1` free to the worker,
//!   `λ2` minted and staked for it, `λ3` to the sink or burned; `λ1 + λ2 + λ3 = 1` exactly.
//!
//! ## User flows
//!
//! 1. Verifiers `register_verifier(bond)`; `leave_verifier()` when no attestation of theirs is
//!    pending.
//! 2. A requester `post_task(spec_hash, budget, class, quorum, deadline)`.
//! 3. A worker `claim_task(task, collateral)`, then `submit_result(task, result_hash, usage)`
//!    before the deadline.
//! 4. Verifiers `attest(task, valid, work_units)`; the quorum-th attestation settles the task in
//!    the same call: valid if valid attestations outnumber invalid ones (a tie rejects). Settled
//!    tasks are removed.
//! 5. After the deadline anyone may `expire_task`, and `on_initialize` does it for every task
//!    within a bounded budget per block: an unclaimed task is removed, a claimed task without a
//!    result burns the collateral, a result without quorum gets its collateral back.
//!
//! "Settle" and "settlement" mean only this: PoCW's verdict on a task. Bringing an account's
//! Power up to now is the Power pallet's **accrual**.
//!
//! ## Design
//!
//! - Bounded everywhere: at most `MaxVerifiers` verifiers, `MaxAttestations` attestations a
//!   task, `MaxExpiriesPerBucket` deadlines in a bucket of `ExpiryBucket` ms, and the hook scans
//!   at most `MaxBucketsPerBlock` buckets and expires at most `MaxExpiriesPerBlock` tasks a
//!   block, behind a cursor (no map iteration). The queue is the shared one of
//!   [`fluxomics_primitives::expiry`], as the market's leases use it.
//! - Rewards are minted (Flux enters by PoCW), limited to `reward_budget` per `period`, which
//!   bounds what any collusion can mint. Verifiers who attest with the outcome earn
//!   `attest_reward` each, from the same budget; the worker is paid first.
//! - Declaring more usage only raises the metered cost, which the worker pays and which can only
//!   lower the efficiency term: over-declaring never pays.
//! - All maths is in [`math`], pure and property-tested.
//!
//! ## Where things are
//!
//! | file | what |
//! |---|---|
//! | `lib.rs` | the pallet: config, storage, events, errors, genesis, hooks and calls (thin) |
//! | `calls.rs` | the bodies of the calls, and the check of the parameters |
//! | `settlement.rs` | the verdict on a task at quorum: score, reward and split, slash, budget |
//! | `expiry.rs` | the deadline queue: filing a task, taking it out, ending it unsettled |
//! | `hooks.rs` | the block hook (draining the deadline queue) and the integrity test |
//! | `api.rs` | what `PocwApi` answers: `task_info`, `estimate` |
//! | `try_state.rs` | the numbered invariants |
//! | `math.rs` | the pure formulas (score, reward, split, periods) |
//! | `types.rs` | stored types and parameters |
//!
//! ## Assumptions
//!
//! - The budget is the requester's statement: a requester colluding with its worker can claim a
//!   generous budget, but efficiency is capped (`efficiency_cap`), the score still needs verified
//!   work from a quorum of bonded verifiers, and the period budget bounds the total minted.
//! - The `FluxLedger` and `PowerLedger` implementations are all-or-nothing, and `mint_and_stake`
//!   raises the worker's Power rate at once (the Flux pallet tells the Power pallet).
#![cfg_attr(not(feature = "std"), no_std)]
// Tests and benchmarks compute expected values with plain arithmetic.
#![cfg_attr(any(test, feature = "runtime-benchmarks"), allow(clippy::arithmetic_side_effects))]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

mod api;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod calls;
mod expiry;
mod hooks;
pub mod math;
mod settlement;
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
		Balance, ExecSchedule, FluxLedger, Moment, PowerLedger, PowerUnits, TaskClass,
	};
	use frame_support::{pallet_prelude::*, traits::Time};
	use frame_system::pallet_prelude::*;
	use sp_arithmetic::FixedU128;
	use sp_core::H256;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Collateral, bonds and rewards are Flux.
		type Flux: FluxLedger<Self::AccountId>;
		/// Reported usage is paid in exec Power.
		type Power: PowerLedger<Self::AccountId>;
		/// The exec terms of the cost schedule (the metering pallet's, in the runtime).
		type ExecCost: Get<ExecSchedule>;
		/// R: Power units per Flux, for the part of a usage charge Power does not cover.
		type ExchangeRate: Get<FixedU128>;
		/// Chain time, in milliseconds.
		type Time: Time<Moment = Moment>;
		/// Who may change the parameters (governance; root in tests).
		type UpdateOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// The most registered verifiers.
		#[pallet::constant]
		type MaxVerifiers: Get<u32>;
		/// The most attestations a task takes (the largest quorum).
		#[pallet::constant]
		type MaxAttestations: Get<u32>;
		/// Width of an expiry bucket (tasks are filed by the bucket of their deadline), in ms.
		#[pallet::constant]
		type ExpiryBucket: Get<Moment>;
		/// The most tasks with deadlines in one bucket.
		#[pallet::constant]
		type MaxExpiriesPerBucket: Get<u32>;
		/// The most buckets the hook scans in a block.
		#[pallet::constant]
		type MaxBucketsPerBlock: Get<u32>;
		/// The most tasks the hook expires in a block.
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

	/// Registered verifiers: their bond and pending attestations.
	#[pallet::storage]
	pub type Verifiers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, VerifierInfo, OptionQuery>;

	/// How many verifiers are registered.
	#[pallet::storage]
	pub type VerifierCount<T> = StorageValue<_, u32, ValueQuery>;

	/// Flux held as collateral on open tasks, in planck.
	#[pallet::storage]
	pub type TotalCollateral<T> = StorageValue<_, Balance, ValueQuery>;

	/// The start of the current reward period (chain time, ms).
	#[pallet::storage]
	pub type PeriodStart<T> = StorageValue<_, Moment, ValueQuery>;

	/// Flux rewards minted (or sent to the sink or burned as `λ3`) in the current period.
	#[pallet::storage]
	pub type EmittedThisPeriod<T> = StorageValue<_, Balance, ValueQuery>;

	/// Tasks by the bucket of their deadline (the expiry queue's buckets).
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
		/// `requester` posted a task.
		TaskPosted {
			task: TaskId,
			requester: T::AccountId,
			spec_hash: H256,
			budget: PowerUnits,
			class: TaskClass,
			quorum: u32,
			deadline: Moment,
		},
		/// `worker` claimed a task, holding `collateral`.
		TaskClaimed { task: TaskId, worker: T::AccountId, collateral: Balance },
		/// `worker` submitted its result; its usage cost `exec_cost` exec PU, of which Power
		/// paid what `flux_paid` (Flux planck, to the sink) did not.
		ResultSubmitted {
			task: TaskId,
			worker: T::AccountId,
			result_hash: H256,
			exec_cost: PowerUnits,
			flux_paid: Balance,
		},
		/// `verifier` attested a result.
		Attested { task: TaskId, verifier: T::AccountId, valid: bool, work_units: u64 },
		/// A task settled valid: `worker` got `free` Flux, `staked` Flux auto-staked, and
		/// `sink` went to the sink or was burned (`reward = free + staked + sink`). Verifiers
		/// `rewarded` got `attest_reward` each (less if the budget ran out), `unrewarded`
		/// attested against the outcome.
		TaskSettled {
			task: TaskId,
			worker: T::AccountId,
			score: FixedU128,
			verified_work: u64,
			reward: Balance,
			free: Balance,
			staked: Balance,
			sink: Balance,
			rewarded: Vec<T::AccountId>,
			unrewarded: Vec<T::AccountId>,
		},
		/// A task settled invalid: `worker`'s collateral was slashed, `to_each` to every
		/// verifier in `rewarded` (who attested invalid, and also got `attest_reward`) and
		/// `burned` burned; `unrewarded` attested valid.
		TaskRejected {
			task: TaskId,
			worker: T::AccountId,
			slashed: Balance,
			to_each: Balance,
			burned: Balance,
			rewarded: Vec<T::AccountId>,
			unrewarded: Vec<T::AccountId>,
		},
		/// A task passed its deadline without settling.
		TaskExpired {
			task: TaskId,
			outcome: ExpiryOutcome,
			worker: Option<T::AccountId>,
			collateral: Balance,
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
		/// `MaxVerifiers` are registered.
		TooManyVerifiers,
		/// The account is not a registered verifier.
		UnknownVerifier,
		/// The verifier has attestations on tasks not yet settled or expired.
		VerifierBusy,
		/// A budget of zero.
		ZeroBudget,
		/// The quorum is zero or above `MaxAttestations`.
		InvalidQuorum,
		/// Fewer verifiers are registered than the quorum.
		NotEnoughVerifiers,
		/// The deadline is not in the future.
		DeadlineInPast,
		/// The deadline is beyond `max_deadline` from now.
		DeadlineTooFar,
		/// Too many tasks have deadlines in this bucket: choose another deadline.
		ExpiryBucketFull,
		/// No such task (or it has settled or expired).
		UnknownTask,
		/// The task is claimed already.
		TaskNotOpen,
		/// The task's deadline has passed.
		DeadlinePassed,
		/// The task's deadline has not passed yet.
		DeadlineNotPassed,
		/// A requester cannot claim its own task.
		OwnTask,
		/// The collateral is below `min_collateral`.
		CollateralTooSmall,
		/// Only the task's worker may do this.
		NotWorker,
		/// The result is in already.
		AlreadySubmitted,
		/// Neither exec Power nor free Flux at R covers the usage.
		InsufficientPower,
		/// The worker or requester of a task cannot attest it.
		Conflict,
		/// The task has no result yet.
		NotSubmitted,
		/// The verifier attested this task already.
		AlreadyAttested,
		/// An amount too large to compute with.
		Overflow,
		/// `λ1 + λ2 + λ3` is not exactly one.
		SplitNotNormalized,
		/// The reward period is zero.
		ZeroPeriod,
		/// The work cap is zero.
		ZeroWorkCap,
		/// The risk reference is zero.
		ZeroRiskRef,
		/// The efficiency cap is zero.
		ZeroEfficiencyCap,
		/// The longest deadline is zero.
		ZeroMaxDeadline,
		/// The least collateral or the least verifier bond is zero.
		ZeroMinimum,
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
		/// Becomes a verifier, holding `bond` of free Flux (at least `min_verifier_bond`).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_verifier())]
		pub fn register_verifier(
			origin: OriginFor<T>,
			#[pallet::compact] bond: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_verifier(&who, bond)
		}

		/// Leaves the verifiers and frees the bond; refused while an attestation of the caller's
		/// is pending on a task not yet settled or expired.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::leave_verifier())]
		pub fn leave_verifier(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_leave_verifier(&who)
		}

		/// Posts a task: `budget` exec PU, settled by `quorum` attestations, expiring at
		/// `deadline` (chain time, ms).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::post_task())]
		pub fn post_task(
			origin: OriginFor<T>,
			spec_hash: H256,
			#[pallet::compact] budget: PowerUnits,
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
		/// Power and charged to the worker (Power first, then free Flux at R).
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

		/// Attests a submitted result; the quorum-th attestation settles the task.
		#[pallet::call_index(5)]
		#[pallet::weight(Pallet::<T>::attest_weight(true))]
		pub fn attest(
			origin: OriginFor<T>,
			task: TaskId,
			valid: bool,
			work_units: u64,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let settled = Self::do_attest(&who, task, valid, work_units)?;
			Ok(Some(Self::attest_weight(settled)).into())
		}

		/// Expires a task past its deadline (anyone may).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::expire_task())]
		pub fn expire_task(origin: OriginFor<T>, task: TaskId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_expire_task(task)
		}

		/// Sets the parameters, after checking them.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_params())]
		pub fn set_params(origin: OriginFor<T>, params: PocwParams) -> DispatchResult {
			T::UpdateOrigin::ensure_origin(origin)?;
			Self::do_set_params(params)
		}
	}
}
