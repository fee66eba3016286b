//! PoCW arithmetic: a monotone, bounded score; exact splits; rewards within the budget.

use crate::{math::*, Usage};
use fluxomics_primitives::{ExecSchedule, UNIT};
use proptest::prelude::*;
use sp_arithmetic::{FixedU128, Perbill};

fn scale() -> ScoreScale {
	ScoreScale { work_cap: 1_000, risk_ref: 100 * UNIT, efficiency_cap: FixedU128::from_u32(2) }
}

fn inputs(work: u64, collateral: u128, budget: u128, cost: u128, class: u32) -> ScoreInputs {
	ScoreInputs {
		verified_work: work,
		collateral,
		budget,
		exec_cost: cost,
		class_weight: Perbill::from_parts(class),
	}
}

#[test]
fn worked_examples() {
	let s = ExecSchedule { e0: 1_000, e_step: 1, e_model: 100, e_tx: 40 };
	assert_eq!(
		exec_cost(&s, &Usage { steps: 5_000, model_calls: 30, onchain_txs: 25 }),
		Some(10_000)
	);
	let huge = ExecSchedule { e0: u128::MAX, ..s };
	assert_eq!(exec_cost(&huge, &Usage { steps: 1, model_calls: 0, onchain_txs: 0 }), None);
	assert_eq!(flux_for_power(9_995, FixedU128::from_u32(1_000)), Some(9_995_000_000_000));
	assert_eq!(flux_for_power(1, FixedU128::from_u32(3)), Some(333_333_333_334));
	assert_eq!(flux_for_power(1, FixedU128::from_inner(0)), None);
	assert_eq!(verified_work(vec![], 1_000), 0);
	assert_eq!(verified_work(vec![1_000, 800, 900], 1_000), 900);
	assert_eq!(verified_work(vec![1_000, 800], 1_000), 800);
	assert_eq!(verified_work(vec![5_000], 1_000), 1_000);
	// Full work and efficiency, collateral equal to `risk_ref`: 1 · 0.75 · 1.
	let one = score(&inputs(1_000, 100 * UNIT, 20_000, 10_000, 1_000_000_000), &scale());
	assert_eq!(one, FixedU128::from_rational(75, 100));
	// No cost counts as the best efficiency.
	assert_eq!(efficiency_factor(1, 0, FixedU128::from_u32(2)), FixedU128::from_u32(1));
	assert_eq!(
		reward(100 * UNIT, FixedU128::from_rational(675, 1_000), u128::MAX),
		67_500_000_000_000
	);
	assert_eq!(reward(100 * UNIT, FixedU128::from_rational(675, 1_000), 7), 7);
	assert_eq!(split(1_000, Perbill::from_percent(50), Perbill::from_percent(40)), (500, 400, 100));
	assert_eq!(split(7, Perbill::from_percent(50), Perbill::from_percent(40)), (3, 2, 2));
	assert_eq!(period_start(0, 2 * 86_400_000 + 5, 86_400_000), 2 * 86_400_000);
	assert_eq!(period_start(10, 5, 86_400_000), 10);
	assert_eq!(share_equally(5 * UNIT, 3), (1_666_666_666_666, 2));
	assert_eq!(share_equally(5, 0), (0, 5));
	assert!(is_normalized(
		Perbill::from_percent(50),
		Perbill::from_percent(40),
		Perbill::from_percent(10)
	));
	assert!(!is_normalized(
		Perbill::from_percent(50),
		Perbill::from_percent(40),
		Perbill::from_percent(11)
	));
}

fn work() -> impl Strategy<Value = u64> {
	0u64..2_000
}
fn amount() -> impl Strategy<Value = u128> {
	0u128..1_000_000_000 * UNIT
}
fn power() -> impl Strategy<Value = u128> {
	0u128..1_000_000_000_000
}

proptest! {
	#[test]
	fn the_score_is_bounded_and_monotone_in_each_input(
		w in work(), c in amount(), b in power(), cost in power(), class in 0u32..=1_000_000_000,
		dw in 0u64..500, dc in amount(), db in power(), dcost in power(), dclass in 0u32..1_000_000_000,
	) {
		let s = scale();
		let base = score(&inputs(w, c, b, cost, class), &s);
		prop_assert!(base <= FixedU128::from_u32(1));
		let more_class = class.saturating_add(dclass).min(1_000_000_000);
		prop_assert!(score(&inputs(w + dw, c, b, cost, class), &s) >= base);
		prop_assert!(score(&inputs(w, c + dc, b, cost, class), &s) >= base);
		prop_assert!(score(&inputs(w, c, b + db, cost, class), &s) >= base);
		prop_assert!(score(&inputs(w, c, b, cost, more_class), &s) >= base);
		// Declaring more usage (a higher cost) never raises the score.
		prop_assert!(score(&inputs(w, c, b, cost + dcost, class), &s) <= base);
	}

	#[test]
	fn declaring_more_usage_never_raises_the_score(
		steps in 0u64..1_000_000, models in 0u64..10_000, txs in 0u64..1_000,
		more in 0u64..1_000_000, b in power(), w in work(), c in amount(),
	) {
		let sched = ExecSchedule { e0: 1_000, e_step: 1, e_model: 100, e_tx: 40 };
		let honest = exec_cost(&sched, &Usage { steps, model_calls: models, onchain_txs: txs }).unwrap();
		for inflated in [
			Usage { steps: steps + more, model_calls: models, onchain_txs: txs },
			Usage { steps, model_calls: models + more, onchain_txs: txs },
			Usage { steps, model_calls: models, onchain_txs: txs + more },
		] {
			let cost = exec_cost(&sched, &inflated).unwrap();
			prop_assert!(cost >= honest);
			prop_assert!(
				score(&inputs(w, c, b, cost, 1_000_000_000), &scale())
					<= score(&inputs(w, c, b, honest, 1_000_000_000), &scale())
			);
		}
	}

	#[test]
	fn factors_stay_within_zero_and_one(w in any::<u64>(), cap in any::<u64>(), c in any::<u128>(),
		r in any::<u128>(), b in any::<u128>(), cost in any::<u128>(), e in any::<u128>()) {
		let one = FixedU128::from_u32(1);
		prop_assert!(work_factor(w, cap) <= one);
		prop_assert!(risk_factor(c, r) <= one);
		prop_assert!(efficiency_factor(b, cost, FixedU128::from_inner(e)) <= one);
		let s = ScoreScale { work_cap: cap, risk_ref: r, efficiency_cap: FixedU128::from_inner(e) };
		prop_assert!(score(&inputs(w, c, b, cost, 1_000_000_000), &s) <= one);
	}

	#[test]
	fn a_split_sums_exactly_to_the_reward(reward in any::<u128>(), l1 in 0u32..=1_000_000_000, l2 in 0u32..=1_000_000_000) {
		// Any triple that sums to one: λ1, then λ2 out of what is left, λ3 the rest.
		let l2 = l2.min(1_000_000_000 - l1);
		let (a, b) = (Perbill::from_parts(l1), Perbill::from_parts(l2));
		prop_assert!(is_normalized(a, b, Perbill::from_parts(1_000_000_000 - l1 - l2)));
		let (p1, p2, p3) = split(reward, a, b);
		prop_assert_eq!(p1.checked_add(p2).and_then(|s| s.checked_add(p3)), Some(reward));
		prop_assert_eq!(p1, a.mul_floor(reward));
		prop_assert_eq!(p2, b.mul_floor(reward));
	}

	#[test]
	fn a_reward_never_exceeds_the_budget_left_nor_k(k in any::<u128>(), inner in any::<u128>(), left in any::<u128>()) {
		let r = reward(k, FixedU128::from_inner(inner), left);
		prop_assert!(r <= left);
		prop_assert!(r <= k);
	}

	#[test]
	fn periods_start_on_their_grid(start in 0u64..1u64 << 50, now in 0u64..1u64 << 52, period in 1u64..1u64 << 40) {
		let p = period_start(start, now, period);
		prop_assert!(p <= now.max(start));
		prop_assert!(p >= start);
		prop_assert_eq!((p - start) % period, 0);
		if now >= start {
			prop_assert!(now - p < period);
		}
	}
}
