//! A test runtime with Flox alone: stake and chain time are mocked.
//!
//! Flox: the default parameters but hour-long epochs; at most 64 edges an epoch; a block notes
//! 16 charges. Accounts: every account below
//! [`NOBODY`] exists, the ones from it only once made with [`create_account`]. Stake: set per
//! account with [`set_stake`] (none by default). Weights: the provisional `()` weights.

use crate as pallet_flox;
use crate::{pallet::*, FloxParams};
use fluxomics_primitives::{Balance, StakeInfo};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, Get, Hooks},
	weights::Weight,
};
use sp_runtime::BuildStorage;
use std::{
	cell::RefCell,
	collections::{BTreeMap, BTreeSet},
};

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;

/// Accounts from here on do not exist (addresses nobody holds) until [`create_account`].
pub const NOBODY: AccountId = 1_000_000_000;

pub const MINUTE: u64 = 60_000;
pub const HOUR: u64 = 3_600_000;
pub const START: u64 = 1_700_000_000_000;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Flox: pallet_flox,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

parameter_types! {
	pub storage Now: u64 = 0;
}

/// Chain time from the `Now` storage parameter.
pub struct MockTime;
impl frame_support::traits::Time for MockTime {
	type Moment = u64;
	fn now() -> u64 {
		Now::get()
	}
}

thread_local! {
	static STAKES: RefCell<BTreeMap<AccountId, Balance>> = const { RefCell::new(BTreeMap::new()) };
	static CREATED: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
}

/// Accounts below [`NOBODY`] exist; the others once created.
pub struct MockAccounts;
impl crate::AccountExists<AccountId> for MockAccounts {
	fn exists(who: &AccountId) -> bool {
		*who < NOBODY || CREATED.with(|c| c.borrow().contains(who))
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn create_for_benchmark(who: &AccountId) {
		create_account(*who);
	}
}

/// Makes `who` exist (a transfer to it, say).
pub fn create_account(who: AccountId) {
	CREATED.with(|c| c.borrow_mut().insert(who));
}

/// Staked Flux from a thread-local table.
pub struct MockStake;
impl StakeInfo<AccountId> for MockStake {
	fn staked(who: &AccountId) -> Balance {
		STAKES.with(|s| s.borrow().get(who).copied().unwrap_or(0))
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn stake_for_benchmark(who: &AccountId, amount: Balance) {
		STAKES.with(|s| *s.borrow_mut().entry(*who).or_default() += amount);
	}
}

/// Sets `who`'s staked Flux.
pub fn set_stake(who: AccountId, amount: Balance) {
	STAKES.with(|s| s.borrow_mut().insert(who, amount));
}

impl pallet_flox::Config for Test {
	type Stake = MockStake;
	type Time = MockTime;
	type UpdateOrigin = frame_system::EnsureRoot<AccountId>;
	type MaxEdges = ConstU32<64>;
	type MaxPendingCharges = ConstU32<16>;
	type Accounts = MockAccounts;
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
		Now::set(&now);
	}
}

/// The mock's parameters: the defaults with hour-long epochs.
pub fn test_params() -> FloxParams {
	FloxParams { epoch_length: HOUR, ..DefaultParams::get() }
}

pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build() -> sp_io::TestExternalities {
		STAKES.with(|s| s.borrow_mut().clear());
		CREATED.with(|c| c.borrow_mut().clear());
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_flox::GenesisConfig::<Test> { params: Some(test_params()), ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			Now::set(&START);
			Flox::on_initialize(1);
		});
		ext
	}

	/// Runs `test`, then checks Flox's invariants (the shared runner).
	pub fn build_and_execute(test: impl FnOnce()) {
		fluxomics_test_support::run_checked(Self::build(), INVARIANTS, test)
	}
}

/// The invariants checked after every test: Flox's (the mock has no other pallet with any).
pub const INVARIANTS: &[(&str, fluxomics_test_support::Check)] =
	&[("Flox", crate::Pallet::<Test>::do_try_state)];

/// Flox's invariants, checked now (as [`idle`] does after every block's ranking work).
pub fn check_invariants() {
	for (name, check) in INVARIANTS {
		if let Err(e) = check() {
			panic!("{name} invariants broken: {e:?}");
		}
	}
}

#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	ExtBuilder::build()
}

/// Moves chain time forward by `ms`.
pub fn advance(ms: u64) {
	Now::set(&(Now::get() + ms));
}

/// Starts the next block: `on_initialize` runs.
pub fn next_block() {
	let n = System::block_number() + 1;
	System::set_block_number(n);
	Flox::on_initialize(n);
}

/// Ends the block with `remaining` weight for `on_idle`; returns what it used, checked to be
/// within what it was given, and the invariants.
pub fn idle(remaining: Weight) -> Weight {
	let used = Flox::on_idle(System::block_number(), remaining);
	assert!(used.all_lte(remaining), "on_idle used {used:?} of {remaining:?}");
	check_invariants();
	used
}

/// A generous block: everything fits up to the `max_step_weight` share.
pub fn whole_block() -> Weight {
	Weight::from_parts(u64::MAX / 4, u64::MAX / 4)
}

/// Blocks with `budget` for `on_idle` until nothing is ranking or queued; returns the blocks.
pub fn run_ranking(budget: Weight) -> u32 {
	let mut blocks = 0;
	while Ongoing::<Test>::get().is_some() || !Queue::<Test>::get().is_empty() {
		next_block();
		idle(budget);
		blocks += 1;
		assert!(blocks < 100_000, "ranking does not finish");
	}
	blocks
}

/// Ends the current epoch (its length passes, a block starts).
pub fn end_epoch() {
	let c = Current::<Test>::get();
	Now::set(&(c.start + c.params.epoch_length));
	next_block();
}

/// `caller` pays `power` to reach `target`, noted in the block's buffer.
pub fn charge(caller: AccountId, target: AccountId, power: u128) {
	<Flox as fluxomics_primitives::OnPowerCharged<AccountId>>::on_power_charged(
		&caller, &target, power,
	);
}

/// `caller` pays `power` to reach `target`, and the charge is folded into the epoch at once
/// (as the next block's `on_initialize` would, before any rollover).
pub fn record(caller: AccountId, target: AccountId, power: u128) {
	charge(caller, target, power);
	Flox::fold_pending();
}

/// `epoch`'s edges `(target, caller, gas)`, sorted (the API lists callers in storage-key order).
pub fn sorted_edges(epoch: u32) -> Vec<(AccountId, AccountId, u128)> {
	let mut edges = Flox::edges(epoch);
	edges.sort();
	edges
}

/// The gas of `epoch`'s edge `(target, caller)`, if it exists.
pub fn gas(epoch: u32, target: AccountId, caller: AccountId) -> Option<u128> {
	CallerEdges::<Test>::get(epoch, caller)?.into_iter().find(|(t, _)| *t == target).map(|e| e.1)
}

/// Flox's events, oldest first.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Flox(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// The last event of Flox.
pub fn last_event() -> crate::Event<Test> {
	events().pop().expect("a Flox event")
}

/// The current epoch's id.
pub fn epoch() -> u32 {
	Current::<Test>::get().id
}

/// A deterministic pseudo-random interaction pattern: `n` charges among `accounts` accounts.
pub fn random_traffic(n: u32, accounts: u64, seed: u64) {
	let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
	for _ in 0..n {
		x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
		let caller = 10 + (x >> 33) % accounts;
		let target = 10 + (x >> 17) % accounts;
		let power = 1 + (x >> 40) % 1_000;
		record(caller, target, power.into());
	}
}

/// The ranking `flox_rank::rank` computes off chain from what the API exposes at the block of
/// `EpochRanked`: edges (indices in order of first appearance), boosts and parameters.
pub fn off_chain_ranking(
	edges: &[(AccountId, AccountId, u128)],
	boosts: &(Vec<u128>, Vec<u128>),
	params: (u64, u32),
) -> flox_rank::Ranking {
	let params = flox_rank::Params { tolerance: params.0, max_iterations: params.1 };
	flox_rank::rank_exported(edges, &boosts.0, &boosts.1, params).unwrap()
}
