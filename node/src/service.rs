//! The node's services: database, import queue, networking, RPC, block authoring and finality.
//!
//! Two ways to author blocks, chosen by the chain spec's type:
//! - **Development** (`--dev`): manual seal. A block is sealed and finalized as soon as a
//!   transaction enters the pool, an empty one every `--dev-block-time` ms, and on demand through
//!   the `engine_createBlock` RPC. Blocks carry an Aura pre-digest of their wall-clock slot, so
//!   the same runtime (whose Aura pallet checks the slot) runs unchanged; several blocks can share
//!   a slot, which the dev chain's genesis allows (`MultipleBlocksPerSlot`).
//! - **Any other chain** (`--chain local`, a JSON spec): Aura authoring in 6 s slots and GRANDPA
//!   finality among the authorities. The runtime refuses a block whose slot is not later than its
//!   parent's: one block per slot.

use std::{sync::Arc, time::Duration};

use codec::Decode;
use fluxomics_runtime::{apis::RuntimeApi, configs::MultipleBlocksPerSlot, opaque::Block};
use futures::{channel::mpsc, FutureExt, StreamExt};
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

/// Builds the client, database, transaction pool and import queue.
pub fn new_partial(config: &Configuration) -> Result<Service, ServiceError> {
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

	let transaction_pool = Arc::from(
		sc_transaction_pool::Builder::new(
			task_manager.spawn_essential_handle(),
			client.clone(),
			config.role.is_authority().into(),
		)
		.with_options(config.transaction_pool.clone())
		.with_prometheus(config.prometheus_registry())
		.build(),
	);

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

/// Builds and starts a full node. `dev_block_time` is the interval of empty blocks on a
/// development chain, in milliseconds (0: none).
pub fn new_full<
	N: sc_network::NetworkBackend<Block, <Block as sp_runtime::traits::Block>::Hash>,
>(
	config: Configuration,
	dev_block_time: u64,
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
	} = new_partial(&config)?;

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
		let seal = |create_empty| EngineCommand::SealNewBlock {
			create_empty,
			finalize: true,
			parent_hash: None,
			sender: None,
		};
		// A block as soon as a transaction is ready...
		let on_transaction =
			transaction_pool.import_notification_stream().map(move |_| seal(false));
		// ...an empty one now and then, so chain time moves...
		let heartbeat = futures::stream::unfold((), move |()| async move {
			if dev_block_time == 0 {
				futures::future::pending::<()>().await;
			}
			futures_timer::Delay::new(Duration::from_millis(dev_block_time)).await;
			Some((seal(true), ()))
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
