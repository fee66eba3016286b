//! The block hooks: the rate controller's step at the end of every block, and the checks of the
//! configuration when the runtime is built.

use crate::{math, pallet::*, WeightInfo};
use frame_support::{traits::Get, weights::Weight};

impl<T: Config> Pallet<T> {
	/// `on_initialize`: declares the controller's step that `on_finalize` takes.
	pub(crate) fn hook_on_initialize() -> Weight {
		T::WeightInfo::update_rate()
	}

	/// The controller's step at the end of a block: R moves with the block's consumption, and
	/// the counter starts again from zero.
	pub fn update_rate() {
		let consumed = ConsumedThisBlock::<T>::take();
		let params = RateControl::<T>::get();
		ExchangeRate::<T>::mutate(|rate| *rate = math::next_rate(*rate, consumed, &params));
	}

	/// `integrity_test`: a payload can be sent, and the default parameters are valid.
	pub(crate) fn hook_integrity_test() {
		assert!(T::MaxPayloadLen::get() > 0, "MaxPayloadLen must be above zero");
		assert!(
			Self::validate_params(&Self::default_params()).is_ok(),
			"the default metering parameters are invalid"
		);
	}
}
