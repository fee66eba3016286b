//! Flox's invariants, checked after every test and by try-runtime (`do_try_state`). Each
//! `check_*` lists the invariants it checks; each error starts with the invariant's number.
//!
//! 1. The stored parameters, the current epoch's and the queued epochs' are valid.
//! 2. Every epoch holds at most `MaxEdges` edges and `MaxAccounts` accounts a role, and no caller
//!    more than the epoch's `max_edges_per_caller` edges.
//! 3. Each epoch's counters match its maps, and each caller's edge count its edges (except while
//!    the epoch is being cleaned).
//! 4. Only the current, queued and ranking epochs hold data; the queue is in order.
//! 5. Points credited in an epoch never exceed its budget `contracts_ratio + eoas_ratio`.
//! 6. The points ledger holds exactly what the epochs credited.
//! 7. The stored graph and ranker decode, and exist only while ranking; results only while
//!    writing.
//! 8. The charge buffer holds no self-interaction nor zero charge, and drops charges only once
//!    it is full.
//! 9. Ranks are kept only for accounts that earned points (every [`Ranks`] entry has
//!    [`Points`]): an account that earned nothing leaves nothing behind.

use crate::{pallet::*, types::*};
use alloc::collections::BTreeMap;
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

	/// 2. Every epoch holds at most `MaxEdges` edges and `MaxAccounts` accounts a role, and no
	///    caller more than its `max_edges_per_caller` edges.
	/// 3. Its counters match its maps (index ↔ account both ways, edge ↔ pair, each caller's
	///    edge count), except for the epoch being cleaned.
	/// 4. Epochs with data are the current one, the queued ones and the one being ranked; the
	///    queue is in increasing order, before the current epoch and after the one being ranked.
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
		for (epoch, counts) in Counts::<T>::iter() {
			ensure!(counts.edges <= T::MaxEdges::get(), "2: too many edges");
			ensure!(
				counts.targets <= T::MaxAccounts::get() && counts.callers <= T::MaxAccounts::get(),
				"2: too many accounts"
			);
			let is_ongoing = ongoing.is_some_and(|c| c.epoch == epoch);
			ensure!(
				epoch == cur || is_ongoing || queue.iter().any(|f| f.epoch == epoch),
				"4: data of an epoch neither current, queued nor ranking"
			);
			if ongoing.is_some_and(|c| c.epoch == epoch && matches!(c.stage, Stage::Clean { .. })) {
				continue;
			}
			// The parameters the epoch recorded with: its own snapshot.
			let params = if epoch == cur {
				Some(current.params)
			} else if let Some(c) = ongoing.filter(|c| c.epoch == epoch) {
				Some(c.params)
			} else {
				queue.iter().find(|f| f.epoch == epoch).map(|f| f.params)
			};
			let mut per_caller: BTreeMap<u32, u32> = BTreeMap::new();
			let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
			ensure!(n(Edges::<T>::iter_prefix(epoch).count()) == counts.edges, "3: edge count");
			ensure!(n(EdgeOf::<T>::iter_prefix(epoch).count()) == counts.edges, "3: pair count");
			for (i, e) in Edges::<T>::iter_prefix(epoch) {
				ensure!(EdgeOf::<T>::get(epoch, (e.target, e.caller)) == Some(i), "3: edge pair");
				ensure!(e.target < counts.targets && e.caller < counts.callers, "3: edge index");
				let k = per_caller.entry(e.caller).or_default();
				*k = k.saturating_add(1);
			}
			ensure!(n(Targets::<T>::iter_prefix(epoch).count()) == counts.targets, "3: targets");
			ensure!(n(Callers::<T>::iter_prefix(epoch).count()) == counts.callers, "3: callers");
			for (who, i) in TargetIndex::<T>::iter_prefix(epoch) {
				ensure!(Targets::<T>::get(epoch, i) == Some(who), "3: target index");
			}
			for (who, c) in CallerIndex::<T>::iter_prefix(epoch) {
				ensure!(Callers::<T>::get(epoch, c.index) == Some(who), "3: caller index");
				let edges = per_caller.get(&c.index).copied().unwrap_or(0);
				ensure!(c.edges == edges, "3: a caller's edge count differs from its edges");
				ensure!(
					params.is_none_or(|p| c.edges <= p.max_edges_per_caller),
					"2: a caller has more edges than its epoch allows"
				);
			}
			ensure!(
				n(TargetIndex::<T>::iter_prefix(epoch).count()) == counts.targets
					&& n(CallerIndex::<T>::iter_prefix(epoch).count()) == counts.callers,
				"3: index count"
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

	/// 8. The charge buffer holds no self-interaction nor zero charge, and drops charges only
	///    once it is full.
	fn check_buffer() -> Result<(), TryRuntimeError> {
		let pending = Pending::<T>::get();
		ensure!(
			pending.iter().all(|c| c.payer != c.counterparty && !c.power.is_zero()),
			"8: a self-interaction or a zero charge is buffered"
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
