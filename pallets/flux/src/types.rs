//! The Flux ledger's stored types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use fluxomics_primitives::{Balance, Moment};
use frame_support::{traits::Get, BoundedVec};
use scale_info::TypeInfo;
use sp_arithmetic::FixedU128;

/// Flux on its way out of stake: free again at `thaw_at`.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct UnbondingChunk {
	/// Flux in this chunk.
	pub amount: Balance,
	/// Chain time at which the chunk may be withdrawn.
	pub thaw_at: Moment,
}

/// One account's Flux, in every state it can be in.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
#[scale_info(skip_type_params(MaxChunks))]
#[codec(mel_bound())]
pub struct FluxAccount<MaxChunks: Get<u32>> {
	/// Spendable on fees, rent and collateral.
	pub free: Balance,
	/// Generating Power.
	pub staked: Balance,
	/// Set aside by a protocol (PoCW collateral); returns to free or is slashed.
	pub held: Balance,
	/// Leaving stake, oldest first (thaw times strictly increase).
	pub unbonding: BoundedVec<UnbondingChunk, MaxChunks>,
}

impl<MaxChunks: Get<u32>> Default for FluxAccount<MaxChunks> {
	fn default() -> Self {
		Self { free: 0, staked: 0, held: 0, unbonding: BoundedVec::default() }
	}
}

impl<MaxChunks: Get<u32>> FluxAccount<MaxChunks> {
	/// Flux in all unbonding chunks.
	pub fn unbonding_total(&self) -> Balance {
		self.unbonding.iter().fold(0, |sum, c| sum.saturating_add(c.amount))
	}

	/// All the account's Flux.
	pub fn total(&self) -> Balance {
		self.free
			.saturating_add(self.staked)
			.saturating_add(self.held)
			.saturating_add(self.unbonding_total())
	}

	/// Whether the account holds no Flux at all (and so may be removed).
	pub fn is_empty(&self) -> bool {
		self.total() == 0
	}
}

/// The least `hetu_per_flux` governance may set: a thousandth of a HETU per Flux.
///
/// HETU and Flux both have 12 decimals, so a decimal slip in a vote (planck for unit) moves the
/// rate by 10¹²; either bound catches it. At this floor one HETU mints at most 1 000 Flux, and
/// the Flux a `convert_for` (a fee paid from HETU) mints beyond what it was asked for, which is
/// below `1 / hetu_per_flux` planck, stays under 1 000 planck: dust HETU never mints more than
/// dust Flux.
pub const MIN_HETU_PER_FLUX: FixedU128 = FixedU128::from_rational(1, 1_000);

/// The most `hetu_per_flux` governance may set: 1 000 HETU per Flux, three orders of magnitude
/// above the launch price (1), as the floor is below it. Above it a newcomer holding only HETU
/// could no longer pay a fee of a few Flux; a wider move needs a runtime upgrade, on purpose.
pub const MAX_HETU_PER_FLUX: FixedU128 = FixedU128::from_u32(1_000);

/// The Flux pallet's governed parameters (allowed ranges in `validate_params`).
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
pub struct FluxParams {
	/// HETU paid for one Flux by `convert` (default 1); within
	/// [[`MIN_HETU_PER_FLUX`], [`MAX_HETU_PER_FLUX`]].
	pub hetu_per_flux: FixedU128,
	/// Chain time from `unstake` until the Flux can be withdrawn, in milliseconds.
	pub unbonding_period: Moment,
	/// The least Flux an account may have staked (other than none).
	pub min_stake: Balance,
	/// The least Flux one `convert` may mint.
	pub min_convert: Balance,
}
