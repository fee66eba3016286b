//! A test runtime with the real Flux and Power pallets behind the market.
//!
//! Power: α = 86 400 PU per Flux per day (one PU per staked Flux per second), capped at a day.
//! Market: 10 % fee, offers and leases of at least 1 Flux lasting 1 s to 1 day, a new fill
//! weighs 50 % in the index; 1-second expiry buckets, at most 4 offers, `rent_best` looks at 3,
//! 3 leases per bucket, and the hook scans 3 buckets and ends 2 leases a block.
//!
//! Accounts: Alice stakes 100 Flux, Bob stakes 50, Charlie holds 100 free Flux, Dave nothing.

use crate as pallet_power_market;
use crate::MarketParams;
use fluxomics_primitives::{Balance, UNIT};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, ConstU64, Hooks},
	PalletId,
};
use sp_arithmetic::{FixedU128, Perbill};
use sp_runtime::BuildStorage;

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;

pub const SECOND: u64 = 1_000;
pub const HOUR: u64 = 3_600_000;
pub const DAY: u64 = fluxomics_primitives::MILLIS_PER_DAY;
pub const START: u64 = 1_700_000_000_000;
/// 0.1 Flux per capacity-day.
pub const PRICE: Balance = UNIT / 10;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Timestamp: pallet_timestamp,
		Flux: pallet_flux,
		Power: pallet_power,
		PowerMarket: pallet_power_market,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<1_000>;
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
	type Listed = PowerMarket;
	type Time = Timestamp;
	type UpdateOrigin = frame_system::EnsureRoot<AccountId>;
	type MaxDelegations = ConstU32<3>;
	type MaxRedirects = ConstU32<8>;
	type MaxDelegationLock = ConstU64<{ 30 * DAY }>;
	type MaxCheckpoints = ConstU32<4>;
	type MaxCapPeriod = ConstU64<{ 365 * DAY }>;
	type WeightInfo = ();
}

impl pallet_power_market::Config for Test {
	type Flux = Flux;
	type Power = Power;
	type Stake = Flux;
	type Commitments = Power;
	type Time = Timestamp;
	type UpdateOrigin = frame_system::EnsureRoot<AccountId>;
	type MaxOffers = ConstU32<4>;
	type MaxFills = ConstU32<3>;
	type ExpiryBucket = ConstU64<1_000>;
	type MaxLeasesPerBucket = ConstU32<3>;
	type MaxBucketsPerBlock = ConstU32<3>;
	type MaxExpiriesPerBlock = ConstU32<2>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = SetTime;
}

/// Sets the mock's chain time.
#[cfg(feature = "runtime-benchmarks")]
pub struct SetTime;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper for SetTime {
	fn set_time(now: u64) {
		pallet_timestamp::Now::<Test>::put(now);
	}
}

pub fn test_params() -> MarketParams {
	MarketParams {
		fee_share: Perbill::from_percent(10),
		min_amount: UNIT,
		min_duration: SECOND,
		max_duration: DAY,
		index_weight: Perbill::from_percent(50),
	}
}

pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build() -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: vec![(ALICE, 1_000 * UNIT), (BOB, 1_000 * UNIT), (CHARLIE, 1_000 * UNIT)],
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_flux::GenesisConfig::<Test> {
			params: None,
			accounts: vec![(ALICE, 0, 100 * UNIT), (BOB, 0, 50 * UNIT), (CHARLIE, 100 * UNIT, 0)],
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
		pallet_power_market::GenesisConfig::<Test> {
			params: Some(test_params()),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			Timestamp::set_timestamp(START);
		});
		ext
	}

	/// Runs `test`, then checks the three pallets' invariants.
	pub fn build_and_execute(test: impl FnOnce()) {
		Self::build().execute_with(|| {
			test();
			pallet_flux::Pallet::<Test>::do_try_state().expect("Flux invariants hold");
			pallet_power::Pallet::<Test>::do_try_state().expect("Power invariants hold");
			crate::Pallet::<Test>::do_try_state().expect("market invariants hold");
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

/// Starts the next block (the market's hook runs).
pub fn next_block() {
	let n = System::block_number() + 1;
	System::set_block_number(n);
	PowerMarket::on_initialize(n);
}

/// `who`'s effective stake (what generates its Power).
pub fn effective(who: AccountId) -> Balance {
	Power::power_of(&who).effective_stake
}

/// Free Flux of `who`.
pub fn free(who: AccountId) -> Balance {
	pallet_flux::Pallet::<Test>::account(&who).free
}

/// The last event of the market.
pub fn last_event() -> crate::Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::PowerMarket(e) => Some(e),
			_ => None,
		})
		.expect("a market event")
}

pub fn list(who: AccountId, amount: Balance, price: Balance) -> sp_runtime::DispatchResult {
	PowerMarket::list(RuntimeOrigin::signed(who), amount, price, SECOND, DAY)
}
