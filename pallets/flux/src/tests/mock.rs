//! A test runtime: System, Balances (HETU), Timestamp and Flux, with a stake observer whose
//! committed stake the tests set.

use crate as pallet_flux;
use crate::FluxParams;
use core::cell::RefCell;
use fluxomics_primitives::{Balance, StakeObserver, UNIT};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
	PalletId,
};
use sp_arithmetic::FixedU128;
use sp_runtime::BuildStorage;

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
/// Holds HETU but no Flux.
pub const DAVE: AccountId = 4;
/// Holds nothing at all.
pub const NOBODY: AccountId = 99;

pub const DAY: u64 = fluxomics_primitives::MILLIS_PER_DAY;
pub const UNBONDING: u64 = 7 * DAY;
pub const START: u64 = 1_000_000;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Timestamp: pallet_timestamp,
		Flux: pallet_flux,
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
use frame_support::traits::ConstU128;

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = ConstU64<1>;
	type WeightInfo = ();
}

thread_local! {
	/// Stake the observer reports as committed, per account.
	pub static COMMITTED: RefCell<Vec<(AccountId, Balance)>> = const { RefCell::new(Vec::new()) };
	/// Every `before_stake_change` call, in order, with the stake at that moment.
	pub static OBSERVED: RefCell<Vec<(AccountId, Balance)>> = const { RefCell::new(Vec::new()) };
}

/// A stake observer the tests control.
pub struct TestObserver;
impl StakeObserver<AccountId> for TestObserver {
	fn before_stake_change(who: &AccountId, _: Balance) -> frame_support::weights::Weight {
		let staked = crate::Pallet::<Test>::account(who).staked;
		OBSERVED.with(|o| o.borrow_mut().push((*who, staked)));
		frame_support::weights::Weight::from_parts(400, 0)
	}
	fn committed_stake(who: &AccountId) -> Balance {
		COMMITTED.with(|c| c.borrow().iter().find(|(a, _)| a == who).map_or(0, |(_, b)| *b))
	}
	fn before_stake_change_weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::from_parts(1_000, 0)
	}
}

pub fn set_committed(who: AccountId, amount: Balance) {
	COMMITTED.with(|c| {
		let mut c = c.borrow_mut();
		c.retain(|(a, _)| *a != who);
		c.push((who, amount));
	});
}

pub fn observed() -> Vec<(AccountId, Balance)> {
	OBSERVED.with(|o| o.borrow().clone())
}

parameter_types! {
	pub const FluxPalletId: PalletId = PalletId(*b"flx/ledg");
}

impl pallet_flux::Config for Test {
	type Currency = Balances;
	type StakeObserver = TestObserver;
	type Time = Timestamp;
	type UpdateOrigin = frame_system::EnsureRoot<AccountId>;
	type PalletId = FluxPalletId;
	type MaxUnbondingChunks = ConstU32<4>;
	type MaxUnbondingPeriod = ConstU64<{ 365 * DAY }>;
	type WeightInfo = ();
}

/// The parameters of the test chain: 2 HETU per Flux, 7 days of unbonding, minimum stake 10 Flux,
/// minimum convert 1 Flux.
pub fn test_params() -> FluxParams {
	FluxParams {
		hetu_per_flux: FixedU128::from_u32(2),
		unbonding_period: UNBONDING,
		min_stake: 10 * UNIT,
		min_convert: UNIT,
	}
}

/// Alice: 100 free, 50 staked. Bob: 20 free. Charlie: 0 free, 30 staked. Dave: HETU only.
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build() -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: vec![
				(ALICE, 1_000 * UNIT),
				(BOB, 1_000 * UNIT),
				(CHARLIE, 1_000 * UNIT),
				(DAVE, 1_000 * UNIT),
			],
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_flux::GenesisConfig::<Test> {
			params: Some(test_params()),
			accounts: vec![
				(ALICE, 100 * UNIT, 50 * UNIT),
				(BOB, 20 * UNIT, 0),
				(CHARLIE, 0, 30 * UNIT),
			],
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			Timestamp::set_timestamp(START);
			COMMITTED.with(|c| c.borrow_mut().clear());
			OBSERVED.with(|o| o.borrow_mut().clear());
		});
		ext
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(test: impl FnOnce()) {
		Self::build().execute_with(|| {
			test();
			crate::Pallet::<Test>::do_try_state().expect("invariants hold after the test");
		});
	}
}

/// Storage for the benchmark tests: the same chain.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	ExtBuilder::build()
}

/// Moves chain time forward by `ms`.
pub fn advance(ms: u64) {
	let now = pallet_timestamp::Now::<Test>::get();
	pallet_timestamp::Now::<Test>::put(now + ms);
}

/// The events this pallet deposited, oldest first.
pub fn flux_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Flux(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// The last event this pallet deposited.
pub fn last_event() -> crate::Event<Test> {
	flux_events().pop().expect("an event")
}
