//! The attacks of issue 15, run on the real pallets, each leaving the attacker poorer:
//!
//! - (a) the four-step self-dealing loop: one person as requester, worker and every verifier;
//! - (b) many cheap verifier registrations against one large honest bond;
//! - (c) rejecting to be paid from the worker's collateral;
//! - (d) claiming a task and never submitting (griefing the requester).

use super::mock::*;
use crate::{pallet::*, Error, Event, ExpiryOutcome, RejectReason, SlashReason};
use fluxomics_primitives::{Balance, TaskClass, UNIT};
use frame_support::{assert_noop, assert_ok};

/// All the Flux (free, staked and held) of `accounts`, together.
fn wealth(accounts: &[AccountId]) -> i128 {
	accounts.iter().map(|a| total_flux(*a) as i128).sum()
}

/// The self-dealer's accounts: requester, worker and its three verifiers.
const P_REQ: AccountId = 50;
const P_WORK: AccountId = 51;
const P_VERIFIERS: [AccountId; 3] = [52, 53, 54];
const PERSON: [AccountId; 5] = [P_REQ, P_WORK, 52, 53, 54];

/// How the self-dealer reports and judges its own task.
#[derive(Clone, Copy, Debug)]
enum Play {
	/// Zero usage, and its verifiers measure no work (so that the report matches).
	ZeroUsageZeroWork,
	/// Zero usage, and its verifiers honestly measure the 1 000 units they claim.
	ZeroUsageHonestMeasure,
	/// It reports 1 000 steps and its verifiers measure 1 000: the report matches.
	ConsistentReport,
}

/// The loop on today's defaults: the person holds every verifier bond; posts a task
/// of 2 000 Flux; its worker claims it with 1 000 Flux of collateral and submits; its verifiers
/// judge it. Returns the person's change of Flux and the last event.
fn self_deal(play: Play) -> (i128, Event<Test>) {
	for v in P_VERIFIERS {
		mint(v, 100 * UNIT);
		assert_ok!(Pocw::register_verifier(RuntimeOrigin::signed(v), 100 * UNIT));
	}
	mint(P_REQ, 2_000 * UNIT);
	mint(P_WORK, 1_100 * UNIT);
	let before = wealth(&PERSON);
	let (sink_before, issuance_before) = (sink(), issuance());
	// Step 2 with the quorum of one: refused, the least is three.
	assert_noop!(
		Pocw::post_task(
			RuntimeOrigin::signed(P_REQ),
			hash(1),
			2_000 * UNIT,
			TaskClass::Heavy,
			1,
			now() + HOUR
		),
		Error::<Test>::InvalidQuorum
	);
	let task = post_by(P_REQ, 2_000 * UNIT, 3);
	// Step 3.
	assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(P_WORK), task, 1_000 * UNIT));
	let (steps, measure) = match play {
		Play::ZeroUsageZeroWork => (0, 0),
		Play::ZeroUsageHonestMeasure => (0, 1_000),
		Play::ConsistentReport => (1_000, 1_000),
	};
	assert_ok!(Pocw::submit_result(
		RuntimeOrigin::signed(P_WORK),
		task,
		hash(2),
		usage(steps, 0, 0)
	));
	// Step 4: its verifiers hold every seat, whatever the draw.
	next_block();
	assert_eq!(panel_of(task).iter().map(|(_, n)| n).sum::<u32>(), 3);
	all_vote(task, true, measure);
	let after = wealth(&PERSON);
	// What the person lost went to the sink; no Flux was created.
	assert_eq!(sink() as i128 - sink_before as i128, before - after);
	assert_eq!(issuance(), issuance_before);
	(after - before, last_event())
}

#[test]
fn self_dealing_with_zero_usage_and_zero_measured_work_pays_the_fee_for_nothing() {
	ExtBuilder::build_and_execute(|| {
		let (delta, event) = self_deal(Play::ZeroUsageZeroWork);
		let Event::TaskSettled { verified_work, reward, fee, verification_fee, .. } = event else {
			panic!("settled: {event:?}")
		};
		// No verified work, no score, no reward.
		assert_eq!((verified_work, reward), (0, 0));
		assert_eq!((fee, verification_fee), (400 * UNIT, 100 * UNIT));
		// −(fee − reward), the e0 of the usage (1 000 PU = 1 Flux at R), and the planck of the
		// verification fee that does not divide among three seats.
		assert_eq!(delta, -((fee - reward) as i128) - UNIT as i128 - 1);
		assert_eq!(exec_rate(P_WORK), 0);
	});
}

#[test]
fn self_dealing_with_zero_usage_and_honestly_measured_work_is_rejected_for_its_usage() {
	ExtBuilder::build_and_execute(|| {
		let (delta, event) = self_deal(Play::ZeroUsageHonestMeasure);
		assert_eq!(
			event,
			Event::TaskRejected {
				task: 0,
				worker: P_WORK,
				reason: RejectReason::Usage,
				refunded: 1_900 * UNIT,
				verification_fee: 100 * UNIT,
				to_requester: 500 * UNIT,
				to_sink: 500 * UNIT,
			}
		);
		// Half the collateral to the sink, the usage's 1 Flux, the undivided planck.
		assert_eq!(delta, -500 * UNIT as i128 - UNIT as i128 - 1);
	});
}

#[test]
fn self_dealing_with_a_consistent_report_earns_less_than_its_fee() {
	ExtBuilder::build_and_execute(|| {
		let (delta, event) = self_deal(Play::ConsistentReport);
		let Event::TaskSettled { score, reward, fee, free, staked, sink, from_sink, .. } = event
		else {
			panic!("settled: {event:?}")
		};
		// Full work, risk 1 000 / 1 100, efficiency at its cap: score 0.9545…, 95.45 Flux (the
		// issue's ~95 Flux), all of it taken from the sink that the 400 Flux fee filled.
		assert_eq!(score, sp_arithmetic::FixedU128::from_inner(954_545_454_545_454_545));
		assert_eq!(reward, 95_454_545_454_545);
		assert_eq!(from_sink, reward);
		assert_eq!(
			(free, staked, sink),
			(47_727_272_727_272, 38_181_818_181_818, 9_545_454_545_455)
		);
		// −(fee − reward), less the λ3 of the reward (to the sink), the usage (2 000 PU =
		// 2 Flux) and the undivided planck: 316.09 Flux poorer.
		let expected = -((fee - reward) as i128) - sink as i128 - 2 * UNIT as i128 - 1;
		assert_eq!(delta, expected);
		assert_eq!(delta, -316_090_909_090_911);
		// The Power it bought: the staked 38.18 Flux generate at once...
		let rate = staked * 86_400 / UNIT;
		assert_eq!(exec_rate(P_WORK), rate);
		assert_eq!(rate, 3_298_909);
		// ... and would have cost 38.18 Flux staked directly, not 316 + 38.
		assert!(-delta > staked as i128);
	});
}

#[test]
fn cheap_registrations_get_seats_in_proportion_to_their_bond_and_pay_for_wrong_votes() {
	const CHEAP: [AccountId; 6] = [60, 61, 62, 63, 64, 65];
	ExtBuilder::build_and_execute(|| {
		// Six 100-Flux registrations against Charlie's 1 800: a quarter of the bond.
		mint(CHARLIE, 1_000 * UNIT);
		assert_ok!(Pocw::register_verifier(RuntimeOrigin::signed(CHARLIE), 1_800 * UNIT));
		for v in CHEAP {
			mint(v, 100 * UNIT);
			assert_ok!(Pocw::register_verifier(RuntimeOrigin::signed(v), 100 * UNIT));
		}
		mint(BOB, 10_000 * UNIT);
		let quorum = 5;
		let run_task = |cheap_valid: bool| {
			let task = post(10 * UNIT, quorum);
			assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), task, 10 * UNIT));
			assert_ok!(Pocw::submit_result(
				RuntimeOrigin::signed(BOB),
				task,
				hash(1),
				usage(100, 0, 0)
			));
			next_block();
			let panel = panel_of(task);
			let votes: Vec<_> = panel
				.iter()
				.map(|&(v, _)| if v == CHARLIE { (v, true, 100) } else { (v, cheap_valid, 100) })
				.collect();
			commit_and_reveal(task, &votes);
			(task, panel)
		};
		// Everyone honest: count the seats.
		let (tasks, mut cheap_seats) = (150u32, 0u32);
		for _ in 0..tasks {
			let (_, panel) = run_task(true);
			cheap_seats += panel.iter().filter(|(v, _)| *v != CHARLIE).map(|(_, n)| n).sum::<u32>();
			assert!(matches!(last_event(), Event::TaskSettled { .. }));
			System::reset_events();
		}
		// 750 seats: their share is their bond's (a standard deviation is 1.6 %).
		let share = cheap_seats as f64 / (tasks * quorum) as f64;
		assert!((share - 0.25).abs() < 0.05, "cheap share of seats {share}");

		// Now they vote against Charlie. Where he holds the majority of the seats, each cheap
		// member on the panel loses a tenth of its bond; where they do, Charlie does.
		let cheap_before = wealth(&CHEAP);
		let (mut lost, mut won) = (0u32, 0u32);
		for _ in 0..30 {
			let bonds: Vec<Balance> =
				CHEAP.iter().map(|v| Verifiers::<Test>::get(v).unwrap().bond).collect();
			let charlie_bond = Verifiers::<Test>::get(CHARLIE).unwrap().bond;
			let (task, panel) = run_task(false);
			let charlie_seats = panel.iter().find(|(v, _)| *v == CHARLIE).map_or(0, |(_, n)| *n);
			let members = panel.iter().filter(|(v, _)| *v != CHARLIE);
			if charlie_seats * 2 > quorum {
				lost += 1;
				assert!(matches!(last_event(), Event::TaskSettled { .. }));
				for &(v, _) in members {
					let i = CHEAP.iter().position(|c| *c == v).unwrap();
					let amount = bonds[i] / 10;
					assert_eq!(Verifiers::<Test>::get(v).unwrap().bond, bonds[i] - amount);
					assert!(emitted(Event::VerifierSlashed {
						task,
						verifier: v,
						amount,
						reason: SlashReason::WrongVote
					}));
				}
			} else {
				won += 1;
				assert!(matches!(
					last_event(),
					Event::TaskRejected { reason: RejectReason::Votes, .. }
				));
				assert_eq!(
					Verifiers::<Test>::get(CHARLIE).unwrap().bond,
					charlie_bond - charlie_bond / 10
				);
			}
			System::reset_events();
		}
		assert_eq!(lost + won, 30);
		assert!(lost > won);
		// Out-voting Charlie now and then does not pay for the bond lost the rest of the time.
		assert!(wealth(&CHEAP) < cheap_before);
	});
}

#[test]
fn rejecting_pays_the_verifiers_no_more_than_accepting_and_never_the_collateral() {
	ExtBuilder::build_and_execute(|| {
		// Three tasks of 1 000 Flux, each judged by Charlie, Dave and Eve, one seat each: two
		// rejected (with 100 and 500 Flux of collateral), one accepted.
		let (first, _) = drawn_task(1_000 * UNIT, 100 * UNIT, three_members);
		let mut gains = Vec::new();
		for (task, collateral, valid) in
			[(first, 100 * UNIT, false), (1, 500 * UNIT, false), (2, 100 * UNIT, true)]
		{
			if task != first {
				assert_eq!(post(1_000 * UNIT, 3), task);
				assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), task, collateral));
				advance(2 * MINUTE);
				submit_drawing(BOB, task, standard_usage(), three_members);
			}
			let before = [CHARLIE, DAVE, EVE].map(total_flux);
			let (alice, sink_before) = (total_flux(ALICE), sink());
			all_vote(task, valid, if valid { 900 } else { 0 });
			let after = [CHARLIE, DAVE, EVE].map(total_flux);
			gains.push([0, 1, 2].map(|i| after[i] - before[i]));
			if !valid {
				let Event::TaskRejected { to_requester, to_sink, .. } = last_event() else {
					panic!("rejected")
				};
				// The collateral: half to the requester, half to the sink.
				assert_eq!((to_requester, to_sink), (collateral / 2, collateral / 2));
				assert_eq!(total_flux(ALICE), alice - 50 * UNIT + collateral / 2);
				assert_eq!(sink(), sink_before + collateral / 2 + 2);
			}
		}
		// Each verifier earns its seat's share of the verification fee, whatever the verdict and
		// whatever the collateral.
		for g in &gains {
			assert_eq!(*g, [16_666_666_666_666; 3]);
		}
	});
}

#[test]
fn a_worker_that_claims_and_never_submits_forfeits_to_the_requester() {
	ExtBuilder::build_and_execute(|| {
		// The hook has run before (its cursor starts at the first block's bucket).
		next_block();
		let task = claimed_task(1_000 * UNIT, 100 * UNIT);
		let (alice, bob) = (total_flux(ALICE), total_flux(BOB));
		// Nobody else can take the task while Bob holds it.
		assert_noop!(
			Pocw::claim_task(RuntimeOrigin::signed(FERDIE), task, 100 * UNIT),
			Error::<Test>::TaskNotOpen
		);
		// The deadline passes; the hook ends it.
		advance(HOUR);
		catch_up();
		assert!(emitted(Event::TaskExpired {
			task,
			outcome: ExpiryOutcome::CollateralForfeited,
			worker: Some(BOB),
			collateral: 100 * UNIT,
			forfeited: 50 * UNIT,
		}));
		assert_eq!(total_flux(ALICE), alice + 50 * UNIT);
		assert_eq!(total_flux(BOB), bob - 50 * UNIT);
		assert_eq!(flux(ALICE), (10_050 * UNIT, 0, 0));
		assert_noop!(
			Pocw::submit_result(RuntimeOrigin::signed(BOB), task, hash(1), standard_usage()),
			Error::<Test>::UnknownTask
		);
	});
}
