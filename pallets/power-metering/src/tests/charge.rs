//! `ChargePower` on every path of design §4, with exact amounts: Power, then Flux, then HETU
//! converted, or invalid; who is not charged; priority; counterparties; the quote.

use super::mock::*;
use crate::{pallet::ConsumedThisBlock, ChargePower, Event};
use fluxomics_primitives::{FluxLedger, PerKind, UNIT};
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

#[test]
fn power_alone_pays_when_it_suffices() {
	run(|| {
		advance(60 * SECOND);
		assert_eq!(power(ALICE), PerKind::new(6_000, 6_000));
		let quote = PowerMetering::quote(
			Some(&ALICE),
			&message(BOB, 10, false),
			&info_of(&message(BOB, 10, false)),
			150,
		);
		assert_eq!(
			(quote.cost.msg, quote.cost.exec, quote.flux, quote.hetu),
			(MSG, EXEC_USED, 0, 0)
		);
		assert_eq!(quote.priority, (MSG + EXEC_USED) as u64);
		assert!(quote.payable);
		let post = submit(ALICE, message(BOB, 10, false), 150).unwrap();
		assert_eq!(power(ALICE), PerKind::new(6_000 - MSG, 6_000 - EXEC_USED));
		assert_eq!(
			System::events().iter().rev().find_map(|r| match &r.event {
				RuntimeEvent::PowerMetering(e @ Event::PowerCharged { .. }) => Some(e.clone()),
				_ => None,
			}),
			Some(Event::PowerCharged {
				who: ALICE,
				cost: PerKind::new(MSG, EXEC_USED),
				from_power: PerKind::new(MSG, EXEC_USED),
				flux: 0,
				hetu: 0,
				refunded: PerKind::new(0, 0),
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
	run(|| {
		// Bob stakes 1 Flux: after 100 s he has 100 PU of each kind.
		advance(100 * SECOND);
		assert_eq!(power(BOB), PerKind::new(100, 100));
		let call = message(ALICE, 10, false);
		let quote = PowerMetering::quote(Some(&BOB), &call, &info_of(&call), 150);
		// Deficit 150 + 993 = 1 143 PU at 1 000 PU per Flux: 1.143 Flux.
		assert_eq!((quote.from_power.msg, quote.from_power.exec), (100, 100));
		assert_eq!((quote.flux, quote.hetu), (1_143_000_000_000, 0));
		assert_ok!(submit(BOB, call, 150));
		assert_eq!(power(BOB), PerKind::new(0, 0));
		// The Flux path weighs the whole declared extension weight: nothing to refund.
		assert_eq!(
			last_event(),
			Event::PowerCharged {
				who: BOB,
				cost: PerKind::new(MSG, EXEC),
				from_power: PerKind::new(100, 100),
				flux: 1_143_000_000_000,
				hetu: 0,
				refunded: PerKind::new(0, 0),
			}
		);
		assert_eq!(Flux::free(&BOB), 5 * UNIT - 1_143_000_000_000);
		assert_eq!(Flux::free(&Flux::sink_account()), 1_143_000_000_000);
	});
}

#[test]
fn flux_alone_pays_without_power() {
	run(|| {
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
	run(|| {
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
	run(|| {
		// At 10 msg PU a byte, a 1 000-byte intent costs 12 500 + 1 093 PU: 13.593 Flux, more
		// than Charlie's 10.
		let mut schedule = test_schedule();
		schedule.p_size = 10;
		assert_ok!(PowerMetering::set_params(RuntimeOrigin::root(), with_schedule(schedule)));
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
	run(|| {
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
		// (Stored directly: a vote may make Power at most ten times dearer.)
		crate::Schedule::<Test>::put(dear);
		assert_eq!(submit(DAVE, huge, 1_140), Err(InvalidTransaction::Payment));
		assert_eq!(Balances::balance(&DAVE), 1_000 * UNIT);
		assert_eq!(Flux::free(&EVE), 0);
		assert_eq!(ConsumedThisBlock::<Test>::get(), 0);
		assert!(edges().is_empty());
	});
}

#[test]
fn inherents_unsigned_and_pays_no_calls_are_free() {
	run(|| {
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
		assert_eq!((quote.cost.msg, quote.cost.exec, quote.payable), (0, 0, true));
		// Nobody was charged, so nobody was accrued.
		assert_eq!(ledger_calls(), LedgerCalls::default());
	});
}

#[test]
fn priority_rises_with_what_is_paid() {
	run(|| {
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
	run(|| {
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
	run(|| {
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
			let Event::PowerCharged { cost, from_power, flux, hetu, .. } = last_event() else {
				panic!("no charge")
			};
			assert_eq!(
				(cost.msg, cost.exec, from_power.msg, from_power.exec, flux, hetu),
				(
					quote.cost.msg,
					quote.cost.exec,
					quote.from_power.msg,
					quote.from_power.exec,
					quote.flux,
					quote.hetu
				)
			);
		}
	});
}
