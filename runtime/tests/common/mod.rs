//! What the runtime's integration tests share: the genesis state a preset builds, the way the
//! node builds it.

// A test helper: a failed step should stop the test with its reason.
#![allow(clippy::expect_used)]

use fluxomics_runtime::{genesis_config_presets, RuntimeGenesisConfig};
use sp_io::TestExternalities;

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
pub fn genesis(preset: &str) -> TestExternalities {
	let patch = genesis_config_presets::get_preset(&preset.into()).expect("the preset exists");
	let mut config =
		serde_json::to_value(RuntimeGenesisConfig::default()).expect("the default config");
	merge(&mut config, serde_json::from_slice(&patch).expect("the preset is JSON"));
	let json = serde_json::to_vec(&config).expect("JSON");
	let mut ext = TestExternalities::new_empty();
	ext.execute_with(|| {
		frame_support::genesis_builder_helper::build_state::<RuntimeGenesisConfig>(json)
			.expect("the preset builds")
	});
	ext.commit_all().expect("genesis commits");
	ext
}
