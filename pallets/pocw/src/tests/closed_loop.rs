//! The seed's closed loop, run on the real pallets for 30 days of chain time under the default
//! PoCW parameters: stake Flux → generate Power → execute tasks → earn Flux → auto-stake → more
//! Power → more tasks.
//!
//! A worker stakes 100 Flux and keeps 10 free for collateral. Each day it does as many tasks as
//! its exec Power pays for (each costs 2 001 000 exec PU: 1 000 000 steps and 10 000 model
//! calls), until the day's reward budget (10 000 Flux) runs out. Every task is Heavy, with a
//! budget of twice its cost, 10 Flux of collateral, and three verifiers who measure 800 work
//! units: score `0.8 · (1/2 + (10/110)/2) · 1 ≈ 0.436`, a reward of about 43.6 Flux, of which
//! 40 % is staked; each verifier earns 1 Flux.
//!
//! The table it prints is the one in `docs/pocw.md` (between the `day-table` markers); the test
//! fails if they differ, and `UPDATE_DOCS=1` rewrites the document's table instead.

use super::mock::*;
use crate::Event;
use fluxomics_primitives::{FluxLedger, TaskClass, UNIT};
use frame_support::assert_ok;
use sp_arithmetic::FixedPointNumber;

const WORKER: AccountId = GRACE;
const START_MARK: &str = "<!-- day-table:start -->";
const END_MARK: &str = "<!-- day-table:end -->";

fn flux_str(planck: u128) -> String {
	format!("{}.{:03}", planck / UNIT, planck % UNIT / 1_000_000_000)
}

fn day_table() -> String {
	let mut table = String::from(
		"| Day | Tasks | Reward (Flux) | Free (Flux) | Staked (Flux) | Exec Power / day (PU) |\n\
		 |---:|---:|---:|---:|---:|---:|\n",
	);
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		assert_ok!(<Flux as FluxLedger<_>>::mint(&WORKER, 110 * UNIT));
		assert_ok!(Flux::stake(RuntimeOrigin::signed(WORKER), 100 * UNIT));
		let work = usage(1_000_000, 10_000, 0);
		let cost: u128 = 1_000 + 1_000_000 + 100 * 10_000;
		for day in 1..=30 {
			advance(DAY);
			next_block();
			let (mut tasks, mut rewards) = (0u32, 0);
			while exec_power(WORKER) >= cost {
				let task = crate::NextTaskId::<Test>::get();
				assert_ok!(Pocw::post_task(
					RuntimeOrigin::signed(ALICE),
					hash(task),
					2 * cost,
					TaskClass::Heavy,
					3,
					now() + HOUR
				));
				assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(WORKER), task, 10 * UNIT));
				assert_ok!(Pocw::submit_result(RuntimeOrigin::signed(WORKER), task, hash(0), work));
				let Event::ResultSubmitted { flux_paid, .. } = last_event() else { panic!() };
				assert_eq!(flux_paid, 0, "exec Power pays the usage");
				for v in [CHARLIE, DAVE, EVE] {
					assert_ok!(Pocw::attest(RuntimeOrigin::signed(v), task, true, 800));
				}
				let Event::TaskSettled { reward, score, .. } = last_event() else {
					panic!("settled")
				};
				tasks += 1;
				rewards += reward;
				// Keep the event log short: `last_event` reads all of it.
				System::reset_events();
				// The period's budget has run out: no more rewards today.
				if reward < score.saturating_mul_int(100 * UNIT) {
					break;
				}
			}
			let (free, staked, held) = flux(WORKER);
			assert_eq!(held, 0);
			table.push_str(&format!(
				"| {day} | {tasks} | {} | {} | {} | {} |\n",
				flux_str(rewards),
				flux_str(free),
				flux_str(staked),
				exec_rate(WORKER)
			));
		}
	});
	table
}

#[test]
fn thirty_days_of_the_closed_loop_match_docs_pocw() {
	let table = day_table();
	let path = std::path::PathBuf::from(
		// At run time: a test binary reused from another checkout of the same sources (a CI
		// clone sharing the target directory) must read this checkout's docs.
		std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into()),
	)
	.join("../../docs/pocw.md");
	let doc = std::fs::read_to_string(&path).expect("docs/pocw.md exists");
	let (Some(start), Some(end)) = (doc.find(START_MARK), doc.find(END_MARK)) else {
		panic!("docs/pocw.md lacks the day-table markers")
	};
	let begin = start + START_MARK.len();
	let documented = doc[begin..end].trim();
	if std::env::var("UPDATE_DOCS").as_deref() == Ok("1") {
		let updated = format!("{}\n{}\n{}", &doc[..begin], table.trim(), &doc[end..]);
		std::fs::write(&path, updated).expect("docs/pocw.md is writable");
		return;
	}
	assert_eq!(
		documented,
		table.trim(),
		"docs/pocw.md's day table is stale: run this test with UPDATE_DOCS=1"
	);
}
