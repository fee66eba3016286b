//! A test runtime with the real Flux and Power pallets behind PoCW: System, Balances,
//! Timestamp, Flux and Power from the shared test base (`fluxomics_test_support::test_base!`),
//! PoCW's own configuration and genesis here. Every test runs through
//! [`ExtBuilder::build_and_execute`], which checks the invariants of Flux, Power and PoCW after it.
//!
//! Power: α = 86 400 PU per Flux per day (one PU per staked Flux per second), capped at a day.
//! Metering: `e0 = 1 000`, `e_step = 1`, `e_model = 100`, `e_tx = 40` exec PU (the metering
//! pallet's defaults); R = 1 000 PU per Flux. PoCW: the default parameters; the draw's seed is the
//! parent hash ([`crate::ParentHashRandomness`]); a draw tree of 8 verifier slots; at most 5 seats
//! a task and 4 draws a block; 1-minute expiry buckets of at most 3 tasks; the hook scans 3
//! buckets and ends 2 tasks a block.
//!
//! Blocks: [`next_block`] starts the next block with a parent hash that changes from block to
//! block and runs PoCW's hook, which draws the panels of the results submitted in the block
//! before. Chain time moves only with [`advance`].
//!
//! Accounts: Alice (requester) holds 10 000 free Flux; Bob (worker) stakes 100 and holds 1 000
//! free; Charlie, Dave, Eve and Ferdie (verifiers to be) hold 1 000 free each; Grace nothing.
//!
//! The standard task ([`submitted_task`]): Alice posts a Heavy task with a budget of 1 000 Flux
//! (1 000 000 PU at R: efficiency at its cap for a cost of 10 000 PU), quorum 3; Bob claims it
//! and submits 900 steps and 81 model calls (10 000 exec PU, paid from his Power). Verifiers who
//! measure 900 work units make it score `0.9 · 0.75 · 1 · 1 = 0.675` with 100 Flux of collateral:
//! a reward of 67.5 Flux, below the cap of 10 % of the budget.

use crate as pallet_pocw;
pub use crate::{TaskId, Usage};
use fluxomics_primitives::{
	Balance, ExecSchedule, FluxLedger, PerKind, PowerLedger, TaskClass, UNIT,
};
use fluxomics_test_support::run_checked;
// `derive_impl` is named in scope for the test base's `#[derive_impl]`s (its expansion calls
// itself by this name).
use frame_support::{
	derive_impl, parameter_types,
	storage::{with_transaction, TransactionOutcome},
	traits::{ConstU32, ConstU64, Hooks},
};
use sp_arithmetic::FixedU128;
use sp_core::H256;
use sp_runtime::{BuildStorage, DispatchError};

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
pub const EVE: AccountId = 5;
pub const FERDIE: AccountId = 6;
pub const GRACE: AccountId = 7;

pub const SECOND: u64 = 1_000;
pub const MINUTE: u64 = 60_000;
pub const HOUR: u64 = 3_600_000;
pub const START: u64 = 1_700_000_000_000;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Timestamp: pallet_timestamp,
		Flux: pallet_flux,
		Power: pallet_power,
		Pocw: pallet_pocw,
	}
);

fluxomics_test_support::test_base! {
	runtime: Test,
	power: { listed: (), max_leases: ConstU32<8> },
}

parameter_types! {
	pub const Schedule: ExecSchedule = ExecSchedule { e0: 1_000, e_step: 1, e_model: 100, e_tx: 40 };
	pub Rate: FixedU128 = FixedU128::from_u32(1_000);
}

impl pallet_pocw::Config for Test {
	type Flux = Flux;
	type Power = Power;
	type ExecCost = Schedule;
	type ExchangeRate = Rate;
	type Time = Timestamp;
	type Consumption = Consumed;
	type Randomness = crate::ParentHashRandomness<Test>;
	type UpdateOrigin = frame_system::EnsureRoot<AccountId>;
	type MaxVerifiers = ConstU32<8>;
	type MaxAttestations = ConstU32<5>;
	type MaxDrawsPerBlock = ConstU32<4>;
	type ExpiryBucket = ConstU64<60_000>;
	type MaxExpiriesPerBucket = ConstU32<3>;
	type MaxBucketsPerBlock = ConstU32<3>;
	type MaxExpiriesPerBlock = ConstU32<2>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = SetTime;
}

std::thread_local! {
	static CONSUMED: core::cell::Cell<u128> = const { core::cell::Cell::new(0) };
}

/// The block's Power consumption as the metering pallet would count it: the mock keeps the sum.
pub struct Consumed;
impl fluxomics_primitives::PowerConsumption for Consumed {
	fn note_consumed(power: u128) {
		CONSUMED.with(|c| c.set(c.get() + power));
	}
	fn note_consumed_weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

/// Power counted in the block's consumption so far (by this test's thread).
pub fn consumed() -> u128 {
	CONSUMED.with(|c| c.get())
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

impl ExtBuilder {
	/// The accounts above, Power at one PU per staked Flux per second (capped at a day), PoCW's
	/// default parameters; block 1 at `START`.
	pub fn pocw() -> sp_io::TestExternalities {
		ExtBuilder::new(START)
			.hetu(&[(ALICE, 1_000 * UNIT), (BOB, 1_000 * UNIT)])
			.flux(&[
				(ALICE, 10_000 * UNIT, 0),
				(BOB, 1_000 * UNIT, 100 * UNIT),
				(CHARLIE, 1_000 * UNIT, 0),
				(DAVE, 1_000 * UNIT, 0),
				(EVE, 1_000 * UNIT, 0),
				(FERDIE, 1_000 * UNIT, 0),
			])
			.power(pallet_power::PowerParams {
				alpha: PerKind::splat(FixedU128::from_u32(86_400)),
				cap_period: DAY,
			})
			.build(|storage| {
				pallet_pocw::GenesisConfig::<Test>::default().assimilate_storage(storage).unwrap();
			})
	}

	/// Runs `test` on [`ExtBuilder::pocw`], then checks the invariants of Flux, Power and PoCW;
	/// returns what `test` returns.
	pub fn build_and_execute<R>(test: impl FnOnce() -> R) -> R {
		run_checked(
			Self::pocw(),
			&[
				("Flux", pallet_flux::Pallet::<Test>::do_try_state),
				("Power", pallet_power::Pallet::<Test>::do_try_state),
				("PoCW", crate::Pallet::<Test>::do_try_state),
			],
			test,
		)
	}
}

#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	ExtBuilder::pocw()
}

/// Moves chain time forward by `ms`.
pub fn advance(ms: u64) {
	let now = pallet_timestamp::Now::<Test>::get();
	pallet_timestamp::Now::<Test>::put(now + ms);
}

/// Chain time now.
pub fn now() -> u64 {
	pallet_timestamp::Now::<Test>::get()
}

/// The parent hash [`next_block`] gives block `n`: `blake2(n − 1)`.
pub fn parent_hash_of(n: u64) -> H256 {
	H256(sp_io::hashing::blake2_256(&(n - 1).to_le_bytes()))
}

/// Starts the next block (PoCW's hook runs: it draws the panels of the results submitted in
/// the block before, from the hash of that block, here [`parent_hash_of`] the new block).
pub fn next_block() {
	let n = System::block_number() + 1;
	start_block(n, parent_hash_of(n));
}

/// Starts blocks until the hook has ended everything whose expiry bucket is wholly past (it
/// scans at most 3 buckets a block while tasks are open).
pub fn catch_up() {
	let current = now() / MINUTE;
	for _ in 0..10_000 {
		next_block();
		if crate::ExpiryCursor::<Test>::get() == Some(current) {
			return;
		}
	}
	panic!("the expiry cursor does not catch up");
}

/// Starts block `n` with parent hash `parent` and runs PoCW's hook.
pub fn start_block(n: u64, parent: H256) {
	System::set_parent_hash(parent);
	System::set_block_number(n);
	Pocw::on_initialize(n);
}

/// `who`'s Flux: `(free, staked, held)`.
pub fn flux(who: AccountId) -> (Balance, Balance, Balance) {
	let a = pallet_flux::Pallet::<Test>::account(&who);
	(a.free, a.staked, a.held)
}

/// All of `who`'s Flux: free + staked + held.
pub fn total_flux(who: AccountId) -> Balance {
	let (free, staked, held) = flux(who);
	free + staked + held
}

/// Free Flux of `who`.
pub fn free(who: AccountId) -> Balance {
	flux(who).0
}

/// Free Flux of the protocol sink.
pub fn sink() -> Balance {
	free(pallet_flux::Pallet::<Test>::sink_account())
}

/// Flux in existence.
pub fn issuance() -> Balance {
	pallet_flux::TotalIssuance::<Test>::get()
}

/// Mints `amount` of free Flux for `who`.
pub fn mint(who: AccountId, amount: Balance) {
	<Flux as FluxLedger<AccountId>>::mint(&who, amount).unwrap();
}

/// `who`'s exec Power now.
pub fn exec_power(who: AccountId) -> u128 {
	<Power as PowerLedger<AccountId>>::available(&who).exec
}

/// `who`'s exec Power generated per day.
pub fn exec_rate(who: AccountId) -> u128 {
	Power::power_of(&who).per_day.exec
}

/// PoCW's events, oldest first.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Pocw(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// The last event of PoCW.
pub fn last_event() -> crate::Event<Test> {
	events().pop().expect("a PoCW event")
}

/// Whether PoCW emitted `event` (at any time since the events were last reset).
pub fn emitted(event: crate::Event<Test>) -> bool {
	events().contains(&event)
}

pub fn hash(n: u64) -> H256 {
	H256::from_low_u64_be(n)
}

/// Registers Charlie, Dave and Eve as verifiers with the least bond (100 Flux).
pub fn register_verifiers() {
	for v in [CHARLIE, DAVE, EVE] {
		Pocw::register_verifier(RuntimeOrigin::signed(v), 100 * UNIT).unwrap();
	}
}

/// Alice posts a Heavy task with a budget of `budget` Flux planck (held from her free Flux),
/// quorum `quorum`, deadline in an hour.
pub fn post(budget: Balance, quorum: u32) -> TaskId {
	post_by(ALICE, budget, quorum)
}

/// `requester` posts a Heavy task with a budget of `budget`, quorum `quorum`, deadline in an
/// hour.
pub fn post_by(requester: AccountId, budget: Balance, quorum: u32) -> TaskId {
	let id = crate::NextTaskId::<Test>::get();
	Pocw::post_task(
		RuntimeOrigin::signed(requester),
		hash(id),
		budget,
		TaskClass::Heavy,
		quorum,
		now() + HOUR,
	)
	.unwrap();
	id
}

/// Usage metered at `1 000 + steps + 100 · model_calls + 40 · txs` PU.
pub fn usage(steps: u64, model_calls: u64, onchain_txs: u64) -> Usage {
	Usage { steps, model_calls, onchain_txs }
}

/// The standard task's usage: 900 steps and 81 model calls, 10 000 exec PU.
pub fn standard_usage() -> Usage {
	usage(900, 81, 0)
}

/// The standard task, submitted but not drawn yet: Charlie, Dave and Eve registered, Alice's
/// task of `budget` and quorum 3 claimed by Bob with `collateral`, and submitted two minutes later
/// with [`standard_usage`] (10 000 PU of his 12 000 of exec Power).
pub fn submitted_task(budget: Balance, collateral: Balance) -> TaskId {
	let id = claimed_task(budget, collateral);
	Pocw::submit_result(RuntimeOrigin::signed(BOB), id, hash(99), standard_usage()).unwrap();
	id
}

/// Charlie, Dave and Eve registered, Alice's task of `budget` and quorum 3 claimed by Bob with
/// `collateral`, and two minutes of Bob's generation (12 000 exec PU) to pay its usage.
pub fn claimed_task(budget: Balance, collateral: Balance) -> TaskId {
	register_verifiers();
	let id = post(budget, 3);
	Pocw::claim_task(RuntimeOrigin::signed(BOB), id, collateral).unwrap();
	advance(2 * MINUTE);
	id
}

/// The standard task of [`claimed_task`], submitted in a block whose draw gives a panel `want`
/// accepts, and drawn: its panel.
pub fn drawn_task(
	budget: Balance,
	collateral: Balance,
	want: impl Fn(&[(AccountId, u32)]) -> bool,
) -> (TaskId, Vec<(AccountId, u32)>) {
	let id = claimed_task(budget, collateral);
	let panel = submit_drawing(BOB, id, standard_usage(), want);
	(id, panel)
}

/// A panel of three verifiers, one seat each.
pub fn three_members(panel: &[(AccountId, u32)]) -> bool {
	panel.len() == 3
}

/// Task `task`'s panel: each verifier with its seats, in the order drawn.
pub fn panel_of(task: TaskId) -> Vec<(AccountId, u32)> {
	crate::Tasks::<Test>::get(task)
		.map(|t| t.panel.iter().map(|s| (s.verifier, s.seats)).collect())
		.unwrap_or_default()
}

/// The panel `worker`'s submission of `task` would draw if it went in the current block: the
/// submission and the next block's draw, rolled back.
pub fn predict_panel(
	worker: AccountId,
	task: TaskId,
	usage: Usage,
) -> Result<Vec<(AccountId, u32)>, DispatchError> {
	with_transaction(|| {
		let drawn =
			Pocw::submit_result(RuntimeOrigin::signed(worker), task, hash(99), usage).map(|()| {
				next_block();
				panel_of(task)
			});
		TransactionOutcome::Rollback(drawn)
	})
}

/// Submits `worker`'s result of `task` in the first block (from this one on, at most 500) whose
/// draw gives a panel `want` accepts, then starts the next block, which draws it: the panel.
pub fn submit_drawing(
	worker: AccountId,
	task: TaskId,
	usage: Usage,
	want: impl Fn(&[(AccountId, u32)]) -> bool,
) -> Vec<(AccountId, u32)> {
	for _ in 0..500 {
		if want(&predict_panel(worker, task, usage).unwrap()) {
			Pocw::submit_result(RuntimeOrigin::signed(worker), task, hash(99), usage).unwrap();
			next_block();
			return panel_of(task);
		}
		next_block();
	}
	panic!("no block in 500 draws the panel wanted");
}

/// The salt `who` commits its verdicts with.
pub fn salt(who: AccountId) -> H256 {
	H256::from_low_u64_be(0x5a17 + who)
}

/// `who` commits the verdict `(valid, work_units)` on `task`, with its [`salt`].
pub fn commit(task: TaskId, who: AccountId, valid: bool, work_units: u64) {
	let commitment = Pocw::commitment(task, &who, valid, work_units, salt(who));
	Pocw::commit_verdict(RuntimeOrigin::signed(who), task, commitment).unwrap();
}

/// `who` reveals the verdict it committed with [`commit`].
pub fn reveal(task: TaskId, who: AccountId, valid: bool, work_units: u64) {
	Pocw::reveal_verdict(RuntimeOrigin::signed(who), task, valid, work_units, salt(who)).unwrap();
}

/// Each of `votes` (`(verifier, valid, work_units)`) is committed, then each revealed, in order:
/// the last reveal settles the task if every member voted.
pub fn commit_and_reveal(task: TaskId, votes: &[(AccountId, bool, u64)]) {
	for &(who, valid, work) in votes {
		commit(task, who, valid, work);
	}
	for &(who, valid, work) in votes {
		reveal(task, who, valid, work);
	}
}

/// Every member of `task`'s panel votes `valid` with `work_units`: the task settles.
pub fn all_vote(task: TaskId, valid: bool, work_units: u64) {
	let votes: Vec<_> = panel_of(task).into_iter().map(|(v, _)| (v, valid, work_units)).collect();
	commit_and_reveal(task, &votes);
}
