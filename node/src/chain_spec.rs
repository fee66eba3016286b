//! The chains this node knows by name: `dev`, `local` and `local4`. Any other `--chain` is a JSON
//! file.

use codec::Encode;
use fluxomics_runtime::{
	configs::MultipleBlocksPerSlot, genesis_config_presets::LOCAL_TESTNET_FOUR_PRESET, WASM_BINARY,
};
use sc_service::ChainType;
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_runtime::BuildStorage;

/// A chain spec for this runtime, with no extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// What polkadot.js shows for the native token: symbol, decimals, address format.
fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), "HETU".into());
	properties.insert("tokenDecimals".into(), 12.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

fn spec(name: &str, id: &str, chain_type: ChainType, preset: &str) -> Result<ChainSpec, String> {
	let wasm = WASM_BINARY.ok_or_else(|| {
		"the runtime's wasm blob is missing: build without SKIP_WASM_BUILD".to_string()
	})?;
	Ok(ChainSpec::builder(wasm, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// `--dev`: one authority (Alice), instant seal.
///
/// Instant seal makes a block per transaction, so several blocks can share an Aura slot: this
/// chain's genesis sets the runtime's `MultipleBlocksPerSlot`, which every other chain leaves
/// unset (one block per slot). The spec is therefore raw: the preset's storage plus that key.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	let mut spec =
		spec("Fluxomics Development", "fluxomics_dev", ChainType::Development, DEV_RUNTIME_PRESET)?;
	let mut storage = spec.build_storage()?;
	storage.top.insert(MultipleBlocksPerSlot::key().to_vec(), true.encode());
	sc_chain_spec::ChainSpec::set_storage(&mut spec, storage);
	Ok(spec)
}

/// `--chain local`: Alice and Bob author with Aura and finalize with GRANDPA.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	spec(
		"Fluxomics Local Testnet",
		"fluxomics_local",
		ChainType::Local,
		LOCAL_TESTNET_RUNTIME_PRESET,
	)
}

/// `--chain local4`: the `local` economy with Alice, Bob, Charlie and Dave as authorities.
pub fn local_four_chain_spec() -> Result<ChainSpec, String> {
	spec(
		"Fluxomics Local Testnet (four validators)",
		"fluxomics_local4",
		ChainType::Local,
		LOCAL_TESTNET_FOUR_PRESET,
	)
}
