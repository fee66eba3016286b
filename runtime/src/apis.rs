//! The runtime APIs: what the node, polkadot.js and other clients call into the runtime for.
//!
//! Metadata is served at every version the runtime supports (v14 to v16), so polkadot.js decodes
//! everything with no custom type definitions.

use alloc::vec::Vec;
use frame_support::genesis_builder_helper::{build_state, get_preset};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult, ExtrinsicInclusionMode,
};
use sp_version::RuntimeVersion;

use crate::{
	genesis_config_presets, opaque, wallet_fees, AccountId, Aura, Balance, Block, Executive, Flox,
	Grandpa, InherentDataExt, Moment, Nonce, Pocw, Power, PowerMarket, Runtime, RuntimeCall,
	RuntimeGenesisConfig, System, VERSION,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			opaque::SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			opaque::SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			// No session pallet: key ownership cannot be proven, so reports are not accepted.
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl fluxomics_primitives::PowerApi<Block, AccountId> for Runtime {
		fn power_of(who: AccountId) -> fluxomics_primitives::PowerStatus {
			Power::power_of(&who)
		}

		fn quote(
			uxt: Vec<u8>,
		) -> Result<fluxomics_primitives::PowerQuote, fluxomics_primitives::QuoteError> {
			let uxt = wallet_fees::decode_extrinsic(&uxt)
				.ok_or(fluxomics_primitives::QuoteError::Undecodable)?;
			Ok(wallet_fees::power_quote(&uxt, codec::Encode::encoded_size(&uxt)))
		}

		fn exchange_rate() -> sp_runtime::FixedU128 {
			pallet_power_metering::ExchangeRate::<Runtime>::get()
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			wallet_fees::query_info(uxt, len)
		}

		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			wallet_fees::query_fee_details(uxt, len)
		}

		fn query_weight_to_fee(weight: frame_support::weights::Weight) -> Balance {
			wallet_fees::query_weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			wallet_fees::query_length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			wallet_fees::query_call_info(call, len)
		}

		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			wallet_fees::query_call_fee_details(call, len)
		}

		fn query_weight_to_fee(weight: frame_support::weights::Weight) -> Balance {
			wallet_fees::query_weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			wallet_fees::query_length_to_fee(length)
		}
	}

	impl fluxomics_primitives::MarketApi<Block, AccountId> for Runtime {
		fn best_offers(max: u32) -> Vec<fluxomics_primitives::OfferInfo<AccountId>> {
			PowerMarket::best_offers(max)
		}

		fn quote(amount: Balance, duration: Moment) -> fluxomics_primitives::RentQuote {
			PowerMarket::quote(amount, duration)
		}

		fn price_index() -> Option<Balance> {
			PowerMarket::price_index()
		}

		fn price_ceiling() -> Balance {
			PowerMarket::price_ceiling()
		}
	}

	impl fluxomics_primitives::PocwApi<Block, AccountId> for Runtime {
		fn task_info(id: u64) -> Option<fluxomics_primitives::TaskInfo<AccountId>> {
			Pocw::task_info(id)
		}

		fn estimate(id: u64) -> Option<(sp_runtime::FixedU128, Balance)> {
			Pocw::estimate(id)
		}

		fn panel(id: u64) -> Vec<fluxomics_primitives::PanelSeat<AccountId>> {
			Pocw::panel(id)
		}
	}

	impl fluxomics_primitives::FloxApi<Block, AccountId> for Runtime {
		fn epoch_status() -> fluxomics_primitives::FloxEpochStatus {
			Flox::epoch_status()
		}

		fn ranks_of(who: AccountId) -> fluxomics_primitives::FloxRanks {
			Flox::ranks_of(&who)
		}

		fn digest(epoch: u32) -> Option<[u8; 32]> {
			Flox::digest(epoch)
		}

		fn edges(epoch: u32) -> Vec<(AccountId, AccountId, u128)> {
			Flox::edges(epoch)
		}

		fn boosts(epoch: u32) -> Option<(Vec<u128>, Vec<u128>)> {
			Flox::boosts(epoch)
		}

		fn rank_params(epoch: u32) -> Option<(u64, u32)> {
			Flox::rank_params(epoch)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			genesis_config_presets::preset_names()
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			crate::benchmarks::metadata(extra)
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			crate::benchmarks::dispatch(config)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// try-runtime is an offline check: failing loudly is its contract.
			let weight = match Executive::try_runtime_upgrade(checks) {
				Ok(weight) => weight,
				Err(e) => panic!("try_runtime_upgrade failed: {e:?}"),
			};
			(weight, crate::constants::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect
		) -> Weight {
			match Executive::try_execute_block(block, state_root_check, signature_check, select) {
				Ok(weight) => weight,
				Err(e) => panic!("try_execute_block failed: {e:?}"),
			}
		}
	}
}
