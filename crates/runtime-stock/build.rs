//! Builds the stock-fee runtime's wasm blob (skipped with `SKIP_WASM_BUILD=1`). A crate of its
//! own, so that its blob has its own name and path and never replaces the node's runtime.
fn main() {
	#[cfg(feature = "std")]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}
