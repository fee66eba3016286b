//! # Fluxomics runtime
//!
//! A solochain runtime in which every signed extrinsic is paid in Power, a capacity generated over
//! time by staking soulbound Flux (see `docs/` and the pallets under `pallets/`).
//!
//! The crate is split by concern:
//! - this file: the basic types, the runtime version and the composition of pallets;
//! - [`configs`]: each pallet's `Config`;
//! - [`apis`]: the runtime APIs the node and polkadot.js call;
//! - [`genesis_config_presets`]: the `development`, `local_testnet` and `local_testnet_four`
//!   presets.
#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`-generated code trips these workspace lints; the runtime's own logic lives in
// pallets, where they stay denied.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing, clippy::expect_used)]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod constants;
pub mod counterparty;
pub mod genesis_config_presets;
pub mod governance;
pub mod wallet_fees;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::{runtime_version, RuntimeVersion};

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types: what the node needs to know of blocks without knowing the runtime's types.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as sp_runtime::traits::Hash>::Output;

	impl_opaque_keys! {
		/// The keys a validator registers: one for block authoring, one for finality.
		pub struct SessionKeys {
			/// Aura block authoring key.
			pub aura: Aura,
			/// GRANDPA finality key.
			pub grandpa: Grandpa,
		}
	}
}

/// The runtime version. `spec_name` is what polkadot.js shows as the chain's runtime.
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("fluxomics"),
	impl_name: alloc::borrow::Cow::Borrowed("fluxomics"),
	authoring_version: 1,
	spec_version: 105,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 2,
	system_version: 1,
};

/// Block number.
pub type BlockNumber = u32;
/// Transaction signature: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;
/// Account identifier: the public key of the signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// A balance of HETU (and, in the Flux pallet, of Flux), in planck (12 decimals).
pub type Balance = u128;
/// Transaction nonce.
pub type Nonce = u32;
/// Block and state hash.
pub type Hash = sp_core::H256;
/// Chain time: milliseconds since the Unix epoch.
pub type Moment = u64;

/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The transaction extensions every signed extrinsic carries, in order.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	ChargeFees,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// The extension that pays for a transaction: Power, through `ChargePower`.
#[cfg(not(feature = "stock-fees"))]
pub type ChargeFees = pallet_power_metering::ChargePower<Runtime>;
/// The stock fee in HETU, for the side-by-side figures of `make bench` only (`stock-fees`).
#[cfg(feature = "stock-fees")]
pub type ChargeFees = pallet_transaction_payment::ChargeTransactionPayment<Runtime>;

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Migrations to run on a runtime upgrade, beyond the pallets' own.
type Migrations = ();

/// Dispatches blocks and extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// The composition of pallets. Indices are explicit and never reused: clients and stored data
/// depend on them.
#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	/// Only in the `stock-fees` build that `make bench` compares with.
	#[cfg(feature = "stock-fees")]
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;

	#[runtime::pallet_index(10)]
	pub type Flux = pallet_flux;

	#[runtime::pallet_index(11)]
	pub type Power = pallet_power;

	#[runtime::pallet_index(12)]
	pub type PowerMetering = pallet_power_metering;

	#[runtime::pallet_index(13)]
	pub type PowerMarket = pallet_power_market;

	#[runtime::pallet_index(14)]
	pub type Pocw = pallet_pocw;

	#[runtime::pallet_index(15)]
	pub type Flox = pallet_flox;

	#[runtime::pallet_index(20)]
	pub type Preimage = pallet_preimage;

	#[runtime::pallet_index(21)]
	pub type Scheduler = pallet_scheduler;

	#[runtime::pallet_index(22)]
	pub type ConvictionVoting = pallet_conviction_voting;

	#[runtime::pallet_index(23)]
	pub type Referenda = pallet_referenda;

	#[runtime::pallet_index(24)]
	pub type Origins = governance::origins;
}
