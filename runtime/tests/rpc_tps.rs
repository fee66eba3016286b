//! Transactions a second through the RPC (issue 18, `make bench`): a sender of pre-signed
//! transfers for a running node, compiled with the build it talks to (so that the stock build
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
//!    (`author_submitExtrinsic`) over one HTTP connection, without waiting for anything.
//! 3. It follows the best chain (`chain_getBlock`) until every transfer is in a block, and prints
//!    `TPS <variant> <label> <included> <seconds> <per second> sent=<per second>`: the inclusion
//!    rate, from the first send to the block holding the last transfer, and the send rate, which
//!    shows how near the sender itself is to being the limit. Appended to `$BENCH_OUT` if set.

// Test code: a failed step stops the test with its reason.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects)]

use codec::Encode;
use fluxomics_runtime::{
	constants::{HETU, MILLI_HETU},
	AccountId, Runtime, RuntimeCall, SignedPayload, UncheckedExtrinsic, VERSION,
};
use serde_json::{json, Value};
use sp_core::{bytes::to_hex, sr25519, Pair, H256};
use sp_runtime::{generic::Era, MultiAddress, MultiSignature};
use std::{
	io::{BufRead, BufReader, Read, Write},
	net::TcpStream,
	time::{Duration, Instant},
};

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

	/// The number of signed extrinsics of block `n` (its extrinsics but the timestamp).
	fn signed_in(&mut self, n: u32) -> usize {
		let hash = self.call("chain_getBlockHash", json!([n]));
		let block = self.call("chain_getBlock", json!([hash]));
		block["block"]["extrinsics"].as_array().unwrap().len().saturating_sub(1)
	}
}

/// Signs `call` by `pair` with `nonce`, immortal, for the chain of `genesis`.
fn sign(pair: &sr25519::Pair, call: RuntimeCall, nonce: u32, genesis: H256) -> Vec<u8> {
	let mut ext = sp_io::TestExternalities::new_empty();
	ext.execute_with(|| {
		// The extensions' implicit part reads the genesis hash from `System::BlockHash(0)`.
		frame_system::BlockHash::<Runtime>::insert(0, genesis);
		let tx_ext = chain::tx_ext(nonce, Era::Immortal);
		let payload = SignedPayload::new(call.clone(), tx_ext.clone()).unwrap();
		let signature = payload.using_encoded(|p| pair.sign(p));
		UncheckedExtrinsic::new_signed(
			call,
			MultiAddress::Id(AccountId::from(pair.public())),
			MultiSignature::Sr25519(signature),
			tx_ext,
		)
		.encode()
	})
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
#[ignore = "a measurement against a running node: make bench runs it"]
fn transfers_a_second_through_the_rpc() {
	let var = |k: &str, d: u64| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
	let host = std::env::var("TPS_RPC").unwrap_or_else(|_| "127.0.0.1:9944".into());
	let label = std::env::var("TPS_LABEL").unwrap_or_else(|_| "node".into());
	let (accounts, count) = (var("TPS_ACCOUNTS", 14) as u32, var("TPS_COUNT", 6_000) as u32);
	let mut rpc = Rpc::connect(&host);
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
		setup.push(sign(p, convert, n, genesis));
		setup.push(sign(p, stake, n + 1, genesis));
		after.push(n + 2);
	}
	assert_eq!(rpc.submit(&setup), 0, "staking refused");
	for (p, n) in senders.iter().zip(after) {
		wait_nonce(&mut rpc, &AccountId::from(p.public()), n, 120);
	}
	std::thread::sleep(Duration::from_secs(65));

	// 2. Sign the burst before sending any of it.
	let mut nonces: Vec<u32> =
		senders.iter().map(|p| rpc.nonce(&AccountId::from(p.public()))).collect();
	let burst: Vec<Vec<u8>> = (0..count)
		.map(|i| {
			let s = (i % accounts) as usize;
			let mut dest = [0u8; 32];
			dest[..4].copy_from_slice(&i.to_le_bytes());
			dest[28..].copy_from_slice(b"tps!");
			let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: MultiAddress::Id(AccountId::from(dest)),
				value: 10 * MILLI_HETU,
			});
			nonces[s] += 1;
			sign(&senders[s], call, nonces[s] - 1, genesis)
		})
		.collect();

	// 3. Send it all, then follow the chain until every transfer is in a block.
	let first_block = rpc.best_number() + 1;
	let start = Instant::now();
	let mut refused = 0;
	for chunk in burst.chunks(200) {
		refused += rpc.submit(chunk);
	}
	let sent = start.elapsed().as_secs_f64();
	assert_eq!(refused, 0, "the node refused transfers");
	let mut included = 0usize;
	let mut next = first_block;
	let deadline = Instant::now() + Duration::from_secs(600);
	let mut done_at = start.elapsed();
	while included < count as usize {
		assert!(Instant::now() < deadline, "only {included} of {count} included in 10 minutes");
		let best = rpc.best_number();
		while next <= best {
			included += rpc.signed_in(next);
			next += 1;
			done_at = start.elapsed();
		}
		std::thread::sleep(Duration::from_millis(20));
	}
	let secs = done_at.as_secs_f64();
	let line = format!(
		"TPS {VARIANT} {label} {included} {secs:.2} {:.0} sent={:.0}/s",
		included as f64 / secs,
		f64::from(count) / sent
	);
	println!("{line}");
	if let Some(path) = std::env::var_os("BENCH_OUT") {
		let mut f = std::fs::OpenOptions::new().create(true).append(true).open(path).unwrap();
		writeln!(f, "{line}").unwrap();
	}
}
