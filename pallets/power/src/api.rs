//! What the runtime's `PowerApi` calls.

use crate::{math, pallet::*};
use fluxomics_primitives::PowerStatus;
use frame_support::traits::Time;

impl<T: Config> Pallet<T> {
	/// `who`'s Power, rates, caps and effective stake, accrued to now: `PowerApi::power_of`.
	pub fn power_of(who: &T::AccountId) -> PowerStatus {
		let ctx = Self::context(who);
		let now = T::Time::now();
		let account = Self::accrued_with(&ctx, now);
		let stake = ctx.effective_stake(&account, now);
		PowerStatus {
			power: account.power,
			per_day: ctx.params.alpha.map(|_, alpha| math::generation_over_days(stake, alpha, 1)),
			cap: ctx.caps(stake),
			effective_stake: stake,
			accrued_at: now,
		}
	}
}
