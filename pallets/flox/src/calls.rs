//! The bodies of Flox's calls (governance: `set_params`, `set_tier`) and the check of a
//! parameter set they, the genesis and the invariants share.

use crate::{pallet::*, types::*, weights::WeightInfo};
use frame_support::{ensure, pallet_prelude::*, traits::Get, weights::Weight};
use sp_arithmetic::{
	traits::{One, Zero},
	FixedU128, Perbill,
};

impl<T: Config> Pallet<T> {
	/// `set_params`: checks `params` and stores them; the next epoch takes them (and the
	/// ranking's share of a block applies at once). A shorter `epoch_length` also shortens the
	/// running epoch: it ends at `start + epoch_length` of the new parameters (at the next block
	/// if that is past), so that a vote can always end an epoch a bad snapshot started.
	pub(crate) fn do_set_params(params: FloxParams) -> DispatchResult {
		Self::validate_params(&params)?;
		let old = Params::<T>::get();
		Params::<T>::put(params);
		let mut cur = Current::<T>::get();
		if params.epoch_length < cur.params.epoch_length {
			cur.params.epoch_length = params.epoch_length;
			Current::<T>::put(cur);
		}
		Self::deposit_event(Event::ParamsSet { old, new: params });
		Ok(())
	}

	/// `set_tier`: sets `who`'s tier weight (one, the default, is stored as nothing).
	pub(crate) fn do_set_tier(who: T::AccountId, weight: TierWeight) -> DispatchResult {
		ensure!(weight <= max_tier(), Error::<T>::TierTooLarge);
		let old = TierWeights::<T>::get(&who).unwrap_or_else(FixedU128::one);
		if weight == FixedU128::one() {
			TierWeights::<T>::remove(&who);
		} else {
			TierWeights::<T>::insert(&who, weight);
		}
		Self::deposit_event(Event::TierSet { who, old, new: weight });
		Ok(())
	}

	/// Checks a parameter set: each value within its range (the constants of `types.rs`).
	pub fn validate_params(p: &FloxParams) -> DispatchResult {
		ensure!(!p.epoch_length.is_zero(), Error::<T>::ZeroEpochLength);
		ensure!(p.epoch_length >= MIN_EPOCH_LENGTH, Error::<T>::EpochTooShort);
		ensure!(p.epoch_length <= MAX_EPOCH_LENGTH, Error::<T>::EpochTooLong);
		ensure!(!p.max_iterations.is_zero(), Error::<T>::ZeroMaxIterations);
		ensure!(p.max_iterations <= MAX_ITERATIONS, Error::<T>::TooManyIterations);
		ensure!(!p.boost_stake_unit.is_zero(), Error::<T>::ZeroBoostStakeUnit);
		ensure!(p.boost_cap >= FixedU128::one(), Error::<T>::BoostCapBelowOne);
		ensure!(p.boost_cap <= MAX_BOOST_CAP, Error::<T>::BoostCapTooLarge);
		ensure!(
			p.contracts_ratio <= MAX_POINTS_RATIO && p.eoas_ratio <= MAX_POINTS_RATIO,
			Error::<T>::PointsRatioTooLarge
		);
		ensure!(!p.max_step_weight.is_zero(), Error::<T>::ZeroStepWeight);
		ensure!(
			Self::largest_step().all_lte(Self::share_of_block(p.max_step_weight)),
			Error::<T>::StepWeightTooSmall
		);
		Ok(())
	}

	/// `share` of a block's weight.
	pub(crate) fn share_of_block(share: Perbill) -> Weight {
		let max_block = <T as frame_system::Config>::BlockWeights::get().max_block;
		Weight::from_parts(
			share.mul_floor(max_block.ref_time()),
			share.mul_floor(max_block.proof_size()),
		)
	}

	/// The dearest single step of the ranking for the largest epoch (building its graph, or one
	/// unit of any phase), with the read of the parameters: the ranking's share of a block must
	/// hold it, or the ranking would never advance.
	pub fn largest_step() -> Weight {
		let db = T::DbWeight::get();
		let (e, a) = (T::MaxEdges::get(), T::MaxAccounts::get().saturating_mul(2));
		T::WeightInfo::build(e, a)
			.max(T::WeightInfo::rank_step(e, 1).saturating_add(db.writes(5)))
			.max(T::WeightInfo::collect(1))
			.max(T::WeightInfo::write(1))
			.max(T::WeightInfo::clean(1))
			.max(db.reads_writes(3, 3))
			.saturating_add(db.reads(1))
	}
}
