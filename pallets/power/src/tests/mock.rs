//! A test runtime with the real Flux ledger: staking in `Flux` drives accrual in `Power`.
//!
//! The base (System, Balances, Timestamp, Flux, Power) is the shared test base; this mock adds
//! only its accounts and parameters. Parameters: α = 10 PU (msg) and 20 PU (exec) per Flux per
//! day, capped at 7 days. Genesis: Alice stakes 50 Flux (and has 100 free), Bob stakes 20,
//! Charlie holds 10 free and no stake. Chain time starts at `START`.

use crate as pallet_power;
use crate::PowerParams;
use fluxomics_primitives::{PerKind, UNIT};
use frame_support::{derive_impl, traits::ConstU32};
use sp_arithmetic::FixedU128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Timestamp: pallet_timestamp,
		Flux: pallet_flux,
		Power: pallet_power,
	}
);

fluxomics_test_support::test_base! { runtime: Test, power: { listed: (), max_leases: ConstU32<3> } }

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;

pub const START: u64 = 1_700_000_000_000;

pub fn test_params() -> PowerParams {
	PowerParams {
		alpha: PerKind::new(FixedU128::from_u32(10), FixedU128::from_u32(20)),
		cap_period: 7 * DAY,
	}
}

/// The genesis every test starts from.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::new(START)
		.hetu(&[(ALICE, 1_000 * UNIT), (BOB, 1_000 * UNIT), (CHARLIE, 1_000 * UNIT)])
		.flux(&[(ALICE, 100 * UNIT, 50 * UNIT), (BOB, 0, 20 * UNIT), (CHARLIE, 10 * UNIT, 0)])
		.power(test_params())
		.build(|_| {})
}

/// Runs `test` on the genesis above, then checks the Flux and Power invariants.
pub fn run(test: impl FnOnce()) {
	fluxomics_test_support::run_checked(
		new_test_ext(),
		&[
			("Flux", pallet_flux::Pallet::<Test>::do_try_state),
			("Power", pallet_power::Pallet::<Test>::do_try_state),
		],
		test,
	)
}

#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	new_test_ext()
}

/// Moves chain time forward by `ms`.
pub fn advance(ms: u64) {
	let now = pallet_timestamp::Now::<Test>::get();
	pallet_timestamp::Now::<Test>::put(now + ms);
}

/// `(msg, exec)` of `who`, accrued to now.
pub fn power(who: AccountId) -> (u128, u128) {
	let s = Power::power_of(&who);
	(s.power.msg, s.power.exec)
}

/// `(msg per day, exec per day)` of `who`.
pub fn rates(who: AccountId) -> (u128, u128) {
	let s = Power::power_of(&who);
	(s.per_day.msg, s.per_day.exec)
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
