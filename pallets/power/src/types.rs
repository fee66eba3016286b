//! The Power pallet's stored and returned types.
//!
//! Every pair of values, one per kind of Power, is a [`PerKind`]: the SCALE encoding is the same
//! as the two fields it replaces (messaging first), so stored records need no migration.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use fluxomics_primitives::{Balance, Moment, PerKind, PowerUnits};
use scale_info::TypeInfo;
use sp_arithmetic::FixedU128;

/// One account's Power, as of its last accrual.
#[derive(Clone, PartialEq, Eq, Default, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct PowerAccount {
	/// Power of each kind, in whole PU.
	pub power: PerKind<PowerUnits>,
	/// Power of each kind below one PU (a numerator over the accrual denominator, see
	/// [`math`](crate::math)).
	pub remainder: PerKind<u128>,
	/// Chain time of the last accrual.
	pub accrued_at: Moment,
	/// The index of each kind at `accrued_at`.
	pub index: PerKind<u128>,
	/// Stake this account delegates to others.
	pub delegated_out: Balance,
	/// Stake others delegate to this account.
	pub delegated_in: Balance,
	/// Own staked Flux, as the Flux ledger last reported it (`StakeObserver`): accrual needs no
	/// read of the Flux ledger.
	pub staked: Balance,
	/// Leases this account gives or receives (entries of `LeasesOut` and `LeasesIn`): when zero,
	/// accrual reads neither list.
	pub leases: u32,
}

impl PowerAccount {
	/// Whether the record holds nothing: no stake, no generation given or received and no
	/// lease. Its caps are then zero, and so is its Power: such a record is removed rather than
	/// stored (see `Pallet::store`), and nothing is lost.
	pub fn is_empty(&self) -> bool {
		self.staked == 0 && self.delegated_in == 0 && self.delegated_out == 0 && self.leases == 0
	}
}

/// What one sponsor gives to all its keys together.
#[derive(Clone, Copy, PartialEq, Eq, Default, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct SponsorTotals {
	/// Keys sponsored, at most `MaxSponsoredKeys`.
	pub keys: u32,
	/// Stake whose generation they receive, summed.
	pub amount: Balance,
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

/// A lease of generation for a period, seen from one side: `other` is the lessee in the
/// lessor's list and the lessor in the lessee's list.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Lease<AccountId> {
	/// The account on the other side.
	pub other: AccountId,
	/// Stake whose generation is leased.
	pub amount: Balance,
	/// Chain time at which it ends by itself.
	pub until: Moment,
}

/// The most one vote may cut generation: α of each kind and the cap period to no less than a
/// tenth. Together with the metering pallet's `MAX_CHANGE_PER_VOTE`, no single vote can leave
/// stakers unable to pay for the next vote.
pub const MAX_CUT_PER_VOTE: u128 = 10;

/// A point where α changed: the indices then and the rates from then on.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Checkpoint {
	/// Chain time of the change.
	pub at: Moment,
	/// The index of each kind at `at`.
	pub index: PerKind<u128>,
	/// α of each kind from `at` on.
	pub alpha: PerKind<FixedU128>,
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
	/// Power of each kind per staked Flux per day (PU); in JSON `{"msg": .., "exec": ..}`.
	#[serde(with = "per_kind_serde")]
	pub alpha: PerKind<FixedU128>,
	/// Each kind is capped at this much generation, as a duration in milliseconds (7 days:
	/// 604 800 000).
	pub cap_period: Moment,
}

/// `PerKind` in genesis JSON, as `{"msg": .., "exec": ..}` (the primitives crate has no serde).
mod per_kind_serde {
	use fluxomics_primitives::PerKind;
	use serde::{Deserialize, Deserializer, Serialize, Serializer};

	/// The JSON shape of a `PerKind`.
	#[derive(Serialize, Deserialize)]
	struct Pair<T> {
		msg: T,
		exec: T,
	}

	pub fn serialize<S: Serializer, T: Serialize>(
		value: &PerKind<T>,
		serializer: S,
	) -> Result<S::Ok, S::Error> {
		Pair { msg: &value.msg, exec: &value.exec }.serialize(serializer)
	}

	pub fn deserialize<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
		deserializer: D,
	) -> Result<PerKind<T>, D::Error> {
		let Pair { msg, exec } = Pair::<T>::deserialize(deserializer)?;
		Ok(PerKind::new(msg, exec))
	}
}
