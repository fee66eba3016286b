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
