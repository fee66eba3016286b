//! A test runtime with the real Flux and Power pallets behind PoCW: System, Balances,
//! Timestamp, Flux and Power from the shared test base (`fluxomics_test_support::test_base!`),
//! PoCW's own configuration and genesis here. Every test runs through
//! [`ExtBuilder::build_and_execute`], which checks the invariants of Flux, Power and PoCW after it.
//!
//! Power: α = 86 400 PU per Flux per day (one PU per staked Flux per second), capped at a day.
//! Metering: `e0 = 1 000`, `e_step = 1`, `e_model = 100`, `e_tx = 40` exec PU (the metering
//! pallet's defaults); R = 1 000 PU per Flux. PoCW: the default parameters; 1-minute expiry
//! buckets of at most 3 tasks; at most 4 verifiers and 3 attestations a task; the hook scans 3
//! buckets and expires 2 tasks a block.
//!
//! Accounts: Alice (requester) holds 100 free Flux; Bob (worker) stakes 100 and holds 100 free;
//! Charlie, Dave, Eve and Ferdie (verifiers to be) hold 1 000 free each; Grace nothing.

use crate as pallet_pocw;
use fluxomics_primitives::{Balance, ExecSchedule, PerKind, PowerLedger, UNIT};
use fluxomics_test_support::run_checked;
// `derive_impl` is named in scope for the test base's `#[derive_impl]`s (its expansion calls
// itself by this name).
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, Hooks},
};
use sp_arithmetic::FixedU128;
use sp_core::H256;
use sp_runtime::BuildStorage;

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
	type UpdateOrigin = frame_system::EnsureRoot<AccountId>;
	type MaxVerifiers = ConstU32<4>;
	type MaxAttestations = ConstU32<3>;
	type ExpiryBucket = ConstU64<60_000>;
	type MaxExpiriesPerBucket = ConstU32<3>;
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

impl ExtBuilder {
	/// The accounts above, Power at one PU per staked Flux per second (capped at a day), PoCW's
	/// default parameters; block 1 at `START`.
	pub fn pocw() -> sp_io::TestExternalities {
		ExtBuilder::new(START)
			.hetu(&[(ALICE, 1_000 * UNIT), (BOB, 1_000 * UNIT)])
			.flux(&[
				(ALICE, 100 * UNIT, 0),
				(BOB, 100 * UNIT, 100 * UNIT),
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

	/// Runs `test` on [`ExtBuilder::pocw`], then checks the invariants of Flux, Power and PoCW.
	pub fn build_and_execute(test: impl FnOnce()) {
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

/// Starts the next block (PoCW's hook runs).
pub fn next_block() {
	let n = System::block_number() + 1;
	System::set_block_number(n);
	Pocw::on_initialize(n);
}

/// `who`'s Flux: `(free, staked, held)`.
pub fn flux(who: AccountId) -> (Balance, Balance, Balance) {
	let a = pallet_flux::Pallet::<Test>::account(&who);
	(a.free, a.staked, a.held)
}

/// Free Flux of `who`.
pub fn free(who: AccountId) -> Balance {
	flux(who).0
}

/// Free Flux of the protocol sink.
pub fn sink() -> Balance {
	free(pallet_flux::Pallet::<Test>::sink_account())
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

pub fn hash(n: u64) -> H256 {
	H256::from_low_u64_be(n)
}

/// Registers Charlie, Dave and Eve as verifiers with the least bond.
pub fn register_verifiers() {
	for v in [CHARLIE, DAVE, EVE] {
		Pocw::register_verifier(RuntimeOrigin::signed(v), 100 * UNIT).unwrap();
	}
}

/// Alice posts a Heavy task with a budget of `budget` PU, quorum `quorum`, deadline in an hour.
pub fn post(budget: u128, quorum: u32) -> crate::TaskId {
	let id = crate::NextTaskId::<Test>::get();
	Pocw::post_task(
		RuntimeOrigin::signed(ALICE),
		hash(id),
		budget,
		fluxomics_primitives::TaskClass::Heavy,
		quorum,
		now() + HOUR,
	)
	.unwrap();
	id
}

/// Usage metered at `1 000 + steps + 100 · model_calls + 40 · txs` PU.
pub fn usage(steps: u64, model_calls: u64, onchain_txs: u64) -> crate::Usage {
	crate::Usage { steps, model_calls, onchain_txs }
}

/// Verifiers, a task of quorum 3, claimed by Bob with `collateral` and submitted with a usage
/// costing 10 000 PU (budget 20 000: efficiency at its cap).
pub fn submitted_task(collateral: Balance) -> crate::TaskId {
	register_verifiers();
	let id = post(20_000, 3);
	Pocw::claim_task(RuntimeOrigin::signed(BOB), id, collateral).unwrap();
	// Two minutes of Bob's generation (12 000 exec PU) pay the usage.
	advance(2 * MINUTE);
	Pocw::submit_result(RuntimeOrigin::signed(BOB), id, hash(99), usage(9_000, 0, 0)).unwrap();
	id
}
