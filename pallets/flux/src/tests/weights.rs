//! The measured weights say what the design promises.

use super::mock::Test;
use crate::weights::{SubstrateWeight, WeightInfo};

/// `stake` costs the same with 10 000 other stakers as with 1 (within 5 %): no call iterates over
/// accounts. The benchmark holds the state's size fixed and varies only how many accounts stake.
#[test]
fn stake_does_not_grow_with_the_number_of_stakers() {
	let one = SubstrateWeight::<Test>::stake_among_stakers(1).ref_time();
	let many = SubstrateWeight::<Test>::stake_among_stakers(10_000).ref_time();
	assert!(many * 100 <= one * 105, "stake: {one} ps with 1 staker, {many} ps with 10 000");
}
