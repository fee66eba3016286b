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
		// Every epoch not yet ranking follows the vote, so a later vote undoes an earlier one.
		let mut cur = Current::<T>::get();
		let snapshot = Self::follow_vote(cur.params, params);
		if snapshot != cur.params {
			cur.params = snapshot;
			Current::<T>::put(cur);
		}
		Queue::<T>::mutate(|queue| {
			for frozen in queue.iter_mut() {
				// Its length is over: only how it is ranked and paid changes.
				let length = frozen.params.epoch_length;
				frozen.params =
					FloxParams { epoch_length: length, ..Self::follow_vote(frozen.params, params) };
			}
		});
		Self::deposit_event(Event::ParamsSet { old, new: params });
		Ok(())
	}

	/// An epoch's snapshot after a vote for `vote`: the vote's values, except that its length
	/// only shortens (a longer one waits for the next epoch, so an epoch never outlives what was
	/// announced) and its callers' quota only grows (edges already made stay within it).
	fn follow_vote(snapshot: FloxParams, vote: FloxParams) -> FloxParams {
		FloxParams {
			epoch_length: snapshot.epoch_length.min(vote.epoch_length),
			max_edges_per_caller: snapshot.max_edges_per_caller.max(vote.max_edges_per_caller),
			..vote
		}
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
		ensure!(!p.max_edges_per_caller.is_zero(), Error::<T>::ZeroEdgesPerCaller);
		ensure!(p.max_edges_per_caller <= MAX_EDGES_PER_CALLER, Error::<T>::EdgesPerCallerTooLarge);
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
		let (e, a) = (T::MaxEdges::get(), T::MaxEdges::get().saturating_mul(2));
		T::WeightInfo::build(e, a)
			.max(T::WeightInfo::rank_step(e, 1).saturating_add(db.writes(5)))
			.max(T::WeightInfo::collect(1))
			.max(T::WeightInfo::collect_boosts(1))
			.max(T::WeightInfo::write(1))
			.max(T::WeightInfo::clean(1))
			.max(db.reads_writes(3, 3))
			.saturating_add(db.reads(1))
	}
}
