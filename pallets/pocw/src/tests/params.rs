//! Governance: `set_params` is checked and needs `UpdateOrigin`; the defaults are those the docs
//! state, and valid.

use super::mock::*;
use crate::{pallet::*, Error, Event};
use fluxomics_primitives::{MILLIS_PER_DAY, UNIT};
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
fn the_defaults_make_paying_oneself_a_loss() {
	let p = crate::PocwParams::default();
	assert_eq!(p.k, 100 * UNIT);
	assert_eq!(
		(p.min_budget, p.min_collateral, p.min_verifier_bond),
		(10 * UNIT, 10 * UNIT, 100 * UNIT)
	);
	assert_eq!(
		(p.fee_share, p.reward_share, p.verify_share),
		(Perbill::from_percent(20), Perbill::from_percent(10), Perbill::from_percent(5))
	);
	assert_eq!(
		(p.collateral_ratio, p.slash_to_requester, p.forfeit_share),
		(Perbill::from_percent(10), Perbill::from_percent(50), Perbill::from_percent(50))
	);
	assert_eq!((p.min_quorum, p.commit_period, p.reveal_period), (3, 3_600_000, 3_600_000));
	assert_eq!(
		(p.wrong_vote_slash, p.no_show_slash, p.usage_tolerance),
		(Perbill::from_percent(10), Perbill::from_percent(10), Perbill::from_percent(20))
	);
	assert_eq!(
		(p.reward_budget, p.period, p.max_deadline),
		(10_000 * UNIT, MILLIS_PER_DAY, 7 * MILLIS_PER_DAY)
	);
	// The least a self-dealer loses on a task: the fee less the largest reward.
	assert!(p.reward_share < p.fee_share);
	assert_eq!(p.fee_share.mul_floor(p.min_budget) - p.reward_share.mul_floor(p.min_budget), UNIT);
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
		check(|p| p.reward_share = p.fee_share, Error::<Test>::RewardNotBelowFee);
		check(|p| p.reward_share = Perbill::from_percent(21), Error::<Test>::RewardNotBelowFee);
		check(|p| p.fee_share = Perbill::from_percent(96), Error::<Test>::FeesExceedBudget);
		check(
			|p| p.verify_share = Perbill::from_parts(800_000_001),
			Error::<Test>::FeesExceedBudget,
		);
		check(|p| p.min_quorum = 0, Error::<Test>::InvalidMinQuorum);
		check(|p| p.min_quorum = 6, Error::<Test>::InvalidMinQuorum);
		check(|p| p.period = 0, Error::<Test>::ZeroPeriod);
		check(|p| p.commit_period = 0, Error::<Test>::ZeroPeriod);
		check(|p| p.reveal_period = 0, Error::<Test>::ZeroPeriod);
		check(|p| p.work_cap = 0, Error::<Test>::ZeroWorkCap);
		check(|p| p.risk_ref = 0, Error::<Test>::ZeroRiskRef);
		check(|p| p.efficiency_cap = FixedU128::from_inner(0), Error::<Test>::ZeroEfficiencyCap);
		check(|p| p.max_deadline = 0, Error::<Test>::ZeroMaxDeadline);
		check(|p| p.min_collateral = 0, Error::<Test>::ZeroMinimum);
		check(|p| p.min_verifier_bond = 0, Error::<Test>::ZeroMinimum);
		check(|p| p.min_budget = 0, Error::<Test>::ZeroMinimum);
		// A vote cannot lock Flux beyond what a later vote can undo, nor make rewards overflow.
		check(|p| p.max_deadline = crate::MAX_PERIOD + 1, Error::<Test>::PeriodTooLong);
		check(|p| p.period = u64::MAX, Error::<Test>::PeriodTooLong);
		check(|p| p.commit_period = crate::MAX_PERIOD + 1, Error::<Test>::PeriodTooLong);
		check(|p| p.reveal_period = crate::MAX_PERIOD + 1, Error::<Test>::PeriodTooLong);
		check(|p| p.k = crate::MAX_REWARD + 1, Error::<Test>::RewardTooLarge);
		check(|p| p.reward_budget = u128::MAX, Error::<Test>::RewardTooLarge);
	});
}

#[test]
fn the_limits_themselves_are_allowed() {
	ExtBuilder::build_and_execute(|| {
		let mut p = Params::<Test>::get();
		// Fees taking the whole budget, a reward just below the fee, the largest least quorum.
		p.fee_share = Perbill::from_percent(95);
		p.verify_share = Perbill::from_percent(5);
		p.reward_share = Perbill::from_parts(949_999_999);
		p.min_quorum = <Test as crate::Config>::MaxAttestations::get();
		p.max_deadline = crate::MAX_PERIOD;
		p.period = crate::MAX_PERIOD;
		p.k = crate::MAX_REWARD;
		p.reward_budget = crate::MAX_REWARD_BUDGET;
		assert_ok!(Pocw::set_params(RuntimeOrigin::root(), p));
		assert_eq!(Params::<Test>::get(), p);
	});
}

#[test]
#[should_panic(expected = "invalid PoCW genesis parameters")]
fn genesis_refuses_bad_parameters() {
	let mut p = DefaultParams::get();
	p.lambda2 = Perbill::from_parts(0);
	let _ = crate::GenesisConfig::<Test> { params: Some(p), ..Default::default() }.build_storage();
}

#[test]
#[should_panic(expected = "invalid PoCW genesis parameters")]
fn genesis_refuses_a_reward_not_below_the_fee() {
	let mut p = DefaultParams::get();
	p.reward_share = p.fee_share;
	let _ = crate::GenesisConfig::<Test> { params: Some(p), ..Default::default() }.build_storage();
}
