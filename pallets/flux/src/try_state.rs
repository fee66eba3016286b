//! The invariants: the ledger adds up, and the totals agree with each other. Run after every
//! unit test, by the other pallets' tests, and by try-runtime.

use crate::pallet::*;
use fluxomics_primitives::{Balance, StakeObserver};
use frame_support::ensure;
use sp_arithmetic::traits::Zero;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks every invariant (numbered 1 to 6, as in the pallet's README).
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_issuance()?;
		Self::check_stake()?;
		Self::check_accounts()?;
		Self::check_params()
	}

	/// The parameters:
	///
	/// 6. The stored parameters pass the checks of `set_params` (every value within its range).
	fn check_params() -> Result<(), TryRuntimeError> {
		Self::validate_params(&Params::<T>::get()).map_err(|_| "6: invalid parameters")?;
		Ok(())
	}

	/// The issuance:
	///
	/// 1. The sum over accounts of free + staked + held + unbonding equals `TotalIssuance`.
	/// 2. `TotalIssuance` equals `TotalMinted − TotalBurned`.
	fn check_issuance() -> Result<(), TryRuntimeError> {
		let mut issuance: Balance = 0;
		for account in Accounts::<T>::iter_values() {
			issuance = issuance.checked_add(account.total()).ok_or("1: issuance overflows")?;
		}
		ensure!(issuance == TotalIssuance::<T>::get(), "1: accounts do not sum to the issuance");
		ensure!(
			TotalMinted::<T>::get().checked_sub(TotalBurned::<T>::get())
				== Some(TotalIssuance::<T>::get()),
			"2: issuance is not minted minus burned"
		);
		Ok(())
	}

	/// The stake:
	///
	/// 3. The sum of staked equals `TotalStaked`.
	fn check_stake() -> Result<(), TryRuntimeError> {
		let mut staked: Balance = 0;
		for account in Accounts::<T>::iter_values() {
			staked = staked.checked_add(account.staked).ok_or("3: stake overflows")?;
		}
		ensure!(staked == TotalStaked::<T>::get(), "3: stakes do not sum to the total staked");
		Ok(())
	}

	/// Each account:
	///
	/// 4. No stored account is empty, and each has at most `MaxUnbondingChunks` non-empty chunks
	///    (the bound is the stored type's).
	/// 5. No account has more stake committed elsewhere than it has staked.
	fn check_accounts() -> Result<(), TryRuntimeError> {
		for (who, account) in Accounts::<T>::iter() {
			ensure!(!account.is_empty(), "4: an empty Flux account is stored");
			ensure!(
				account.unbonding.iter().all(|c| !c.amount.is_zero()),
				"4: an empty unbonding chunk is stored"
			);
			ensure!(
				T::StakeObserver::committed_stake(&who) <= account.staked,
				"5: more stake committed than staked"
			);
		}
		Ok(())
	}
}
