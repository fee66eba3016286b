//! Builds the runtime's wasm blob with substrate-wasm-builder (skipped with `SKIP_WASM_BUILD=1`).
fn main() {
	#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();

	// With `metadata-hash`, offline signers can verify the metadata a transaction was signed with.
	#[cfg(all(feature = "std", feature = "metadata-hash"))]
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("HETU", 12)
		.build();
}
