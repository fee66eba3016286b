//! What the runtime's `PowerApi` calls: the quote of an extrinsic, computed by the very function
//! that plans its charge.

use crate::{pallet::*, Call};
use fluxomics_primitives::{PowerQuote, SelfFunding};
use frame_support::{
	dispatch::{DispatchInfo, Pays},
	traits::IsSubType,
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
}
