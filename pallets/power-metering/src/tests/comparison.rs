//! `ChargePower` against the stock `ChargeTransactionPayment`, side by side in one process on
//! the same machine: the same signed transfer, validated, prepared and post-dispatched by each extension
//! many times, in alternating rounds so that neither gets a warmer cache. Run with
//! `scripts/compare-fees.sh` (release build); `docs/performance.md` records the result.
//!
//! Storage is in memory here, so this measures the extensions' own work (decoding, arithmetic,
//! hashing keys, events), including the counterparty's recording: the mock's hook appends the
//! charge to a per-block buffer as the runtime's Flox does. The database reads and writes each
//! one makes are counted by the runtime benchmarks and priced by the node's database weights;
//! `docs/performance.md` adds them.

use super::mock::*;
use crate::ChargePower;
use frame_support::dispatch::{Pays, PostDispatchInfo};
use pallet_transaction_payment::ChargeTransactionPayment;
use sp_runtime::traits::{DispatchTransaction, TransactionExtension};
use std::time::{Duration, Instant};

/// Database accesses of each extension's common path, from the benchmark listings:
/// `pallet_power_metering::charge_power` (Schedule, Power::Accounts r/w, Power::Params,
/// Power::Checkpoints) and `pallet_transaction_payment::charge_transaction_payment`
/// (System::Account r/w).
const POWER_DB: (u64, u64) = (4, 1);
const PAYMENT_DB: (u64, u64) = (1, 1);

const ROUNDS: u32 = 20;
const PER_ROUND: u32 = 500;

/// Runs `charge` `PER_ROUND` times, each as in a block of its own (events cleared, chain time
/// moved on, changes committed), and returns the time the charges took.
fn round(ext: &mut sp_io::TestExternalities, charge: impl Fn()) -> Duration {
	let mut spent = Duration::ZERO;
	for _ in 0..PER_ROUND {
		ext.execute_with(|| {
			System::reset_events();
			// A new block: Flox's `on_initialize` has taken the last block's charges.
			NotedCharges::kill();
			// A minute of generation per block keeps the payer on the Power path.
			advance(60 * SECOND);
			let start = Instant::now();
			charge();
			spent += start.elapsed();
		});
		ext.commit_all().expect("in-memory commit");
	}
	spent
}

#[test]
#[ignore = "a measurement, not a check: run by scripts/compare-fees.sh"]
fn charge_power_against_charge_transaction_payment() {
	let mut ext = new_test_ext();
	let call = transfer(BOB, 1);
	let len = 140;
	ext.execute_with(|| advance(DAY));
	// Both extensions weigh what their own benchmarks say; the call's weight is the same.
	let power_info = info_of(&call);
	let mut payment_info = power_info;
	payment_info.extension_weight = ChargeTransactionPayment::<Test>::from(0).weight(&call);
	let post = PostDispatchInfo { actual_weight: None, pays_fee: Pays::Yes };

	let charge_power = || {
		let r = ChargePower::<Test>::new().test_run(
			RuntimeOrigin::signed(ALICE),
			&call,
			&power_info,
			len,
			0,
			|_| Ok(post),
		);
		assert!(matches!(r, Ok(Ok(_))), "{r:?}");
	};
	let charge_payment = || {
		let r = ChargeTransactionPayment::<Test>::from(0).test_run(
			RuntimeOrigin::signed(ALICE),
			&call,
			&payment_info,
			len,
			0,
			|_| Ok(post),
		);
		assert!(matches!(r, Ok(Ok(_))), "{r:?}");
	};
	// Warm up both.
	round(&mut ext, charge_power);
	round(&mut ext, charge_payment);
	let (mut power, mut payment) = (Duration::ZERO, Duration::ZERO);
	for _ in 0..ROUNDS {
		power += round(&mut ext, charge_power);
		payment += round(&mut ext, charge_payment);
	}
	let n = f64::from(ROUNDS * PER_ROUND);
	let per = |d: Duration| d.as_nanos() as f64 / n;
	println!("ChargePower (Power path):     {:>9.0} ns per charge", per(power));
	println!("ChargeTransactionPayment:     {:>9.0} ns per charge", per(payment));
	println!("ratio ChargePower / stock:    {:>9.3}", per(power) / per(payment));
	// The node's database weights (ParityDB) price each read and write.
	let db = frame_support::weights::constants::ParityDbWeight::get();
	let with_db =
		|ns: f64, (r, w): (u64, u64)| ns + (db.reads_writes(r, w).ref_time() / 1_000) as f64;
	let (power_w, payment_w) = (with_db(per(power), POWER_DB), with_db(per(payment), PAYMENT_DB));
	println!(
		"with database weight, ChargePower: {:>9.0} ns ({} reads, {} write)",
		power_w, POWER_DB.0, POWER_DB.1
	);
	println!(
		"with database weight, stock:       {:>9.0} ns ({} read, {} write)",
		payment_w, PAYMENT_DB.0, PAYMENT_DB.1
	);
	println!("weight ratio ChargePower / stock:  {:>9.3}", power_w / payment_w);
	// Ten thousand charges later, every invariant still holds.
	fluxomics_test_support::run_checked(ext, CHECKS, || ());
}
