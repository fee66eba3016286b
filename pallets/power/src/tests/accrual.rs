//! Power accrues lazily, in chain time, at α · effective stake per day, up to the cap.

use super::mock::*;
use fluxomics_primitives::UNIT;
use frame_support::{assert_noop, assert_ok};

#[test]
fn nothing_accrues_before_time_passes() {
	run(|| {
		assert_eq!(power(ALICE), (0, 0));
		assert_eq!(rates(ALICE), (500, 1_000));
		assert_eq!(rates(CHARLIE), (0, 0));
	});
}

#[test]
fn one_day_generates_alpha_times_stake() {
	run(|| {
		advance(DAY);
		assert_eq!(power(ALICE), (500, 1_000));
		assert_eq!(power(BOB), (200, 400));
		assert_eq!(power(CHARLIE), (0, 0));
	});
}

#[test]
fn accrual_is_linear_in_time_to_the_unit() {
	run(|| {
		// 50 Flux at 10 PU per Flux-day: one PU every 172.8 s.
		advance(172_800);
		assert_eq!(power(ALICE).0, 1);
		advance(172_799);
		assert_eq!(power(ALICE).0, 1);
		advance(1);
		assert_eq!(power(ALICE).0, 2);
	});
}

#[test]
fn accruing_often_gives_the_same_as_accruing_once() {
	let often = {
		let mut result = (0, 0);
		run(|| {
			for _ in 0..1_000 {
				advance(12_345);
				Power::accrue(&ALICE);
			}
			result = power(ALICE);
		});
		result
	};
	run(|| {
		advance(12_345_000);
		assert_eq!(power(ALICE), often);
	});
}

#[test]
fn balances_stop_at_the_cap() {
	run(|| {
		advance(30 * DAY);
		assert_eq!(power(ALICE), (3_500, 7_000));
		let status = Power::power_of(&ALICE);
		assert_eq!((status.cap.msg, status.cap.exec), (3_500, 7_000));
	});
}

#[test]
fn a_stake_change_accrues_at_the_old_rate_first() {
	run(|| {
		advance(DAY);
		assert_ok!(Flux::stake(RuntimeOrigin::signed(ALICE), 50 * UNIT));
		assert_eq!(rates(ALICE), (1_000, 2_000));
		advance(DAY);
		assert_eq!(power(ALICE), (500 + 1_000, 1_000 + 2_000));
	});
}

#[test]
fn a_new_staker_starts_accruing_when_it_stakes() {
	run(|| {
		advance(DAY);
		assert_ok!(Flux::stake(RuntimeOrigin::signed(CHARLIE), 10 * UNIT));
		assert_eq!(power(CHARLIE), (0, 0));
		advance(DAY);
		assert_eq!(power(CHARLIE), (100, 200));
	});
}

#[test]
fn unstaking_lowers_the_cap_and_the_balance_with_it() {
	run(|| {
		advance(10 * DAY);
		assert_eq!(power(ALICE), (3_500, 7_000));
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(ALICE), 40 * UNIT));
		// 10 Flux: cap 700 / 1 400.
		assert_eq!(power(ALICE), (700, 1_400));
	});
}

#[test]
fn generation_starts_at_the_first_timestamp_not_at_genesis() {
	run(|| {
		// Genesis was at time 0, the chain's first timestamp START: no backdated Power.
		assert_eq!(power(ALICE), (0, 0));
		assert_eq!(crate::Checkpoints::<Test>::get().len(), 1);
	});
}

#[test]
fn power_of_reports_everything_accrued_to_now() {
	run(|| {
		advance(DAY / 2);
		let status = Power::power_of(&ALICE);
		assert_eq!(status.power.msg, 250);
		assert_eq!(status.power.exec, 500);
		assert_eq!(status.per_day.msg, 500);
		assert_eq!(status.per_day.exec, 1_000);
		assert_eq!(status.effective_stake, 50 * UNIT);
		assert_eq!(status.accrued_at, START + DAY / 2);
	});
}

/// `docs/economics.md`, "Worked example", step by step (Charlie plays Dave, Dave plays Erin).
#[test]
fn the_worked_example_of_docs_economics() {
	use crate::PowerParams;
	use fluxomics_primitives::PerKind;
	use sp_arithmetic::FixedU128;
	const HOUR: u64 = DAY / 24;
	run(|| {
		let local =
			PowerParams { alpha: PerKind::splat(FixedU128::from_u32(1_000)), cap_period: 7 * DAY };
		assert_ok!(Power::set_params(RuntimeOrigin::root(), local));
		// Charlie starts with 10 free Flux; converting 590 HETU makes 600.
		assert_ok!(Flux::convert(RuntimeOrigin::signed(CHARLIE), 590 * UNIT));
		assert_ok!(Flux::stake(RuntimeOrigin::signed(CHARLIE), 600 * UNIT));
		assert_eq!(rates(CHARLIE), (600_000, 600_000));
		assert_eq!(Power::power_of(&CHARLIE).cap.msg, 4_200_000);

		advance(36 * HOUR);
		assert_eq!(power(CHARLIE).0, 900_000);
		assert_ok!(Power::delegate(RuntimeOrigin::signed(CHARLIE), DAVE, 200 * UNIT, DAY));
		assert_eq!(rates(CHARLIE).0, 400_000);
		assert_eq!(Power::power_of(&CHARLIE).cap.msg, 2_800_000);
		assert_eq!(rates(DAVE).0, 200_000);

		advance(12 * HOUR);
		assert_eq!(power(CHARLIE).0, 1_100_000);
		assert_eq!(power(DAVE).0, 100_000);

		advance(13 * HOUR);
		assert_ok!(Power::set_params(
			RuntimeOrigin::root(),
			PowerParams {
				alpha: PerKind::new(FixedU128::from_u32(2_000), local.alpha.exec),
				..local
			}
		));
		advance(11 * HOUR);
		assert_eq!(power(CHARLIE).0, 1_683_333);

		advance(5 * DAY);
		assert_eq!(power(CHARLIE).0, 5_600_000);

		assert_noop!(
			Flux::unstake(RuntimeOrigin::signed(CHARLIE), 500 * UNIT),
			pallet_flux::Error::<Test>::StakeCommitted
		);
		assert_ok!(Power::undelegate(RuntimeOrigin::signed(CHARLIE), DAVE));
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(CHARLIE), 500 * UNIT));
	});
}
