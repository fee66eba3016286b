//! Governance: `set_params` and `set_tier` are checked and need `UpdateOrigin`; a parameter
//! change applies from the next epoch and never to a running computation.

use super::mock::*;
use crate::{pallet::*, Error, Event, FloxParams};
use frame_support::{assert_noop, assert_ok, traits::Get};
use sp_arithmetic::traits::Saturating;
use sp_arithmetic::{FixedU128, Perbill};
use sp_runtime::{BuildStorage, DispatchError};

#[test]
fn the_defaults_are_valid_and_governance_can_change_them() {
	ExtBuilder::build_and_execute(|| {
		assert_ok!(Flox::validate_params(&DefaultParams::get()));
		let old = Params::<Test>::get();
		assert_eq!(old, test_params());
		let new = FloxParams { contracts_ratio: 7, eoas_ratio: 3, ..old };
		assert_ok!(Flox::set_params(RuntimeOrigin::root(), new));
		assert_eq!(Params::<Test>::get(), new);
		assert_eq!(last_event(), Event::ParamsSet { old, new });
		// The running epoch keeps its snapshot.
		assert_eq!(Current::<Test>::get().params, old);
	});
}

#[test]
fn only_the_update_origin_may_set_parameters_and_tiers() {
	ExtBuilder::build_and_execute(|| {
		assert_noop!(
			Flox::set_params(RuntimeOrigin::signed(ALICE), test_params()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Flox::set_tier(RuntimeOrigin::signed(ALICE), ALICE, FixedU128::from_u32(2)),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn bad_parameters_are_refused_with_a_named_error() {
	ExtBuilder::build_and_execute(|| {
		let check = |f: fn(&mut FloxParams), e: Error<Test>| {
			let mut p = test_params();
			f(&mut p);
			assert_noop!(Flox::set_params(RuntimeOrigin::root(), p), e);
		};
		check(|p| p.epoch_length = 0, Error::<Test>::ZeroEpochLength);
		check(|p| p.max_iterations = 0, Error::<Test>::ZeroMaxIterations);
		check(|p| p.boost_stake_unit = 0, Error::<Test>::ZeroBoostStakeUnit);
		check(
			|p| p.boost_cap = FixedU128::from_rational(999, 1_000),
			Error::<Test>::BoostCapBelowOne,
		);
		check(|p| p.max_step_weight = Perbill::zero(), Error::<Test>::ZeroStepWeight);
		check(
			|p| p.max_step_weight = Perbill::from_parts(1_000),
			Error::<Test>::StepWeightTooSmall,
		);
		// The edges of what is allowed.
		let mut p = test_params();
		p.boost_cap = FixedU128::from_u32(1);
		p.tolerance = 0;
		p.contracts_ratio = 0;
		p.max_step_weight = Perbill::from_percent(1);
		assert_ok!(Flox::set_params(RuntimeOrigin::root(), p));
	});
}

#[test]
#[should_panic(expected = "invalid Flox genesis parameters")]
fn genesis_refuses_bad_parameters() {
	let p = FloxParams { max_iterations: 0, ..DefaultParams::get() };
	let _ = crate::GenesisConfig::<Test> { params: Some(p), ..Default::default() }.build_storage();
}

#[test]
fn governance_sets_tiers() {
	ExtBuilder::build_and_execute(|| {
		let two = FixedU128::from_u32(2);
		assert_ok!(Flox::set_tier(RuntimeOrigin::root(), ALICE, two));
		assert_eq!(TierWeights::<Test>::get(ALICE), Some(two));
		assert_eq!(
			last_event(),
			Event::TierSet { who: ALICE, old: FixedU128::from_u32(1), new: two }
		);
		// One is the default: nothing stored.
		assert_ok!(Flox::set_tier(RuntimeOrigin::root(), ALICE, FixedU128::from_u32(1)));
		assert_eq!(TierWeights::<Test>::get(ALICE), None);
		assert_eq!(
			last_event(),
			Event::TierSet { who: ALICE, old: two, new: FixedU128::from_u32(1) }
		);
		assert_ok!(Flox::set_tier(RuntimeOrigin::root(), BOB, crate::max_tier()));
		assert_noop!(
			Flox::set_tier(
				RuntimeOrigin::root(),
				BOB,
				crate::max_tier().saturating_add(FixedU128::from_inner(1))
			),
			Error::<Test>::TierTooLarge
		);
	});
}

#[test]
fn a_change_applies_from_the_next_epoch() {
	ExtBuilder::build_and_execute(|| {
		let old = test_params();
		let new = FloxParams { epoch_length: 2 * HOUR, contracts_ratio: 10, eoas_ratio: 20, ..old };
		record(ALICE, BOB, 10);
		advance(10 * MINUTE);
		assert_ok!(Flox::set_params(RuntimeOrigin::root(), new));
		// Epoch 0 still ends after one hour and is ranked with the old ratios.
		advance(HOUR - 10 * MINUTE);
		next_block();
		assert_eq!(epoch(), 1);
		assert_eq!(Current::<Test>::get().params, new);
		run_ranking(whole_block());
		assert_eq!(Credited::<Test>::get(0).budget, old.contracts_ratio + old.eoas_ratio);
		assert_eq!(Points::<Test>::get(BOB), old.contracts_ratio);
		// Epoch 1 lasts two hours and is ranked with the new ratios.
		record(ALICE, BOB, 10);
		advance(HOUR);
		next_block();
		assert_eq!(epoch(), 1);
		advance(HOUR);
		next_block();
		assert_eq!(epoch(), 2);
		run_ranking(whole_block());
		assert_eq!(Credited::<Test>::get(1).budget, 30);
		assert_eq!(Points::<Test>::get(BOB), old.contracts_ratio + 10);
		assert_eq!(Points::<Test>::get(ALICE), old.eoas_ratio + 20);
	});
}

#[test]
fn a_running_computation_keeps_the_parameters_it_started_with() {
	ExtBuilder::build_and_execute(|| {
		let old = test_params();
		random_traffic(60, 10, 9);
		end_epoch();
		// Start ranking epoch 0, then change the parameters mid-computation.
		next_block();
		idle(whole_block());
		assert!(Ongoing::<Test>::get().is_some());
		let new = FloxParams { max_iterations: 1, contracts_ratio: 1, eoas_ratio: 1, ..old };
		assert_ok!(Flox::set_params(RuntimeOrigin::root(), new));
		assert_eq!(Flox::rank_params(0), Some((old.tolerance, old.max_iterations)));
		run_ranking(whole_block());
		assert_eq!(Credited::<Test>::get(0).budget, old.contracts_ratio + old.eoas_ratio);
		let iterations = events()
			.into_iter()
			.find_map(|e| match e {
				Event::EpochRanked { iterations, .. } => Some(iterations),
				_ => None,
			})
			.unwrap();
		assert!(iterations > 1);
	});
}
