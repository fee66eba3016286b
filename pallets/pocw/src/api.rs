//! What the runtime's `PocwApi` answers: a task as clients see it, the score and reward it
//! would settle to now, and its panel.

use crate::{math, pallet::*, TaskId};
use alloc::vec::Vec;
use fluxomics_primitives::{Balance, PanelSeat, TaskInfo};
use frame_support::traits::Time;
use sp_arithmetic::FixedU128;

impl<T: Config> Pallet<T> {
	/// Task `id` as clients see it.
	pub fn task_info(id: TaskId) -> Option<TaskInfo<T::AccountId>> {
		let task = Tasks::<T>::get(id)?;
		let (valid, invalid) = task.tally();
		Some(TaskInfo {
			id,
			status: task.status(T::Time::now()),
			requester: task.requester,
			spec_hash: task.spec_hash,
			budget: task.budget,
			class: task.class,
			quorum: task.quorum,
			deadline: task.deadline,
			worker: task.worker,
			collateral: task.collateral,
			result_hash: task.result.as_ref().map(|r| r.hash),
			exec_cost: task.result.as_ref().map(|r| r.exec_cost),
			valid_seats: valid,
			invalid_seats: invalid,
			commit_end: task.result.as_ref().map(|r| r.commit_end),
			reveal_end: task.result.as_ref().map(|r| r.reveal_end),
		})
	}

	/// The score and reward (planck) task `id` would settle to now, given the verdicts revealed
	/// so far and assuming a valid outcome; `None` before a result is in.
	pub fn estimate(id: TaskId) -> Option<(FixedU128, Balance)> {
		let task = Tasks::<T>::get(id)?;
		task.result.as_ref()?;
		let p = Params::<T>::get();
		let (score, _) = Self::score_of(&task, &p);
		// A valid settlement pays the task's fee into the sink before the reward is funded.
		let fee = p.fee_share.mul_floor(task.budget);
		let room = Self::reward_room(&task, &p, Self::budget_left_now(&p).saturating_add(fee));
		Some((score, math::reward(p.k, score, room)))
	}

	/// The verifiers task `id` drew, with their seats and the state of each one's verdict;
	/// empty before the draw (or for no such task).
	pub fn panel(id: TaskId) -> Vec<PanelSeat<T::AccountId>> {
		Tasks::<T>::get(id)
			.map(|t| {
				t.panel
					.iter()
					.map(|s| PanelSeat {
						verifier: s.verifier.clone(),
						seats: s.seats,
						state: s.state(),
					})
					.collect()
			})
			.unwrap_or_default()
	}
}
