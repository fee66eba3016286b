//! Recording: a charge is noted in the block's buffer ([`Pending`], one append), and the next
//! block's `on_initialize` folds the buffer into the current epoch's edge lists (one per caller,
//! [`CallerEdges`]), within the bound and the admission rules (an existing target, a caller
//! within its `max_edges_per_caller`).

use crate::{
	math::{by_caller, sum_by_pair},
	pallet::*,
	traits::AccountExists,
	types::*,
	weights::WeightInfo,
};
use alloc::vec::Vec;
use codec::Encode;
use fluxomics_primitives::PowerUnits;
use frame_support::{traits::Get, weights::Weight};
use sp_arithmetic::traits::Zero;

impl<T: Config> Pallet<T> {
	/// Notes a charge for the next block's fold: one append to a key every block touches, so
	/// that the transaction extension stays cheap. The runtime's buffer holds more charges than a
	/// block can make; a full buffer would drop the charge and count it.
	pub(crate) fn note_charge(
		payer: &T::AccountId,
		counterparty: &T::AccountId,
		power: PowerUnits,
	) {
		if payer == counterparty || power.is_zero() {
			return;
		}
		let len = PendingLen::<T>::get();
		if len >= T::MaxPendingCharges::get() {
			PendingDropped::<T>::mutate(|d| *d = d.saturating_add(1));
			return;
		}
		let charge =
			PendingCharge { payer: payer.clone(), counterparty: counterparty.clone(), power };
		// Appended in place, without reading the buffer (`try_append` would copy it whole to
		// read its length); `PendingLen` keeps it within its bound (invariant 8).
		sp_io::storage::append(&Pending::<T>::hashed_key(), charge.encode());
		PendingLen::<T>::put(len.saturating_add(1));
	}

	/// Folds the last block's charges into the current epoch's edges: the charges of one
	/// `(caller, target)` pair summed, then each caller's edge list read and written once (callers
	/// and targets in order of first appearance). Counts the charges the buffer dropped. Reads
	/// and clears the buffer in every block; returns the weight of the work done.
	pub(crate) fn fold_pending() -> Weight {
		let charges = Pending::<T>::take();
		PendingLen::<T>::kill();
		let dropped = PendingDropped::<T>::take();
		let db = T::DbWeight::get();
		// The buffer and its counters are whitelisted: this is where they are paid for.
		let buffer = db.reads_writes(2, 3);
		if charges.is_empty() && dropped.is_zero() {
			return buffer;
		}
		let n = u32::try_from(charges.len()).unwrap_or(u32::MAX);
		let cur = Current::<T>::get();
		let (epoch, quota) = (cur.id, cur.params.max_edges_per_caller);
		let mut counts = Counts::<T>::get(epoch);
		let before = counts;
		let mut entries: u32 = 0;
		for (caller, targets) in by_caller(sum_by_pair(charges.into_inner())) {
			let read = Self::record_edges(epoch, quota, &mut counts, &caller, targets);
			entries = entries.saturating_add(read);
		}
		if !dropped.is_zero() {
			counts.dropped = counts.dropped.saturating_add(dropped);
			Self::deposit_event(Event::ChargesDropped { epoch, count: dropped });
		}
		if counts != before {
			Counts::<T>::insert(epoch, counts);
		}
		Self::fold_weight(n, entries).saturating_add(buffer)
	}

	/// The weight of folding `n` charges whose callers' lists held `entries` edges before: each
	/// charge at its dearest (a new caller's new edge, its target's existence read), and each
	/// edge already in a list decoded and encoded once.
	pub fn fold_weight(n: u32, entries: u32) -> Weight {
		let per_entry = T::WeightInfo::fold_list(1).saturating_sub(T::WeightInfo::fold_list(0));
		T::WeightInfo::fold(n).saturating_add(per_entry.saturating_mul(entries.into()))
	}

	/// Records one charge in the current epoch at once, as a fold of it alone would (the
	/// benchmarks' set-up).
	#[cfg(feature = "runtime-benchmarks")]
	pub(crate) fn record_now(caller: &T::AccountId, target: &T::AccountId, power: PowerUnits) {
		let cur = Current::<T>::get();
		let mut counts = Counts::<T>::get(cur.id);
		let quota = cur.params.max_edges_per_caller;
		Self::record_edges(
			cur.id,
			quota,
			&mut counts,
			caller,
			alloc::vec![(target.clone(), power)],
		);
		if counts != EpochCounts::default() {
			Counts::<T>::insert(cur.id, counts);
		}
	}

	/// Adds each `(target, power)` to `caller`'s edge list in `epoch`: an edge it has grows; a
	/// new edge is appended if the bounds allow and admission lets it in. `counts` is the
	/// epoch's, written by the caller of this function, and `quota` its `max_edges_per_caller`.
	/// Past `MaxEdges` a new edge is dropped and counted; if it is the epoch's first dropped
	/// charge (the count includes a full buffer's drops) it is announced
	/// ([`Event::EdgeLimitReached`]). A new edge whose caller already has `quota` edges, or whose
	/// target does not exist ([`Config::Accounts`], read last: the only read admission costs), is
	/// refused and counted. The list is read once and written once if it changed; returns how
	/// many edges it held before (what decoding it cost).
	pub(crate) fn record_edges(
		epoch: EpochId,
		quota: u32,
		counts: &mut EpochCounts,
		caller: &T::AccountId,
		targets: Vec<(T::AccountId, PowerUnits)>,
	) -> u32 {
		let mut list = CallerEdges::<T>::get(epoch, caller).unwrap_or_default();
		let held = u32::try_from(list.len()).unwrap_or(u32::MAX);
		let mut changed = false;
		for (target, power) in targets {
			if *caller == target || power.is_zero() {
				continue;
			}
			if let Some(edge) = list.iter_mut().find(|(t, _)| *t == target) {
				edge.1 = edge.1.saturating_add(power);
				changed = true;
				continue;
			}
			if counts.edges >= T::MaxEdges::get() {
				if counts.dropped.is_zero() {
					Self::deposit_event(Event::EdgeLimitReached { epoch });
				}
				counts.dropped = counts.dropped.saturating_add(1);
				continue;
			}
			let room = list.len() < quota as usize;
			if !room || !T::Accounts::exists(&target) || list.try_push((target, power)).is_err() {
				counts.refused = counts.refused.saturating_add(1);
				continue;
			}
			counts.edges = counts.edges.saturating_add(1);
			changed = true;
		}
		if changed {
			if held.is_zero() {
				counts.callers = counts.callers.saturating_add(1);
			}
			CallerEdges::<T>::insert(epoch, caller, list);
		}
		held
	}
}
