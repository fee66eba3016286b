//! Sponsored keys: an app gives fresh keys the generation of part of its stake, many in one
//! call, and takes it back when it likes.
//!
//! A sponsorship is a delegation with three differences: it is made for a batch of keys, it has
//! no lock (the sponsor revokes at any time), and it is counted per sponsor against
//! `MaxSponsoredKeys` rather than `MaxDelegations`. The key's record holds a sufficient reference
//! ([`Pallet::store`]), so a key that holds nothing else can sign and pay in its Power; the
//! sponsor pays for that existence with at least `MinDelegation` of committed stake per key.
//! A key may have several sponsors, so sponsoring a key first cannot keep its app from
//! sponsoring it.
//!
//! The caps: a key spends only the Power its own share generates (per key: `amount`, chosen per
//! call), a sponsor gives at most its uncommitted stake in total, and sponsors at most
//! `MaxSponsoredKeys` keys.

use crate::{pallet::*, WeightInfo};
use fluxomics_primitives::Balance;
use frame_support::{ensure, pallet_prelude::*};
use sp_arithmetic::traits::Zero;

impl<T: Config> Pallet<T> {
	/// The weight of `sponsor` for `k` keys: the benchmark (keys made to exist), plus the lease
	/// walk of `k` keys that each have the most leases (measured by the `accrue` benchmark).
	pub fn sponsor_weight(k: u32) -> Weight {
		T::WeightInfo::sponsor(k).saturating_add(Self::key_walks(k))
	}

	/// The weight of `revoke` for `k` keys, as [`Self::sponsor_weight`].
	pub fn revoke_weight(k: u32) -> Weight {
		T::WeightInfo::revoke(k).saturating_add(Self::key_walks(k))
	}

	/// What `k` keys with the most leases add to accrue.
	fn key_walks(k: u32) -> Weight {
		T::WeightInfo::accrue(T::MaxLeases::get())
			.saturating_sub(T::WeightInfo::accrue(0))
			.saturating_mul(u64::from(k))
	}

	/// Gives each of `keys` the generation of `amount` of `sponsor`'s stake. Every check comes
	/// before the first write, so a refused call changes nothing.
	pub(crate) fn do_sponsor(
		sponsor: &T::AccountId,
		keys: &[T::AccountId],
		amount: Balance,
	) -> DispatchResult {
		ensure!(!keys.is_empty(), Error::<T>::NoKeys);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(amount >= T::MinDelegation::get(), Error::<T>::BelowMinDelegation);
		let mut totals = Sponsors::<T>::get(sponsor).unwrap_or_default();
		let count = u32::try_from(keys.len()).map_err(|_| Error::<T>::TooManyKeys)?;
		let new_keys = totals.keys.checked_add(count).ok_or(Error::<T>::TooManyKeys)?;
		ensure!(new_keys <= T::MaxSponsoredKeys::get(), Error::<T>::TooManyKeys);
		let total = amount.checked_mul(u128::from(count)).ok_or(Error::<T>::InsufficientStake)?;
		ensure!(Self::uncommitted(sponsor) >= total, Error::<T>::InsufficientStake);
		for (i, key) in keys.iter().enumerate() {
			ensure!(key != sponsor, Error::<T>::SelfDelegation);
			let repeated = keys.iter().take(i).any(|k| k == key);
			ensure!(
				!repeated && !Sponsorships::<T>::contains_key(sponsor, key),
				Error::<T>::KeyAlreadySponsored
			);
		}

		// The sponsor accrues once, at its stake before the whole batch.
		Self::accrue_and(sponsor, |a| a.delegated_out = a.delegated_out.saturating_add(total));
		for key in keys {
			Self::accrue_and(key, |a| a.delegated_in = a.delegated_in.saturating_add(amount));
			Sponsorships::<T>::insert(sponsor, key, amount);
			Self::deposit_event(Event::Sponsored {
				sponsor: sponsor.clone(),
				key: key.clone(),
				amount,
			});
		}
		totals.keys = new_keys;
		totals.amount = totals.amount.saturating_add(total);
		Sponsors::<T>::insert(sponsor, totals);
		Ok(())
	}

	/// Takes back the generation `sponsor` gives to each of `keys`; a key left with nothing is
	/// removed with its account. Every check comes before the first write.
	pub(crate) fn do_revoke(sponsor: &T::AccountId, keys: &[T::AccountId]) -> DispatchResult {
		ensure!(!keys.is_empty(), Error::<T>::NoKeys);
		let mut totals = Sponsors::<T>::get(sponsor).ok_or(Error::<T>::NotSponsored)?;
		let mut taken = alloc::vec::Vec::with_capacity(keys.len());
		for (i, key) in keys.iter().enumerate() {
			let repeated = keys.iter().take(i).any(|k| k == key);
			let amount = Sponsorships::<T>::get(sponsor, key)
				.filter(|_| !repeated)
				.ok_or(Error::<T>::NotSponsored)?;
			taken.push(amount);
		}

		let total = taken.iter().fold(0, |sum: Balance, a| sum.saturating_add(*a));
		Self::accrue_and(sponsor, |a| a.delegated_out = a.delegated_out.saturating_sub(total));
		for (key, amount) in keys.iter().zip(taken) {
			Sponsorships::<T>::remove(sponsor, key);
			Self::accrue_and(key, |a| a.delegated_in = a.delegated_in.saturating_sub(amount));
			totals.keys = totals.keys.saturating_sub(1);
			totals.amount = totals.amount.saturating_sub(amount);
			Self::deposit_event(Event::Revoked {
				sponsor: sponsor.clone(),
				key: key.clone(),
				amount,
			});
		}
		if totals.keys == 0 {
			Sponsors::<T>::remove(sponsor);
		} else {
			Sponsors::<T>::insert(sponsor, totals);
		}
		Ok(())
	}
}
