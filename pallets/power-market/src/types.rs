//! The market's stored and returned types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use fluxomics_primitives::{Balance, Moment};
use scale_info::TypeInfo;
use sp_arithmetic::Perbill;

/// Offer identifiers, in listing order.
pub type OfferId = u32;
/// Lease identifiers, in renting order.
pub type LeaseId = u32;

/// A lender's listing of staked Flux as rentable generation.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Offer<AccountId> {
	/// Whose stake it is.
	pub lender: AccountId,
	/// Stake still available to rent, in planck (reserved: it cannot be unstaked or delegated).
	pub available: Balance,
	/// Stake currently leased out of this offer.
	pub leased: Balance,
	/// Flux planck per capacity-day (the generation of one Flux of stake for one day).
	pub price: Balance,
	/// The shortest lease, in milliseconds.
	pub min_duration: Moment,
	/// The longest lease, in milliseconds.
	pub max_duration: Moment,
}

/// A lease: the generation of `amount` of the lender's stake goes to the renter until `end`.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Lease<AccountId> {
	/// The offer it was taken from.
	pub offer: OfferId,
	/// Whose stake generates.
	pub lender: AccountId,
	/// Who receives the generation.
	pub renter: AccountId,
	/// Stake leased, in planck.
	pub amount: Balance,
	/// Chain time it started.
	pub start: Moment,
	/// Chain time it ends (generation stops then, processed or not).
	pub end: Moment,
	/// What the renter paid, in Flux planck.
	pub paid: Balance,
}

/// The market's governed parameters.
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
pub struct MarketParams {
	/// The share of every rent paid to the protocol sink.
	pub fee_share: Perbill,
	/// The least stake an offer may list, and the least a lease may take.
	pub min_amount: Balance,
	/// The shortest lease any offer may allow, in ms.
	pub min_duration: Moment,
	/// The longest lease any offer may allow, in ms.
	pub max_duration: Moment,
	/// The weight of a new fill in the price index (moving average).
	pub index_weight: Perbill,
}
