//! The scenario file: who is on the chain, what each of them does every day, and what governance
//! changes on which day. JSON, so that a voter edits it with any editor and the crate needs no
//! new parser; every field is named in `docs/economics.md`, and an unknown one is an error (a
//! misspelt field would otherwise be silently ignored).

use serde::Deserialize;
use std::collections::BTreeMap;

/// A whole scenario.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
	/// Short name: the output directory and the plots' titles use it.
	pub name: String,
	/// What the scenario shows, for the reader of the plots.
	#[serde(default)]
	pub description: String,
	/// The runtime preset the chain starts from (`local_testnet`: the launch parameters).
	#[serde(default = "default_preset")]
	pub preset: String,
	/// Simulated days.
	pub days: u32,
	/// Blocks a day (evenly spaced): each carries its share of the day's activity. PoCW tasks
	/// add two blocks a slot apart for their verdicts.
	#[serde(default = "default_blocks_per_day")]
	pub blocks_per_day: u32,
	/// Hours between two samples of the plotted quantities.
	#[serde(default = "default_sample_hours")]
	pub sample_hours: u32,
	/// The accounts and what they do.
	pub accounts: Vec<Actor>,
	/// Parameter changes, each enacted at the start of its day.
	#[serde(default)]
	pub governance: Vec<Change>,
}

fn default_preset() -> String {
	"local_testnet".into()
}
fn default_blocks_per_day() -> u32 {
	24
}
fn default_sample_hours() -> u32 {
	24
}

/// One account. Amounts are in whole HETU or Flux (decimals allowed).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
	/// Its name in the plots; its key is the ed25519 `//sim//<name>`.
	pub name: String,
	/// HETU it is given at the start.
	#[serde(default)]
	pub hetu: f64,
	/// HETU it converts into Flux at the start.
	#[serde(default)]
	pub convert: f64,
	/// Flux it stakes at the start.
	#[serde(default)]
	pub stake: f64,
	/// It sends messages.
	#[serde(default)]
	pub messages: Option<Messages>,
	/// It posts PoCW tasks (a requester).
	#[serde(default)]
	pub post: Option<Post>,
	/// It claims and does PoCW tasks (a worker).
	#[serde(default)]
	pub work: Option<Work>,
	/// It bonds Flux as a PoCW verifier and votes honestly on the panels it is drawn to.
	#[serde(default)]
	pub verify: Option<Verify>,
	/// It lists stake on the rental market at the start.
	#[serde(default)]
	pub lend: Option<Lend>,
	/// It rents Power from the market.
	#[serde(default)]
	pub rent: Option<Rent>,
}

/// Message traffic.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Messages {
	/// Messages a day, spread over the day's blocks.
	pub per_day: f64,
	/// Payload bytes of each.
	#[serde(default = "default_bytes")]
	pub bytes: u32,
	/// Intents (they cost `p_intent` more).
	#[serde(default)]
	pub intent: bool,
}

fn default_bytes() -> u32 {
	32
}

/// A requester's tasks.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Post {
	/// Tasks a day at most (its demand), spread over the day's blocks. A task is posted only
	/// when a worker can take it at once.
	pub per_day: f64,
	/// Budget of each task, in Flux (held in escrow).
	pub budget: f64,
	/// `Light`, `Standard` or `Heavy`.
	#[serde(default = "default_class")]
	pub class: String,
	/// Seats on each task's panel.
	#[serde(default = "default_quorum")]
	pub quorum: u32,
}

fn default_class() -> String {
	"Heavy".into()
}
fn default_quorum() -> u32 {
	3
}

/// A worker: the usage it reports for each task (and the panel measures the same work).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Work {
	/// Execution steps.
	pub steps: u64,
	/// Model calls.
	#[serde(default)]
	pub model_calls: u64,
	/// On-chain transactions.
	#[serde(default)]
	pub onchain_txs: u64,
}

/// A verifier's bond, in Flux.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verify {
	pub bond: f64,
}

/// An offer on the rental market.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lend {
	/// Stake listed, in Flux.
	pub amount: f64,
	/// Price in Flux per Flux of stake per day.
	pub price: f64,
	/// Shortest lease, in days.
	#[serde(default = "one")]
	pub min_days: f64,
	/// Longest lease, in days.
	#[serde(default = "thirty")]
	pub max_days: f64,
}

fn one() -> f64 {
	1.0
}
fn thirty() -> f64 {
	30.0
}

/// Renting from the market (`rent_best`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rent {
	/// Stake whose generation it rents, in Flux.
	pub amount: f64,
	/// Length of each lease, in days.
	pub days: f64,
	/// It rents on day 1 and then every this many days.
	#[serde(default = "one_day")]
	pub every_days: u32,
	/// The most it pays, in Flux per Flux of stake per day.
	pub max_price: f64,
}

fn one_day() -> u32 {
	1
}

/// Parameter changes enacted at the start of `day` (as if a referendum passed then).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
	pub day: u32,
	/// `KEY = VALUE`, as `--compare` takes them (see [`crate::params`]).
	pub set: BTreeMap<String, serde_json::Value>,
}

impl Scenario {
	/// Reads and checks a scenario file.
	pub fn load(path: &std::path::Path) -> Result<Self, String> {
		let text = std::fs::read_to_string(path)
			.map_err(|e| format!("cannot read {}: {e}", path.display()))?;
		let scenario: Self = serde_json::from_str(&text)
			.map_err(|e| format!("{}: not a scenario: {e}", path.display()))?;
		scenario.check().map_err(|e| format!("{}: {e}", path.display()))?;
		Ok(scenario)
	}

	/// Refuses what the simulator cannot run, by name.
	pub fn check(&self) -> Result<(), String> {
		if self.days == 0 {
			return Err("days must be at least 1".into());
		}
		if self.blocks_per_day == 0 || self.blocks_per_day > 14_400 {
			return Err("blocks_per_day must be within 1..=14 400 (a block per 6 s slot)".into());
		}
		let blocks_per_sample = u64::from(self.blocks_per_day) * u64::from(self.sample_hours);
		if self.sample_hours == 0 || !blocks_per_sample.is_multiple_of(24) {
			return Err("sample_hours must be at least 1 and a whole number of blocks".into());
		}
		let mut names = std::collections::BTreeSet::new();
		for a in &self.accounts {
			if a.name.is_empty() || !names.insert(a.name.as_str()) {
				return Err(format!("account names must be unique and not empty: {:?}", a.name));
			}
			for (what, v) in [("hetu", a.hetu), ("convert", a.convert), ("stake", a.stake)] {
				if !(v.is_finite() && v >= 0.0) {
					return Err(format!("{}: {what} must be a number ≥ 0", a.name));
				}
			}
			if let Some(p) = &a.post {
				if !["Light", "Standard", "Heavy"].contains(&p.class.as_str()) {
					return Err(format!("{}: class must be Light, Standard or Heavy", a.name));
				}
			}
		}
		for c in &self.governance {
			if c.day == 0 || c.day > self.days {
				return Err(format!(
					"a governance change on day {} is outside 1..={}",
					c.day, self.days
				));
			}
		}
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn parse(json: &str) -> Result<Scenario, String> {
		let s: Scenario = serde_json::from_str(json).map_err(|e| e.to_string())?;
		s.check().map(|_| s)
	}

	#[test]
	fn bad_scenarios_are_refused_by_name() {
		let ok = r#"{ "name": "x", "days": 1, "accounts": [{ "name": "a" }] }"#;
		assert!(parse(ok).is_ok());
		let refused = [
			(r#"{ "name": "x", "days": 0, "accounts": [] }"#, "days must be"),
			(
				r#"{ "name": "x", "days": 1, "blocks_per_day": 0, "accounts": [] }"#,
				"blocks_per_day",
			),
			(
				r#"{ "name": "x", "days": 1, "blocks_per_day": 1, "sample_hours": 5, "accounts": [] }"#,
				"whole number",
			),
			(
				r#"{ "name": "x", "days": 1, "accounts": [{ "name": "a" }, { "name": "a" }] }"#,
				"unique",
			),
			(r#"{ "name": "x", "days": 1, "accounts": [{ "name": "a", "stake": -1 }] }"#, "stake"),
			(
				r#"{ "name": "x", "days": 1, "accounts": [{ "name": "a", "colour": 1 }] }"#,
				"unknown field",
			),
			(
				r#"{ "name": "x", "days": 1, "accounts": [{ "name": "a", "post": { "per_day": 1, "budget": 10, "class": "Huge" } }] }"#,
				"class",
			),
			(
				r#"{ "name": "x", "days": 2, "accounts": [], "governance": [{ "day": 3, "set": {} }] }"#,
				"day 3",
			),
		];
		for (json, error) in refused {
			let e = parse(json).expect_err(json);
			assert!(e.contains(error), "{json}: {e}");
		}
	}
}
