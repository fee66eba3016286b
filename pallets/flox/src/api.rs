//! What the runtime's `FloxApi` calls: the epoch's status, an account's ranks and points, a
//! ranked epoch's digest, and what an off-chain check of a digest reads (edges, boosts,
//! parameters).

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use codec::Decode;
use flox_rank::Ranker;
use fluxomics_primitives::{FloxEpochStatus, FloxProgress, FloxRanks};

impl<T: Config> Pallet<T> {
	/// The current epoch, the ranking in progress and the queue.
	pub fn epoch_status() -> FloxEpochStatus {
		let cur = Current::<T>::get();
		let counts = Counts::<T>::get(cur.id);
		let ranking = Ongoing::<T>::get().map(|c| {
			let (done, total, iteration) = match c.stage {
				Stage::Collect { next, .. } => (next.into(), c.counts.units().into(), 0),
				Stage::Build => (0, 1, 0),
				Stage::Rank { work } => {
					let it = RankerState::<T>::get()
						.and_then(|r| Ranker::decode(&mut r.as_slice()).ok())
						.map_or(0, |r| r.progress().0);
					(work, 0, it)
				},
				Stage::Write { next } => {
					(next.into(), c.counts.accounts().into(), c.outcome.map_or(0, |o| o.iterations))
				},
				Stage::Clean { next } => {
					(next.into(), c.counts.accounts().into(), c.outcome.map_or(0, |o| o.iterations))
				},
			};
			FloxProgress {
				epoch: c.epoch,
				phase: c.stage.phase(),
				done,
				total,
				iteration,
				edges: c.counts.edges,
			}
		});
		FloxEpochStatus {
			epoch: cur.id,
			start: cur.start,
			ends: cur.start.saturating_add(cur.params.epoch_length),
			edges: counts.edges,
			dropped: counts.dropped,
			ranking,
			queued: Queue::<T>::get().iter().map(|f| f.epoch).collect(),
			last_ranked: LastRanked::<T>::get(),
		}
	}

	/// `who`'s ranks in the last epoch that credited it points (zero for a role that earned none
	/// there), and its points.
	pub fn ranks_of(who: &T::AccountId) -> FloxRanks {
		let r = Ranks::<T>::get(who);
		FloxRanks {
			epoch: r.map(|r| r.epoch),
			target_rank: r.map_or(0, |r| r.target),
			caller_rank: r.map_or(0, |r| r.caller),
			points: Points::<T>::get(who),
		}
	}

	/// The digest of `epoch`, once ranked.
	pub fn digest(epoch: EpochId) -> Option<[u8; 32]> {
		Digests::<T>::get(epoch)
	}

	/// `epoch`'s edges `(target, caller, gas)` in the order its ranking indexes them (callers by
	/// storage key, each caller's targets by first appearance), while its edge lists are kept.
	pub fn edges(epoch: EpochId) -> Vec<(T::AccountId, T::AccountId, u128)> {
		// The order the collect phase reads them in: callers by key, each caller's targets in
		// order of first appearance.
		CallerEdges::<T>::iter_prefix(epoch)
			.flat_map(|(caller, list)| {
				list.into_iter().map(move |(target, gas)| (target, caller.clone(), gas))
			})
			.collect()
	}

	/// The boosts `epoch` is ranked with, by index, once collected and until it is cleaned.
	pub fn boosts(epoch: EpochId) -> Option<(Vec<u128>, Vec<u128>)> {
		let c = Ongoing::<T>::get().filter(|c| c.epoch == epoch)?;
		if matches!(c.stage, Stage::Collect { .. }) {
			return None;
		}
		let input = Input::<T>::get();
		Some((input.target_boosts.into_inner(), input.caller_boosts.into_inner()))
	}

	/// The ranking parameters `(tolerance, max_iterations)` of `epoch`, while it is recording,
	/// queued or ranking.
	pub fn rank_params(epoch: EpochId) -> Option<(u64, u32)> {
		let cur = Current::<T>::get();
		let p = if cur.id == epoch {
			Some(cur.params)
		} else if let Some(c) = Ongoing::<T>::get().filter(|c| c.epoch == epoch) {
			Some(c.params)
		} else {
			Queue::<T>::get().iter().find(|f| f.epoch == epoch).map(|f| f.params)
		};
		p.map(|p| (p.tolerance, p.max_iterations))
	}
}
