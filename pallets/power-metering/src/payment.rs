//! Pricing, planning, carrying out and refunding charges. The extension and the runtime API
//! both go through [`Pallet::plan_extrinsic`], so a quote is the charge.
//!
//! A charge accrues its payer once per phase: validation reads its Power once
//! ([`PowerLedger::available`]), `prepare` takes it once ([`PowerLedger::consume`]), and
//! post-dispatch gives back once, both kinds together ([`PowerLedger::refund`]). The declared
//! weight counts these three walks over the payer's leases at their most, and a payer with fewer
//! leases gets the difference back.

use crate::{math, pallet::*, Call, CallCounterparty, FinalCharge, PaymentPlan, WeightInfo};
use fluxomics_primitives::{
	Balance, FluxLedger, OnPowerCharged, PerKind, PowerConsumption, PowerLedger, PowerQuote,
	PowerUnits,
};
use frame_support::{traits::IsSubType, weights::Weight};
use sp_runtime::DispatchResult;

/// How many times a charge accrues its payer: validation, `prepare` and the refund.
const ACCRUALS: u64 = 3;

impl<T: Config> Pallet<T> {
	/// What an extrinsic of `len` bytes and weight `weight` costs now.
	pub fn cost(len: usize, is_intent: bool, weight: Weight) -> PerKind<PowerUnits> {
		let len = u64::try_from(len).unwrap_or(u64::MAX);
		math::extrinsic_cost(&Schedule::<T>::get(), len, is_intent, weight.ref_time())
	}

	/// How `who` would pay for an extrinsic of `len` bytes and declared weight `weight` (call
	/// plus extensions). The cheap path is tried first: if Power covers the cost with the
	/// extension weighing only its Power path, that is the charge; otherwise the whole declared
	/// weight is priced and paid as far as Power goes, then with Flux. Either way the charge
	/// covers the weight the extrinsic can use, and a call that uses all it declared gets
	/// nothing back, so the quote is exactly the charge. Reads `who`'s Power once.
	pub fn plan_extrinsic(
		who: &T::AccountId,
		len: usize,
		is_intent: bool,
		weight: Weight,
	) -> PaymentPlan {
		Self::plan_extrinsic_releasing(who, len, is_intent, weight, 0)
	}

	/// [`plan_extrinsic`](Self::plan_extrinsic) for a call that releases `releasable` of the
	/// payer's own Flux, which pays after its free Flux and before any HETU is converted.
	pub fn plan_extrinsic_releasing(
		who: &T::AccountId,
		len: usize,
		is_intent: bool,
		weight: Weight,
		releasable: Balance,
	) -> PaymentPlan {
		let have = T::Power::available(who);
		// The payer's accruals are declared at their worst (the most leases); price what it takes.
		let accrual_saving = Self::accrual_saving(who);
		let weight = weight.saturating_sub(accrual_saving);
		let saving = Self::charge_weight().saturating_sub(Self::power_path_weight());
		let cheap = Self::plan_releasing(
			who,
			have,
			Self::cost(len, is_intent, weight.saturating_sub(saving)),
			releasable,
		);
		let mut plan = if cheap.quote.flux == 0 && cheap.quote.payable {
			cheap
		} else {
			Self::plan_releasing(who, have, Self::cost(len, is_intent, weight), releasable)
		};
		plan.accrual_saving = accrual_saving;
		plan
	}

	/// How `who`, holding `have` Power, would pay `cost` now: Power of each kind first, then
	/// free Flux at R for the deficit of both, then HETU converted for the Flux that is short.
	/// Reads only; neither R nor the Flux ledger is read when Power covers the cost.
	pub fn plan(
		who: &T::AccountId,
		have: PerKind<PowerUnits>,
		cost: PerKind<PowerUnits>,
	) -> PaymentPlan {
		Self::plan_releasing(who, have, cost, 0)
	}

	/// [`plan`](Self::plan), with `releasable` Flux of the call's own paying after free Flux.
	pub fn plan_releasing(
		who: &T::AccountId,
		have: PerKind<PowerUnits>,
		cost: PerKind<PowerUnits>,
		releasable: Balance,
	) -> PaymentPlan {
		let from_power = have.min(cost);
		let deficit = cost.saturating_sub(from_power).total();
		let mut quote = PowerQuote {
			cost,
			from_power,
			priority: math::priority(&cost),
			payable: true,
			..Default::default()
		};
		// Power covers it: neither R nor the Flux ledger is read.
		if deficit == 0 {
			return PaymentPlan { quote, ..Default::default() };
		}
		quote.rate = ExchangeRate::<T>::get();
		let Some(flux) = math::flux_for_power(deficit, quote.rate) else {
			quote.payable = false;
			return PaymentPlan { quote, ..Default::default() };
		};
		quote.flux = flux;
		let short = flux.saturating_sub(T::Flux::free(who));
		let released = short.min(releasable);
		let flux_to_convert = short.saturating_sub(released);
		match T::Flux::quote_convert_for(who, flux_to_convert) {
			Some(hetu) => quote.hetu = hetu,
			None => quote.payable = false,
		}
		PaymentPlan { quote, flux_to_convert, released, ..Default::default() }
	}

	/// Carries out a payable plan, all or nothing: one `consume` of both kinds, then the Flux.
	pub fn execute(who: &T::AccountId, plan: &PaymentPlan) -> DispatchResult {
		let q = &plan.quote;
		frame_support::storage::with_storage_layer(|| {
			T::Power::consume(who, q.from_power)?;
			if plan.flux_to_convert > 0 {
				T::Flux::convert_for(who, plan.flux_to_convert)?;
			}
			if q.flux > 0 {
				T::Flux::pay_to_sink(who, q.flux)?;
			}
			Ok(())
		})
	}

	/// Refunds what a charge did not use, after dispatch: `actual_exec` is the exec cost of the
	/// weight used (`None` gives everything back; the extension always passes the weight used,
	/// whatever the call reported). Flux comes
	/// back first, at the rate of the charge and rounded down, then Power (exec before msg) in
	/// one refund of both kinds.
	pub fn refund_unused(
		who: &T::AccountId,
		plan: &PaymentPlan,
		actual_exec: Option<PowerUnits>,
	) -> FinalCharge {
		let q = &plan.quote;
		let pays = actual_exec.is_some();
		let exec_used = actual_exec.map_or(0, |e| e.min(q.cost.exec));
		// What goes back: unused exec, and msg too when the call does not pay.
		let unused =
			PerKind::new(if pays { 0 } else { q.cost.msg }, q.cost.exec.saturating_sub(exec_used));
		// Power not covered by the balance, and so paid in Flux.
		let paid_in_flux = q.cost.saturating_sub(q.from_power).total();
		let back_as_flux = unused.total().min(paid_in_flux);
		let flux_back = math::flux_worth(back_as_flux, q.rate).unwrap_or(0).min(q.flux);
		if flux_back > 0 {
			if let Err(e) = T::Flux::refund_from_sink(who, flux_back) {
				log::error!(target: crate::LOG_TARGET, "refund of {flux_back} Flux failed: {e:?}");
			}
		}
		let back_as_power = unused.total().saturating_sub(back_as_flux);
		let exec_back = back_as_power.min(q.from_power.exec);
		let msg_back = back_as_power.saturating_sub(exec_back).min(q.from_power.msg);
		let power_back = PerKind::new(msg_back, exec_back);
		if !power_back.is_zero() {
			T::Power::refund(who, power_back);
		}
		FinalCharge {
			cost: PerKind::new(if pays { q.cost.msg } else { 0 }, exec_used),
			from_power: q.from_power.saturating_sub(power_back),
			flux: q.flux.saturating_sub(flux_back),
			refunded: unused,
		}
	}

	/// Reports a finished charge: the event, the block's consumption, and the counterparty hook
	/// (self-interaction does not count).
	pub fn record(
		who: &T::AccountId,
		plan: &PaymentPlan,
		charge: &FinalCharge,
		counterparty: Option<&T::AccountId>,
	) {
		let power = charge.cost.total();
		<Self as PowerConsumption>::note_consumed(power);
		if let Some(to) = counterparty.filter(|to| *to != who) {
			T::OnCharge::on_power_charged(who, to, power);
		}
		Self::deposit_event(Event::PowerCharged {
			who: who.clone(),
			cost: charge.cost,
			from_power: charge.from_power,
			flux: charge.flux,
			hetu: plan.quote.hetu,
			refunded: charge.refunded,
		});
	}

	/// The extension's weight on the path `plan` takes (the worst path is its declared weight).
	pub fn path_weight(plan: &PaymentPlan) -> Weight {
		if plan.quote.flux > 0 {
			Self::charge_weight()
		} else {
			Self::power_path_weight()
		}
	}

	/// The extension's weight when Power covers the cost.
	fn power_path_weight() -> Weight {
		T::WeightInfo::charge_power()
			.saturating_add(T::OnCharge::weight())
			.saturating_add(Self::max_accruals())
	}

	/// The extension's declared weight: its worst path, for a payer with the most leases.
	pub fn charge_weight() -> Weight {
		T::WeightInfo::charge_power()
			.max(T::WeightInfo::charge_power_with_flux())
			.saturating_add(T::OnCharge::weight())
			.saturating_add(Self::max_accruals())
	}

	/// The benchmarks measure a payer without leases; a charge accrues its payer three times
	/// (validation, `prepare`, the refund), each a walk over its leases: this is the most those
	/// walks can add.
	fn max_accruals() -> Weight {
		T::Power::max_accrual_weight().saturating_mul(ACCRUALS)
	}

	/// What `who`'s three accruals need less than [`Self::max_accruals`].
	fn accrual_saving(who: &T::AccountId) -> Weight {
		Self::max_accruals().saturating_sub(T::Power::accrual_weight(who).saturating_mul(ACCRUALS))
	}
}

impl<T: Config> Pallet<T>
where
	<T as frame_system::Config>::RuntimeCall: IsSubType<Call<T>>,
{
	/// Whether `call` is an intent, and its counterparty: the pallet's own messages first, then
	/// the runtime's choice.
	pub fn classify(
		call: &<T as frame_system::Config>::RuntimeCall,
	) -> (bool, Option<T::AccountId>) {
		if let Some(Call::send_message { to, is_intent, .. }) = call.is_sub_type() {
			return (*is_intent, Some(to.clone()));
		}
		(false, T::Counterparty::counterparty(call))
	}
}
