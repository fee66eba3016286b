//! Each pallet's configuration. The constants they use are in [`crate::constants`]; the
//! counterparty of each call (for Flox) in [`crate::counterparty`].

use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, ConstU64, VariantCountOf},
	weights::constants::ParityDbWeight,
	PalletId,
};

use crate::{
	constants::*, AccountId, Aura, Balance, Balances, Block, Flox, Flux, Hash, Moment, Nonce,
	PalletInfo, Power, PowerMarket, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason,
	RuntimeHoldReason, RuntimeOrigin, RuntimeTask, System, Timestamp,
};

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

parameter_types! {
	/// Whether an Aura slot may hold more than one block. Unset, it is `false`: a block must have
	/// a later slot than its parent, or its import fails ("Slot must increase"). Only the
	/// development chain spec (`--dev`, whose instant seal makes a block per transaction) sets it,
	/// in its genesis (`node/src/chain_spec.rs`); `--chain local` and any other spec leave it
	/// unset. See `docs/node.md`.
	pub storage MultipleBlocksPerSlot: bool = false;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = sp_consensus_aura::sr25519::AuthorityId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = MultipleBlocksPerSlot;
	type SlotDuration = ConstU64<SLOT_DURATION>;
}

/// The stock fee path, in the `stock-fees` build only (`make bench`): fees in HETU, a planck per
/// picosecond of weight and per byte, no multiplier, withdrawn from the payer's balance and
/// dropped, as the polkadot-sdk templates configure it.
#[cfg(feature = "stock-fees")]
impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = pallet_transaction_payment::FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = frame_support::traits::ConstU8<5>;
	type WeightToFee = frame_support::weights::IdentityFee<Balance>;
	type LengthToFee = frame_support::weights::IdentityFee<Balance>;
	type FeeMultiplierUpdate = ();
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
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
	type MaxLeases = ConstU32<16>;
	type MaxDelegationLock = ConstU64<{ 365 * MILLIS_PER_DAY }>;
	type MaxCheckpoints = ConstU32<32>;
	type MaxCapPeriod = ConstU64<{ 365 * MILLIS_PER_DAY }>;
	// One Flux of committed stake per account made to exist by someone else's generation.
	type MinDelegation = ConstU128<{ fluxomics_primitives::UNIT }>;
	type MaxSponsoredKeys = ConstU32<1_000>;
	type MaxSponsorBatch = ConstU32<100>;
	type WeightInfo = pallet_power::weights::SubstrateWeight<Runtime>;
}

impl pallet_power_metering::Config for Runtime {
	type Power = Power;
	type Flux = Flux;
	type Counterparty = crate::counterparty::CallCounterparty;
	// `withdraw_unbonded` pays from the Flux it releases: nobody is locked out of their Flux.
	type SelfFunding = pallet_flux::WithdrawPaysItself<Runtime>;
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
	fn give_power(who: &AccountId, power: fluxomics_primitives::PerKind<u128>) {
		use fluxomics_primitives::{PowerLedger, StakeInfo};
		Flux::stake_for_benchmark(who, 1_000_000 * HETU);
		Power::refund(who, power);
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
	// 4 × 4 = the Power pallet's 16 lease slots: a lender never runs out of slots.
	type MaxOffersPerLender = ConstU32<4>;
	type MaxLeasesPerOffer = ConstU32<4>;
	type PowerPrice = CapacityDayPrice;
	type ExpiryBucket = ConstU64<1_000>;
	type MaxExpiriesPerBucket = ConstU32<64>;
	type MaxBucketsPerBlock = ConstU32<64>;
	type MaxExpiriesPerBlock = ConstU32<32>;
	type WeightInfo = pallet_power_market::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TimeBenchmarkHelper;
}

/// The protocol's price of a capacity-day, which caps every market price: the Power one Flux of
/// stake generates in a day (α of both kinds) at the metering pallet's rate R.
pub struct CapacityDayPrice;
impl fluxomics_primitives::PowerPrice for CapacityDayPrice {
	fn capacity_day_price() -> Option<Balance> {
		use sp_runtime::Saturating;
		let alpha = pallet_power::Params::<Runtime>::get().alpha;
		pallet_power_metering::math::capacity_day_price(
			alpha.msg.saturating_add(alpha.exec),
			pallet_power_metering::ExchangeRate::<Runtime>::get(),
		)
	}
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

/// Flox: at most 100 000 edges an epoch (the ranking of the largest epoch fits in an epoch at a
/// quarter of each block: `docs/performance.md`), and a charge buffer of 12 288, above the most
/// charged extrinsics a block can hold (about 8 900 at the least weight a charged extrinsic has;
/// `tests/flox_full_block.rs` checks it), so that every charge reaches the ranking. A new target
/// must exist ([`FloxAccounts`]).
impl pallet_flox::Config for Runtime {
	type Stake = Flux;
	type Time = Timestamp;
	type UpdateOrigin = crate::governance::ParameterOrigin;
	type MaxEdges = ConstU32<100_000>;
	type MaxPendingCharges = ConstU32<12_288>;
	type Accounts = FloxAccounts;
	type WeightInfo = pallet_flox::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TimeBenchmarkHelper;
}

/// Whether an account exists, for Flox's admission of new targets: it has a system account (a
/// balance above the existential deposit, or a provider) or a Flux account (a worker paid in Flux
/// may hold no HETU).
pub struct FloxAccounts;
impl pallet_flox::AccountExists<AccountId> for FloxAccounts {
	fn exists(who: &AccountId) -> bool {
		System::account_exists(who) || pallet_flux::Accounts::<Runtime>::contains_key(who)
	}

	/// A Flux account (its ledger takes a sufficient reference, so it has a system account too):
	/// an admitted target costs one read; only a refused one, which exists nowhere, reads both.
	#[cfg(feature = "runtime-benchmarks")]
	fn create_for_benchmark(who: &AccountId) {
		use fluxomics_primitives::StakeInfo;
		Flux::stake_for_benchmark(who, HETU);
	}
}

impl pallet_pocw::Config for Runtime {
	type Flux = Flux;
	type Power = Power;
	type ExecCost = MeteringExecCost;
	type ExchangeRate = MeteringExchangeRate;
	// Usage charges move R like every other Power charge.
	type Consumption = crate::PowerMetering;
	type Time = Timestamp;
	// The hash of the block that included the submission (`docs/pocw.md`: what its author can
	// steer).
	type Randomness = pallet_pocw::ParentHashRandomness<Runtime>;
	type UpdateOrigin = crate::governance::ParameterOrigin;
	// 65 536 slots: filling them takes 6.5 million Flux of bonds at the least bond; a draw reads
	// 16 tree nodes.
	type MaxVerifiers = ConstU32<65_536>;
	type MaxAttestations = ConstU32<9>;
	type MaxDrawsPerBlock = ConstU32<16>;
	type ExpiryBucket = ConstU64<1_000>;
	type MaxExpiriesPerBucket = ConstU32<64>;
	type MaxBucketsPerBlock = ConstU32<64>;
	type MaxExpiriesPerBlock = ConstU32<16>;
	type WeightInfo = pallet_pocw::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TimeBenchmarkHelper;
}
