//! Parses the command line and runs the node or a subcommand.

use crate::{
	chain_spec,
	cli::{Cli, Subcommand},
	service,
};
use fluxomics_runtime::opaque::Block;
use sc_cli::SubstrateCli;
use sc_service::PartialComponents;

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"Fluxomics Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"the project's issue tracker".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" => Box::new(chain_spec::development_chain_spec()?),
			"" | "local" => Box::new(chain_spec::local_chain_spec()?),
			"local4" => Box::new(chain_spec::local_four_chain_spec()?),
			path => {
				Box::new(chain_spec::ChainSpec::from_json_file(std::path::PathBuf::from(path))?)
			},
		})
	}
}

/// Parses the command line and runs what it asks for.
pub fn run() -> sc_cli::Result<()> {
	let cli = Cli::from_args();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		},
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		},
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		},
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config)?;
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		},
		#[cfg(feature = "runtime-benchmarks")]
		Some(Subcommand::Benchmark(cmd)) => crate::benchmarking::run(&cli, cmd),
		Some(Subcommand::Flox(cmd)) => cmd.run(),
		Some(Subcommand::BenchBlocks(cmd)) => cmd.run(),
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		},
		None => {
			let dev_block_time = cli.dev_block_time;
			let runner = cli.create_runner(&cli.run)?;
			let dev_pool = (runner.config().chain_spec.chain_type()
				== sc_service::ChainType::Development)
				.then(|| dev_pool(&cli.run))
				.flatten();
			runner.run_node_until_exit(|config| async move {
				match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => {
						service::new_full::<
							sc_network::NetworkWorker<
								Block,
								<Block as sp_runtime::traits::Block>::Hash,
							>,
						>(config, dev_block_time, dev_pool)
						.map_err(sc_cli::Error::Service)
					},
					sc_network::config::NetworkBackendType::Litep2p => {
						service::new_full::<sc_network::Litep2pNetworkBackend>(
							config,
							dev_block_time,
							dev_pool,
						)
						.map_err(sc_cli::Error::Service)
					},
				}
			})
		},
	}
}

/// Ready transactions the dev chain's pool holds unless `--pool-limit` says otherwise (the
/// node's default is 8 192): a burst of 10 000 fits while nothing is sealed.
const DEV_POOL_LIMIT: usize = 65_536;

/// Bytes of ready transactions the dev chain's pool holds unless `--pool-kbytes` says otherwise
/// (the node's default is 20 MiB).
const DEV_POOL_BYTES: usize = 64 * 1024 * 1024;

/// The limits of the dev chain's own transaction pool (`service::dev_transaction_pool`), or
/// `None` if the command line chose a pool (`--pool-type`): then the node builds that one.
///
/// Limits not given on the command line are larger than the node's defaults: a pool over its
/// limit drops its oldest ready transaction of the lowest priority, with every later one of the
/// same sender, after the RPC has accepted them. The future queue holds a tenth, and a
/// transaction found invalid is banned as `--tx-ban-seconds` says (0 s with `--dev`), as in the
/// node's own pool.
fn dev_pool(run: &sc_cli::RunCmd) -> Option<sc_transaction_pool::Options> {
	let command = Cli::setup_command(<Cli as clap::CommandFactory>::command());
	let matches = command.try_get_matches_from(std::env::args_os()).ok()?;
	let given = |id: &str| matches.value_source(id) == Some(clap::parser::ValueSource::CommandLine);
	if given("pool_type") {
		return None;
	}
	let params = &run.pool_config;
	let count = if given("pool_limit") { params.pool_limit } else { DEV_POOL_LIMIT };
	let bytes =
		if given("pool_kbytes") { params.pool_kbytes.saturating_mul(1024) } else { DEV_POOL_BYTES };
	let ban = params.tx_ban_seconds.unwrap_or(if run.shared_params.is_dev() { 0 } else { 30 * 60 });
	Some(sc_transaction_pool::Options {
		ready: sc_transaction_pool::PoolLimit { count, total_bytes: bytes },
		future: sc_transaction_pool::PoolLimit { count: count / 10, total_bytes: bytes / 10 },
		reject_future_transactions: false,
		ban_time: std::time::Duration::from_secs(ban),
	})
}
