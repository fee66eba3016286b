//! The Power pallet's stored and returned types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use fluxomics_primitives::{Balance, Moment, PowerUnits};
use scale_info::TypeInfo;
use sp_arithmetic::FixedU128;

/// One account's Power, as of its last settlement.
#[derive(Clone, PartialEq, Eq, Default, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct PowerAccount {
	/// Messaging Power, in PU.
	pub msg: PowerUnits,
	/// Execution Power, in PU.
	pub exec: PowerUnits,
	/// Messaging Power below one PU (a numerator over the accrual denominator).
	pub msg_remainder: u128,
	/// Execution Power below one PU.
	pub exec_remainder: u128,
	/// Chain time of the last settlement.
	pub last: Moment,
	/// The messaging index at `last`.
	pub msg_index: u128,
	/// The execution index at `last`.
	pub exec_index: u128,
	/// Stake this account delegates to others.
	pub delegated_out: Balance,
	/// Stake others delegate to this account.
	pub delegated_in: Balance,
	/// Own staked Flux, as the Flux ledger last reported it (`StakeObserver`): settlement needs
	/// no read of the Flux ledger.
	pub staked: Balance,
	/// Redirections this account gives or receives (entries of `RedirectsOut` and
	/// `RedirectsIn`): when zero, settlement reads neither list.
	pub redirections: u32,
}

/// A delegation of generation from the account that stores it to `to`.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Delegation<AccountId> {
	/// Who receives the generation.
	pub to: AccountId,
	/// Stake whose generation is delegated.
	pub amount: Balance,
	/// Chain time before which it cannot be taken back.
	pub locked_until: Moment,
}

/// A redirection of generation for a period (a lease), seen from one side: `other` is the
/// receiver in the giver's list and the giver in the receiver's list.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Redirect<AccountId> {
	/// The account on the other side.
	pub other: AccountId,
	/// Stake whose generation is redirected.
	pub amount: Balance,
	/// Chain time at which it ends by itself.
	pub until: Moment,
}

/// A point where α changed: the indices then and the rates from then on.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Checkpoint {
	/// Chain time of the change.
	pub at: Moment,
	/// Messaging index at `at`.
	pub msg_index: u128,
	/// Execution index at `at`.
	pub exec_index: u128,
	/// α_msg from `at` on.
	pub alpha_msg: FixedU128,
	/// α_exec from `at` on.
	pub alpha_exec: FixedU128,
}

/// The Power pallet's governed parameters.
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
pub struct PowerParams {
	/// Messaging Power per staked Flux per day (PU).
	pub alpha_msg: FixedU128,
	/// Execution Power per staked Flux per day (PU).
	pub alpha_exec: FixedU128,
	/// Each kind is capped at this much generation, as a duration in milliseconds (7 days:
	/// 604 800 000).
	pub cap_period: Moment,
}
