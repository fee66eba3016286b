//! A test runtime with the real Flux and Power pallets behind the metering pallet.
//!
//! Power: α = 86 400 PU per Flux per day for both kinds (one PU per staked Flux per second),
//! capped at one day. Schedule: p0 = 100, p_size = 1, p_intent = 1 000, e0 = 1 000, e_step = 1
//! per µs of weight, e_tx = 40. R starts at 1 000 PU per Flux, within [10, 100 000], target
//! 10 000 PU a block, at most 10 % a block. HETU costs 1 per Flux.
//!
//! Accounts: Alice stakes 100 Flux (and holds 1 000 HETU), Bob stakes 1 Flux and holds 5 free,
//! Charlie holds 10 free Flux and 1 000 HETU, Dave holds only HETU (1 000), Eve holds nothing.

use crate as pallet_power_metering;
use crate::{CostSchedule, RateParams};
use core::cell::RefCell;
use fluxomics_primitives::{Balance, OnPowerCharged, PowerUnits, UNIT};
use frame_support::{
	derive_impl,
	dispatch::{DispatchInfo, GetDispatchInfo},
	parameter_types,
	traits::{ConstU128, ConstU32, ConstU64},
	weights::Weight,
	PalletId,
};
use sp_arithmetic::{FixedU128, Perbill};
use sp_runtime::{traits::TransactionExtension, BuildStorage};

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
pub const EVE: AccountId = 5;

pub const SECOND: u64 = 1_000;
pub const DAY: u64 = fluxomics_primitives::MILLIS_PER_DAY;
pub const START: u64 = 1_700_000_000_000;
/// The HETU existential deposit.
pub const ED: Balance = 1_000;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Timestamp: pallet_timestamp,
		Flux: pallet_flux,
		Power: pallet_power,
		PowerMetering: pallet_power_metering,
		// Only for the side-by-side measurement of the stock fee extension.
		TransactionPayment: pallet_transaction_payment,
	}
);

impl pallet_transaction_payment::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = pallet_transaction_payment::FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = frame_support::traits::ConstU8<5>;
	type WeightToFee = frame_support::weights::IdentityFee<Balance>;
	type LengthToFee = frame_support::weights::IdentityFee<Balance>;
	type FeeMultiplierUpdate = ();
	type WeightInfo = ();
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<ED>;
	type AccountStore = System;
}

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = Power;
	type MinimumPeriod = ConstU64<1>;
	type WeightInfo = ();
}

parameter_types! {
	pub const FluxPalletId: PalletId = PalletId(*b"flx/ledg");
}

impl pallet_flux::Config for Test {
	type Currency = Balances;
	type StakeObserver = Power;
	type Time = Timestamp;
	type UpdateOrigin = frame_system::EnsureRoot<AccountId>;
	type PalletId = FluxPalletId;
	type MaxUnbondingChunks = ConstU32<4>;
	type MaxUnbondingPeriod = ConstU64<{ 365 * DAY }>;
	type WeightInfo = ();
}

impl pallet_power::Config for Test {
	type Stake = Flux;
	type Listed = ();
	type Time = Timestamp;
	type UpdateOrigin = frame_system::EnsureRoot<AccountId>;
	type MaxDelegations = ConstU32<3>;
	type MaxRedirects = ConstU32<3>;
	type MaxDelegationLock = ConstU64<{ 30 * DAY }>;
	type MaxCheckpoints = ConstU32<4>;
	type MaxCapPeriod = ConstU64<{ 365 * DAY }>;
	type WeightInfo = ();
}

/// Transfers serve their destination.
pub struct TransferCounterparty;
impl crate::CallCounterparty<RuntimeCall, AccountId> for TransferCounterparty {
	fn counterparty(call: &RuntimeCall) -> Option<AccountId> {
		match call {
			RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death { dest, .. }) => {
				Some(*dest)
			},
			_ => None,
		}
	}
	/// Finding a transfer's destination is said to weigh 3 µs.
	fn weight(call: &RuntimeCall) -> Weight {
		match Self::counterparty(call) {
			Some(_) => Weight::from_parts(3_000_000, 0),
			None => Weight::zero(),
		}
	}
}

thread_local! {
	static EDGES: RefCell<Vec<(AccountId, AccountId, PowerUnits)>> = const { RefCell::new(Vec::new()) };
}

/// The block's charge buffer, as Flox keeps it (`pallet_flox::Pending`): the hook below does
/// the same storage work as the runtime's, so that `tests::comparison` measures it.
#[frame_support::storage_alias]
pub type NotedCharges = StorageValue<
	FloxLike,
	frame_support::BoundedVec<(AccountId, AccountId, PowerUnits), ConstU32<1_024>>,
	frame_support::pallet_prelude::ValueQuery,
>;

/// Records every (payer, counterparty, Power) triple: in a list the tests read, and appended to
/// [`NotedCharges`] as the runtime's Flox does.
pub struct RecordEdges;
impl OnPowerCharged<AccountId> for RecordEdges {
	fn on_power_charged(payer: &AccountId, counterparty: &AccountId, power: PowerUnits) {
		EDGES.with(|e| e.borrow_mut().push((*payer, *counterparty, power)));
		let _ = NotedCharges::try_append((*payer, *counterparty, power));
	}
	fn weight() -> Weight {
		Weight::from_parts(2_000_000, 0)
	}
}

/// The triples recorded so far.
pub fn edges() -> Vec<(AccountId, AccountId, PowerUnits)> {
	EDGES.with(|e| e.borrow().clone())
}

/// Weights with round numbers of steps: the Power path 10 µs, the Flux path 30 µs, the hook
/// 2 µs (so the extension declares 32 steps).
pub struct TestWeights;
impl crate::WeightInfo for TestWeights {
	fn charge_power() -> Weight {
		Weight::from_parts(10_000_000, 0)
	}
	fn charge_power_with_flux() -> Weight {
		Weight::from_parts(30_000_000, 0)
	}
	fn send_message(l: u32) -> Weight {
		Weight::from_parts(20_000_000 + 1_000 * u64::from(l), 0)
	}
	fn set_schedule() -> Weight {
		Weight::from_parts(10_000_000, 0)
	}
	fn set_rate_params() -> Weight {
		Weight::from_parts(10_000_000, 0)
	}
	fn update_rate() -> Weight {
		Weight::from_parts(5_000_000, 0)
	}
}

#[cfg(feature = "runtime-benchmarks")]
pub struct BenchHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for BenchHelper {
	fn fund_hetu(who: &AccountId, amount: Balance) {
		use frame_support::traits::fungible::Mutate;
		Balances::set_balance(who, amount);
	}
	fn give_power(who: &AccountId, msg: PowerUnits, exec: PowerUnits) {
		use fluxomics_primitives::{PowerKind, PowerLedger, StakeInfo};
		Flux::stake_for_benchmark(who, 1_000_000 * UNIT);
		Power::refund(who, PowerKind::Msg, msg);
		Power::refund(who, PowerKind::Exec, exec);
	}
}

impl pallet_power_metering::Config for Test {
	type Power = Power;
	type Flux = Flux;
	type Counterparty = TransferCounterparty;
	type OnCharge = RecordEdges;
	type UpdateOrigin = frame_system::EnsureRoot<AccountId>;
	type MaxPayloadLen = ConstU32<1_024>;
	type WeightInfo = TestWeights;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchHelper;
}

pub fn test_schedule() -> CostSchedule {
	CostSchedule {
		p0: 100,
		p_size: 1,
		p_intent: 1_000,
		e0: 1_000,
		e_step: 1,
		e_model: 100,
		e_tx: 40,
		step_weight: 1_000_000,
	}
}

pub fn test_rate_params() -> RateParams {
	RateParams {
		target: 10_000,
		min_rate: FixedU128::from_u32(10),
		max_rate: FixedU128::from_u32(100_000),
		max_change: Perbill::from_percent(10),
	}
}

pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build() -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: vec![(ALICE, 1_000 * UNIT), (CHARLIE, 1_000 * UNIT), (DAVE, 1_000 * UNIT)],
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_flux::GenesisConfig::<Test> {
			params: Some(pallet_flux::FluxParams {
				hetu_per_flux: FixedU128::from_u32(1),
				unbonding_period: DAY,
				min_stake: UNIT,
				min_convert: UNIT,
			}),
			accounts: vec![(ALICE, 0, 100 * UNIT), (BOB, 5 * UNIT, UNIT), (CHARLIE, 10 * UNIT, 0)],
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_power::GenesisConfig::<Test> {
			params: Some(pallet_power::PowerParams {
				alpha_msg: FixedU128::from_u32(86_400),
				alpha_exec: FixedU128::from_u32(86_400),
				cap_period: DAY,
			}),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_power_metering::GenesisConfig::<Test> {
			schedule: Some(test_schedule()),
			rate_params: Some(test_rate_params()),
			exchange_rate: Some(FixedU128::from_u32(1_000)),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			Timestamp::set_timestamp(START);
			EDGES.with(|e| e.borrow_mut().clear());
		});
		ext
	}

	/// Runs `test`, then checks the three pallets' invariants.
	pub fn build_and_execute(test: impl FnOnce()) {
		Self::build().execute_with(|| {
			test();
			pallet_flux::Pallet::<Test>::do_try_state().expect("Flux invariants hold");
			pallet_power::Pallet::<Test>::do_try_state().expect("Power invariants hold");
			crate::Pallet::<Test>::do_try_state().expect("metering invariants hold");
		});
	}
}

#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	ExtBuilder::build()
}

/// Moves chain time forward by `ms`.
pub fn advance(ms: u64) {
	let now = pallet_timestamp::Now::<Test>::get();
	pallet_timestamp::Now::<Test>::put(now + ms);
}

/// `(msg, exec)` Power of `who` now.
pub fn power(who: AccountId) -> (u128, u128) {
	let s = Power::power_of(&who);
	(s.msg, s.exec)
}

/// The last event of the metering pallet.
pub fn last_event() -> crate::Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::PowerMetering(e) => Some(e),
			_ => None,
		})
		.expect("a metering event")
}

/// `call`'s dispatch info as a block would see it: call weight plus the extension's weight.
pub fn info_of(call: &RuntimeCall) -> DispatchInfo {
	let mut info = call.get_dispatch_info();
	info.extension_weight = crate::ChargePower::<Test>::new().weight(call);
	info
}

/// A message from anyone to `to` with `len` bytes of payload.
pub fn message(to: AccountId, len: usize, is_intent: bool) -> RuntimeCall {
	RuntimeCall::PowerMetering(crate::Call::send_message { to, payload: vec![1; len], is_intent })
}

/// A transfer of `amount` HETU to `dest`.
pub fn transfer(dest: AccountId, amount: Balance) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death { dest, value: amount })
}
