//! The test runtime: the shared base (System, Balances for HETU, Timestamp, the real Flux and
//! Power pallets) behind the metering pallet, and `pallet-transaction-payment` for the
//! side-by-side measurement. Every test runs through [`run`], which checks the Flux, Power and
//! metering invariants when the test ends.
//!
//! Power: α = 86 400 PU per Flux per day for both kinds (one PU per staked Flux per second),
//! capped at one day. Schedule: p0 = 100, p_size = 1, p_intent = 1 000, e0 = 1 000, e_step = 1
//! per µs of weight, e_tx = 40. R starts at 1 000 PU per Flux, within [10, 100 000], target
//! 10 000 PU a block, at most 10 % a block. HETU costs 1 per Flux.
//!
//! Accounts: Alice stakes 100 Flux (and holds 1 000 HETU), Bob stakes 1 Flux and holds 5 free,
//! Charlie holds 10 free Flux and 1 000 HETU, Dave holds only HETU (1 000), Eve holds nothing.

use crate as pallet_power_metering;
use crate::{CostSchedule, MeteringParams, RateParams};
use core::cell::RefCell;
use fluxomics_primitives::{
	Balance, Moment, OnPowerCharged, PerKind, PowerLedger, PowerUnits, UNIT,
};
// `derive_impl` is named in scope for the test base's `#[derive_impl]`s (its expansion calls
// itself by this name).
use frame_support::{
	derive_impl,
	dispatch::{DispatchInfo, GetDispatchInfo, PostDispatchInfo},
	traits::ConstU32,
	weights::Weight,
};
use sp_arithmetic::{FixedU128, Perbill};
use sp_runtime::{
	traits::{DispatchTransaction, TransactionExtension},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	BuildStorage, DispatchResult,
};

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
pub const EVE: AccountId = 5;

pub const SECOND: u64 = 1_000;
pub const START: u64 = 1_700_000_000_000;

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

fluxomics_test_support::test_base! {
	runtime: Test,
	power: { listed: (), max_leases: ConstU32<3> },
}

impl pallet_transaction_payment::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = pallet_transaction_payment::FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = frame_support::traits::ConstU8<5>;
	type WeightToFee = frame_support::weights::IdentityFee<Balance>;
	type LengthToFee = frame_support::weights::IdentityFee<Balance>;
	type FeeMultiplierUpdate = ();
	type WeightInfo = ();
}

impl pallet_power_metering::Config for Test {
	type Power = CountedPower;
	type Flux = Flux;
	type Counterparty = TransferCounterparty;
	type SelfFunding = pallet_flux::WithdrawPaysItself<Test>;
	type OnCharge = RecordEdges;
	type UpdateOrigin = frame_system::EnsureRoot<AccountId>;
	type MaxPayloadLen = ConstU32<1_024>;
	type WeightInfo = TestWeights;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchHelper;
}

/// How many times the metering pallet called each accruing operation of the Power ledger.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LedgerCalls {
	/// `available`.
	pub available: u32,
	/// `consume`.
	pub consume: u32,
	/// `refund`.
	pub refund: u32,
}

thread_local! {
	static EDGES: RefCell<Vec<(AccountId, AccountId, PowerUnits)>> = const { RefCell::new(Vec::new()) };
	static LEDGER_CALLS: RefCell<LedgerCalls> = const {
		RefCell::new(LedgerCalls { available: 0, consume: 0, refund: 0 })
	};
}

/// The real Power pallet, counting the calls that accrue an account, so the tests can check
/// that a charge accrues its payer once per phase.
pub struct CountedPower;
impl PowerLedger<AccountId> for CountedPower {
	fn available(who: &AccountId) -> PerKind<PowerUnits> {
		LEDGER_CALLS.with(|c| c.borrow_mut().available += 1);
		<Power as PowerLedger<AccountId>>::available(who)
	}
	fn consume(who: &AccountId, amount: PerKind<PowerUnits>) -> DispatchResult {
		LEDGER_CALLS.with(|c| c.borrow_mut().consume += 1);
		<Power as PowerLedger<AccountId>>::consume(who, amount)
	}
	fn refund(who: &AccountId, amount: PerKind<PowerUnits>) {
		LEDGER_CALLS.with(|c| c.borrow_mut().refund += 1);
		<Power as PowerLedger<AccountId>>::refund(who, amount)
	}
	fn accrual_weight(who: &AccountId) -> Weight {
		<Power as PowerLedger<AccountId>>::accrual_weight(who)
	}
	fn max_accrual_weight() -> Weight {
		<Power as PowerLedger<AccountId>>::max_accrual_weight()
	}
	fn existence_weight() -> Weight {
		<Power as PowerLedger<AccountId>>::existence_weight()
	}
	fn start_lease(
		from: &AccountId,
		to: &AccountId,
		amount: Balance,
		until: Moment,
	) -> DispatchResult {
		<Power as PowerLedger<AccountId>>::start_lease(from, to, amount, until)
	}
	fn end_lease(
		from: &AccountId,
		to: &AccountId,
		amount: Balance,
		until: Moment,
	) -> DispatchResult {
		<Power as PowerLedger<AccountId>>::end_lease(from, to, amount, until)
	}
}

/// The calls counted since the test began (or since the last [`reset_ledger_calls`]).
pub fn ledger_calls() -> LedgerCalls {
	LEDGER_CALLS.with(|c| *c.borrow())
}

/// Starts counting the Power ledger's calls again from zero.
pub fn reset_ledger_calls() {
	LEDGER_CALLS.with(|c| *c.borrow_mut() = LedgerCalls::default());
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
/// 2 µs (so the extension declares 32 steps, plus the accruals' walks over leases).
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
	fn set_params() -> Weight {
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
	fn give_power(who: &AccountId, power: PerKind<PowerUnits>) {
		use fluxomics_primitives::StakeInfo;
		Flux::stake_for_benchmark(who, 1_000_000 * UNIT);
		<Power as PowerLedger<AccountId>>::refund(who, power);
	}
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

/// The test chain's parameters.
pub fn test_params() -> MeteringParams {
	MeteringParams { schedule: test_schedule(), rate: test_rate_params() }
}

/// The parameters in force with `schedule` instead of the schedule.
pub fn with_schedule(schedule: CostSchedule) -> MeteringParams {
	MeteringParams { schedule, ..PowerMetering::params() }
}

/// The parameters in force with `rate` instead of the rate parameters.
pub fn with_rate(rate: RateParams) -> MeteringParams {
	MeteringParams { rate, ..PowerMetering::params() }
}

/// The test chain at block 1, chain time `START`, with the accounts and parameters above;
/// nothing recorded or counted yet.
pub fn new_test_ext() -> sp_io::TestExternalities {
	EDGES.with(|e| e.borrow_mut().clear());
	reset_ledger_calls();
	ExtBuilder::new(START)
		.hetu(&[(ALICE, 1_000 * UNIT), (CHARLIE, 1_000 * UNIT), (DAVE, 1_000 * UNIT)])
		.flux(&[(ALICE, 0, 100 * UNIT), (BOB, 5 * UNIT, UNIT), (CHARLIE, 10 * UNIT, 0)])
		.power(pallet_power::PowerParams {
			alpha: PerKind::splat(FixedU128::from_u32(86_400)),
			cap_period: DAY,
		})
		.build(|storage| {
			// The base leaves Flux's default parameters: set this chain's.
			pallet_flux::GenesisConfig::<Test> {
				params: Some(pallet_flux::FluxParams {
					hetu_per_flux: FixedU128::from_u32(1),
					unbonding_period: DAY,
					min_stake: UNIT,
					min_convert: UNIT,
				}),
				accounts: vec![],
			}
			.assimilate_storage(storage)
			.unwrap();
			pallet_power_metering::GenesisConfig::<Test> {
				schedule: Some(test_schedule()),
				rate_params: Some(test_rate_params()),
				exchange_rate: Some(FixedU128::from_u32(1_000)),
				..Default::default()
			}
			.assimilate_storage(storage)
			.unwrap();
		})
}

/// The invariants every test must leave true: Flux's, Power's and the metering pallet's.
pub const CHECKS: &[(&str, fluxomics_test_support::Check)] = &[
	("Flux", pallet_flux::Pallet::<Test>::do_try_state),
	("Power", pallet_power::Pallet::<Test>::do_try_state),
	("PowerMetering", crate::Pallet::<Test>::do_try_state),
];

/// Runs `test` on the test chain, then checks the three pallets' invariants.
pub fn run(test: impl FnOnce()) {
	fluxomics_test_support::run_checked(new_test_ext(), CHECKS, test)
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

/// `who`'s Power of each kind now.
pub fn power(who: AccountId) -> PerKind<PowerUnits> {
	<Power as PowerLedger<AccountId>>::available(&who)
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

/// Sends `call` from `who` through the extension, `len` bytes long, and dispatches it.
pub fn submit(
	who: AccountId,
	call: RuntimeCall,
	len: usize,
) -> Result<PostDispatchInfo, InvalidTransaction> {
	let info = info_of(&call);
	match crate::ChargePower::<Test>::new().dispatch_transaction(
		RuntimeOrigin::signed(who),
		call,
		&info,
		len,
		0,
	) {
		Ok(Ok(post)) => Ok(post),
		Ok(Err(e)) => panic!("the call failed: {e:?}"),
		Err(TransactionValidityError::Invalid(e)) => Err(e),
		Err(e) => panic!("unexpected validity error {e:?}"),
	}
}

/// A 10-byte message of 150 encoded bytes costs 250 msg PU. Its weight (20.01 µs) plus the
/// extension's declared 32 µs is 53 steps, 1 093 exec PU, when Flux pays; when Power covers it
/// the extension weighs 12 µs: 33 steps, 1 073 exec PU. (A payer without leases: the declared
/// walks over leases come off before pricing.)
pub const MSG: u128 = 250;
pub const EXEC: u128 = 1_093;
pub const EXEC_USED: u128 = 1_073;
