//! The seed's closed loop, run on the real pallets for 30 days of chain time under the default
//! PoCW parameters: stake Flux → generate Power → execute tasks → earn Flux → auto-stake → more
//! Power → more tasks.
//!
//! A worker stakes 100 Flux and keeps 400 free for collateral. A requester (Alice) pays for the
//! work: each task's budget is 4 000 Flux, held in escrow (twice the task's cost at R, so
//! efficiency is at its cap), and she posts at most 200 tasks a day (her demand). Each day the
//! worker does as many tasks as its exec Power pays for (each costs 2 000 000 exec PU: 800 steps
//! and 19 982 model calls) and as Alice posts. Every task is Heavy, with 400 Flux of collateral
//! (10 % of the budget), and its drawn panel commits and reveals 800 work units: score
//! `0.8 · (1/2 + (400/500)/2) · 1 = 0.72`, a reward of 72 Flux (below the cap of 10 % of the
//! budget), of which 40 % is staked. Of the escrow, 20 % (800 Flux) goes to the sink, 5 % to the
//! panel and 75 % (3 000 Flux) to the worker; the sink funds every reward.
//!
//! The table it prints is the one in `docs/pocw.md` (between the `day-table` markers); the test
//! fails if they differ, and `UPDATE_DOCS=1` rewrites the document's table instead.

use super::mock::*;
use crate::Event;
use fluxomics_primitives::{TaskClass, UNIT};
use frame_support::assert_ok;

const WORKER: AccountId = GRACE;
/// The requester's demand: tasks posted a day at most.
const TASKS_PER_DAY: u32 = 200;

/// `planck` in Flux with three decimals.
pub(super) fn flux_str(planck: u128) -> String {
	format!("{}.{:03}", planck / UNIT, planck % UNIT / 1_000_000_000)
}

fn day_table() -> String {
	let mut table = String::from(
		"| Day | Tasks | Reward (Flux) | Free (Flux) | Staked (Flux) | Exec Power / day (PU) | Sink (Flux) |\n\
		 |---:|---:|---:|---:|---:|---:|---:|\n",
	);
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		mint(ALICE, 25_000_000 * UNIT);
		mint(WORKER, 500 * UNIT);
		assert_ok!(Flux::stake(RuntimeOrigin::signed(WORKER), 100 * UNIT));
		let work = usage(800, 19_982, 0);
		let cost: u128 = 1_000 + 800 + 100 * 19_982;
		assert_eq!(cost, 2_000_000);
		let budget = 2 * cost / 1_000 * UNIT;
		for day in 1..=30 {
			advance(DAY);
			next_block();
			let (mut tasks, mut rewards) = (0u32, 0);
			while tasks < TASKS_PER_DAY && exec_power(WORKER) >= cost {
				let task = crate::NextTaskId::<Test>::get();
				assert_ok!(Pocw::post_task(
					RuntimeOrigin::signed(ALICE),
					hash(task),
					budget,
					TaskClass::Heavy,
					3,
					now() + HOUR
				));
				assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(WORKER), task, budget / 10));
				assert_ok!(Pocw::submit_result(RuntimeOrigin::signed(WORKER), task, hash(0), work));
				let Event::ResultSubmitted { flux_paid, .. } = last_event() else { panic!() };
				assert_eq!(flux_paid, 0, "exec Power pays the usage");
				next_block();
				all_vote(task, true, 800);
				let Event::TaskSettled { reward, from_sink, .. } = last_event() else {
					panic!("settled")
				};
				assert_eq!(reward, 72 * UNIT);
				assert_eq!(from_sink, reward, "the sink funds the reward");
				tasks += 1;
				rewards += reward;
				// Keep the event log short: `last_event` reads all of it.
				System::reset_events();
			}
			let (free, staked, held) = flux(WORKER);
			assert_eq!(held, 0);
			table.push_str(&format!(
				"| {day} | {tasks} | {} | {} | {} | {} | {} |\n",
				flux_str(rewards),
				flux_str(free),
				flux_str(staked),
				exec_rate(WORKER),
				flux_str(sink()),
			));
		}
	});
	table
}

/// Checks that `table` is what `docs/pocw.md` holds between `<!-- {name}:start -->` and
/// `<!-- {name}:end -->`; with `UPDATE_DOCS=1`, writes it there instead.
pub(super) fn check_doc_table(name: &str, table: &str) {
	let (start_mark, end_mark) = (format!("<!-- {name}:start -->"), format!("<!-- {name}:end -->"));
	let path = std::path::PathBuf::from(
		// At run time: a test binary reused from another checkout of the same sources (a CI
		// clone sharing the target directory) must read this checkout's docs.
		std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into()),
	)
	.join("../../docs/pocw.md");
	let doc = std::fs::read_to_string(&path).expect("docs/pocw.md exists");
	let (Some(start), Some(end)) = (doc.find(&start_mark), doc.find(&end_mark)) else {
		panic!("docs/pocw.md lacks the {name} markers")
	};
	let begin = start + start_mark.len();
	let documented = doc[begin..end].trim();
	if std::env::var("UPDATE_DOCS").as_deref() == Ok("1") {
		let updated = format!("{}\n{}\n{}", &doc[..begin], table.trim(), &doc[end..]);
		std::fs::write(&path, updated).expect("docs/pocw.md is writable");
		return;
	}
	assert_eq!(
		documented,
		table.trim(),
		"docs/pocw.md's {name} is stale: run this test with UPDATE_DOCS=1"
	);
}

#[test]
fn thirty_days_of_the_closed_loop_match_docs_pocw() {
	let table = day_table();
	println!("{table}");
	check_doc_table("day-table", &table);
}
