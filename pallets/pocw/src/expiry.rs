//! Expiries: every task is filed in the shared bucketed expiry queue
//! ([`fluxomics_primitives::expiry`]) under its deadline when it is posted, refiled under the end
//! of its reveal when its result comes in, taken out when it settles or is ended by hand, and
//! ended by the hook (`hooks.rs`) when its bucket is past.

use crate::{pallet::*, ExpiryOutcome, TaskId};
use fluxomics_primitives::{expiry::ExpiryQueue, FluxLedger};
use sp_runtime::{traits::Zero, DispatchError};

/// PoCW's expiry queue: task ids in `Expiries` by the bucket of their expiry, drained behind
/// `ExpiryCursor`.
pub(crate) type TaskExpiry<T> = ExpiryQueue<
	Expiries<T>,
	ExpiryCursor<T>,
	TaskId,
	<T as Config>::MaxExpiriesPerBucket,
	<T as Config>::ExpiryBucket,
>;

impl<T: Config> Pallet<T> {
	/// Removes a task from storage, and its collateral and budget from the totals; its entry in
	/// the expiry queue stays (the hook, draining that bucket, is the caller).
	pub(crate) fn remove_task(id: TaskId, task: &TaskOf<T>) {
		Tasks::<T>::remove(id);
		TotalCollateral::<T>::mutate(|t| *t = t.saturating_sub(task.collateral));
		TotalEscrow::<T>::mutate(|t| *t = t.saturating_sub(task.budget));
	}

	/// Removes a task from storage, from the expiry queue, and from the totals.
	pub(crate) fn forget(id: TaskId, task: &TaskOf<T>) {
		Self::remove_task(id, task);
		TaskExpiry::<T>::unschedule(task.expiry, &id);
	}

	/// Ends a task whose expiry has come, already forgotten. With a result it settles by the
	/// verdicts revealed (returning the size of its panel). Without, the budget goes back to the
	/// requester; a worker that claimed it forfeits `forfeit_share` of its collateral to the
	/// requester and gets the rest back.
	pub(crate) fn end(id: TaskId, task: TaskOf<T>) -> Result<Option<u32>, DispatchError> {
		if task.result.is_some() {
			let panel = u32::try_from(task.panel.len()).unwrap_or(u32::MAX);
			Self::settle(id, task)?;
			return Ok(Some(panel));
		}
		if !task.budget.is_zero() {
			T::Flux::release(&task.requester, task.budget)?;
		}
		let (outcome, forfeited) = match &task.worker {
			None => (ExpiryOutcome::Unclaimed, 0),
			Some(worker) => {
				let forfeited = Params::<T>::get().forfeit_share.mul_floor(task.collateral);
				if !forfeited.is_zero() {
					T::Flux::slash_held(worker, forfeited, Some(&task.requester))?;
				}
				let back = task.collateral.saturating_sub(forfeited);
				if !back.is_zero() {
					T::Flux::release(worker, back)?;
				}
				(ExpiryOutcome::CollateralForfeited, forfeited)
			},
		};
		Self::deposit_event(Event::TaskExpired {
			task: id,
			outcome,
			worker: task.worker,
			collateral: task.collateral,
			forfeited,
		});
		Ok(None)
	}
}
