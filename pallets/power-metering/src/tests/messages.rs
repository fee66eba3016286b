//! `send_message`: messages and intents, bounded payloads.

use super::mock::*;
use crate::{Error, Event};
use frame_support::{assert_noop, assert_ok};

#[test]
fn a_message_is_published_to_its_recipient() {
	run(|| {
		assert_ok!(PowerMetering::send_message(
			RuntimeOrigin::signed(ALICE),
			BOB,
			b"hi".to_vec(),
			false
		));
		assert_eq!(
			last_event(),
			Event::MessageSent { from: ALICE, to: BOB, is_intent: false, payload: b"hi".to_vec() }
		);
		assert_ok!(PowerMetering::send_message(RuntimeOrigin::signed(ALICE), BOB, vec![], true));
		assert_eq!(
			last_event(),
			Event::MessageSent { from: ALICE, to: BOB, is_intent: true, payload: vec![] }
		);
	});
}

#[test]
fn payloads_are_bounded_and_origins_checked() {
	run(|| {
		assert_ok!(PowerMetering::send_message(
			RuntimeOrigin::signed(ALICE),
			BOB,
			vec![0; 1_024],
			false
		));
		assert_noop!(
			PowerMetering::send_message(RuntimeOrigin::signed(ALICE), BOB, vec![0; 1_025], false),
			Error::<Test>::PayloadTooLong
		);
		assert_noop!(
			PowerMetering::send_message(RuntimeOrigin::none(), BOB, vec![], false),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn an_intent_costs_p_intent_more() {
	run(|| {
		let message_cost = PowerMetering::cost(150, false, Default::default());
		let intent_cost = PowerMetering::cost(150, true, Default::default());
		assert_eq!(intent_cost.msg - message_cost.msg, test_schedule().p_intent);
		assert_eq!(intent_cost.exec, message_cost.exec);
		// The pallet recognises its own intents.
		assert_eq!(PowerMetering::classify(&message(BOB, 1, true)), (true, Some(BOB)));
		assert_eq!(PowerMetering::classify(&message(BOB, 1, false)), (false, Some(BOB)));
		assert_eq!(PowerMetering::classify(&transfer(DAVE, 1)), (false, Some(DAVE)));
	});
}
