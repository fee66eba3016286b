//! The traits other pallets use: [`StakeObserver`] for the Flux ledger, [`PowerLedger`] for the
//! pallets that spend Power or lease generation.

use crate::{pallet::*, WeightInfo};
use fluxomics_primitives::{Balance, Moment, PerKind, PowerLedger, PowerUnits, StakeObserver};
use frame_support::{pallet_prelude::*, traits::Time};

impl<T: Config> StakeObserver<T::AccountId> for Pallet<T> {
	fn before_stake_change(who: &T::AccountId, new_staked: Balance) -> Weight {
		// One read of the account's context serves both the accrual and its weight.
		let ctx = Self::context(who);
		let mut account = Self::accrued_with(&ctx, T::Time::now());
		account.staked = new_staked;
		Self::store(who, ctx.account.is_some(), &account);
		T::WeightInfo::accrue(ctx.lease_walk())
	}

	fn committed_stake(who: &T::AccountId) -> Balance {
		Self::committed(who)
	}

	fn before_stake_change_weight() -> Weight {
		// Accruing the account with the most leases to walk; a first stake makes the record
		// (and a last unstake may remove it).
		T::WeightInfo::accrue(T::MaxLeases::get()).saturating_add(Self::existence_weight())
	}
}

impl<T: Config> PowerLedger<T::AccountId> for Pallet<T> {
	fn available(who: &T::AccountId) -> PerKind<PowerUnits> {
		Self::accrued(who).power
	}

	fn consume(who: &T::AccountId, amount: PerKind<PowerUnits>) -> DispatchResult {
		let (existed, mut account) = Self::accrued_entry(who);
		let left = account.power.zip(amount, u128::checked_sub);
		let (Some(msg), Some(exec)) = (left.msg, left.exec) else {
			return Err(Error::<T>::InsufficientPower.into());
		};
		account.power = PerKind::new(msg, exec);
		Self::store(who, existed, &account);
		Ok(())
	}

	fn refund(who: &T::AccountId, amount: PerKind<PowerUnits>) {
		if amount.is_zero() {
			return;
		}
		let ctx = Self::context(who);
		let now = T::Time::now();
		let mut account = Self::accrued_with(&ctx, now);
		let caps = ctx.caps(ctx.effective_stake(&account, now));
		account.power = account.power.saturating_add(amount).min(caps);
		Self::store(who, ctx.account.is_some(), &account);
	}

	fn accrual_weight(who: &T::AccountId) -> Weight {
		let leases = Accounts::<T>::get(who).map_or(0, |a| a.leases);
		// `accrue(r)` walks r leases given and r received: 2r end points.
		T::WeightInfo::accrue(leases.div_ceil(2)).saturating_sub(T::WeightInfo::accrue(0))
	}

	fn max_accrual_weight() -> Weight {
		T::WeightInfo::accrue(T::MaxLeases::get()).saturating_sub(T::WeightInfo::accrue(0))
	}

	fn existence_weight() -> Weight {
		Self::existence_weight()
	}

	fn start_lease(
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
		until: Moment,
	) -> DispatchResult {
		Self::do_start_lease(from, to, amount, until)
	}

	fn end_lease(
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
		until: Moment,
	) -> DispatchResult {
		Self::do_end_lease(from, to, amount, until)
	}
}
