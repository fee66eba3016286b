//! Each pallet's configuration.
//!
//! Time: Aura slots are [`SLOT_DURATION`] long on a real network. The dev node seals a block as soon
//! as a transaction arrives, possibly several within one slot, so the runtime allows several blocks
//! per slot and asks only that chain time moves forward by [`MINIMUM_PERIOD`]. Chain time is real
//! time in both cases, which is what Power accrual is measured in.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, VariantCountOf},
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		IdentityFee, Weight,
	},
	PalletId,
};
use frame_system::EnsureRoot;
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_runtime::{traits::One, Perbill};
use sp_version::RuntimeVersion;

use crate::{
	AccountId, Aura, Balance, Balances, Block, BlockNumber, Flux, Hash, Moment, Nonce, PalletInfo,
	Power, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason,
	RuntimeOrigin, RuntimeTask, System, Timestamp, VERSION,
};

/// One HETU in planck (12 decimals).
pub const HETU: Balance = 1_000_000_000_000;
/// A thousandth of a HETU.
pub const MILLI_HETU: Balance = HETU / 1_000;
/// The smallest HETU balance an account may hold (smaller balances are reaped).
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_HETU;

/// Length of an Aura slot on a real network, in milliseconds.
pub const SLOT_DURATION: Moment = 6_000;
/// The least chain time between two blocks, in milliseconds (see the module docs).
pub const MINIMUM_PERIOD: Moment = 1;
/// One day of chain time, in milliseconds.
pub use fluxomics_primitives::MILLIS_PER_DAY;

const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);
const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// Two seconds of compute per block, a third of a slot.
	pub RuntimeBlockWeights: frame_system::limits::BlockWeights =
		frame_system::limits::BlockWeights::with_sensible_defaults(
			Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
			NORMAL_DISPATCH_RATIO,
		);
	/// 5 MiB per block, three quarters of it for normal transactions.
	pub RuntimeBlockLength: frame_system::limits::BlockLength =
		frame_system::limits::BlockLength::builder()
			.max_length(MAX_BLOCK_LENGTH)
			.modify_max_length_for_class(DispatchClass::Normal, |max| {
				*max = NORMAL_DISPATCH_RATIO * *max
			})
			.build();
	pub const SS58Prefix: u8 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = Moment;
	/// Aura checks the slot; Power starts generating at the chain's first timestamp.
	type OnTimestampSet = (Aura, Power);
	type MinimumPeriod = ConstU64<MINIMUM_PERIOD>;
	type WeightInfo = ();
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = sp_consensus_aura::sr25519::AuthorityId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<true>;
	type SlotDuration = ConstU64<SLOT_DURATION>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ();
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = IdentityFee<Balance>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Derives the Flux reserve (HETU paid for Flux) and sink (Flux paid as fees) accounts.
	pub const FluxPalletId: PalletId = PalletId(*b"flx/rsrv");
}

impl pallet_flux::Config for Runtime {
	type Currency = Balances;
	type StakeObserver = Power;
	type Time = Timestamp;
	type UpdateOrigin = EnsureRoot<AccountId>;
	type PalletId = FluxPalletId;
	type MaxUnbondingChunks = ConstU32<32>;
	type MaxUnbondingPeriod = ConstU64<{ 365 * MILLIS_PER_DAY }>;
	type WeightInfo = pallet_flux::weights::SubstrateWeight<Runtime>;
}

impl pallet_power::Config for Runtime {
	type Stake = Flux;
	type Time = Timestamp;
	type UpdateOrigin = EnsureRoot<AccountId>;
	type MaxDelegations = ConstU32<16>;
	type MaxRedirects = ConstU32<16>;
	type MaxDelegationLock = ConstU64<{ 365 * MILLIS_PER_DAY }>;
	type MaxCheckpoints = ConstU32<32>;
	type MaxCapPeriod = ConstU64<{ 365 * MILLIS_PER_DAY }>;
	type WeightInfo = pallet_power::weights::SubstrateWeight<Runtime>;
}
