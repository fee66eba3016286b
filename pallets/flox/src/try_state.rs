//! Flox's invariants, checked after every test and by try-runtime (`do_try_state`). Each
//! `check_*` lists the invariants it checks; each error starts with the invariant's number.
//!
//! 1. The stored parameters, the current epoch's and the queued epochs' are valid.
//! 2. Every epoch holds at most `MaxEdges` edges, and no caller more than the epoch's
//!    `max_edges_per_caller` edges.
//! 3. Each epoch's counters match its edge lists, and its dense indices what the collect phase
//!    made so far (except while the epoch is being cleaned).
//! 4. Only the current, queued and ranking epochs hold data; the queue is in order.
//! 5. Points credited in an epoch never exceed its budget `contracts_ratio + eoas_ratio`.
//! 6. The points ledger holds exactly what the epochs credited.
//! 7. The stored graph and ranker decode, and exist only while ranking; results only while
//!    writing.
//! 8. The charge buffer holds no self-interaction nor zero charge, its counter is its length,
//!    and it drops charges only once it is full.
//! 9. Ranks are kept only for accounts that earned points (every [`Ranks`] entry has
//!    [`Points`]): an account that earned nothing leaves nothing behind.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use codec::Decode;
use flox_rank::{Graph, Ranker};
use frame_support::{ensure, traits::Get};
use sp_arithmetic::traits::Zero;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks Flox's invariants (run after every test and by try-runtime).
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_params()?;
		Self::check_epochs()?;
		Self::check_points()?;
		Self::check_computation()?;
		Self::check_buffer()?;
		Self::check_ranks()
	}

	/// 1. The stored parameters, the current epoch's and the queued epochs' are valid.
	fn check_params() -> Result<(), TryRuntimeError> {
		ensure!(Self::validate_params(&Params::<T>::get()).is_ok(), "1: invalid parameters");
		ensure!(
			Self::validate_params(&Current::<T>::get().params).is_ok(),
			"1: invalid epoch parameters"
		);
		for f in Queue::<T>::get() {
			ensure!(Self::validate_params(&f.params).is_ok(), "1: invalid queued parameters");
		}
		Ok(())
	}

	/// 2. Every epoch holds at most `MaxEdges` edges, and no caller more than its
	///    `max_edges_per_caller` edges.
	/// 3. Its counters match its edge lists (callers, edges; no empty list, no self-interaction,
	///    no target twice in a list), and its indices are what the collect phase made so far
	///    (each index both ways; none before collection), except for the epoch being cleaned.
	/// 4. Epochs with data are the current one, the queued ones and the one being ranked (and no
	///    list or index outlives its epoch's counters); the queue is in increasing order, before
	///    the current epoch and after the one being ranked.
	fn check_epochs() -> Result<(), TryRuntimeError> {
		let current = Current::<T>::get();
		let cur = current.id;
		let ongoing = Ongoing::<T>::get();
		let queue = Queue::<T>::get();
		let mut prev = ongoing.map(|c| c.epoch);
		for f in queue.iter() {
			ensure!(prev.is_none_or(|p| p < f.epoch), "4: queue out of order");
			ensure!(f.epoch < cur, "4: queued epoch not before the current one");
			prev = Some(f.epoch);
		}
		// No epoch's lists or indices outlive its counters (what cleaning removes last).
		let orphan = |e: EpochId| !Counts::<T>::contains_key(e);
		ensure!(
			!CallerEdges::<T>::iter_keys().any(|(e, _)| orphan(e))
				&& !TargetIndex::<T>::iter_keys().any(|(e, _)| orphan(e))
				&& !Targets::<T>::iter_keys().any(|(e, _)| orphan(e))
				&& !Callers::<T>::iter_keys().any(|(e, _)| orphan(e)),
			"4: data of an epoch without counters"
		);
		for (epoch, stored) in Counts::<T>::iter() {
			ensure!(stored.edges <= T::MaxEdges::get(), "2: too many edges");
			let comp = ongoing.filter(|c| c.epoch == epoch);
			ensure!(
				epoch == cur || comp.is_some() || queue.iter().any(|f| f.epoch == epoch),
				"4: data of an epoch neither current, queued nor ranking"
			);
			if comp.is_some_and(|c| matches!(c.stage, Stage::Clean { .. })) {
				continue;
			}
			// The parameters the epoch recorded with: its own snapshot.
			let params = if epoch == cur {
				Some(current.params)
			} else if let Some(c) = comp {
				Some(c.params)
			} else {
				queue.iter().find(|f| f.epoch == epoch).map(|f| f.params)
			};
			Self::check_edge_lists(epoch, &stored, params)?;
			// The computation's counters count the targets as the collect phase indexes them.
			let counts = comp.map_or(stored, |c| c.counts);
			ensure!(
				counts.edges == stored.edges && counts.callers == stored.callers,
				"3: the computation's counters differ from the epoch's"
			);
			// The input holds the edges collected so far.
			if let Some(Stage::Collect { next, .. }) = comp.map(|c| c.stage) {
				ensure!(
					Input::<T>::get().edges.len() == next.min(counts.edges) as usize,
					"3: the input does not hold the edges collected so far"
				);
			}
			let callers_indexed = match comp.map(|c| c.stage) {
				None => 0,
				Some(Stage::Collect { next, caller, done }) if next < counts.edges => {
					caller.saturating_add(u32::from(done > 0))
				},
				Some(_) => counts.callers,
			};
			Self::check_indices(epoch, counts.targets, callers_indexed)?;
		}
		Ok(())
	}

	/// 2 and 3 for the edge lists of `epoch`.
	fn check_edge_lists(
		epoch: EpochId,
		counts: &EpochCounts,
		params: Option<FloxParams>,
	) -> Result<(), TryRuntimeError> {
		let (mut callers, mut edges) = (0u32, 0u32);
		for (caller, list) in CallerEdges::<T>::iter_prefix(epoch) {
			ensure!(!list.is_empty(), "3: an empty edge list is stored");
			let len = u32::try_from(list.len()).unwrap_or(u32::MAX);
			ensure!(
				params.is_none_or(|p| len <= p.max_edges_per_caller),
				"2: a caller has more edges than its epoch allows"
			);
			let mut targets: Vec<&T::AccountId> = list.iter().map(|(t, _)| t).collect();
			ensure!(targets.iter().all(|t| **t != caller), "3: a self-interaction is an edge");
			targets.sort();
			targets.dedup();
			ensure!(targets.len() == list.len(), "3: a target appears twice in a list");
			callers = callers.saturating_add(1);
			edges = edges.saturating_add(len);
		}
		ensure!(callers == counts.callers, "3: caller count");
		ensure!(edges == counts.edges, "3: edge count");
		Ok(())
	}

	/// 3 for the dense indices of `epoch`: `targets` targets and `callers` callers indexed, each
	/// index both ways, each caller one with an edge list.
	fn check_indices(epoch: EpochId, targets: u32, callers: u32) -> Result<(), TryRuntimeError> {
		let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
		ensure!(n(Targets::<T>::iter_prefix(epoch).count()) == targets, "3: targets");
		ensure!(n(TargetIndex::<T>::iter_prefix(epoch).count()) == targets, "3: target indices");
		for (who, i) in TargetIndex::<T>::iter_prefix(epoch) {
			ensure!(Targets::<T>::get(epoch, i) == Some(who), "3: target index");
		}
		ensure!(n(Callers::<T>::iter_prefix(epoch).count()) == callers, "3: callers");
		for (i, who) in Callers::<T>::iter_prefix(epoch) {
			ensure!(i < callers, "3: caller index");
			ensure!(
				CallerEdges::<T>::contains_key(epoch, who),
				"3: an indexed caller has no edges"
			);
		}
		Ok(())
	}

	/// 5. Points credited in an epoch never exceed its budget (nor a role's ratio).
	/// 6. The ledger holds exactly what the epochs credited.
	fn check_points() -> Result<(), TryRuntimeError> {
		let mut credited: u128 = 0;
		for (_, p) in Credited::<T>::iter() {
			let sum = p.to_targets.checked_add(p.to_callers).ok_or("5: credited overflows")?;
			ensure!(sum <= p.budget, "5: an epoch credited more than its budget");
			credited = credited.saturating_add(sum);
		}
		let held = Points::<T>::iter_values().fold(0u128, |a, x| a.saturating_add(x));
		ensure!(held == credited, "6: points ledger differs from what epochs credited");
		Ok(())
	}

	/// 7. The stored graph and ranker decode when present, and only while ranking; the results
	///    only while writing, one rank per account.
	fn check_computation() -> Result<(), TryRuntimeError> {
		let stage = Ongoing::<T>::get().map(|c| (c.stage, c.counts));
		let ranking = matches!(stage, Some((Stage::Rank { .. }, _)));
		ensure!(GraphState::<T>::exists() == ranking, "7: graph stored outside ranking");
		ensure!(RankerState::<T>::exists() == ranking, "7: ranker stored outside ranking");
		if let Some(g) = GraphState::<T>::get() {
			ensure!(Graph::decode(&mut g.as_slice()).is_ok(), "7: graph does not decode");
		}
		if let Some(r) = RankerState::<T>::get() {
			ensure!(Ranker::decode(&mut r.as_slice()).is_ok(), "7: ranker does not decode");
		}
		match (stage, Results::<T>::get()) {
			(Some((Stage::Write { .. }, c)), Some(r)) => ensure!(
				r.targets.len() == c.targets as usize && r.callers.len() == c.callers as usize,
				"7: results do not match the epoch"
			),
			(_, None) => {},
			_ => return Err("7: results stored outside writing".into()),
		}
		Ok(())
	}

	/// 8. The charge buffer holds no self-interaction nor zero charge, its counter is its length,
	///    and it drops charges only once it is full.
	fn check_buffer() -> Result<(), TryRuntimeError> {
		let pending = Pending::<T>::get();
		ensure!(
			pending.iter().all(|c| c.payer != c.counterparty && !c.power.is_zero()),
			"8: a self-interaction or a zero charge is buffered"
		);
		ensure!(
			pending.len() == PendingLen::<T>::get() as usize,
			"8: the buffer's counter differs from its length"
		);
		let full = pending.len() == T::MaxPendingCharges::get() as usize;
		ensure!(
			full || PendingDropped::<T>::get().is_zero(),
			"8: charges dropped before the buffer was full"
		);
		Ok(())
	}

	/// 9. Every [`Ranks`] entry belongs to an account that earned points.
	fn check_ranks() -> Result<(), TryRuntimeError> {
		for (who, r) in Ranks::<T>::iter() {
			ensure!(
				!Points::<T>::get(&who).is_zero(),
				"9: ranks kept for an account without points"
			);
			ensure!(r.target != 0 || r.caller != 0, "9: ranks kept that earned no point");
		}
		Ok(())
	}
}
