//! Command-line arguments.

/// The node's subcommands.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management tools.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (deprecated in favour of `export-chain-spec`).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Benchmark runtime pallets (needs the `runtime-benchmarks` feature).
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Database meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// Check a Flox epoch's ranking off chain: export what the chain ranked, recompute it with
	/// the same library, and compare digests.
	#[command(subcommand)]
	Flox(crate::flox::FloxCmd),

	/// Time building and importing given blocks in wasm (`make bench`).
	BenchBlocks(crate::bench_blocks::BenchBlocksCmd),
}

/// `fluxomics-node [SUBCOMMAND] [OPTIONS]`.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	/// A subcommand; none runs the node.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// Options of the running node.
	#[clap(flatten)]
	pub run: sc_cli::RunCmd,

	/// On a development chain, also seal an empty block every this many milliseconds, so chain
	/// time keeps moving while nobody transacts. 0 seals only when transactions arrive.
	#[arg(long, default_value_t = 3000)]
	pub dev_block_time: u64,
}
