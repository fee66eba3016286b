//! What wallets ask the runtime about fees: `TransactionPaymentApi` and
//! `TransactionPaymentCallApi` (polkadot.js apps' fee estimate, polkadot-api's
//! `getEstimatedFees`), and the bytes `PowerApi::quote` accepts.
//!
//! The answers come from the same plan as the charge (`pallet_power_metering::Pallet::quote`):
//! the weight is the extrinsic's, and `partial_fee` is the HETU value, at `hetu_per_flux`, of the
//! Flux the charge would take: zero when Power covers it. `query_fee_details` splits it into the
//! messaging part (`len_fee`) and the execution part (`adjusted_weight_fee`); Power has no base
//! fee (the extrinsic base weight is priced in the execution part) and no tip.
//!
//! In the `stock-fees` build (`make bench` only) the stock pallet answers, as it charges.

use crate::{Balance, Runtime, RuntimeCall, UncheckedExtrinsic};
use codec::{Compact, DecodeLimit, Encode};
use fluxomics_primitives::PowerQuote;
use frame_support::dispatch::GetDispatchInfo;
use pallet_transaction_payment::{FeeDetails, RuntimeDispatchInfo};

/// The extrinsic in `bytes`, whether they carry its length prefix (as the extrinsic encodes,
/// and as polkadot-api's signed transaction and polkadot.js's `toHex()` are) or not (what a
/// `Vec<u8>` argument holds when polkadot.js is given `tx.toU8a()`). `None` if neither decodes
/// to the end.
pub fn decode_extrinsic(bytes: &[u8]) -> Option<UncheckedExtrinsic> {
	let whole = |mut input: &[u8]| {
		UncheckedExtrinsic::decode_all_with_depth_limit(
			frame_support::MAX_EXTRINSIC_DEPTH,
			&mut input,
		)
		.ok()
	};
	whole(bytes).or_else(|| {
		let len = u32::try_from(bytes.len()).ok()?;
		let mut prefixed = Compact(len).encode();
		prefixed.extend_from_slice(bytes);
		whole(&prefixed)
	})
}

/// The account that signed `uxt`, if it is signed.
fn signer_of(uxt: &UncheckedExtrinsic) -> Option<crate::AccountId> {
	use sp_runtime::{generic::Preamble, traits::StaticLookup};
	match &uxt.preamble {
		Preamble::Signed(address, ..) => {
			<Runtime as frame_system::Config>::Lookup::lookup(address.clone()).ok()
		},
		_ => None,
	}
}

/// What `uxt`, `len` bytes long, would cost its signer now (nothing if unsigned).
pub fn power_quote(uxt: &UncheckedExtrinsic, len: usize) -> PowerQuote {
	let info = uxt.get_dispatch_info();
	crate::PowerMetering::quote(signer_of(uxt).as_ref(), &uxt.function, &info, len)
}

/// What a wallet is told `uxt` (with `info`, `len` bytes long) costs; `None` if nothing is
/// charged for it (unsigned, or `Pays::No`).
#[cfg(not(feature = "stock-fees"))]
fn fee_of(
	uxt: &UncheckedExtrinsic,
	info: &frame_support::dispatch::DispatchInfo,
	len: u32,
) -> Option<pallet_power_metering::HetuFee> {
	let signer = signer_of(uxt).filter(|_| info.pays_fee == frame_support::dispatch::Pays::Yes)?;
	let len = usize::try_from(len).unwrap_or(usize::MAX);
	let quote = crate::PowerMetering::quote(Some(&signer), &uxt.function, info, len);
	Some(crate::PowerMetering::hetu_fee(&quote))
}

#[cfg(not(feature = "stock-fees"))]
fn details(fee: Option<pallet_power_metering::HetuFee>) -> FeeDetails<Balance> {
	FeeDetails {
		inclusion_fee: fee.map(|fee| pallet_transaction_payment::InclusionFee {
			base_fee: 0,
			len_fee: fee.length,
			adjusted_weight_fee: fee.weight,
		}),
		tip: 0,
	}
}

/// `TransactionPaymentApi::query_info`.
#[cfg(not(feature = "stock-fees"))]
pub fn query_info(uxt: UncheckedExtrinsic, len: u32) -> RuntimeDispatchInfo<Balance> {
	let info = uxt.get_dispatch_info();
	let fee = fee_of(&uxt, &info, len).unwrap_or_default();
	RuntimeDispatchInfo { weight: info.total_weight(), class: info.class, partial_fee: fee.total() }
}

/// `TransactionPaymentApi::query_fee_details`.
#[cfg(not(feature = "stock-fees"))]
pub fn query_fee_details(uxt: UncheckedExtrinsic, len: u32) -> FeeDetails<Balance> {
	details(fee_of(&uxt, &uxt.get_dispatch_info(), len))
}

/// `TransactionPaymentCallApi::query_call_info`: a call has no signer, so no Power counts.
#[cfg(not(feature = "stock-fees"))]
pub fn query_call_info(call: RuntimeCall, len: u32) -> RuntimeDispatchInfo<Balance> {
	let info = call.get_dispatch_info();
	let fee = crate::PowerMetering::call_fee(&call, &info, len);
	RuntimeDispatchInfo { weight: info.total_weight(), class: info.class, partial_fee: fee.total() }
}

/// `TransactionPaymentCallApi::query_call_fee_details`.
#[cfg(not(feature = "stock-fees"))]
pub fn query_call_fee_details(call: RuntimeCall, len: u32) -> FeeDetails<Balance> {
	let info = call.get_dispatch_info();
	let pays = info.pays_fee == frame_support::dispatch::Pays::Yes;
	details(pays.then(|| crate::PowerMetering::call_fee(&call, &info, len)))
}

/// `query_weight_to_fee`: the HETU value of the execution Power `weight` costs at R.
#[cfg(not(feature = "stock-fees"))]
pub fn query_weight_to_fee(weight: frame_support::weights::Weight) -> Balance {
	crate::PowerMetering::weight_to_hetu(weight)
}

/// `query_length_to_fee`: the HETU value of the messaging Power `length` bytes cost at R.
#[cfg(not(feature = "stock-fees"))]
pub fn query_length_to_fee(length: u32) -> Balance {
	crate::PowerMetering::length_to_hetu(length)
}

#[cfg(feature = "stock-fees")]
pub use stock::*;

/// The stock answers, in the `stock-fees` build.
#[cfg(feature = "stock-fees")]
mod stock {
	use super::*;
	use crate::TransactionPayment;

	pub fn query_info(uxt: UncheckedExtrinsic, len: u32) -> RuntimeDispatchInfo<Balance> {
		TransactionPayment::query_info(uxt, len)
	}
	pub fn query_fee_details(uxt: UncheckedExtrinsic, len: u32) -> FeeDetails<Balance> {
		TransactionPayment::query_fee_details(uxt, len)
	}
	pub fn query_call_info(call: RuntimeCall, len: u32) -> RuntimeDispatchInfo<Balance> {
		TransactionPayment::query_call_info(call, len)
	}
	pub fn query_call_fee_details(call: RuntimeCall, len: u32) -> FeeDetails<Balance> {
		TransactionPayment::query_call_fee_details(call, len)
	}
	pub fn query_weight_to_fee(weight: frame_support::weights::Weight) -> Balance {
		TransactionPayment::weight_to_fee(weight)
	}
	pub fn query_length_to_fee(length: u32) -> Balance {
		TransactionPayment::length_to_fee(length)
	}
}
