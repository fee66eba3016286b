//! The invariants, checked after every test and by try-runtime.

use crate::pallet::*;
use fluxomics_primitives::{Balance, StakeInfo};
use frame_support::{ensure, traits::Time};

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the pallet (see each `check_*`).
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		Self::check_accounts()?;
		Self::check_delegations()?;
		Self::check_leases()?;
		Self::check_checkpoints()?;
		Self::check_sponsorships()
	}

	/// For each account:
	///
	/// 1. No accrued balance exceeds its cap.
	/// 2. No account commits (delegates, leases or lists) more stake than it has staked.
	/// 3. Each record's stake is the Flux ledger's.
	/// 4. Each record counts its lease lists' entries.
	/// 8. No stored record is empty, and each one's account exists with a sufficient reference
	///    (the one the record holds).
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	fn check_accounts() -> Result<(), sp_runtime::TryRuntimeError> {
		let now = T::Time::now();
		for (who, stored) in Accounts::<T>::iter() {
			let ctx = Self::context(&who);
			let account = Self::accrued_with(&ctx, now);
			let caps = ctx.caps(ctx.effective_stake(&account, now));
			ensure!(
				account.power.msg <= caps.msg && account.power.exec <= caps.exec,
				"1: Power above its cap"
			);
			ensure!(Self::committed(&who) <= ctx.staked, "2: more stake committed than staked");
			ensure!(
				stored.staked == T::Stake::staked(&who),
				"3: stake differs from the Flux ledger"
			);
			let listed = LeasesOut::<T>::decode_len(&who)
				.unwrap_or(0)
				.saturating_add(LeasesIn::<T>::decode_len(&who).unwrap_or(0));
			ensure!(
				usize::try_from(stored.leases).ok() == Some(listed),
				"4: lease count differs from the lists"
			);
			ensure!(!stored.is_empty(), "8: an empty record is stored");
			ensure!(
				frame_system::Pallet::<T>::sufficients(&who) >= 1,
				"8: a record's account holds no sufficient reference"
			);
		}
		Ok(())
	}

	/// 5. The sum of delegated out equals the sum of delegated in, and each account's
	///    delegations and sponsorships add up to its `delegated_out`.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	fn check_delegations() -> Result<(), sp_runtime::TryRuntimeError> {
		let (mut out_total, mut in_total) = (0u128, 0u128);
		for (who, stored) in Accounts::<T>::iter() {
			let sponsored = Sponsors::<T>::get(&who).map_or(0, |s| s.amount);
			let delegated = Delegations::<T>::get(&who)
				.iter()
				.map(|d| d.amount)
				.sum::<Balance>()
				.saturating_add(sponsored);
			ensure!(
				delegated == stored.delegated_out,
				"5: delegations do not sum to delegated_out"
			);
			out_total = out_total.saturating_add(stored.delegated_out);
			in_total = in_total.saturating_add(stored.delegated_in);
		}
		ensure!(out_total == in_total, "5: delegated out and in differ");
		Ok(())
	}

	/// 6. Every lease given has its mirror received, and the other way round.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	fn check_leases() -> Result<(), sp_runtime::TryRuntimeError> {
		for (from, outs) in LeasesOut::<T>::iter() {
			for l in outs.iter() {
				let mirrored = LeasesIn::<T>::get(&l.other)
					.iter()
					.any(|i| i.other == from && i.amount == l.amount && i.until == l.until);
				ensure!(mirrored, "6: a lease given is not received");
			}
		}
		for (to, ins) in LeasesIn::<T>::iter() {
			for l in ins.iter() {
				let mirrored = LeasesOut::<T>::get(&l.other)
					.iter()
					.any(|o| o.other == to && o.amount == l.amount && o.until == l.until);
				ensure!(mirrored, "6: a lease received is not given");
			}
		}
		Ok(())
	}

	/// 7. Checkpoints are in time order.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	fn check_checkpoints() -> Result<(), sp_runtime::TryRuntimeError> {
		let checkpoints = Checkpoints::<T>::get();
		ensure!(
			checkpoints.iter().zip(checkpoints.iter().skip(1)).all(|(a, b)| a.at < b.at),
			"7: checkpoints out of order"
		);
		Ok(())
	}

	/// 9. Each sponsor's totals count and sum its sponsorships, within `MaxSponsoredKeys`;
	///    every sponsorship gives at least `MinDelegation`, to a key whose record receives it.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	fn check_sponsorships() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::Get;
		for (sponsor, totals) in Sponsors::<T>::iter() {
			let (mut keys, mut amount) = (0u32, 0u128);
			for (key, given) in Sponsorships::<T>::iter_prefix(&sponsor) {
				keys = keys.saturating_add(1);
				amount = amount.saturating_add(given);
				ensure!(given >= T::MinDelegation::get(), "9: a sponsorship below the minimum");
				let received = Accounts::<T>::get(&key).map_or(0, |a| a.delegated_in);
				ensure!(received >= given, "9: a key receives less than it is given");
			}
			ensure!(keys == totals.keys && amount == totals.amount, "9: totals differ");
			ensure!(keys >= 1 && keys <= T::MaxSponsoredKeys::get(), "9: keys out of bounds");
		}
		let orphan = Sponsorships::<T>::iter_keys().any(|(s, _)| !Sponsors::<T>::contains_key(s));
		ensure!(!orphan, "9: a sponsorship without its sponsor's totals");
		Ok(())
	}
}
