//! `set_params`: α changes apply from now on; Power accrued before keeps the old rate.

use super::mock::*;
use crate::{Checkpoints, Error, Event, Params, PowerParams};
use fluxomics_primitives::PerKind;
use frame_support::{assert_noop, assert_ok};
use sp_arithmetic::FixedU128;
use sp_runtime::DispatchError;

#[test]
fn raising_alpha_accrues_nobody_yet_keeps_the_old_rate_for_the_past() {
	run(|| {
		advance(DAY);
		let old = test_params();
		let new =
			PowerParams { alpha: PerKind::new(FixedU128::from_u32(30), old.alpha.exec), ..old };
		assert_ok!(Power::set_params(RuntimeOrigin::root(), new));
		assert_eq!(last_event(), Event::ParamsSet { old, new });
		assert_eq!(Params::<Test>::get(), new);
		assert_eq!(rates(ALICE), (1_500, 1_000));
		advance(DAY);
		// Nobody was accrued at the change, yet the first day counts at α = 10.
		assert_eq!(power(ALICE).0, 500 + 1_500);
		assert_eq!(power(BOB).0, 200 + 600);
	});
}

#[test]
fn the_history_keeps_the_last_checkpoints() {
	run(|| {
		for alpha in 11..20u32 {
			advance(DAY);
			let old = test_params();
			let params = PowerParams {
				alpha: PerKind::new(FixedU128::from_u32(alpha), old.alpha.exec),
				..old
			};
			assert_ok!(Power::set_params(RuntimeOrigin::root(), params));
		}
		let checkpoints = Checkpoints::<Test>::get();
		assert_eq!(checkpoints.len(), 4);
		assert_eq!(checkpoints.last().map(|c| c.alpha.msg), Some(FixedU128::from_u32(19)));
		// Alice's last accrual (genesis) is older than every kept checkpoint, yet her accrual
		// is exact: checkpoints carry the cumulative index. One day each at α = 10, 11, …, 18.
		assert_eq!(power(ALICE).0, (10..19).sum::<u128>() * 50);
	});
}

#[test]
fn set_params_refuses_each_bad_value() {
	run(|| {
		let ok = test_params();
		let msg = |alpha: u32| PerKind::new(FixedU128::from_u32(alpha), ok.alpha.exec);
		let exec = |alpha: u32| PerKind::new(ok.alpha.msg, FixedU128::from_u32(alpha));
		let cases = [
			(PowerParams { alpha: msg(0), ..ok }, Error::<Test>::ZeroAlpha),
			(PowerParams { alpha: exec(0), ..ok }, Error::<Test>::ZeroAlpha),
			(PowerParams { alpha: msg(1_000_001), ..ok }, Error::<Test>::AlphaTooHigh),
			(PowerParams { cap_period: 0, ..ok }, Error::<Test>::CapPeriodOutOfRange),
			(PowerParams { cap_period: 365 * DAY + 1, ..ok }, Error::<Test>::CapPeriodOutOfRange),
		];
		for (params, error) in cases {
			assert_noop!(Power::set_params(RuntimeOrigin::root(), params), error);
		}
		assert_eq!(Params::<Test>::get(), ok);
	});
}

#[test]
fn set_params_refuses_signed_origins() {
	run(|| {
		assert_noop!(
			Power::set_params(RuntimeOrigin::signed(ALICE), test_params()),
			DispatchError::BadOrigin
		);
	});
}

/// Issue 16, item 6: a vote that cuts α to a trillionth leaves nobody the Power to vote it back.
/// Now one vote cuts generation (α, and the cap period that bounds what accrues) at most tenfold.
#[test]
fn one_vote_cannot_cut_generation_more_than_tenfold() {
	run(|| {
		let ok = test_params();
		let tenth = |a: FixedU128| FixedU128::from_inner(a.into_inner() / 10);
		let cut = PerKind::new(tenth(ok.alpha.msg), ok.alpha.exec);
		let too_far = PerKind::new(
			FixedU128::from_inner(tenth(ok.alpha.msg).into_inner() - 1),
			ok.alpha.exec,
		);
		assert_noop!(
			Power::set_params(RuntimeOrigin::root(), PowerParams { alpha: too_far, ..ok }),
			Error::<Test>::ChangeTooLarge
		);
		assert_noop!(
			Power::set_params(
				RuntimeOrigin::root(),
				PowerParams { cap_period: ok.cap_period / 10 - 1, ..ok }
			),
			Error::<Test>::ChangeTooLarge
		);
		assert_ok!(Power::set_params(RuntimeOrigin::root(), PowerParams { alpha: cut, ..ok }));
		// Raising is never limited here (α has its own ceiling).
		assert_ok!(Power::set_params(RuntimeOrigin::root(), ok));
	});
}
