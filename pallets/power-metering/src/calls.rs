//! The bodies of the calls, and the checks `set_params` (and genesis, and the invariants) apply
//! to the governed parameters.

use crate::{pallet::*, MeteringParams};
use alloc::vec::Vec;
use fluxomics_primitives::UNIT;
use frame_support::{ensure, traits::Get};
use sp_arithmetic::{traits::Zero, FixedPointNumber, FixedU128, Perbill};
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
	/// Publishes `payload` from `from` to `to` (its cost was charged by `ChargePower`).
	pub(crate) fn do_send_message(
		from: T::AccountId,
		to: T::AccountId,
		payload: Vec<u8>,
		is_intent: bool,
	) -> DispatchResult {
		let max = usize::try_from(T::MaxPayloadLen::get()).unwrap_or(usize::MAX);
		ensure!(payload.len() <= max, Error::<T>::PayloadTooLong);
		Self::deposit_event(Event::MessageSent { from, to, is_intent, payload });
		Ok(())
	}

	/// Replaces the schedule and the rate parameters after checking both, and brings R within
	/// the new bounds at once.
	pub(crate) fn do_set_params(params: MeteringParams) -> DispatchResult {
		Self::validate_params(&params)?;
		let old = Self::params();
		Self::validate_change(&old, &params)?;
		Schedule::<T>::put(params.schedule);
		RateControl::<T>::put(params.rate);
		let rate = ExchangeRate::<T>::get().max(params.rate.min_rate).min(params.rate.max_rate);
		ExchangeRate::<T>::put(rate);
		Self::deposit_event(Event::ParamsSet { old, new: params, rate });
		Ok(())
	}

	/// The governed parameters in force.
	pub fn params() -> MeteringParams {
		MeteringParams { schedule: Schedule::<T>::get(), rate: RateControl::<T>::get() }
	}

	/// The parameters until genesis or governance sets others.
	pub fn default_params() -> MeteringParams {
		MeteringParams { schedule: DefaultSchedule::get(), rate: DefaultRateParams::get() }
	}

	/// Checks governed parameters: the schedule first, then the rate parameters.
	pub fn validate_params(params: &MeteringParams) -> DispatchResult {
		Self::validate_schedule(&params.schedule)?;
		Self::validate_rate_params(&params.rate)
	}

	/// Checks that one vote makes Power at most `MAX_CHANGE_PER_VOTE` times dearer than both the
	/// parameters in force and the defaults, so that no single vote prices governance itself out
	/// of reach, while a vote back to the defaults is always allowed (a zero price may rise to ten
	/// PU).
	pub fn validate_change(old: &MeteringParams, new: &MeteringParams) -> DispatchResult {
		use fluxomics_primitives::vote_reach::{length_within, rate_floor};
		let k = crate::MAX_CHANGE_PER_VOTE;
		let d = Self::default_params();
		let (o, n, ds) = (&old.schedule, &new.schedule, &d.schedule);
		let prices = [
			(o.p0, n.p0, ds.p0),
			(o.p_size, n.p_size, ds.p_size),
			(o.p_intent, n.p_intent, ds.p_intent),
			(o.e0, n.e0, ds.e0),
			(o.e_step, n.e_step, ds.e_step),
			(o.e_model, n.e_model, ds.e_model),
			(o.e_tx, n.e_tx, ds.e_tx),
		];
		ensure!(
			prices.iter().all(|(o, n, d)| *n <= o.max(&1).saturating_mul(k).max(*d)),
			Error::<T>::ChangeTooLarge
		);
		let k64 = u64::try_from(k).unwrap_or(u64::MAX);
		ensure!(
			length_within(n.step_weight, o.step_weight, ds.step_weight, k64),
			Error::<T>::ChangeTooLarge
		);
		// R itself falls at most tenfold (its ceiling at least a tenth of R now, whatever the
		// default), and its floor at most tenfold (or to the default floor).
		ensure!(
			new.rate.min_rate >= rate_floor(old.rate.min_rate, d.rate.min_rate, k)
				&& new.rate.max_rate
					>= rate_floor(ExchangeRate::<T>::get(), FixedU128::from_inner(u128::MAX), k),
			Error::<T>::ChangeTooLarge
		);
		Ok(())
	}

	/// The largest `step_weight` allowed: a block's `ref_time` holds at least
	/// [`MIN_STEPS_PER_BLOCK`](crate::MIN_STEPS_PER_BLOCK) steps.
	pub fn max_step_weight() -> u64 {
		let max_block = <T as frame_system::Config>::BlockWeights::get().max_block.ref_time();
		max_block.checked_div(crate::MIN_STEPS_PER_BLOCK).unwrap_or(0).max(1)
	}

	/// Checks a schedule: steps weigh something and at most a thousandth of a block, no
	/// extrinsic is free, bytes and steps cost something, and the largest extrinsic a block can
	/// hold is priced without overflow.
	pub fn validate_schedule(s: &crate::CostSchedule) -> DispatchResult {
		ensure!(s.step_weight > 0, Error::<T>::ZeroStepWeight);
		let base = s.p0.checked_add(s.e0).and_then(|b| b.checked_add(s.e_tx));
		ensure!(base.is_some_and(|b| b > 0), Error::<T>::FreeExtrinsics);
		ensure!(s.p_size > 0, Error::<T>::ZeroSizePrice);
		ensure!(s.e_step > 0, Error::<T>::ZeroStepPrice);
		let limits = <T as frame_system::Config>::BlockWeights::get();
		ensure!(s.step_weight <= Self::max_step_weight(), Error::<T>::StepWeightTooLarge);
		let max_len = *<T as frame_system::Config>::BlockLength::get()
			.max
			.get(frame_support::dispatch::DispatchClass::Operational);
		let max_steps = crate::math::steps(limits.max_block.ref_time(), s.step_weight);
		let msg = s
			.p_size
			.checked_mul(max_len.into())
			.and_then(|m| m.checked_add(s.p0))
			.and_then(|m| m.checked_add(s.p_intent));
		let exec = s
			.e_step
			.checked_mul(max_steps.into())
			.and_then(|e| e.checked_add(s.e0))
			.and_then(|e| e.checked_add(s.e_tx));
		let total = msg.zip(exec).and_then(|(m, e)| m.checked_add(e));
		ensure!(total.is_some(), Error::<T>::ScheduleOverflow);
		Ok(())
	}

	/// Checks rate parameters: a target, bounds with a positive floor, and a change per
	/// block that can move R but never by more than half.
	pub fn validate_rate_params(p: &crate::RateParams) -> DispatchResult {
		ensure!(p.target > 0, Error::<T>::ZeroTarget);
		ensure!(!p.min_rate.is_zero(), Error::<T>::ZeroMinRate);
		ensure!(p.min_rate <= p.max_rate, Error::<T>::MinRateAboveMax);
		ensure!(!p.max_change.is_zero(), Error::<T>::ZeroMaxChange);
		ensure!(p.max_change <= Perbill::from_percent(50), Error::<T>::MaxChangeTooLarge);
		// One PU must always cost at least one planck of Flux.
		ensure!(p.max_rate <= FixedU128::saturating_from_integer(UNIT), Error::<T>::MaxRateTooHigh);
		Ok(())
	}
}
