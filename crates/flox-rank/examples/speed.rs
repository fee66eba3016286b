//! Speed of the ranking: `cargo run --release -p flox-rank --example speed -- EDGES TARGETS
//! CALLERS ITERATIONS [DUMP_FILE]`.
//!
//! Generates a random graph deterministically (splitmix64, seed 42; targets skewed towards low
//! indices, callers uniform, gas in 1..=10⁹, boosts in 1..=1000), runs exactly ITERATIONS
//! alternating iterations (tolerance 0) and prints edge-iterations per second, counting both
//! half-steps (2 · edges per iteration): on one thread (`rank_with_threads(.., 1)`), then with
//! `rank` (the machine's threads), in `FLOX_SPEED_ROUNDS` rounds (default 1), each round timing
//! both; the rates are those of the fastest round of each (the usual way to time code on a
//! machine whose other processes come and go: they only ever add time). With DUMP_FILE, also
//! writes the raw edges and boosts for `scripts/flox-speed.sh` (little endian: u64 edges,
//! targets, callers; then u32 targets[edges], u32 callers[edges], u64 gas[edges],
//! u64 target_boosts[targets], u64 caller_boosts[callers]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects)]

use fluxomics_test_support::rng::SplitMix64;
use std::io::Write;
use std::time::Instant;

fn main() {
	let args: Vec<String> = std::env::args().collect();
	let arg =
		|i: usize, d: u64| args.get(i).map(|s| s.parse::<u64>().expect("number")).unwrap_or(d);
	let n_edges = arg(1, 1_000_000) as usize;
	let n_t = arg(2, 10_000) as usize;
	let n_c = arg(3, 100_000) as usize;
	let iterations = arg(4, 20) as u32;
	let dump = args.get(5).cloned();

	let mut rng = SplitMix64(42);
	let mut ts = Vec::with_capacity(n_edges);
	let mut cs = Vec::with_capacity(n_edges);
	let mut gs = Vec::with_capacity(n_edges);
	for _ in 0..n_edges {
		let x = rng.next_u64() >> 32;
		let t = ((((x * x) >> 32) * n_t as u64) >> 32) as u32;
		let c = (rng.next_u64() % n_c as u64) as u32;
		let g = 1 + rng.next_u64() % 1_000_000_000;
		ts.push(t);
		cs.push(c);
		gs.push(g);
	}
	let tb: Vec<u64> = (0..n_t).map(|_| 1 + rng.next_u64() % 1000).collect();
	let cb: Vec<u64> = (0..n_c).map(|_| 1 + rng.next_u64() % 1000).collect();

	if let Some(path) = dump {
		let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("create dump"));
		for v in [n_edges as u64, n_t as u64, n_c as u64] {
			f.write_all(&v.to_le_bytes()).unwrap();
		}
		for v in &ts {
			f.write_all(&v.to_le_bytes()).unwrap();
		}
		for v in &cs {
			f.write_all(&v.to_le_bytes()).unwrap();
		}
		for v in gs.iter().chain(&tb).chain(&cb) {
			f.write_all(&v.to_le_bytes()).unwrap();
		}
		f.flush().unwrap();
	}

	let edges: Vec<(u32, u32, u128)> =
		ts.iter().zip(&cs).zip(&gs).map(|((&t, &c), &g)| (t, c, u128::from(g))).collect();
	let tb: Vec<u128> = tb.into_iter().map(u128::from).collect();
	let cb: Vec<u128> = cb.into_iter().map(u128::from).collect();
	let t0 = Instant::now();
	let graph = flox_rank::Graph::new(&edges, &tb, &cb).expect("graph");
	let build = t0.elapsed().as_secs_f64();
	drop(edges);

	let params = flox_rank::Params { tolerance: 0, max_iterations: iterations };
	let rounds: usize =
		std::env::var("FLOX_SPEED_ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(1).max(1);
	// One thread, then `rank` (all the machine's threads, up to 8), in each round: the same
	// ranking every time.
	let (mut single_secs, mut secs) = (f64::INFINITY, f64::INFINITY);
	let mut ranking = None;
	for round in 1..=rounds {
		let t1 = Instant::now();
		let single = flox_rank::rank_with_threads(&graph, params, 1);
		let one = t1.elapsed().as_secs_f64();
		let t2 = Instant::now();
		let all = flox_rank::rank(&graph, params);
		let threads = t2.elapsed().as_secs_f64();
		assert_eq!(single, all, "one thread and all threads must agree");
		if let Some(previous) = &ranking {
			assert_eq!(previous, &all, "every round must rank the same");
		}
		println!("round {round}: one thread {one:.3} s, rank {threads:.3} s");
		single_secs = single_secs.min(one);
		secs = secs.min(threads);
		ranking = Some(all);
	}
	let ranking = ranking.expect("at least one round");
	let edge_iters = 2.0 * graph.edges() as f64 * f64::from(ranking.iterations);
	let top = ranking.targets.iter().copied().max().unwrap_or(0) as f64 / flox_rank::ONE as f64;
	println!(
		"library: edges {} (distinct) targets {} callers {} iterations {} build {:.3} s rank {:.3} s \
		 (one thread {:.3} s; fastest of {} rounds) top-target {:.6e}",
		graph.edges(),
		n_t,
		n_c,
		ranking.iterations,
		build,
		secs,
		single_secs,
		rounds,
		top
	);
	println!("single_thread_rate {:.1} M edge-iterations/s", edge_iters / single_secs / 1e6);
	println!("library_rate {:.1} M edge-iterations/s", edge_iters / secs / 1e6);
}
