//! Deadlines: every task is filed in the shared bucketed expiry queue
//! ([`fluxomics_primitives::expiry`]) under its deadline when it is posted, taken out when it
//! settles or is expired by hand, and ended by the hook (`hooks.rs`) when its bucket is past.

use crate::{pallet::*, ExpiryOutcome, TaskId};
use fluxomics_primitives::{expiry::ExpiryQueue, FluxLedger};
use sp_runtime::{traits::Zero, DispatchResult};

/// PoCW's expiry queue: task ids in `Expiries` by the bucket of their deadline, drained behind
/// `ExpiryCursor`.
pub(crate) type TaskExpiry<T> = ExpiryQueue<
	Expiries<T>,
	ExpiryCursor<T>,
	TaskId,
	<T as Config>::MaxExpiriesPerBucket,
	<T as Config>::ExpiryBucket,
>;

impl<T: Config> Pallet<T> {
	/// Removes a task from storage and its collateral from the total; its entry in the expiry
	/// queue stays (the hook, draining that bucket, is the caller).
	pub(crate) fn remove_task(id: TaskId, task: &TaskOf<T>) {
		Tasks::<T>::remove(id);
		TotalCollateral::<T>::mutate(|t| *t = t.saturating_sub(task.collateral));
	}

	/// Removes a task from storage and from the expiry queue, and its collateral from the
	/// total.
	pub(crate) fn forget(id: TaskId, task: &TaskOf<T>) {
		Self::remove_task(id, task);
		TaskExpiry::<T>::unschedule(task.deadline, &id);
	}

	/// Ends a task past its deadline, already forgotten: unclaimed, it just goes; claimed without
	/// a result, the collateral is burned; with a result but no quorum, the collateral goes back
	/// to the worker and its verifiers' attestations are no longer pending.
	pub(crate) fn expire(id: TaskId, task: TaskOf<T>) -> DispatchResult {
		let outcome = match (&task.worker, &task.result) {
			(None, _) => ExpiryOutcome::Unclaimed,
			(Some(worker), None) => {
				if !task.collateral.is_zero() {
					T::Flux::slash_held(worker, task.collateral, None)?;
				}
				ExpiryOutcome::CollateralBurned
			},
			(Some(worker), Some(_)) => {
				if !task.collateral.is_zero() {
					T::Flux::release(worker, task.collateral)?;
				}
				Self::unpend(&task, None);
				ExpiryOutcome::CollateralReturned
			},
		};
		Self::deposit_event(Event::TaskExpired {
			task: id,
			outcome,
			worker: task.worker,
			collateral: task.collateral,
		});
		Ok(())
	}
}
