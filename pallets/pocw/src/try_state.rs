//! PoCW's invariants, each check listing the numbered invariants it verifies; every error
//! message starts with its invariant's number. Run after every test and by try-runtime.
//!
//! 1. `λ1 + λ2 + λ3 = 1` and the stored parameters are valid.
//! 2. `TotalCollateral` is the sum of the collateral of open tasks; an unclaimed task holds none.
//! 3. Every task is in the expiry bucket of its deadline, and every bucket entry is a task of
//!    that bucket.
//! 4. No task has reached its quorum (it would have settled), nor has attestations without a
//!    result.
//! 5. `VerifierCount` is the number of verifiers, each bond at least one planck.
//! 6. Each verifier's pending count is the number of its attestations on stored tasks.

use crate::{expiry::TaskExpiry, math, pallet::*};
use fluxomics_primitives::Balance;
use frame_support::ensure;
use sp_runtime::{traits::Zero, TryRuntimeError};

impl<T: Config> Pallet<T> {
	/// The invariants, each in its own check.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_params()?;
		Self::check_tasks()?;
		Self::check_verifiers()
	}

	/// 1. `λ1 + λ2 + λ3 = 1` and the parameters are valid.
	fn check_params() -> Result<(), TryRuntimeError> {
		let p = Params::<T>::get();
		ensure!(math::is_normalized(p.lambda1, p.lambda2, p.lambda3), "1: λ1 + λ2 + λ3 ≠ 1");
		ensure!(Self::validate_params(&p).is_ok(), "1: invalid parameters stored");
		Ok(())
	}

	/// 2. `TotalCollateral` is the sum of the collateral of open tasks; an unclaimed task holds
	///    none.
	/// 3. Every task is in the expiry bucket of its deadline, and every bucket entry is a task
	///    of that bucket.
	/// 4. No task has reached its quorum (it would have settled), nor attestations without a
	///    result.
	fn check_tasks() -> Result<(), TryRuntimeError> {
		let mut total: Balance = 0;
		for (id, task) in Tasks::<T>::iter() {
			ensure!(
				task.worker.is_some() || task.collateral.is_zero(),
				"2: open task holds collateral"
			);
			total = total.checked_add(task.collateral).ok_or("2: collateral overflows")?;
			ensure!(
				TaskExpiry::<T>::contains(task.deadline, &id),
				"3: task missing from its deadline bucket"
			);
			let len = u32::try_from(task.attestations.len()).unwrap_or(u32::MAX);
			ensure!(len < task.quorum, "4: a task at quorum is unsettled");
			ensure!(task.result.is_some() || len == 0, "4: attestations without a result");
		}
		ensure!(total == TotalCollateral::<T>::get(), "2: TotalCollateral differs from tasks");
		for (bucket, ids) in Expiries::<T>::iter() {
			for id in ids {
				let task = Tasks::<T>::get(id).ok_or("3: bucket holds an unknown task")?;
				ensure!(
					TaskExpiry::<T>::bucket(task.deadline) == bucket,
					"3: task in a wrong bucket"
				);
			}
		}
		Ok(())
	}

	/// 5. `VerifierCount` is the number of verifiers, each bond at least one planck.
	/// 6. Each verifier's pending count is the number of its attestations on stored tasks.
	fn check_verifiers() -> Result<(), TryRuntimeError> {
		let mut count: u32 = 0;
		for (who, info) in Verifiers::<T>::iter() {
			count = count.saturating_add(1);
			ensure!(!info.bond.is_zero(), "5: a verifier without a bond");
			let pending = Tasks::<T>::iter_values()
				.filter(|t| t.attestations.iter().any(|a| a.verifier == who))
				.count();
			ensure!(
				u32::try_from(pending).ok() == Some(info.pending),
				"6: pending attestations differ"
			);
		}
		ensure!(count == VerifierCount::<T>::get(), "5: VerifierCount differs from verifiers");
		Ok(())
	}
}
