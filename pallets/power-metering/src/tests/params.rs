//! Governed parameters: `set_params` validates both parts, reports old and new, never stores
//! anything bad.

use super::mock::*;
use crate::{pallet::*, Error, Event, MeteringParams};
use frame_support::{assert_noop, assert_ok};
use sp_arithmetic::{traits::Saturating, FixedU128, Perbill};

#[test]
fn set_params_replaces_the_schedule_and_reports_old_and_new() {
	run(|| {
		let mut schedule = test_schedule();
		schedule.e_step = 2;
		let new = with_schedule(schedule);
		assert_ok!(PowerMetering::set_params(RuntimeOrigin::root(), new));
		assert_eq!(Schedule::<Test>::get(), schedule);
		assert_eq!(RateControl::<Test>::get(), test_rate_params());
		assert_eq!(
			last_event(),
			Event::ParamsSet { old: test_params(), new, rate: FixedU128::from_u32(1_000) }
		);
	});
}

#[test]
fn bad_schedules_are_refused() {
	run(|| {
		let with = |f: fn(&mut crate::CostSchedule)| {
			let mut s = test_schedule();
			f(&mut s);
			with_schedule(s)
		};
		assert_noop!(
			PowerMetering::set_params(RuntimeOrigin::signed(ALICE), test_params()),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			PowerMetering::set_params(RuntimeOrigin::root(), with(|s| s.step_weight = 0)),
			Error::<Test>::ZeroStepWeight
		);
		assert_noop!(
			PowerMetering::set_params(
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
			PowerMetering::set_params(RuntimeOrigin::root(), with(|s| s.p_size = u128::MAX / 2)),
			Error::<Test>::ScheduleOverflow
		);
		assert_noop!(
			PowerMetering::set_params(RuntimeOrigin::root(), with(|s| s.e_step = u128::MAX)),
			Error::<Test>::ScheduleOverflow
		);
	});
}

#[test]
fn set_params_brings_r_within_the_new_bounds() {
	run(|| {
		let mut rate = test_rate_params();
		rate.min_rate = FixedU128::from_u32(2_000);
		let new = with_rate(rate);
		assert_ok!(PowerMetering::set_params(RuntimeOrigin::root(), new));
		assert_eq!(ExchangeRate::<Test>::get(), FixedU128::from_u32(2_000));
		assert_eq!(RateControl::<Test>::get(), rate);
		assert_eq!(Schedule::<Test>::get(), test_schedule());
		assert_eq!(
			last_event(),
			Event::ParamsSet { old: test_params(), new, rate: FixedU128::from_u32(2_000) }
		);
	});
}

#[test]
fn bad_rate_params_are_refused() {
	run(|| {
		let with = |f: fn(&mut crate::RateParams)| {
			let mut p = test_rate_params();
			f(&mut p);
			with_rate(p)
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
			assert_noop!(PowerMetering::set_params(RuntimeOrigin::root(), params), error);
		}
		assert_noop!(
			PowerMetering::set_params(RuntimeOrigin::signed(ALICE), test_params()),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_good_part_does_not_carry_a_bad_one() {
	run(|| {
		// A valid rate never lets a bad schedule in, nor the other way round.
		let mut schedule = test_schedule();
		schedule.e_step = 2;
		let mut rate = test_rate_params();
		rate.target = 0;
		assert_noop!(
			PowerMetering::set_params(RuntimeOrigin::root(), MeteringParams { schedule, rate }),
			Error::<Test>::ZeroTarget
		);
		schedule.step_weight = 0;
		assert_noop!(
			PowerMetering::set_params(
				RuntimeOrigin::root(),
				MeteringParams { schedule, rate: test_rate_params() }
			),
			Error::<Test>::ZeroStepWeight
		);
		assert_eq!(PowerMetering::params(), test_params());
	});
}
