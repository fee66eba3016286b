//! The extension's weight: what it declares (its worst path, three walks over the most leases,
//! the counterparty's lookup), what it gives back, and that the charge always covers the weight
//! used.

use super::mock::*;
use crate::{ChargePower, Event};
use fluxomics_primitives::{PowerLedger, UNIT};
use frame_support::{
	assert_ok,
	dispatch::{Pays, PostDispatchInfo},
	weights::Weight,
};
use sp_runtime::{traits::DispatchTransaction, transaction_validity::InvalidTransaction};

mod never_undercharged {
	use super::*;
	use proptest::prelude::*;

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(64))]
		/// Whatever a call declares and then uses, what it finally pays is the cost of the
		/// weight it used, and never more than what it paid before dispatch.
		#[test]
		fn pre_dispatch_charge_covers_the_actual_weight(
			declared in 0u64..5_000_000_000,
			used in 0u64..6_000_000_000,
			payer in prop::sample::select(vec![ALICE, BOB, CHARLIE, DAVE]),
			len in 100usize..1_000,
		) {
			run(|| {
				advance(30 * SECOND);
				let call = message(EVE, 10, false);
				let mut info = info_of(&call);
				info.call_weight = Weight::from_parts(declared, 0);
				let plan = PowerMetering::plan_extrinsic(&payer, len, false, info.total_weight());
				let mut quote = plan.quote.clone();
				quote.rate = crate::pallet::ExchangeRate::<Test>::get();
				assert_eq!(quote, PowerMetering::quote(Some(&payer), &call, &info, len));
				let post = PostDispatchInfo {
					actual_weight: Some(Weight::from_parts(used, 0)),
					pays_fee: Pays::Yes,
				};
				if !quote.payable {
					// Refused, as quoted.
					let ext = ChargePower::<Test>::new();
					let refused = ext.test_run(RuntimeOrigin::signed(payer), &call, &info, len, 0, |_| Ok(post));
					assert_eq!(refused, Err(InvalidTransaction::Payment.into()));
					return;
				}
				assert_ok!(ChargePower::<Test>::new()
					.test_run(RuntimeOrigin::signed(payer), &call, &info, len, 0, |_| Ok(post))
					.unwrap());
				let Event::PowerCharged { cost, refunded, flux, .. } = last_event() else {
					panic!("no charge")
				};
				let unspent = PowerMetering::charge_weight()
					.saturating_sub(PowerMetering::path_weight(&plan))
					.saturating_add(plan.accrual_saving);
				// What the dispatch reports, with the extension's declared weight added and
				// capped by the declared total, less what the path taken saved.
				let actual = Weight::from_parts(used, 0)
					.saturating_add(info.extension_weight)
					.min(info.total_weight())
					.saturating_sub(unspent);
				let cost_of_actual = crate::math::exec_cost(&test_schedule(), actual.ref_time());
				assert_eq!(cost.exec, cost_of_actual);
				assert!(quote.cost.exec >= cost_of_actual);
				assert_eq!(cost.exec + refunded.exec, quote.cost.exec);
				assert!(flux <= quote.flux);
			});
		}
	}
}

#[test]
fn the_declared_weight_counts_three_walks_over_the_most_leases() {
	run(|| {
		let most = <Power as PowerLedger<AccountId>>::max_accrual_weight();
		assert!(most.ref_time() > 0);
		// The Flux path (30 µs), the counterparty hook (2 µs), and validation, `prepare` and the
		// refund each walking the most leases a payer can have.
		assert_eq!(
			PowerMetering::charge_weight(),
			Weight::from_parts(32_000_000, 0).saturating_add(most.saturating_mul(3))
		);
		// Alice has no leases: all three walks come back.
		let weight = info_of(&message(BOB, 10, false)).total_weight();
		let plain = PowerMetering::plan_extrinsic(&ALICE, 150, false, weight);
		assert_eq!(<Power as PowerLedger<AccountId>>::accrual_weight(&ALICE), Weight::zero());
		assert_eq!(plain.accrual_saving, most.saturating_mul(3));
		// With one lease, what her three walks take is kept.
		assert_ok!(<Power as PowerLedger<AccountId>>::start_lease(
			&ALICE,
			&CHARLIE,
			UNIT,
			START + DAY
		));
		let walk = <Power as PowerLedger<AccountId>>::accrual_weight(&ALICE);
		assert!(walk.ref_time() > 0 && walk.ref_time() < most.ref_time());
		let leased = PowerMetering::plan_extrinsic(&ALICE, 150, false, weight);
		assert_eq!(leased.accrual_saving, most.saturating_sub(walk).saturating_mul(3));
	});
}

#[test]
fn a_payer_with_leases_pays_for_walking_them() {
	run(|| {
		advance(60 * SECOND);
		let call = message(BOB, 10, false);
		let weight = info_of(&call).total_weight();
		let plain = PowerMetering::plan_extrinsic(&ALICE, 150, false, weight);
		assert_ok!(<Power as PowerLedger<AccountId>>::start_lease(
			&ALICE,
			&CHARLIE,
			UNIT,
			START + DAY
		));
		let leased = PowerMetering::plan_extrinsic(&ALICE, 150, false, weight);
		// Accruing Alice now walks a lease: less of the declared accrual weight comes back,
		// and the exec cost covers it.
		assert!(leased.accrual_saving.ref_time() < plain.accrual_saving.ref_time());
		assert!(leased.quote.cost.exec > plain.quote.cost.exec);
		assert_ok!(submit(ALICE, call, 150));
		let Event::PowerCharged { cost, refunded, .. } = last_event() else { panic!("no charge") };
		assert_eq!((cost.exec, refunded.exec), (leased.quote.cost.exec, 0));
	});
}

#[test]
fn the_weight_of_finding_a_counterparty_is_kept() {
	run(|| {
		advance(60 * SECOND);
		let call = transfer(DAVE, UNIT);
		let info = info_of(&call);
		let post = submit(ALICE, call, 140).unwrap();
		// The call, the Power path (10 µs + the 2 µs hook) and the 3 µs spent finding Dave; the
		// Flux path's extra and the accruals' walks Alice (no leases) did not need come back.
		assert_eq!(
			post.actual_weight,
			Some(info.call_weight + Weight::from_parts(12_000_000 + 3_000_000, 0))
		);
	});
}
