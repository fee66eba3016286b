//! What wallets are told (`TransactionPaymentApi`): the HETU value of the Flux a charge takes,
//! split by kind, zero when Power pays, and the prices of weight and length alone.

use super::mock::*;
use crate::{math, HetuFee};
use frame_support::{dispatch::GetDispatchInfo, weights::Weight};
use sp_arithmetic::FixedU128;

#[test]
fn a_wallet_is_told_zero_when_power_pays() {
	run(|| {
		advance(60 * SECOND);
		let call = message(BOB, 10, false);
		let quote = PowerMetering::quote(Some(&ALICE), &call, &info_of(&call), 150);
		assert_eq!(quote.flux, 0);
		assert_eq!(PowerMetering::hetu_fee(&quote), HetuFee::default());
	});
}

#[test]
fn the_fee_is_the_flux_the_charge_takes_split_by_kind() {
	run(|| {
		// Bob's 100 PU of each kind leave 150 msg and 993 exec PU to Flux at 1 000 PU a Flux.
		advance(100 * SECOND);
		let call = message(ALICE, 10, false);
		let quote = PowerMetering::quote(Some(&BOB), &call, &info_of(&call), 150);
		let fee = PowerMetering::hetu_fee(&quote);
		assert_eq!(fee, HetuFee { length: 150_000_000_000, weight: 993_000_000_000 });
		assert_eq!(fee.total(), quote.flux);
		// At 2 HETU a Flux the same Flux is worth twice the HETU.
		pallet_flux::Params::<Test>::mutate(|p| p.hetu_per_flux = FixedU128::from_u32(2));
		assert_eq!(
			PowerMetering::hetu_fee(&quote),
			HetuFee { length: 300_000_000_000, weight: 1_986_000_000_000 }
		);
	});
}

#[test]
fn weight_and_length_alone_are_priced_in_flux_at_r() {
	run(|| {
		// 52 010 000 ps of weight cost 1 093 exec PU (`costs_follow_the_schedule`), 150 bytes
		// 250 msg PU; at 1 000 PU a Flux and 1 HETU a Flux.
		assert_eq!(
			PowerMetering::weight_to_hetu(Weight::from_parts(52_010_000, 0)),
			1_093_000_000_000
		);
		assert_eq!(PowerMetering::length_to_hetu(150), 250_000_000_000);
	});
}

#[test]
fn a_call_with_no_signer_is_priced_wholly_in_flux() {
	run(|| {
		let call = message(ALICE, 10, false);
		let info = call.get_dispatch_info();
		let cost = PowerMetering::cost(150, false, info.total_weight());
		let flux = math::flux_for_power(cost.total(), FixedU128::from_u32(1_000)).unwrap();
		let fee = PowerMetering::call_fee(&call, &info, 150);
		assert_eq!(fee.total(), flux);
		assert_eq!(fee.length, math::flux_for_power(cost.msg, FixedU128::from_u32(1_000)).unwrap());
	});
}
