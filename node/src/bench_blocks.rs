//! `fluxomics-node bench-blocks`: the time a runtime takes to build and to import given blocks, in
//! wasm, with the executor the node runs blocks with. `make bench` uses it to compare the Power
//! path with the stock fee path (`docs/performance.md`).
//!
//! The blocks come from a file written by the runtime's `block_capacity` test (a SCALE `Vec` of
//! blocks, the first ones setting up, the last one full): their extrinsics, numbers and digests
//! (the Aura slot). The state starts from the runtime's own genesis preset, and every block is
//! built anew here, in wasm. For each repetition, on a fresh copy of the state after the setup
//! blocks:
//!
//! - **build**: `Core_initialize_block`, `BlockBuilder_apply_extrinsic` for each extrinsic of the
//!   last block, `BlockBuilder_finalize_block` (what a block author does, without the pool);
//! - **import**: `Core_execute_block` of the block just built (what every other node does);
//! - **validate**: `TaggedTransactionQueue_validate_transaction` of each signed extrinsic of the
//!   last block, from outside, each on the state after the setup (what the pool does with every
//!   transaction it receives, and again after each block for those it still holds).
//!
//! The fastest repetition of each is reported: other processes only ever add time.

use codec::{Decode, Encode};
use fluxomics_runtime::{opaque::Block, Header};
use sc_executor::WasmExecutor;
use sp_core::traits::{CallContext, CodeExecutor, RuntimeCode, WrappedRuntimeCode};
use sp_runtime::traits::{Block as _, Header as _};
use std::{path::PathBuf, time::Instant};

/// Time building and importing blocks in wasm.
#[derive(Debug, clap::Args)]
pub struct BenchBlocksCmd {
	/// The runtime's wasm blob.
	#[arg(long)]
	runtime: PathBuf,
	/// The genesis preset the blocks were built on.
	#[arg(long, default_value = "development")]
	preset: String,
	/// The file of blocks (SCALE `Vec<Block>`): the setup, then the block to time.
	#[arg(long)]
	blocks: PathBuf,
	/// Repetitions; the fastest counts.
	#[arg(long, default_value_t = 5)]
	repeat: u32,
}

type Executor = WasmExecutor<sp_io::SubstrateHostFunctions>;

/// Calls `method` of the runtime on `ext`'s state, as block import (`import`) or as block building
/// does.
fn call(
	executor: &Executor,
	code: &RuntimeCode,
	ext: &mut sp_io::TestExternalities,
	method: &str,
	data: &[u8],
	import: bool,
) -> Result<Vec<u8>, String> {
	let mut state = ext.ext();
	executor
		.call(&mut state, code, method, data, CallContext::Onchain { import })
		.0
		.map_err(|e| format!("{method}: {e}"))
}

impl BenchBlocksCmd {
	/// Runs it: prints one line, `BLOCKS <extrinsics> build=<ms> import=<ms> validate=<ms>`.
	pub fn run(&self) -> sc_cli::Result<()> {
		// The runtime's own messages (a panic's reason) at `warn` and above.
		let _ = sc_cli::LoggerBuilder::new("warn").init();
		let wasm = std::fs::read(&self.runtime)
			.map_err(|e| format!("cannot read {}: {e}", self.runtime.display()))?;
		let bytes = std::fs::read(&self.blocks)
			.map_err(|e| format!("cannot read {}: {e}", self.blocks.display()))?;
		let blocks = Vec::<Block>::decode(&mut bytes.as_slice())
			.map_err(|e| format!("{} is not a list of blocks: {e}", self.blocks.display()))?;
		let Some((last, setup)) = blocks.split_last() else {
			return Err("the file holds no block".into());
		};
		let storage = sc_chain_spec::GenesisConfigBuilderRuntimeCaller::<
			sp_io::SubstrateHostFunctions,
		>::new(&wasm)
		.get_storage_for_named_preset(Some(&self.preset))?;
		let executor = Executor::builder().with_max_runtime_instances(1).build();
		let fetch = WrappedRuntimeCode(wasm.as_slice().into());
		let code = RuntimeCode {
			code_fetcher: &fetch,
			heap_pages: None,
			hash: sp_io::hashing::blake2_256(&wasm).to_vec(),
		};
		// Builds a block on `ext`: `template`'s number and digest on `parent`, then `extrinsics`;
		// returns its header. Blocks are built here, in wasm, rather than imported as the test
		// built them natively: the header a node imports is the one its author built.
		let build = |ext: &mut sp_io::TestExternalities,
		             template: &Header,
		             parent: sp_core::H256,
		             extrinsics: &[sp_runtime::OpaqueExtrinsic]|
		 -> Result<Header, String> {
			let header = Header::new(
				template.number,
				Default::default(),
				Default::default(),
				parent,
				template.digest.clone(),
			);
			call(&executor, &code, ext, "Core_initialize_block", &header.encode(), false)?;
			for xt in extrinsics {
				let apply = "BlockBuilder_apply_extrinsic";
				let out = call(&executor, &code, ext, apply, &xt.encode(), false)?;
				// `ApplyExtrinsicResult`: `Ok(Ok(()))` is 0x00 0x00.
				if out.get(..2) != Some(&[0, 0]) {
					return Err(format!("an extrinsic of block {} failed: {out:?}", header.number));
				}
			}
			let out = call(&executor, &code, ext, "BlockBuilder_finalize_block", &[], false)?;
			Header::decode(&mut out.as_slice()).map_err(|e| format!("finalize_block: {e}"))
		};
		// The state after the setup blocks, made anew for each run, and its head's hash.
		let genesis = setup.first().unwrap_or(last).header().parent_hash;
		let prepared = || -> Result<(sp_io::TestExternalities, sp_core::H256), String> {
			let mut ext = sp_io::TestExternalities::new(storage.clone());
			let mut parent = genesis;
			for b in setup {
				parent = build(&mut ext, b.header(), parent, b.extrinsics())?.hash();
			}
			ext.commit_all().map_err(|e| format!("commit: {e}"))?;
			Ok((ext, parent))
		};
		let extrinsics = last.extrinsics();
		let mut build_time = f64::MAX;
		let mut import_time = f64::MAX;
		for _ in 0..self.repeat.max(1) {
			let (mut ext, parent) = prepared()?;
			let start = Instant::now();
			let header = build(&mut ext, last.header(), parent, extrinsics)?;
			build_time = build_time.min(start.elapsed().as_secs_f64());

			let block = Block::new(header, extrinsics.to_vec()).encode();
			let (mut ext, _) = prepared()?;
			let start = Instant::now();
			call(&executor, &code, &mut ext, "Core_execute_block", &block, true)?;
			import_time = import_time.min(start.elapsed().as_secs_f64());
		}
		// Validation, as the pool does it: each transaction on its own, nothing kept.
		let mut validate_time = f64::MAX;
		let signed = extrinsics.get(1..).unwrap_or_default();
		for _ in 0..self.repeat.max(1) {
			let (mut ext, parent) = prepared()?;
			let start = Instant::now();
			for xt in signed {
				let data =
					(sp_runtime::transaction_validity::TransactionSource::External, xt, parent)
						.encode();
				let mut state = ext.ext();
				sp_core::traits::Externalities::storage_start_transaction(&mut state);
				let method = "TaggedTransactionQueue_validate_transaction";
				let out = executor
					.call(&mut state, &code, method, &data, CallContext::Offchain)
					.0
					.map_err(|e| format!("{method}: {e}"))?;
				sp_core::traits::Externalities::storage_rollback_transaction(&mut state)
					.map_err(|()| "no transaction to roll back".to_string())?;
				// `TransactionValidity`: `Ok(..)` starts with 0x00.
				if out.first() != Some(&0) {
					return Err(format!("a transaction did not validate: {out:?}").into());
				}
			}
			validate_time = validate_time.min(start.elapsed().as_secs_f64());
		}
		println!(
			"BLOCKS {} build={:.1}ms import={:.1}ms validate={:.1}ms",
			extrinsics.len(),
			build_time * 1e3,
			import_time * 1e3,
			validate_time * 1e3
		);
		Ok(())
	}
}
