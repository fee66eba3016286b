//! Builds the runtime's wasm blob with substrate-wasm-builder (skipped with `SKIP_WASM_BUILD=1`).
fn main() {
	// With `stock-fees` this is the stock-fee comparison of `make bench`: its blob is built by
	// `fluxomics-runtime-stock` under that crate's name, never here, where it would take the place
	// of the node's blob (`wbuild/fluxomics-runtime`). The builder still writes `WASM_BINARY`
	// (as `None`).
	#[cfg(all(feature = "std", feature = "stock-fees"))]
	std::env::set_var("SKIP_WASM_BUILD", "1");

	#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();

	// With `metadata-hash`, offline signers can verify the metadata a transaction was signed with.
	#[cfg(all(feature = "std", feature = "metadata-hash"))]
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("HETU", 12)
		.build();
}
