//! Cost at scale (issue 18, `make bench`): what a `stake`, a charge (a `remark` paid in Power),
//! a `rent` and a PoCW `claimTask` cost with 1, 10 000 and 1 000 000 other accounts on chain,
//! each of them funded, holding Flux and staked (so `System::Account`, `Flux::Accounts` and
//! Power's per-account state all have that many entries).
//!
//! Every call's benchmarked weight is a fixed number of storage reads and writes of single
//! entries (no call iterates over accounts), so what can grow with the state is the price of each
//! read and write: the depth of the trie path to the entry, and the new state root. This test
//! measures exactly that: the state is built for real (the calls dispatched, the overlay committed
//! into a trie), then `SCALE_CALLS` (200) signed extrinsics of each kind, from distinct accounts,
//! go through `Executive::apply_extrinsic` in a block of their own; the test prints the time to
//! apply one, and the block's finalization (the state root over their changes) divided by their
//! number. Native code over an in-memory trie: the figure is the growth with the state, not a
//! disk's latency (the weights' per-read and per-write prices come from
//! `fluxomics-node benchmark storage` on a database).
//!
//! ```sh
//! SCALE_SIZES="1 10000 1000000" SKIP_WASM_BUILD=1 \
//!   cargo test --release -p fluxomics-runtime --test cost_at_scale -- --ignored --nocapture
//! ```
//!
//! Each line printed starts with `SCALE` and is also appended to `$BENCH_OUT` if set.

// Test code: a failed step stops the test with its reason.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects)]

#[path = "fuzz/chain.rs"]
#[allow(dead_code, unused_imports)]
mod chain;
mod common;

use chain::{Head, Keys, Signing};
use fluxomics_runtime::{
	constants::HETU, AccountId, Executive, RuntimeCall, RuntimeOrigin, System,
};
use frame_support::traits::{fungible::Mutate, UnfilteredDispatchable};
use sp_core::{sr25519, Pair, H256};
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use std::{io::Write, time::Instant};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
	Stake,
	Charge,
	Rent,
	Claim,
}

const KINDS: [Kind; 4] = [Kind::Stake, Kind::Charge, Kind::Rent, Kind::Claim];

fn name(kind: Kind) -> &'static str {
	match kind {
		Kind::Stake => "stake",
		Kind::Charge => "charge",
		Kind::Rent => "rent",
		Kind::Claim => "claim",
	}
}

/// Dispatches `call` from `who` as the call itself (no extension, no fee): the way the state is
/// built, not measured.
fn dispatch(who: &AccountId, call: RuntimeCall) {
	call.dispatch_bypass_filter(RuntimeOrigin::signed(who.clone()))
		.unwrap_or_else(|e| panic!("{who}: {e:?}"));
}

/// Funds `who` with `hetu`, converts half and stakes `staked` of it.
fn stake_up(who: &AccountId, hetu: u128, staked: u128) {
	<pallet_balances::Pallet<fluxomics_runtime::Runtime> as Mutate<AccountId>>::set_balance(
		who, hetu,
	);
	dispatch(who, RuntimeCall::Flux(pallet_flux::Call::convert { hetu: hetu / 2 }));
	dispatch(who, RuntimeCall::Flux(pallet_flux::Call::stake { amount: staked }));
}

/// The cost of each kind with `crowd` other staked accounts on chain: `(kind, µs to apply one,
/// µs of finalization per extrinsic)`.
fn measure(crowd: u32, calls: u32) -> Vec<(Kind, f64, f64)> {
	let mut ext = common::genesis(DEV_RUNTIME_PRESET);
	let mut head = Head::genesis(ext.execute_with(|| System::block_hash(0)));
	// The measured signers: `calls` of each kind, plus the lenders and the requester.
	let pairs: Vec<sr25519::Pair> = (0..calls * 5 + 1)
		.map(|i| sr25519::Pair::from_string(&format!("//scale/{i}"), None).unwrap())
		.collect();
	let ids: Vec<AccountId> = pairs.iter().map(|p| AccountId::from(p.public())).collect();
	let keys = Keys { pairs, ids: ids.clone(), names: Vec::new() };
	let signer = |kind: Kind, i: u32| {
		(KINDS.iter().position(|k| *k == kind).unwrap() as u32 * calls + i) as usize
	};
	let lender = |i: u32| (4 * calls + i) as usize;
	let requester = (5 * calls) as usize;
	let started = Instant::now();
	let (offers, tasks) = ext.execute_with(|| {
		head.open_block(1, 0).unwrap();
		for i in 0..crowd {
			let who = AccountId::from(sp_io::hashing::blake2_256(&i.to_le_bytes()));
			stake_up(&who, 100 * HETU, 10 * HETU);
			if i % 10_000 == 9_999 {
				System::reset_events();
				eprintln!("scale: {} of {crowd} accounts staked", i + 1);
			}
		}
		for id in &ids {
			stake_up(id, 1_000_000 * HETU, 100_000 * HETU);
		}
		// Three verifiers, so a task can be posted with the least quorum.
		for v in 0..3 {
			let bond = pallet_pocw::Params::<fluxomics_runtime::Runtime>::get().min_verifier_bond;
			dispatch(
				&ids[lender(v)],
				RuntimeCall::Pocw(pallet_pocw::Call::register_verifier { bond }),
			);
		}
		let market = pallet_power_market::Params::<fluxomics_runtime::Runtime>::get();
		let offers: Vec<u32> = (0..calls)
			.map(|i| {
				let id = pallet_power_market::NextOfferId::<fluxomics_runtime::Runtime>::get();
				dispatch(
					&ids[lender(i)],
					RuntimeCall::PowerMarket(pallet_power_market::Call::list {
						amount: 10_000 * HETU,
						price: 1,
						min_duration: market.min_duration,
						max_duration: market.max_duration,
					}),
				);
				id
			})
			.collect();
		let pocw = pallet_pocw::Params::<fluxomics_runtime::Runtime>::get();
		let tasks: Vec<u64> = (0..calls)
			.map(|i| {
				let id = pallet_pocw::NextTaskId::<fluxomics_runtime::Runtime>::get();
				dispatch(
					&ids[requester],
					RuntimeCall::Pocw(pallet_pocw::Call::post_task {
						spec_hash: H256::repeat_byte(7),
						budget: pocw.min_budget,
						class: fluxomics_primitives::TaskClass::Heavy,
						quorum: pocw.min_quorum,
						// Deadlines a second apart, so no expiry bucket fills.
						deadline: head.now + pocw.max_deadline - 1_000 * u64::from(i),
					}),
				);
				id
			})
			.collect();
		System::reset_events();
		head.close_block();
		(offers, tasks)
	});
	ext.commit_all().expect("the state commits");
	eprintln!("scale: {crowd} accounts built in {:.0} s", started.elapsed().as_secs_f64());

	let mut nonces = vec![0u32; keys.len()];
	ext.execute_with(|| {
		for (i, n) in nonces.iter_mut().enumerate() {
			*n = System::account_nonce(keys.id(i));
		}
	});
	// A minute and more later, every measured signer's Power cap is full (dev: 60 s).
	let mut first = true;
	let mut lines = Vec::new();
	for kind in KINDS {
		let xts: Vec<_> = ext.execute_with(|| {
			head.open_block(if first { 11 } else { 1 }, 0).unwrap();
			(0..calls)
				.map(|i| {
					let s = signer(kind, i);
					let call = match kind {
						Kind::Stake => RuntimeCall::Flux(pallet_flux::Call::stake { amount: HETU }),
						Kind::Charge => {
							RuntimeCall::System(frame_system::Call::remark { remark: Vec::new() })
						},
						Kind::Rent => RuntimeCall::PowerMarket(pallet_power_market::Call::rent {
							offer: offers[i as usize],
							// The whole offer (a lease takes at least an even share of it).
							amount: 10_000 * HETU,
							// Ends a second apart, so no expiry bucket fills.
							duration: 60_000 + 1_000 * u64::from(i),
							max_total: 10_000 * HETU,
						}),
						Kind::Claim => RuntimeCall::Pocw(pallet_pocw::Call::claim_task {
							task: tasks[i as usize],
							collateral: 10 * HETU,
						}),
					};
					let xt =
						chain::sign(&keys, s, call, nonces[s], Signing::Honest, head.number + 1);
					nonces[s] += 1;
					xt
				})
				.collect()
		});
		first = false;
		let (apply, root) = ext.execute_with(|| {
			let t = Instant::now();
			for xt in xts {
				match Executive::apply_extrinsic(xt) {
					Ok(Ok(())) => {},
					other => panic!("{kind:?} with {crowd} accounts: {other:?}"),
				}
			}
			let apply = t.elapsed();
			let t = Instant::now();
			head.close_block();
			(apply, t.elapsed())
		});
		ext.commit_all().expect("the block commits");
		let per = |d: std::time::Duration| d.as_secs_f64() * 1e6 / f64::from(calls);
		lines.push((kind, per(apply), per(root)));
	}
	lines
}

#[test]
#[ignore = "a measurement: make bench runs it"]
fn cost_of_calls_against_state_size() {
	let sizes: Vec<u32> = std::env::var("SCALE_SIZES")
		.unwrap_or_else(|_| "1 10000 1000000".into())
		.split_whitespace()
		.map(|s| s.parse().expect("SCALE_SIZES: numbers"))
		.collect();
	let calls = std::env::var("SCALE_CALLS").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
	let mut out = std::env::var_os("BENCH_OUT")
		.map(|p| std::fs::OpenOptions::new().create(true).append(true).open(p).unwrap());
	for crowd in sizes {
		for (kind, apply, root) in measure(crowd, calls) {
			let line = format!("SCALE {crowd} {} apply={apply:.1}us root={root:.1}us", name(kind));
			println!("{line}");
			if let Some(f) = out.as_mut() {
				writeln!(f, "{line}").unwrap();
			}
		}
	}
}
