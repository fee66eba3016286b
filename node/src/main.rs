//! # fluxomics-node
//!
//! The node that hosts the Fluxomics runtime.
//!
//! - `fluxomics-node --dev`: a single node that seals and finalizes a block as soon as a
//!   transaction arrives (and an empty one every `--dev-block-time` ms, so chain time, in which
//!   Power accrues, keeps moving when nobody transacts). RPC on `ws://127.0.0.1:9944`.
//! - `fluxomics-node --chain local --alice` (and `--bob`): a real Aura + GRANDPA network.
//! - The usual subcommands: `build-spec`, `export-chain-spec`, `purge-chain`, `export-blocks`,
//!   `import-blocks`, `check-block`, `revert`, `key`, `bench-blocks` (`make bench`), and `benchmark`
//!   when built with the `runtime-benchmarks` feature.
#![warn(missing_docs)]
// `sc_cli::Error` and `sc_service::Error` are large, and every node API returns them.
#![allow(clippy::result_large_err)]

mod bench_blocks;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod flox;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
