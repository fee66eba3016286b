//! A test runtime with the real Flux and Power pallets behind the market: the shared test base
//! plus the market's own configuration and genesis.
//!
//! Power: α = 86 400 PU per Flux per day (one PU per staked Flux per second), capped at a day;
//! at most 8 leases an account.
//! Market: 10 % fee, offers and leases of at least 1 Flux lasting 1 s to 1 day, the index's
//! volume fades by half each day; 1-second expiry buckets, at most 4 offers, `rent_best` looks at 3,
//! 3 leases per bucket, and the hook scans 3 buckets and ends 2 leases a block; 2 offers a
//! lender, 4 leases an offer; the protocol sells a capacity-day for 1 Flux (`Ceiling`).
//!
//! Accounts: Alice stakes 100 Flux, Bob stakes 50, Charlie holds 100 free Flux, Dave nothing.

use crate as pallet_power_market;
use crate::MarketParams;
use fluxomics_primitives::{Balance, PerKind, UNIT};
// `derive_impl` in scope by name: the test base's `#[derive_impl]`s expand to a second
// `#[derive_impl]` written without a path.
use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64, Hooks},
};
use sp_arithmetic::{FixedU128, Perbill};

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;

pub const SECOND: u64 = 1_000;
pub const HOUR: u64 = 3_600_000;
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

fluxomics_test_support::test_base! {
	runtime: Test,
	power: { listed: PowerMarket, max_leases: ConstU32<8> },
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
	type MaxOffersPerLender = ConstU32<2>;
	type MaxLeasesPerOffer = ConstU32<4>;
	type PowerPrice = ProtocolPrice;
	type ExpiryBucket = ConstU64<1_000>;
	type MaxExpiriesPerBucket = ConstU32<3>;
	type MaxBucketsPerBlock = ConstU32<3>;
	type MaxExpiriesPerBlock = ConstU32<2>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = SetTime;
}

frame_support::parameter_types! {
	/// The protocol's price of a capacity-day: 1 Flux unless a test sets another.
	pub static Ceiling: Option<Balance> = Some(UNIT);
}

/// The protocol price the tests set in [`Ceiling`].
pub struct ProtocolPrice;
impl fluxomics_primitives::PowerPrice for ProtocolPrice {
	fn capacity_day_price() -> Option<Balance> {
		Ceiling::get()
	}
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
		index_decay: Perbill::from_percent(50),
	}
}

/// The accounts above at `START`, with the market's test parameters.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::new(START)
		.hetu(&[(ALICE, 1_000 * UNIT), (BOB, 1_000 * UNIT), (CHARLIE, 1_000 * UNIT)])
		.flux(&[(ALICE, 0, 100 * UNIT), (BOB, 0, 50 * UNIT), (CHARLIE, 100 * UNIT, 0)])
		.power(pallet_power::PowerParams {
			alpha: PerKind::splat(FixedU128::from_u32(86_400)),
			cap_period: DAY,
		})
		.build(|storage| {
			use sp_runtime::BuildStorage;
			pallet_power_market::GenesisConfig::<Test> {
				params: Some(test_params()),
				..Default::default()
			}
			.assimilate_storage(storage)
			.unwrap();
		})
}

/// Runs `test` in a fresh [`new_test_ext`], then checks the Flux, Power and market invariants.
pub fn run_test(test: impl FnOnce()) {
	fluxomics_test_support::run_checked(
		new_test_ext(),
		&[
			("Flux", pallet_flux::Pallet::<Test>::do_try_state),
			("Power", pallet_power::Pallet::<Test>::do_try_state),
			("PowerMarket", crate::Pallet::<Test>::do_try_state),
		],
		test,
	)
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

/// The order book as `(price, offer)`, cheapest first.
pub fn book() -> Vec<(Balance, crate::OfferId)> {
	crate::OrderBook::<Test>::get().iter().map(|e| (e.price, e.offer)).collect()
}
