//! `fluxomics-node flox …`: check a Flox epoch's ranking off chain.
//!
//! The chain ranks each closed epoch itself and publishes a digest (`Flox.EpochRanked`). Anyone
//! can check it: `export` reads, from a running node's RPC, what the chain ranked (the edges, the
//! boosts frozen with the epoch and the ranking parameters, as `FloxApi` shows them at the block
//! that announced the digest) and writes it to a JSON file; `verify` recomputes the ranking with
//! the same `flox-rank` library, from a node or from such a file, and says whether its digest is
//! the chain's. A file proves nothing by itself (whoever wrote it wrote its digest too), so
//! `verify --file` compares the recomputed digest with the digest the node at `--rpc` published;
//! `--offline` compares with the file's own digest only, and says so.
//!
//! A file is untrusted input: it is refused above [`MAX_FILE_BYTES`], [`MAX_EDGES`] edges or
//! [`MAX_ITERATIONS`] iterations, so the work it can ask for is bounded.
//!
//! The announcing block is the first block whose state has the epoch's digest: `export` finds it
//! by bisection over block numbers, so the node must still have that block's state (an archive
//! node, or a recent epoch).

use codec::{Decode, Encode};
use fluxomics_runtime::AccountId;
use serde_json::{json, Value};
use sp_core::crypto::Ss58Codec;
use std::{
	io::{Read, Write},
	net::TcpStream,
	path::PathBuf,
};

/// The largest export file `verify` reads (a full epoch of the runtime's 100 000 edges takes about
/// 20 MB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The most edges `verify` ranks from a file (ten times the runtime's `MaxEdges`).
pub const MAX_EDGES: usize = 1_000_000;
/// The most iterations `verify` runs for a file.
pub const MAX_ITERATIONS: u32 = 10_000;

/// Check Flox rankings off chain.
#[derive(Debug, clap::Subcommand)]
pub enum FloxCmd {
	/// Write what the chain ranked for an epoch (edges, boosts, parameters, digest) to a file.
	Export {
		/// The node's RPC address (host:port, HTTP).
		#[arg(long, default_value = "127.0.0.1:9944")]
		rpc: String,
		/// The epoch.
		#[arg(long)]
		epoch: u32,
		/// Where to write the JSON.
		#[arg(long)]
		out: PathBuf,
	},
	/// Recompute an epoch's ranking and compare its digest with the chain's.
	Verify {
		/// The node's RPC address (host:port, HTTP); ignored with `--file`.
		#[arg(long, default_value = "127.0.0.1:9944")]
		rpc: String,
		/// The epoch (with `--rpc`).
		#[arg(long, required_unless_present = "file")]
		epoch: Option<u32>,
		/// A file written by `flox export` instead of the node's edges; its ranking is compared
		/// with the digest the node at `--rpc` published for its epoch.
		#[arg(long)]
		file: Option<PathBuf>,
		/// With `--file`: compare with the file's own digest, without a node. This only checks
		/// that the file is consistent, not that it is what the chain ranked.
		#[arg(long, requires = "file")]
		offline: bool,
	},
}

/// An epoch as the chain ranked it.
struct Exported {
	epoch: u32,
	block: String,
	edges: Vec<(AccountId, AccountId, u128)>,
	target_boosts: Vec<u128>,
	caller_boosts: Vec<u128>,
	params: flox_rank::Params,
	digest: [u8; 32],
}

impl FloxCmd {
	/// Runs the command; `verify` fails when the digests differ.
	pub fn run(&self) -> sc_cli::Result<()> {
		match self {
			FloxCmd::Export { rpc, epoch, out } => {
				let exported = fetch(rpc, *epoch)?;
				std::fs::write(out, to_json(&exported).to_string())?;
				println!(
					"epoch {epoch}: {} edges from block {} written to {}",
					exported.edges.len(),
					exported.block,
					out.display()
				);
				Ok(())
			},
			FloxCmd::Verify { rpc, epoch, file, offline } => {
				let exported = match (file, epoch) {
					(Some(file), _) => {
						let mut exported = read_file(file)?;
						if *offline {
							println!(
								"offline: checking the file against its own digest only; this \
								 does not show that the chain ranked it"
							);
						} else {
							let chain = chain_digest(rpc, exported.epoch)?;
							if chain != exported.digest {
								println!("the file's digest is not the chain's");
							}
							exported.digest = chain;
						}
						exported
					},
					(None, Some(epoch)) => fetch(rpc, *epoch)?,
					(None, None) => return Err("give --epoch or --file".into()),
				};
				verify(&exported)
			},
		}
	}
}

/// Reads an export file, refusing one that asks for more work than the bounds allow.
fn read_file(file: &PathBuf) -> sc_cli::Result<Exported> {
	let size = std::fs::metadata(file)?.len();
	if size > MAX_FILE_BYTES {
		return Err(format!(
			"{} is {size} bytes, above the {MAX_FILE_BYTES} a Flox export can take",
			file.display()
		)
		.into());
	}
	let json = serde_json::from_slice(&std::fs::read(file)?)
		.map_err(|e| format!("{} is not JSON: {e}", file.display()))?;
	let exported = from_json(&json)?;
	if exported.edges.len() > MAX_EDGES {
		return Err(
			format!("the file has {} edges, above {MAX_EDGES}", exported.edges.len()).into()
		);
	}
	if exported.params.max_iterations > MAX_ITERATIONS {
		return Err(format!(
			"the file asks for {} iterations, above {MAX_ITERATIONS}",
			exported.params.max_iterations
		)
		.into());
	}
	Ok(exported)
}

/// The digest the node published for `epoch` (at its best block).
fn chain_digest(rpc: &str, epoch: u32) -> sc_cli::Result<[u8; 32]> {
	let head = call(rpc, "chain_getBlockHash", json!([]))?
		.as_str()
		.ok_or("the node sent no best block")?
		.to_string();
	state_call::<Option<[u8; 32]>>(rpc, "FloxApi_digest", epoch.encode(), &head)?
		.ok_or_else(|| format!("the chain has no digest for epoch {epoch}").into())
}

/// Recomputes the ranking and compares digests.
fn verify(e: &Exported) -> sc_cli::Result<()> {
	let ranking = flox_rank::rank_exported(&e.edges, &e.target_boosts, &e.caller_boosts, e.params)
		.map_err(|err| format!("the exported epoch cannot be ranked: {err:?}"))?;
	let ours = ranking.digest();
	println!(
		"epoch {}: {} edges, {} targets, {} callers, {} iterations{}",
		e.epoch,
		e.edges.len(),
		ranking.targets.len(),
		ranking.callers.len(),
		ranking.iterations,
		if ranking.converged { "" } else { " (not converged)" }
	);
	println!("chain digest:      0x{}", hex(&e.digest));
	println!("recomputed digest: 0x{}", hex(&ours));
	if ours == e.digest {
		println!("digest matches");
		Ok(())
	} else {
		Err("digest does not match".into())
	}
}

/// Reads the epoch from a node: finds the block that announced its digest, then reads the
/// edges, boosts and parameters there.
fn fetch(rpc: &str, epoch: u32) -> sc_cli::Result<Exported> {
	let head = call(rpc, "chain_getHeader", json!([]))?;
	let number = head
		.get("number")
		.and_then(Value::as_str)
		.and_then(|n| u64::from_str_radix(n.trim_start_matches("0x"), 16).ok())
		.ok_or("the node sent no head")?;
	let digest_at = |block: u64| -> sc_cli::Result<(String, Option<[u8; 32]>)> {
		let hash = call(rpc, "chain_getBlockHash", json!([block]))?
			.as_str()
			.ok_or("no such block")?
			.to_string();
		let digest = state_call::<Option<[u8; 32]>>(rpc, "FloxApi_digest", epoch.encode(), &hash)?;
		Ok((hash, digest))
	};
	let (head_hash, head_digest) = digest_at(number)?;
	let Some(digest) = head_digest else {
		return Err(format!("epoch {epoch} has no digest yet (at block {number})").into());
	};
	// The first block with the digest: the digest is never removed once published.
	let (mut lo, mut hi, mut found) = (0u64, number, head_hash);
	while lo < hi {
		let mid = lo.saturating_add(hi.saturating_sub(lo).checked_div(2).unwrap_or(0));
		match digest_at(mid)? {
			(hash, Some(_)) => {
				hi = mid;
				found = hash;
			},
			(_, None) => lo = mid.saturating_add(1),
		}
	}
	let edges = state_call::<Vec<(AccountId, AccountId, u128)>>(
		rpc,
		"FloxApi_edges",
		epoch.encode(),
		&found,
	)?;
	let (target_boosts, caller_boosts) = state_call::<Option<(Vec<u128>, Vec<u128>)>>(
		rpc,
		"FloxApi_boosts",
		epoch.encode(),
		&found,
	)?
	.ok_or("the announcing block has no boosts (state pruned?)")?;
	let (tolerance, max_iterations) =
		state_call::<Option<(u64, u32)>>(rpc, "FloxApi_rank_params", epoch.encode(), &found)?
			.ok_or("the announcing block has no ranking parameters (state pruned?)")?;
	Ok(Exported {
		epoch,
		block: found,
		edges,
		target_boosts,
		caller_boosts,
		params: flox_rank::Params { tolerance, max_iterations },
		digest,
	})
}

fn to_json(e: &Exported) -> Value {
	let strings = |v: &[u128]| v.iter().map(|b| b.to_string()).collect::<Vec<_>>();
	json!({
		"epoch": e.epoch,
		"block": e.block,
		"edges": e.edges.iter().map(|(t, c, gas)| json!([t.to_ss58check(), c.to_ss58check(), gas.to_string()])).collect::<Vec<_>>(),
		"targetBoosts": strings(&e.target_boosts),
		"callerBoosts": strings(&e.caller_boosts),
		"tolerance": e.params.tolerance.to_string(),
		"maxIterations": e.params.max_iterations,
		"digest": format!("0x{}", hex(&e.digest)),
	})
}

fn from_json(v: &Value) -> sc_cli::Result<Exported> {
	let bad = |what: &str| -> sc_cli::Error { format!("the file has no valid {what}").into() };
	let num = |v: &Value| v.as_str().and_then(|s| s.parse::<u128>().ok());
	let account = |v: &Value| v.as_str().and_then(|s| AccountId::from_ss58check(s).ok());
	let list = |key: &str| -> sc_cli::Result<Vec<u128>> {
		v.get(key)
			.and_then(Value::as_array)
			.ok_or_else(|| bad(key))?
			.iter()
			.map(|b| num(b).ok_or_else(|| bad(key)))
			.collect()
	};
	let edges = v
		.get("edges")
		.and_then(Value::as_array)
		.ok_or_else(|| bad("edges"))?
		.iter()
		.map(|e| {
			let e = e.as_array().filter(|e| e.len() == 3).ok_or_else(|| bad("edge"))?;
			match (e.first().and_then(account), e.get(1).and_then(account), e.get(2).and_then(num))
			{
				(Some(t), Some(c), Some(g)) => Ok((t, c, g)),
				_ => Err(bad("edge")),
			}
		})
		.collect::<sc_cli::Result<Vec<_>>>()?;
	let digest = v
		.get("digest")
		.and_then(Value::as_str)
		.and_then(unhex)
		.and_then(|d| <[u8; 32]>::try_from(d).ok())
		.ok_or_else(|| bad("digest"))?;
	Ok(Exported {
		epoch: v
			.get("epoch")
			.and_then(Value::as_u64)
			.and_then(|e| u32::try_from(e).ok())
			.ok_or_else(|| bad("epoch"))?,
		block: v.get("block").and_then(Value::as_str).unwrap_or_default().to_string(),
		edges,
		target_boosts: list("targetBoosts")?,
		caller_boosts: list("callerBoosts")?,
		params: flox_rank::Params {
			tolerance: v
				.get("tolerance")
				.and_then(num)
				.and_then(|t| u64::try_from(t).ok())
				.ok_or_else(|| bad("tolerance"))?,
			max_iterations: v
				.get("maxIterations")
				.and_then(Value::as_u64)
				.and_then(|m| u32::try_from(m).ok())
				.ok_or_else(|| bad("maxIterations"))?,
		},
		digest,
	})
}

/// Calls a runtime API at `block` and decodes its answer.
fn state_call<R: Decode>(rpc: &str, method: &str, args: Vec<u8>, block: &str) -> sc_cli::Result<R> {
	let answer = call(rpc, "state_call", json!([method, format!("0x{}", hex(&args)), block]))?;
	let bytes = answer.as_str().and_then(unhex).ok_or("the node answered no bytes")?;
	R::decode(&mut bytes.as_slice()).map_err(|e| format!("cannot decode {method}: {e}").into())
}

/// One JSON-RPC call over HTTP/1.1 (the node serves HTTP and WebSocket on one port).
fn call(rpc: &str, method: &str, params: Value) -> sc_cli::Result<Value> {
	let body = json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params }).to_string();
	let mut stream =
		TcpStream::connect(rpc).map_err(|e| format!("cannot reach the node at {rpc}: {e}"))?;
	write!(
		stream,
		"POST / HTTP/1.1\r\nHost: {rpc}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
		body.len()
	)?;
	let mut response = Vec::new();
	stream.read_to_end(&mut response)?;
	let split = response.windows(4).position(|w| w == b"\r\n\r\n").ok_or("bad HTTP answer")?;
	let (head, rest) = response.split_at(split);
	let rest = rest.get(4..).unwrap_or_default();
	let head = String::from_utf8_lossy(head).to_ascii_lowercase();
	let body =
		if head.contains("transfer-encoding: chunked") { dechunk(rest)? } else { rest.to_vec() };
	let answer: Value = serde_json::from_slice(&body)
		.map_err(|e| format!("{method}: the node sent bad JSON: {e}"))?;
	if let Some(error) = answer.get("error") {
		return Err(format!("{method} failed: {error}").into());
	}
	answer.get("result").cloned().ok_or_else(|| format!("{method}: no result").into())
}

/// Decodes an HTTP chunked body.
fn dechunk(mut data: &[u8]) -> sc_cli::Result<Vec<u8>> {
	let mut out = Vec::new();
	loop {
		let line = data.windows(2).position(|w| w == b"\r\n").ok_or("bad chunk")?;
		let size = std::str::from_utf8(data.get(..line).unwrap_or_default())
			.ok()
			.and_then(|s| usize::from_str_radix(s.split(';').next().unwrap_or("").trim(), 16).ok())
			.ok_or("bad chunk size")?;
		let start = line.checked_add(2).ok_or("bad chunk")?;
		if size == 0 {
			return Ok(out);
		}
		let end = start.checked_add(size).ok_or("bad chunk")?;
		out.extend_from_slice(data.get(start..end).ok_or("truncated chunk")?);
		data = data.get(end.saturating_add(2)..).unwrap_or_default();
	}
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
	let s = s.trim_start_matches("0x");
	(0..s.len())
		.step_by(2)
		.map(|i| s.get(i..i.checked_add(2)?).and_then(|b| u8::from_str_radix(b, 16).ok()))
		.collect()
}
