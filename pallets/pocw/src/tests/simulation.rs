//! The economic simulation of issue 15: an adversary holding a share `s` of all verifier bond,
//! acting as requester and worker too, against honest verifiers, over many tasks with the
//! chain's own draws (each task's panel is drawn from the parent hash of the block after its
//! submission).
//!
//! Each run alternates two kinds of task:
//!
//! - **honest**: Alice posts, Bob works and reports his steps truthfully; honest seats vote
//!   valid with the true work, the adversary's seats vote invalid (griefing);
//! - **self-dealing**: the adversary posts 100 Flux, claims with its own worker, reports the
//!   1 000 steps its verifiers will claim to have measured; its seats vote valid, honest seats
//!   invalid.
//!
//! The adversary decides a task when it holds a majority of its (all revealed) seats. After
//! every task each verifier tops its bond back up to where it started (leaving and registering
//! again, paying the slashes out of its own Flux), so that `s` stays the share of every draw.
//!
//! Measured per `(s, q)`: the probability that the adversary decides a task, exact (binomial)
//! and observed; the adversary's net change of Flux (free + staked + held over all its
//! accounts); its change of staked Flux (the Power rate the rewards bought it) and of its net
//! Power rate (what its net Flux, staked, would generate); honest workers' reward per task.
//! Asserted: no gain of Flux nor of net Power rate for `s ≤ 1/3`, the observed probability within
//! four standard deviations of the exact one, and every honest task the adversary did not decide
//! paying Bob exactly what the same task pays in a run without the adversary.
//!
//! `cargo test --release -p pallet-pocw adversary -- --nocapture` prints the table; the test
//! fails if `docs/pocw.md` (between the `adversary-table` markers) differs, and `UPDATE_DOCS=1`
//! rewrites it.

use super::{closed_loop::check_doc_table, closed_loop::flux_str, mock::*};
use crate::{pallet::*, Event};
use fluxomics_primitives::{Balance, TaskClass, UNIT};
use frame_support::assert_ok;

/// The adversary's requester, worker and two verifier accounts.
const ADV_REQ: AccountId = 40;
const ADV_WORK: AccountId = 41;
const ADV_VERIFIERS: [AccountId; 2] = [42, 43];
const ADVERSARY: [AccountId; 4] = [ADV_REQ, ADV_WORK, 42, 43];
/// Five honest verifiers of 720 Flux each: 3 600 Flux of honest bond.
const HONEST: [AccountId; 5] = [CHARLIE, DAVE, EVE, FERDIE, GRACE];
const HONEST_BOND: Balance = 720 * UNIT;
/// Tasks a run plays, half of each kind.
const TASKS: u32 = 200;
/// The self-dealer's budget, collateral and claimed work.
const SELF_BUDGET: Balance = 100 * UNIT;
const SELF_COLLATERAL: Balance = 10 * UNIT;
const SELF_WORK: u64 = 1_000;

/// The `i`-th honest task: budget, collateral, true steps and class, all varied.
fn honest_task(i: u32) -> (Balance, Balance, u64, TaskClass) {
	let budget = (100 + 100 * (i % 5) as u128) * UNIT;
	let collateral = budget / 10 + (i % 3) as u128 * 20 * UNIT;
	let steps = 300 + (i as u64 * 137) % 700;
	let class = [TaskClass::Light, TaskClass::Standard, TaskClass::Heavy][(i % 3) as usize];
	(budget, collateral, steps, class)
}

/// What a run measured.
struct Run {
	/// Tasks the adversary decided, of those played.
	decided: u32,
	played: u32,
	/// The adversary's change of Flux, and of staked Flux.
	flux: i128,
	staked: i128,
	/// Bob's reward on each honest task, `None` where the adversary decided it.
	honest: Vec<Option<Balance>>,
}

/// Posts, claims, submits and draws a task; the panel's votes: `valid` for the adversary's
/// seats, the opposite for the honest ones. Returns whether the adversary held the majority and
/// the settlement event.
fn play(
	requester: AccountId,
	worker: AccountId,
	(budget, collateral, steps, class): (Balance, Balance, u64, TaskClass),
	quorum: u32,
	adversary_valid: bool,
) -> (bool, Event<Test>) {
	let task = NextTaskId::<Test>::get();
	assert_ok!(Pocw::post_task(
		RuntimeOrigin::signed(requester),
		hash(task),
		budget,
		class,
		quorum,
		now() + HOUR
	));
	assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(worker), task, collateral));
	assert_ok!(Pocw::submit_result(
		RuntimeOrigin::signed(worker),
		task,
		hash(1),
		usage(steps, 0, 0)
	));
	next_block();
	let panel = panel_of(task);
	assert_eq!(panel.iter().map(|(_, n)| n).sum::<u32>(), quorum);
	let adversary_seats: u32 =
		panel.iter().filter(|(v, _)| ADV_VERIFIERS.contains(v)).map(|(_, n)| n).sum();
	let votes: Vec<_> = panel
		.iter()
		.map(|&(v, _)| {
			let valid = ADV_VERIFIERS.contains(&v) == adversary_valid;
			(v, valid, if valid { steps } else { 0 })
		})
		.collect();
	commit_and_reveal(task, &votes);
	let event = last_event();
	System::reset_events();
	(adversary_seats * 2 > quorum, event)
}

/// Tops every verifier's bond back up to `target` (its bond at the start).
fn restore_bonds(targets: &[(AccountId, Balance)]) {
	for &(v, target) in targets {
		if Verifiers::<Test>::get(v).unwrap().bond < target {
			assert_ok!(Pocw::leave_verifier(RuntimeOrigin::signed(v)));
			assert_ok!(Pocw::register_verifier(RuntimeOrigin::signed(v), target));
		}
	}
}

/// One run: the adversary holds `num / den` of all bond (none without `share`), quorum `quorum`.
fn run(share: Option<(u128, u128)>, quorum: u32) -> Run {
	ExtBuilder::build_and_execute(|| {
		mint(ALICE, 1_000_000 * UNIT);
		mint(BOB, 100_000 * UNIT);
		let mut targets = Vec::new();
		for v in HONEST {
			mint(v, 100_000 * UNIT);
			assert_ok!(Pocw::register_verifier(RuntimeOrigin::signed(v), HONEST_BOND));
			targets.push((v, HONEST_BOND));
		}
		if let Some((num, den)) = share {
			// `s / (1 − s)` of the honest bond, split between two accounts.
			let each = 5 * HONEST_BOND * num / (den - num) / 2;
			for v in ADV_VERIFIERS {
				mint(v, 100_000 * UNIT);
				assert_ok!(Pocw::register_verifier(RuntimeOrigin::signed(v), each));
				targets.push((v, each));
			}
			mint(ADV_REQ, 100_000 * UNIT);
			mint(ADV_WORK, 10_000 * UNIT);
		}
		let start = wealth(&ADVERSARY);
		let staked_start = flux(ADV_WORK).1 as i128;
		let mut result = Run { decided: 0, played: 0, flux: 0, staked: 0, honest: Vec::new() };
		for t in 0..TASKS {
			let honest = t % 2 == 0;
			if !honest && share.is_none() {
				continue;
			}
			let (decided, event) = if honest {
				play(ALICE, BOB, honest_task(t / 2), quorum, false)
			} else {
				play(
					ADV_REQ,
					ADV_WORK,
					(SELF_BUDGET, SELF_COLLATERAL, SELF_WORK, TaskClass::Heavy),
					quorum,
					true,
				)
			};
			match (honest, decided, event) {
				(true, false, Event::TaskSettled { reward, .. }) => {
					result.honest.push(Some(reward))
				},
				(true, true, Event::TaskRejected { .. }) => result.honest.push(None),
				(false, true, Event::TaskSettled { .. })
				| (false, false, Event::TaskRejected { .. }) => {},
				(honest, decided, e) => panic!("honest {honest}, decided {decided}: {e:?}"),
			}
			result.played += 1;
			result.decided += decided as u32;
			restore_bonds(&targets);
		}
		result.flux = wealth(&ADVERSARY) - start;
		result.staked = flux(ADV_WORK).1 as i128 - staked_start;
		result
	})
}

/// All the Flux (free, staked and held) of `accounts`, together.
fn wealth(accounts: &[AccountId]) -> i128 {
	accounts.iter().map(|a| total_flux(*a) as i128).sum()
}

/// The probability that `Binomial(q, s)` is a majority of `q`.
fn p_majority(q: u32, s: f64) -> f64 {
	let choose = |n: u32, k: u32| (0..k).fold(1.0, |c, i| c * (n - i) as f64 / (i + 1) as f64);
	(q / 2 + 1..=q).map(|k| choose(q, k) * s.powi(k as i32) * (1.0 - s).powi((q - k) as i32)).sum()
}

/// `n` with its sign, its magnitude shown by `show`.
fn signed(n: i128, show: impl Fn(u128) -> String) -> String {
	format!("{}{}", if n < 0 { "−" } else { "+" }, show(n.unsigned_abs()))
}

/// The mean of the rewards present in `rewards`, in Flux.
fn mean(rewards: impl Iterator<Item = Balance>) -> String {
	let (sum, n) = rewards.fold((0u128, 0u128), |(s, n), r| (s + r, n + 1));
	flux_str(sum.checked_div(n).unwrap_or(0))
}

#[test]
fn an_adversary_with_a_third_of_the_bond_or_less_gains_nothing() {
	let shares: [(u128, u128, &str); 6] = [
		(1, 10, "0.1"),
		(1, 5, "0.2"),
		(1, 4, "0.25"),
		(1, 3, "1/3"),
		(2, 5, "0.4"),
		(1, 2, "0.5"),
	];
	let mut table = String::from(
		"| s | q | P(decide) exact | P(decide) observed | adversary ΔFlux | adversary Δstaked Flux | adversary net ΔPower rate (PU/day) | honest reward / task it did not decide | same tasks, no adversary | honest reward / task, all | all, no adversary |\n\
		 |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
	);
	for quorum in [3, 5] {
		let baseline = run(None, quorum);
		assert_eq!(baseline.decided, 0);
		let clean: Vec<Balance> = baseline.honest.iter().map(|r| r.unwrap()).collect();
		for (num, den, label) in shares {
			let r = run(Some((num, den)), quorum);
			let s = num as f64 / den as f64;
			let exact = p_majority(quorum, s);
			let observed = r.decided as f64 / r.played as f64;
			// Within four standard deviations of the binomial (and one task).
			let sd = (exact * (1.0 - exact) / r.played as f64).sqrt();
			assert!(
				(observed - exact).abs() <= 4.0 * sd + 1.0 / r.played as f64,
				"s = {label}, q = {quorum}: observed {observed}, exact {exact}"
			);
			// Honest work the adversary did not decide is paid as if it were not there.
			assert_eq!(r.honest.len(), clean.len());
			for (i, reward) in r.honest.iter().enumerate() {
				if let Some(reward) = reward {
					assert_eq!(*reward, clean[i], "s = {label}, q = {quorum}, honest task {i}");
				}
			}
			// Net Power rate: what its net change of Flux would generate staked (α = 86 400 PU per
			// Flux a day); the staked rewards it won are in it, and so is what they cost.
			let power_rate = r.flux * 86_400 / UNIT as i128;
			if num * 3 <= den {
				assert!(r.flux <= 0, "s = {label}, q = {quorum}: the adversary gains {}", r.flux);
				assert!(power_rate <= 0, "s = {label}, q = {quorum}: Power rate +{power_rate}");
			}
			let undecided = || r.honest.iter().zip(&clean).filter(|(r, _)| r.is_some());
			table.push_str(&format!(
				"| {label} | {quorum} | {exact:.4} | {observed:.4} | {} | {} | {} | {} | {} | {} | {} |\n",
				signed(r.flux, flux_str),
				signed(r.staked, flux_str),
				signed(power_rate, |n| n.to_string()),
				mean(undecided().map(|(r, _)| r.unwrap_or(0))),
				mean(undecided().map(|(_, c)| *c)),
				mean(r.honest.iter().map(|r| r.unwrap_or(0))),
				mean(clean.iter().copied()),
			));
		}
	}
	println!("{table}");
	check_doc_table("adversary-table", &table);
}
