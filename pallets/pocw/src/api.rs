//! What the runtime's `PocwApi` answers: a task as clients see it, and the score and reward it
//! would settle to now.

use crate::{math, pallet::*, TaskId};
use fluxomics_primitives::{Balance, TaskInfo};
use sp_arithmetic::FixedU128;

impl<T: Config> Pallet<T> {
	/// Task `id` as clients see it.
	pub fn task_info(id: TaskId) -> Option<TaskInfo<T::AccountId>> {
		let task = Tasks::<T>::get(id)?;
		let (valid, invalid) = task.tally();
		Some(TaskInfo {
			id,
			status: task.status(),
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
			valid_attestations: valid,
			invalid_attestations: invalid,
		})
	}

	/// The score and reward (planck) task `id` would settle to now, given the attestations so
	/// far and assuming a valid outcome; `None` before a result is in.
	pub fn estimate(id: TaskId) -> Option<(FixedU128, Balance)> {
		let task = Tasks::<T>::get(id)?;
		task.result.as_ref()?;
		let p = Params::<T>::get();
		let (score, _) = Self::score_of(&task, &p);
		Some((score, math::reward(p.k, score, Self::budget_left_now(&p))))
	}
}
