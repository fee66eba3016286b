//! Hook logic: generation starts at the chain's first timestamp.

use crate::{pallet::*, Checkpoint};
use fluxomics_primitives::{Moment, PerKind};

impl<T: Config> Pallet<T> {
	/// Starts generation at the chain's first timestamp: the first checkpoint, at index zero
	/// and the current α.
	pub(crate) fn start_generation(now: Moment) {
		if Checkpoints::<T>::decode_len().unwrap_or(0) > 0 {
			return;
		}
		let first =
			Checkpoint { at: now, index: PerKind::default(), alpha: Params::<T>::get().alpha };
		Checkpoints::<T>::mutate(|c| {
			let _ = c.try_push(first);
		});
	}
}

impl<T: Config> frame_support::traits::OnTimestampSet<Moment> for Pallet<T> {
	fn on_timestamp_set(now: Moment) {
		Self::start_generation(now);
	}
}
