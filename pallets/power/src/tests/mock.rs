//! A test runtime with the real Flux ledger: staking in `Flux` drives accrual in `Power`.
//!
//! Parameters: α_msg = 10 and α_exec = 20 PU per Flux per day, capped at 7 days. Genesis:
//! Alice stakes 50 Flux (and has 100 free), Bob stakes 20, Charlie holds 10 free and no stake.
//! Chain time starts at `START`.

use crate as pallet_power;
use crate::PowerParams;
use fluxomics_primitives::{Balance, UNIT};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, ConstU64},
	PalletId,
};
use sp_arithmetic::FixedU128;
use sp_runtime::BuildStorage;

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;

pub const DAY: u64 = fluxomics_primitives::MILLIS_PER_DAY;
pub const START: u64 = 1_700_000_000_000;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Timestamp: pallet_timestamp,
		Flux: pallet_flux,
		Power: pallet_power,
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

pub fn test_params() -> PowerParams {
	PowerParams {
		alpha_msg: FixedU128::from_u32(10),
		alpha_exec: FixedU128::from_u32(20),
		cap_period: 7 * DAY,
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
			params: Some(pallet_flux::FluxParams {
				hetu_per_flux: FixedU128::from_u32(1),
				unbonding_period: DAY,
				min_stake: UNIT,
				min_convert: UNIT,
			}),
			accounts: vec![
				(ALICE, 100 * UNIT, 50 * UNIT),
				(BOB, 0, 20 * UNIT),
				(CHARLIE, 10 * UNIT, 0),
			],
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_power::GenesisConfig::<Test> { params: Some(test_params()), ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			Timestamp::set_timestamp(START);
		});
		ext
	}

	/// Runs `test`, then checks both pallets' invariants.
	pub fn build_and_execute(test: impl FnOnce()) {
		Self::build().execute_with(|| {
			test();
			pallet_flux::Pallet::<Test>::do_try_state().expect("Flux invariants hold");
			crate::Pallet::<Test>::do_try_state().expect("Power invariants hold");
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

/// `(msg, exec)` of `who`, settled to now.
pub fn power(who: AccountId) -> (u128, u128) {
	let s = Power::power_of(&who);
	(s.msg, s.exec)
}

/// `(msg per day, exec per day)` of `who`.
pub fn rates(who: AccountId) -> (u128, u128) {
	let s = Power::power_of(&who);
	(s.msg_per_day, s.exec_per_day)
}

/// The last event this pallet deposited.
pub fn last_event() -> crate::Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::Power(e) => Some(e),
			_ => None,
		})
		.expect("an event")
}
