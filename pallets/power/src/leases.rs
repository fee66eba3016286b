//! Leases: delegations of generation with an end time, made by other pallets (the rental
//! market) through [`PowerLedger`](fluxomics_primitives::PowerLedger). A lease stops generating
//! for the lessee at its end even if nobody touches it (accrual walks its end point); it stays
//! listed, inactive, until `end_lease` removes it from both sides at once.

use crate::{pallet::*, Lease};
use fluxomics_primitives::{Balance, Moment};
use frame_support::{ensure, pallet_prelude::*, traits::Time};
use sp_arithmetic::traits::Zero;

impl<T: Config> Pallet<T> {
	/// Leases the generation of `amount` of `from`'s stake to `to` until `until`.
	pub(crate) fn do_start_lease(
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
		until: Moment,
	) -> DispatchResult {
		let now = T::Time::now();
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(from != to, Error::<T>::SelfDelegation);
		ensure!(until > now, Error::<T>::LeaseEndInPast);
		ensure!(Self::uncommitted(from) >= amount, Error::<T>::InsufficientStake);
		// Both sides accrue at their old effective stakes before the lists change.
		let mut outs = LeasesOut::<T>::get(from);
		let mut ins = LeasesIn::<T>::get(to);
		outs.try_push(Lease { other: to.clone(), amount, until })
			.map_err(|_| Error::<T>::TooManyLeases)?;
		ins.try_push(Lease { other: from.clone(), amount, until })
			.map_err(|_| Error::<T>::TooManyLeases)?;
		Self::accrue_and_count_leases(from, true);
		Self::accrue_and_count_leases(to, true);
		LeasesOut::<T>::insert(from, outs);
		LeasesIn::<T>::insert(to, ins);
		Self::deposit_event(Event::Leased { from: from.clone(), to: to.clone(), amount, until });
		Ok(())
	}

	/// Removes the lease `from` → `to` of `amount` until `until` from both sides.
	pub(crate) fn do_end_lease(
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
		until: Moment,
	) -> DispatchResult {
		let mut outs = LeasesOut::<T>::get(from);
		let mut ins = LeasesIn::<T>::get(to);
		let out = outs
			.iter()
			.position(|l| &l.other == to && l.amount == amount && l.until == until)
			.ok_or(Error::<T>::UnknownLease)?;
		let inn = ins
			.iter()
			.position(|l| &l.other == from && l.amount == amount && l.until == until)
			.ok_or(Error::<T>::UnknownLease)?;
		// Accrue first: generation up to now (or the end) follows the lease.
		Self::accrue_and_count_leases(from, false);
		Self::accrue_and_count_leases(to, false);
		outs.remove(out);
		ins.remove(inn);
		LeasesOut::<T>::insert(from, outs);
		LeasesIn::<T>::insert(to, ins);
		Self::deposit_event(Event::LeaseEnded {
			from: from.clone(),
			to: to.clone(),
			amount,
			until,
		});
		Ok(())
	}

	/// Accrues `who` (at its effective stake before the change) and counts one lease more
	/// (`added`) or less on its record.
	fn accrue_and_count_leases(who: &T::AccountId, added: bool) {
		Self::accrue_and(who, |a| {
			a.leases = if added { a.leases.saturating_add(1) } else { a.leases.saturating_sub(1) }
		});
	}
}
