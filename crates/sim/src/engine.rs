//! The simulation: the real runtime, natively, block after block. Every action of a scenario is a
//! signed extrinsic applied through `Executive` with the runtime's own extensions, so it pays
//! its fee the way a user's does (Power first, then Flux at R, then HETU converted), moves R,
//! feeds Flox and runs every hook. Only two things are not extrinsics: the start (HETU given to
//! each account, as a faucet would) and governance (each change dispatched as root at the start
//! of its day, as an enacted referendum is; the real vote takes its track's periods before).
//!
//! Time: `blocks_per_day` blocks a day, evenly spaced (a chain of 6 s slots, most of them
//! empty). A block carries its share of the day's messages and tasks; a block with submitted
//! PoCW results is followed by two blocks a slot apart, in which the drawn panels commit and then
//! reveal their verdicts. Effects that depend on the number of blocks rather than on time (R moves
//! at most `max_change` a block) act on the simulated blocks: `docs/economics.md` says what that
//! changes.

use crate::{
	chain::{self, Head},
	scenario::{Actor, Scenario},
};
use codec::Encode;
use fluxomics_primitives::{TaskClass, UNIT};
use fluxomics_runtime::{
	constants::SLOT_DURATION, AccountId, Executive, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeOrigin, System,
};
use frame_support::traits::UnfilteredDispatchable;
use sp_core::{ed25519, Pair, H256};
use sp_runtime::{
	generic::Era,
	traits::{BlakeTwo256, Hash},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	MultiAddress, MultiSignature,
};
use std::time::Instant;

const MILLIS_PER_DAY: u64 = 86_400_000;

/// What one account holds at a sample.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Holdings {
	/// Messaging Power (PU).
	pub power_msg: f64,
	/// Execution Power (PU).
	pub power_exec: f64,
	/// Free Flux.
	pub free: f64,
	/// Staked Flux.
	pub staked: f64,
	/// Flux held (collateral, bonds, escrow).
	pub held: f64,
	/// Flox points.
	pub points: f64,
}

/// The plotted quantities at one moment, and the activity since the sample before.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sample {
	/// Simulated days since the start.
	pub day: f64,
	/// Each account's holdings, in the scenario's order.
	pub accounts: Vec<Holdings>,
	/// R, PU per Flux.
	pub rate: f64,
	/// The market's price index, Flux per capacity-day (none before the first lease).
	pub price_index: Option<f64>,
	/// Flux in the sink.
	pub sink: f64,
	/// PoCW rewards paid since the sample before, in Flux.
	pub rewards: f64,
	/// Tasks settled since the sample before.
	pub tasks: u64,
	/// Tasks a requester wanted to post but no worker could take, since the sample before.
	pub unserved: u64,
	/// Messages included since the sample before.
	pub messages: u64,
	/// Messages refused (their sender could pay in neither Power, Flux nor HETU).
	pub refused: u64,
}

/// A whole run.
#[derive(Clone, Debug, Default)]
pub struct Run {
	/// The account names, in the scenario's order.
	pub names: Vec<String>,
	/// One sample at the start and one every `sample_hours`.
	pub samples: Vec<Sample>,
	/// Extrinsics applied.
	pub extrinsics: u64,
	/// Blocks made.
	pub blocks: u64,
}

/// Runs `scenario` with `changes` (`KEY=VALUE`) enacted at its start; `progress` prints a line a
/// day on standard error.
pub fn simulate(
	scenario: &Scenario,
	changes: &[(String, serde_json::Value)],
	progress: bool,
) -> Result<Run, String> {
	scenario.check()?;
	let known = fluxomics_runtime::genesis_config_presets::preset_names();
	if !known.contains(&scenario.preset.as_str().into()) {
		return Err(format!("unknown preset {:?} (one of {})", scenario.preset, known.join(", ")));
	}
	let mut ext = chain::genesis(&scenario.preset);
	let genesis = ext.execute_with(|| System::block_hash(0));
	let mut sim = Sim::new(scenario, Head::genesis(genesis))?;
	let started = Instant::now();
	ext.execute_with(|| sim.start(changes))?;
	for day in 1..=scenario.days {
		ext.execute_with(|| sim.day(day))?;
		// Keeps the overlay small: a day's changes go into the backend.
		ext.commit_all().map_err(|e| format!("day {day}: commit failed: {e}"))?;
		if progress {
			eprintln!(
				"[{}] day {day}/{} ({:.0} %): {} blocks, {} extrinsics, {:.1} s",
				scenario.name,
				scenario.days,
				f64::from(day) * 100.0 / f64::from(scenario.days),
				sim.run.blocks,
				sim.run.extrinsics,
				started.elapsed().as_secs_f64()
			);
		}
	}
	Ok(sim.run)
}

/// How an extrinsic ended.
enum Outcome {
	/// Included and succeeded.
	Done,
	/// Included, paid, and failed in dispatch.
	Failed(String),
	/// Refused: not included, nothing paid.
	Refused(String),
}

/// The accounts' keys: ed25519, whose signatures are deterministic, so that a run is the same
/// every time (block hashes seed PoCW's panel draws).
struct Keys {
	pairs: Vec<ed25519::Pair>,
	ids: Vec<AccountId>,
}

struct Sim<'a> {
	scenario: &'a Scenario,
	keys: Keys,
	head: Head,
	run: Run,
	/// Fractions of a message or a task carried to the next block, per account.
	carried_messages: Vec<f64>,
	carried_tasks: Vec<f64>,
	/// Whom each account messages next (an index into the accounts).
	next_to: Vec<usize>,
	/// The next worker to offer a task to.
	next_worker: usize,
	/// Submitted tasks waiting for their verdicts: the task and the work units measured.
	pending: Vec<(u64, u64)>,
	/// The activity since the last sample.
	since: Sample,
	/// Warnings printed once each.
	warned: std::collections::BTreeSet<String>,
	/// Slots the verdict blocks took since the last regular block.
	verdict_slots_taken: u64,
}

/// `amount` whole units (decimals allowed) in planck.
fn planck(amount: f64) -> u128 {
	(amount * UNIT as f64).round().max(0.0) as u128
}

/// Planck in whole units.
fn units(planck: u128) -> f64 {
	planck as f64 / UNIT as f64
}

impl<'a> Sim<'a> {
	fn new(scenario: &'a Scenario, head: Head) -> Result<Self, String> {
		// ed25519 derives hard junctions only.
		let pairs: Vec<ed25519::Pair> = scenario
			.accounts
			.iter()
			.map(|a| {
				ed25519::Pair::from_string(&format!("//sim//{}", a.name), None)
					.map_err(|e| format!("{}: no key for this name: {e:?}", a.name))
			})
			.collect::<Result<_, _>>()?;
		let ids = pairs.iter().map(|p| AccountId::from(p.public())).collect();
		let names: Vec<String> = scenario.accounts.iter().map(|a| a.name.clone()).collect();
		let n = names.len();
		Ok(Self {
			scenario,
			keys: Keys { pairs, ids },
			head,
			run: Run { names, ..Default::default() },
			carried_messages: vec![0.0; n],
			carried_tasks: vec![0.0; n],
			next_to: (0..n).map(|i| (i + 1) % n.max(1)).collect(),
			next_worker: 0,
			pending: Vec::new(),
			since: Sample::default(),
			warned: Default::default(),
			verdict_slots_taken: 0,
		})
	}

	fn actor(&self, i: usize) -> &'a Actor {
		&self.scenario.accounts[i]
	}

	fn id(&self, i: usize) -> AccountId {
		self.keys.ids[i].clone()
	}

	fn warn_once(&mut self, what: String) {
		if self.warned.insert(what.clone()) {
			eprintln!("[{}] {what}", self.scenario.name);
		}
	}

	/// Opens the next block `slots` slots after the head.
	fn open(&mut self, slots: u64) -> Result<(), String> {
		self.head.open_block(slots, 0).map(|_| ())
	}

	/// Closes the block and reads its events.
	fn close(&mut self) {
		self.head.close_block();
		self.run.blocks += 1;
		for record in System::events() {
			if let RuntimeEvent::Pocw(pallet_pocw::Event::TaskSettled { reward, .. }) = record.event
			{
				self.since.rewards += units(reward);
				self.since.tasks += 1;
			}
		}
	}

	/// Signs `call` by account `i` with its next nonce and applies it; a full block is closed
	/// and the extrinsic tried again in the next slot.
	fn submit(&mut self, i: usize, call: RuntimeCall) -> Outcome {
		for _ in 0..2 {
			let uxt = self.sign(i, call.clone());
			match Executive::apply_extrinsic(uxt) {
				Ok(Ok(())) => {
					self.run.extrinsics += 1;
					return Outcome::Done;
				},
				Ok(Err(e)) => {
					self.run.extrinsics += 1;
					return Outcome::Failed(format!("{e:?}"));
				},
				Err(TransactionValidityError::Invalid(InvalidTransaction::ExhaustsResources)) => {
					self.close();
					if let Err(e) = self.open(1) {
						return Outcome::Refused(e);
					}
				},
				Err(e) => return Outcome::Refused(format!("{e:?}")),
			}
		}
		Outcome::Refused("the block is full even when empty".into())
	}

	/// `call` signed by account `i` with its next nonce, immortal, with the runtime's extensions.
	fn sign(&self, i: usize, call: RuntimeCall) -> fluxomics_runtime::UncheckedExtrinsic {
		let nonce = System::account_nonce(self.id(i));
		let ext = chain::tx_ext(nonce, Era::Immortal);
		let pair = &self.keys.pairs[i];
		let signature = match fluxomics_runtime::SignedPayload::new(call.clone(), ext.clone()) {
			Ok(payload) => payload.using_encoded(|p| pair.sign(p)),
			// Refused by its extensions before the signature is looked at.
			Err(_) => pair.sign(b"no payload"),
		};
		fluxomics_runtime::UncheckedExtrinsic::new_signed(
			call,
			MultiAddress::Id(self.id(i)),
			MultiSignature::Ed25519(signature),
			ext,
		)
	}

	/// `submit`, naming the failure.
	fn must(&mut self, i: usize, what: &str, call: RuntimeCall) -> Result<(), String> {
		match self.submit(i, call) {
			Outcome::Done => Ok(()),
			Outcome::Failed(e) | Outcome::Refused(e) => {
				Err(format!("{}: {what} failed: {e}", self.actor(i).name))
			},
		}
	}

	/// Dispatches `changes` as root (an enacted referendum).
	fn enact(&mut self, changes: &[(String, serde_json::Value)], when: &str) -> Result<(), String> {
		let calls = crate::params::calls(changes).map_err(|e| format!("{when}: {e}"))?;
		for call in calls {
			call.dispatch_bypass_filter(RuntimeOrigin::root())
				.map_err(|e| format!("{when}: the chain refuses the change: {:?}", e.error))?;
		}
		Ok(())
	}

	/// Genesis, then the first block: accounts funded, Flux bought and staked, verifiers bonded,
	/// offers listed, and the compared change enacted.
	fn start(&mut self, changes: &[(String, serde_json::Value)]) -> Result<(), String> {
		self.open(1)?;
		self.enact(changes, "--compare")?;
		for i in 0..self.keys.ids.len() {
			let a = self.actor(i);
			let give = RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
				who: MultiAddress::Id(self.id(i)),
				new_free: planck(a.hetu),
			});
			give.dispatch_bypass_filter(RuntimeOrigin::root())
				.map_err(|e| format!("{}: funding failed: {:?}", a.name, e.error))?;
		}
		for i in 0..self.keys.ids.len() {
			let a = self.actor(i);
			if a.convert > 0.0 {
				let call = pallet_flux::Call::convert { hetu: planck(a.convert) };
				self.must(i, "convert", RuntimeCall::Flux(call))?;
			}
			if a.stake > 0.0 {
				let call = pallet_flux::Call::stake { amount: planck(a.stake) };
				self.must(i, "stake", RuntimeCall::Flux(call))?;
			}
			if let Some(v) = &a.verify {
				let call = pallet_pocw::Call::register_verifier { bond: planck(v.bond) };
				self.must(i, "register_verifier", RuntimeCall::Pocw(call))?;
			}
			if let Some(l) = &a.lend {
				let call = pallet_power_market::Call::list {
					amount: planck(l.amount),
					price: planck(l.price),
					min_duration: (l.min_days * MILLIS_PER_DAY as f64) as u64,
					max_duration: (l.max_days * MILLIS_PER_DAY as f64) as u64,
				};
				self.must(i, "list", RuntimeCall::PowerMarket(call))?;
			}
		}
		self.close();
		self.sample(0.0);
		Ok(())
	}

	/// One simulated day.
	fn day(&mut self, day: u32) -> Result<(), String> {
		let per_day = u64::from(self.scenario.blocks_per_day);
		let spacing = (MILLIS_PER_DAY / per_day / SLOT_DURATION).max(1);
		let sample_every = (per_day * u64::from(self.scenario.sample_hours) / 24).max(1);
		for block in 0..per_day {
			// Verdict blocks took slots of this spacing.
			self.open(spacing.saturating_sub(self.verdict_slots_taken).max(1))?;
			self.verdict_slots_taken = 0;
			self.expire_ended_leases();
			if block == 0 {
				self.first_block_of_day(day)?;
			}
			self.messages();
			self.tasks()?;
			self.close();
			if !self.pending.is_empty() {
				self.verdicts()?;
			}
			if (block + 1) % sample_every == 0 {
				let t = f64::from(day - 1) + (block + 1) as f64 / per_day as f64;
				self.sample(t);
			}
		}
		Ok(())
	}

	/// The day's governance changes, and the renters' leases.
	fn first_block_of_day(&mut self, day: u32) -> Result<(), String> {
		let changes: Vec<(String, serde_json::Value)> = self
			.scenario
			.governance
			.iter()
			.filter(|c| c.day == day)
			.flat_map(|c| c.set.iter().map(|(k, v)| (k.clone(), v.clone())))
			.collect();
		if !changes.is_empty() {
			self.enact(&changes, &format!("day {day}"))?;
		}
		for i in 0..self.keys.ids.len() {
			let Some(r) = self.actor(i).rent.clone() else { continue };
			if !(day - 1).is_multiple_of(r.every_days.max(1)) {
				continue;
			}
			let call = pallet_power_market::Call::rent_best {
				amount: planck(r.amount),
				duration: (r.days * MILLIS_PER_DAY as f64) as u64,
				max_price: planck(r.max_price),
			};
			if let Outcome::Failed(e) | Outcome::Refused(e) =
				self.submit(i, RuntimeCall::PowerMarket(call))
			{
				let name = self.actor(i).name.clone();
				self.warn_once(format!("{name}: rent_best failed on day {day}: {e}"));
			}
		}
		Ok(())
	}

	/// Each lender of the scenario expires its leases that have ended (`expire_lease`: anyone
	/// may). The market's hook ends leases from a queue of one-second buckets, at most 64 a
	/// block: enough for blocks 6 s apart, while the simulator's blocks are minutes or hours
	/// apart, so without a keeper its cursor would fall ever further behind.
	fn expire_ended_leases(&mut self) {
		let now = self.head.now;
		let ended: Vec<(u32, AccountId)> = pallet_power_market::Leases::<Runtime>::iter()
			.filter(|(_, l)| l.end <= now)
			.map(|(id, l)| (id, l.lender))
			.collect();
		for (lease, lender) in ended {
			let Some(i) = self.keys.ids.iter().position(|x| *x == lender) else { continue };
			let call = pallet_power_market::Call::expire_lease { lease };
			if let Outcome::Failed(e) | Outcome::Refused(e) =
				self.submit(i, RuntimeCall::PowerMarket(call))
			{
				let name = self.actor(i).name.clone();
				self.warn_once(format!("{name}: expire_lease failed: {e}"));
			}
		}
	}

	/// This block's share of every account's messages, each to the next account in turn.
	fn messages(&mut self) {
		let n = self.keys.ids.len();
		for i in 0..n {
			let Some(m) = self.actor(i).messages.clone() else { continue };
			self.carried_messages[i] += m.per_day / f64::from(self.scenario.blocks_per_day);
			while self.carried_messages[i] >= 1.0 {
				self.carried_messages[i] -= 1.0;
				let to = self.next_to[i];
				self.next_to[i] = (to + 1 + usize::from((to + 1) % n == i)) % n;
				let call = pallet_power_metering::Call::send_message {
					to: self.id(to),
					payload: vec![b'm'; m.bytes as usize],
					is_intent: m.intent,
				};
				match self.submit(i, RuntimeCall::PowerMetering(call)) {
					Outcome::Done => self.since.messages += 1,
					Outcome::Failed(e) => {
						let name = self.actor(i).name.clone();
						self.warn_once(format!("{name}: a message failed: {e}"));
					},
					Outcome::Refused(_) => self.since.refused += 1,
				}
			}
		}
	}

	/// A worker able to take a task of `budget` now: exec Power for its usage and free Flux for
	/// its collateral. Workers are offered tasks in turn.
	fn free_worker(&mut self, budget: u128) -> Option<usize> {
		let n = self.keys.ids.len();
		let schedule = pallet_power_metering::Pallet::<Runtime>::params().schedule;
		let p = pallet_pocw::Params::<Runtime>::get();
		let collateral = p.min_collateral.max(p.collateral_ratio * budget);
		for k in 0..n {
			let w = (self.next_worker + k) % n;
			let Some(work) = &self.actor(w).work else { continue };
			let usage = pallet_power_metering::math::agent_exec_cost(
				&schedule,
				work.steps,
				work.model_calls,
				work.onchain_txs,
			);
			// The usage, and the claim and the submission themselves.
			let needed = usage
				.saturating_add(
					self.exec_cost_of(pallet_pocw::Call::claim_task { task: 0, collateral }),
				)
				.saturating_add(self.exec_cost_of(pallet_pocw::Call::submit_result {
					task: 0,
					result_hash: H256::zero(),
					usage: pallet_pocw::Usage { steps: 0, model_calls: 0, onchain_txs: 0 },
				}));
			let exec = pallet_power::Pallet::<Runtime>::power_of(&self.id(w)).power.exec;
			let free = pallet_flux::Pallet::<Runtime>::account(&self.id(w)).free;
			if exec >= needed && free >= collateral {
				self.next_worker = (w + 1) % n;
				return Some(w);
			}
		}
		None
	}

	/// The execution Power a signed PoCW `call` costs (its declared weight, and a signed
	/// extrinsic's length).
	fn exec_cost_of(&self, call: pallet_pocw::Call<Runtime>) -> u128 {
		use frame_support::dispatch::GetDispatchInfo;
		let call = RuntimeCall::Pocw(call);
		let weight = call.get_dispatch_info().total_weight();
		pallet_power_metering::Pallet::<Runtime>::cost(call.encoded_size() + 110, false, weight)
			.exec
	}

	/// This block's share of every requester's tasks: posted, claimed and submitted at once,
	/// while a worker can take them.
	fn tasks(&mut self) -> Result<(), String> {
		for r in 0..self.keys.ids.len() {
			let Some(post) = self.actor(r).post.clone() else { continue };
			self.carried_tasks[r] += post.per_day / f64::from(self.scenario.blocks_per_day);
			let class = match post.class.as_str() {
				"Light" => TaskClass::Light,
				"Standard" => TaskClass::Standard,
				_ => TaskClass::Heavy,
			};
			let budget = planck(post.budget);
			while self.carried_tasks[r] >= 1.0 {
				self.carried_tasks[r] -= 1.0;
				let Some(w) = self.free_worker(budget) else {
					self.since.unserved += 1;
					continue;
				};
				let work = self.actor(w).work.clone().unwrap_or(crate::scenario::Work {
					steps: 0,
					model_calls: 0,
					onchain_txs: 0,
				});
				let task = pallet_pocw::NextTaskId::<Runtime>::get();
				let p = pallet_pocw::Params::<Runtime>::get();
				let deadline = self.head.now.saturating_add(MILLIS_PER_DAY);
				let spec = BlakeTwo256::hash(&(b"spec", task).encode());
				self.must(
					r,
					"post_task",
					RuntimeCall::Pocw(pallet_pocw::Call::post_task {
						spec_hash: spec,
						budget,
						class,
						quorum: post.quorum,
						deadline,
					}),
				)?;
				let collateral = p.min_collateral.max(p.collateral_ratio * budget);
				self.must(
					w,
					"claim_task",
					RuntimeCall::Pocw(pallet_pocw::Call::claim_task { task, collateral }),
				)?;
				let usage = pallet_pocw::Usage {
					steps: work.steps,
					model_calls: work.model_calls,
					onchain_txs: work.onchain_txs,
				};
				let result = BlakeTwo256::hash(&(b"result", task).encode());
				self.must(
					w,
					"submit_result",
					RuntimeCall::Pocw(pallet_pocw::Call::submit_result {
						task,
						result_hash: result,
						usage,
					}),
				)?;
				self.pending.push((task, work.steps));
			}
		}
		Ok(())
	}

	/// The salt account `i` uses for its verdict on `task`.
	fn salt(&self, task: u64, i: usize) -> H256 {
		BlakeTwo256::hash(&(b"salt", task, i as u32).encode())
	}

	/// The two blocks after submissions: the panels drawn at the first one commit, then reveal
	/// (valid, and the work units the worker reported); the last reveal settles each task.
	fn verdicts(&mut self) -> Result<(), String> {
		let pending = std::mem::take(&mut self.pending);
		let index_of = |who: &AccountId, ids: &[AccountId]| ids.iter().position(|x| x == who);
		for reveal in [false, true] {
			self.open(1)?;
			self.verdict_slots_taken += 1;
			for (task, units) in &pending {
				for seat in pallet_pocw::Pallet::<Runtime>::panel(*task) {
					let Some(v) = index_of(&seat.verifier, &self.keys.ids) else { continue };
					let salt = self.salt(*task, v);
					let call = if reveal {
						pallet_pocw::Call::reveal_verdict {
							task: *task,
							valid: true,
							work_units: *units,
							salt,
						}
					} else {
						let who = self.id(v);
						let commitment = pallet_pocw::Pallet::<Runtime>::commitment(
							*task, &who, true, *units, salt,
						);
						pallet_pocw::Call::commit_verdict { task: *task, commitment }
					};
					let what = if reveal { "reveal_verdict" } else { "commit_verdict" };
					self.must(v, what, RuntimeCall::Pocw(call))?;
				}
			}
			self.close();
		}
		Ok(())
	}

	/// Records the plotted quantities at `day`.
	fn sample(&mut self, day: f64) {
		let accounts = (0..self.keys.ids.len())
			.map(|i| {
				let id = self.id(i);
				let power = pallet_power::Pallet::<Runtime>::power_of(&id).power;
				let flux = pallet_flux::Pallet::<Runtime>::account(&id);
				Holdings {
					power_msg: power.msg as f64,
					power_exec: power.exec as f64,
					free: units(flux.free),
					staked: units(flux.staked),
					held: units(flux.held),
					points: pallet_flox::Points::<Runtime>::get(&id) as f64,
				}
			})
			.collect();
		let rate = pallet_power_metering::ExchangeRate::<Runtime>::get();
		let sink = pallet_flux::Pallet::<Runtime>::sink_account();
		let since = std::mem::take(&mut self.since);
		self.run.samples.push(Sample {
			day,
			accounts,
			rate: rate.into_inner() as f64 / 1e18,
			price_index: pallet_power_market::PriceIndex::<Runtime>::get().map(|s| units(s.price)),
			sink: units(pallet_flux::Pallet::<Runtime>::account(&sink).free),
			..since
		});
	}
}
