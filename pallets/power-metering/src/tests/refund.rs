//! After dispatch: unused weight comes back in the reverse order of payment, a call that
//! reports `Pays::No` pays like any other, and a charge accrues its payer once per phase.

use super::mock::*;
use crate::{ChargePower, Event};
use fluxomics_primitives::{FluxLedger, PerKind, UNIT};
use frame_support::{
	assert_ok,
	dispatch::{Pays, PostDispatchInfo},
	weights::Weight,
};
use sp_runtime::traits::DispatchTransaction;

#[test]
fn unused_weight_comes_back_as_flux_first_then_power() {
	run(|| {
		advance(100 * SECOND);
		let call = message(ALICE, 10, false);
		let mut info = info_of(&call);
		info.call_weight = Weight::from_parts(1_000_000_000, 0);
		// Declared: 1 032 steps, exec 2 072; Bob's 100 + 100 PU leave 2 122 PU to Flux.
		let post = PostDispatchInfo {
			actual_weight: Some(Weight::from_parts(10_000_000, 0)),
			pays_fee: Pays::Yes,
		};
		assert_ok!(ChargePower::<Test>::new()
			.test_run(RuntimeOrigin::signed(BOB), &call, &info, 150, 0, |_| Ok(post))
			.unwrap());
		// Used: 10 µs + 32 µs of extension = 42 steps, exec 1 082; 990 PU unused, all of it
		// paid in Flux, so 0.99 Flux comes back.
		assert_eq!(
			last_event(),
			Event::PowerCharged {
				who: BOB,
				cost: PerKind::new(MSG, 1_082),
				from_power: PerKind::new(100, 100),
				flux: 2_122_000_000_000 - 990_000_000_000,
				hetu: 0,
				refunded: PerKind::new(0, 990),
			}
		);
		assert_eq!(Flux::free(&BOB), 5 * UNIT - 1_132_000_000_000);
		assert_eq!(Flux::free(&Flux::sink_account()), 1_132_000_000_000);
	});
}

#[test]
fn unused_weight_paid_in_power_comes_back_as_power() {
	run(|| {
		advance(60 * SECOND);
		let call = message(BOB, 10, false);
		let mut info = info_of(&call);
		info.call_weight = Weight::from_parts(1_000_000_000, 0);
		let post =
			PostDispatchInfo { actual_weight: Some(Weight::from_parts(0, 0)), pays_fee: Pays::Yes };
		assert_ok!(ChargePower::<Test>::new()
			.test_run(RuntimeOrigin::signed(ALICE), &call, &info, 150, 0, |_| Ok(post))
			.unwrap());
		// Used: 12 µs (the Power path) = 12 steps, exec 1 052.
		assert_eq!(power(ALICE), PerKind::new(6_000 - MSG, 6_000 - 1_052));
		// Declared: 1 012 steps on the Power path, exec 2 052.
		assert!(matches!(
			last_event(),
			Event::PowerCharged {
				cost: PerKind { exec: 1_052, .. },
				refunded: PerKind { exec: 1_000, .. },
				..
			}
		));
	});
}

#[test]
fn a_call_that_reports_pays_no_pays_like_any_other() {
	// The attack: a call that reports `Pays::No` after dispatch (a requested preimage noted
	// again) used to be refunded whole, msg cost included, so it could be repeated for free. Now
	// only its unused exec comes back, exactly as for the same call reporting `Pays::Yes`.
	let outcome = |pays_fee: Pays| {
		let mut outcome = None;
		run(|| {
			advance(100 * SECOND);
			let call = message(ALICE, 10, false);
			let info = info_of(&call);
			let quote = PowerMetering::quote(Some(&BOB), &call, &info, 150);
			let post = PostDispatchInfo { actual_weight: Some(Weight::from_parts(0, 0)), pays_fee };
			assert_ok!(ChargePower::<Test>::new()
				.test_run(RuntimeOrigin::signed(BOB), &call, &info, 150, 0, |_| Ok(post))
				.unwrap());
			let Event::PowerCharged { cost, refunded, .. } = last_event() else {
				panic!("no charge")
			};
			// The msg cost stays; nothing of it comes back.
			assert_eq!(cost.msg, quote.cost.msg);
			assert_eq!(refunded.msg, 0);
			outcome = Some((power(BOB), Flux::free(&BOB), last_event()));
		});
		outcome.unwrap()
	};
	assert_eq!(outcome(Pays::No), outcome(Pays::Yes));
}

#[test]
fn a_charge_accrues_its_payer_once_per_phase() {
	run(|| {
		advance(100 * SECOND);
		// Alice's Power covers the charge; the call uses none of its weight, so its exec comes
		// back as Power in one refund.
		let call = message(BOB, 10, false);
		let info = info_of(&call);
		let post =
			PostDispatchInfo { actual_weight: Some(Weight::from_parts(0, 0)), pays_fee: Pays::Yes };
		assert_ok!(ChargePower::<Test>::new()
			.test_run(RuntimeOrigin::signed(ALICE), &call, &info, 150, 0, |_| Ok(post))
			.unwrap());
		assert_eq!(ledger_calls(), LedgerCalls { available: 1, consume: 1, refund: 1 });

		// A charge on the cheap path that uses all of its weight has nothing to give back: no
		// refund at all. Validation tries both plans on one reading of Alice's Power.
		reset_ledger_calls();
		advance(60 * SECOND);
		assert_ok!(submit(ALICE, message(BOB, 10, false), 150));
		assert_eq!(ledger_calls(), LedgerCalls { available: 1, consume: 1, refund: 0 });

		// The Flux path tries the cheap plan first, then the full one: still one reading.
		reset_ledger_calls();
		assert_ok!(submit(CHARLIE, message(ALICE, 10, false), 150));
		assert_eq!(ledger_calls(), LedgerCalls { available: 1, consume: 1, refund: 0 });
	});
}
