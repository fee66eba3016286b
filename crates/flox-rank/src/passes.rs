//! The passes over the graph, on runs of whole rows: the work of every phase of an iteration.
//!
//! [`Ranker::step`](crate::Ranker::step) calls them on as many whole rows as its budget covers
//! (and handles a row cut by the budget itself); the threaded `rank` (`std`) calls them on the
//! pieces its threads take. Each returns its run's contribution to the phase's totals
//! (L1 change, `Σ factor · mass`, `Σ` shifted row sums): integer sums, the same whatever the
//! runs, which is why any budget and any split give exactly the same ranking.

use crate::fixed::scale;
use crate::sqrt::{factor, factors_lanes};
use crate::{Csr, Graph, LANES};

/// What a push pass ([`push_rows`]) does with each caller.
#[derive(Clone, Copy)]
pub(crate) struct PushPass {
	/// In `Push`, the reciprocal of the callers' shifted total: each caller first gets its new
	/// rank from its shifted row sum. `None` in `Start` (the ranks are the start).
	pub normalize: Option<u128>,
	/// Whether the factors are pushed along the edges (not in the last allowed iteration).
	pub pushing: bool,
}

/// What a run of rows adds to a phase's totals.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub(crate) struct RunSums {
	/// L1 change of the ranks written (at most `2 · ONE` over a whole role: never saturates).
	pub delta: u64,
	/// `Σ factor · mass` of the factors written, or `Σ` of the shifted row sums written.
	pub total: u128,
}

impl RunSums {
	/// Both runs' sums together. The L1 changes of a role sum to at most `2 · ONE` and the
	/// totals to at most 2¹²⁶ (crate docs), so neither saturates nor wraps: the order of the runs
	/// does not matter.
	pub fn add(self, other: RunSums) -> RunSums {
		RunSums {
			delta: self.delta.saturating_add(other.delta),
			total: self.total.wrapping_add(other.total),
		}
	}
}

/// `Σ w · f[c]` over one run of edges (`≤ 2¹²⁶`: all weights sum to `≤ 2⁶³`, factors `≤ 2⁶³`).
#[inline]
pub(crate) fn dot(cols: &[u32], ws: &[u64], factors: &[u64]) -> u128 {
	let mut sum: u128 = 0;
	for (&c, &w) in cols.iter().zip(ws) {
		let f = factors.get(c as usize).copied().unwrap_or(0);
		sum = sum.wrapping_add(u128::from(w).wrapping_mul(u128::from(f)));
	}
	sum
}

/// `acc[c] += w · f` over one run of edges (every sum stays `≤ 2¹²⁶`, as in [`dot`]).
#[inline]
pub(crate) fn scatter(cols: &[u32], ws: &[u64], f: u64, acc: &mut [u128]) {
	let f = u128::from(f);
	for (&c, &w) in cols.iter().zip(ws) {
		if let Some(a) = acc.get_mut(c as usize) {
			*a = a.wrapping_add(u128::from(w).wrapping_mul(f));
		}
	}
}

/// Edges of [`LANES`] rows that [`scatter_lanes`] pushes in one flat loop (more: row by row).
const PUSH_BLOCK: usize = 256;

/// [`scatter`] of [`LANES`] consecutive rows (offsets `o`, `LANES + 1` of them), row `j` with
/// factor `fs[j]`.
///
/// Rows are short (about ten edges) and of varying length: a loop per row pays a mispredicted
/// exit per row, as much as several of its edges. So when the rows' edges together are at most
/// [`PUSH_BLOCK`], they are pushed in one flat loop: each row's number `j` is written at its first
/// edge in a small table (in row order, so an empty row's mark is overwritten by the next row's,
/// which starts at the same edge), and the loop takes the running maximum of the marks as the
/// row of each edge. The same products are added into the same row sums: exact integer sums, in
/// any order.
#[inline(always)]
fn scatter_lanes(csr: &Csr, o: &[u32], fs: &[u64; LANES], acc: &mut [u128]) {
	let start = o.first().copied().unwrap_or(0);
	let end = o.get(LANES).copied().unwrap_or(start).max(start);
	let (cols, ws) = row_edges(csr, start, end);
	let edges = end.saturating_sub(start) as usize;
	// Row by row if the block is long, or (a malformed graph) its offsets decrease or run past
	// the edges: then exactly what the rows' own loops do.
	let well_formed = o.windows(2).all(|w| w.first() <= w.get(1));
	if edges > PUSH_BLOCK || cols.len() != edges || ws.len() != edges || !well_formed {
		for (w, &f) in o.windows(2).zip(fs) {
			if let (Some(&s), Some(&e)) = (w.first(), w.get(1)) {
				let (cols, ws) = row_edges(csr, s, e);
				scatter(cols, ws, f, acc);
			}
		}
		return;
	}
	let mut mark = [0u8; PUSH_BLOCK];
	for (j, &s) in (0u8..).zip(o.iter().take(LANES)) {
		if let Some(m) = mark.get_mut(s.saturating_sub(start) as usize) {
			*m = j;
		}
	}
	let mut lane = 0u8;
	for ((&c, &w), &m) in cols.iter().zip(ws).zip(&mark) {
		lane = lane.max(m);
		// lane < LANES (a power of two): the mask keeps the index in range without a check.
		let f = fs.get(usize::from(lane) & (LANES - 1)).copied().unwrap_or(0);
		if let Some(a) = acc.get_mut(c as usize) {
			*a = a.wrapping_add(u128::from(w).wrapping_mul(u128::from(f)));
		}
	}
}

/// The edges `s..e` of a row whose offsets are `s` and `e` (empty if out of range).
#[inline]
fn row_edges(csr: &Csr, s: u32, e: u32) -> (&[u32], &[u64]) {
	let (s, e) = (s as usize, (e as usize).max(s as usize));
	(csr.columns.get(s..e).unwrap_or(&[]), csr.weights.get(s..e).unwrap_or(&[]))
}

/// `Push` and `Start` over the whole rows `first..first + ranks.len()` of the callers: (in `Push`)
/// each caller's new rank from its shifted row sum `row_sums`, then its factor, added into the
/// total as `f · mass` and (if `pass.pushing`) pushed along its edges into `acc`, the targets'
/// exact row sums. [`LANES`] callers at a time, their square roots in lock step.
pub(crate) fn push_rows(
	graph: &Graph,
	first: usize,
	ranks: &mut [u64],
	row_sums: &[u64],
	pass: PushPass,
	acc: &mut [u128],
) -> RunSums {
	let csr = &graph.by_caller;
	let rows = ranks.len();
	let end = first.saturating_add(rows);
	let offsets = csr.offsets.get(first..=end).unwrap_or(&[]);
	let boosts = graph.caller_boosts.get(first..end).unwrap_or(&[]);
	let mass = graph.caller_mass.get(first..end).unwrap_or(&[]);
	let mut sums = RunSums::default();
	let new_ranks = |rs: &mut [u64], sums_in: &[u64], d: &mut u64| {
		if let Some(m) = pass.normalize {
			for (r, &a) in rs.iter_mut().zip(sums_in) {
				let new = scale(u128::from(a), m);
				*d = d.saturating_add(new.abs_diff(*r));
				*r = new;
			}
		}
	};
	let mut rs = ranks.chunks_exact_mut(LANES);
	let mut ss = row_sums.chunks_exact(LANES);
	let mut bs = boosts.chunks_exact(LANES);
	let mut ms = mass.chunks_exact(LANES);
	let mut offs = offsets.windows(LANES.saturating_add(1)).step_by(LANES);
	for ((((r, s), b), m), o) in (&mut rs).zip(&mut ss).zip(&mut bs).zip(&mut ms).zip(&mut offs) {
		new_ranks(r, s, &mut sums.delta);
		let lanes = (
			<&[u64; LANES]>::try_from(&*r),
			<&[u64; LANES]>::try_from(b),
			<&[u64; LANES]>::try_from(m),
		);
		if let (Ok(r), Ok(b), Ok(m)) = lanes {
			let fs = factors_lanes(b, r, m);
			for (&f, &mj) in fs.iter().zip(m) {
				sums.total = sums.total.wrapping_add(u128::from(f).wrapping_mul(u128::from(mj)));
			}
			if pass.pushing {
				scatter_lanes(csr, o, &fs, acc);
			}
		}
	}
	// The last rows, fewer than LANES, one at a time.
	let tail = rs.into_remainder();
	let whole = rows.saturating_sub(tail.len());
	new_ranks(tail, ss.remainder(), &mut sums.delta);
	let offs_tail = offsets.get(whole..).unwrap_or(&[]);
	for (((r, &b), &mj), w) in
		tail.iter().zip(bs.remainder()).zip(ms.remainder()).zip(offs_tail.windows(2))
	{
		let f = if mj == 0 { 0 } else { factor(b, *r) };
		sums.total = sums.total.wrapping_add(u128::from(f).wrapping_mul(u128::from(mj)));
		if let (true, Some(&s), Some(&e)) = (pass.pushing, w.first(), w.get(1)) {
			let (cols, ws) = row_edges(csr, s, e);
			scatter(cols, ws, f, acc);
		}
	}
	sums
}

/// Edges whose running sums [`gather_rows`] keeps at a time (8 KiB on the stack).
const GATHER_BLOCK: usize = 512;

/// `Gather` over the whole rows `first..first + out.len()` of the callers: each row's sum of
/// `w · f` (target factors `factors`), shifted by `shift`, into `out`; returns `Σ` of them.
///
/// Rows are short (about ten edges) and of varying length: a loop per row pays a mispredicted
/// exit per row, which cost as much as the row's edges. So the run's edges are summed in one flat
/// loop, a block at a time, keeping the running sum after every edge; a row's sum is then the
/// difference of the running sums at its two ends (all of them exact, `≤ 2¹²⁶`).
pub(crate) fn gather_rows(
	csr: &Csr,
	first: usize,
	out: &mut [u64],
	factors: &[u64],
	shift: u32,
) -> u128 {
	let offsets = csr.offsets.get(first..=first.saturating_add(out.len())).unwrap_or(&[]);
	let start = offsets.first().map_or(0, |&o| o as usize);
	let end = offsets.last().map_or(start, |&o| o as usize).max(start);
	let cols = csr.columns.get(start..end).unwrap_or(&[]);
	let ws = csr.weights.get(start..end).unwrap_or(&[]);
	let edges = cols.len().min(ws.len());
	// running[k] is the sum of the run's edges up to and including edge `from + k`.
	let mut running = [0u128; GATHER_BLOCK];
	let (mut from, mut to) = (0usize, 0usize);
	let mut sum_to: u128 = 0; // the sum of the edges before `to`
	let mut sum_prev: u128 = 0; // the sum of the edges before the current row
	let mut total: u128 = 0;
	for (a, &row_end) in out.iter_mut().zip(offsets.iter().skip(1)) {
		let row_end = (row_end as usize).saturating_sub(start);
		while row_end > to && to < edges {
			from = to;
			to = from.saturating_add(GATHER_BLOCK).min(edges);
			let cs = cols.get(from..to).unwrap_or(&[]);
			let wb = ws.get(from..to).unwrap_or(&[]);
			for ((r, &c), &w) in running.iter_mut().zip(cs).zip(wb) {
				let f = factors.get(c as usize).copied().unwrap_or(0);
				sum_to = sum_to.wrapping_add(u128::from(w).wrapping_mul(u128::from(f)));
				*r = sum_to;
			}
		}
		// The sum of the edges before `row_end` (≥ `from` unless the run starts with empty rows).
		let sum_end = match row_end.checked_sub(from).and_then(|k| k.checked_sub(1)) {
			Some(k) => running.get(k).copied().unwrap_or(sum_to),
			None => sum_prev,
		};
		// Running sums never decrease: the difference is the row's exact sum.
		let shifted = sum_end.wrapping_sub(sum_prev) >> shift;
		sum_prev = sum_end;
		*a = u64::try_from(shifted).unwrap_or(u64::MAX);
		total = total.wrapping_add(shifted);
	}
	total
}

/// `Shift` over a run of targets: each exact row sum `>> k`; returns their sum (`< 2⁶³`).
pub(crate) fn shift_rows(accs: &mut [u128], k: u32) -> u128 {
	let mut sum: u128 = 0;
	for a in accs {
		*a >>= k;
		sum = sum.wrapping_add(*a);
	}
	sum
}

/// `NormalizeTargets` over a run of targets: new ranks `⌊a · m / 2⁶⁴⌋` from the shifted row sums
/// (which are reset to 0), their L1 change, their factors and `Σ factor · mass`; [`LANES`] at a
/// time.
pub(crate) fn normalize_targets(
	ranks: &mut [u64],
	accs: &mut [u128],
	factors: &mut [u64],
	boosts: &[u64],
	mass: &[u64],
	m: u128,
) -> RunSums {
	let mut d: u64 = 0;
	let mut total: u128 = 0;
	let mut one = |r: &mut u64, a: &mut u128| {
		let new = scale(*a, m);
		*a = 0;
		d = d.saturating_add(new.abs_diff(*r));
		*r = new;
	};
	let mut rs = ranks.chunks_exact_mut(LANES);
	let mut acs = accs.chunks_exact_mut(LANES);
	let mut fs = factors.chunks_exact_mut(LANES);
	let mut bs = boosts.chunks_exact(LANES);
	let mut ms = mass.chunks_exact(LANES);
	for ((((r, a), f), b), ms) in (&mut rs).zip(&mut acs).zip(&mut fs).zip(&mut bs).zip(&mut ms) {
		for (r, a) in r.iter_mut().zip(a.iter_mut()) {
			one(r, a);
		}
		if let (Ok(r4), Ok(b4), Ok(m4)) = (
			<&[u64; LANES]>::try_from(&*r),
			<&[u64; LANES]>::try_from(b),
			<&[u64; LANES]>::try_from(ms),
		) {
			let f4 = factors_lanes(b4, r4, m4);
			for ((f, &fj), &mj) in f.iter_mut().zip(&f4).zip(ms) {
				*f = fj;
				total = total.wrapping_add(u128::from(fj).wrapping_mul(u128::from(mj)));
			}
		}
	}
	let rest = rs
		.into_remainder()
		.iter_mut()
		.zip(acs.into_remainder().iter_mut())
		.zip(fs.into_remainder().iter_mut())
		.zip(bs.remainder())
		.zip(ms.remainder());
	for ((((r, a), f), &b), &mj) in rest {
		one(r, a);
		*f = if mj == 0 { 0 } else { factor(b, *r) };
		total = total.wrapping_add(u128::from(*f).wrapping_mul(u128::from(mj)));
	}
	RunSums { delta: d, total }
}

/// The work of the `rows` whole rows from `from`: one unit per row, plus one per edge if `edges`
/// counts.
pub(crate) fn rows_work(offsets: &[u32], from: usize, rows: usize, edges: bool) -> u64 {
	let start = offsets.get(from).copied().unwrap_or(0);
	let end = offsets.get(from.saturating_add(rows)).copied().unwrap_or(start);
	let e = if edges { u64::from(end.saturating_sub(start)) } else { 0 };
	e.saturating_add(rows as u64)
}

/// The most whole rows from `from` (at most `to − from`) whose work fits `budget`: one unit per
/// row, plus one per edge if `edges` counts. Binary search on the row offsets.
pub(crate) fn rows_within(
	offsets: &[u32],
	from: usize,
	to: usize,
	budget: u64,
	edges: bool,
) -> usize {
	let cost = |rows: usize| rows_work(offsets, from, rows, edges);
	let (mut lo, mut hi) = (0usize, to.saturating_sub(from));
	if cost(hi) <= budget {
		return hi;
	}
	// cost(lo) ≤ budget < cost(hi); cost is nondecreasing.
	while hi.saturating_sub(lo) > 1 {
		let mid = lo.saturating_add(hi.saturating_sub(lo) >> 1);
		if cost(mid) <= budget {
			lo = mid;
		} else {
			hi = mid;
		}
	}
	lo
}
