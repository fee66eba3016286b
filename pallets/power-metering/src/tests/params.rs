//! Governed parameters: `set_params` validates both parts, reports old and new, never stores
//! anything bad.

use super::mock::*;
use crate::{pallet::*, Error, Event, MeteringParams};
use frame_support::{assert_noop, assert_ok, traits::Get};
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

/// Issue 16, item 6. The attacks a bad-but-valid schedule allowed: with `p_size = 0` a message
/// of the largest payload costs what an empty one does; with `e_step = 0`, or a step of
/// `u64::MAX` picoseconds (one step for any weight), a call that fills the block costs what a
/// transfer does. Each is now refused with its own error, and the bounds are inclusive.
#[test]
fn a_schedule_that_makes_bytes_or_weight_free_is_refused() {
	run(|| {
		let with = |f: &dyn Fn(&mut crate::CostSchedule)| {
			let mut s = test_schedule();
			f(&mut s);
			with_schedule(s)
		};
		// What the attack would buy: with a step of u64::MAX, the whole block is one step.
		let block = <<Test as frame_system::Config>::BlockWeights as Get<
			frame_system::limits::BlockWeights,
		>>::get()
		.max_block
		.ref_time();
		let cheap = crate::CostSchedule { step_weight: u64::MAX, ..test_schedule() };
		assert_eq!(
			crate::math::exec_cost(&cheap, block),
			crate::math::exec_cost(&cheap, 1),
			"one step whatever the weight"
		);
		let cases = [
			(with(&|s| s.p_size = 0), Error::<Test>::ZeroSizePrice),
			(with(&|s| s.e_step = 0), Error::<Test>::ZeroStepPrice),
			(with(&|s| s.step_weight = u64::MAX), Error::<Test>::StepWeightTooLarge),
			(with(&|s| s.step_weight = u64::MAX / 2), Error::<Test>::StepWeightTooLarge),
			(with(&|s| s.step_weight = block), Error::<Test>::StepWeightTooLarge),
			(
				with(&|s| s.step_weight = block / crate::MIN_STEPS_PER_BLOCK + 1),
				Error::<Test>::StepWeightTooLarge,
			),
		];
		for (params, error) in cases {
			assert_noop!(PowerMetering::set_params(RuntimeOrigin::root(), params), error);
		}
		// The edges of what is allowed: one PU a byte and a step, a thousandth of a block a step.
		let largest = PowerMetering::max_step_weight();
		assert_eq!(largest, block / crate::MIN_STEPS_PER_BLOCK);
		assert_ok!(PowerMetering::set_params(
			RuntimeOrigin::root(),
			with(&|s| {
				s.p_size = 1;
				s.e_step = 1;
				s.step_weight = block / crate::MIN_STEPS_PER_BLOCK
			})
		));
		// A call filling the block pays at least MIN_STEPS_PER_BLOCK steps.
		let s = Schedule::<Test>::get();
		assert!(
			crate::math::exec_cost(&s, block)
				>= crate::math::exec_cost(&s, 1) + u128::from(crate::MIN_STEPS_PER_BLOCK) - 1
		);
		// A later vote undoes it.
		assert_ok!(PowerMetering::set_params(RuntimeOrigin::root(), test_params()));
		assert_eq!(PowerMetering::params(), test_params());
	});
}

#[test]
#[should_panic(expected = "invalid metering genesis schedule")]
fn genesis_refuses_a_schedule_with_free_bytes() {
	use sp_runtime::BuildStorage;
	let schedule = crate::CostSchedule { p_size: 0, ..test_schedule() };
	let _ = crate::GenesisConfig::<Test> { schedule: Some(schedule), ..Default::default() }
		.build_storage();
}

/// Issue 16, item 6: a vote that prices every extrinsic out of reach, the next vote included.
/// Before, `p0 = 10²⁰` (or `R` bounds near zero) passed every check, and nobody could afford the
/// referendum that undoes it. Now one vote makes Power at most ten times dearer; each further
/// step is a referendum of its own, visible for its whole decision period.
#[test]
fn one_vote_cannot_price_the_next_vote_out_of_reach() {
	run(|| {
		let old = test_params();
		let dearer = |f: fn(&mut MeteringParams)| {
			let mut p = old;
			f(&mut p);
			p
		};
		for bad in [
			dearer(|p| p.schedule.p0 = 100_000_000_000_000_000_000),
			dearer(|p| p.schedule.p0 = p.schedule.p0 * 10 + 1),
			dearer(|p| p.schedule.e_step = p.schedule.e_step * 10 + 1),
			dearer(|p| p.schedule.step_weight = p.schedule.step_weight / 10 - 1),
			dearer(|p| p.rate.min_rate = FixedU128::from_inner(1)),
			dearer(|p| {
				p.rate.max_rate = p.rate.min_rate;
			}),
		] {
			assert_noop!(
				PowerMetering::set_params(RuntimeOrigin::root(), bad),
				Error::<Test>::ChangeTooLarge
			);
		}
		// Ten times dearer is one vote; a hundred times is two.
		let tenfold = dearer(|p| p.schedule.p0 *= 10);
		assert_ok!(PowerMetering::set_params(RuntimeOrigin::root(), tenfold));
		let hundredfold = dearer(|p| p.schedule.p0 *= 100);
		assert_ok!(PowerMetering::set_params(RuntimeOrigin::root(), hundredfold));
		// Cheaper is never limited.
		assert_ok!(PowerMetering::set_params(RuntimeOrigin::root(), old));
	});
}
