//! Ranking a frozen epoch, phase by phase: *collect* (each caller's edges, making the dense
//! indices, then each account's boost, into [`Input`]), *build* (the `flox_rank::Graph` and
//! `Ranker`, stored encoded), *rank* (`Ranker::step`), *write* (ranks, points and the digest) and
//! *clean* (the epoch's indices and edge lists, by cursor). Each phase function does `n` units and
//! stores where it stopped in [`Ongoing`]; the driver that sizes `n` from the block's weight is in
//! `hooks.rs`.

use crate::{math, pallet::*, types::*};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use flox_rank::{Graph, Ranker};
use fluxomics_primitives::StakeInfo;
use frame_support::pallet_prelude::*;
use sp_arithmetic::{
	traits::{One, Zero},
	FixedU128,
};

impl<T: Config> Pallet<T> {
	/// `who`'s boost under `p` ([`math::boost`] of its staked Flux and tier), as the inner value
	/// of a `FixedU128` (10¹⁸ is a boost of one).
	pub fn boost(who: &T::AccountId, p: &FloxParams) -> u128 {
		let staked = T::Stake::staked(who);
		let tier = TierWeights::<T>::get(who).unwrap_or_else(FixedU128::one);
		math::boost(staked, tier, p)
	}

	/// Takes the oldest frozen epoch off the queue and starts ranking it; `false` if the queue
	/// is empty.
	pub(crate) fn start_next() -> bool {
		let queue = Queue::<T>::get();
		let Some(frozen) = queue.first().copied() else {
			return false;
		};
		let rest: Vec<FrozenEpoch> = queue.into_iter().skip(1).collect();
		Queue::<T>::put(BoundedVec::truncate_from(rest));
		Ongoing::<T>::put(Computation {
			epoch: frozen.epoch,
			params: frozen.params,
			counts: Counts::<T>::get(frozen.epoch),
			stage: Stage::Collect { next: 0, caller: 0, done: 0 },
			outcome: None,
		});
		Input::<T>::kill();
		Self::deposit_event(Event::RankingStarted { epoch: frozen.epoch });
		true
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

	/// Collect phase: `n` units of edges (caller by caller, each account given its dense index
	/// on first appearance), then target boosts, then caller boosts, into [`Input`].
	pub(crate) fn collect(mut comp: Computation, n: u32) {
		let Stage::Collect { mut next, mut caller, mut done } = comp.stage else { return };
		let epoch = comp.epoch;
		let mut input = Input::<T>::get();
		let mut left = n;
		if next < comp.counts.edges {
			let want = left.min(comp.counts.edges.saturating_sub(next));
			let step = Self::collect_edges(epoch, &mut comp.counts, &mut input, caller, done, want);
			(caller, done) = (step.caller, step.done);
			left = left.saturating_sub(step.edges);
			next = if step.exhausted { comp.counts.edges } else { next.saturating_add(step.edges) };
		}
		// The edges are collected (or this chunk stops within them): boosts follow.
		let counts = comp.counts;
		let total = counts.units();
		let end = if next < counts.edges { next } else { next.saturating_add(left).min(total) };
		while next < end {
			let i = next.saturating_sub(counts.edges);
			let (who, boosts) = if i < counts.targets {
				(Targets::<T>::get(epoch, i), &mut input.target_boosts)
			} else {
				let i = i.saturating_sub(counts.targets);
				(Callers::<T>::get(epoch, i), &mut input.caller_boosts)
			};
			let b = who.map(|a| Self::boost(&a, &comp.params)).unwrap_or(0);
			let _ = boosts.try_push(b);
			next = next.saturating_add(1);
		}
		Input::<T>::put(input);
		comp.stage =
			if next >= total { Stage::Build } else { Stage::Collect { next, caller, done } };
		Ongoing::<T>::put(comp);
	}

	/// Collects at most `n` edges into `input`, from caller index `caller` on (of whose list
	/// `done` edges are already collected): the callers in the order of their keys in
	/// [`CallerEdges`], resumed after the last one begun. A caller gets the next index when its
	/// first edge is collected, a target when it first appears; `counts.targets` counts them.
	fn collect_edges(
		epoch: EpochId,
		counts: &mut EpochCounts,
		input: &mut InputOf<T>,
		mut caller: u32,
		mut done: u32,
		n: u32,
	) -> EdgeStep {
		// The caller in progress, if any, and where the callers after it start.
		let begun = if done > 0 { Callers::<T>::get(epoch, caller) } else { None };
		let last = if done > 0 {
			begun.clone()
		} else {
			caller.checked_sub(1).and_then(|i| Callers::<T>::get(epoch, i))
		};
		let mut rest = match last {
			Some(who) => CallerEdges::<T>::iter_prefix_from(
				epoch,
				CallerEdges::<T>::hashed_key_for(epoch, &who),
			),
			None => CallerEdges::<T>::iter_prefix(epoch),
		};
		let mut current =
			begun.and_then(|who| CallerEdges::<T>::get(epoch, &who).map(|l| (who, l)));
		let mut edges: u32 = 0;
		let mut exhausted = false;
		while edges < n {
			let Some((who, list)) = current.take().or_else(|| rest.next()) else {
				exhausted = true;
				break;
			};
			if done.is_zero() {
				Callers::<T>::insert(epoch, caller, &who);
			}
			for (target, gas) in list.iter().skip(done as usize) {
				if edges >= n {
					break;
				}
				let t = TargetIndex::<T>::get(epoch, target).unwrap_or_else(|| {
					let t = counts.targets;
					TargetIndex::<T>::insert(epoch, target, t);
					Targets::<T>::insert(epoch, t, target);
					counts.targets = t.saturating_add(1);
					t
				});
				let _ = input.edges.try_push((t, caller, *gas));
				done = done.saturating_add(1);
				edges = edges.saturating_add(1);
			}
			if done as usize >= list.len() {
				caller = caller.saturating_add(1);
				done = 0;
			}
		}
		EdgeStep { edges, caller, done, exhausted }
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

	/// Write phase: ranks and points of `n` accounts, targets then callers; a role's rank is
	/// kept only if it earns at least a point. The last chunk publishes the digest and announces
	/// the ranking.
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
			let pts = math::points(rank, ratio);
			// A rank worth no point leaves nothing behind: no entry for an account that earned
			// nothing (an address someone merely paid, however many of them).
			if pts.is_zero() {
				continue;
			}
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
			Points::<T>::mutate(&who, |x| *x = x.saturating_add(pts));
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

	/// Clean phase: removes `n` accounts' data, the targets (index both ways) then the callers
	/// (index and edge list); the last chunk ends the computation.
	pub(crate) fn clean(mut comp: Computation, n: u32) {
		let Stage::Clean { mut next } = comp.stage else { return };
		let (epoch, counts) = (comp.epoch, comp.counts);
		let total = counts.accounts();
		let end = next.saturating_add(n).min(total);
		while next < end {
			if next < counts.targets {
				if let Some(who) = Targets::<T>::take(epoch, next) {
					TargetIndex::<T>::remove(epoch, who);
				}
			} else if let Some(who) = Callers::<T>::take(epoch, next.saturating_sub(counts.targets))
			{
				CallerEdges::<T>::remove(epoch, who);
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
}

/// What one chunk of edge collection did.
struct EdgeStep {
	/// Edges collected.
	edges: u32,
	/// The caller to resume at.
	caller: u32,
	/// Edges of that caller already collected.
	done: u32,
	/// Every caller's list was read (the edges are collected).
	exhausted: bool,
}
