//! The metering pallet's stored and exchanged types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use fluxomics_primitives::{Balance, PerKind, PowerQuote, PowerUnits};
use frame_support::weights::Weight;
use scale_info::TypeInfo;
use sp_arithmetic::{FixedU128, Perbill};

/// The fewest steps a block's whole `ref_time` must hold: `step_weight` may be at most
/// `max_block.ref_time / MIN_STEPS_PER_BLOCK` (2 ms of the runtime's 2 s block; the default step
/// is 1 µs, 2 000 000 a block). With a larger step every call would cost about the same whatever
/// its weight (at `u64::MAX` a call filling the block pays one step, `e_step`, as a transfer
/// does): a thousand steps keep the exec price within a thousandth of a block of the weight
/// used. The bound also keeps `step_weight × steps` within a block, so it cannot overflow.
pub const MIN_STEPS_PER_BLOCK: u64 = 1_000;

/// The most one vote may make Power dearer: each price of the schedule at most ×10, a step at
/// least a tenth of its weight, R's bounds at least a tenth of theirs. A vote that would price
/// every extrinsic (the next vote included) out of reach takes as many referenda as factors of
/// ten, each visible for its whole decision period, and each undone by the next.
pub const MAX_CHANGE_PER_VOTE: u128 = 10;

/// What one signed extrinsic costs (design §4), every term governed.
///
/// - `msg = p0 + p_size · encoded_len + p_intent · [intent]`
/// - `exec = e0 + e_step · ceil(ref_time / step_weight) + e_tx`
/// - agent work reported off-chain (PoCW) costs
///   `e0 + e_step · steps + e_model · model_calls + e_tx · onchain_transactions`.
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
pub struct CostSchedule {
	/// Messaging Power every extrinsic costs.
	pub p0: PowerUnits,
	/// Messaging Power per byte of the encoded extrinsic; at least one (a free byte would make a
	/// 5 MiB message cost what an empty one does).
	pub p_size: PowerUnits,
	/// Messaging Power an intent costs on top of a message.
	pub p_intent: PowerUnits,
	/// Execution Power every extrinsic costs.
	pub e0: PowerUnits,
	/// Execution Power per step of weight; at least one (free steps would make a call that
	/// fills the block cost what a transfer does).
	pub e_step: PowerUnits,
	/// Execution Power per model call of reported agent work.
	pub e_model: PowerUnits,
	/// Execution Power per on-chain transaction.
	pub e_tx: PowerUnits,
	/// Reference time (picoseconds of weight) in one step; never zero, and at most
	/// `max_block.ref_time / MIN_STEPS_PER_BLOCK`.
	pub step_weight: u64,
}

/// How the exchange rate R (Power units per Flux) follows demand, in the style of
/// `TargetedFeeAdjustment`: each block moves R by at most `max_change` of itself, down when the
/// Power consumed in the block was above `target`, up when below, always within
/// `[min_rate, max_rate]`.
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
pub struct RateParams {
	/// Power (both kinds) consumed per block at which R stays where it is; never zero.
	pub target: PowerUnits,
	/// The lowest R (Power is dearest in Flux); above zero.
	pub min_rate: FixedU128,
	/// The highest R (Power is cheapest in Flux).
	pub max_rate: FixedU128,
	/// The largest change of R in one block, as a share of R; above zero.
	pub max_change: Perbill,
}

/// Everything governance sets in one call ([`Pallet::set_params`](crate::Pallet::set_params)):
/// the cost schedule and how R follows demand.
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
pub struct MeteringParams {
	/// What extrinsics cost, in each kind of Power.
	pub schedule: CostSchedule,
	/// How the exchange rate R follows demand.
	pub rate: RateParams,
}

/// What a charge is worth in HETU, for wallets (`TransactionPaymentApi`): the HETU value, at
/// `hetu_per_flux`, of the Flux it pays for each kind of Power its Power did not cover.
#[derive(Clone, Copy, PartialEq, Eq, Default, Debug)]
pub struct HetuFee {
	/// For the messaging Power (the length of the extrinsic): `len_fee`.
	pub length: Balance,
	/// For the execution Power (its weight): `adjusted_weight_fee`.
	pub weight: Balance,
}

impl HetuFee {
	/// Both parts: `partial_fee`.
	pub fn total(&self) -> Balance {
		self.length.saturating_add(self.weight)
	}
}

/// How a charge is paid: the quote clients see, plus what the charge needs to carry it out.
#[derive(Clone, PartialEq, Eq, Default, Debug)]
pub struct PaymentPlan {
	/// What clients see (`PowerApi::quote`).
	pub quote: PowerQuote,
	/// Flux to mint from HETU before paying (free Flux was short by this much).
	pub flux_to_convert: Balance,
	/// Flux the call releases to the payer and pays with first ([`fluxomics_primitives::SelfFunding`]).
	pub released: Balance,
	/// Of the weight declared for accruing the payer (three walks over the most leases), what
	/// this payer does not need (it has fewer leases): returned after dispatch.
	pub accrual_saving: Weight,
}

/// What a charge finally comes to once the unused part is refunded after dispatch, for the
/// event and the counterparty hook.
#[derive(Clone, Copy, PartialEq, Eq, Default, Debug)]
pub struct FinalCharge {
	/// Power finally charged, of each kind.
	pub cost: PerKind<PowerUnits>,
	/// Power finally taken from the balance, of each kind.
	pub from_power: PerKind<PowerUnits>,
	/// Flux finally paid to the sink.
	pub flux: Balance,
	/// Power refunded (as Power or as Flux) and not counted in `cost`: the exec cost of unused
	/// weight.
	pub refunded: PerKind<PowerUnits>,
}
