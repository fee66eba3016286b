//! PoCW's invariants, each check listing the numbered invariants it verifies; every error
//! message starts with its invariant's number. Run after every test and by try-runtime.
//!
//! 1. `λ1 + λ2 + λ3 = 1` and the stored parameters are valid.
//! 2. `TotalCollateral` is the sum of the collateral of open tasks; an unclaimed task holds none.
//! 3. `TotalEscrow` is the sum of the budgets of open tasks.
//! 4. Every task is in the expiry bucket of its expiry (its deadline before the result, the end
//!    of its reveal after), and every bucket entry is a task of that bucket.
//! 5. A panel is empty until drawn; drawn, it fills at most `quorum` seats with distinct
//!    verifiers, none revealed without a commitment; `PendingDraws` are exactly the tasks with a
//!    result not yet drawn.
//! 6. `VerifierCount` is the number of verifiers, in slots `1..=VerifierCount` both ways; each
//!    slot of the draw tree weighs its verifier's bond, and `TotalBond` is their sum.
//! 7. Each verifier's pending count is the number of stored panels it sits on.
//! 8. No Flux is created or lost in holds: each account's held Flux is exactly what PoCW holds
//!    of it (budgets in escrow, collateral, bond). PoCW is the only user of the Flux ledger's
//!    hold, so every slash and release is accounted for.

use crate::{expiry::TaskExpiry, math, pallet::*};
use alloc::collections::btree_map::BTreeMap;
use fluxomics_primitives::{Balance, FluxLedger};
use frame_support::{ensure, traits::Get};
use sp_runtime::{traits::Zero, TryRuntimeError};

impl<T: Config> Pallet<T> {
	/// The invariants, each in its own check.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_params()?;
		Self::check_tasks()?;
		Self::check_panels()?;
		Self::check_verifiers()?;
		Self::check_holds()
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
	/// 3. `TotalEscrow` is the sum of the budgets of open tasks.
	/// 4. Every task is in the expiry bucket of its expiry, and every bucket entry is a task of
	///    that bucket.
	fn check_tasks() -> Result<(), TryRuntimeError> {
		let mut collateral: Balance = 0;
		let mut escrow: Balance = 0;
		for (id, task) in Tasks::<T>::iter() {
			ensure!(
				task.worker.is_some() || task.collateral.is_zero(),
				"2: open task holds collateral"
			);
			collateral =
				collateral.checked_add(task.collateral).ok_or("2: collateral overflows")?;
			escrow = escrow.checked_add(task.budget).ok_or("3: escrow overflows")?;
			let expected = task.result.as_ref().map_or(task.deadline, |r| r.reveal_end);
			ensure!(task.expiry == expected, "4: task filed under the wrong expiry");
			ensure!(
				TaskExpiry::<T>::contains(task.expiry, &id),
				"4: task missing from its expiry bucket"
			);
		}
		ensure!(collateral == TotalCollateral::<T>::get(), "2: TotalCollateral differs from tasks");
		ensure!(escrow == TotalEscrow::<T>::get(), "3: TotalEscrow differs from budgets");
		for (bucket, ids) in Expiries::<T>::iter() {
			for id in ids {
				let task = Tasks::<T>::get(id).ok_or("4: bucket holds an unknown task")?;
				ensure!(
					TaskExpiry::<T>::bucket(task.expiry) == bucket,
					"4: task in a wrong bucket"
				);
			}
		}
		Ok(())
	}

	/// 5. A panel is empty until drawn; drawn, it fills at most `quorum` seats with distinct
	///    verifiers, none revealed without a commitment; `PendingDraws` are exactly the tasks
	///    with a result not yet drawn.
	fn check_panels() -> Result<(), TryRuntimeError> {
		let pending = PendingDraws::<T>::get();
		let mut undrawn: u32 = 0;
		for (id, task) in Tasks::<T>::iter() {
			let drawn = task.result.as_ref().is_some_and(|r| r.drawn);
			if task.result.is_some() && !drawn {
				undrawn = undrawn.saturating_add(1);
				ensure!(pending.contains(&id), "5: an undrawn result is not queued for its draw");
			}
			if !drawn {
				ensure!(task.panel.is_empty(), "5: a panel before its draw");
				continue;
			}
			ensure!(task.seats() <= task.quorum, "5: more seats than the quorum");
			for (i, s) in task.panel.iter().enumerate() {
				ensure!(s.seats > 0, "5: a panel member without a seat");
				ensure!(
					s.commitment.is_some() || s.vote.is_none(),
					"5: a reveal without a commitment"
				);
				ensure!(
					!task.panel.iter().skip(i.saturating_add(1)).any(|o| o.verifier == s.verifier),
					"5: a verifier twice on a panel"
				);
			}
		}
		ensure!(
			u32::try_from(pending.len()).ok() == Some(undrawn),
			"5: PendingDraws differs from undrawn results"
		);
		Ok(())
	}

	/// 6. `VerifierCount` is the number of verifiers, in slots `1..=VerifierCount` both ways;
	///    each slot of the draw tree weighs its verifier's bond, and `TotalBond` is their sum.
	/// 7. Each verifier's pending count is the number of stored panels it sits on.
	fn check_verifiers() -> Result<(), TryRuntimeError> {
		let mut panels: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for task in Tasks::<T>::iter_values() {
			for s in task.panel.iter() {
				let n = panels.entry(s.verifier.clone()).or_default();
				*n = n.saturating_add(1);
			}
		}
		let mut count: u32 = 0;
		let mut total: Balance = 0;
		for (who, info) in Verifiers::<T>::iter() {
			count = count.saturating_add(1);
			total = total.checked_add(info.bond).ok_or("6: bonds overflow")?;
			ensure!(
				VerifierAt::<T>::get(info.slot).as_ref() == Some(&who),
				"6: slot does not name its verifier"
			);
			let weight = Self::tree_prefix(info.slot)
				.saturating_sub(Self::tree_prefix(info.slot.saturating_sub(1)));
			ensure!(weight == info.bond, "6: tree slot differs from the bond");
			ensure!(
				panels.get(&who).copied().unwrap_or(0) == info.pending,
				"7: pending panels differ"
			);
		}
		ensure!(count == VerifierCount::<T>::get(), "6: VerifierCount differs from verifiers");
		ensure!(
			VerifierAt::<T>::iter_keys().all(|slot| slot >= 1 && slot <= count),
			"6: a slot beyond VerifierCount"
		);
		ensure!(total == TotalBond::<T>::get(), "6: TotalBond differs from the bonds");
		ensure!(
			Self::tree_prefix(T::MaxVerifiers::get()) == total,
			"6: the tree's total differs from TotalBond"
		);
		Ok(())
	}

	/// 8. Each account's held Flux is exactly what PoCW holds of it.
	fn check_holds() -> Result<(), TryRuntimeError> {
		let mut holds: BTreeMap<T::AccountId, Balance> = BTreeMap::new();
		let mut add = |who: &T::AccountId, amount: Balance| {
			let h = holds.entry(who.clone()).or_default();
			*h = h.saturating_add(amount);
		};
		for task in Tasks::<T>::iter_values() {
			add(&task.requester, task.budget);
			if let Some(worker) = &task.worker {
				add(worker, task.collateral);
			}
		}
		for (who, info) in Verifiers::<T>::iter() {
			add(&who, info.bond);
		}
		for (who, amount) in holds {
			ensure!(T::Flux::held(&who) == amount, "8: held Flux differs from PoCW's holds");
		}
		Ok(())
	}
}
