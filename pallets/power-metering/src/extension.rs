//! The `ChargePower` transaction extension: every signed extrinsic pays in Power (then Flux,
//! then HETU converted) before it runs, and gets back the exec cost of unused weight after.
//!
//! `validate` plans the charge ([`Pallet::plan_extrinsic`]: the payer's Power is read once),
//! `prepare` carries it out ([`Pallet::execute`]: one `consume`), and `post_dispatch` refunds
//! what the call did not use ([`Pallet::refund_unused`]: one `refund`) and records the charge.

use crate::{math, pallet::*, Call, CallCounterparty, PaymentPlan};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use fluxomics_primitives::SelfFunding;
use frame_support::{
	dispatch::{DispatchInfo, Pays, PostDispatchInfo},
	traits::IsSubType,
	weights::Weight,
};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{
		DispatchInfoOf, Dispatchable, Implication, PostDispatchInfoOf, TransactionExtension,
		ValidateResult,
	},
	transaction_validity::{
		InvalidTransaction, TransactionSource, TransactionValidityError, ValidTransaction,
	},
	DispatchResult,
};

/// Charges the signer of every signed extrinsic in Power. Carries no data: clients sign with it
/// without knowing anything about it.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct ChargePower<T>(PhantomData<T>);

impl<T> ChargePower<T> {
	/// The extension (it has no parameters).
	pub const fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T> Default for ChargePower<T> {
	fn default() -> Self {
		Self::new()
	}
}

impl<T> core::fmt::Debug for ChargePower<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "ChargePower")
	}
}

/// What validation decided, for `prepare`.
pub enum Val<AccountId> {
	/// Not charged (unsigned, inherent, `Pays::No`).
	NoCharge,
	/// Charged along `plan`.
	Charge { who: AccountId, plan: PaymentPlan, counterparty: Option<AccountId> },
}

/// What `prepare` did, for `post_dispatch`.
pub enum Pre<AccountId> {
	/// Not charged: all of the extension's weight was unused.
	NoCharge { unspent: Weight },
	/// Charged along `plan`; `unspent` is what the path taken saved on the declared weight.
	Charge { who: AccountId, plan: PaymentPlan, counterparty: Option<AccountId>, unspent: Weight },
}

impl<T: Config + Send + Sync> TransactionExtension<<T as frame_system::Config>::RuntimeCall>
	for ChargePower<T>
where
	<T as frame_system::Config>::RuntimeCall:
		Dispatchable<Info = DispatchInfo, PostInfo = PostDispatchInfo> + IsSubType<Call<T>>,
{
	const IDENTIFIER: &'static str = "ChargePower";
	type Implicit = ();
	type Val = Val<T::AccountId>;
	type Pre = Pre<T::AccountId>;

	fn weight(&self, call: &<T as frame_system::Config>::RuntimeCall) -> Weight {
		Pallet::<T>::charge_weight()
			.saturating_add(T::Counterparty::weight(call))
			.saturating_add(T::SelfFunding::weight(call))
	}

	fn validate(
		&self,
		origin: <T as frame_system::Config>::RuntimeOrigin,
		call: &<T as frame_system::Config>::RuntimeCall,
		info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		len: usize,
		_: (),
		_: &impl Implication,
		_: TransactionSource,
	) -> ValidateResult<Self::Val, <T as frame_system::Config>::RuntimeCall> {
		let who = match frame_system::ensure_signed(origin.clone()) {
			Ok(who) if info.pays_fee == Pays::Yes => who,
			_ => return Ok((ValidTransaction::default(), Val::NoCharge, origin)),
		};
		let (is_intent, counterparty) = Pallet::<T>::classify(call);
		let releasable = T::SelfFunding::releasable(call, &who);
		let plan = Pallet::<T>::plan_extrinsic_releasing(
			&who,
			len,
			is_intent,
			info.total_weight(),
			releasable,
		);
		if !plan.quote.payable {
			return Err(InvalidTransaction::Payment.into());
		}
		let valid = ValidTransaction { priority: plan.quote.priority, ..Default::default() };
		Ok((valid, Val::Charge { who, plan, counterparty }, origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		_: &<T as frame_system::Config>::RuntimeOrigin,
		call: &<T as frame_system::Config>::RuntimeCall,
		_: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		match val {
			Val::NoCharge => Ok(Pre::NoCharge { unspent: self.weight(call) }),
			Val::Charge { who, plan, counterparty } => {
				frame_support::storage::with_storage_layer(|| {
					if plan.released > 0 {
						T::SelfFunding::release(call, &who, plan.released)?;
					}
					Pallet::<T>::execute(&who, &plan)
				})
				.map_err(|_| InvalidTransaction::Payment)?;
				// The counterparty's share of the declared weight was spent at validation.
				let unspent = Pallet::<T>::charge_weight()
					.saturating_sub(Pallet::<T>::path_weight(&plan))
					.saturating_add(plan.accrual_saving);
				Ok(Pre::Charge { who, plan, counterparty, unspent })
			},
		}
	}

	fn post_dispatch_details(
		pre: Self::Pre,
		info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		post_info: &PostDispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_: usize,
		_: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		let (who, plan, counterparty, unspent) = match pre {
			Pre::NoCharge { unspent } => return Ok(unspent),
			Pre::Charge { who, plan, counterparty, unspent } => (who, plan, counterparty, unspent),
		};
		// A call that reports `Pays::No` after dispatch pays like any other: its msg cost and the
		// exec of the weight it used. Refunding it whole would let anyone repeat such a call for
		// free (a requested preimage noted again and again while its referendum waits).
		let used = post_info.calc_actual_weight(info).saturating_sub(unspent);
		let actual_exec = Some(math::exec_cost(&Schedule::<T>::get(), used.ref_time()));
		let charge = Pallet::<T>::refund_unused(&who, &plan, actual_exec);
		Pallet::<T>::record(&who, &plan, &charge, counterparty.as_ref());
		Ok(unspent)
	}
}
