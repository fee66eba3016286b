//! Flox's hooks. `on_initialize` folds the last block's charges (`recording.rs`) and then rolls
//! the epoch over once it has lasted its length (O(1)); `on_idle` drives the ranking of the
//! frozen epochs, turning the weight the block leaves into units of each phase (`ranking.rs`)
//! with their benchmarked weights.

use crate::{math::fit, pallet::*, types::*, weights::WeightInfo};
use frame_support::{
	traits::{Get, Time},
	weights::Weight,
};
use sp_arithmetic::traits::Zero;

/// The most phase steps `on_idle` takes in one block (each is within the budget anyway).
const MAX_STEPS_PER_BLOCK: u32 = 16;

impl<T: Config> Pallet<T> {
	/// `on_initialize`: the last block's charges belong to the epoch that was recording then,
	/// so they are folded before the rollover.
	pub(crate) fn do_on_initialize() -> Weight {
		Self::fold_pending().saturating_add(Self::check_epoch())
	}

	/// `on_idle`: advances the ranking within `remaining` and the ranking's share of a block.
	pub(crate) fn do_on_idle(remaining: Weight) -> Weight {
		Self::process(Self::idle_limit(remaining))
	}

	/// The bounds and the default parameters are usable.
	pub(crate) fn do_integrity_test() {
		assert!(T::MaxEdges::get() > 0, "MaxEdges must be above zero");
		assert!(T::MaxPendingCharges::get() > 0, "MaxPendingCharges must be above zero");
		let bound = u64::from(T::MaxEdges::get())
			.saturating_mul(24)
			.saturating_add(u64::from(T::MaxEdges::get()).saturating_mul(40))
			.saturating_add(128);
		assert!(bound <= u64::from(u32::MAX), "the graph's byte bound must fit u32");
		assert!(
			Self::validate_params(&DefaultParams::get()).is_ok(),
			"the default parameters must be valid (the ranking's share must hold its dearest step)"
		);
	}

	/// The rollover: freezes the current epoch once it has lasted its length (O(1)), queues it
	/// for ranking if it has edges, and starts the next with a snapshot of the parameters.
	pub(crate) fn check_epoch() -> Weight {
		let now = T::Time::now();
		let mut cur = Current::<T>::get();
		if cur.start.is_zero() {
			if !now.is_zero() {
				cur.start = now;
				Current::<T>::put(cur);
			}
			return T::WeightInfo::epoch_rollover();
		}
		if now < cur.start.saturating_add(cur.params.epoch_length) {
			return T::WeightInfo::epoch_check();
		}
		let counts = Counts::<T>::get(cur.id);
		let queued = !counts.edges.is_zero();
		if queued {
			let mut queue = Queue::<T>::get();
			if queue.try_push(FrozenEpoch { epoch: cur.id, params: cur.params }).is_err() {
				// Ranking lags: keep recording into this epoch until a place frees.
				return T::WeightInfo::epoch_rollover();
			}
			Queue::<T>::put(queue);
		} else {
			Counts::<T>::remove(cur.id);
		}
		let next = cur.id.saturating_add(1);
		Current::<T>::put(CurrentEpochInfo { id: next, start: now, params: Params::<T>::get() });
		Self::deposit_event(Event::EpochFrozen {
			epoch: cur.id,
			edges: counts.edges,
			callers: counts.callers,
			dropped: counts.dropped,
			refused: counts.refused,
			queued,
			next,
		});
		T::WeightInfo::epoch_rollover()
	}

	/// The most `on_idle` may use: what it is given, and at most `max_step_weight` of a block,
	/// less the read of the parameters that tells the share.
	pub fn idle_limit(remaining: Weight) -> Weight {
		let cap = Self::share_of_block(Params::<T>::get().max_step_weight);
		remaining.min(cap).saturating_sub(T::DbWeight::get().reads(1))
	}

	/// Advances the ranking as far as `limit` allows; returns the weight used (≤ `limit`).
	pub fn process(limit: Weight) -> Weight {
		let mut used = Weight::zero();
		for _ in 0..MAX_STEPS_PER_BLOCK {
			let (w, progressed) = Self::advance(limit.saturating_sub(used));
			used = used.saturating_add(w);
			if !progressed {
				break;
			}
		}
		used
	}

	/// One phase step within `left`: the weight used and whether it progressed.
	fn advance(left: Weight) -> (Weight, bool) {
		let db = T::DbWeight::get();
		// Starting a computation: the queue, the computation and the counts read; the queue,
		// the computation and the input written.
		let probe = db.reads_writes(3, 3);
		if !probe.all_lte(left) {
			return (Weight::zero(), false);
		}
		let Some(comp) = Ongoing::<T>::get() else {
			return if Self::start_next() { (probe, true) } else { (db.reads(2), false) };
		};
		let waiting = (db.reads(1), false);
		let counts = comp.counts;
		match comp.stage {
			Stage::Collect { next, .. } => {
				// Edges first (their units make the indices), then the cheaper boosts; a chunk
				// that ends the edges and starts the boosts is priced as edges.
				let (f, rem): (fn(u32) -> Weight, u32) = if next < counts.edges {
					(T::WeightInfo::collect, counts.edges.saturating_sub(next))
				} else {
					(T::WeightInfo::collect_boosts, counts.units().saturating_sub(next))
				};
				let Some(n) = fit(left, f, rem.into()) else { return waiting };
				Self::collect(comp, n);
				(f(n), true)
			},
			Stage::Build => {
				let w = T::WeightInfo::build(counts.edges, counts.accounts());
				if !w.all_lte(left) {
					return waiting;
				}
				Self::build(comp);
				(w, true)
			},
			Stage::Rank { .. } => {
				let e = counts.edges;
				// The step that finishes also hashes the ranks (linear in the accounts, below
				// the graph's decoding, which `e` covers) and writes the results, the points
				// budget and the computation, and removes the graph and the ranker.
				let f = |w| T::WeightInfo::rank_step(e, w).saturating_add(db.writes(5));
				let Some(n) = fit(left, f, u64::from(u32::MAX)) else { return waiting };
				let done = Self::rank(comp, n);
				(f(u32::try_from(done).unwrap_or(n)), true)
			},
			Stage::Write { next } => {
				let rem = counts.accounts().saturating_sub(next);
				let Some(n) = fit(left, T::WeightInfo::write, rem.into()) else { return waiting };
				Self::write(comp, n);
				// The block that announces a ranking ends the ranking work: its state still
				// holds the epoch's edges and boosts, for whoever checks the digest.
				let announced =
					Ongoing::<T>::get().is_some_and(|c| matches!(c.stage, Stage::Clean { .. }));
				(T::WeightInfo::write(n), !announced)
			},
			Stage::Clean { next } => {
				let rem = counts.accounts().saturating_sub(next);
				let Some(n) = fit(left, T::WeightInfo::clean, rem.into()) else { return waiting };
				Self::clean(comp, n);
				(T::WeightInfo::clean(n), true)
			},
		}
	}
}
