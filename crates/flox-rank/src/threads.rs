//! The one-shot ranking on several threads (`std` only: the node's off-chain check, the tools).
//!
//! Every phase of an iteration is cut into pieces of contiguous rows, which the threads take
//! from a shared queue one at a time (eight pieces per thread: a thread slowed down by another
//! process on its core takes fewer, the others more). Each piece is done by the same pass as
//! [`Ranker::step`] uses ([`passes`]) and its results are integer sums (L1 changes,
//! `Σ factor · mass`, shifted row sums), which do not depend on how the rows were cut, which
//! thread took a piece, nor in which order the pieces finished. So the result is exactly that of
//! stepping, on any number of threads (tested against `Ranker::step` with random budgets).
//!
//! * **Push** (callers): each thread pushes its pieces' factors into its *own* copy of the
//!   targets' exact `u128` row sums (no sharing, no atomics); the copies are added up, exactly,
//!   in the next `Shift`.
//! * **Gather** (callers) reads the shared target factors and writes each piece's callers.
//! * **Shift** and **NormalizeTargets** are cut by target range when there are many targets.
//!
//! Caller pieces have about the same work (rows plus edges). A phase costs one scoped thread
//! spawn per extra thread (about 40 µs here), so small graphs run on one thread
//! ([`default_threads`]). The runtime (no `std`) and the pallet's resumable ranking use
//! [`Ranker::step`] alone.

use crate::fixed::{reciprocal, shift_for};
use crate::passes::{self, PushPass, RunSums};
use crate::{Graph, Params, Phase, Ranker, Ranking};
use alloc::vec;
use alloc::vec::Vec;
use core::cell::Cell;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// At most this many threads by default (each extra one holds a copy of the targets' row sums).
const MAX_THREADS: usize = 8;

/// Work (rows plus edges) below which one more thread does not pay for its spawns.
const MIN_WORK_PER_THREAD: u64 = 1 << 16;

/// Targets below which the target phases stay on one thread.
const MIN_TARGETS_FOR_THREADS: usize = 1 << 15;

/// Pieces of each phase per thread: the threads take them one at a time from a shared queue, so
/// that a thread slowed down (another process on its core) takes fewer and the others more.
const PIECES_PER_THREAD: usize = 8;

/// Work (rows plus edges) below which a caller piece is not cut smaller.
const MIN_PIECE_WORK: u64 = 1 << 14;

/// Phases run on this thread alone after one where the other threads kept it waiting.
const ALONE_PHASES: u32 = 8;

/// Waiting for the other threads that is never taken for another process's doing: starting and
/// joining a thread costs tens of µs (a descheduled thread costs milliseconds).
const SLACK: Duration = Duration::from_micros(500);

/// Rank `graph` from the uniform start on up to `threads` threads (at least one): exactly
/// [`rank`](crate::rank)'s result (which uses [`default_threads`]) and stepping's, for any
/// number of threads.
pub fn rank_with_threads(graph: &Graph, params: Params, threads: usize) -> Ranking {
	let mut r = Ranker::new(graph, params);
	r.run_threaded(graph, threads);
	crate::ranker::result(&r)
}

/// The machine's parallelism, at most [`MAX_THREADS`], and fewer on small graphs (one thread
/// per [`MIN_WORK_PER_THREAD`] of work per half-step).
pub(crate) fn default_threads(graph: &Graph) -> usize {
	let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
	let work = (graph.edges() as u64).saturating_add(graph.callers() as u64);
	let by_work = usize::try_from(work.checked_div(MIN_WORK_PER_THREAD).unwrap_or(0)).unwrap_or(1);
	cores.min(MAX_THREADS).min(by_work).max(1)
}

/// How the rows of each role are cut into pieces: `callers[i]..callers[i + 1]` is caller piece
/// `i` (same for targets); `threads` threads take them.
struct Plan {
	threads: usize,
	callers: Vec<usize>,
	targets: Vec<usize>,
	/// Phases still to run on this thread alone (see [`run_pieces`]).
	alone: Cell<u32>,
}

impl Plan {
	fn new(graph: &Graph, threads: usize) -> Plan {
		let threads = threads.max(1);
		let offsets = &graph.by_caller.offsets;
		let rows = graph.callers();
		let total = passes::rows_work(offsets, 0, rows, true);
		let by_work = usize::try_from(total.checked_div(MIN_PIECE_WORK).unwrap_or(0)).unwrap_or(1);
		let pieces = threads.saturating_mul(PIECES_PER_THREAD).min(by_work).max(threads);
		// Piece i ends where the work done reaches (i + 1) / pieces of the total.
		let callers = (0..=pieces)
			.map(|i| {
				let share = u128::from(total).saturating_mul(i as u128);
				let share = share.checked_div(pieces as u128).unwrap_or(0);
				let budget = u64::try_from(share).unwrap_or(u64::MAX);
				passes::rows_within(offsets, 0, rows, budget, true)
			})
			.collect();
		let n_t = graph.targets();
		let target_pieces = if n_t < MIN_TARGETS_FOR_THREADS || threads == 1 {
			1
		} else {
			threads.saturating_mul(PIECES_PER_THREAD)
		};
		let targets = (0..=target_pieces)
			.map(|i| {
				let share = (n_t as u128).saturating_mul(i as u128);
				usize::try_from(share.checked_div(target_pieces as u128).unwrap_or(0))
					.unwrap_or(n_t)
			})
			.collect();
		Plan { threads, callers, targets, alone: Cell::new(0) }
	}

	/// The threads a phase with these piece bounds uses: no more than there are pieces.
	fn threads_for(&self, bounds: &[usize]) -> usize {
		self.threads.min(bounds.len().saturating_sub(1)).max(1)
	}
}

/// `s` cut at the `bounds` (increasing, from 0): the pieces `bounds[i]..bounds[i + 1]`.
fn split_mut<'a, T>(mut s: &'a mut [T], bounds: &[usize]) -> Vec<&'a mut [T]> {
	let mut out = Vec::with_capacity(bounds.len());
	for w in bounds.windows(2) {
		let len = match (w.first(), w.get(1)) {
			(Some(&a), Some(&b)) => b.saturating_sub(a),
			_ => 0,
		};
		let rest = core::mem::take(&mut s);
		let (head, tail) = rest.split_at_mut(len.min(rest.len()));
		out.push(head);
		s = tail;
	}
	out
}

/// `s` cut at the `bounds`, as [`split_mut`].
fn split<'a, T>(s: &'a [T], bounds: &[usize]) -> Vec<&'a [T]> {
	bounds
		.windows(2)
		.map(|w| match (w.first(), w.get(1)) {
			(Some(&a), Some(&b)) => s.get(a..b.max(a)).unwrap_or(&[]),
			_ => &[],
		})
		.collect()
}

/// Runs `work` on every piece, on as many threads as there are `states` (this one and scoped
/// ones), each with its own state, taking the next piece from a shared queue whenever it is done
/// with one. The results come in no particular order: the callers only add them up.
///
/// Another process busy on a core makes a thread of ours wait for it, holding its piece, for up
/// to a scheduler time slice (milliseconds, longer than a phase of a small graph), and the phase
/// waits for that piece. So when, after this thread ran out of pieces, the others kept it waiting
/// longer than half its own time, the next [`ALONE_PHASES`] phases run on this thread alone
/// (then the threads are tried again). Timing decides only who does the work, never the result.
fn run_pieces<P, S, R, F>(plan: &Plan, pieces: Vec<P>, mut states: Vec<S>, work: F) -> Vec<R>
where
	P: Send,
	S: Send,
	R: Send,
	F: Fn(&mut S, P) -> R + Sync,
{
	if let Some(left) = plan.alone.get().checked_sub(1) {
		plan.alone.set(left);
		states.truncate(1);
	}
	let queue = Mutex::new(pieces.into_iter());
	// A poisoned queue means another thread panicked: stop, its join below re-raises the panic.
	let next = || queue.lock().ok().and_then(|mut q| q.next());
	let worker = |mut state: S| {
		let mut out = Vec::new();
		while let Some(piece) = next() {
			out.push(work(&mut state, piece));
		}
		out
	};
	let worker = &worker;
	std::thread::scope(|scope| {
		let start = Instant::now();
		let mut states = states.into_iter();
		let first = states.next();
		let handles: Vec<_> = states.map(|s| scope.spawn(move || worker(s))).collect();
		let mut out = first.map(worker).unwrap_or_default();
		let own = start.elapsed();
		let helped = !handles.is_empty();
		for handle in handles {
			match handle.join() {
				Ok(r) => out.extend(r),
				Err(panic) => std::panic::resume_unwind(panic),
			}
		}
		let waited = start.elapsed().saturating_sub(own);
		let patience = own.checked_div(2).unwrap_or_default().saturating_add(SLACK);
		if helped && waited > patience {
			plan.alone.set(ALONE_PHASES);
		}
		out
	})
}

/// One unit state per thread of a phase whose pieces need none.
fn no_states(threads: usize) -> Vec<()> {
	vec![(); threads]
}

/// Adds the other threads' exact row sums of a run of targets into `acc`, zeroing them. No sum
/// wraps: together they are parts of the exact total of all row sums, `≤ 2¹²⁶`.
fn merge_rows(acc: &mut [u128], others: &mut [&mut [u128]]) {
	for other in others.iter_mut() {
		for (a, x) in acc.iter_mut().zip(other.iter_mut()) {
			*a = a.wrapping_add(*x);
			*x = 0;
		}
	}
}

/// The pieces' sums together ([`RunSums::add`]: in any order).
fn sum(runs: Vec<RunSums>) -> RunSums {
	runs.into_iter().fold(RunSums::default(), RunSums::add)
}

impl Ranker {
	/// Runs this ranker to the end on up to `threads` threads, phase by phase, from the start of a
	/// phase (as every fresh ranker is; otherwise it just steps to the end). Does nothing if
	/// `graph` does not match.
	pub(crate) fn run_threaded(&mut self, graph: &Graph, threads: usize) {
		if self.check(graph).is_err() {
			return;
		}
		if self.row != 0 || self.edge != 0 || self.open {
			let _ = self.step(graph, u64::MAX);
			return;
		}
		let plan = Plan::new(graph, threads);
		// The row sums of the threads other than the first (which uses `target_acc`).
		let mut extra: Vec<Vec<u128>> =
			(1..plan.threads_for(&plan.callers)).map(|_| vec![0u128; graph.targets()]).collect();
		while self.phase != Phase::Done {
			match self.phase {
				Phase::Start | Phase::Push => self.push_threaded(graph, &plan, &mut extra),
				Phase::Shift => self.shift_threaded(&plan, &mut extra),
				Phase::NormalizeTargets => self.normalize_threaded(graph, &plan),
				Phase::Gather => self.gather_threaded(graph, &plan),
				Phase::Done => {},
			}
		}
	}

	/// `Start` or `Push`, each thread into its own targets' row sums.
	fn push_threaded(&mut self, graph: &Graph, plan: &Plan, extra: &mut [Vec<u128>]) {
		let pass: PushPass = self.push_pass();
		let accs: Vec<&mut [u128]> = core::iter::once(self.target_acc.as_mut_slice())
			.chain(extra.iter_mut().map(Vec::as_mut_slice))
			.collect();
		let pieces: Vec<_> = plan
			.callers
			.iter()
			.zip(split_mut(&mut self.callers, &plan.callers))
			.zip(split(&self.caller_acc, &plan.callers))
			.map(|((&first, ranks), sums)| (first, ranks, sums))
			.collect();
		let runs = run_pieces(plan, pieces, accs, |acc, (first, ranks, sums)| {
			passes::push_rows(graph, first, ranks, sums, pass, acc)
		});
		let sums = sum(runs);
		self.delta_callers = self.delta_callers.saturating_add(sums.delta);
		self.target_total = self.target_total.wrapping_add(sums.total);
		self.finish_push();
	}

	/// `Shift`, adding the other threads' row sums into `target_acc` first (and zeroing them).
	fn shift_threaded(&mut self, plan: &Plan, extra: &mut [Vec<u128>]) {
		let k = shift_for(self.target_total);
		// Per target piece: its part of `target_acc` and of every other thread's row sums.
		let mut others: Vec<Vec<&mut [u128]>> =
			plan.targets.windows(2).map(|_| Vec::new()).collect();
		for e in extra.iter_mut() {
			for (piece, o) in split_mut(e, &plan.targets).into_iter().zip(others.iter_mut()) {
				o.push(piece);
			}
		}
		let pieces: Vec<_> =
			split_mut(&mut self.target_acc, &plan.targets).into_iter().zip(others).collect();
		let states = no_states(plan.threads_for(&plan.targets));
		let runs = run_pieces(plan, pieces, states, |_, (acc, mut others)| {
			merge_rows(acc, &mut others);
			passes::shift_rows(acc, k)
		});
		let total = runs.into_iter().fold(0u128, |a, s| a.wrapping_add(s));
		self.shifted_total = self.shifted_total.wrapping_add(total);
		self.finish_shift();
	}

	/// `NormalizeTargets`, by target piece.
	fn normalize_threaded(&mut self, graph: &Graph, plan: &Plan) {
		let m = reciprocal(self.shifted_total);
		let b = &plan.targets;
		let pieces: Vec<_> = split_mut(&mut self.targets, b)
			.into_iter()
			.zip(split_mut(&mut self.target_acc, b))
			.zip(split_mut(&mut self.target_factors, b))
			.zip(split(&graph.target_boosts, b))
			.zip(split(&graph.target_mass, b))
			.collect();
		let states = no_states(plan.threads_for(b));
		let runs =
			run_pieces(plan, pieces, states, |_, ((((ranks, accs), factors), boosts), mass)| {
				passes::normalize_targets(ranks, accs, factors, boosts, mass, m)
			});
		self.add_target_sums(sum(runs));
		self.finish_normalize();
	}

	/// `Gather`, by caller piece.
	fn gather_threaded(&mut self, graph: &Graph, plan: &Plan) {
		let shift = shift_for(self.caller_total);
		let factors = &self.target_factors;
		let pieces: Vec<_> =
			plan.callers.iter().zip(split_mut(&mut self.caller_acc, &plan.callers)).collect();
		let states = no_states(plan.threads_for(&plan.callers));
		let runs = run_pieces(plan, pieces, states, |_, (&first, out)| {
			passes::gather_rows(&graph.by_caller, first, out, factors, shift)
		});
		let total = runs.into_iter().fold(0u128, |a, s| a.wrapping_add(s));
		self.shifted_total = self.shifted_total.wrapping_add(total);
		self.finish_gather();
	}
}
