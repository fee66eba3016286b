//! Recording: a charge is noted in the block's buffer ([`Pending`], one append), and the next
//! block's `on_initialize` folds the buffer into the current epoch's edges, within the bounds and
//! the admission rules (an existing target, a caller within its `max_edges_per_caller`).

use crate::{math::sum_by_pair, pallet::*, traits::AccountExists, types::*, weights::WeightInfo};
use fluxomics_primitives::PowerUnits;
use frame_support::{traits::Get, weights::Weight};
use sp_arithmetic::traits::Zero;

impl<T: Config> Pallet<T> {
	/// Notes a charge for the next block's fold: one append to a key every block touches, so
	/// that the transaction extension stays cheap. A full buffer drops the charge and counts it
	/// (the buffer is first-come within a block: see `docs/security.md`, Flox admission).
	pub(crate) fn note_charge(
		payer: &T::AccountId,
		counterparty: &T::AccountId,
		power: PowerUnits,
	) {
		if payer == counterparty || power.is_zero() {
			return;
		}
		let charge =
			PendingCharge { payer: payer.clone(), counterparty: counterparty.clone(), power };
		if Pending::<T>::try_append(charge).is_err() {
			PendingDropped::<T>::mutate(|d| *d = d.saturating_add(1));
		}
	}

	/// Folds the last block's charges into the current epoch's edges, the charges of one
	/// `(caller, target)` pair summed first (in order of first appearance), and counts the
	/// charges the buffer dropped. Reads and clears the buffer in every block.
	pub(crate) fn fold_pending() -> Weight {
		let charges = Pending::<T>::take();
		let dropped = PendingDropped::<T>::take();
		let db = T::DbWeight::get();
		// The buffer and its drop counter are whitelisted: this is where they are paid for.
		let buffer = db.reads_writes(2, 2);
		if charges.is_empty() && dropped.is_zero() {
			return buffer;
		}
		let n = u32::try_from(charges.len()).unwrap_or(u32::MAX);
		let cur = Current::<T>::get();
		let (epoch, quota) = (cur.id, cur.params.max_edges_per_caller);
		let mut counts = Counts::<T>::get(epoch);
		let before = counts;
		for (caller, target, power) in sum_by_pair(charges.into_inner()) {
			Self::record_edge(epoch, quota, &mut counts, &caller, &target, power);
		}
		if !dropped.is_zero() {
			counts.dropped = counts.dropped.saturating_add(dropped);
			Self::deposit_event(Event::ChargesDropped { epoch, count: dropped });
		}
		if counts != before {
			Counts::<T>::insert(epoch, counts);
		}
		T::WeightInfo::fold(n).saturating_add(buffer)
	}

	/// Records one charge in the current epoch at once, as a fold of it alone would (the
	/// benchmarks' set-up).
	#[cfg(feature = "runtime-benchmarks")]
	pub(crate) fn record_now(caller: &T::AccountId, target: &T::AccountId, power: PowerUnits) {
		let cur = Current::<T>::get();
		let mut counts = Counts::<T>::get(cur.id);
		let quota = cur.params.max_edges_per_caller;
		Self::record_edge(cur.id, quota, &mut counts, caller, target, power);
		if counts != EpochCounts::default() {
			Counts::<T>::insert(cur.id, counts);
		}
	}

	/// Adds `power` to `epoch`'s edge `(target, caller)`, making the edge (and indices) if it is
	/// new, the bounds allow and admission lets it in; `counts` is the epoch's, written by the
	/// caller, and `quota` its `max_edges_per_caller`. Past a bound a new edge is dropped and
	/// counted; if it is the epoch's first dropped charge (the count includes a full buffer's
	/// drops) it is announced ([`Event::EdgeLimitReached`]). A new edge whose caller already has
	/// `quota` edges, or whose target is new and does not exist ([`Config::Accounts`], read last:
	/// the only read admission costs), is refused and counted.
	pub(crate) fn record_edge(
		epoch: EpochId,
		quota: u32,
		counts: &mut EpochCounts,
		caller: &T::AccountId,
		target: &T::AccountId,
		power: PowerUnits,
	) {
		if caller == target || power.is_zero() {
			return;
		}
		let t = TargetIndex::<T>::get(epoch, target);
		let c = CallerIndex::<T>::get(epoch, caller);
		if let (Some(t), Some(c)) = (t, c) {
			if let Some(e) = EdgeOf::<T>::get(epoch, (t, c.index)) {
				Edges::<T>::mutate(epoch, e, |edge| {
					if let Some(edge) = edge {
						edge.gas = edge.gas.saturating_add(power);
					}
				});
				return;
			}
		}
		let full = counts.edges >= T::MaxEdges::get()
			|| (t.is_none() && counts.targets >= T::MaxAccounts::get())
			|| (c.is_none() && counts.callers >= T::MaxAccounts::get());
		if full {
			if counts.dropped.is_zero() {
				Self::deposit_event(Event::EdgeLimitReached { epoch });
			}
			counts.dropped = counts.dropped.saturating_add(1);
			return;
		}
		let admitted =
			c.is_none_or(|c| c.edges < quota) && (t.is_some() || T::Accounts::exists(target));
		if !admitted {
			counts.refused = counts.refused.saturating_add(1);
			return;
		}
		let t = t.unwrap_or_else(|| {
			let i = counts.targets;
			TargetIndex::<T>::insert(epoch, target, i);
			Targets::<T>::insert(epoch, i, target);
			counts.targets = i.saturating_add(1);
			i
		});
		let mut entry = c.unwrap_or_else(|| {
			let i = counts.callers;
			Callers::<T>::insert(epoch, i, caller);
			counts.callers = i.saturating_add(1);
			CallerEntry { index: i, edges: 0 }
		});
		entry.edges = entry.edges.saturating_add(1);
		CallerIndex::<T>::insert(epoch, caller, entry);
		let e = counts.edges;
		Edges::<T>::insert(epoch, e, Edge { target: t, caller: entry.index, gas: power });
		EdgeOf::<T>::insert(epoch, (t, entry.index), e);
		counts.edges = e.saturating_add(1);
	}
}
