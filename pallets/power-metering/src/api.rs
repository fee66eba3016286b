//! What the runtime's `PowerApi` and `TransactionPaymentApi` call: the quote of an extrinsic,
//! computed by the very function that plans its charge, and its worth in HETU for wallets.
//!
//! Wallets (polkadot.js apps, polkadot-api's `getEstimatedFees`) ask
//! `TransactionPaymentApi::query_info` for a `partial_fee` in the chain's token. Here that is the
//! HETU value, at `hetu_per_flux`, of the Flux the charge would take: zero when Power covers it.
//! The full breakdown (Power of each kind, Flux, HETU converted) stays in `PowerApi::quote`.

use crate::{math, pallet::*, Call, HetuFee};
use fluxomics_primitives::{Balance, FluxLedger, PowerQuote, SelfFunding};
use frame_support::{
	dispatch::{DispatchInfo, Pays},
	traits::IsSubType,
	weights::Weight,
};

impl<T: Config> Pallet<T>
where
	<T as frame_system::Config>::RuntimeCall: IsSubType<Call<T>>,
{
	/// What a call with `info`, `len` bytes long, would cost `who` now, and how it would be paid
	/// (`PowerApi::quote`). Extrinsics that are not charged (unsigned, inherent or `Pays::No`)
	/// quote zero and payable.
	pub fn quote(
		who: Option<&T::AccountId>,
		call: &<T as frame_system::Config>::RuntimeCall,
		info: &DispatchInfo,
		len: usize,
	) -> PowerQuote {
		let Some(who) = who.filter(|_| info.pays_fee == Pays::Yes) else {
			return PowerQuote {
				payable: true,
				rate: ExchangeRate::<T>::get(),
				..Default::default()
			};
		};
		let (is_intent, _) = Self::classify(call);
		let releasable = T::SelfFunding::releasable(call, who);
		let mut quote =
			Self::plan_extrinsic_releasing(who, len, is_intent, info.total_weight(), releasable)
				.quote;
		quote.rate = ExchangeRate::<T>::get();
		// A signer with no system account (no provider, no sufficient: it holds Power only) is
		// refused by `CheckNonce` before any charge, so nothing it signs is payable: the quote
		// is the charge.
		let account = frame_system::Account::<T>::get(who);
		if account.providers == 0 && account.sufficients == 0 {
			quote.payable = false;
		}
		quote
	}

	/// What `quote` is worth to a wallet counting in HETU: the HETU value of the Flux it pays,
	/// split into its messaging part (`len_fee`) and its execution part (`adjusted_weight_fee`).
	/// Power pays no base fee: the extrinsic base weight is part of the execution cost.
	pub fn hetu_fee(quote: &PowerQuote) -> HetuFee {
		let flux = math::flux_by_kind(&quote.cost, &quote.from_power, quote.flux, quote.rate);
		let total = Self::hetu_value(quote.flux);
		let length = Self::hetu_value(flux.msg).min(total);
		HetuFee { length, weight: total.saturating_sub(length) }
	}

	/// What a call with `info`, `len` bytes long, is worth in HETU to a payer with no Power
	/// (`TransactionPaymentCallApi`: a call has no signer, so no Power is counted).
	pub fn call_fee(
		call: &<T as frame_system::Config>::RuntimeCall,
		info: &DispatchInfo,
		len: u32,
	) -> HetuFee {
		if info.pays_fee == Pays::No {
			return HetuFee::default();
		}
		let (is_intent, _) = Self::classify(call);
		let len = usize::try_from(len).unwrap_or(usize::MAX);
		let cost = Self::cost(len, is_intent, info.total_weight());
		let rate = ExchangeRate::<T>::get();
		let flux = math::flux_for_power(cost.total(), rate).unwrap_or(Balance::MAX);
		Self::hetu_fee(&PowerQuote { cost, flux, rate, ..Default::default() })
	}

	/// The HETU value of the execution Power `weight` costs, bought with Flux at R
	/// (`TransactionPaymentApi::query_weight_to_fee`).
	pub fn weight_to_hetu(weight: Weight) -> Balance {
		Self::power_to_hetu(Self::cost(0, false, weight).exec)
	}

	/// The HETU value of the messaging Power `len` bytes cost, bought with Flux at R
	/// (`TransactionPaymentApi::query_length_to_fee`).
	pub fn length_to_hetu(len: u32) -> Balance {
		Self::power_to_hetu(
			Self::cost(usize::try_from(len).unwrap_or(usize::MAX), false, Weight::zero()).msg,
		)
	}

	fn power_to_hetu(power: fluxomics_primitives::PowerUnits) -> Balance {
		let flux = math::flux_for_power(power, ExchangeRate::<T>::get()).unwrap_or(Balance::MAX);
		Self::hetu_value(flux)
	}

	/// The HETU value of `flux`, saturating (a fee too large to fit is the largest fee).
	fn hetu_value(flux: Balance) -> Balance {
		T::Flux::hetu_value(flux).unwrap_or(Balance::MAX)
	}
}
