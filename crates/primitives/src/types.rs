//! The units and the small value types every pallet speaks in.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

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

impl PowerKind {
	/// Both kinds, messaging first.
	pub const ALL: [PowerKind; 2] = [PowerKind::Msg, PowerKind::Exec];
}

/// One value for each kind of Power: balances, caps, rates, costs and refunds are all pairs, and
/// code written once over a `PerKind` is code that cannot treat the two kinds differently by
/// mistake.
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
pub struct PerKind<T> {
	/// The messaging value.
	pub msg: T,
	/// The execution value.
	pub exec: T,
}

impl<T> PerKind<T> {
	/// Both values.
	pub const fn new(msg: T, exec: T) -> Self {
		Self { msg, exec }
	}

	/// The same value for both kinds.
	pub fn splat(value: T) -> Self
	where
		T: Clone,
	{
		Self { msg: value.clone(), exec: value }
	}

	/// The value of `kind`.
	pub fn get(&self, kind: PowerKind) -> &T {
		match kind {
			PowerKind::Msg => &self.msg,
			PowerKind::Exec => &self.exec,
		}
	}

	/// The value of `kind`, to change.
	pub fn get_mut(&mut self, kind: PowerKind) -> &mut T {
		match kind {
			PowerKind::Msg => &mut self.msg,
			PowerKind::Exec => &mut self.exec,
		}
	}

	/// `f` applied to each value, with its kind.
	pub fn map<U>(self, mut f: impl FnMut(PowerKind, T) -> U) -> PerKind<U> {
		PerKind { msg: f(PowerKind::Msg, self.msg), exec: f(PowerKind::Exec, self.exec) }
	}

	/// `f` applied to the values of each kind in `self` and `other`.
	pub fn zip<U, V>(self, other: PerKind<U>, mut f: impl FnMut(T, U) -> V) -> PerKind<V> {
		PerKind { msg: f(self.msg, other.msg), exec: f(self.exec, other.exec) }
	}
}

impl PerKind<u128> {
	/// Both values together (saturating).
	pub fn total(&self) -> u128 {
		self.msg.saturating_add(self.exec)
	}

	/// Whether both values are zero.
	pub fn is_zero(&self) -> bool {
		self.msg == 0 && self.exec == 0
	}

	/// The smaller value of each kind.
	pub fn min(self, other: Self) -> Self {
		self.zip(other, core::cmp::Ord::min)
	}

	/// Each value less the other's, floored at zero.
	pub fn saturating_sub(self, other: Self) -> Self {
		self.zip(other, u128::saturating_sub)
	}

	/// Each value plus the other's, saturating.
	pub fn saturating_add(self, other: Self) -> Self {
		self.zip(other, u128::saturating_add)
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
	/// The result is in; its verifiers are drawn at the start of the next block.
	Submitted,
	/// The drawn verifiers are committing their hidden verdicts.
	Committing,
	/// The drawn verifiers are revealing their verdicts.
	Revealing,
}

/// Where one drawn verifier's verdict on a task is.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub enum VerdictState {
	/// Drawn; nothing committed yet.
	Drawn,
	/// Its verdict is committed (hidden).
	Committed,
	/// Its verdict is revealed: `valid` and the `work_units` it measured.
	Revealed { valid: bool, work_units: u64 },
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn per_kind_is_written_once_for_both_kinds() {
		let a = PerKind::new(5u128, 9);
		let b = PerKind::new(7u128, 2);
		assert_eq!(a.min(b), PerKind::new(5, 2));
		assert_eq!(a.saturating_sub(b), PerKind::new(0, 7));
		assert_eq!(a.saturating_add(b).total(), 23);
		assert_eq!(*a.get(PowerKind::Exec), 9);
		assert_eq!(a.map(|k, v| if k == PowerKind::Msg { v } else { 0 }), PerKind::new(5, 0));
		assert!(PerKind::<u128>::default().is_zero());
		assert_eq!(PerKind::new(u128::MAX, 1).total(), u128::MAX);
	}
}

/// How far one governance vote may move a parameter (issue 16: no single vote prices the next
/// vote out of reach). The pallets that bound their votes share these two tests.
pub mod vote_reach {
	use sp_runtime::FixedU128;

	/// The lowest a rate may fall to in one vote: the `k`-th part of the value in force, or
	/// `default` if that is lower (a vote back to the defaults is always allowed). Zero if `k` is
	/// zero.
	pub fn rate_floor(now: FixedU128, default: FixedU128, k: u128) -> FixedU128 {
		FixedU128::from_inner(now.into_inner().checked_div(k).unwrap_or(0)).min(default)
	}

	/// Whether a length (a period, a step of weight) may go from `old` to `new` in one vote: at
	/// most `k` times shorter than `old`, or than `default` times `k` if that is shorter (a vote
	/// back to the default is always allowed).
	pub fn length_within(new: u64, old: u64, default: u64, k: u64) -> bool {
		new.saturating_mul(k) >= old.min(default.saturating_mul(k))
	}
}
