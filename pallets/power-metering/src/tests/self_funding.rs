//! An account that unstaked everything it had is not locked out of its Flux: a withdrawal of
//! thawed unbonding Flux pays for itself from what it releases (`SelfFunding`), and only once.

use super::mock::*;
use crate::Event;
use fluxomics_primitives::{FluxLedger, PerKind, SelfFunding, UNIT};

type WithdrawPaysItself = pallet_flux::WithdrawPaysItself<Test>;
use frame_support::assert_ok;

fn withdraw() -> RuntimeCall {
	RuntimeCall::Flux(pallet_flux::Call::withdraw_unbonded {})
}

#[test]
fn an_all_out_unstaker_withdraws_paying_from_what_it_releases() {
	run(|| {
		// Eve holds no HETU; she staked 10 Flux and unstaked all of it at once, so her stake
		// never generated Power: no free Flux, no Power, no HETU, 10 Flux unbonding.
		assert_ok!(<Flux as FluxLedger<_>>::mint_and_stake(&EVE, 10 * UNIT));
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(EVE), 10 * UNIT));
		advance(DAY);
		assert_eq!(power(EVE), PerKind::new(0, 0));
		assert_eq!(Flux::free(&EVE), 0);
		assert_eq!(Flux::thawed(&EVE), 10 * UNIT);
		// Any other call is unpayable: the lock-out the issue describes.
		let rebond = RuntimeCall::Flux(pallet_flux::Call::rebond { amount: UNIT });
		assert!(!PowerMetering::quote(Some(&EVE), &rebond, &info_of(&rebond), 100).payable);
		// The withdrawal is payable, from the Flux it releases.
		let quote = PowerMetering::quote(Some(&EVE), &withdraw(), &info_of(&withdraw()), 100);
		assert!(quote.payable);
		assert_eq!(quote.hetu, 0);
		assert!(quote.flux > 0 && quote.flux < 10 * UNIT);
		assert_ok!(submit(EVE, withdraw(), 100));
		let charged = System::events().into_iter().rev().find_map(|r| match r.event {
			RuntimeEvent::PowerMetering(e @ Event::PowerCharged { .. }) => Some(e),
			_ => None,
		});
		let Some(Event::PowerCharged { flux: paid, .. }) = charged else { panic!("no charge") };
		assert!(paid > 0 && paid <= quote.flux);
		// Everything she unstaked is hers again, less the fee.
		assert_eq!(Flux::free(&EVE), 10 * UNIT - paid);
		assert_eq!(Flux::thawed(&EVE), 0);
		assert!(pallet_flux::Pallet::<Test>::account(&EVE).unbonding.is_empty());
		// Nothing is left to release: the next withdrawal pays like any other call.
		assert_eq!(WithdrawPaysItself::releasable(&withdraw(), &EVE), 0);
	});
}

#[test]
fn only_the_withdrawal_releases_and_never_more_than_has_thawed() {
	run(|| {
		assert_ok!(<Flux as FluxLedger<_>>::mint_and_stake(&EVE, 10 * UNIT));
		assert_ok!(Flux::unstake(RuntimeOrigin::signed(EVE), 10 * UNIT));
		// Not thawed yet: nothing to release, the withdrawal is as unpayable as anything else.
		assert_eq!(WithdrawPaysItself::releasable(&withdraw(), &EVE), 0);
		assert!(!PowerMetering::quote(Some(&EVE), &withdraw(), &info_of(&withdraw()), 100).payable);
		advance(DAY);
		// Another call releases nothing.
		let message = message(ALICE, 10, false);
		assert_eq!(WithdrawPaysItself::releasable(&message, &EVE), 0);
		// More than has thawed is refused and changes nothing.
		assert!(Flux::take_thawed(&EVE, 11 * UNIT).is_err());
		assert_eq!(Flux::thawed(&EVE), 10 * UNIT);
	});
}
