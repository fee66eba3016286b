//! Issue 16, item 6: every genesis preset starts within every parameter range of Flux, metering
//! and Flox (a genesis outside them panics), and each pallet's invariants hold at genesis.

// A test: a failed step should stop it with its reason.
#![allow(clippy::expect_used)]

use fluxomics_runtime::{
	genesis_config_presets, Flox, Flux, PowerMetering, Runtime, RuntimeGenesisConfig,
};

/// RFC 7386 merge of `patch` into `doc`, as the node applies a preset to the default config.
fn merge(doc: &mut serde_json::Value, patch: serde_json::Value) {
	match (doc.as_object_mut(), patch) {
		(Some(d), serde_json::Value::Object(p)) => {
			for (k, v) in p {
				if v.is_null() {
					d.remove(&k);
				} else {
					merge(d.entry(k).or_insert(serde_json::Value::Null), v);
				}
			}
		},
		(_, patch) => *doc = patch,
	}
}

/// The state a preset builds, the way the node builds it: the default config, patched.
fn ext_of(preset: &str) -> sp_io::TestExternalities {
	let patch = genesis_config_presets::get_preset(&preset.into()).expect("the preset exists");
	let mut config =
		serde_json::to_value(RuntimeGenesisConfig::default()).expect("the default config");
	merge(&mut config, serde_json::from_slice(&patch).expect("the preset is JSON"));
	let json = serde_json::to_vec(&config).expect("JSON");
	let mut ext = sp_io::TestExternalities::new_empty();
	ext.execute_with(|| {
		frame_support::genesis_builder_helper::build_state::<RuntimeGenesisConfig>(json)
			.expect("the preset builds")
	});
	ext
}

#[test]
fn every_preset_starts_within_every_range() {
	let presets = genesis_config_presets::preset_names();
	assert_eq!(presets.len(), 3, "development, local_testnet, local_testnet_four");
	for preset in presets {
		ext_of(&preset).execute_with(|| {
			assert_eq!(Flux::validate_params(&pallet_flux::Params::<Runtime>::get()), Ok(()));
			assert_eq!(PowerMetering::validate_params(&PowerMetering::params()), Ok(()));
			assert_eq!(Flox::validate_params(&pallet_flox::Params::<Runtime>::get()), Ok(()));
			Flux::do_try_state().expect("Flux invariants");
			PowerMetering::do_try_state().expect("metering invariants");
			Flox::do_try_state().expect("Flox invariants");
		});
	}
}
