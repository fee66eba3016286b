//! The market's stored and returned types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use fluxomics_primitives::{Balance, Moment};
use scale_info::TypeInfo;
use sp_arithmetic::Perbill;

/// The longest lease governance may allow: a year. A longer one would commit a lender's stake
/// beyond what a later vote can undo (leases made keep their terms).
pub const MAX_LEASE_DURATION: Moment = 365 * fluxomics_primitives::MILLIS_PER_DAY;

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
	/// Leases of this offer not yet cleaned up (at most `MaxLeasesPerOffer`).
	pub leases: u32,
}

/// An order-book entry: what `rent_best` needs to choose an offer without reading it.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct BookEntry {
	/// Flux planck per capacity-day.
	pub price: Balance,
	/// The offer.
	pub offer: OfferId,
	/// Stake available to rent.
	pub available: Balance,
	/// The least a lease of it may take now (an even share over its free lease slots).
	pub min_take: Balance,
	/// The shortest lease, in ms.
	pub min_duration: Moment,
	/// The longest lease, in ms.
	pub max_duration: Moment,
}

/// The price index: a volume-weighted average of fill prices whose volume fades by day.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug, Default)]
pub struct PriceIndexState {
	/// Flux planck per capacity-day.
	pub price: Balance,
	/// The volume behind it, in stake planck × days, faded to `at`.
	pub volume: Balance,
	/// The chain time the volume was last faded to (whole days after the first fill).
	pub at: Moment,
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
	/// The share of the price index's volume that fades each day.
	pub index_decay: Perbill,
}
