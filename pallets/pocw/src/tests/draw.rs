//! The draw: a task's seats are drawn at the start of the block after its result came in, from
//! that block's parent hash, each seat weighted by bond over the Fenwick tree; a verifier may hold
//! several seats; seats that fall to the requester or the worker stay empty; at most
//! `MaxDrawsPerBlock` draws a block.

use super::mock::*;
use crate::{pallet::*, Error, Event};
use codec::Encode;
use fluxomics_primitives::UNIT;
use frame_support::{
	assert_noop, assert_ok,
	storage::{with_transaction, TransactionOutcome},
	traits::Randomness,
};
use sp_core::{H256, U256};

/// Registers Charlie, Dave, Eve and Ferdie with bonds of 100, 200, 300 and 400 Flux.
fn register_weighted() {
	for (v, bond) in [(CHARLIE, 100), (DAVE, 200), (EVE, 300), (FERDIE, 400)] {
		assert_ok!(Pocw::register_verifier(RuntimeOrigin::signed(v), bond * UNIT));
	}
}

/// The 32 random bytes that [`crate::math::draw_point`] turns into `point` (below the total).
fn bytes_of(point: u128) -> [u8; 32] {
	U256::from(point).to_big_endian()
}

#[test]
fn each_point_of_the_bond_line_draws_the_verifier_whose_bond_covers_it() {
	ExtBuilder::build_and_execute(|| {
		assert_eq!(Pocw::draw_verifier(&[7; 32]), None);
		register_weighted();
		// Charlie covers [0, 100), Dave [100, 300), Eve [300, 600), Ferdie [600, 1 000) Flux.
		for (point, who) in [
			(0, CHARLIE),
			(100 * UNIT - 1, CHARLIE),
			(100 * UNIT, DAVE),
			(300 * UNIT - 1, DAVE),
			(300 * UNIT, EVE),
			(600 * UNIT - 1, EVE),
			(600 * UNIT, FERDIE),
			(1_000 * UNIT - 1, FERDIE),
		] {
			assert_eq!(Pocw::draw_verifier(&bytes_of(point)), Some(who), "point {point}");
		}
		// Beyond the total, the point wraps around.
		assert_eq!(Pocw::draw_verifier(&bytes_of(1_000 * UNIT)), Some(CHARLIE));
		// Dave leaves: Ferdie takes his slot, and the line is Charlie, Ferdie, Eve.
		assert_ok!(Pocw::leave_verifier(RuntimeOrigin::signed(DAVE)));
		for (point, who) in [
			(100 * UNIT - 1, CHARLIE),
			(100 * UNIT, FERDIE),
			(500 * UNIT - 1, FERDIE),
			(500 * UNIT, EVE),
			(800 * UNIT - 1, EVE),
		] {
			assert_eq!(Pocw::draw_verifier(&bytes_of(point)), Some(who), "point {point}");
		}
	});
}

#[test]
fn draws_are_weighted_by_bond() {
	ExtBuilder::build_and_execute(|| {
		register_weighted();
		let draws = 20_000u64;
		let mut counts = [0u64; 4];
		for i in 0..draws {
			let v = Pocw::draw_verifier(&sp_io::hashing::blake2_256(&i.encode())).unwrap();
			counts[(v - CHARLIE) as usize] += 1;
		}
		// Shares 10, 20, 30 and 40 %; a standard deviation is at most 0.35 % here.
		for (i, count) in counts.iter().enumerate() {
			let share = *count as f64 / draws as f64;
			let expected = (i + 1) as f64 / 10.0;
			assert!((share - expected).abs() < 0.015, "verifier {i}: {share} for {expected}");
		}
	});
}

#[test]
fn the_panels_the_chain_draws_are_weighted_by_bond() {
	ExtBuilder::build_and_execute(|| {
		register_weighted();
		mint(BOB, 10_000 * UNIT);
		let (tasks, quorum) = (150u32, 4u32);
		let mut seats = [0u32; 4];
		for _ in 0..tasks {
			let task = post(10 * UNIT, quorum);
			assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), task, 10 * UNIT));
			assert_ok!(Pocw::submit_result(
				RuntimeOrigin::signed(BOB),
				task,
				hash(1),
				usage(100, 0, 0)
			));
			next_block();
			let Event::PanelDrawn { panel, empty, .. } = last_event() else { panic!("drawn") };
			assert_eq!(empty, 0);
			assert_eq!(panel.iter().map(|(_, n)| n).sum::<u32>(), quorum);
			for (v, n) in panel {
				seats[(v - CHARLIE) as usize] += n;
			}
			// Everyone agrees: nobody is slashed, the bonds stay as they are.
			all_vote(task, true, 100);
			System::reset_events();
		}
		// 600 seats; a standard deviation is at most 2 % of them.
		for (i, n) in seats.iter().enumerate() {
			let share = *n as f64 / (tasks * quorum) as f64;
			let expected = (i + 1) as f64 / 10.0;
			assert!((share - expected).abs() < 0.06, "verifier {i}: {share} for {expected}");
		}
	});
}

#[test]
fn a_verifier_drawn_to_every_seat_holds_them_all() {
	ExtBuilder::build_and_execute(|| {
		let (task, panel) = drawn_task(1_000 * UNIT, 100 * UNIT, |p| p.len() == 1);
		// One verifier drawn to all three seats: one panel entry, three seats, one pending panel.
		assert_eq!(panel.len(), 1);
		let (v, seats) = panel[0];
		assert_eq!(seats, 3);
		assert_eq!(last_event(), Event::PanelDrawn { task, panel: vec![(v, 3)], empty: 0 });
		assert_eq!(Verifiers::<Test>::get(v).unwrap().pending, 1);
		// Its one vote decides, and takes all three seats' share of the fee.
		commit_and_reveal(task, &[(v, true, 900)]);
		assert!(matches!(last_event(), Event::TaskSettled { .. }));
		assert_eq!(flux(v), (900 * UNIT + 3 * 16_666_666_666_666, 0, 100 * UNIT));
	});
}

#[test]
fn seats_drawn_to_the_requester_or_the_worker_stay_empty() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		// Dave posts, Charlie works: only Eve can sit.
		let task = post_by(DAVE, 100 * UNIT, 3);
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(CHARLIE), task, 10 * UNIT));
		let panel = submit_drawing(CHARLIE, task, usage(100, 0, 0), |p| p.len() == 1 && p[0].1 < 3);
		let Event::PanelDrawn { panel: drawn, empty, .. } = last_event() else { panic!("drawn") };
		assert_eq!(drawn, panel);
		assert_eq!(panel[0].0, EVE);
		assert_eq!(empty, 3 - panel[0].1);
		assert!(empty > 0);
		assert_eq!(Tasks::<Test>::get(task).unwrap().seats(), panel[0].1);
		// The parties cannot vote on their own task.
		for who in [CHARLIE, DAVE] {
			assert_noop!(
				Pocw::commit_verdict(RuntimeOrigin::signed(who), task, hash(1)),
				Error::<Test>::NotOnPanel
			);
		}
		// Eve holds every filled seat: her vote is the majority.
		commit_and_reveal(task, &[(EVE, true, 100)]);
		assert!(matches!(last_event(), Event::TaskSettled { .. }));
	});
}

#[test]
fn a_panel_of_empty_seats_leaves_the_task_undecided_at_the_end_of_its_reveal() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		let task = post_by(DAVE, 100 * UNIT, 3);
		assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(CHARLIE), task, 10 * UNIT));
		submit_drawing(CHARLIE, task, usage(100, 0, 0), |p| p.is_empty());
		assert_eq!(last_event(), Event::PanelDrawn { task, panel: vec![], empty: 3 });
		assert_noop!(
			Pocw::commit_verdict(RuntimeOrigin::signed(EVE), task, hash(1)),
			Error::<Test>::NotOnPanel
		);
		advance(2 * HOUR);
		assert_ok!(Pocw::expire_task(RuntimeOrigin::signed(GRACE), task));
		assert_eq!(last_event(), Event::TaskUndecided { task, worker: CHARLIE });
		// Nobody was drawn, nobody is slashed; everything is back.
		assert_eq!(flux(DAVE), (900 * UNIT, 0, 100 * UNIT));
		assert_eq!(flux(CHARLIE).2, 100 * UNIT);
		assert_eq!(flux(EVE), (900 * UNIT, 0, 100 * UNIT));
	});
}

#[test]
fn with_no_bond_left_to_draw_every_seat_stays_empty() {
	ExtBuilder::build_and_execute(|| {
		let task = claimed_task(100 * UNIT, 10 * UNIT);
		// The verifiers leave after the posting, before the result.
		for v in [CHARLIE, DAVE, EVE] {
			assert_ok!(Pocw::leave_verifier(RuntimeOrigin::signed(v)));
		}
		assert_ok!(Pocw::submit_result(
			RuntimeOrigin::signed(BOB),
			task,
			hash(1),
			standard_usage()
		));
		next_block();
		assert_eq!(last_event(), Event::PanelDrawn { task, panel: vec![], empty: 3 });
	});
}

#[test]
fn at_most_max_draws_per_block_results_come_in_a_block() {
	ExtBuilder::build_and_execute(|| {
		register_verifiers();
		let tasks: Vec<_> = (0..5)
			.map(|i| {
				let id = NextTaskId::<Test>::get();
				assert_ok!(Pocw::post_task(
					RuntimeOrigin::signed(ALICE),
					hash(id),
					100 * UNIT,
					fluxomics_primitives::TaskClass::Heavy,
					3,
					now() + HOUR + i * MINUTE,
				));
				assert_ok!(Pocw::claim_task(RuntimeOrigin::signed(BOB), id, 10 * UNIT));
				id
			})
			.collect();
		// Four results in one block (a minute apart, so that their reveals end in four buckets).
		for &task in &tasks[..4] {
			assert_ok!(Pocw::submit_result(
				RuntimeOrigin::signed(BOB),
				task,
				hash(1),
				usage(100, 0, 0)
			));
			advance(MINUTE);
		}
		assert_eq!(PendingDraws::<Test>::get().into_inner(), tasks[..4].to_vec());
		assert_noop!(
			Pocw::submit_result(RuntimeOrigin::signed(BOB), tasks[4], hash(1), usage(100, 0, 0)),
			Error::<Test>::DrawQueueFull
		);
		// The next block draws the four, and takes results again.
		next_block();
		assert!(PendingDraws::<Test>::get().is_empty());
		let drawn = events().iter().filter(|e| matches!(e, Event::PanelDrawn { .. })).count();
		assert_eq!(drawn, 4);
		for &task in &tasks[..4] {
			assert_eq!(Tasks::<Test>::get(task).unwrap().seats(), 3);
		}
		assert_ok!(Pocw::submit_result(
			RuntimeOrigin::signed(BOB),
			tasks[4],
			hash(1),
			usage(100, 0, 0)
		));
		assert_eq!(PendingDraws::<Test>::get().into_inner(), vec![tasks[4]]);
	});
}

#[test]
fn the_seed_is_the_parent_hash_of_the_block_after_the_submission() {
	ExtBuilder::build_and_execute(|| {
		// The randomness: `blake2(subject ++ parent hash)`, for the block before.
		next_block();
		let parent = System::parent_hash();
		let (seed, block) = <Test as crate::Config>::Randomness::random(b"subject");
		assert_eq!(seed, H256(sp_io::hashing::blake2_256(&(&b"subject"[..], parent).encode())));
		assert_eq!(block, System::block_number() - 1);

		let task = claimed_task(1_000 * UNIT, 100 * UNIT);
		let n = System::block_number();
		// What the submission's own block looks like (its parent hash) does not decide the panel.
		let panel_with_parent = |parent: H256| {
			with_transaction(|| {
				System::set_parent_hash(parent);
				let drawn = Pocw::submit_result(
					RuntimeOrigin::signed(BOB),
					task,
					hash(1),
					standard_usage(),
				)
				.map(|()| {
					next_block();
					panel_of(task)
				});
				TransactionOutcome::Rollback(drawn)
			})
			.unwrap()
		};
		let panel = panel_with_parent(hash(1));
		for parent in 2..10 {
			assert_eq!(panel_with_parent(hash(parent)), panel);
		}
		// The drawing block's parent hash, the submission's block, does: unknown when the worker
		// signs, it changes the panel.
		assert_ok!(Pocw::submit_result(
			RuntimeOrigin::signed(BOB),
			task,
			hash(1),
			standard_usage()
		));
		assert!(panel_of(task).is_empty());
		let panel_after = |parent: H256| {
			with_transaction(|| {
				start_block(n + 1, parent);
				TransactionOutcome::Rollback(Ok::<_, sp_runtime::DispatchError>(panel_of(task)))
			})
			.unwrap()
		};
		assert_eq!(panel_after(parent_hash_of(n + 1)), panel);
		let panels: std::collections::BTreeSet<_> =
			(0..20).map(|i| panel_after(H256::repeat_byte(i))).collect();
		assert!(panels.len() > 1, "the parent hash changes the panel");
		for p in &panels {
			assert_eq!(p.iter().map(|(_, n)| n).sum::<u32>(), 3);
		}
	});
}

#[test]
fn a_draw_after_the_commit_window_seats_no_one_and_the_task_ends_undecided_unslashed() {
	ExtBuilder::build_and_execute(|| {
		let task = submitted_task(1_000 * UNIT, 100 * UNIT);
		let bonds: Vec<_> =
			[CHARLIE, DAVE, EVE].iter().map(|v| Verifiers::<Test>::get(v).unwrap().bond).collect();
		// The chain stalls past the commit window before the next block draws.
		advance(Params::<Test>::get().commit_period);
		next_block();
		assert!(emitted(Event::PanelDrawn { task, panel: vec![], empty: 3 }));
		assert!(Pocw::panel(task).is_empty());
		assert_noop!(
			Pocw::commit_verdict(RuntimeOrigin::signed(CHARLIE), task, H256::zero()),
			Error::<Test>::NotOnPanel
		);
		advance(Params::<Test>::get().reveal_period);
		assert_ok!(Pocw::expire_task(RuntimeOrigin::signed(GRACE), task));
		assert!(emitted(Event::TaskUndecided { task, worker: BOB }));
		assert!(!events().iter().any(|e| matches!(e, Event::VerifierSlashed { .. })));
		for (v, bond) in [CHARLIE, DAVE, EVE].iter().zip(bonds) {
			assert_eq!(Verifiers::<Test>::get(v).unwrap().bond, bond);
		}
	});
}
