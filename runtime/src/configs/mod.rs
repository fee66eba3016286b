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
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, VariantCountOf},
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		Weight,
	},
	PalletId,
};
use sp_runtime::Perbill;
use sp_version::RuntimeVersion;

use crate::{
	AccountId, Aura, Balance, Balances, Block, BlockNumber, Flox, Flux, Hash, Moment, Nonce,
	PalletInfo, Power, PowerMarket, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason,
	RuntimeHoldReason, RuntimeOrigin, RuntimeTask, System, Timestamp, VERSION,
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
	/// Referendum deposits are reserved.
	type MaxReserves = ConstU32<50>;
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
	type UpdateOrigin = crate::governance::ParameterOrigin;
	type PalletId = FluxPalletId;
	type MaxUnbondingChunks = ConstU32<32>;
	type MaxUnbondingPeriod = ConstU64<{ 365 * MILLIS_PER_DAY }>;
	type WeightInfo = pallet_flux::weights::SubstrateWeight<Runtime>;
}

impl pallet_power::Config for Runtime {
	type Stake = Flux;
	type Listed = PowerMarket;
	type Time = Timestamp;
	type UpdateOrigin = crate::governance::ParameterOrigin;
	type MaxDelegations = ConstU32<16>;
	type MaxRedirects = ConstU32<16>;
	type MaxDelegationLock = ConstU64<{ 365 * MILLIS_PER_DAY }>;
	type MaxCheckpoints = ConstU32<32>;
	type MaxCapPeriod = ConstU64<{ 365 * MILLIS_PER_DAY }>;
	type WeightInfo = pallet_power::weights::SubstrateWeight<Runtime>;
}

/// The counterparty of each call (the account it serves or pays), for Flox. The metering pallet
/// knows its own messages; transfers serve their destination, a rent pays the offer's lender
/// (`rent_best`, which may pay several, names none); a PoCW worker's claim and result serve the
/// task's requester, and an attestation serves the task's worker.
pub struct CallCounterparty;
impl pallet_power_metering::CallCounterparty<RuntimeCall, AccountId> for CallCounterparty {
	fn counterparty(call: &RuntimeCall) -> Option<AccountId> {
		use sp_runtime::{traits::StaticLookup, MultiAddress};
		let dest = match call {
			RuntimeCall::PowerMarket(pallet_power_market::Call::rent { offer, .. }) => {
				return pallet_power_market::Offers::<Runtime>::get(offer).map(|o| o.lender)
			},
			RuntimeCall::Pocw(
				pallet_pocw::Call::claim_task { task, .. }
				| pallet_pocw::Call::submit_result { task, .. },
			) => return pallet_pocw::Tasks::<Runtime>::get(task).map(|t| t.requester),
			RuntimeCall::Pocw(pallet_pocw::Call::attest { task, .. }) => {
				return pallet_pocw::Tasks::<Runtime>::get(task).and_then(|t| t.worker)
			},
			RuntimeCall::Balances(
				pallet_balances::Call::transfer_allow_death { dest, .. }
				| pallet_balances::Call::transfer_keep_alive { dest, .. }
				| pallet_balances::Call::transfer_all { dest, .. },
			) => dest,
			_ => return None,
		};
		match dest {
			MultiAddress::Id(id) => Some(id.clone()),
			other => <Runtime as frame_system::Config>::Lookup::lookup(other.clone()).ok(),
		}
	}

	fn weight(call: &RuntimeCall) -> Weight {
		match call {
			// The offer is read to find its lender; the task to find its requester or worker.
			RuntimeCall::PowerMarket(pallet_power_market::Call::rent { .. })
			| RuntimeCall::Pocw(
				pallet_pocw::Call::claim_task { .. }
				| pallet_pocw::Call::submit_result { .. }
				| pallet_pocw::Call::attest { .. },
			) => <Runtime as frame_system::Config>::DbWeight::get().reads(1),
			_ => Weight::zero(),
		}
	}
}

impl pallet_power_metering::Config for Runtime {
	type Power = Power;
	type Flux = Flux;
	type Counterparty = CallCounterparty;
	type OnCharge = Flox;
	type UpdateOrigin = crate::governance::ParameterOrigin;
	type MaxPayloadLen = ConstU32<4_096>;
	type WeightInfo = pallet_power_metering::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MeteringBenchmarkHelper;
}

/// Funds and empowers payers for the metering benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct MeteringBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_power_metering::BenchmarkHelper<AccountId> for MeteringBenchmarkHelper {
	fn fund_hetu(who: &AccountId, amount: Balance) {
		use frame_support::traits::fungible::Mutate;
		let _ = Balances::mint_into(who, amount);
	}
	fn give_power(who: &AccountId, msg: u128, exec: u128) {
		use fluxomics_primitives::{PowerKind, PowerLedger, StakeInfo};
		Flux::stake_for_benchmark(who, 1_000_000 * HETU);
		Power::refund(who, PowerKind::Msg, msg);
		Power::refund(who, PowerKind::Exec, exec);
	}
}

impl pallet_power_market::Config for Runtime {
	type Flux = Flux;
	type Power = Power;
	type Stake = Flux;
	type Commitments = Power;
	type Time = Timestamp;
	type UpdateOrigin = crate::governance::ParameterOrigin;
	type MaxOffers = ConstU32<256>;
	type MaxFills = ConstU32<16>;
	type ExpiryBucket = ConstU64<1_000>;
	type MaxLeasesPerBucket = ConstU32<64>;
	type MaxBucketsPerBlock = ConstU32<64>;
	type MaxExpiriesPerBlock = ConstU32<32>;
	type WeightInfo = pallet_power_market::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TimeBenchmarkHelper;
}

/// Moves chain time for the market and PoCW benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct TimeBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl fluxomics_primitives::BenchmarkTime for TimeBenchmarkHelper {
	fn set_time(now: Moment) {
		pallet_timestamp::Now::<Runtime>::put(now);
	}
}

/// The exec terms of the metering pallet's cost schedule: PoCW prices reported agent work with
/// the same schedule as every extrinsic (design §4).
pub struct MeteringExecCost;
impl frame_support::traits::Get<fluxomics_primitives::ExecSchedule> for MeteringExecCost {
	fn get() -> fluxomics_primitives::ExecSchedule {
		let s = pallet_power_metering::Schedule::<Runtime>::get();
		fluxomics_primitives::ExecSchedule {
			e0: s.e0,
			e_step: s.e_step,
			e_model: s.e_model,
			e_tx: s.e_tx,
		}
	}
}

/// R, the metering pallet's exchange rate (Power units per Flux).
pub struct MeteringExchangeRate;
impl frame_support::traits::Get<sp_runtime::FixedU128> for MeteringExchangeRate {
	fn get() -> sp_runtime::FixedU128 {
		pallet_power_metering::ExchangeRate::<Runtime>::get()
	}
}

/// Flox: at most 100 000 edges and 65 536 accounts of each role an epoch (the ranking of the
/// largest epoch fits in an epoch at a quarter of each block: `docs/performance.md`), and 1 024
/// charges a block.
impl pallet_flox::Config for Runtime {
	type Stake = Flux;
	type Time = Timestamp;
	type UpdateOrigin = crate::governance::ParameterOrigin;
	type MaxEdges = ConstU32<100_000>;
	type MaxAccounts = ConstU32<65_536>;
	type MaxPendingCharges = ConstU32<1_024>;
	type WeightInfo = pallet_flox::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TimeBenchmarkHelper;
}

impl pallet_pocw::Config for Runtime {
	type Flux = Flux;
	type Power = Power;
	type ExecCost = MeteringExecCost;
	type ExchangeRate = MeteringExchangeRate;
	type Time = Timestamp;
	type UpdateOrigin = crate::governance::ParameterOrigin;
	type MaxVerifiers = ConstU32<64>;
	type MaxAttestations = ConstU32<16>;
	type DeadlineBucket = ConstU64<1_000>;
	type MaxTasksPerBucket = ConstU32<64>;
	type MaxBucketsPerBlock = ConstU32<64>;
	type MaxExpiriesPerBlock = ConstU32<32>;
	type WeightInfo = pallet_pocw::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TimeBenchmarkHelper;
}
