//! What [`Ranker::step`] does in each phase within its work budget: the passes of the `passes`
//! module on as many whole rows as the budget covers, then as much of the row the budget cuts as
//! it allows (the row's partial sum or factor is kept in the ranker's cursor).

use crate::fixed::{reciprocal, scale, shift_for};
use crate::passes::{self, RunSums};
use crate::sqrt::factor;
use crate::{Csr, Graph, Phase, Ranker};

impl Ranker {
	/// `Shift`: the targets from the cursor on that the budget covers. Returns the budget left.
	pub(crate) fn shift(&mut self, budget: u64) -> u64 {
		let k = shift_for(self.target_total);
		let rows = self.target_acc.len();
		let start = self.row as usize;
		let end = start.saturating_add(clamp(budget)).min(rows);
		let sum = passes::shift_rows(self.target_acc.get_mut(start..end).unwrap_or(&mut []), k);
		self.shifted_total = self.shifted_total.wrapping_add(sum);
		if end >= rows {
			self.finish_shift();
		} else {
			self.row = u32::try_from(end).unwrap_or(u32::MAX);
		}
		budget.saturating_sub(end.saturating_sub(start) as u64)
	}

	/// `NormalizeTargets`: the targets from the cursor on that the budget covers. Returns the
	/// budget left.
	pub(crate) fn normalize(&mut self, graph: &Graph, budget: u64) -> u64 {
		let m = reciprocal(self.shifted_total);
		let rows = self.targets.len();
		let start = self.row as usize;
		let end = start.saturating_add(clamp(budget)).min(rows);
		let sums = passes::normalize_targets(
			self.targets.get_mut(start..end).unwrap_or(&mut []),
			self.target_acc.get_mut(start..end).unwrap_or(&mut []),
			self.target_factors.get_mut(start..end).unwrap_or(&mut []),
			graph.target_boosts.get(start..end).unwrap_or(&[]),
			graph.target_mass.get(start..end).unwrap_or(&[]),
			m,
		);
		self.add_target_sums(sums);
		if end >= rows {
			self.finish_normalize();
		} else {
			self.row = u32::try_from(end).unwrap_or(u32::MAX);
		}
		budget.saturating_sub(end.saturating_sub(start) as u64)
	}

	/// `Gather`: each caller's row sum of target factors, shifted. Whole rows while the budget
	/// covers them, then as much of the next row's edges as it allows (the row's partial sum is
	/// kept). Returns the budget left.
	pub(crate) fn gather(&mut self, graph: &Graph, mut budget: u64) -> u64 {
		let csr = &graph.by_caller;
		let shift = shift_for(self.caller_total);
		let rows = csr.rows();
		let mut row = self.row as usize;
		let mut edge = self.edge as usize;
		let mut partial = self.partial;
		let mut shifted_total = self.shifted_total;
		let factors = &self.target_factors;
		while budget > 0 && row < rows {
			let start = offset(csr, row);
			let end = offset(csr, row.saturating_add(1)).max(edge).max(start);
			if edge <= start {
				let k = passes::rows_within(&csr.offsets, row, rows, budget, true);
				if k > 0 {
					let to = row.saturating_add(k);
					let out = self.caller_acc.get_mut(row..to).unwrap_or(&mut []);
					let sum = passes::gather_rows(csr, row, out, factors, shift);
					shifted_total = shifted_total.wrapping_add(sum);
					budget = budget.saturating_sub(passes::rows_work(&csr.offsets, row, k, true));
					row = to;
					edge = offset(csr, to);
					continue;
				}
			}
			// This row does not fit in the budget: as many of its edges as it covers.
			let from = edge.max(start);
			let to = from.saturating_add(end.saturating_sub(from).min(clamp(budget)));
			let cols = csr.columns.get(from..to).unwrap_or(&[]);
			let ws = csr.weights.get(from..to).unwrap_or(&[]);
			partial = partial.wrapping_add(passes::dot(cols, ws, factors));
			budget = budget.saturating_sub(to.saturating_sub(from) as u64);
			edge = to;
			if to < end || budget == 0 {
				break;
			}
			// The row itself costs one unit.
			budget = budget.saturating_sub(1);
			let shifted = partial >> shift;
			if let Some(a) = self.caller_acc.get_mut(row) {
				*a = u64::try_from(shifted).unwrap_or(u64::MAX);
			}
			shifted_total = shifted_total.wrapping_add(shifted);
			partial = 0;
			row = row.saturating_add(1);
		}
		self.partial = partial;
		self.shifted_total = shifted_total;
		if row >= rows {
			self.finish_gather();
		} else {
			self.row = u32::try_from(row).unwrap_or(u32::MAX);
			self.edge = u32::try_from(edge).unwrap_or(u32::MAX);
		}
		budget
	}

	/// What `Start` or `Push` does with each caller (see [`passes::PushPass`]).
	pub(crate) fn push_pass(&self) -> passes::PushPass {
		let normalize = self.phase == Phase::Push;
		passes::PushPass {
			normalize: normalize.then(|| reciprocal(self.shifted_total)),
			// The last iteration's caller ranks are final: their factors are not needed.
			pushing: !normalize || self.iteration.saturating_add(1) < self.params.max_iterations,
		}
	}

	/// `Start` and `Push`: for each caller in order, (in `Push`) its new rank from its shifted row
	/// sum, then its factor, pushed along its edges into the targets' exact row sums. Whole rows
	/// while the budget covers them ([`passes::push_rows`]), then one row at a time, stopping
	/// anywhere in a row's edges (its factor is kept). Returns the budget left.
	pub(crate) fn push(&mut self, graph: &Graph, mut budget: u64) -> u64 {
		let pass = self.push_pass();
		let csr = &graph.by_caller;
		let rows = self.callers.len();
		let mut row = self.row as usize;
		let mut edge = self.edge as usize;
		let mut open = self.open;
		let mut f = self.row_factor;
		let mut sums = RunSums { delta: 0, total: self.target_total };
		let acc = &mut self.target_acc;
		let callers = &mut self.callers;
		let caller_acc = &self.caller_acc;
		while budget > 0 && row < rows {
			if !open {
				let k = passes::rows_within(&csr.offsets, row, rows, budget, pass.pushing);
				if k > 0 {
					let to = row.saturating_add(k);
					let run = passes::push_rows(
						graph,
						row,
						callers.get_mut(row..to).unwrap_or(&mut []),
						caller_acc.get(row..to).unwrap_or(&[]),
						pass,
						acc,
					);
					sums = sums.add(run);
					let work = passes::rows_work(&csr.offsets, row, k, pass.pushing);
					budget = budget.saturating_sub(work);
					row = to;
					edge = offset(csr, to);
					continue;
				}
				// This row does not fit in the budget: its own unit (rank, factor) now.
				budget = budget.saturating_sub(1);
				let mass = graph.caller_mass.get(row).copied().unwrap_or(0);
				let b = graph.caller_boosts.get(row).copied().unwrap_or(0);
				if let Some(r) = callers.get_mut(row) {
					if let Some(m) = pass.normalize {
						let new = scale(u128::from(caller_acc.get(row).copied().unwrap_or(0)), m);
						sums.delta = sums.delta.saturating_add(new.abs_diff(*r));
						*r = new;
					}
					f = if mass == 0 { 0 } else { factor(b, *r) };
				}
				sums.total = sums.total.wrapping_add(u128::from(f).wrapping_mul(u128::from(mass)));
				open = true;
			}
			// The open row's edges, as many as the budget covers.
			let end = offset(csr, row.saturating_add(1)).max(edge);
			if pass.pushing {
				let to = edge.saturating_add(end.saturating_sub(edge).min(clamp(budget)));
				let cols = csr.columns.get(edge..to).unwrap_or(&[]);
				let ws = csr.weights.get(edge..to).unwrap_or(&[]);
				passes::scatter(cols, ws, f, acc);
				budget = budget.saturating_sub(to.saturating_sub(edge) as u64);
				edge = to;
				if to < end {
					break;
				}
			} else {
				edge = end;
			}
			open = false;
			row = row.saturating_add(1);
		}
		self.delta_callers = self.delta_callers.saturating_add(sums.delta);
		self.target_total = sums.total;
		if row >= rows {
			self.finish_push();
		} else {
			self.row = u32::try_from(row).unwrap_or(u32::MAX);
			self.edge = u32::try_from(edge).unwrap_or(u32::MAX);
			self.open = open;
			self.row_factor = f;
		}
		budget
	}
}

/// A budget as a count of rows or edges (saturating).
#[inline]
fn clamp(budget: u64) -> usize {
	usize::try_from(budget).unwrap_or(usize::MAX)
}

/// The offset of row `row` (its first edge); the edge count past the last row.
#[inline]
fn offset(csr: &Csr, row: usize) -> usize {
	csr.offsets.get(row).map_or(csr.columns.len(), |&o| o as usize)
}
