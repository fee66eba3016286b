//! The ranking as a resumable state machine ([`Ranker`], [`Phase`], [`StepOutcome`]): its state,
//! its constructors, [`Ranker::step`] and the moves from phase to phase; and the one-shot
//! [`rank`] and [`rank_from`]. What each phase does within a step's budget is in the `step`
//! module, and the one shot on threads (`std`) in the `threads` module.

use crate::fixed::normalize_vec;
use crate::passes::RunSums;
use crate::{Graph, Params, RankError, Ranking, Role, ONE};
use alloc::vec;
use alloc::vec::Vec;

#[cfg(feature = "codec")]
use codec::{Decode, Encode};
#[cfg(feature = "codec")]
use scale_info::TypeInfo;

/// Where the computation is. One iteration is `Shift`, `NormalizeTargets`, `Gather`, `Push`
/// (after the first, which starts with `Start` instead of the previous iteration's `Push`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "codec", derive(Encode, Decode, TypeInfo))]
pub enum Phase {
	/// Pushing the callers' starting factors `f = boost · √rank` into the targets' row sums
	/// (cursor: caller row and edge).
	Start,
	/// Shifting the targets' exact row sums by `k` and summing them (cursor: target row).
	Shift,
	/// Writing the new target ranks, their L1 change, and their factors (cursor: target row).
	NormalizeTargets,
	/// Gathering each caller's row sum of target factors, shifted (cursor: caller row and edge).
	Gather,
	/// Writing the new caller ranks and their L1 change, and, unless this is the last
	/// iteration, pushing their factors into the targets' row sums for the next iteration
	/// (cursor: caller row and edge).
	Push,
	/// Finished.
	Done,
}

/// What one [`Ranker::step`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepOutcome {
	/// Work units done (edges plus account rows visited), at most the budget.
	pub work: u64,
	/// Whether the ranking is finished ([`Ranker::ranking`] is then available).
	pub finished: bool,
}

/// The ranking as a resumable computation. See the crate docs.
///
/// The state is the two rank vectors, the targets' exact row sums (`u128`) and factors, the
/// callers' shifted row sums, the phase and its cursors, and the running totals. It does not hold
/// the graph: every [`Ranker::step`] is given the same [`Graph`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "codec", derive(Encode, Decode, TypeInfo))]
pub struct Ranker {
	// Crate-visible: the `step` and `threads` modules run the phases on them.
	pub(crate) params: Params,
	pub(crate) targets: Vec<u64>,
	pub(crate) callers: Vec<u64>,
	/// The targets' row sums: exact `Σ w · f` while pushing (`≤ 2¹²⁶`), shifted (`< 2⁶³`) after
	/// `Shift`, zero again after `NormalizeTargets`.
	pub(crate) target_acc: Vec<u128>,
	/// The targets' factors (the source of the caller update).
	pub(crate) target_factors: Vec<u64>,
	/// The callers' shifted row sums (each `< 2⁶³`).
	pub(crate) caller_acc: Vec<u64>,
	pub(crate) phase: Phase,
	/// Row cursor of the current phase.
	pub(crate) row: u32,
	/// Edge cursor (absolute edge index) while gathering or pushing.
	pub(crate) edge: u32,
	/// While gathering: the unfinished sum of row `row` (`≤ 2¹²⁶`).
	pub(crate) partial: u128,
	/// While pushing: whether row `row`'s own unit (rank, factor) is done and its edges are
	/// being pushed with factor `row_factor`.
	pub(crate) open: bool,
	/// While pushing: the factor of caller `row`.
	pub(crate) row_factor: u64,
	/// `Σ f · mass` of the caller factors pushed so far: the exact total of the targets' row
	/// sums (`≤ 2¹²⁶`), which fixes their shift.
	pub(crate) target_total: u128,
	/// `Σ f · mass` of the target factors written: the exact total of the callers' row sums.
	pub(crate) caller_total: u128,
	/// Σ of the shifted row sums of the role being normalized (`< 2⁶³`).
	pub(crate) shifted_total: u128,
	/// L1 change of the targets in the current iteration.
	pub(crate) delta_targets: u64,
	/// L1 change of the callers in the current iteration.
	pub(crate) delta_callers: u64,
	pub(crate) iteration: u32,
	pub(crate) converged: bool,
}

impl Ranker {
	/// A ranking of `graph` from the uniform start (`⌊ONE / n⌋` for each of the `n` accounts of a
	/// role).
	pub fn new(graph: &Graph, params: Params) -> Ranker {
		let uniform = |n: usize| {
			let v = u64::try_from(n).ok().and_then(|n| ONE.checked_div(n)).unwrap_or(0);
			vec![v; n]
		};
		Self::from_normalized(graph, params, uniform(graph.targets()), uniform(graph.callers()))
	}

	/// A ranking of `graph` from the given starting vectors (any nonnegative values, normalized
	/// first as the ranking normalizes). Only the callers' start influences the result: the first
	/// update computes the targets from the callers; the targets' start only enters the first L1
	/// change.
	pub fn with_start(
		graph: &Graph,
		params: Params,
		targets: &[u64],
		callers: &[u64],
	) -> Result<Ranker, RankError> {
		if targets.len() != graph.targets() || callers.len() != graph.callers() {
			return Err(RankError::StartLength);
		}
		Ok(Self::from_normalized(graph, params, normalize_vec(targets), normalize_vec(callers)))
	}

	fn from_normalized(
		graph: &Graph,
		params: Params,
		targets: Vec<u64>,
		callers: Vec<u64>,
	) -> Ranker {
		let phase = if params.max_iterations == 0 { Phase::Done } else { Phase::Start };
		Ranker {
			params,
			targets,
			callers,
			target_acc: vec![0; graph.targets()],
			target_factors: vec![0; graph.targets()],
			caller_acc: vec![0; graph.callers()],
			phase,
			row: 0,
			edge: 0,
			partial: 0,
			open: false,
			row_factor: 0,
			target_total: 0,
			caller_total: 0,
			shifted_total: 0,
			delta_targets: 0,
			delta_callers: 0,
			iteration: 0,
			converged: false,
		}
	}

	/// Whether the computation is finished.
	pub fn is_finished(&self) -> bool {
		self.phase == Phase::Done
	}

	/// The current iteration, role and phase (for progress reporting).
	pub fn progress(&self) -> (u32, Role, Phase) {
		let role = match self.phase {
			Phase::Start | Phase::Shift | Phase::NormalizeTargets => Role::Targets,
			Phase::Gather | Phase::Push | Phase::Done => Role::Callers,
		};
		(self.iteration, role, self.phase)
	}

	/// The current target and caller ranks (the result once finished).
	pub fn ranks(&self) -> (&[u64], &[u64]) {
		(&self.targets, &self.callers)
	}

	/// The result, once finished.
	pub fn ranking(&self) -> Option<Ranking> {
		self.is_finished().then(|| Ranking {
			targets: self.targets.clone(),
			callers: self.callers.clone(),
			iterations: self.iteration,
			converged: self.converged,
		})
	}

	/// Advance by at most `max_work` units (one unit: one edge, or one account row, visited).
	/// Makes progress whenever `max_work > 0` and the ranking is not finished. Any sequence of
	/// budgets gives exactly the same result.
	pub fn step(&mut self, graph: &Graph, max_work: u64) -> Result<StepOutcome, RankError> {
		self.check(graph)?;
		let mut budget = max_work;
		while budget > 0 && self.phase != Phase::Done {
			budget = match self.phase {
				Phase::Start | Phase::Push => self.push(graph, budget),
				Phase::Shift => self.shift(budget),
				Phase::NormalizeTargets => self.normalize(graph, budget),
				Phase::Gather => self.gather(graph, budget),
				Phase::Done => budget,
			};
		}
		Ok(StepOutcome { work: max_work.saturating_sub(budget), finished: self.is_finished() })
	}

	/// Whether this ranker was made for a graph of `graph`'s dimensions.
	pub(crate) fn check(&self, graph: &Graph) -> Result<(), RankError> {
		if self.targets.len() != graph.targets()
			|| self.callers.len() != graph.callers()
			|| self.target_acc.len() != graph.targets()
			|| self.target_factors.len() != graph.targets()
			|| self.caller_acc.len() != graph.callers()
			|| graph.by_caller.rows() != graph.callers()
			|| graph.target_mass.len() != graph.targets()
			|| graph.caller_mass.len() != graph.callers()
		{
			return Err(RankError::GraphMismatch);
		}
		Ok(())
	}

	// The moves from phase to phase, shared by stepping and the threads.

	/// End of `Shift`: on to `NormalizeTargets`.
	pub(crate) fn finish_shift(&mut self) {
		self.target_total = 0;
		self.next_phase(Phase::NormalizeTargets);
	}

	/// Adds a run of `NormalizeTargets` to the targets' L1 change and the callers' total.
	pub(crate) fn add_target_sums(&mut self, sums: RunSums) {
		self.delta_targets = self.delta_targets.saturating_add(sums.delta);
		self.caller_total = self.caller_total.wrapping_add(sums.total);
	}

	/// End of `NormalizeTargets`: on to `Gather`.
	pub(crate) fn finish_normalize(&mut self) {
		self.shifted_total = 0;
		self.next_phase(Phase::Gather);
	}

	/// End of `Gather`: on to `Push`.
	pub(crate) fn finish_gather(&mut self) {
		self.caller_total = 0;
		self.next_phase(Phase::Push);
	}

	/// End of `Start` (on to `Shift`) or of `Push` (the iteration ends).
	pub(crate) fn finish_push(&mut self) {
		self.shifted_total = 0;
		if self.phase == Phase::Push {
			self.end_iteration();
		} else {
			self.next_phase(Phase::Shift);
		}
	}

	/// Enters `phase`, its cursors at the start.
	fn next_phase(&mut self, phase: Phase) {
		self.phase = phase;
		self.row = 0;
		self.edge = 0;
		self.partial = 0;
		self.open = false;
		self.row_factor = 0;
	}

	/// Ends an iteration: converged, capped (both `Done`), or on to `Shift`.
	fn end_iteration(&mut self) {
		self.iteration = self.iteration.saturating_add(1);
		let tol = self.params.tolerance;
		if self.delta_targets <= tol && self.delta_callers <= tol {
			self.converged = true;
			self.next_phase(Phase::Done);
		} else if self.iteration >= self.params.max_iterations {
			self.next_phase(Phase::Done);
		} else {
			// The targets' row sums for the next iteration were pushed in this pass.
			self.next_phase(Phase::Shift);
		}
		self.delta_targets = 0;
		self.delta_callers = 0;
	}
}

/// Rank `graph` from the uniform start in one go (exactly what stepping a [`Ranker::new`] to the
/// end gives).
pub fn rank(graph: &Graph, params: Params) -> Ranking {
	let mut r = Ranker::new(graph, params);
	run(&mut r, graph)
}

/// Rank `graph` from the given starting vectors in one go (see [`Ranker::with_start`]).
pub fn rank_from(
	graph: &Graph,
	params: Params,
	targets: &[u64],
	callers: &[u64],
) -> Result<Ranking, RankError> {
	let mut r = Ranker::with_start(graph, params, targets, callers)?;
	Ok(run(&mut r, graph))
}

/// Runs a fresh ranker made for `graph` to the end: on threads with `std`
/// ([`rank_with_threads`](crate::rank_with_threads)), else by unlimited steps.
fn run(r: &mut Ranker, graph: &Graph) -> Ranking {
	#[cfg(feature = "std")]
	r.run_threaded(graph, crate::threads::default_threads(graph));
	// A ranker made for this graph never mismatches; the loop ends because every unlimited step
	// finishes.
	#[cfg(not(feature = "std"))]
	while let Ok(StepOutcome { finished: false, .. }) = r.step(graph, u64::MAX) {}
	result(r)
}

/// The result of a ranker run to the end (empty if it was not: only for a mismatched graph).
pub(crate) fn result(r: &Ranker) -> Ranking {
	r.ranking().unwrap_or(Ranking {
		targets: Vec::new(),
		callers: Vec::new(),
		iterations: 0,
		converged: false,
	})
}
