//! The node's services: database, import queue, networking, RPC, block authoring and finality.
//!
//! Two ways to author blocks, chosen by the chain spec's type:
//! - **Development** (`--dev`): manual seal. A block is sealed and finalized as soon as a
//!   transaction is ready in the pool (in a burst, one full block at a time, at least
//!   `SEAL_SPACING` apart: `seal_while_ready`, with the pool of `dev_transaction_pool`), an empty
//!   one every `--dev-block-time` ms, and on demand through the `engine_createBlock` RPC. Blocks
//!   carry an Aura pre-digest of their wall-clock slot, so the same runtime (whose Aura pallet
//!   checks the slot) runs unchanged; several blocks can share a slot, which the dev chain's
//!   genesis allows (`MultipleBlocksPerSlot`).
//! - **Any other chain** (`--chain local`, a JSON spec): Aura authoring in 6 s slots and GRANDPA
//!   finality among the authorities. The runtime refuses a block whose slot is not later than its
//!   parent's: one block per slot.

use std::{sync::Arc, time::Duration};

use codec::Decode;
use fluxomics_runtime::{
	apis::RuntimeApi,
	configs::MultipleBlocksPerSlot,
	opaque::{Block, Hash},
};
use futures::{
	channel::{mpsc, oneshot},
	future::Either,
	FutureExt, Stream, StreamExt,
};
use sc_client_api::{Backend, BlockBackend, StorageProvider};
use sc_consensus_aura::{ImportQueueParams, SlotProportion, StartAuraParams};
use sc_consensus_grandpa::SharedVoterState;
use sc_consensus_manual_seal::{
	consensus::aura::AuraConsensusDataProvider, EngineCommand, ManualSealParams,
};
use sc_service::{error::Error as ServiceError, Configuration, TaskManager, WarpSyncConfig};
use sc_telemetry::{Telemetry, TelemetryWorker};
use sc_transaction_pool_api::{OffchainTransactionPoolFactory, TransactionPool};
use sp_consensus_aura::sr25519::{AuthorityId as AuraId, AuthorityPair as AuraPair};
use sp_core::storage::StorageKey;

/// The client: native code plus the runtime's wasm, run by the executor.
pub type FullClient = sc_service::TFullClient<
	Block,
	RuntimeApi,
	sc_executor::WasmExecutor<sp_io::SubstrateHostFunctions>,
>;
type FullBackend = sc_service::TFullBackend<Block>;
type FullSelectChain = sc_consensus::LongestChain<FullBackend, Block>;
type FullPool = sc_transaction_pool::TransactionPoolHandle<Block, FullClient>;
type GrandpaBlockImport =
	sc_consensus_grandpa::GrandpaBlockImport<FullBackend, Block, FullClient, FullSelectChain>;
type GrandpaLink = sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>;
/// What the sealing task answers to a `SealNewBlock` command.
type SealResult =
	Result<sc_consensus_manual_seal::CreatedBlock<Hash>, sc_consensus_manual_seal::Error>;

/// GRANDPA justifications are generated and imported at least every this many blocks.
const GRANDPA_JUSTIFICATION_PERIOD: u32 = 512;

/// The parts of a node that subcommands (export, check, revert) need too.
pub type Service = sc_service::PartialComponents<
	FullClient,
	FullBackend,
	FullSelectChain,
	sc_consensus::DefaultImportQueue<Block>,
	FullPool,
	(GrandpaBlockImport, GrandpaLink, Option<Telemetry>),
>;

/// Whether this chain is a development chain (manual seal) rather than a real network.
fn is_dev(config: &Configuration) -> bool {
	config.chain_spec.chain_type() == sc_service::ChainType::Development
}

/// Whether the runtime at the best block lets several blocks share an Aura slot (the runtime's
/// `MultipleBlocksPerSlot`, set only in the dev chain's genesis).
fn multiple_blocks_per_slot(client: &FullClient) -> Result<bool, ServiceError> {
	let key = StorageKey(MultipleBlocksPerSlot::key().to_vec());
	let value = client.storage(client.chain_info().best_hash, &key)?;
	Ok(value.is_some_and(|v| bool::decode(&mut &v.0[..]).unwrap_or(false)))
}

/// Builds the client, database, transaction pool (as `config` says) and import queue.
pub fn new_partial(config: &Configuration) -> Result<Service, ServiceError> {
	build_partial(config, None)
}

/// `new_partial`, with the dev chain's own transaction pool when `dev_pool` is given (see
/// `dev_transaction_pool`).
fn build_partial(
	config: &Configuration,
	dev_pool: Option<sc_transaction_pool::Options>,
) -> Result<Service, ServiceError> {
	let telemetry = config
		.telemetry_endpoints
		.clone()
		.filter(|x| !x.is_empty())
		.map(|endpoints| -> Result<_, sc_telemetry::Error> {
			let worker = TelemetryWorker::new(16)?;
			let telemetry = worker.handle().new_telemetry(endpoints);
			Ok((worker, telemetry))
		})
		.transpose()?;

	let executor = sc_service::new_wasm_executor::<sp_io::SubstrateHostFunctions>(&config.executor);
	let (client, backend, keystore_container, task_manager) =
		sc_service::new_full_parts::<Block, RuntimeApi, _>(
			config,
			telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
			executor,
			Vec::new(),
		)?;
	let client = Arc::new(client);

	let telemetry = telemetry.map(|(worker, telemetry)| {
		task_manager.spawn_handle().spawn("telemetry", None, worker.run());
		telemetry
	});

	let select_chain = sc_consensus::LongestChain::new(backend.clone());

	let transaction_pool = Arc::new(match dev_pool {
		Some(options) => dev_transaction_pool(config, &task_manager, &client, options),
		None => sc_transaction_pool::Builder::new(
			task_manager.spawn_essential_handle(),
			client.clone(),
			config.role.is_authority().into(),
		)
		.with_options(config.transaction_pool.clone())
		.with_prometheus(config.prometheus_registry())
		.build(),
	});

	let (grandpa_block_import, grandpa_link) = sc_consensus_grandpa::block_import(
		client.clone(),
		GRANDPA_JUSTIFICATION_PERIOD,
		&client,
		select_chain.clone(),
		telemetry.as_ref().map(|x| x.handle()),
	)?;

	let import_queue = if is_dev(config) {
		sc_consensus_manual_seal::import_queue(
			Box::new(client.clone()),
			&task_manager.spawn_essential_handle(),
			config.prometheus_registry(),
		)
	} else {
		let cidp_client = client.clone();
		sc_consensus_aura::import_queue::<AuraPair, _, _, _, _, _>(ImportQueueParams {
			block_import: grandpa_block_import.clone(),
			justification_import: Some(Box::new(grandpa_block_import.clone())),
			client: client.clone(),
			create_inherent_data_providers: move |parent_hash, _| {
				let cidp_client = cidp_client.clone();
				async move {
					let slot_duration = sc_consensus_aura::standalone::slot_duration_at(
						&*cidp_client,
						parent_hash,
					)?;
					let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
					let slot =
						sp_consensus_aura::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
							*timestamp,
							slot_duration,
						);
					Ok((slot, timestamp))
				}
			},
			spawner: &task_manager.spawn_essential_handle(),
			registry: config.prometheus_registry(),
			check_for_equivocation: Default::default(),
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			compatibility_mode: Default::default(),
		})?
	};

	Ok(sc_service::PartialComponents {
		client,
		backend,
		task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (grandpa_block_import, grandpa_link, telemetry),
	})
}

/// The dev chain's transaction pool: the single-state pool, revalidating what it holds inside its
/// own maintenance, in step with block import.
///
/// The pool files a transaction whose nonce follows one still pending under the tag that pending
/// one provides. If that transaction was included meanwhile, the pool still lets the new one
/// through as ready, but only for two blocks after the inclusion (`RECENTLY_PRUNED_TAGS` in
/// sc-transaction-pool); later it waits in the future queue for a tag that will never come. A
/// real network's blocks are seconds apart; a dev chain sealing a burst as fast as it can makes
/// them milliseconds apart, and validations started blocks earlier land late: a submission's
/// (validated at the best block when it arrived), and those of the background revalidation the
/// node's pool normally runs (every block, every ready transaction, in batches validated at the
/// block they were queued at). Of a burst of 10 000 transfers, 2 475 to 7 694 were stranded so.
/// The fork-aware pool, the node's default, did worse: of 10 000, 186 to 2 016 were ever
/// included, the rest dropped.
///
/// Here revalidation runs inside the pool's maintenance (every 20 blocks or 60 s), so no block is
/// pruned while it runs; and `seal_while_ready` spaces the blocks it seals, so a submission's
/// validation would have to outlast two of them. With both, every one of 10 000 is included.
fn dev_transaction_pool(
	config: &Configuration,
	task_manager: &TaskManager,
	client: &Arc<FullClient>,
	options: sc_transaction_pool::Options,
) -> FullPool {
	sc_telemetry::log::info!(
		"Creating the dev chain's transaction pool: single-state, revalidating on import; \
		 ready={:?} future={:?}",
		options.ready,
		options.future,
	);
	let spawner = task_manager.spawn_essential_handle();
	let api = Arc::new(sc_transaction_pool::FullChainApi::new(
		client.clone(),
		config.prometheus_registry(),
		&spawner,
	));
	let chain = client.chain_info();
	let pool = sc_transaction_pool::BasicPool::with_revalidation_type(
		options,
		config.role.is_authority().into(),
		api,
		config.prometheus_registry(),
		sc_transaction_pool::RevalidationType::Light,
		spawner,
		chain.best_number,
		chain.best_hash,
		chain.finalized_hash,
	);
	sc_transaction_pool::TransactionPoolWrapper(Box::new(pool))
}

/// Builds and starts a full node. `dev_block_time` is the interval of empty blocks on a
/// development chain, in milliseconds (0: none); `dev_pool`, the limits of the dev chain's own
/// transaction pool (`dev_transaction_pool`), or `None` for the pool `config` describes.
pub fn new_full<
	N: sc_network::NetworkBackend<Block, <Block as sp_runtime::traits::Block>::Hash>,
>(
	config: Configuration,
	dev_block_time: u64,
	dev_pool: Option<sc_transaction_pool::Options>,
) -> Result<TaskManager, ServiceError> {
	let dev = is_dev(&config);
	let sc_service::PartialComponents {
		client,
		backend,
		mut task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (block_import, grandpa_link, mut telemetry),
	} = build_partial(&config, dev_pool)?;

	// Instant seal puts several blocks in one slot, which only a chain whose genesis allows it
	// (`--dev`) accepts; elsewhere such a chain would let an authority fill its slot with blocks.
	let many_per_slot = multiple_blocks_per_slot(&client)?;
	if dev && !many_per_slot {
		return Err(ServiceError::Other(
			"this development chain (instant seal) does not allow several blocks per slot in its \
			 genesis: use `--dev`, or a spec made by `build-spec --chain dev`"
				.into(),
		));
	}
	if !dev && many_per_slot {
		sc_telemetry::log::warn!(
			"⚠️  This chain allows several blocks per Aura slot (`MultipleBlocksPerSlot`): an \
			 authority can make many blocks in its slot. Only a development chain should."
		);
	}

	let mut net_config = sc_network::config::FullNetworkConfiguration::<
		Block,
		<Block as sp_runtime::traits::Block>::Hash,
		N,
	>::new(&config.network, config.prometheus_registry().cloned());
	let metrics = N::register_notification_metrics(config.prometheus_registry());

	let genesis_hash = client
		.block_hash(0)
		.ok()
		.flatten()
		.ok_or_else(|| ServiceError::Other("the genesis block is missing".into()))?;
	let grandpa_protocol_name =
		sc_consensus_grandpa::protocol_standard_name(&genesis_hash, &config.chain_spec);
	let (grandpa_protocol_config, grandpa_notification_service) =
		sc_consensus_grandpa::grandpa_peers_set_config::<_, N>(
			grandpa_protocol_name.clone(),
			metrics.clone(),
			net_config.peer_store_handle(),
		);
	net_config.add_notification_protocol(grandpa_protocol_config);

	let warp_sync = Arc::new(sc_consensus_grandpa::warp_proof::NetworkProvider::new(
		backend.clone(),
		grandpa_link.shared_authority_set().clone(),
		Vec::default(),
	));

	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		sc_service::build_network(sc_service::BuildNetworkParams {
			config: &config,
			net_config,
			client: client.clone(),
			transaction_pool: transaction_pool.clone(),
			spawn_handle: task_manager.spawn_handle(),
			spawn_essential_handle: task_manager.spawn_essential_handle(),
			import_queue,
			block_announce_validator_builder: None,
			warp_sync_config: if dev {
				None
			} else {
				Some(WarpSyncConfig::WithProvider(warp_sync))
			},
			block_relay: None,
			metrics,
			gap_sync_body_policy: None,
		})?;

	if config.offchain_worker.enabled {
		let offchain_workers =
			sc_offchain::OffchainWorkers::new(sc_offchain::OffchainWorkerOptions {
				runtime_api_provider: client.clone(),
				is_validator: config.role.is_authority(),
				keystore: Some(keystore_container.keystore()),
				offchain_db: backend.offchain_storage(),
				transaction_pool: Some(OffchainTransactionPoolFactory::new(
					transaction_pool.clone(),
				)),
				network_provider: Arc::new(network.clone()),
				enable_http_requests: true,
				custom_extensions: |_| vec![],
			})?;
		task_manager.spawn_handle().spawn(
			"offchain-workers-runner",
			"offchain-worker",
			offchain_workers.run(client.clone(), task_manager.spawn_handle()).boxed(),
		);
	}

	let role = config.role;
	let force_authoring = config.force_authoring;
	let name = config.network.node_name.clone();
	let enable_grandpa = !config.disable_grandpa && !dev;
	let prometheus_registry = config.prometheus_registry().cloned();

	// On a development chain, `engine_*` RPC calls reach the sealing task through this channel.
	let (seal_tx, seal_rx) = mpsc::channel::<EngineCommand<_>>(1024);
	let manual_seal_rpc = dev.then_some(seal_tx);

	let rpc_extensions_builder = {
		let client = client.clone();
		let pool = transaction_pool.clone();
		Box::new(move |_| {
			let deps = crate::rpc::FullDeps {
				client: client.clone(),
				pool: pool.clone(),
				manual_seal: manual_seal_rpc.clone(),
			};
			crate::rpc::create_full(deps).map_err(Into::into)
		})
	};

	let _rpc_handlers = sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		network: Arc::new(network.clone()),
		client: client.clone(),
		keystore: keystore_container.keystore(),
		task_manager: &mut task_manager,
		transaction_pool: transaction_pool.clone(),
		rpc_builder: rpc_extensions_builder,
		backend,
		system_rpc_tx,
		tx_handler_controller,
		sync_service: sync_service.clone(),
		config,
		telemetry: telemetry.as_mut(),
		tracing_execute_block: None,
	})?;

	if !role.is_authority() && dev {
		return Ok(task_manager);
	}

	let proposer_factory = sc_basic_authorship::ProposerFactory::new(
		task_manager.spawn_handle(),
		client.clone(),
		transaction_pool.clone(),
		prometheus_registry.as_ref(),
		telemetry.as_ref().map(|x| x.handle()),
	);

	if dev {
		// A block whenever the pool holds ready transactions, one at a time (below)...
		let on_transaction =
			seal_while_ready(transaction_pool.clone(), &task_manager.spawn_handle());
		// ...an empty one now and then, so chain time moves...
		let heartbeat = futures::stream::unfold((), move |()| async move {
			if dev_block_time == 0 {
				futures::future::pending::<()>().await;
			}
			futures_timer::Delay::new(Duration::from_millis(dev_block_time)).await;
			Some((
				EngineCommand::SealNewBlock {
					create_empty: true,
					finalize: true,
					parent_hash: None,
					sender: None,
				},
				(),
			))
		});
		// ...and whatever `engine_createBlock` asks for.
		let commands_stream = futures::stream::select_all(vec![
			on_transaction.boxed(),
			heartbeat.boxed(),
			seal_rx.boxed(),
		]);

		let authorship = sc_consensus_manual_seal::run_manual_seal(ManualSealParams {
			block_import: client.clone(),
			env: proposer_factory,
			client: client.clone(),
			pool: transaction_pool.clone(),
			commands_stream,
			select_chain,
			consensus_data_provider: Some(Box::new(AuraConsensusDataProvider::new(client.clone()))),
			create_inherent_data_providers: move |_, ()| async move {
				Ok(sp_timestamp::InherentDataProvider::from_system_time())
			},
		});
		task_manager.spawn_essential_handle().spawn_blocking(
			"manual-seal",
			Some("block-authoring"),
			authorship,
		);
		return Ok(task_manager);
	}

	if role.is_authority() {
		start_aura(
			&client,
			select_chain,
			block_import,
			proposer_factory,
			&keystore_container,
			&sync_service,
			force_authoring,
			telemetry.as_ref(),
			&task_manager,
		)?;
	}

	if enable_grandpa {
		// Only an authority votes; a full node follows finality without a keystore.
		let keystore = role.is_authority().then(|| keystore_container.keystore());
		let grandpa_config = sc_consensus_grandpa::Config {
			gossip_duration: Duration::from_millis(333),
			justification_generation_period: GRANDPA_JUSTIFICATION_PERIOD,
			name: Some(name),
			observer_enabled: false,
			keystore,
			local_role: role,
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			protocol_name: grandpa_protocol_name,
		};
		let grandpa_params = sc_consensus_grandpa::GrandpaParams {
			config: grandpa_config,
			link: grandpa_link,
			network,
			sync: Arc::new(sync_service),
			notification_service: grandpa_notification_service,
			voting_rule: sc_consensus_grandpa::VotingRulesBuilder::default().build(),
			prometheus_registry,
			shared_voter_state: SharedVoterState::empty(),
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			offchain_tx_pool_factory: OffchainTransactionPoolFactory::new(transaction_pool),
		};
		task_manager.spawn_essential_handle().spawn_blocking(
			"grandpa-voter",
			None,
			sc_consensus_grandpa::run_grandpa_voter(grandpa_params)?,
		);
	}

	Ok(task_manager)
}

/// How long the dev chain's sealing waits, after an attempt that sealed nothing, before it looks
/// at the pool again when no new transaction arrives.
const SEAL_RETRY: Duration = Duration::from_secs(1);

/// The least time from one block the dev chain seals for transactions to the next.
///
/// A submission is validated at the best block when it arrives; if three blocks are imported
/// before its validation ends and one of them included the sender's previous nonce, the pool
/// files it as waiting for that nonce for ever (see `dev_transaction_pool`). Sealing a burst as
/// fast as blocks can be built (a few milliseconds for a block of a few transactions) lost up
/// to three quarters of 10 000 transfers so; with blocks at least this far apart a validation
/// would have to take half a second. A lone transaction is sealed at once all the same.
const SEAL_SPACING: Duration = Duration::from_millis(250);

/// Wakes the dev chain's sealing whenever a transaction enters the pool.
///
/// It reads the pool's import notifications as they come, whatever the sealing is doing, and
/// leaves at most one wake-up pending. The fork-aware pool closes a notification stream that
/// falls 1 024 behind; should that happen the watcher subscribes again.
async fn watch_imports(pool: Arc<FullPool>, mut wake: mpsc::Sender<()>) {
	loop {
		let mut imports = pool.import_notification_stream();
		while imports.next().await.is_some() {
			if wake.try_send(()).is_err_and(|e| e.is_disconnected()) {
				return;
			}
		}
		// The pool closed the stream: look at the pool now, and subscribe again (not in a busy
		// loop, should it close the next one at once).
		if wake.try_send(()).is_err_and(|e| e.is_disconnected()) {
			return;
		}
		futures_timer::Delay::new(Duration::from_millis(10)).await;
	}
}

/// The dev chain's sealing policy: a `SealNewBlock` command whenever the pool holds ready
/// transactions, one block in flight at a time. The next command comes once the last block is
/// sealed (or refused), and no sooner than `SEAL_SPACING` after the last block sealed.
///
/// Each block takes every transaction ready when it is built: a lone transaction is sealed at
/// once, and a burst fills blocks (up to the block's weight) instead of queueing one seal per
/// transaction, as sealing on every import notification did. After an attempt that sealed
/// nothing (the pool had not yet dropped what the last block included, or nothing it held could
/// go in a block) it waits for a new transaction, or `SEAL_RETRY`, before it looks again, so it
/// never spins.
fn seal_while_ready(
	pool: Arc<FullPool>,
	spawner: &sc_service::SpawnTaskHandle,
) -> impl Stream<Item = EngineCommand<Hash>> {
	let (wake, arrivals) = mpsc::channel::<()>(0);
	spawner.spawn("dev-seal-on-import", Some("block-authoring"), watch_imports(pool.clone(), wake));
	futures::stream::unfold(
		(pool, arrivals, None::<oneshot::Receiver<SealResult>>, None::<std::time::Instant>),
		move |(pool, mut arrivals, last, mut sealed_at)| async move {
			// The last block asked for: wait until it is sealed or refused.
			let mut sealed_nothing = match last {
				Some(result) => match result.await {
					Ok(Ok(_)) => {
						sealed_at = Some(std::time::Instant::now());
						false
					},
					Ok(Err(e)) => {
						sc_telemetry::log::debug!(target: "manual-seal", "sealed nothing: {e}");
						true
					},
					// The sealing task is gone: the node is stopping.
					Err(_) => return None,
				},
				None => false,
			};
			loop {
				// Blocks for transactions come at most every `SEAL_SPACING`.
				if let Some(wait) = sealed_at.and_then(|at| SEAL_SPACING.checked_sub(at.elapsed()))
				{
					futures_timer::Delay::new(wait).await;
				}
				// Every transaction imported so far is counted in the status below.
				while let Some(Some(())) = arrivals.next().now_or_never() {}
				let status = pool.status();
				sc_telemetry::log::debug!(
					target: "manual-seal",
					"pool: {} ready, {} future{}",
					status.ready,
					status.future,
					if sealed_nothing { " (after sealing nothing)" } else { "" },
				);
				if !sealed_nothing && status.ready > 0 {
					break;
				}
				sealed_nothing = false;
				let retry = futures_timer::Delay::new(SEAL_RETRY);
				if let Either::Left((None, _)) =
					futures::future::select(arrivals.next(), retry).await
				{
					return None;
				}
			}
			let (sender, result) = oneshot::channel();
			let command = EngineCommand::SealNewBlock {
				create_empty: false,
				finalize: true,
				parent_hash: None,
				sender: Some(sender),
			};
			Some((command, (pool, arrivals, Some(result), sealed_at)))
		},
	)
}

/// Starts Aura block authoring in this node's slots.
#[allow(clippy::too_many_arguments)]
fn start_aura(
	client: &Arc<FullClient>,
	select_chain: FullSelectChain,
	block_import: GrandpaBlockImport,
	proposer_factory: sc_basic_authorship::ProposerFactory<FullPool, FullClient>,
	keystore_container: &sc_service::KeystoreContainer,
	sync_service: &Arc<sc_network_sync::SyncingService<Block>>,
	force_authoring: bool,
	telemetry: Option<&Telemetry>,
	task_manager: &TaskManager,
) -> Result<(), ServiceError> {
	let slot_duration = sc_consensus_aura::slot_duration::<AuraId, _, _>(&**client)?;
	let aura =
		sc_consensus_aura::start_aura::<AuraPair, _, _, _, _, _, _, _, _, _, _>(StartAuraParams {
			slot_duration,
			client: client.clone(),
			select_chain,
			block_import,
			proposer_factory,
			create_inherent_data_providers: move |_, ()| async move {
				let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
				let slot =
					sp_consensus_aura::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
						*timestamp,
						slot_duration,
					);
				Ok((slot, timestamp))
			},
			force_authoring,
			backoff_authoring_blocks: Option::<()>::None,
			keystore: keystore_container.keystore(),
			sync_oracle: sync_service.clone(),
			justification_sync_link: sync_service.clone(),
			block_proposal_slot_portion: SlotProportion::new(2f32 / 3f32),
			max_block_proposal_slot_portion: None,
			telemetry: telemetry.map(|x| x.handle()),
			compatibility_mode: Default::default(),
		})?;
	// Authoring is essential: if it fails, the node stops.
	task_manager.spawn_essential_handle().spawn_blocking("aura", Some("block-authoring"), aura);

	Ok(())
}
