//! The rate controller in blocks: consumption moves R, the block hook clears the counter.

use super::mock::*;
use crate::pallet::*;
use frame_support::traits::Hooks;
use sp_arithmetic::FixedU128;

fn end_block() {
	let n = System::block_number();
	PowerMetering::on_finalize(n);
	System::set_block_number(n + 1);
	let _ = PowerMetering::on_initialize(n + 1);
}

#[test]
fn a_busy_block_lowers_r_and_idle_blocks_raise_it_back() {
	run(|| {
		let start = ExchangeRate::<Test>::get();
		// Twice the target: the full 10 % down.
		ConsumedThisBlock::<Test>::put(20_000);
		end_block();
		assert_eq!(ExchangeRate::<Test>::get(), FixedU128::from_u32(900));
		assert_eq!(ConsumedThisBlock::<Test>::get(), 0);
		// Half the target: 5 % up.
		ConsumedThisBlock::<Test>::put(5_000);
		end_block();
		assert_eq!(ExchangeRate::<Test>::get(), FixedU128::from_u32(945));
		// At target R holds; idle blocks raise it by 10 % each.
		ConsumedThisBlock::<Test>::put(10_000);
		end_block();
		assert_eq!(ExchangeRate::<Test>::get(), FixedU128::from_u32(945));
		end_block();
		assert!(ExchangeRate::<Test>::get() > start);
	});
}

#[test]
fn the_hook_reports_the_controller_weight() {
	run(|| {
		use crate::WeightInfo;
		assert_eq!(PowerMetering::on_initialize(2), TestWeights::update_rate());
	});
}

/// What it costs one account to push R to each bound and back, on the `local_testnet` controller
/// (R = 1 000 PU/Flux at genesis, bounds 10 – 100 000, target 1 000 000 PU a block, at most 3 %
/// a block). The figures are in `docs/metering.md` ("What moving R costs"); run with
/// `--nocapture` to print them.
#[test]
fn pushing_r_to_each_bound_and_back_costs_what_the_docs_say() {
	use crate::{math::next_rate, RateParams};
	use fluxomics_primitives::UNIT;
	use sp_arithmetic::Perbill;
	let p = RateParams {
		target: 1_000_000,
		min_rate: FixedU128::from_u32(10),
		max_rate: FixedU128::from_u32(100_000),
		max_change: Perbill::from_percent(3),
	};
	let genesis = FixedU128::from_u32(1_000);
	// Down: every block consumes twice the target (the most that counts), paid in Flux at R.
	let (mut r, mut blocks, mut flux) = (genesis, 0u32, 0u128);
	while r > p.min_rate {
		flux += crate::math::flux_worth(2 * p.target, r).unwrap();
		r = next_rate(r, 2 * p.target, &p);
		blocks += 1;
	}
	// Back up from the bottom: idle blocks, which nobody pays for.
	let (mut up, mut r_up) = (0u32, p.min_rate);
	while r_up < genesis {
		r_up = next_rate(r_up, 0, &p);
		up += 1;
	}
	// Up to the top from genesis: idle blocks only (an author who leaves its blocks empty).
	let (mut top, mut r_top) = (0u32, genesis);
	while r_top < p.max_rate {
		r_top = next_rate(r_top, 0, &p);
		top += 1;
	}
	// Back down from the top to genesis at twice the target.
	let (mut down_again, mut flux_again, mut r_back) = (0u32, 0u128, p.max_rate);
	while r_back > genesis {
		flux_again += crate::math::flux_worth(2 * p.target, r_back).unwrap();
		r_back = next_rate(r_back, 2 * p.target, &p);
		down_again += 1;
	}
	println!(
		"down to min: {blocks} blocks, {} Flux; back to genesis idle: {up} blocks; \
		 up to max idle: {top} blocks; max back to genesis: {down_again} blocks, {} Flux",
		flux / UNIT,
		flux_again / UNIT
	);
	assert_eq!((blocks, up, top, down_again), (152, 156, 156, 152));
	assert_eq!((flux / UNIT, flux_again / UNIT), (6_563_247, 65_632));
}
