//! PoCW arithmetic: a monotone, bounded score; exact splits; rewards within the budget; Flux and
//! Power at R both ways; the usage tolerance; the draw's point and the Fenwick tree's spans.

use crate::{math::*, Usage};
use fluxomics_primitives::{ExecSchedule, UNIT};
use proptest::prelude::*;
use sp_arithmetic::{FixedU128, Perbill};
use sp_core::U256;

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

#[test]
fn budgets_usage_draws_and_tree_spans_worked_examples() {
	let r = FixedU128::from_u32(1_000);
	// A budget's worth in exec Power at R = 1 000 PU per Flux, rounded down.
	assert_eq!(power_for_flux(UNIT, r), 1_000);
	assert_eq!(power_for_flux(1_000 * UNIT, r), 1_000_000);
	assert_eq!(power_for_flux(1_000_000_000, r), 1);
	assert_eq!(power_for_flux(999_999_999, r), 0);
	assert_eq!(power_for_flux(u128::MAX, FixedU128::from_inner(u128::MAX)), u128::MAX);
	// Reported steps within 20 % of the measured work, rounded up in the worker's favour.
	let t = Perbill::from_percent(20);
	assert!(usage_within(900, 750, t));
	assert!(!usage_within(900, 749, t));
	assert!(usage_within(900, 1_126, t));
	assert!(!usage_within(900, 1_127, t));
	assert!(usage_within(0, 0, Perbill::zero()));
	assert!(!usage_within(1, 0, Perbill::one()));
	assert!(!usage_within(0, 1_000, t));
	// The draw's point: the 256 bits modulo the total.
	assert_eq!(draw_point(&[7; 32], 0), None);
	assert_eq!(draw_point(&[0; 32], 10), Some(0));
	let mut seven = [0u8; 32];
	seven[31] = 7;
	assert_eq!(draw_point(&seven, 10), Some(7));
	assert_eq!(draw_point(&seven, 7), Some(0));
	// 2^256 − 1 ends in 5.
	assert_eq!(draw_point(&[0xff; 32], 10), Some(5));
	assert_eq!(draw_point(&[0xff; 32], 1), Some(0));
	// A Fenwick node's span.
	for (i, span) in [(0, 0), (1, 1), (6, 2), (8, 8), (12, 4), (u32::MAX, 1), (1 << 31, 1 << 31)] {
		assert_eq!(lowbit(i), span, "lowbit({i})");
	}
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

	#[test]
	fn flux_and_power_at_r_round_in_the_protocols_favour(
		flux in 0u128..1_000_000_000 * UNIT, power in 0u128..1u128 << 64,
		// From 0.001 to a million PU per Flux.
		rate in 1_000_000_000_000_000u128..1_000_000 * 1_000_000_000_000_000_000,
		more in 0u128..1_000 * UNIT,
	) {
		let r = FixedU128::from_inner(rate);
		// What a budget buys costs no more than the budget; what Power costs buys it back.
		let bought = power_for_flux(flux, r);
		prop_assert!(flux_for_power(bought, r).unwrap() <= flux);
		let cost = flux_for_power(power, r).unwrap();
		prop_assert!(power_for_flux(cost, r) >= power);
		// More Flux never buys less.
		prop_assert!(power_for_flux(flux + more, r) >= bought);
	}

	#[test]
	fn usage_is_within_tolerance_exactly_when_the_difference_is_at_most_its_share(
		reported in any::<u64>(), measured in any::<u64>(), parts in 0u32..=1_000_000_000,
		more in 0u32..=1_000_000_000,
	) {
		let t = Perbill::from_parts(parts);
		let allowed = (parts as u128 * measured as u128).div_ceil(1_000_000_000);
		prop_assert_eq!(usage_within(reported, measured, t), (reported.abs_diff(measured) as u128) <= allowed);
		prop_assert!(usage_within(measured, measured, t));
		// A larger tolerance never rejects what a smaller one allows.
		let looser = Perbill::from_parts(parts.saturating_add(more).min(1_000_000_000));
		if usage_within(reported, measured, t) {
			prop_assert!(usage_within(reported, measured, looser));
		}
	}

	#[test]
	fn the_draw_point_is_the_random_number_modulo_the_total(
		random in any::<[u8; 32]>(), total in any::<u128>(),
	) {
		match draw_point(&random, total) {
			None => prop_assert_eq!(total, 0),
			Some(point) => {
				prop_assert!(point < total);
				prop_assert_eq!(U256::from(point), U256::from_big_endian(&random) % U256::from(total));
			},
		}
	}

	#[test]
	fn lowbit_is_the_lowest_set_bit(i in 1u32..) {
		let b = lowbit(i);
		prop_assert!(b.is_power_of_two());
		prop_assert_eq!(i % b, 0);
		prop_assert_eq!((i / b) % 2, 1);
		prop_assert_eq!(i - b, i & (i - 1));
	}
}
