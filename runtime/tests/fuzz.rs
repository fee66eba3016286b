//! The runtime fuzzer (issue 17): random blocks of signed extrinsics from every pallet's calls,
//! applied to the real `fluxomics-runtime` (natively) through `Executive`, with time moving
//! forward by random steps and jumps, and oracles checked after every extrinsic and every block.
//! `docs/reliability.md` is its manual.
//!
//! - Seeded: `FUZZ_SEED` (else one from the clock), printed at the start and on failure. A run is
//!   a sequence of *episodes*, each a fresh chain from a genesis preset and `FUZZ_BLOCKS` blocks
//!   (default 200), the first with the seed itself: `FUZZ_SEED=<an episode's seed>` replays that
//!   episode first, step for step.
//! - Bounded: `FUZZ_SECONDS` (default 60) of episodes; `make fuzz SECONDS=600 SEED=…` runs
//!   longer.
//! - The oracles (`fuzz/oracles.rs`): every pallet's `do_try_state`; Flux and HETU flows as their
//!   events say; a charge equal to `PowerApi::quote` taken just before; a refused extrinsic
//!   changes no storage; weight after dispatch within the declared weight and the block's
//!   accounting; block weight (hooks included) and length within their limits; every built block
//!   imports (`Executive::execute_block` on the state before it, state root checked); no panic.
//!
//! It prints how often each call ran and how it failed, so coverage is visible.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::arithmetic_side_effects
)]

#[path = "fuzz/chain.rs"]
mod chain;
mod common;
#[path = "fuzz/gen.rs"]
mod gen;
#[path = "fuzz/oracles.rs"]
mod oracles;

use chain::{Head, Keys, Signing};
use codec::Encode;
use fluxomics_primitives::runtime_decl_for_power_api::PowerApiV2;
use fluxomics_runtime::{
	constants::SLOT_DURATION, AccountId, Block, Executive, Runtime, RuntimeCall, RuntimeError,
	RuntimeEvent, RuntimeOrigin, System, UncheckedExtrinsic,
};
use frame_support::{
	dispatch::{DispatchClass, GetDispatchInfo},
	storage::{with_transaction, TransactionOutcome},
};
use gen::{Memory, Rng};
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_io::TestExternalities;
use sp_runtime::{traits::Dispatchable, DispatchError};
use std::{
	collections::BTreeMap,
	panic::{catch_unwind, AssertUnwindSafe},
	time::{Duration, Instant},
};

/// What a run is told by its environment.
struct Config {
	seed: u64,
	seconds: u64,
	blocks: u32,
	/// Stop at a known issue too.
	strict: bool,
}

impl Config {
	fn from_env() -> Self {
		let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
		let seed =
			var("FUZZ_SEED").map(|s| s.parse().expect("FUZZ_SEED is a u64")).unwrap_or_else(|| {
				std::time::SystemTime::now()
					.duration_since(std::time::UNIX_EPOCH)
					.map_or(0, |d| d.as_nanos() as u64)
			});
		let seconds = var("FUZZ_SECONDS").map_or(60, |s| s.parse().expect("FUZZ_SECONDS"));
		let blocks = var("FUZZ_BLOCKS").map_or(200, |s| s.parse().expect("FUZZ_BLOCKS"));
		let strict = var("FUZZ_STRICT").is_some_and(|v| v != "0");
		Self { seed, seconds, blocks, strict }
	}
}

/// The seed of the episode after the one seeded `seed`.
fn next_seed(seed: u64) -> u64 {
	fluxomics_test_support::rng::SplitMix64(seed ^ 0x5eed).next_u64()
}

/// How often a call ran, and how it ended.
#[derive(Default)]
struct CallStats {
	sent: u64,
	ok: u64,
	failed: BTreeMap<String, u64>,
	refused: BTreeMap<String, u64>,
}

#[derive(Default)]
struct Stats {
	calls: BTreeMap<String, CallStats>,
	episodes: u64,
	blocks: u64,
	extrinsics: u64,
	included: u64,
	jumps: u64,
	imported: u64,
	/// How many of each event the blocks deposited (hooks' included).
	events: BTreeMap<String, u64>,
	/// Known pallet bugs met (each a failure under `FUZZ_STRICT=1`): how often, and the first
	/// `(episode seed, block)` that met it.
	known: BTreeMap<&'static str, (u64, u64, u32)>,
	/// The episode running, for `known`.
	episode: u64,
	strict: bool,
}

impl Stats {
	fn print(&self, elapsed: Duration) {
		let minutes = elapsed.as_secs_f64() / 60.0;
		println!(
			"\nfuzz: {} episodes, {} blocks ({} long jumps of time), {} extrinsics ({} included, {} imported blocks) in {:.1} s: {:.0} extrinsics and {:.0} blocks a minute",
			self.episodes,
			self.blocks,
			self.jumps,
			self.extrinsics,
			self.included,
			self.imported,
			elapsed.as_secs_f64(),
			self.extrinsics as f64 / minutes,
			self.blocks as f64 / minutes,
		);
		println!("\n| call | sent | ok | failed in dispatch | refused at validation |");
		println!("|---|---:|---:|---|---|");
		let list = |m: &BTreeMap<String, u64>| {
			let mut v: Vec<_> = m.iter().collect();
			v.sort_by(|a, b| b.1.cmp(a.1));
			v.iter().map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(", ")
		};
		for (name, s) in &self.calls {
			println!(
				"| {name} | {} | {} | {} | {} |",
				s.sent,
				s.ok,
				list(&s.failed),
				list(&s.refused)
			);
		}
		println!("\nevents deposited (what the hooks and calls did):");
		let events: Vec<_> = self.events.iter().map(|(k, n)| format!("{k} {n}")).collect();
		for line in events.chunks(6) {
			println!("  {}", line.join(", "));
		}
		let never: Vec<_> =
			self.calls.iter().filter(|(_, s)| s.ok == 0).map(|(n, _)| n.as_str()).collect();
		println!(
			"\ncalls that never succeeded: {}",
			if never.is_empty() { "none".into() } else { never.join(", ") }
		);
		for (issue, (n, seed, block)) in &self.known {
			println!(
				"known issue met {n} times (first in episode {seed}, block {block}; FUZZ_STRICT=1 stops there): {issue}"
			);
		}
	}
}

/// Why an episode stopped.
struct Failure {
	seed: u64,
	block: u32,
	what: String,
	trace: Vec<String>,
	/// Whether the run stopped at known bugs too (`FUZZ_STRICT`).
	strict: bool,
}

impl std::fmt::Display for Failure {
	fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
		writeln!(f, "fuzz: FAILED in the episode seeded {} at block {}:", self.seed, self.block)?;
		writeln!(f, "  {}", self.what)?;
		writeln!(f, "the episode's last steps:")?;
		for line in self.trace.iter().rev().take(40).rev() {
			writeln!(f, "  {line}")?;
		}
		let strict = if self.strict { "FUZZ_STRICT=1 " } else { "" };
		write!(
			f,
			"reproduce (on this source tree): {strict}FUZZ_SEED={} cargo test --release -p fluxomics-runtime --test fuzz -- --nocapture   (or {strict}make fuzz SEED={})",
			self.seed, self.seed
		)
	}
}

thread_local! {
	/// Where the last panic happened (the fuzzer's own code, or the runtime's).
	static PANIC_AT: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Records where each panic happens, then reports it as usual.
fn record_panic_locations() {
	let default = std::panic::take_hook();
	std::panic::set_hook(Box::new(move |info| {
		let at = info.location().map_or_else(String::new, |l| l.to_string());
		PANIC_AT.with(|p| *p.borrow_mut() = at);
		default(info);
	}));
}

fn panic_message(e: &Box<dyn std::any::Any + Send>) -> String {
	let message = e
		.downcast_ref::<&str>()
		.map(|s| s.to_string())
		.or_else(|| e.downcast_ref::<String>().cloned())
		.unwrap_or_else(|| "a panic".into());
	format!("{message} (at {})", PANIC_AT.with(|p| p.borrow().clone()))
}

/// A name for a dispatch error: the pallet's error variant where there is one.
fn error_name(e: &DispatchError) -> String {
	match RuntimeError::from_dispatch_error(*e) {
		Some(err) => format!("{err:?}"),
		None => format!("{e:?}"),
	}
}

/// Runs one episode: a fresh chain, `blocks` blocks (or until `deadline`).
fn run_episode(
	seed: u64,
	blocks: u32,
	deadline: Instant,
	keys: &Keys,
	stats: &mut Stats,
) -> Result<(), Failure> {
	let mut g = Rng::new(seed);
	let preset = if g.below(3) == 0 { LOCAL_TESTNET_RUNTIME_PRESET } else { DEV_RUNTIME_PRESET };
	let mut ext = chain::genesis(preset);
	let genesis_hash = ext.execute_with(|| System::block_hash(0));
	let mut head = Head::genesis(genesis_hash);
	let mut mem = Memory::default();
	let mut trace = vec![format!("episode {seed}: preset {preset}")];
	stats.episodes += 1;
	stats.episode = seed;
	for _ in 0..blocks {
		if Instant::now() >= deadline {
			break;
		}
		let before = ext.backend.clone();
		let block = head.number + 1;
		let strict = stats.strict;
		let fail = |what: String, trace: &Vec<String>| Failure {
			seed,
			block,
			what,
			trace: trace.clone(),
			strict,
		};
		let built = ext.execute_with(|| {
			catch_unwind(AssertUnwindSafe(|| {
				build_block(&mut g, &mut head, keys, &mut mem, stats, &mut trace)
			}))
		});
		let built = match built {
			Err(e) => return Err(fail(format!("panic: {}", panic_message(&e)), &trace)),
			Ok(Err(what)) => match ext.execute_with(|| known_state_issue(&what)) {
				// A known bug left the state broken: the episode ends there.
				Some(issue) if !stats.strict => {
					stats.known.entry(issue).or_insert((0, seed, block)).0 += 1;
					return Ok(());
				},
				_ => return Err(fail(what, &trace)),
			},
			Ok(Ok(b)) => b,
		};
		ext.commit_all().expect("the block commits");
		stats.blocks += 1;
		// The block imports on the state before it, to the same state root.
		let mut importer = TestExternalities::new_empty();
		importer.backend = before;
		let imported = importer.execute_with(|| {
			catch_unwind(AssertUnwindSafe(|| Executive::execute_block(built.clone().into())))
		});
		if let Err(e) = imported {
			return Err(fail(format!("the block does not import: {}", panic_message(&e)), &trace));
		}
		stats.imported += 1;
	}
	Ok(())
}

/// How far chain time moves before a block, in slots: mostly the next slot, sometimes a few,
/// sometimes hours, days or a month (epochs, leases, unbonding and deadlines pass).
fn time_step(g: &mut Rng, stats: &mut Stats) -> u64 {
	const HOUR: u64 = 600;
	match g.below(100) {
		0..=69 => 1,
		70..=86 => 2 + g.below(20),
		87..=91 => {
			stats.jumps += 1;
			HOUR / 2 + g.below(2 * HOUR)
		},
		92..=96 => {
			stats.jumps += 1;
			24 * HOUR * (1 + g.below(3))
		},
		_ => {
			stats.jumps += 1;
			24 * HOUR * (5 + g.below(40))
		},
	}
}

/// How many extrinsics a block gets: often none or a few, sometimes many.
fn block_size(g: &mut Rng) -> usize {
	match g.below(20) {
		0..=2 => 0,
		3..=15 => 1 + g.index(8),
		16..=18 => 8 + g.index(32),
		_ => 60 + g.index(200),
	}
}

/// Builds, checks and finalizes the next block, as a block author would.
fn build_block(
	g: &mut Rng,
	head: &mut Head,
	keys: &Keys,
	mem: &mut Memory,
	stats: &mut Stats,
	trace: &mut Vec<String>,
) -> Result<Block, String> {
	let slots = time_step(g, stats);
	let within = g.below(SLOT_DURATION);
	trace.push(format!("block {}: slot +{slots}, {within} ms into it", head.number + 1));
	let ledger = oracles::Ledger::now();
	let timestamp = head.open_block(slots, within)?;
	oracles::try_state("after the block's hooks and inherent")?;

	let mut included = vec![timestamp];
	let mut normal_len = 0u32;
	for _ in 0..block_size(g) {
		let plan = gen::next_call(g, keys, mem);
		let who = keys.id(plan.signer);
		let signing = match g.below(100) {
			0..=1 => Signing::FutureNonce,
			2 => Signing::StaleNonce,
			3 => Signing::BadSignature,
			4..=6 => Signing::Mortal,
			7 => Signing::Expired,
			_ => Signing::Honest,
		};
		let nonce = System::account_nonce(&who);
		let uxt =
			chain::sign(keys, plan.signer, plan.call.clone(), nonce, signing, head.number + 1);
		let mut line = format!(
			"  {} by {}{}: {:?}",
			plan.label,
			keys.names[plan.signer],
			if signing == Signing::Honest { String::new() } else { format!(" ({signing:?})") },
			plan.call
		);
		line.truncate(600);
		trace.push(line);
		let outcome = match apply_checked(&uxt, &who, &plan.call)? {
			Checked::Done(outcome) => outcome,
			Checked::Known(issue, outcome) => {
				if stats.strict {
					return Err(format!("known issue: {issue}"));
				}
				let e = stats.known.entry(issue).or_insert((0, stats.episode, head.number + 1));
				e.0 += 1;
				outcome
			},
		};
		if let Some(last) = trace.last_mut() {
			last.push_str(&format!(" -> {outcome}"));
		}
		stats.extrinsics += 1;
		let refused = matches!(outcome, Outcome::Refused(..));
		let s = stats.calls.entry(plan.label).or_default();
		s.sent += 1;
		match outcome {
			Outcome::Ok => s.ok += 1,
			Outcome::Failed(e) => *s.failed.entry(e).or_default() += 1,
			Outcome::Refused(e, _) => *s.refused.entry(e).or_default() += 1,
		}
		if !refused {
			let len = uxt.encoded_size() as u32;
			if uxt.get_dispatch_info().class == DispatchClass::Normal {
				normal_len += len;
			}
			stats.included += 1;
			included.push(uxt);
		}
	}
	oracles::block_length(frame_system::Pallet::<Runtime>::block_size(), normal_len)?;
	let header = head.close_block();
	oracles::block_weight()?;
	oracles::try_state("after the block")?;
	let events: Vec<RuntimeEvent> = System::events().into_iter().map(|r| r.event).collect();
	for e in &events {
		*stats.events.entry(event_name(e)).or_default() += 1;
	}
	oracles::flows(&ledger, &oracles::Ledger::now(), &events)
		.map_err(|e| format!("over the block: {e}"))?;
	Ok(Block { header, extrinsics: included })
}

/// `Pallet.Variant` of an event.
fn event_name(e: &RuntimeEvent) -> String {
	let debug = format!("{e:?}");
	let (pallet, rest) = debug.split_once('(').unwrap_or((&debug, ""));
	let rest = rest.strip_prefix("Event::").unwrap_or(rest);
	let variant: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
	format!("{pallet}.{variant}")
}

enum Outcome {
	Ok,
	Failed(String),
	/// Refused at validation: why, and the quote when it was not payable.
	Refused(String, String),
}

impl std::fmt::Display for Outcome {
	fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
		match self {
			Outcome::Ok => write!(f, "ok"),
			Outcome::Failed(e) => write!(f, "failed {e}"),
			Outcome::Refused(e, detail) => write!(f, "refused {e}{detail}"),
		}
	}
}

/// The storage key of `System::ExtrinsicData(index)`, which `apply_extrinsic` writes before it
/// knows whether the extrinsic is valid (a block builder drops the write with the extrinsic).
fn extrinsic_data_key(index: u32) -> Vec<u8> {
	let mut key = frame_support::storage::storage_prefix(b"System", b"ExtrinsicData").to_vec();
	key.extend(sp_io::hashing::twox_64(&index.encode()));
	key.extend(index.encode());
	key
}

fn storage_root() -> Vec<u8> {
	sp_io::storage::root(sp_runtime::StateVersion::V1)
}

/// What an extrinsic came to, once checked.
enum Checked {
	Done(Outcome),
	/// It met a known pallet bug (`docs/reliability.md`, "Bugs found"). None is known today;
	/// the variant stays for a bug found before its fix lands.
	#[allow(dead_code)]
	Known(&'static str, Outcome),
}

/// The known bug an oracle's failure `what` shows, if it is one (read in the failing state).
/// None left: bug 2 (a zero `Listed` entry) is fixed, and its regression test runs.
fn known_state_issue(_what: &str) -> Option<&'static str> {
	None
}

/// Applies one signed extrinsic through `Executive` and checks every extrinsic-level oracle.
fn apply_checked(
	uxt: &UncheckedExtrinsic,
	who: &AccountId,
	call: &RuntimeCall,
) -> Result<Checked, String> {
	let info = uxt.get_dispatch_info();
	let quote = <Runtime as PowerApiV2<Block, AccountId>>::quote(uxt.encode())
		.map_err(|e| format!("the quote refused a signed extrinsic: {e:?}"))?;
	let index = System::extrinsic_index().unwrap_or_default();
	// What the call reports after dispatch, dispatched alone and undone.
	let dry_run = with_transaction(|| {
		let r = call.clone().dispatch(RuntimeOrigin::signed(who.clone()));
		let post = match r {
			Ok(post) => post,
			Err(e) => e.post_info,
		};
		TransactionOutcome::Rollback(Ok::<_, DispatchError>(post.actual_weight))
	})
	.map_err(|e| format!("dry run: {e:?}"))?;
	let root_before = storage_root();
	let ledger = oracles::Ledger::now();
	let block_weight = |class| *frame_system::BlockWeight::<Runtime>::get().get(class);
	let weight_before = block_weight(info.class);

	// As a block builder does: in a storage transaction, undone if the extrinsic is refused.
	sp_io::storage::start_transaction();
	let applied = Executive::apply_extrinsic(uxt.clone());
	let result = match applied {
		Err(refused) => {
			use sp_runtime::transaction_validity::{
				InvalidTransaction, TransactionValidityError::Invalid,
			};
			// A signed mandatory call (a timestamp) is refused after it ran (`BadMandatory`):
			// the builder's undo is what drops it, and the pool never admits it.
			if refused != Invalid(InvalidTransaction::BadMandatory) {
				sp_io::storage::clear(&extrinsic_data_key(index));
				if storage_root() != root_before {
					sp_io::storage::rollback_transaction();
					return Err(format!(
						"an extrinsic refused at validation ({refused:?}) changed storage"
					));
				}
			}
			sp_io::storage::rollback_transaction();
			if refused == Invalid(InvalidTransaction::Payment) && quote.payable {
				return Err(format!(
					"refused for payment, yet quoted payable: {quote:?}; the signer: {}",
					account_summary(who)
				));
			}
			let detail = if quote.payable {
				String::new()
			} else {
				format!(
					" (quoted cost {:?}, Power {:?}, Flux {}, HETU {}, R {})",
					quote.cost, quote.from_power, quote.flux, quote.hetu, quote.rate
				)
			};
			return Ok(Checked::Done(Outcome::Refused(format!("{refused:?}"), detail)));
		},
		Ok(result) => {
			sp_io::storage::commit_transaction();
			result
		},
	};
	if !quote.payable {
		return Err(format!("included, yet quoted not payable: {quote:?}"));
	}
	let events: Vec<RuntimeEvent> = System::events()
		.into_iter()
		.filter(|r| r.phase == frame_system::Phase::ApplyExtrinsic(index))
		.map(|r| r.event)
		.collect();
	let reported = events.iter().find_map(|e| match e {
		RuntimeEvent::System(
			frame_system::Event::ExtrinsicSuccess { dispatch_info }
			| frame_system::Event::ExtrinsicFailed { dispatch_info, .. },
		) => Some(dispatch_info.weight),
		_ => None,
	});
	let context = |e: String| format!("{e} [{}]", outcome_of(&result, &events));
	oracles::charge(who, &info, &quote, &events).map_err(context)?;
	oracles::extrinsic_weight(
		&info,
		uxt.encoded_size(),
		dry_run,
		reported,
		weight_before,
		block_weight(info.class),
	)
	.map_err(context)?;
	oracles::flows(&ledger, &oracles::Ledger::now(), &events).map_err(context)?;
	oracles::try_state("after an extrinsic").map_err(context)?;
	Ok(Checked::Done(outcome_of(&result, &events)))
}

/// What an account holds, for a failure's report.
fn account_summary(who: &AccountId) -> String {
	use fluxomics_primitives::PowerLedger;
	let system = frame_system::Account::<Runtime>::get(who);
	format!(
		"system account {{ nonce {}, providers {}, consumers {}, sufficients {}, free {}, reserved {} }}, Flux {:?}, Power {:?}",
		system.nonce,
		system.providers,
		system.consumers,
		system.sufficients,
		system.data.free,
		system.data.reserved,
		pallet_flux::Accounts::<Runtime>::get(who),
		<fluxomics_runtime::Power as PowerLedger<AccountId>>::available(who),
	)
}

/// Ok, or the error; for sudo, the error of the call it dispatched.
fn outcome_of(result: &Result<(), DispatchError>, events: &[RuntimeEvent]) -> Outcome {
	if let Err(e) = result {
		return Outcome::Failed(error_name(e));
	}
	for e in events {
		if let RuntimeEvent::Sudo(
			pallet_sudo::Event::Sudid { sudo_result: Err(e) }
			| pallet_sudo::Event::SudoAsDone { sudo_result: Err(e) },
		) = e
		{
			return Outcome::Failed(error_name(e));
		}
	}
	Outcome::Ok
}

#[test]
fn fuzz_the_runtime() {
	let cfg = Config::from_env();
	println!(
		"fuzz: seed {} for {} s, episodes of {} blocks (FUZZ_SEED, FUZZ_SECONDS, FUZZ_BLOCKS)",
		cfg.seed, cfg.seconds, cfg.blocks
	);
	let keys = Keys::new();
	record_panic_locations();
	let start = Instant::now();
	let deadline = start + Duration::from_secs(cfg.seconds);
	let mut stats = Stats { strict: cfg.strict, ..Default::default() };
	let mut seed = cfg.seed;
	let mut failure = None;
	while Instant::now() < deadline {
		if let Err(f) = run_episode(seed, cfg.blocks, deadline, &keys, &mut stats) {
			failure = Some(f);
			break;
		}
		seed = next_seed(seed);
	}
	stats.print(start.elapsed());
	if let Some(f) = failure {
		println!("\n{f}");
		panic!("fuzz: seed {} found a failure (above)", cfg.seed);
	}
	assert!(stats.blocks > 0, "no block ran");
}

// Regression tests: each bug the fuzzer found, reduced to the calls that show it. A pallet bug
// stays `#[ignore]`d (run with `--ignored`) until the pallet is fixed; then the `ignore` goes.

/// Signs `call` by `keys[signer]` with its next nonce and applies it.
fn apply_signed(keys: &Keys, signer: usize, call: RuntimeCall) -> sp_runtime::ApplyExtrinsicResult {
	let nonce = System::account_nonce(keys.id(signer));
	let number = System::block_number();
	Executive::apply_extrinsic(chain::sign(keys, signer, call, nonce, Signing::Honest, number))
}

/// Found by the fuzzer (seed 4339195204243657281, block 123: `Flux.unstake` by BobStash, which
/// had been given Power and had spent all its HETU; seed 1, block 101, the same). An account
/// whose only holding is Power (a delegate, or a renter, with no HETU and no Flux) was quoted
/// payable from its Power, but every extrinsic it signed was refused with `Payment`: it had no
/// system account, so `CheckNonce` refused it before `ChargePower` ran. Now a Power record holds
/// a sufficient reference on its account (issue 19): the delegate exists, is quoted payable from
/// its Power and is charged exactly that.
#[test]
fn a_power_only_account_is_quoted_and_charged_from_its_power() {
	let keys = Keys::new();
	let newcomer = keys.len() - 1;
	let mut ext = chain::genesis(DEV_RUNTIME_PRESET);
	let mut head = Head::genesis(ext.execute_with(|| System::block_hash(0)));
	ext.execute_with(|| {
		head.open_block(1, 0).unwrap();
		// Alice gives a newcomer (no HETU, no Flux) the generation of 1 000 Flux of her stake.
		let delegate = RuntimeCall::Power(pallet_power::Call::delegate {
			to: keys.id(newcomer),
			amount: 1_000 * fluxomics_runtime::constants::HETU,
			lock: 0,
		});
		assert_eq!(apply_signed(&keys, chain::ALICE, delegate), Ok(Ok(())));
		head.close_block();
		head.open_block(2, 0).unwrap();
		let send = RuntimeCall::PowerMetering(pallet_power_metering::Call::send_message {
			to: keys.id(chain::ALICE),
			payload: b"hello".to_vec(),
			is_intent: false,
		});
		let uxt = chain::sign(&keys, newcomer, send, 0, Signing::Honest, head.number + 1);
		let quote = <Runtime as PowerApiV2<Block, AccountId>>::quote(uxt.encode())
			.expect("a signed extrinsic decodes");
		assert!(quote.payable, "a delegate is quoted unpayable: {quote:?}");
		assert_eq!(quote.flux, 0, "paid from Power: {quote:?}");
		assert_eq!(Executive::apply_extrinsic(uxt), Ok(Ok(())), "charged as quoted");
		let power = pallet_power::Pallet::<Runtime>::power_of(&keys.id(newcomer)).power;
		assert!(power.msg > 0, "the delegate still has Power: {power:?}");
	});
}

/// Found by the fuzzer (seed 4242, episode 9479868584341996557, block 171: `Flux.unstake` by
/// Charlie, then `PowerMarket.expire_lease` of a lease of hers). A lease that ends when its
/// lender has no uncommitted stake to take back (she unstaked it once the lease's time was up,
/// before the market processed the end) relists nothing, yet `end_lease` writes
/// `Listed[lender] += 0`: a stored zero for a lender whose last offer it just removed. The
/// market's invariant 1 ("listed stake differs from offers") then fails.
#[test]
fn a_lease_ended_with_nothing_to_relist_breaks_the_listed_invariant() {
	use fluxomics_runtime::constants::HETU;
	let keys = Keys::new();
	let (bob, charlie) = (1, 2);
	let mut ext = chain::genesis(DEV_RUNTIME_PRESET);
	let mut head = Head::genesis(ext.execute_with(|| System::block_hash(0)));
	ext.execute_with(|| {
		// Charlie lists all her stake; Bob rents all of it for a second, half a second before
		// the next slot starts, so that the lease ends in that slot's first expiry bucket.
		head.open_block(1, 5_500).unwrap();
		let stake = pallet_flux::Pallet::<Runtime>::account(&keys.id(charlie)).staked;
		let list = RuntimeCall::PowerMarket(pallet_power_market::Call::list {
			amount: stake,
			price: 1,
			min_duration: 1_000,
			max_duration: 3_600_000,
		});
		assert_eq!(apply_signed(&keys, charlie, list), Ok(Ok(())));
		let rent = RuntimeCall::PowerMarket(pallet_power_market::Call::rent {
			offer: 0,
			amount: stake,
			duration: 1_000,
			max_total: u128::MAX,
		});
		assert_eq!(apply_signed(&keys, bob, rent), Ok(Ok(())));
		head.close_block();
		// The lease's time is up, its bucket not yet past: the hook has not ended it.
		head.open_block(1, 600).unwrap();
		assert!(pallet_power_market::Leases::<Runtime>::contains_key(0));
		// Charlie's stake is no longer committed: she unstakes it, then the lease is ended.
		let unstake = RuntimeCall::Flux(pallet_flux::Call::unstake { amount: stake });
		assert_eq!(apply_signed(&keys, charlie, unstake), Ok(Ok(())));
		let expire = RuntimeCall::PowerMarket(pallet_power_market::Call::expire_lease { lease: 0 });
		assert_eq!(apply_signed(&keys, bob, expire), Ok(Ok(())));
		assert!(stake > HETU);
		pallet_power_market::Pallet::<Runtime>::do_try_state()
			.expect("the market's invariants hold after the lease ended");
	});
}
