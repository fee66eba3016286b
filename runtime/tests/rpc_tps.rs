//! Transactions a second through the RPC (issue 18, `make bench`): a sender of pre-signed
//! transfers for running nodes, compiled with the build it talks to (so that the stock build
//! signs with `ChargeTransactionPayment`, the real one with `ChargePower`). `scripts/bench.sh`
//! starts the nodes; by hand:
//!
//! ```sh
//! TPS_RPC=127.0.0.1:9944 SKIP_WASM_BUILD=1 \
//!   cargo test --release -p fluxomics-runtime --test rpc_tps -- --ignored --nocapture
//! ```
//!
//! 1. The `TPS_ACCOUNTS` (14) funded dev accounts each convert 400 000 HETU to Flux and stake
//!    399 000, and the sender waits 65 s (a dev cap fills in 60 s), so the burst is paid in
//!    Power.
//! 2. It signs `TPS_COUNT` (6 000) transfers of 0.01 HETU to new accounts, round robin over the
//!    accounts, before sending any; then sends them all in JSON-RPC batches of 200
//!    (`author_submitExtrinsic`) over `TPS_CONNECTIONS` (4) HTTP connections at once, each on a
//!    thread of its own, without waiting for anything; or, with `TPS_RATE` set, paced at that
//!    many transfers a second (a network is measured under a steady load above its capacity: a
//!    burst of thousands in a second clogs the gossip between nodes, see
//!    `docs/performance.md`). `TPS_RPC` may name several nodes (comma-separated): the accounts
//!    take them in turn, each account's transfers all going to its node, so a network's nodes
//!    all receive transfers and none holds a nonce gap.
//! 3. It follows the best chain of the first node (`chain_getBlock`) until every transfer is in a
//!    block, and prints
//!    `TPS <variant> <label> <included> <seconds> <per second> sent=<per second> blocks=<n>
//!    chain=<per second>`: the inclusion rate, from the first send to the block holding the last
//!    transfer; the send rate, which shows how near the sender itself is to being the limit; the
//!    number of blocks that held the burst; and the rate in chain time, from the first of those
//!    blocks to the last (the measure for a network, whose 6 s slots make the wall-clock rate
//!    depend on where in a slot the burst starts). With `TPS_REPEAT` (1) it repeats steps 2 and
//!    3 and prints the fastest burst. Appended to `$BENCH_OUT` if set.

// Test code: a failed step stops the test with its reason.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects)]

use fluxomics_runtime::{
	constants::{HETU, MILLI_HETU},
	AccountId, RuntimeCall, VERSION,
};
use serde_json::{json, Value};
use sp_core::{bytes::to_hex, sr25519, Pair, H256};
use sp_runtime::MultiAddress;
use std::{
	io::{BufRead, BufReader, Read, Write},
	net::TcpStream,
	time::{Duration, Instant},
};

/// Transfers in one JSON-RPC batch.
const BATCH: usize = 200;

/// Which fee path the build has.
const VARIANT: &str = if cfg!(feature = "stock-fees") { "stock" } else { "fluxomics" };

/// A JSON-RPC client over one kept-alive HTTP/1.1 connection.
struct Rpc {
	stream: BufReader<TcpStream>,
	host: String,
	id: u64,
}

impl Rpc {
	fn connect(host: &str) -> Self {
		let stream =
			TcpStream::connect(host).unwrap_or_else(|e| panic!("cannot reach {host}: {e}"));
		stream.set_nodelay(true).unwrap();
		Self { stream: BufReader::new(stream), host: host.to_string(), id: 0 }
	}

	/// Posts `body` and returns the parsed answer.
	fn post(&mut self, body: &Value) -> Value {
		let body = body.to_string();
		let head = format!(
			"POST / HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
			self.host,
			body.len()
		);
		let s = self.stream.get_mut();
		s.write_all(head.as_bytes()).unwrap();
		s.write_all(body.as_bytes()).unwrap();
		let mut length = 0usize;
		loop {
			let mut line = String::new();
			self.stream.read_line(&mut line).unwrap();
			let line = line.trim_end();
			if line.is_empty() {
				break;
			}
			if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
				length = v.trim().parse().unwrap();
			}
		}
		let mut buf = vec![0u8; length];
		self.stream.read_exact(&mut buf).unwrap();
		serde_json::from_slice(&buf).unwrap()
	}

	/// Calls `method`; panics on an error answer.
	fn call(&mut self, method: &str, params: Value) -> Value {
		self.id += 1;
		let answer = self
			.post(&json!({"jsonrpc": "2.0", "id": self.id, "method": method, "params": params}));
		match answer.get("result") {
			Some(r) => r.clone(),
			None => panic!("{method}: {answer}"),
		}
	}

	/// Submits the extrinsics in one batch; returns how many the node refused.
	fn submit(&mut self, xts: &[Vec<u8>]) -> usize {
		let batch: Vec<Value> = xts
			.iter()
			.map(|x| {
				self.id += 1;
				json!({"jsonrpc": "2.0", "id": self.id, "method": "author_submitExtrinsic", "params": [to_hex(x, false)]})
			})
			.collect();
		let answer = self.post(&Value::Array(batch));
		let refused: Vec<&Value> = answer
			.as_array()
			.map(|a| a.iter().filter(|r| r.get("error").is_some()).collect())
			.unwrap_or_default();
		if let Some(first) = refused.first() {
			eprintln!("{} refused, e.g. {first}", refused.len());
		}
		refused.len()
	}

	fn nonce(&mut self, who: &AccountId) -> u32 {
		self.call("system_accountNextIndex", json!([who.to_string()])).as_u64().unwrap() as u32
	}

	fn best_number(&mut self) -> u32 {
		let h = self.call("chain_getHeader", json!([]));
		u32::from_str_radix(h["number"].as_str().unwrap().trim_start_matches("0x"), 16).unwrap()
	}

	/// The number of signed extrinsics of block `n` (its extrinsics but the timestamp), and the
	/// block's timestamp (chain time, ms).
	fn signed_in(&mut self, n: u32) -> (usize, u64) {
		let hash = self.call("chain_getBlockHash", json!([n]));
		let block = self.call("chain_getBlock", json!([hash]));
		let signed = block["block"]["extrinsics"].as_array().unwrap().len().saturating_sub(1);
		let key =
			[sp_io::hashing::twox_128(b"Timestamp"), sp_io::hashing::twox_128(b"Now")].concat();
		let now = self.call("state_getStorage", json!([to_hex(&key, false), hash]));
		let bytes = sp_core::bytes::from_hex(now.as_str().unwrap()).unwrap();
		(signed, u64::from_le_bytes(bytes.try_into().unwrap()))
	}
}

/// What one burst gave.
struct Burst {
	included: usize,
	secs: f64,
	sent: f64,
	blocks: usize,
	chain_rate: f64,
}

impl Burst {
	/// Transfers included a second, from the first send to the block holding the last.
	fn rate(&self) -> f64 {
		self.included as f64 / self.secs
	}
}

#[path = "fuzz/chain.rs"]
#[allow(dead_code, unused_imports)]
mod chain;
mod common;

/// Waits until `who`'s next nonce is `nonce` (its transactions are in blocks), at most `secs`.
fn wait_nonce(rpc: &mut Rpc, who: &AccountId, nonce: u32, secs: u64) {
	let deadline = Instant::now() + Duration::from_secs(secs);
	while rpc.nonce(who) < nonce {
		assert!(Instant::now() < deadline, "{who}'s transactions were not included in {secs} s");
		std::thread::sleep(Duration::from_millis(200));
	}
}

#[test]
#[ignore = "a measurement against running nodes: make bench runs it"]
fn transfers_a_second_through_the_rpc() {
	let var = |k: &str, d: u64| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
	let hosts: Vec<String> = std::env::var("TPS_RPC")
		.unwrap_or_else(|_| "127.0.0.1:9944".into())
		.split(',')
		.map(str::to_string)
		.collect();
	let label = std::env::var("TPS_LABEL").unwrap_or_else(|_| "node".into());
	let (accounts, count) = (var("TPS_ACCOUNTS", 14) as u32, var("TPS_COUNT", 6_000) as u32);
	let connections = var("TPS_CONNECTIONS", 4).max(1) as usize;
	let rate = var("TPS_RATE", 0);
	let repeat = var("TPS_REPEAT", 1).max(1) as u32;
	let mut rpc = Rpc::connect(&hosts[0]);
	let version = rpc.call("state_getRuntimeVersion", json!([]));
	assert_eq!(
		(version["specVersion"].as_u64(), version["transactionVersion"].as_u64()),
		(Some(u64::from(VERSION.spec_version)), Some(u64::from(VERSION.transaction_version))),
		"the node runs another runtime version than this build"
	);
	let genesis: H256 = serde_json::from_value(rpc.call("chain_getBlockHash", json!([0]))).unwrap();

	// 1. The senders convert and stake, then let the cap fill.
	let senders: Vec<sr25519::Pair> =
		sp_keyring::Sr25519Keyring::iter().take(accounts as usize).map(|k| k.pair()).collect();
	let accounts = senders.len() as u32;
	let mut setup = Vec::new();
	let mut after = Vec::new();
	for p in &senders {
		let n = rpc.nonce(&AccountId::from(p.public()));
		let convert = RuntimeCall::Flux(pallet_flux::Call::convert { hetu: 400_000 * HETU });
		let stake = RuntimeCall::Flux(pallet_flux::Call::stake { amount: 399_000 * HETU });
		setup.push(chain::sign_with(p, convert, n, genesis));
		setup.push(chain::sign_with(p, stake, n + 1, genesis));
		after.push(n + 2);
	}
	assert_eq!(rpc.submit(&setup), 0, "staking refused");
	for (p, n) in senders.iter().zip(after) {
		wait_nonce(&mut rpc, &AccountId::from(p.public()), n, 120);
	}
	std::thread::sleep(Duration::from_secs(65));

	let mut nonces: Vec<u32> =
		senders.iter().map(|p| rpc.nonce(&AccountId::from(p.public()))).collect();
	let mut best: Option<Burst> = None;
	for round in 0..repeat {
		// 2. Sign the burst before sending any of it.
		let burst: Vec<Vec<u8>> = (0..count)
			.map(|i| {
				let s = (i % accounts) as usize;
				let mut dest = [0u8; 32];
				dest[..4].copy_from_slice(&(i + round * count).to_le_bytes());
				dest[28..].copy_from_slice(b"tps!");
				let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
					dest: MultiAddress::Id(AccountId::from(dest)),
					value: 10 * MILLI_HETU,
				});
				nonces[s] += 1;
				chain::sign_with(&senders[s], call, nonces[s] - 1, genesis)
			})
			.collect();

		// 3. Send it all over several connections at once, then follow the chain until every
		//    transfer is in a block. Each account's transfers go to one node (the accounts take the
		//    nodes in turn), so that no node sees a nonce whose predecessor went elsewhere; a node's
		//    batches keep nonce order and its connections take them in turn.
		let mut by_host: Vec<Vec<Vec<u8>>> = vec![Vec::new(); hosts.len()];
		for (i, xt) in burst.into_iter().enumerate() {
			by_host[(i % accounts as usize) % hosts.len()].push(xt);
		}
		let per_host = connections.div_ceil(hosts.len());
		let mut links: Vec<(Rpc, usize, usize)> = (0..per_host * hosts.len())
			.map(|c| (Rpc::connect(&hosts[c % hosts.len()]), c % hosts.len(), c / hosts.len()))
			.collect();
		// With `TPS_RATE`, each node receives its share of that many transfers a second.
		let gap = (rate > 0)
			.then(|| Duration::from_secs_f64(BATCH as f64 * hosts.len() as f64 / rate as f64));
		let first_block = rpc.best_number() + 1;
		let start = Instant::now();
		let refused: usize = std::thread::scope(|scope| {
			let by_host = &by_host;
			let workers: Vec<_> = links
				.iter_mut()
				.map(|(link, host, nth)| {
					let (host, nth) = (*host, *nth);
					scope.spawn(move || {
						let mut refused = 0;
						for (k, batch) in by_host[host].chunks(BATCH).enumerate() {
							if k % per_host != nth {
								continue;
							}
							// Paced: the node's `k`-th batch leaves at `k` batches' worth of the rate.
							if let Some(gap) = gap {
								let at = start + gap * k as u32;
								std::thread::sleep(at.saturating_duration_since(Instant::now()));
							}
							refused += link.submit(batch);
						}
						refused
					})
				})
				.collect();
			workers.into_iter().map(|w| w.join().unwrap()).sum()
		});
		let sent = start.elapsed().as_secs_f64();
		assert_eq!(refused, 0, "the node refused transfers");
		let mut included = 0usize;
		let mut next = first_block;
		// The blocks that held transfers: (transfers, timestamp).
		let mut held: Vec<(usize, u64)> = Vec::new();
		let deadline = Instant::now() + Duration::from_secs(600);
		let mut done_at = start.elapsed();
		while included < count as usize {
			assert!(Instant::now() < deadline, "only {included} of {count} included in 10 minutes");
			let best = rpc.best_number();
			while next <= best {
				let (n, at) = rpc.signed_in(next);
				included += n;
				if n > 0 {
					held.push((n, at));
				}
				next += 1;
				done_at = start.elapsed();
			}
			std::thread::sleep(Duration::from_millis(20));
		}
		let secs = done_at.as_secs_f64();
		// In chain time: the transfers after the first block that held any, over the time from that
		// block to the last (a network's slots make the wall-clock rate depend on where the burst
		// starts in a slot).
		let (first, last) = (held[0], held[held.len() - 1]);
		let chain_rate = (included - first.0) as f64 * 1_000.0 / (last.1 - first.1).max(1) as f64;
		let burst =
			Burst { included, secs, sent: f64::from(count) / sent, blocks: held.len(), chain_rate };
		eprintln!(
			"burst {round}: {:.0} included a second ({:.0} in chain time)",
			burst.rate(),
			burst.chain_rate
		);
		if best.as_ref().is_none_or(|b| burst.rate() > b.rate()) {
			best = Some(burst);
		}
	}
	let b = best.unwrap();
	let line = format!(
		"TPS {VARIANT} {label} {} {:.2} {:.0} sent={:.0}/s blocks={} chain={:.0}/s",
		b.included,
		b.secs,
		b.rate(),
		b.sent,
		b.blocks,
		b.chain_rate
	);
	println!("{line}");
	if let Some(path) = std::env::var_os("BENCH_OUT") {
		let mut f = std::fs::OpenOptions::new().create(true).append(true).open(path).unwrap();
		writeln!(f, "{line}").unwrap();
	}
}
