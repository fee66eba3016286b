//! Issue 16, item 6: every genesis preset starts within every parameter range of Flux, metering
//! and Flox (a genesis outside them panics), and each pallet's invariants hold at genesis.

// A test: a failed step should stop it with its reason.
#![allow(clippy::expect_used)]

use fluxomics_runtime::{genesis_config_presets, Flox, Flux, PowerMetering, Runtime};

mod common;

#[test]
fn every_preset_starts_within_every_range() {
	let presets = genesis_config_presets::preset_names();
	assert_eq!(presets.len(), 3, "development, local_testnet, local_testnet_four");
	for preset in presets {
		common::genesis(&preset).execute_with(|| {
			assert_eq!(Flux::validate_params(&pallet_flux::Params::<Runtime>::get()), Ok(()));
			assert_eq!(PowerMetering::validate_params(&PowerMetering::params()), Ok(()));
			assert_eq!(Flox::validate_params(&pallet_flox::Params::<Runtime>::get()), Ok(()));
			Flux::do_try_state().expect("Flux invariants");
			PowerMetering::do_try_state().expect("metering invariants");
			Flox::do_try_state().expect("Flox invariants");
		});
	}
}
