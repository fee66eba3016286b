//! Benchmarks (frame-benchmarking v2) of Flox in its worst cases: a charge noted in a nearly
//! full buffer, a fold of `n` charges of `n` new callers each making a new edge (each target's
//! existence read in the dearest way the runtime answers it), a fold into an edge list of `e`
//! edges (what each edge already held costs to decode and encode), a rollover into a nearly full
//! queue, and each ranking phase over `n` units (`rank_step` over a graph of `e` edges and `w`
//! work units, so that `on_idle` can turn the weight it has into work).

use super::*;
use crate::traits::AccountExists;
use alloc::vec::Vec;
use codec::Encode;
use flox_rank::{Graph, Ranker};
use fluxomics_primitives::{OnPowerCharged, StakeInfo, UNIT};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get, Hooks},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_arithmetic::FixedU128;

const SEED: u32 = 0;
/// The most units a chunk benchmark measures.
const MAX_CHUNK: u32 = 1_000;

/// Parameters that never converge early, so that stepping never runs out of work.
fn slow_params<T: Config>() -> FloxParams {
	let mut p = Params::<T>::get();
	p.tolerance = 0;
	p.max_iterations = u32::MAX;
	p
}

/// Records `n` edges between distinct new accounts in the current epoch, staking each account.
fn record_edges<T: Config>(n: u32) {
	for i in 0..n {
		let caller: T::AccountId = account("caller", i, SEED);
		let target: T::AccountId = account("target", i, SEED);
		T::Stake::stake_for_benchmark(&caller, 10 * UNIT);
		T::Stake::stake_for_benchmark(&target, 10 * UNIT);
		T::Accounts::create_for_benchmark(&target);
		TierWeights::<T>::insert(&target, FixedU128::from_u32(2));
		Pallet::<T>::record_now(&caller, &target, u128::from(i) + 1);
	}
}

/// A computation of the current epoch's data at `stage`.
fn computation<T: Config>(stage: Stage) -> Computation {
	let cur = Current::<T>::get();
	Computation {
		epoch: cur.id,
		params: cur.params,
		counts: Counts::<T>::get(cur.id),
		stage,
		outcome: None,
	}
}

/// A synthetic graph input of `e` edges over `a` targets and `a` callers.
fn input<T: Config>(e: u32, a: u32) -> InputOf<T> {
	let a = a.max(1);
	let edges: Vec<(u32, u32, u128)> = (0..e)
		.map(|i| (i % a, (i.wrapping_mul(7).wrapping_add(i / a)) % a, u128::from(i) + 1))
		.collect();
	let boosts: Vec<u128> = (0..a).map(|i| u128::from(i) + 1).collect();
	GraphInput {
		edges: BoundedVec::truncate_from(edges),
		target_boosts: BoundedVec::truncate_from(boosts.clone()),
		caller_boosts: BoundedVec::truncate_from(boosts),
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn record(n: Linear<1, { T::MaxPendingCharges::get() }>) {
		// `n` charges noted in one block, into a buffer the block's `on_initialize` took (so
		// in the block's overlay, as the runtime's charges find it): the slope is what one
		// charge costs, and a slope fitted up to a full buffer shows it does not grow with the
		// charges before it.
		Pending::<T>::put(BoundedVec::truncate_from(alloc::vec![PendingCharge {
			payer: account::<T::AccountId>("payer", 0, SEED),
			counterparty: account::<T::AccountId>("counterparty", 0, SEED),
			power: 1,
		}]));
		PendingLen::<T>::put(1);
		let callers: Vec<T::AccountId> = (0..n).map(|i| account("caller", i, SEED)).collect();
		let target: T::AccountId = account("target", 0, SEED);
		#[block]
		{
			let _ = Pending::<T>::take();
			PendingLen::<T>::kill();
			for caller in callers.iter() {
				<Pallet<T> as OnPowerCharged<T::AccountId>>::on_power_charged(
					caller, &target, 1_000,
				);
			}
		}
		assert_eq!(Pending::<T>::decode_len(), Some(n as usize));
		assert_eq!(PendingLen::<T>::get(), n);
	}

	#[benchmark]
	fn fold(n: Linear<0, { T::MaxPendingCharges::get() }>) {
		// Worst case: each charge a new edge of a new caller (its list read, absent, and
		// written), in an epoch that already holds edges (its maps are not empty); each target
		// existing in the dearest way (admitted after the most reads).
		record_edges::<T>(n.min(T::MaxEdges::get() / 2).min(MAX_CHUNK));
		let charges: Vec<PendingCharge<T::AccountId>> = (0..n)
			.map(|i| PendingCharge {
				payer: account("fold-caller", i, SEED),
				counterparty: account("fold-target", i, SEED),
				power: u128::from(i) + 1,
			})
			.collect();
		for c in charges.iter() {
			T::Accounts::create_for_benchmark(&c.counterparty);
		}
		Pending::<T>::put(BoundedVec::truncate_from(charges));
		let before = Counts::<T>::get(Current::<T>::get().id).edges;
		#[block]
		{
			Pallet::<T>::fold_pending();
		}
		assert!(Pending::<T>::get().is_empty());
		// Every charge was admitted: the dearest path, not a cheaper refusal.
		let after = Counts::<T>::get(Current::<T>::get().id).edges;
		assert_eq!(after, before.saturating_add(n));
	}

	#[benchmark]
	fn fold_list(e: Linear<0, { MAX_EDGES_PER_CALLER - 1 }>) {
		// One charge, a new edge of a caller whose list already holds `e` edges: the list is
		// decoded, searched and encoded whole. The slope in `e` is what each edge a list held
		// adds to a fold.
		let e = e.min(T::MaxEdges::get().saturating_sub(1));
		let caller: T::AccountId = account("list-caller", 0, SEED);
		for i in 0..e {
			let target: T::AccountId = account("list-target", i, SEED);
			T::Accounts::create_for_benchmark(&target);
			Pallet::<T>::record_now(&caller, &target, u128::from(i) + 1);
		}
		let target: T::AccountId = account("list-new", 0, SEED);
		T::Accounts::create_for_benchmark(&target);
		let charge = PendingCharge { payer: caller.clone(), counterparty: target, power: 7 };
		Pending::<T>::put(BoundedVec::truncate_from(alloc::vec![charge]));
		#[block]
		{
			Pallet::<T>::fold_pending();
		}
		let epoch = Current::<T>::get().id;
		assert_eq!(CallerEdges::<T>::decode_len(epoch, &caller), Some(e as usize + 1));
	}

	#[benchmark]
	fn epoch_check() {
		T::BenchmarkHelper::set_time(1_000_000);
		Current::<T>::mutate(|c| c.start = 1_000_000);
		#[block]
		{
			Pallet::<T>::on_initialize(BlockNumberFor::<T>::from(1u32));
		}
		assert_eq!(Current::<T>::get().id, 0);
	}

	#[benchmark]
	fn epoch_rollover() {
		T::BenchmarkHelper::set_time(1_000_000);
		Current::<T>::mutate(|c| c.start = 1_000_000);
		let frozen = FrozenEpoch { epoch: 0, params: Params::<T>::get() };
		let queued: Vec<FrozenEpoch> = (0..MAX_QUEUED_EPOCHS.saturating_sub(1))
			.map(|i| FrozenEpoch { epoch: i, ..frozen })
			.collect();
		Queue::<T>::put(BoundedVec::truncate_from(queued));
		let id = MAX_QUEUED_EPOCHS;
		Current::<T>::mutate(|c| c.id = id);
		record_edges::<T>(1);
		let length = Current::<T>::get().params.epoch_length;
		T::BenchmarkHelper::set_time(1_000_000u64.saturating_add(length));
		#[block]
		{
			Pallet::<T>::on_initialize(BlockNumberFor::<T>::from(1u32));
		}
		assert_eq!(Current::<T>::get().id, id + 1);
	}

	#[benchmark]
	fn collect(n: Linear<0, { T::MaxEdges::get().min(MAX_CHUNK) }>) {
		// Edge units, the dearest: each edge's caller and target new (the caller's list read
		// through the iteration, its index written; the target's index read, absent, and
		// written both ways). An account unit (boost: the index, stake and tier read) costs
		// less.
		record_edges::<T>(n);
		// The input nearly full: the chunk decodes and encodes the most bytes.
		let mut inp = input::<T>(T::MaxEdges::get().saturating_sub(n), 0);
		inp.target_boosts = BoundedVec::new();
		inp.caller_boosts = BoundedVec::new();
		let before = inp.edges.len();
		Input::<T>::put(inp);
		let comp = computation::<T>(Stage::Collect { next: 0, caller: 0, done: 0 });
		#[block]
		{
			Pallet::<T>::collect(comp, n);
		}
		assert_eq!(Input::<T>::get().edges.len(), before + n as usize);
		assert_eq!(Ongoing::<T>::get().map(|c| c.counts.targets), Some(n));
	}

	#[benchmark]
	fn collect_boosts(n: Linear<0, { T::MaxEdges::get().min(MAX_CHUNK) }>) {
		// Account units (after the edges): each reads the account's index, stake and tier,
		// with the stored input nearly full.
		record_edges::<T>(n);
		Pallet::<T>::collect(computation::<T>(Stage::Collect { next: 0, caller: 0, done: 0 }), n);
		let mut inp = input::<T>(T::MaxEdges::get().saturating_sub(n), 0);
		inp.target_boosts = BoundedVec::new();
		inp.caller_boosts = BoundedVec::new();
		Input::<T>::put(inp);
		let mut comp = computation::<T>(Stage::Collect { next: n, caller: n, done: 0 });
		comp.counts.targets = n;
		#[block]
		{
			Pallet::<T>::collect(comp, n);
		}
		assert_eq!(Input::<T>::get().target_boosts.len() as u32, n);
	}

	#[benchmark]
	fn build(e: Linear<1, { T::MaxEdges::get() }>, a: Linear<1, { T::MaxEdges::get() }>) {
		Input::<T>::put(input::<T>(e, a));
		let mut comp = computation::<T>(Stage::Build);
		comp.params = slow_params::<T>();
		#[block]
		{
			Pallet::<T>::build(comp);
		}
		assert!(RankerState::<T>::exists());
	}

	#[benchmark]
	fn rank_step(
		e: Linear<{ T::MaxEdges::get().min(1_000) }, { T::MaxEdges::get() }>,
		w: Linear<0, 100_000>,
	) -> Result<(), BenchmarkError> {
		let a = e;
		let inp = input::<T>(e, a);
		let graph = Graph::new(&inp.edges, &inp.target_boosts, &inp.caller_boosts)
			.map_err(|_| BenchmarkError::Stop("graph"))?;
		let p = slow_params::<T>();
		let ranker = Ranker::new(
			&graph,
			flox_rank::Params { tolerance: p.tolerance, max_iterations: p.max_iterations },
		);
		GraphState::<T>::put(BoundedVec::truncate_from(graph.encode()));
		RankerState::<T>::put(BoundedVec::truncate_from(ranker.encode()));
		let mut comp = computation::<T>(Stage::Rank { work: 0 });
		comp.params = p;
		comp.counts.edges = e;
		#[block]
		{
			Pallet::<T>::rank(comp, w);
		}
		// Still ranking, or finished (a tiny graph can be exactly stationary at once).
		assert!(RankerState::<T>::exists() || Results::<T>::exists());
		Ok(())
	}

	#[benchmark]
	fn write(n: Linear<0, { T::MaxEdges::get().min(MAX_CHUNK) }>) {
		record_edges::<T>(n);
		// Index the epoch as its collection would.
		Pallet::<T>::collect(computation::<T>(Stage::Collect { next: 0, caller: 0, done: 0 }), n);
		let c = computation::<T>(Stage::Write { next: 0 });
		let ranks: Vec<u64> = (0..n).map(|_| flox_rank::ONE / u64::from(n.max(1))).collect();
		// Results of the largest epoch: the chunk decodes the most bytes.
		let mut full = ranks.clone();
		full.resize(T::MaxEdges::get() as usize, 0);
		Results::<T>::put(RankVectors {
			targets: BoundedVec::truncate_from(ranks),
			callers: BoundedVec::truncate_from(full),
		});
		// Only targets are written here: make the callers' part of the epoch look empty.
		let mut counts = c.counts;
		counts.targets = n;
		counts.callers = T::MaxEdges::get();
		let comp = Computation {
			counts,
			outcome: Some(RankOutcome { digest: [0; 32], iterations: 1, converged: true }),
			..c
		};
		#[block]
		{
			Pallet::<T>::write(comp, n);
		}
		let _ = Results::<T>::take();
		// Each rank earned points, so each was kept: the dearest path (a rank worth no point
		// writes nothing).
		if let Some(last) = n.checked_sub(1) {
			assert!(Ranks::<T>::contains_key(account::<T::AccountId>("target", last, SEED)));
		}
	}

	#[benchmark]
	fn clean(n: Linear<0, { T::MaxEdges::get().min(MAX_CHUNK) }>) {
		record_edges::<T>(n);
		// Index the epoch as its collection would.
		Pallet::<T>::collect(computation::<T>(Stage::Collect { next: 0, caller: 0, done: 0 }), n);
		// The chunk is the epoch's last: `n` callers (an index taken and an edge list removed
		// each; a target unit costs the same), then the epoch's counters, input and
		// computation are removed. Every sample touches the same storage, whatever `n`.
		let mut comp = computation::<T>(Stage::Clean { next: 0 });
		comp.counts.targets = 0;
		comp.counts.callers = n;
		#[block]
		{
			Pallet::<T>::clean(comp, n);
		}
		assert_eq!(CallerEdges::<T>::iter_prefix(comp.epoch).count(), 0);
		assert!(Ongoing::<T>::get().is_none());
	}

	#[benchmark]
	fn set_params() -> Result<(), BenchmarkError> {
		let origin =
			T::UpdateOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let mut p = Params::<T>::get();
		// The dearest path: the running epoch and a full queue of frozen epochs follow the vote
		// (a write each).
		let frozen = FrozenEpoch { epoch: 0, params: p };
		Queue::<T>::put(BoundedVec::truncate_from(alloc::vec![
			frozen;
			MAX_QUEUED_EPOCHS as usize
		]));
		p.contracts_ratio = p.contracts_ratio.saturating_add(1);
		p.epoch_length = MIN_EPOCH_LENGTH;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, p);
		assert_eq!(Params::<T>::get(), p);
		assert_eq!(Current::<T>::get().params, p);
		assert!(Queue::<T>::get().iter().all(|e| e.params.contracts_ratio == p.contracts_ratio));
		Ok(())
	}

	#[benchmark]
	fn set_tier() -> Result<(), BenchmarkError> {
		let origin =
			T::UpdateOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("who", 0, SEED);
		let w = FixedU128::from_u32(3);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), w);
		assert_eq!(TierWeights::<T>::get(&who), Some(w));
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::tests::mock::new_bench_ext(),
		crate::tests::mock::Test
	);
}
