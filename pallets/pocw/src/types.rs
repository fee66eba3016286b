//! PoCW's stored types and parameters.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use fluxomics_primitives::{
	Balance, Moment, PowerUnits, TaskClass, TaskStatus, MILLIS_PER_DAY, UNIT,
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
}

/// One verifier's attestation of a result.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Attestation<AccountId> {
	/// Who attested.
	pub verifier: AccountId,
	/// Whether it found the result valid.
	pub valid: bool,
	/// The work it measured, in work units (only valid attestations count).
	pub work_units: u64,
}

/// A task, from posting to settlement or expiry (then it is removed).
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
#[scale_info(skip_type_params(MaxAttestations))]
pub struct Task<AccountId, MaxAttestations: Get<u32>> {
	/// Who posted it.
	pub requester: AccountId,
	/// Hash of its specification.
	pub spec_hash: H256,
	/// The exec Power the requester allows for it, in PU: the yardstick of cost efficiency.
	pub budget: PowerUnits,
	/// Its class (reward weight).
	pub class: TaskClass,
	/// Attestations that settle it.
	pub quorum: u32,
	/// Chain time after which it expires, in ms.
	pub deadline: Moment,
	/// The worker, once claimed.
	pub worker: Option<AccountId>,
	/// Flux the worker holds as collateral (zero while open).
	pub collateral: Balance,
	/// The worker's result, once submitted.
	pub result: Option<TaskResult>,
	/// Attestations so far, fewer than `quorum` (the quorum-th settles the task).
	pub attestations: BoundedVec<Attestation<AccountId>, MaxAttestations>,
}

impl<AccountId, M: Get<u32>> Task<AccountId, M> {
	/// Where the task is in its lifecycle.
	pub fn status(&self) -> TaskStatus {
		match (&self.worker, &self.result) {
			(None, _) => TaskStatus::Open,
			(Some(_), None) => TaskStatus::Claimed,
			(Some(_), Some(_)) => TaskStatus::Submitted,
		}
	}

	/// `(valid, invalid)` attestations so far.
	pub fn tally(&self) -> (u32, u32) {
		self.attestations.iter().fold((0u32, 0u32), |(v, i), a| {
			if a.valid {
				(v.saturating_add(1), i)
			} else {
				(v, i.saturating_add(1))
			}
		})
	}
}

/// A registered verifier.
#[derive(Clone, Copy, PartialEq, Eq, Default, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct VerifierInfo {
	/// Flux held as its bond, in planck.
	pub bond: Balance,
	/// Attestations it made on tasks not yet settled or expired: it cannot leave while any.
	pub pending: u32,
}

/// How expiry ended a task.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug)]
pub enum ExpiryOutcome {
	/// Nobody claimed it: it is removed.
	Unclaimed,
	/// Claimed but no result by the deadline: the worker's collateral is burned.
	CollateralBurned,
	/// A result but no quorum by the deadline: the collateral goes back to the worker.
	CollateralReturned,
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
	/// `λ1`: the share of a reward minted free to the worker.
	pub lambda1: Perbill,
	/// `λ2`: the share of a reward minted and staked for the worker.
	pub lambda2: Perbill,
	/// `λ3`: the share of a reward sent to the sink or burned (never minted).
	pub lambda3: Perbill,
	/// Whether `λ3` goes to the protocol sink (`true`) or is burned (`false`).
	pub lambda3_to_sink: bool,
	/// The least collateral a worker holds to claim a task, in planck.
	pub min_collateral: Balance,
	/// The least bond a verifier holds, in planck.
	pub min_verifier_bond: Balance,
	/// Verified work units that score fully; more counts as this.
	pub work_cap: u64,
	/// Collateral at which the risk term is one half, in planck.
	pub risk_ref: Balance,
	/// Budget / cost ratio that scores fully; more counts as this.
	pub efficiency_cap: FixedU128,
	/// Flux (planck) minted to each verifier that attested with the outcome.
	pub attest_reward: Balance,
	/// The share of a rejected worker's collateral given to the verifiers who attested invalid
	/// (the rest is burned).
	pub slash_to_verifiers: Perbill,
	/// The most Flux (planck) rewards may mint in one period.
	pub reward_budget: Balance,
	/// The length of a reward period, in ms.
	pub period: Moment,
	/// The furthest in the future a deadline may be, in ms.
	pub max_deadline: Moment,
	/// The reward weight of each task class.
	pub class_weights: ClassWeights,
}

impl Default for PocwParams {
	/// K = 100 Flux; λ = 50 / 40 / 10 %, λ3 to the sink; collateral from 10 Flux, bonds from
	/// 100 Flux; 1 000 work units score fully; risk is one half at 100 Flux; efficiency 2 scores
	/// fully; 1 Flux per attestation with the outcome; half a rejected collateral to the
	/// verifiers who found it invalid; 10 000 Flux a day; deadlines within 7 days; classes weigh
	/// 25 / 50 / 100 %.
	fn default() -> Self {
		Self {
			k: 100 * UNIT,
			lambda1: Perbill::from_percent(50),
			lambda2: Perbill::from_percent(40),
			lambda3: Perbill::from_percent(10),
			lambda3_to_sink: true,
			min_collateral: 10 * UNIT,
			min_verifier_bond: 100 * UNIT,
			work_cap: 1_000,
			risk_ref: 100 * UNIT,
			efficiency_cap: FixedU128::from_u32(2),
			attest_reward: UNIT,
			slash_to_verifiers: Perbill::from_percent(50),
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
