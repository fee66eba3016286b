//! PoCW's stored types and parameters.
//!
//! ## Key terms
//!
//! - **Task**: a specification hash, a Flux **budget** (held in escrow), a **class** (its reward
//!   weight), a **quorum** (seats drawn to judge it, at least `min_quorum`) and a **deadline**
//!   for the result (chain time, ms).
//! - **Collateral**: free Flux the worker holds on a task it claims, at least `min_collateral`
//!   and `collateral_ratio` of the budget.
//! - **Usage**: the steps, model calls and on-chain transactions the worker reports; metered at
//!   `e0 + e_step·steps + e_model·model_calls + e_tx·onchain_txs` exec PU and charged to the
//!   worker (exec Power first, the rest in free Flux at R, to the sink).
//! - **Verifier**: an account holding a Flux bond; the bond is its weight in the draw.
//! - **Panel**: the verifiers drawn to a task's seats. A verifier drawn to several seats holds
//!   them all and its vote counts that many times; a seat drawn to the task's requester or worker
//!   stays empty.
//! - **Verdict**: a panel member's vote (valid or not) and the work units it measured,
//!   committed as `blake2_256(SCALE(task, verifier, valid, work_units, salt))` and then
//!   revealed.
//! - **PoCW score**: `w · (1/2 + ρ/2) · (1/2 + e/2) · class_weight` in `[0, 1]`, from verified
//!   work `w` (the revealed majority's median measure), risk `ρ` and cost efficiency `e` (the
//!   budget's worth in exec Power over the cost of the verified work) ([`crate::math`]).
//! - **Reward**: `K · score` Flux, at most `reward_share` of the budget; funded from the sink
//!   first, the rest minted within a per-period budget; split `λ1` free to the worker, `λ2`
//!   staked for it, `λ3` to the sink or burned.
//!

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use fluxomics_primitives::{
	Balance, Moment, PowerUnits, TaskClass, TaskStatus, VerdictState, MILLIS_PER_DAY, UNIT,
};
use frame_support::{traits::Get, BoundedVec};
use scale_info::TypeInfo;
use sp_arithmetic::{FixedU128, Perbill};
use sp_core::H256;

/// Task identifiers, in posting order.
pub type TaskId = u64;

/// Agent work a worker reports with its result, metered in exec Power (design §4).
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
pub struct Usage {
	/// Execution steps.
	pub steps: u64,
	/// Model calls.
	pub model_calls: u64,
	/// On-chain transactions.
	pub onchain_txs: u64,
}

/// A submitted result.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct TaskResult {
	/// Hash of the result (kept off-chain).
	pub hash: H256,
	/// The usage the worker reported.
	pub usage: Usage,
	/// The exec Power the usage was metered at, in PU (charged to the worker).
	pub exec_cost: PowerUnits,
	/// Free Flux the worker paid to the sink for the part its exec Power did not cover.
	pub flux_paid: Balance,
	/// Whether the verifiers have been drawn (at the start of the block after the submission).
	pub drawn: bool,
	/// Chain time (ms) by which the drawn verifiers commit.
	pub commit_end: Moment,
	/// Chain time (ms) by which they reveal; the task settles then at the latest.
	pub reveal_end: Moment,
}

/// A verifier's revealed verdict.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Vote {
	/// Whether it found the result valid.
	pub valid: bool,
	/// The work it measured, in work units (steps).
	pub work_units: u64,
}

/// One drawn verifier of a task.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Seat<AccountId> {
	/// The verifier.
	pub verifier: AccountId,
	/// How many of the task's seats it was drawn to: its vote counts that many times.
	pub seats: u32,
	/// Its hidden verdict, once committed.
	pub commitment: Option<H256>,
	/// Its verdict, once revealed.
	pub vote: Option<Vote>,
}

impl<AccountId> Seat<AccountId> {
	/// Where its verdict is, as clients see it.
	pub fn state(&self) -> VerdictState {
		match (&self.commitment, &self.vote) {
			(_, Some(v)) => VerdictState::Revealed { valid: v.valid, work_units: v.work_units },
			(Some(_), None) => VerdictState::Committed,
			(None, None) => VerdictState::Drawn,
		}
	}
}

/// A task, from posting to settlement or expiry (then it is removed).
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
#[scale_info(skip_type_params(MaxAttestations))]
pub struct Task<AccountId, MaxAttestations: Get<u32>> {
	/// Who posted it.
	pub requester: AccountId,
	/// Hash of its specification.
	pub spec_hash: H256,
	/// The Flux the requester holds in escrow to pay for it, in planck.
	pub budget: Balance,
	/// Its class (reward weight).
	pub class: TaskClass,
	/// Seats drawn to judge it.
	pub quorum: u32,
	/// Chain time by which the result is due, in ms.
	pub deadline: Moment,
	/// Chain time it is filed under in the expiry queue: the deadline, then the end of the
	/// reveal once the result is in.
	pub expiry: Moment,
	/// The worker, once claimed.
	pub worker: Option<AccountId>,
	/// Flux the worker holds as collateral (zero while open).
	pub collateral: Balance,
	/// The worker's result, once submitted.
	pub result: Option<TaskResult>,
	/// The drawn verifiers, each once (a verifier drawn to several seats holds them all).
	pub panel: BoundedVec<Seat<AccountId>, MaxAttestations>,
}

impl<AccountId, M: Get<u32>> Task<AccountId, M> {
	/// Where the task is in its lifecycle at chain time `now`.
	pub fn status(&self, now: Moment) -> TaskStatus {
		match (&self.worker, &self.result) {
			(None, _) => TaskStatus::Open,
			(Some(_), None) => TaskStatus::Claimed,
			(Some(_), Some(r)) if !r.drawn => TaskStatus::Submitted,
			(Some(_), Some(_)) => {
				if self.reveal_open(now) {
					TaskStatus::Revealing
				} else {
					TaskStatus::Committing
				}
			},
		}
	}

	/// Whether the reveal has begun: every drawn verifier has committed, or the commit window
	/// has closed.
	pub fn reveal_open(&self, now: Moment) -> bool {
		self.result.as_ref().is_some_and(|r| {
			r.drawn && (now >= r.commit_end || self.panel.iter().all(|s| s.commitment.is_some()))
		})
	}

	/// Whether the verdict is complete before its time: the reveal is open and every verifier
	/// that committed has revealed.
	pub fn all_revealed(&self, now: Moment) -> bool {
		self.reveal_open(now)
			&& self.panel.iter().all(|s| s.commitment.is_none() || s.vote.is_some())
	}

	/// `(valid, invalid)` revealed seats.
	pub fn tally(&self) -> (u32, u32) {
		self.panel.iter().fold((0u32, 0u32), |(v, i), s| match s.vote {
			Some(Vote { valid: true, .. }) => (v.saturating_add(s.seats), i),
			Some(Vote { valid: false, .. }) => (v, i.saturating_add(s.seats)),
			None => (v, i),
		})
	}

	/// Seats filled on the panel (seats drawn to the requester or worker stay empty).
	pub fn seats(&self) -> u32 {
		self.panel.iter().fold(0u32, |n, s| n.saturating_add(s.seats))
	}
}

/// A registered verifier.
#[derive(Clone, Copy, PartialEq, Eq, Default, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct VerifierInfo {
	/// Flux held as its bond, in planck: its weight in the draw.
	pub bond: Balance,
	/// Panels it sits on of tasks not yet settled: it cannot leave while any.
	pub pending: u32,
	/// Its place in the draw tree (1-based).
	pub slot: u32,
}

/// How expiry ended a task before its result was in.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug)]
pub enum ExpiryOutcome {
	/// Nobody claimed it: the budget goes back to the requester.
	Unclaimed,
	/// Claimed but no result by the deadline: the budget goes back to the requester, with the
	/// `forfeit_share` of the worker's collateral; the rest goes back to the worker.
	CollateralForfeited,
}

/// Why a task settled as rejected.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug)]
pub enum RejectReason {
	/// The revealed seats found it invalid (or tied).
	Votes,
	/// The seats found it valid, but the steps the worker reported differ from the measured
	/// work by more than `usage_tolerance`.
	Usage,
}

/// Why a drawn verifier lost part of its bond.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug)]
pub enum SlashReason {
	/// It revealed a verdict against the panel's majority.
	WrongVote,
	/// It did not commit, or did not reveal, in time.
	NoShow,
}

/// The weight of each task class in the reward.
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
pub struct ClassWeights {
	/// Weight of `Light` tasks.
	pub light: Perbill,
	/// Weight of `Standard` tasks.
	pub standard: Perbill,
	/// Weight of `Heavy` tasks.
	pub heavy: Perbill,
}

impl ClassWeights {
	/// The weight of `class`.
	pub fn of(&self, class: TaskClass) -> Perbill {
		match class {
			TaskClass::Light => self.light,
			TaskClass::Standard => self.standard,
			TaskClass::Heavy => self.heavy,
		}
	}
}

/// PoCW's governed parameters.
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
pub struct PocwParams {
	/// `K`: the reward of a perfect score, in Flux planck.
	pub k: Balance,
	/// `λ1`: the share of a reward paid free to the worker.
	pub lambda1: Perbill,
	/// `λ2`: the share of a reward staked for the worker at once.
	pub lambda2: Perbill,
	/// `λ3`: the share of a reward left in the sink or burned (never paid out).
	pub lambda3: Perbill,
	/// Whether `λ3` goes to the protocol sink (`true`) or is burned (`false`).
	pub lambda3_to_sink: bool,
	/// The least budget of a task, in planck.
	pub min_budget: Balance,
	/// The protocol fee on a task settled valid, as a share of its budget (to the sink).
	pub fee_share: Perbill,
	/// The most a task's reward can be, as a share of its budget; below `fee_share`, so that
	/// paying oneself for a task always costs more than it earns.
	pub reward_share: Perbill,
	/// The verification fee, as a share of the budget: paid at a verdict to the seats that
	/// revealed with the majority.
	pub verify_share: Perbill,
	/// The least collateral a worker holds to claim a task, in planck.
	pub min_collateral: Balance,
	/// The least collateral as a share of the task's budget.
	pub collateral_ratio: Perbill,
	/// The share of a rejected worker's collateral paid to the requester (the rest goes to the
	/// sink).
	pub slash_to_requester: Perbill,
	/// The share of its collateral a worker that claimed and never submitted forfeits to the
	/// requester (the rest goes back to it).
	pub forfeit_share: Perbill,
	/// The least bond a verifier holds, in planck.
	pub min_verifier_bond: Balance,
	/// The least number of seats a task is judged by; the requester may ask for more.
	pub min_quorum: u32,
	/// How long the drawn verifiers have to commit, from the submission, in ms.
	pub commit_period: Moment,
	/// How long they have to reveal, after the commit window, in ms.
	pub reveal_period: Moment,
	/// The share of its bond a verifier loses for a verdict against the majority.
	pub wrong_vote_slash: Perbill,
	/// The share of its bond a drawn verifier loses for not committing or not revealing.
	pub no_show_slash: Perbill,
	/// How far the steps a worker reports may be from the measured work, as a share of the
	/// measured work, before the result is rejected.
	pub usage_tolerance: Perbill,
	/// Verified work units that score fully; more counts as this.
	pub work_cap: u64,
	/// Collateral at which the risk term is one half, in planck.
	pub risk_ref: Balance,
	/// Budget / cost ratio that scores fully; more counts as this.
	pub efficiency_cap: FixedU128,
	/// The most new Flux (planck) rewards may mint in one period, beyond what the sink funds.
	pub reward_budget: Balance,
	/// The length of a reward period, in ms.
	pub period: Moment,
	/// The furthest in the future a deadline may be, in ms.
	pub max_deadline: Moment,
	/// The reward weight of each task class.
	pub class_weights: ClassWeights,
}

impl Default for PocwParams {
	/// K = 100 Flux; λ = 50 / 40 / 10 %, λ3 to the sink; budgets from 10 Flux; a 20 % fee,
	/// rewards at most 10 % of the budget, 5 % to the verifiers; collateral from 10 Flux and
	/// 10 % of the budget, half of a rejected one to the requester, half of a no-show's
	/// forfeited; bonds from 100 Flux; at least 3 seats; an hour to commit and an hour to reveal;
	/// 10 % of a bond for a wrong vote or a no-show; reported steps within 20 % of the measured
	/// work; 1 000 work units score fully; risk is one half at 100 Flux; efficiency 2 scores
	/// fully; at most 10 000 new Flux a day; deadlines within 7 days; classes weigh 25 / 50 /
	/// 100 %.
	fn default() -> Self {
		Self {
			k: 100 * UNIT,
			lambda1: Perbill::from_percent(50),
			lambda2: Perbill::from_percent(40),
			lambda3: Perbill::from_percent(10),
			lambda3_to_sink: true,
			min_budget: 10 * UNIT,
			fee_share: Perbill::from_percent(20),
			reward_share: Perbill::from_percent(10),
			verify_share: Perbill::from_percent(5),
			min_collateral: 10 * UNIT,
			collateral_ratio: Perbill::from_percent(10),
			slash_to_requester: Perbill::from_percent(50),
			forfeit_share: Perbill::from_percent(50),
			min_verifier_bond: 100 * UNIT,
			min_quorum: 3,
			commit_period: MILLIS_PER_HOUR,
			reveal_period: MILLIS_PER_HOUR,
			wrong_vote_slash: Perbill::from_percent(10),
			no_show_slash: Perbill::from_percent(10),
			usage_tolerance: Perbill::from_percent(20),
			work_cap: 1_000,
			risk_ref: 100 * UNIT,
			efficiency_cap: FixedU128::from_u32(2),
			reward_budget: 10_000 * UNIT,
			period: MILLIS_PER_DAY,
			max_deadline: 7 * MILLIS_PER_DAY,
			class_weights: ClassWeights {
				light: Perbill::from_percent(25),
				standard: Perbill::from_percent(50),
				heavy: Perbill::from_percent(100),
			},
		}
	}
}

/// The longest reward period, deadline, commit or reveal window a vote may set: 30 days, in ms
/// (a longer one locks budgets, collateral and bonds beyond what a vote can undo in time).
pub const MAX_PERIOD: Moment = 30 * MILLIS_PER_DAY;

/// The largest `K` a vote may set: 1 000 000 Flux (a reward is also capped by `reward_share` of
/// the budget, so this only keeps the arithmetic far from overflow).
pub const MAX_REWARD: Balance = 1_000_000 * UNIT;

/// The largest period budget of new Flux a vote may set: 100 000 000 Flux.
pub const MAX_REWARD_BUDGET: Balance = 100_000_000 * UNIT;

/// One hour, in ms.
const MILLIS_PER_HOUR: Moment = 3_600_000;
