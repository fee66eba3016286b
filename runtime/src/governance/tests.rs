//! The runtime's origins for parameter changes: a parameter-track referendum may call every
//! pallet's parameter setter and nothing that needs root; signed accounts may call none of them.

use super::{origins::Origin as GovOrigin, tracks};
use crate::{
	Flox, Flux, OriginCaller, Pocw, Power, PowerMarket, PowerMetering, Runtime, RuntimeEvent,
	RuntimeOrigin, System,
};
use frame_support::{assert_noop, assert_ok};
use pallet_referenda::TracksInfo;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{BuildStorage, DispatchError};

fn new_test_ext() -> sp_io::TestExternalities {
	let storage = crate::RuntimeGenesisConfig::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

fn parameter_track() -> RuntimeOrigin {
	RuntimeOrigin::from(GovOrigin::ParameterChange)
}

fn signed() -> RuntimeOrigin {
	RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id())
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

#[test]
fn the_parameter_track_changes_every_pallets_parameters() {
	new_test_ext().execute_with(|| {
		let flux = pallet_flux::Params::<Runtime>::get();
		assert_ok!(Flux::set_params(parameter_track(), flux));
		assert!(matches!(last_event(), RuntimeEvent::Flux(pallet_flux::Event::ParamsSet { .. })));

		let power = pallet_power::Params::<Runtime>::get();
		assert_ok!(Power::set_params(parameter_track(), power));
		assert!(matches!(last_event(), RuntimeEvent::Power(pallet_power::Event::ParamsSet { .. })));

		assert_ok!(PowerMetering::set_params(parameter_track(), PowerMetering::params()));
		assert!(matches!(
			last_event(),
			RuntimeEvent::PowerMetering(pallet_power_metering::Event::ParamsSet { .. })
		));

		let market = pallet_power_market::Params::<Runtime>::get();
		assert_ok!(PowerMarket::set_params(parameter_track(), market));
		assert!(matches!(
			last_event(),
			RuntimeEvent::PowerMarket(pallet_power_market::Event::ParamsSet { .. })
		));

		let pocw = pallet_pocw::Params::<Runtime>::get();
		assert_ok!(Pocw::set_params(parameter_track(), pocw));
		assert!(matches!(last_event(), RuntimeEvent::Pocw(pallet_pocw::Event::ParamsSet { .. })));

		let flox = pallet_flox::Params::<Runtime>::get();
		assert_ok!(Flox::set_params(parameter_track(), flox));
		assert!(matches!(last_event(), RuntimeEvent::Flox(pallet_flox::Event::ParamsSet { .. })));
		let who = Sr25519Keyring::Dave.to_account_id();
		let tier = sp_runtime::FixedU128::from_u32(2);
		assert_ok!(Flox::set_tier(parameter_track(), who.clone(), tier));
		assert_eq!(pallet_flox::TierWeights::<Runtime>::get(&who), Some(tier));
	});
}

#[test]
fn signed_accounts_change_no_parameters() {
	new_test_ext().execute_with(|| {
		let bad = DispatchError::BadOrigin;
		let flux = pallet_flux::Params::<Runtime>::get();
		assert_noop!(Flux::set_params(signed(), flux), bad);
		let power = pallet_power::Params::<Runtime>::get();
		assert_noop!(Power::set_params(signed(), power), bad);
		assert_noop!(PowerMetering::set_params(signed(), PowerMetering::params()), bad);
		let market = pallet_power_market::Params::<Runtime>::get();
		assert_noop!(PowerMarket::set_params(signed(), market), bad);
		let pocw = pallet_pocw::Params::<Runtime>::get();
		assert_noop!(Pocw::set_params(signed(), pocw), bad);
		let flox = pallet_flox::Params::<Runtime>::get();
		assert_noop!(Flox::set_params(signed(), flox), bad);
		let who = Sr25519Keyring::Dave.to_account_id();
		assert_noop!(Flox::set_tier(signed(), who, sp_runtime::FixedU128::from_u32(2)), bad);
	});
}

#[test]
fn the_parameter_track_cannot_do_what_needs_root() {
	new_test_ext().execute_with(|| {
		let who = Sr25519Keyring::Ferdie.to_account_id();
		assert_noop!(
			crate::Balances::force_set_balance(parameter_track(), who.into(), 1),
			DispatchError::BadOrigin
		);
		assert_noop!(System::set_code(parameter_track(), alloc::vec![]), DispatchError::BadOrigin);
	});
}

#[test]
fn origins_map_to_their_tracks() {
	new_test_ext().execute_with(|| {
		let root = OriginCaller::system(frame_system::RawOrigin::Root);
		let param = OriginCaller::Origins(GovOrigin::ParameterChange);
		let signed = OriginCaller::system(frame_system::RawOrigin::Signed(
			Sr25519Keyring::Bob.to_account_id(),
		));
		assert_eq!(tracks::Tracks::track_for(&root), Ok(tracks::ROOT_TRACK));
		assert_eq!(tracks::Tracks::track_for(&param), Ok(tracks::PARAMETER_TRACK));
		assert_eq!(tracks::Tracks::track_for(&signed), Err(()));
		assert!(tracks::Tracks::check_integrity().is_ok());
		// The periods come from storage: genesis sets them per chain.
		let periods = super::origins::Periods::<Runtime>::get();
		let info = tracks::Tracks::info(tracks::PARAMETER_TRACK).unwrap();
		assert_eq!(info.decision_period, periods.decision);
	});
}
