//! Pricing, planning and carrying out charges, and the rate controller's block step. The
//! extension and the runtime API both go through [`Pallet::plan`], so a quote is the charge.

use crate::{
	math, pallet::*, Call, CallCounterparty, PaymentPlan, PowerCost, Settlement, WeightInfo,
};
use fluxomics_primitives::{
	FluxLedger, OnPowerCharged, PowerKind, PowerLedger, PowerQuote, PowerUnits,
};
use frame_support::{
	dispatch::{DispatchInfo, Pays},
	traits::IsSubType,
	weights::Weight,
};
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
	/// What an extrinsic of `len` bytes and weight `weight` costs now.
	pub fn cost(len: usize, is_intent: bool, weight: Weight) -> PowerCost {
		let len = u64::try_from(len).unwrap_or(u64::MAX);
		math::extrinsic_cost(&Schedule::<T>::get(), len, is_intent, weight.ref_time())
	}

	/// How `who` would pay for an extrinsic of `len` bytes and declared weight `weight` (call
	/// plus extensions). The cheap path is tried first: if Power covers the cost with the
	/// extension weighing only its Power path, that is the charge; otherwise the whole declared
	/// weight is priced and paid as far as Power goes, then with Flux. Either way the charge
	/// covers the weight the extrinsic can use, and a call that uses all it declared gets
	/// nothing back, so the quote is exactly the charge.
	pub fn plan_extrinsic(
		who: &T::AccountId,
		len: usize,
		is_intent: bool,
		weight: Weight,
	) -> PaymentPlan {
		// The payer's settlement is declared at its worst (the most leases); price what it takes.
		let settlement_saving = Self::settlement_saving(who);
		let weight = weight.saturating_sub(settlement_saving);
		let saving = Self::charge_weight().saturating_sub(Self::power_path_weight());
		let cheap = Self::plan(who, Self::cost(len, is_intent, weight.saturating_sub(saving)));
		let mut plan = if cheap.quote.flux == 0 && cheap.quote.payable {
			cheap
		} else {
			Self::plan(who, Self::cost(len, is_intent, weight))
		};
		plan.settlement_saving = settlement_saving;
		plan
	}

	/// How `who` would pay `cost` now: Power of each kind first, then free Flux at R for the
	/// deficit of both, then HETU converted for the Flux that is short. Reads only; the Flux
	/// ledger is not read at all when Power covers the cost.
	pub fn plan(who: &T::AccountId, cost: PowerCost) -> PaymentPlan {
		let (msg_have, exec_have) = T::Power::available_both(who);
		let msg_from_power = msg_have.min(cost.msg);
		let exec_from_power = exec_have.min(cost.exec);
		let deficit = cost
			.msg
			.saturating_sub(msg_from_power)
			.saturating_add(cost.exec.saturating_sub(exec_from_power));
		let mut quote = PowerQuote {
			msg: cost.msg,
			exec: cost.exec,
			msg_from_power,
			exec_from_power,
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
		let flux_to_convert = flux.saturating_sub(T::Flux::free(who));
		match T::Flux::quote_convert_for(who, flux_to_convert) {
			Some(hetu) => quote.hetu = hetu,
			None => quote.payable = false,
		}
		PaymentPlan { quote, flux_to_convert, ..Default::default() }
	}

	/// Carries out a payable plan, all or nothing.
	pub fn execute(who: &T::AccountId, plan: &PaymentPlan) -> DispatchResult {
		let q = &plan.quote;
		frame_support::storage::with_storage_layer(|| {
			T::Power::consume_both(who, q.msg_from_power, q.exec_from_power)?;
			if plan.flux_to_convert > 0 {
				T::Flux::convert_for(who, plan.flux_to_convert)?;
			}
			if q.flux > 0 {
				T::Flux::pay_to_sink(who, q.flux)?;
			}
			Ok(())
		})
	}

	/// Settles a charge after dispatch: `actual_exec` is the exec cost of the weight used
	/// (`None` when the call reported `Pays::No`: everything goes back). Refunds Flux first, at
	/// the rate of the charge and rounded down, then exec (and, for `Pays::No`, msg) Power.
	pub fn settle(
		who: &T::AccountId,
		plan: &PaymentPlan,
		actual_exec: Option<PowerUnits>,
	) -> Settlement {
		let q = &plan.quote;
		let exec_used = actual_exec.map_or(0, |e| e.min(q.exec));
		let exec_unused = q.exec.saturating_sub(exec_used);
		let mut unused = exec_unused;
		if actual_exec.is_none() {
			unused = unused.saturating_add(q.msg);
		}
		// Power not covered by the balance, and so paid in Flux.
		let paid_in_flux = q
			.msg
			.saturating_add(q.exec)
			.saturating_sub(q.msg_from_power)
			.saturating_sub(q.exec_from_power);
		let back_as_flux = unused.min(paid_in_flux);
		let flux_back = math::flux_worth(back_as_flux, q.rate).unwrap_or(0).min(q.flux);
		if flux_back > 0 {
			if let Err(e) = T::Flux::refund_from_sink(who, flux_back) {
				log::error!(target: crate::LOG_TARGET, "refund of {flux_back} Flux failed: {e:?}");
			}
		}
		let mut back_as_power = unused.saturating_sub(back_as_flux);
		let (mut msg_from_power, mut exec_from_power) = (q.msg_from_power, q.exec_from_power);
		let exec_back = back_as_power.min(exec_from_power);
		if exec_back > 0 {
			T::Power::refund(who, PowerKind::Exec, exec_back);
			exec_from_power = exec_from_power.saturating_sub(exec_back);
			back_as_power = back_as_power.saturating_sub(exec_back);
		}
		let msg_back = back_as_power.min(msg_from_power);
		if msg_back > 0 {
			T::Power::refund(who, PowerKind::Msg, msg_back);
			msg_from_power = msg_from_power.saturating_sub(msg_back);
		}
		let msg = if actual_exec.is_none() { 0 } else { q.msg };
		Settlement {
			msg,
			exec: exec_used,
			msg_from_power,
			exec_from_power,
			flux: q.flux.saturating_sub(flux_back),
			exec_refunded: exec_unused,
		}
	}

	/// Reports a settled charge: the event, the block's consumption, and the counterparty hook
	/// (self-interaction does not count).
	pub fn record(
		who: &T::AccountId,
		plan: &PaymentPlan,
		settled: &Settlement,
		counterparty: Option<&T::AccountId>,
	) {
		let power = settled.msg.saturating_add(settled.exec);
		ConsumedThisBlock::<T>::mutate(|c| *c = c.saturating_add(power));
		if let Some(to) = counterparty.filter(|to| *to != who) {
			T::OnCharge::on_power_charged(who, to, power);
		}
		Self::deposit_event(Event::PowerCharged {
			who: who.clone(),
			msg: settled.msg,
			exec: settled.exec,
			msg_from_power: settled.msg_from_power,
			exec_from_power: settled.exec_from_power,
			flux: settled.flux,
			hetu: plan.quote.hetu,
			exec_refunded: settled.exec_refunded,
		});
	}

	/// The controller's step at the end of a block: R moves with the block's consumption.
	pub fn update_rate() {
		let consumed = ConsumedThisBlock::<T>::take();
		let params = RateControl::<T>::get();
		ExchangeRate::<T>::mutate(|rate| *rate = math::next_rate(*rate, consumed, &params));
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
			.saturating_add(Self::max_settlement())
	}

	/// The extension's declared weight: its worst path, for a payer with the most leases.
	pub fn charge_weight() -> Weight {
		T::WeightInfo::charge_power()
			.max(T::WeightInfo::charge_power_with_flux())
			.saturating_add(T::OnCharge::weight())
			.saturating_add(Self::max_settlement())
	}

	/// The payer's Power is settled twice with a walk over its leases (validation, then the
	/// charge, which stores it): the benchmarks measure a payer without leases, this adds the most
	/// the walks can cost.
	fn max_settlement() -> Weight {
		T::Power::max_settlement_weight().saturating_mul(2)
	}

	/// What `who`'s settlements need less than `max_settlement`.
	fn settlement_saving(who: &T::AccountId) -> Weight {
		Self::max_settlement().saturating_sub(T::Power::settlement_weight(who).saturating_mul(2))
	}

	/// Checks the invariants: R within its bounds, valid parameters.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let params = RateControl::<T>::get();
		let rate = ExchangeRate::<T>::get();
		frame_support::ensure!(
			rate >= params.min_rate && rate <= params.max_rate,
			"R lies outside its bounds"
		);
		Self::validate_rate_params(&params).map_err(|_| "invalid rate parameters")?;
		Self::validate_schedule(&Schedule::<T>::get()).map_err(|_| "invalid cost schedule")?;
		Ok(())
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

	/// What a call with `info`, `len` bytes long, would cost `who` now, and how it would be paid;
	/// `None` for extrinsics that are not charged (unsigned, inherent or `Pays::No`).
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
		let mut quote = Self::plan_extrinsic(who, len, is_intent, info.total_weight()).quote;
		quote.rate = ExchangeRate::<T>::get();
		quote
	}
}
