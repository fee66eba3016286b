//! Flox's logic: recording, epochs, the ranking phases, the API helpers and the invariants.

use crate::{pallet::*, types::*, weights::WeightInfo};
use alloc::{collections::BTreeMap, vec::Vec};
use codec::{Decode, Encode};
use flox_rank::{Graph, Ranker, ONE};
use fluxomics_primitives::{
	FloxEpochStatus, FloxProgress, FloxRanks, OnPowerCharged, PowerUnits, StakeInfo,
};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{Get, Time},
	weights::Weight,
};
use sp_arithmetic::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{Bounded, One, Saturating, Zero},
	FixedPointNumber, FixedU128, Rounding,
};

/// The most phase steps `on_idle` takes in one block (each is within the budget anyway).
const MAX_STEPS_PER_BLOCK: u32 = 16;

impl<T: Config> OnPowerCharged<T::AccountId> for Pallet<T> {
	fn on_power_charged(payer: &T::AccountId, counterparty: &T::AccountId, power: PowerUnits) {
		Self::note_charge(payer, counterparty, power)
	}

	fn weight() -> Weight {
		T::WeightInfo::record()
	}
}

/// `⌊rank · ratio⌋` with `rank` in units of 2⁻⁶⁰: at most `ratio` since `rank ≤ ONE`.
pub fn points(rank: u64, ratio: u128) -> u128 {
	multiply_by_rational_with_rounding(ratio, u128::from(rank), u128::from(ONE), Rounding::Down)
		.unwrap_or(0)
		.min(ratio)
}

/// How many units of `per` fit in `left` after `base` (`None` if `base` does not fit).
fn units_within(left: Weight, base: Weight, per: Weight) -> Option<u64> {
	if !base.all_lte(left) {
		return None;
	}
	let rem = left.saturating_sub(base);
	let by = |r: u64, p: u64| r.checked_div(p).unwrap_or(u64::MAX);
	Some(by(rem.ref_time(), per.ref_time()).min(by(rem.proof_size(), per.proof_size())))
}

/// Units of a linear weight function `f` that fit in `left`, at most `remaining`; `None` if not
/// even one (or, with nothing remaining, the base) fits.
fn fit(left: Weight, f: impl Fn(u32) -> Weight, remaining: u64) -> Option<u32> {
	let base = f(0);
	let per = f(1).saturating_sub(base);
	let n = units_within(left, base, per)?.min(remaining).min(u64::from(u32::MAX));
	if n == 0 && remaining > 0 {
		return None;
	}
	u32::try_from(n).ok()
}

/// The charges' `(caller, target, power)` with the power of each pair summed, the pairs in the
/// order they first appear.
pub(crate) fn sum_by_pair<A: Ord + Clone>(
	charges: Vec<PendingCharge<A>>,
) -> Vec<(A, A, PowerUnits)> {
	let mut first: BTreeMap<(A, A), usize> = BTreeMap::new();
	let mut out: Vec<(A, A, PowerUnits)> = Vec::with_capacity(charges.len());
	for ch in charges {
		let key = (ch.payer, ch.counterparty);
		match first.get(&key).and_then(|&i| out.get_mut(i)) {
			Some(entry) => entry.2 = entry.2.saturating_add(ch.power),
			None => {
				first.insert(key.clone(), out.len());
				out.push((key.0, key.1, ch.power));
			},
		}
	}
	out
}

impl<T: Config> Pallet<T> {
	// ---------------------------------------------------------------- governance

	/// Checks a parameter set.
	pub fn validate_params(p: &FloxParams) -> DispatchResult {
		ensure!(!p.epoch_length.is_zero(), Error::<T>::ZeroEpochLength);
		ensure!(!p.max_iterations.is_zero(), Error::<T>::ZeroMaxIterations);
		ensure!(!p.boost_stake_unit.is_zero(), Error::<T>::ZeroBoostStakeUnit);
		ensure!(p.boost_cap >= FixedU128::one(), Error::<T>::BoostCapBelowOne);
		ensure!(!p.max_step_weight.is_zero(), Error::<T>::ZeroStepWeight);
		ensure!(
			Self::largest_step().all_lte(Self::share_of_block(p.max_step_weight)),
			Error::<T>::StepWeightTooSmall
		);
		Ok(())
	}

	/// `share` of a block's weight.
	fn share_of_block(share: sp_arithmetic::Perbill) -> Weight {
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

	pub(crate) fn do_set_params(params: FloxParams) -> DispatchResult {
		Self::validate_params(&params)?;
		let old = Params::<T>::get();
		Params::<T>::put(params);
		Self::deposit_event(Event::ParamsSet { old, new: params });
		Ok(())
	}

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

	/// `who`'s boost under `p`: `tier · min(1 + staked / boost_stake_unit, boost_cap)`, as the
	/// inner value of a `FixedU128` (10¹⁸ is a boost of one).
	pub fn boost(who: &T::AccountId, p: &FloxParams) -> u128 {
		let staked = T::Stake::staked(who);
		let factor = FixedU128::checked_from_rational(staked, p.boost_stake_unit)
			.unwrap_or_else(FixedU128::max_value)
			.saturating_add(FixedU128::one())
			.min(p.boost_cap);
		let tier = TierWeights::<T>::get(who).unwrap_or_else(FixedU128::one);
		tier.saturating_mul(factor).into_inner()
	}

	// ---------------------------------------------------------------- recording

	/// Notes a charge for the next block's fold: one append to a key every block touches, so
	/// that the transaction extension stays cheap. A full buffer drops the charge and counts it.
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

	/// `on_initialize`: folds the last block's charges into the current epoch's edges, the
	/// charges of one `(caller, target)` pair summed first (in order of first appearance), and
	/// counts the charges the buffer dropped. Reads and clears the buffer in every block.
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
		let epoch = Current::<T>::get().id;
		let mut counts = Counts::<T>::get(epoch);
		let before = counts;
		for (caller, target, power) in sum_by_pair(charges.into_inner()) {
			Self::record_edge(epoch, &mut counts, &caller, &target, power);
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
		let epoch = Current::<T>::get().id;
		let mut counts = Counts::<T>::get(epoch);
		Self::record_edge(epoch, &mut counts, caller, target, power);
		if counts != EpochCounts::default() {
			Counts::<T>::insert(epoch, counts);
		}
	}

	/// Adds `power` to `epoch`'s edge `(target, caller)`, making the edge (and indices) if it is
	/// new and the bounds allow; `counts` is the epoch's, written by the caller.
	pub(crate) fn record_edge(
		epoch: EpochId,
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
			if let Some(e) = EdgeOf::<T>::get(epoch, (t, c)) {
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
				Self::deposit_event(Event::EdgesFull { epoch });
			}
			counts.dropped = counts.dropped.saturating_add(1);
			return;
		}
		let t = t.unwrap_or_else(|| {
			let i = counts.targets;
			TargetIndex::<T>::insert(epoch, target, i);
			Targets::<T>::insert(epoch, i, target);
			counts.targets = i.saturating_add(1);
			i
		});
		let c = c.unwrap_or_else(|| {
			let i = counts.callers;
			CallerIndex::<T>::insert(epoch, caller, i);
			Callers::<T>::insert(epoch, i, caller);
			counts.callers = i.saturating_add(1);
			i
		});
		let e = counts.edges;
		Edges::<T>::insert(epoch, e, Edge { target: t, caller: c, gas: power });
		EdgeOf::<T>::insert(epoch, (t, c), e);
		counts.edges = e.saturating_add(1);
	}

	// ---------------------------------------------------------------- epochs

	/// `on_initialize`: freezes the current epoch once it has lasted its length (O(1)).
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
			targets: counts.targets,
			callers: counts.callers,
			dropped: counts.dropped,
			queued,
			next,
		});
		T::WeightInfo::epoch_rollover()
	}

	// ---------------------------------------------------------------- ranking

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
			let queue = Queue::<T>::get();
			let Some(frozen) = queue.first().copied() else {
				return (db.reads(2), false);
			};
			let rest: Vec<FrozenEpoch> = queue.into_iter().skip(1).collect();
			Queue::<T>::put(BoundedVec::truncate_from(rest));
			Ongoing::<T>::put(Computation {
				epoch: frozen.epoch,
				params: frozen.params,
				counts: Counts::<T>::get(frozen.epoch),
				stage: Stage::Collect { next: 0 },
				outcome: None,
			});
			Input::<T>::kill();
			Self::deposit_event(Event::RankingStarted { epoch: frozen.epoch });
			return (probe, true);
		};
		let waiting = (db.reads(1), false);
		let counts = comp.counts;
		match comp.stage {
			Stage::Collect { next } => {
				let rem = counts.units().saturating_sub(next);
				let Some(n) = fit(left, T::WeightInfo::collect, rem.into()) else { return waiting };
				Self::collect(comp, n);
				(T::WeightInfo::collect(n), true)
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
				let rem = counts.units().saturating_sub(next);
				let Some(n) = fit(left, T::WeightInfo::clean, rem.into()) else { return waiting };
				Self::clean(comp, n);
				(T::WeightInfo::clean(n), true)
			},
		}
	}

	/// Gives up ranking `comp`: no points, its data is cleaned.
	fn fail(mut comp: Computation, reason: RankFailure) {
		log::warn!(target: crate::LOG_TARGET, "epoch {} not ranked: {:?}", comp.epoch, reason);
		GraphState::<T>::kill();
		RankerState::<T>::kill();
		Results::<T>::kill();
		comp.outcome = None;
		comp.stage = Stage::Clean { next: 0 };
		Ongoing::<T>::put(comp);
		Self::deposit_event(Event::RankingFailed { epoch: comp.epoch, reason });
	}

	/// Collect phase: `n` units of edges, then target boosts, then caller boosts, into [`Input`].
	pub(crate) fn collect(mut comp: Computation, n: u32) {
		let Stage::Collect { mut next } = comp.stage else { return };
		let counts = comp.counts;
		let epoch = comp.epoch;
		let total = counts.units();
		let end = next.saturating_add(n).min(total);
		let mut input = Input::<T>::get();
		while next < end {
			if next < counts.edges {
				if let Some(e) = Edges::<T>::get(epoch, next) {
					let _ = input.edges.try_push((e.target, e.caller, e.gas));
				}
			} else {
				let i = next.saturating_sub(counts.edges);
				let (who, boosts) = if i < counts.targets {
					(Targets::<T>::get(epoch, i), &mut input.target_boosts)
				} else {
					let i = i.saturating_sub(counts.targets);
					(Callers::<T>::get(epoch, i), &mut input.caller_boosts)
				};
				let b = who.map(|a| Self::boost(&a, &comp.params)).unwrap_or(0);
				let _ = boosts.try_push(b);
			}
			next = next.saturating_add(1);
		}
		Input::<T>::put(input);
		comp.stage = if next >= total { Stage::Build } else { Stage::Collect { next } };
		Ongoing::<T>::put(comp);
	}

	/// Build phase: the graph and a fresh ranker, stored encoded.
	pub(crate) fn build(mut comp: Computation) {
		let input = Input::<T>::get();
		let params = flox_rank::Params {
			tolerance: comp.params.tolerance,
			max_iterations: comp.params.max_iterations,
		};
		let Ok(graph) = Graph::new(&input.edges, &input.target_boosts, &input.caller_boosts) else {
			return Self::fail(comp, RankFailure::Graph);
		};
		let ranker = Ranker::new(&graph, params);
		let (Ok(g), Ok(r)) = (
			BoundedVec::<u8, GraphBytesOf<T>>::try_from(graph.encode()),
			BoundedVec::<u8, RankerBytesOf<T>>::try_from(ranker.encode()),
		) else {
			return Self::fail(comp, RankFailure::TooLarge);
		};
		GraphState::<T>::put(g);
		RankerState::<T>::put(r);
		comp.stage = Stage::Rank { work: 0 };
		Ongoing::<T>::put(comp);
	}

	/// Rank phase: at most `max_work` units of `Ranker::step`; returns the work done. When the
	/// ranking finishes, its vectors go to [`Results`] and its digest to the computation.
	pub(crate) fn rank(mut comp: Computation, max_work: u32) -> u64 {
		let Stage::Rank { work } = comp.stage else { return 0 };
		let decoded = GraphState::<T>::get()
			.and_then(|g| Graph::decode(&mut g.as_slice()).ok())
			.zip(RankerState::<T>::get().and_then(|r| Ranker::decode(&mut r.as_slice()).ok()));
		let Some((graph, mut ranker)) = decoded else {
			Self::fail(comp, RankFailure::Corrupt);
			return 0;
		};
		let Ok(out) = ranker.step(&graph, u64::from(max_work)) else {
			Self::fail(comp, RankFailure::Corrupt);
			return 0;
		};
		let work = work.saturating_add(out.work);
		match ranker.ranking() {
			Some(ranking) if out.finished => {
				let digest = sp_io::hashing::blake2_256(&ranking.canonical_bytes());
				let (Ok(targets), Ok(callers)) =
					(BoundedVec::try_from(ranking.targets), BoundedVec::try_from(ranking.callers))
				else {
					Self::fail(comp, RankFailure::TooLarge);
					return out.work;
				};
				Results::<T>::put(RankVectors { targets, callers });
				GraphState::<T>::kill();
				RankerState::<T>::kill();
				let p = comp.params;
				Credited::<T>::insert(
					comp.epoch,
					EpochPoints {
						budget: p.contracts_ratio.saturating_add(p.eoas_ratio),
						to_targets: 0,
						to_callers: 0,
					},
				);
				comp.outcome = Some(RankOutcome {
					digest,
					iterations: ranking.iterations,
					converged: ranking.converged,
				});
				comp.stage = Stage::Write { next: 0 };
			},
			_ => {
				match BoundedVec::<u8, RankerBytesOf<T>>::try_from(ranker.encode()) {
					Ok(r) => RankerState::<T>::put(r),
					Err(_) => {
						Self::fail(comp, RankFailure::TooLarge);
						return out.work;
					},
				}
				comp.stage = Stage::Rank { work };
			},
		}
		Ongoing::<T>::put(comp);
		out.work
	}

	/// Write phase: ranks and points of `n` accounts, targets then callers. The last chunk
	/// publishes the digest and announces the ranking.
	pub(crate) fn write(mut comp: Computation, n: u32) {
		let Stage::Write { mut next } = comp.stage else { return };
		let Some(results) = Results::<T>::get() else {
			return Self::fail(comp, RankFailure::Corrupt);
		};
		let (epoch, counts, p) = (comp.epoch, comp.counts, comp.params);
		let total = counts.accounts();
		let end = next.saturating_add(n).min(total);
		let mut tally = Credited::<T>::get(epoch);
		while next < end {
			let as_target = next < counts.targets;
			let (who, rank, ratio) = if as_target {
				(
					Targets::<T>::get(epoch, next),
					results.targets.get(next as usize),
					p.contracts_ratio,
				)
			} else {
				let i = next.saturating_sub(counts.targets);
				(Callers::<T>::get(epoch, i), results.callers.get(i as usize), p.eoas_ratio)
			};
			next = next.saturating_add(1);
			let (Some(who), Some(&rank)) = (who, rank) else { continue };
			let pts = points(rank, ratio);
			Ranks::<T>::mutate(&who, |r| {
				let mut entry = match r {
					Some(e) if e.epoch == epoch => *e,
					_ => AccountRanks { epoch, target: 0, caller: 0 },
				};
				if as_target {
					entry.target = rank;
				} else {
					entry.caller = rank;
				}
				*r = Some(entry);
			});
			if !pts.is_zero() {
				Points::<T>::mutate(&who, |x| *x = x.saturating_add(pts));
			}
			if as_target {
				tally.to_targets = tally.to_targets.saturating_add(pts);
			} else {
				tally.to_callers = tally.to_callers.saturating_add(pts);
			}
		}
		Credited::<T>::insert(epoch, tally);
		if next >= total {
			Results::<T>::kill();
			if let Some(o) = comp.outcome {
				Digests::<T>::insert(epoch, o.digest);
				LastRanked::<T>::put(epoch);
				Self::deposit_event(Event::EpochRanked {
					epoch,
					digest: o.digest,
					iterations: o.iterations,
					converged: o.converged,
					targets: counts.targets,
					callers: counts.callers,
					points: tally.to_targets.saturating_add(tally.to_callers),
				});
			}
			comp.stage = Stage::Clean { next: 0 };
		} else {
			comp.stage = Stage::Write { next };
		}
		Ongoing::<T>::put(comp);
	}

	/// Clean phase: removes `n` units of the epoch's edges, then targets, then callers; the
	/// last chunk ends the computation.
	pub(crate) fn clean(mut comp: Computation, n: u32) {
		let Stage::Clean { mut next } = comp.stage else { return };
		let (epoch, counts) = (comp.epoch, comp.counts);
		let total = counts.units();
		let end = next.saturating_add(n).min(total);
		while next < end {
			if next < counts.edges {
				if let Some(e) = Edges::<T>::take(epoch, next) {
					EdgeOf::<T>::remove(epoch, (e.target, e.caller));
				}
			} else {
				let i = next.saturating_sub(counts.edges);
				if i < counts.targets {
					if let Some(who) = Targets::<T>::take(epoch, i) {
						TargetIndex::<T>::remove(epoch, who);
					}
				} else if let Some(who) =
					Callers::<T>::take(epoch, i.saturating_sub(counts.targets))
				{
					CallerIndex::<T>::remove(epoch, who);
				}
			}
			next = next.saturating_add(1);
		}
		if next >= total {
			Counts::<T>::remove(epoch);
			Input::<T>::kill();
			Ongoing::<T>::kill();
			Self::deposit_event(Event::EpochCleaned { epoch });
		} else {
			comp.stage = Stage::Clean { next };
			Ongoing::<T>::put(comp);
		}
	}

	// ---------------------------------------------------------------- API helpers

	/// The current epoch, the ranking in progress and the queue.
	pub fn epoch_status() -> FloxEpochStatus {
		let cur = Current::<T>::get();
		let counts = Counts::<T>::get(cur.id);
		let ranking = Ongoing::<T>::get().map(|c| {
			let (done, total, iteration) = match c.stage {
				Stage::Collect { next } => (next.into(), c.counts.units().into(), 0),
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
					(next.into(), c.counts.units().into(), c.outcome.map_or(0, |o| o.iterations))
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

	/// `who`'s ranks in the last epoch it was ranked in, and its points.
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

	/// `epoch`'s edges `(target, caller, gas)` in recording order, while its data is kept.
	pub fn edges(epoch: EpochId) -> Vec<(T::AccountId, T::AccountId, u128)> {
		let n = Counts::<T>::get(epoch).edges;
		(0..n)
			.filter_map(|i| {
				let e = Edges::<T>::get(epoch, i)?;
				Some((
					Targets::<T>::get(epoch, e.target)?,
					Callers::<T>::get(epoch, e.caller)?,
					e.gas,
				))
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

	// ---------------------------------------------------------------- invariants

	/// Checks Flox's invariants (run after every test and by try-runtime).
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		Self::check_params()?;
		Self::check_epochs()?;
		Self::check_points()?;
		Self::check_computation()?;
		Self::check_buffer()
	}

	/// 1. The stored parameters, the current epoch's and the queued epochs' are valid.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	fn check_params() -> Result<(), sp_runtime::TryRuntimeError> {
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

	/// 2. Every epoch holds at most `MaxEdges` edges and `MaxAccounts` accounts a role.
	/// 3. Its counters match its maps (index ↔ account both ways, edge ↔ pair), except for the
	///    epoch being cleaned.
	/// 4. Epochs with data are the current one, the queued ones and the one being ranked; the
	///    queue is in increasing order, before the current epoch and after the one being ranked.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	fn check_epochs() -> Result<(), sp_runtime::TryRuntimeError> {
		let cur = Current::<T>::get().id;
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
			let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
			ensure!(n(Edges::<T>::iter_prefix(epoch).count()) == counts.edges, "3: edge count");
			ensure!(n(EdgeOf::<T>::iter_prefix(epoch).count()) == counts.edges, "3: pair count");
			for (i, e) in Edges::<T>::iter_prefix(epoch) {
				ensure!(EdgeOf::<T>::get(epoch, (e.target, e.caller)) == Some(i), "3: edge pair");
				ensure!(e.target < counts.targets && e.caller < counts.callers, "3: edge index");
			}
			ensure!(n(Targets::<T>::iter_prefix(epoch).count()) == counts.targets, "3: targets");
			ensure!(n(Callers::<T>::iter_prefix(epoch).count()) == counts.callers, "3: callers");
			for (who, i) in TargetIndex::<T>::iter_prefix(epoch) {
				ensure!(Targets::<T>::get(epoch, i) == Some(who), "3: target index");
			}
			for (who, i) in CallerIndex::<T>::iter_prefix(epoch) {
				ensure!(Callers::<T>::get(epoch, i) == Some(who), "3: caller index");
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
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	fn check_points() -> Result<(), sp_runtime::TryRuntimeError> {
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
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	fn check_computation() -> Result<(), sp_runtime::TryRuntimeError> {
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
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	fn check_buffer() -> Result<(), sp_runtime::TryRuntimeError> {
		let pending = Pending::<T>::get();
		ensure!(
			pending.iter().all(|c| c.payer != c.counterparty && !c.power.is_zero()),
			"8: a self-interaction or a zero charge is buffered"
		);
		let full = pending.len() == T::MaxPendingCharges::get() as usize;
		ensure!(full || PendingDropped::<T>::get().is_zero(), "8: charges dropped before full");
		Ok(())
	}
}
