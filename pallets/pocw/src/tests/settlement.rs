//! Settlement by the revealed seats: the escrow split between the sink, the majority's seats and
//! the worker; the score, the reward (capped by the budget, funded from the sink) and its split,
//! the Power it adds; rejection by the votes or by the usage; ties; an undecided panel; slashes
//! of wrong votes and no-shows; reward periods.

use super::mock::*;
use crate::{pallet::*, Error, Event, RejectReason, SlashReason};
use fluxomics_primitives::{TaskClass, UNIT};
use frame_support::{assert_noop, assert_ok};
use sp_arithmetic::FixedU128;

/// 5 % of 1 000 Flux among three seats: 16.666… Flux each, two planck to the sink.
const THIRD_OF_FEE: u128 = 16_666_666_666_666;

#[test]
fn a_valid_result_pays_the_worker_from_the_escrow_and_rewards_it_from_the_sink() {
	ExtBuilder::build_and_execute(|| {
		let (task, _) = drawn_task(1_000 * UNIT, 100 * UNIT, three_members);
		assert_eq!(flux(ALICE), (9_000 * UNIT, 0, 1_000 * UNIT));
		assert_eq!(flux(BOB), (900 * UNIT, 100 * UNIT, 100 * UNIT));
		assert_eq!(exec_rate(BOB), 100 * 86_400);
		let (sink_before, issuance_before) = (sink(), issuance());
		for (v, w) in [(CHARLIE, 800), (DAVE, 1_000), (EVE, 900)] {
			commit(task, v, true, w);
		}
		reveal(task, CHARLIE, true, 800);
		reveal(task, DAVE, true, 1_000);
		// Two valid measures so far, 800 and 1 000: the lower median, 800, gives 0.8 · 0.75 · 1.
		assert_eq!(Pocw::estimate(task), Some((FixedU128::from_rational(6, 10), 60 * UNIT)));
		reveal(task, EVE, true, 900);
		// Verified work 900 of 1 000; risk 100 / (100 + 100) = 1/2, so 0.75; efficiency
		// 1 000 000 PU / 10 000 PU, beyond the cap, so 1: score 0.675, reward 67.5 Flux (below
		// the cap of 10 % of the budget, 100 Flux).
		assert_eq!(
			last_event(),
			Event::TaskSettled {
				task,
				worker: BOB,
				score: FixedU128::from_rational(675, 1_000),
				verified_work: 900,
				paid: 750 * UNIT,
				fee: 200 * UNIT,
				verification_fee: 50 * UNIT,
				reward: 67_500_000_000_000,
				free: 33_750_000_000_000,
				staked: 27 * UNIT,
				sink: 6_750_000_000_000,
				from_sink: 67_500_000_000_000,
			}
		);
		// The escrow: 20 % to the sink, 5 % to the seats, 75 % to the worker.
		assert_eq!(flux(ALICE), (9_000 * UNIT, 0, 0));
		// Bob: the pay, the collateral back and λ1 free; λ2 staked.
		assert_eq!(flux(BOB), (1_783_750_000_000_000, 127 * UNIT, 0));
		for v in [CHARLIE, DAVE, EVE] {
			assert_eq!(flux(v), (900 * UNIT + THIRD_OF_FEE, 0, 100 * UNIT));
		}
		// The sink takes the fee and the remainder of the seats' share, funds the reward and gets
		// λ3 back.
		assert_eq!(sink(), sink_before + 200 * UNIT + 2 - 67_500_000_000_000 + 6_750_000_000_000);
		// A reward funded by fees creates no Flux.
		assert_eq!(issuance(), issuance_before);
		assert_eq!(EmittedThisPeriod::<Test>::get(), 0);
		// The auto-staked 27 Flux generate at once: 127 Flux · 86 400 PU a day.
		assert_eq!(exec_rate(BOB), 127 * 86_400);
		assert_eq!((TotalCollateral::<Test>::get(), TotalEscrow::<Test>::get()), (0, 0));
		assert!(Tasks::<Test>::get(task).is_none());
		assert!(Expiries::<Test>::iter().next().is_none());
		// Settling twice is impossible: the task is gone.
		assert_noop!(
			Pocw::expire_task(RuntimeOrigin::signed(FERDIE), task),
			Error::<Test>::UnknownTask
		);
		assert_noop!(
			Pocw::commit_verdict(RuntimeOrigin::signed(CHARLIE), task, hash(1)),
			Error::<Test>::UnknownTask
		);
		assert_eq!(Pocw::estimate(task), None);
	});
}

#[test]
fn verifiers_against_a_valid_outcome_lose_part_of_their_bond_and_their_measure_does_not_count() {
	ExtBuilder::build_and_execute(|| {
		let (task, _) = drawn_task(1_000 * UNIT, 100 * UNIT, three_members);
		let sink_before = sink();
		commit_and_reveal(task, &[(CHARLIE, true, 900), (DAVE, false, 1_000), (EVE, true, 800)]);
		// Lower median of 800 and 900: 0.8 · 0.75 = 0.6.
		let Event::TaskSettled { score, verified_work, reward, verification_fee, .. } =
			last_event()
		else {
			panic!("settled")
		};
		assert_eq!(
			(score, verified_work, reward, verification_fee),
			(FixedU128::from_rational(6, 10), 800, 60 * UNIT, 50 * UNIT)
		);
		assert!(emitted(Event::VerifierSlashed {
			task,
			verifier: DAVE,
			amount: 10 * UNIT,
			reason: SlashReason::WrongVote
		}));
		// Dave: no fee and 10 % of his bond, to the sink; the majority shares the fee.
		assert_eq!(flux(DAVE), (900 * UNIT, 0, 90 * UNIT));
		assert_eq!(Verifiers::<Test>::get(DAVE).unwrap().bond, 90 * UNIT);
		assert_eq!(TotalBond::<Test>::get(), 290 * UNIT);
		for v in [CHARLIE, EVE] {
			assert_eq!(flux(v), (925 * UNIT, 0, 100 * UNIT));
		}
		// Fee 200, Dave's 10, λ3 of 60 (6) in; the reward (60) out.
		assert_eq!(sink(), sink_before + 200 * UNIT + 10 * UNIT + 6 * UNIT - 60 * UNIT);
	});
}

#[test]
fn a_verifier_holding_two_seats_takes_two_shares_of_the_fee() {
	ExtBuilder::build_and_execute(|| {
		let (task, panel) = drawn_task(1_000 * UNIT, 100 * UNIT, |p| p.len() == 2);
		let (double, single) =
			if panel[0].1 == 2 { (panel[0].0, panel[1].0) } else { (panel[1].0, panel[0].0) };
		commit_and_reveal(task, &[(double, true, 900), (single, true, 900)]);
		assert!(matches!(last_event(), Event::TaskSettled { reward: 67_500_000_000_000, .. }));
		assert_eq!(flux(double), (900 * UNIT + 2 * THIRD_OF_FEE, 0, 100 * UNIT));
		assert_eq!(flux(single), (900 * UNIT + THIRD_OF_FEE, 0, 100 * UNIT));
	});
}

#[test]
fn a_generous_budget_scores_better_only_up_to_the_efficiency_cap() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		let task = NextTaskId::<Test>::get();
		// Budget 15 Flux, 15 000 PU at R, for a cost of 10 000: efficiency 1.5 of a cap of 2,
		// so 0.75, and (1 + 0.75) / 2 = 0.875. A Standard task weighs 50 %.
		assert_ok!(Pocw::post_task(
			RuntimeOrigin::signed(ALICE),
			hash(1),
			15 * UNIT,
			TaskClass::Standard,
			3,
			now() + HOUR
		));
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), task, 100 * UNIT));
		advance(2 * MINUTE);
		submit_drawing(BOB, task, standard_usage(), three_members);
		all_vote(task, true, 900);
		// 0.9 · 0.75 · 0.875 · 0.5 = 0.2953125; K · score is 29.53 Flux, but the reward is at
		// most 10 % of the 15 Flux budget.
		let Event::TaskSettled { score, reward, free, staked, sink, fee, paid, .. } = last_event()
		else {
			panic!("settled")
		};
		assert_eq!(score, FixedU128::from_rational(2_953_125, 10_000_000));
		assert_eq!(
			(reward, free, staked, sink),
			(1_500_000_000_000, 750_000_000_000, 600_000_000_000, 150_000_000_000)
		);
		assert_eq!((fee, paid), (3 * UNIT, 11_250_000_000_000));
	});
}

#[test]
fn the_reward_is_at_most_its_share_of_the_budget() {
	ExtBuilder::build_and_execute(|| {
		// A 100 Flux budget: K · 0.675 = 67.5 Flux, but at most 10 Flux.
		let (task, _) = drawn_task(100 * UNIT, 100 * UNIT, three_members);
		assert_eq!(Pocw::estimate(task), Some((FixedU128::from_inner(0), 0)));
		all_vote(task, true, 900);
		let Event::TaskSettled { score, reward, free, staked, sink, fee, .. } = last_event() else {
			panic!("settled")
		};
		assert_eq!(score, FixedU128::from_rational(675, 1_000));
		assert_eq!((reward, free, staked, sink), (10 * UNIT, 5 * UNIT, 4 * UNIT, UNIT));
		// Paying oneself this task would cost the 20 Flux fee for a 10 Flux reward.
		assert_eq!(fee, 20 * UNIT);
		assert!(reward < fee);
	});
}

#[test]
fn a_result_rejected_by_the_votes_pays_the_requester_and_the_sink_never_the_verifiers() {
	ExtBuilder::build_and_execute(|| {
		let (task, _) = drawn_task(1_000 * UNIT, 100 * UNIT, three_members);
		let (sink_before, issuance_before) = (sink(), issuance());
		commit_and_reveal(task, &[(CHARLIE, false, 0), (DAVE, true, 900), (EVE, false, 0)]);
		assert_eq!(
			last_event(),
			Event::TaskRejected {
				task,
				worker: BOB,
				reason: RejectReason::Votes,
				refunded: 950 * UNIT,
				verification_fee: 50 * UNIT,
				to_requester: 50 * UNIT,
				to_sink: 50 * UNIT,
			}
		);
		assert!(emitted(Event::VerifierSlashed {
			task,
			verifier: DAVE,
			amount: 10 * UNIT,
			reason: SlashReason::WrongVote
		}));
		// Alice: her budget back less the verification fee, and half the collateral.
		assert_eq!(flux(ALICE), (10_000 * UNIT, 0, 0));
		// Bob loses his collateral; his stake and Power rate are untouched.
		assert_eq!(flux(BOB), (900 * UNIT, 100 * UNIT, 0));
		assert_eq!(exec_rate(BOB), 100 * 86_400);
		// The rejecting seats earn the verification fee, nothing of the collateral.
		assert_eq!(flux(CHARLIE), (925 * UNIT, 0, 100 * UNIT));
		assert_eq!(flux(EVE), (925 * UNIT, 0, 100 * UNIT));
		assert_eq!(flux(DAVE), (900 * UNIT, 0, 90 * UNIT));
		assert_eq!(sink(), sink_before + 50 * UNIT + 10 * UNIT);
		// Nothing minted, nothing burned.
		assert_eq!(issuance(), issuance_before);
		assert_eq!((TotalCollateral::<Test>::get(), TotalEscrow::<Test>::get()), (0, 0));
		assert!(Tasks::<Test>::get(task).is_none());
	});
}

#[test]
fn a_tie_rejects() {
	ExtBuilder::build_and_execute(|| {
		// Quorum 4 among four verifiers, two seats each way.
		register_verifiers();
		assert_ok!(Pocw::register_verifier(RuntimeOrigin::signed(FERDIE), 100 * UNIT));
		let task = post(1_000 * UNIT, 4);
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), task, 100 * UNIT));
		advance(2 * MINUTE);
		submit_drawing(BOB, task, standard_usage(), |p| p.len() == 4);
		commit_and_reveal(
			task,
			&[(CHARLIE, true, 900), (DAVE, true, 900), (EVE, false, 0), (FERDIE, false, 0)],
		);
		let Event::TaskRejected { reason, verification_fee, .. } = last_event() else {
			panic!("rejected")
		};
		assert_eq!((reason, verification_fee), (RejectReason::Votes, 50 * UNIT));
		for v in [CHARLIE, DAVE] {
			assert_eq!(flux(v), (900 * UNIT, 0, 90 * UNIT));
		}
		for v in [EVE, FERDIE] {
			assert_eq!(flux(v), (925 * UNIT, 0, 100 * UNIT));
		}
	});
}

#[test]
fn a_tie_among_the_revealed_seats_rejects_and_the_no_show_pays() {
	ExtBuilder::build_and_execute(|| {
		let (task, _) = drawn_task(1_000 * UNIT, 100 * UNIT, three_members);
		commit(task, CHARLIE, true, 900);
		commit(task, DAVE, false, 0);
		// Eve does not commit; once the window closes, two revealed seats of three decide.
		advance(HOUR);
		reveal(task, CHARLIE, true, 900);
		reveal(task, DAVE, false, 0);
		let Event::TaskRejected { reason, refunded, .. } = last_event() else { panic!("rejected") };
		assert_eq!((reason, refunded), (RejectReason::Votes, 950 * UNIT));
		assert!(emitted(Event::VerifierSlashed {
			task,
			verifier: EVE,
			amount: 10 * UNIT,
			reason: SlashReason::NoShow
		}));
		assert!(emitted(Event::VerifierSlashed {
			task,
			verifier: CHARLIE,
			amount: 10 * UNIT,
			reason: SlashReason::WrongVote
		}));
		assert_eq!(flux(DAVE), (950 * UNIT, 0, 100 * UNIT));
		assert_eq!(flux(CHARLIE), (900 * UNIT, 0, 90 * UNIT));
		assert_eq!(flux(EVE), (900 * UNIT, 0, 90 * UNIT));
	});
}

#[test]
fn a_reported_usage_beyond_the_tolerance_of_the_measured_work_is_rejected() {
	// Bob reports 900 steps. 20 % of the measure `m` is allowed: `|900 − m| ≤ ⌈m / 5⌉`.
	for (measured, valid) in [(750, true), (749, false), (1_126, true), (1_127, false)] {
		ExtBuilder::build_and_execute(|| {
			let (task, _) = drawn_task(1_000 * UNIT, 100 * UNIT, three_members);
			all_vote(task, true, measured);
			match last_event() {
				Event::TaskSettled { verified_work, score, .. } => {
					assert!(valid, "{measured} settled valid");
					assert_eq!(verified_work, measured);
					// Work counts up to the cap: 0.75 · min(m, 1 000) / 1 000.
					let w = measured.min(1_000) as u128;
					assert_eq!(score, FixedU128::from_rational(75 * w, 100_000));
				},
				Event::TaskRejected { reason, verification_fee, to_requester, .. } => {
					assert!(!valid, "{measured} rejected");
					assert_eq!(reason, RejectReason::Usage);
					// The seats judged it valid: they are the majority and paid, nobody slashed.
					assert_eq!(verification_fee, 50 * UNIT);
					assert_eq!(to_requester, 50 * UNIT);
					for v in [CHARLIE, DAVE, EVE] {
						assert_eq!(flux(v), (900 * UNIT + THIRD_OF_FEE, 0, 100 * UNIT));
					}
					assert_eq!(flux(ALICE), (10_000 * UNIT, 0, 0));
				},
				e => panic!("unexpected {e:?}"),
			}
		});
	}
}

#[test]
fn without_a_majority_of_seats_revealed_the_task_is_undecided_and_everything_goes_back() {
	ExtBuilder::build_and_execute(|| {
		let (task, _) = drawn_task(1_000 * UNIT, 100 * UNIT, three_members);
		let sink_before = sink();
		commit(task, CHARLIE, true, 900);
		commit(task, DAVE, true, 900);
		advance(HOUR);
		reveal(task, CHARLIE, true, 900);
		// Dave never reveals, Eve never committed: one seat of three.
		advance(HOUR);
		assert_ok!(Pocw::expire_task(RuntimeOrigin::signed(GRACE), task));
		assert_eq!(last_event(), Event::TaskUndecided { task, worker: BOB });
		for v in [DAVE, EVE] {
			assert!(emitted(Event::VerifierSlashed {
				task,
				verifier: v,
				amount: 10 * UNIT,
				reason: SlashReason::NoShow
			}));
			assert_eq!(flux(v), (900 * UNIT, 0, 90 * UNIT));
		}
		// Charlie revealed: neither slashed nor paid.
		assert_eq!(flux(CHARLIE), (900 * UNIT, 0, 100 * UNIT));
		assert_eq!(flux(ALICE), (10_000 * UNIT, 0, 0));
		assert_eq!(flux(BOB), (1_000 * UNIT, 100 * UNIT, 0));
		assert_eq!(sink(), sink_before + 20 * UNIT);
		for v in [CHARLIE, DAVE, EVE] {
			assert_eq!(Verifiers::<Test>::get(v).unwrap().pending, 0);
		}
	});
}

#[test]
fn lambda3_may_be_burned_instead_of_sent_to_the_sink() {
	ExtBuilder::build_and_execute(|| {
		let mut p = Params::<Test>::get();
		p.lambda3_to_sink = false;
		assert_ok!(Pocw::set_params(RuntimeOrigin::root(), p));
		let (task, _) = drawn_task(1_000 * UNIT, 100 * UNIT, three_members);
		let (sink_before, issuance_before) = (sink(), issuance());
		all_vote(task, true, 900);
		assert_eq!(sink(), sink_before + 200 * UNIT + 2 - 67_500_000_000_000);
		// The sink funds 67.5 Flux; only λ1 and λ2 are minted again: λ3 is gone.
		assert_eq!(issuance(), issuance_before - 6_750_000_000_000);
		assert_eq!(flux(BOB), (1_783_750_000_000_000, 127 * UNIT, 0));
	});
}

#[test]
fn the_fee_funds_the_reward_whatever_is_left_of_the_period_budget() {
	ExtBuilder::build_and_execute(|| {
		// No new Flux at all this period, and an empty sink.
		let mut p = Params::<Test>::get();
		p.reward_budget = 0;
		assert_ok!(Pocw::set_params(RuntimeOrigin::root(), p));
		let (task, _) = drawn_task(1_000 * UNIT, 100 * UNIT, three_members);
		assert_eq!(sink(), 0);
		for v in [CHARLIE, DAVE, EVE] {
			commit(task, v, true, 900);
		}
		reveal(task, CHARLIE, true, 900);
		reveal(task, DAVE, true, 900);
		// The estimate counts the fee the settlement puts in the sink first.
		assert_eq!(
			Pocw::estimate(task),
			Some((FixedU128::from_rational(675, 1_000), 67_500_000_000_000))
		);
		let issuance_before = issuance();
		reveal(task, EVE, true, 900);
		let Event::TaskSettled { reward, from_sink, .. } = last_event() else { panic!("settled") };
		assert_eq!((reward, from_sink), (67_500_000_000_000, 67_500_000_000_000));
		assert_eq!(issuance(), issuance_before);
		assert_eq!(EmittedThisPeriod::<Test>::get(), 0);
	});
}

#[test]
fn reward_periods_start_lazily_at_the_first_settlement_of_a_period() {
	ExtBuilder::build_and_execute(|| {
		assert_eq!(PeriodStart::<Test>::get(), 0);
		let (first, _) = drawn_task(1_000 * UNIT, 100 * UNIT, three_members);
		all_vote(first, true, 900);
		let start = PeriodStart::<Test>::get();
		assert_eq!(start, START / DAY * DAY);
		// A day later the next settlement starts the next period.
		advance(DAY);
		let second = post(1_000 * UNIT, 3);
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), second, 100 * UNIT));
		submit_drawing(BOB, second, standard_usage(), |_| true);
		assert_eq!(PeriodStart::<Test>::get(), start);
		all_vote(second, true, 900);
		assert!(matches!(last_event(), Event::TaskSettled { reward: 67_500_000_000_000, .. }));
		assert_eq!(PeriodStart::<Test>::get(), start + DAY);
		assert_eq!(EmittedThisPeriod::<Test>::get(), 0);
	});
}
