//! Governed parameters: validated, evented, never stored when bad.

use super::mock::*;
use crate::{pallet::*, Error, Event};
use frame_support::{assert_noop, assert_ok};
use sp_arithmetic::{traits::Saturating, FixedU128, Perbill};

#[test]
fn set_schedule_replaces_and_reports_old_and_new() {
	ExtBuilder::build_and_execute(|| {
		let mut new = test_schedule();
		new.e_step = 2;
		assert_ok!(PowerMetering::set_schedule(RuntimeOrigin::root(), new));
		assert_eq!(Schedule::<Test>::get(), new);
		assert_eq!(last_event(), Event::ScheduleSet { old: test_schedule(), new });
	});
}

#[test]
fn bad_schedules_are_refused() {
	ExtBuilder::build_and_execute(|| {
		let with = |f: fn(&mut crate::CostSchedule)| {
			let mut s = test_schedule();
			f(&mut s);
			s
		};
		assert_noop!(
			PowerMetering::set_schedule(RuntimeOrigin::signed(ALICE), test_schedule()),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			PowerMetering::set_schedule(RuntimeOrigin::root(), with(|s| s.step_weight = 0)),
			Error::<Test>::ZeroStepWeight
		);
		assert_noop!(
			PowerMetering::set_schedule(
				RuntimeOrigin::root(),
				with(|s| {
					s.p0 = 0;
					s.e0 = 0;
					s.e_tx = 0
				})
			),
			Error::<Test>::FreeExtrinsics
		);
		assert_noop!(
			PowerMetering::set_schedule(RuntimeOrigin::root(), with(|s| s.p_size = u128::MAX / 2)),
			Error::<Test>::ScheduleOverflow
		);
		assert_noop!(
			PowerMetering::set_schedule(RuntimeOrigin::root(), with(|s| s.e_step = u128::MAX)),
			Error::<Test>::ScheduleOverflow
		);
	});
}

#[test]
fn set_rate_params_brings_r_within_the_new_bounds() {
	ExtBuilder::build_and_execute(|| {
		let mut new = test_rate_params();
		new.min_rate = FixedU128::from_u32(2_000);
		assert_ok!(PowerMetering::set_rate_params(RuntimeOrigin::root(), new));
		assert_eq!(ExchangeRate::<Test>::get(), FixedU128::from_u32(2_000));
		assert_eq!(
			last_event(),
			Event::RateParamsSet { old: test_rate_params(), new, rate: FixedU128::from_u32(2_000) }
		);
	});
}

#[test]
fn bad_rate_params_are_refused() {
	ExtBuilder::build_and_execute(|| {
		let with = |f: fn(&mut crate::RateParams)| {
			let mut p = test_rate_params();
			f(&mut p);
			p
		};
		let cases = [
			(with(|p| p.target = 0), Error::<Test>::ZeroTarget),
			(with(|p| p.min_rate = FixedU128::from_u32(0)), Error::<Test>::ZeroMinRate),
			(with(|p| p.min_rate = FixedU128::from_u32(200_000)), Error::<Test>::MinRateAboveMax),
			(with(|p| p.max_change = Perbill::zero()), Error::<Test>::ZeroMaxChange),
			(with(|p| p.max_change = Perbill::from_percent(51)), Error::<Test>::MaxChangeTooLarge),
			(
				with(|p| {
					p.max_rate =
						FixedU128::from_u32(u32::MAX).saturating_mul(FixedU128::from_u32(u32::MAX))
				}),
				Error::<Test>::MaxRateTooHigh,
			),
		];
		for (params, error) in cases {
			assert_noop!(PowerMetering::set_rate_params(RuntimeOrigin::root(), params), error);
		}
		assert_noop!(
			PowerMetering::set_rate_params(RuntimeOrigin::signed(ALICE), test_rate_params()),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}
