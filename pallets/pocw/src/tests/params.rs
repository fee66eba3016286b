//! Governance: `set_params` is checked and needs `UpdateOrigin`.

use super::mock::*;
use crate::{pallet::*, Error, Event};
use frame_support::{assert_noop, assert_ok, traits::Get};
use sp_arithmetic::{FixedU128, Perbill};
use sp_runtime::{BuildStorage, DispatchError};

#[test]
fn the_defaults_are_valid_and_governance_can_change_them() {
	ExtBuilder::build_and_execute(|| {
		let old = Params::<Test>::get();
		assert_eq!(old, DefaultParams::get());
		assert_ok!(Pocw::validate_params(&old));
		let mut new = old;
		new.lambda1 = Perbill::from_percent(60);
		new.lambda2 = Perbill::from_percent(40);
		new.lambda3 = Perbill::from_parts(0);
		assert_ok!(Pocw::set_params(RuntimeOrigin::root(), new));
		assert_eq!(Params::<Test>::get(), new);
		assert_eq!(last_event(), Event::ParamsSet { old, new });
	});
}

#[test]
fn only_the_update_origin_may_set_parameters() {
	ExtBuilder::build_and_execute(|| {
		assert_noop!(
			Pocw::set_params(RuntimeOrigin::signed(ALICE), Params::<Test>::get()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn bad_parameters_are_refused_with_a_named_error() {
	ExtBuilder::build_and_execute(|| {
		let good = Params::<Test>::get();
		let check = |f: fn(&mut crate::PocwParams), e: Error<Test>| {
			let mut p = good;
			f(&mut p);
			assert_noop!(Pocw::set_params(RuntimeOrigin::root(), p), e);
		};
		// One part in a billion short, or over.
		check(|p| p.lambda3 = Perbill::from_parts(99_999_999), Error::<Test>::SplitNotNormalized);
		check(|p| p.lambda1 = Perbill::from_percent(51), Error::<Test>::SplitNotNormalized);
		check(|p| p.period = 0, Error::<Test>::ZeroPeriod);
		check(|p| p.work_cap = 0, Error::<Test>::ZeroWorkCap);
		check(|p| p.risk_ref = 0, Error::<Test>::ZeroRiskRef);
		check(|p| p.efficiency_cap = FixedU128::from_inner(0), Error::<Test>::ZeroEfficiencyCap);
		check(|p| p.max_deadline = 0, Error::<Test>::ZeroMaxDeadline);
		check(|p| p.min_collateral = 0, Error::<Test>::ZeroMinimum);
		check(|p| p.min_verifier_bond = 0, Error::<Test>::ZeroMinimum);
	});
}

#[test]
#[should_panic(expected = "invalid PoCW genesis parameters")]
fn genesis_refuses_bad_parameters() {
	let mut p = DefaultParams::get();
	p.lambda2 = Perbill::from_parts(0);
	let _ = crate::GenesisConfig::<Test> { params: Some(p), ..Default::default() }.build_storage();
}
