//! `set_params`: governance changes the parameters; every bad value has its own error.

use super::mock::*;
use crate::{Error, Event, Params};
use fluxomics_primitives::UNIT;
use frame_support::{assert_noop, assert_ok};
use sp_arithmetic::FixedU128;
use sp_runtime::DispatchError;

#[test]
fn root_sets_params_and_the_event_has_old_and_new() {
	run_test(|| {
		let old = test_params();
		let new = crate::FluxParams { hetu_per_flux: FixedU128::from_u32(3), ..old };
		assert_ok!(Flux::set_params(RuntimeOrigin::root(), new));
		assert_eq!(Params::<Test>::get(), new);
		assert_eq!(last_event(), Event::ParamsSet { old, new });
		// The new rate applies to the next convert: 30 HETU buy 10 Flux.
		assert_ok!(Flux::convert(RuntimeOrigin::signed(DAVE), 30 * UNIT));
		assert_eq!(Flux::account(&DAVE).free, 10 * UNIT);
	});
}

#[test]
fn a_shorter_unbonding_period_applies_to_new_chunks_only() {
	run_test(|| {
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(ALICE), 10 * UNIT));
		let new = crate::FluxParams { unbonding_period: DAY, ..test_params() };
		assert_ok!(Flux::set_params(RuntimeOrigin::root(), new));
		advance(1);
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(ALICE), 10 * UNIT));
		advance(DAY);
		assert_ok!(Flux::withdraw_unbonded(RuntimeOrigin::signed(ALICE)));
		assert_eq!(last_event(), Event::Withdrawn { who: ALICE, amount: 10 * UNIT });
		assert_eq!(Flux::account(&ALICE).unbonding.len(), 1);
	});
}

#[test]
fn set_params_refuses_each_bad_value() {
	run_test(|| {
		let ok = test_params();
		let cases = [
			(
				crate::FluxParams { hetu_per_flux: FixedU128::from_u32(0), ..ok },
				Error::<Test>::ZeroRate,
			),
			(
				crate::FluxParams { unbonding_period: 366 * DAY, ..ok },
				Error::<Test>::UnbondingPeriodTooLong,
			),
			(crate::FluxParams { min_stake: 0, ..ok }, Error::<Test>::ZeroMinimum),
			(crate::FluxParams { min_convert: 0, ..ok }, Error::<Test>::ZeroMinimum),
		];
		for (params, error) in cases {
			assert_noop!(Flux::set_params(RuntimeOrigin::root(), params), error);
		}
		assert_eq!(Params::<Test>::get(), ok);
	});
}

#[test]
fn set_params_refuses_signed_origins() {
	run_test(|| {
		assert_noop!(
			Flux::set_params(RuntimeOrigin::signed(ALICE), test_params()),
			DispatchError::BadOrigin
		);
	});
}

/// Issue 16, item 6. The attack: a vote (or a decimal slip in one) sets `hetu_per_flux` to
/// 10⁻¹⁸, and then one planck of HETU mints 10¹⁸ planck (a million Flux). Today's check refuses
/// only zero; the rate is now bounded to [`MIN_HETU_PER_FLUX`, `MAX_HETU_PER_FLUX`].
#[test]
fn dust_hetu_cannot_be_made_to_mint_huge_flux() {
	run_test(|| {
		let ok = test_params();
		let dust = crate::FluxParams { hetu_per_flux: FixedU128::from_inner(1), ..ok };
		assert_noop!(Flux::set_params(RuntimeOrigin::root(), dust), Error::<Test>::RateTooLow);
		let just_below = crate::FluxParams {
			hetu_per_flux: FixedU128::from_inner(crate::MIN_HETU_PER_FLUX.into_inner() - 1),
			..ok
		};
		assert_noop!(
			Flux::set_params(RuntimeOrigin::root(), just_below),
			Error::<Test>::RateTooLow
		);
		// At the floor, one HETU mints at most 1 000 Flux.
		let floor = crate::FluxParams { hetu_per_flux: crate::MIN_HETU_PER_FLUX, ..ok };
		assert_ok!(Flux::set_params(RuntimeOrigin::root(), floor));
		assert_ok!(Flux::convert(RuntimeOrigin::signed(DAVE), UNIT));
		assert_eq!(Flux::account(&DAVE).free, 1_000 * UNIT);
		// and the least HETU (one planck) mints at most 1 000 planck.
		assert_eq!(crate::math::flux_for_hetu(1, crate::MIN_HETU_PER_FLUX), Some(1_000));
	});
}

/// Issue 16, item 6: a rate so high that HETU buys (almost) no Flux is refused too.
#[test]
fn a_rate_above_the_ceiling_is_refused() {
	run_test(|| {
		let ok = test_params();
		let dear = crate::FluxParams {
			hetu_per_flux: FixedU128::from_inner(crate::MAX_HETU_PER_FLUX.into_inner() + 1),
			..ok
		};
		assert_noop!(Flux::set_params(RuntimeOrigin::root(), dear), Error::<Test>::RateTooHigh);
		let huge = crate::FluxParams { hetu_per_flux: FixedU128::from_u32(u32::MAX), ..ok };
		assert_noop!(Flux::set_params(RuntimeOrigin::root(), huge), Error::<Test>::RateTooHigh);
		let ceiling = crate::FluxParams { hetu_per_flux: crate::MAX_HETU_PER_FLUX, ..ok };
		assert_ok!(Flux::set_params(RuntimeOrigin::root(), ceiling));
		// A later vote undoes it.
		assert_ok!(Flux::set_params(RuntimeOrigin::root(), ok));
		assert_eq!(Params::<Test>::get(), ok);
	});
}

#[test]
#[should_panic(expected = "invalid Flux genesis parameters")]
fn genesis_refuses_a_rate_outside_its_range() {
	use sp_runtime::BuildStorage;
	let params = crate::FluxParams { hetu_per_flux: FixedU128::from_inner(1), ..test_params() };
	let _ = crate::GenesisConfig::<Test> { params: Some(params), accounts: vec![] }.build_storage();
}
