//! `ChargePower` on every path of design §4, with exact amounts.

use super::mock::*;
use crate::{pallet::ConsumedThisBlock, ChargePower, Event};
use fluxomics_primitives::{FluxLedger, UNIT};
use frame_support::{
	assert_ok,
	dispatch::{DispatchInfo, Pays, PostDispatchInfo},
	traits::fungible::Inspect,
	weights::Weight,
};
use sp_runtime::{
	traits::{DispatchTransaction, TransactionExtension, TxBaseImplication},
	transaction_validity::{InvalidTransaction, TransactionSource},
};

/// Sends `call` from `who` through the extension, `len` bytes long, and dispatches it.
fn submit(
	who: AccountId,
	call: RuntimeCall,
	len: usize,
) -> Result<PostDispatchInfo, InvalidTransaction> {
	let info = info_of(&call);
	match ChargePower::<Test>::new().dispatch_transaction(
		RuntimeOrigin::signed(who),
		call,
		&info,
		len,
		0,
	) {
		Ok(Ok(post)) => Ok(post),
		Ok(Err(e)) => panic!("the call failed: {e:?}"),
		Err(sp_runtime::transaction_validity::TransactionValidityError::Invalid(e)) => Err(e),
		Err(e) => panic!("unexpected validity error {e:?}"),
	}
}

/// A 10-byte message of 150 encoded bytes costs 250 msg PU. Its weight (20.01 µs) plus the
/// extension's declared 32 µs is 53 steps, 1 093 exec PU, when Flux pays; when Power covers it
/// the extension weighs 12 µs: 33 steps, 1 073 exec PU.
const MSG: u128 = 250;
const EXEC: u128 = 1_093;
const EXEC_USED: u128 = 1_073;

#[test]
fn power_alone_pays_when_it_suffices() {
	ExtBuilder::build_and_execute(|| {
		advance(60 * SECOND);
		assert_eq!(power(ALICE), (6_000, 6_000));
		let quote = PowerMetering::quote(
			Some(&ALICE),
			&message(BOB, 10, false),
			&info_of(&message(BOB, 10, false)),
			150,
		);
		assert_eq!((quote.msg, quote.exec, quote.flux, quote.hetu), (MSG, EXEC_USED, 0, 0));
		assert_eq!(quote.priority, (MSG + EXEC_USED) as u64);
		assert!(quote.payable);
		let post = submit(ALICE, message(BOB, 10, false), 150).unwrap();
		assert_eq!(power(ALICE), (6_000 - MSG, 6_000 - EXEC_USED));
		assert_eq!(
			System::events().iter().rev().find_map(|r| match &r.event {
				RuntimeEvent::PowerMetering(e @ Event::PowerCharged { .. }) => Some(e.clone()),
				_ => None,
			}),
			Some(Event::PowerCharged {
				who: ALICE,
				msg: MSG,
				exec: EXEC_USED,
				msg_from_power: MSG,
				exec_from_power: EXEC_USED,
				flux: 0,
				hetu: 0,
				exec_refunded: 0,
			})
		);
		// The extension's unused weight (the Flux path it did not take) is returned.
		assert_eq!(post.actual_weight, Some(Weight::from_parts(20_010_000 + 12_000_000, 0)));
		assert_eq!(ConsumedThisBlock::<Test>::get(), MSG + EXEC_USED);
		assert_eq!(edges(), vec![(ALICE, BOB, MSG + EXEC_USED)]);
	});
}

#[test]
fn flux_pays_the_deficit_of_both_kinds_at_r() {
	ExtBuilder::build_and_execute(|| {
		// Bob stakes 1 Flux: after 100 s he has 100 PU of each kind.
		advance(100 * SECOND);
		assert_eq!(power(BOB), (100, 100));
		let call = message(ALICE, 10, false);
		let quote = PowerMetering::quote(Some(&BOB), &call, &info_of(&call), 150);
		// Deficit 150 + 993 = 1 143 PU at 1 000 PU per Flux: 1.143 Flux.
		assert_eq!((quote.msg_from_power, quote.exec_from_power), (100, 100));
		assert_eq!((quote.flux, quote.hetu), (1_143_000_000_000, 0));
		assert_ok!(submit(BOB, call, 150));
		assert_eq!(power(BOB), (0, 0));
		// The Flux path weighs the whole declared extension weight: nothing to refund.
		assert_eq!(
			last_event(),
			Event::PowerCharged {
				who: BOB,
				msg: MSG,
				exec: EXEC,
				msg_from_power: 100,
				exec_from_power: 100,
				flux: 1_143_000_000_000,
				hetu: 0,
				exec_refunded: 0,
			}
		);
		assert_eq!(Flux::free(&BOB), 5 * UNIT - 1_143_000_000_000);
		assert_eq!(Flux::free(&Flux::sink_account()), 1_143_000_000_000);
	});
}

#[test]
fn flux_alone_pays_without_power() {
	ExtBuilder::build_and_execute(|| {
		let call = message(ALICE, 10, false);
		assert_ok!(submit(CHARLIE, call, 150));
		// 1 343 PU at 1 000 PU per Flux.
		assert_eq!(Flux::free(&CHARLIE), 10 * UNIT - 1_343_000_000_000);
		assert_eq!(Flux::free(&Flux::sink_account()), 1_343_000_000_000);
		assert!(matches!(
			last_event(),
			Event::PowerCharged { flux: 1_343_000_000_000, hetu: 0, .. }
		));
		// Nothing was burned: Flux issuance is unchanged.
		assert_eq!(pallet_flux::TotalBurned::<Test>::get(), 0);
	});
}

#[test]
fn a_holder_of_hetu_only_converts_just_enough() {
	ExtBuilder::build_and_execute(|| {
		let call = message(ALICE, 10, true);
		// An intent costs 1 000 msg PU more: 2 343 PU, 2.343 Flux, bought with 2.343 HETU.
		let quote = PowerMetering::quote(Some(&DAVE), &call, &info_of(&call), 150);
		assert_eq!(
			(quote.flux, quote.hetu, quote.payable),
			(2_343_000_000_000, 2_343_000_000_000, true)
		);
		assert_ok!(submit(DAVE, call, 150));
		assert_eq!(Balances::balance(&DAVE), 1_000 * UNIT - 2_343_000_000_000);
		assert_eq!(Flux::free(&DAVE), 0);
		assert_eq!(Flux::free(&Flux::sink_account()), 2_343_000_000_000);
		assert_eq!(edges(), vec![(DAVE, ALICE, 2_343)]);
	});
}

#[test]
fn free_flux_is_used_before_hetu_is_converted() {
	ExtBuilder::build_and_execute(|| {
		// At 10 msg PU a byte, a 1 000-byte intent costs 12 500 + 1 093 PU: 13.593 Flux, more
		// than Charlie's 10.
		let mut schedule = test_schedule();
		schedule.p_size = 10;
		assert_ok!(PowerMetering::set_schedule(RuntimeOrigin::root(), schedule));
		let call = message(ALICE, 1_000, true);
		let len = 1_140;
		let quote = PowerMetering::quote(Some(&CHARLIE), &call, &info_of(&call), len);
		assert_eq!(quote.flux, 13_593_000_000_000);
		let short = quote.flux - 10 * UNIT;
		assert_eq!(quote.hetu, short);
		assert_ok!(submit(CHARLIE, call, len));
		assert_eq!(Flux::free(&CHARLIE), 0);
		assert_eq!(Balances::balance(&CHARLIE), 1_000 * UNIT - short);
	});
}

#[test]
fn nothing_to_pay_with_is_invalid_and_changes_nothing() {
	ExtBuilder::build_and_execute(|| {
		let call = message(ALICE, 10, false);
		let info = info_of(&call);
		let ext = ChargePower::<Test>::new();
		assert_eq!(
			ext.validate_only(
				RuntimeOrigin::signed(EVE),
				&call,
				&info,
				150,
				TransactionSource::External,
				0
			)
			.map(|_| ()),
			Err(InvalidTransaction::Payment.into())
		);
		assert_eq!(submit(EVE, call.clone(), 150), Err(InvalidTransaction::Payment));
		// Dave holds HETU, but a payload this large costs more than he has.
		advance(SECOND);
		let huge = message(ALICE, 1_000, true);
		let mut dear = test_schedule();
		dear.p_size = 1_000_000_000;
		assert_ok!(PowerMetering::set_schedule(RuntimeOrigin::root(), dear));
		assert_eq!(submit(DAVE, huge, 1_140), Err(InvalidTransaction::Payment));
		assert_eq!(Balances::balance(&DAVE), 1_000 * UNIT);
		assert_eq!(Flux::free(&EVE), 0);
		assert_eq!(ConsumedThisBlock::<Test>::get(), 0);
		assert!(edges().is_empty());
	});
}

#[test]
fn unused_weight_comes_back_as_flux_first_then_power() {
	ExtBuilder::build_and_execute(|| {
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
				msg: MSG,
				exec: 1_082,
				msg_from_power: 100,
				exec_from_power: 100,
				flux: 2_122_000_000_000 - 990_000_000_000,
				hetu: 0,
				exec_refunded: 990,
			}
		);
		assert_eq!(Flux::free(&BOB), 5 * UNIT - 1_132_000_000_000);
		assert_eq!(Flux::free(&Flux::sink_account()), 1_132_000_000_000);
	});
}

#[test]
fn unused_weight_paid_in_power_comes_back_as_power() {
	ExtBuilder::build_and_execute(|| {
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
		assert_eq!(power(ALICE), (6_000 - MSG, 6_000 - 1_052));
		// Declared: 1 012 steps on the Power path, exec 2 052.
		assert!(matches!(
			last_event(),
			Event::PowerCharged { exec: 1_052, exec_refunded: 1_000, .. }
		));
	});
}

#[test]
fn a_call_that_reports_pays_no_is_refunded_whole() {
	ExtBuilder::build_and_execute(|| {
		advance(100 * SECOND);
		let call = message(ALICE, 10, false);
		let info = info_of(&call);
		let post = PostDispatchInfo { actual_weight: None, pays_fee: Pays::No };
		assert_ok!(ChargePower::<Test>::new()
			.test_run(RuntimeOrigin::signed(BOB), &call, &info, 150, 0, |_| Ok(post))
			.unwrap());
		assert_eq!(power(BOB), (100, 100));
		// Flux comes back rounded down: at 1 000 PU per Flux, exactly.
		assert_eq!(Flux::free(&BOB), 5 * UNIT);
		assert!(matches!(last_event(), Event::PowerCharged { msg: 0, exec: 0, flux: 0, .. }));
	});
}

#[test]
fn inherents_unsigned_and_pays_no_calls_are_free() {
	ExtBuilder::build_and_execute(|| {
		let call = message(ALICE, 10, false);
		let info = info_of(&call);
		let ext = ChargePower::<Test>::new();
		// Unsigned and inherent: validation charges nothing and returns all of the
		// extension's weight.
		let (valid, val, origin) = ext
			.validate(
				RuntimeOrigin::none(),
				&call,
				&info,
				150,
				(),
				&TxBaseImplication(&call),
				TransactionSource::External,
			)
			.unwrap();
		assert_eq!(valid.priority, 0);
		let pre = ext.clone().prepare(val, &origin, &call, &info, 150).unwrap();
		let unspent =
			<ChargePower<Test> as TransactionExtension<RuntimeCall>>::post_dispatch_details(
				pre,
				&info,
				&PostDispatchInfo::default(),
				150,
				&Ok(()),
			)
			.unwrap();
		assert_eq!(unspent, info.extension_weight);
		let free_call = DispatchInfo { pays_fee: Pays::No, ..info };
		assert_ok!(ext
			.test_run(RuntimeOrigin::signed(EVE), &call, &free_call, 150, 0, |_| Ok(
				PostDispatchInfo::default()
			))
			.unwrap());
		assert_eq!(ConsumedThisBlock::<Test>::get(), 0);
		assert!(System::events().is_empty());
		let quote = PowerMetering::quote(None, &call, &info, 150);
		assert_eq!((quote.msg, quote.exec, quote.payable), (0, 0, true));
	});
}

#[test]
fn priority_rises_with_what_is_paid() {
	ExtBuilder::build_and_execute(|| {
		advance(60 * SECOND);
		let ext = ChargePower::<Test>::new();
		let priority = |len: usize| {
			let call = message(BOB, len, false);
			ext.validate_only(
				RuntimeOrigin::signed(ALICE),
				&call,
				&info_of(&call),
				len + 140,
				TransactionSource::External,
				0,
			)
			.unwrap()
			.0
			.priority
		};
		assert!(priority(100) > priority(10));
		assert_eq!(priority(10), (MSG + EXEC_USED) as u64);
	});
}

#[test]
fn transfers_and_self_messages_report_their_counterparty() {
	ExtBuilder::build_and_execute(|| {
		advance(60 * SECOND);
		assert_ok!(submit(ALICE, transfer(DAVE, UNIT), 140));
		assert_ok!(submit(ALICE, message(ALICE, 10, false), 150));
		// Only the transfer: self-interaction does not count.
		let recorded = edges();
		assert_eq!(recorded.len(), 1);
		assert_eq!((recorded[0].0, recorded[0].1), (ALICE, DAVE));
	});
}

#[test]
fn the_quote_is_the_charge() {
	ExtBuilder::build_and_execute(|| {
		advance(100 * SECOND);
		for (who, call, len) in [
			(ALICE, message(BOB, 10, true), 150),
			(BOB, message(ALICE, 10, false), 150),
			(CHARLIE, transfer(DAVE, UNIT), 140),
			(DAVE, message(ALICE, 100, true), 240),
		] {
			// The call uses all of its weight, so nothing comes back and the charge is exactly
			// the quote, whichever path it takes.
			let info = info_of(&call);
			let quote = PowerMetering::quote(Some(&who), &call, &info, len);
			assert_ok!(ChargePower::<Test>::new()
				.test_run(RuntimeOrigin::signed(who), &call, &info, len, 0, |_| Ok(
					PostDispatchInfo::default()
				))
				.unwrap());
			let Event::PowerCharged {
				msg, exec, msg_from_power, exec_from_power, flux, hetu, ..
			} = last_event()
			else {
				panic!("no charge")
			};
			assert_eq!(
				(msg, exec, msg_from_power, exec_from_power, flux, hetu),
				(
					quote.msg,
					quote.exec,
					quote.msg_from_power,
					quote.exec_from_power,
					quote.flux,
					quote.hetu
				)
			);
		}
	});
}

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
			ExtBuilder::build_and_execute(|| {
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
				let Event::PowerCharged { exec, exec_refunded, flux, .. } = last_event() else {
					panic!("no charge")
				};
				let unspent = PowerMetering::charge_weight()
					.saturating_sub(PowerMetering::path_weight(&plan))
					.saturating_add(plan.settlement_saving);
				// What the dispatch reports, with the extension's declared weight added and
				// capped by the declared total, less what the path taken saved.
				let actual = Weight::from_parts(used, 0)
					.saturating_add(info.extension_weight)
					.min(info.total_weight())
					.saturating_sub(unspent);
				let cost_of_actual = crate::math::exec_cost(&test_schedule(), actual.ref_time());
				assert_eq!(exec, cost_of_actual);
				assert!(quote.exec >= cost_of_actual);
				assert_eq!(exec + exec_refunded, quote.exec);
				assert!(flux <= quote.flux);
			});
		}
	}
}

#[test]
fn a_payer_with_leases_pays_for_walking_them() {
	ExtBuilder::build_and_execute(|| {
		use fluxomics_primitives::PowerLedger;
		advance(60 * SECOND);
		let call = message(BOB, 10, false);
		let weight = info_of(&call).total_weight();
		let plain = PowerMetering::plan_extrinsic(&ALICE, 150, false, weight);
		assert_ok!(Power::redirect(&ALICE, &CHARLIE, UNIT, START + DAY));
		let leased = PowerMetering::plan_extrinsic(&ALICE, 150, false, weight);
		// Settling Alice now walks a lease: less of the declared settlement weight comes back,
		// and the exec cost covers it.
		assert!(leased.settlement_saving.ref_time() < plain.settlement_saving.ref_time());
		assert!(leased.quote.exec > plain.quote.exec);
		assert_ok!(submit(ALICE, call, 150));
		let Event::PowerCharged { exec, exec_refunded, .. } = last_event() else {
			panic!("no charge")
		};
		assert_eq!((exec, exec_refunded), (leased.quote.exec, 0));
	});
}

#[test]
fn the_weight_of_finding_a_counterparty_is_kept() {
	ExtBuilder::build_and_execute(|| {
		advance(60 * SECOND);
		let call = transfer(DAVE, UNIT);
		let info = info_of(&call);
		let post = submit(ALICE, call, 140).unwrap();
		// The call, the Power path (10 µs + the 2 µs hook) and the 3 µs spent finding Dave; the
		// Flux path's extra and the settlement walk Alice (no leases) did not need come back.
		assert_eq!(
			post.actual_weight,
			Some(info.call_weight + Weight::from_parts(12_000_000 + 3_000_000, 0))
		);
	});
}
