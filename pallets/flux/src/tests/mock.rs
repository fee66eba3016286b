//! The test runtime: the shared base (System, Balances for HETU, Timestamp, Flux) with a stake
//! observer whose committed stake the tests set. Every test runs through [`run_test`], which checks
//! Flux's invariants when the test ends.

use crate as pallet_flux;
use crate::FluxParams;
use core::cell::RefCell;
use fluxomics_primitives::{Balance, StakeObserver, UNIT};
// The base's `#[derive_impl]`s call `derive_impl` again by its bare name: it must be in scope.
use frame_support::{derive_impl, weights::Weight};
use sp_arithmetic::FixedU128;
use sp_runtime::BuildStorage;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
/// Holds HETU but no Flux.
pub const DAVE: AccountId = 4;
/// Holds nothing at all.
pub const NOBODY: AccountId = 99;

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

fluxomics_test_support::test_base! { runtime: Test, observer: TestObserver }

thread_local! {
	/// Stake the observer reports as committed, per account.
	pub static COMMITTED: RefCell<Vec<(AccountId, Balance)>> = const { RefCell::new(Vec::new()) };
	/// Every `before_stake_change` call, in order, with the stake at that moment.
	pub static OBSERVED: RefCell<Vec<(AccountId, Balance)>> = const { RefCell::new(Vec::new()) };
}

/// A stake observer the tests control.
pub struct TestObserver;
impl StakeObserver<AccountId> for TestObserver {
	fn before_stake_change(who: &AccountId, _: Balance) -> Weight {
		let staked = crate::Pallet::<Test>::account(who).staked;
		OBSERVED.with(|o| o.borrow_mut().push((*who, staked)));
		Weight::from_parts(400, 0)
	}
	fn committed_stake(who: &AccountId) -> Balance {
		COMMITTED.with(|c| c.borrow().iter().find(|(a, _)| a == who).map_or(0, |(_, b)| *b))
	}
	fn before_stake_change_weight() -> Weight {
		Weight::from_parts(1_000, 0)
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

/// The test chain at block 1, time `START`: 1 000 HETU each for Alice, Bob, Charlie and Dave;
/// Alice 100 Flux free and 50 staked, Bob 20 free, Charlie 30 staked; [`test_params`]. The
/// observer has seen nothing and reports nothing committed.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let ext = ExtBuilder::new(START)
		.hetu(&[
			(ALICE, 1_000 * UNIT),
			(BOB, 1_000 * UNIT),
			(CHARLIE, 1_000 * UNIT),
			(DAVE, 1_000 * UNIT),
		])
		.flux(&[(ALICE, 100 * UNIT, 50 * UNIT), (BOB, 20 * UNIT, 0), (CHARLIE, 0, 30 * UNIT)])
		.build(|storage| {
			// The base leaves Flux's default parameters: set this chain's.
			pallet_flux::GenesisConfig::<Test> { params: Some(test_params()), accounts: vec![] }
				.assimilate_storage(storage)
				.unwrap();
		});
	// Genesis staking told the observer: the tests start from a clean record.
	COMMITTED.with(|c| c.borrow_mut().clear());
	OBSERVED.with(|o| o.borrow_mut().clear());
	ext
}

/// Runs `test` on the test chain, then checks Flux's invariants.
pub fn run_test(test: impl FnOnce()) {
	fluxomics_test_support::run_checked(
		new_test_ext(),
		&[("Flux", pallet_flux::Pallet::<Test>::do_try_state)],
		test,
	)
}

/// Storage for the benchmark tests: the same chain.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	new_test_ext()
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
