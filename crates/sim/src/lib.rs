//! # The Fluxomics economics simulator
//!
//! Runs the real runtime natively over simulated days from a scenario file (who stakes, works,
//! posts tasks, rents, sends messages, and which parameters governance changes on which day) and
//! writes what a voter needs to see before a referendum: a CSV and an SVG chart for each
//! quantity (each account's Power and Flux, R, the market's price index, PoCW rewards and the
//! sink, Flox points, the day's activity). `--compare KEY=VALUE` runs the scenario a second time
//! with one parameter changed and draws both runs in one chart, the changed one dashed.
//!
//! Why the real runtime: the formulas are in `docs/`, but what a vote does comes from how they
//! interact (accrual against caps, fees falling back to Flux at R, rewards staked at once, R
//! following each block's demand). Running the runtime's own code, with every fee paid by the
//! runtime's own extensions, shows that and cannot drift from the chain.
//!
//! `docs/economics.md` is the user's manual: the scenario format, the command, and the plots of
//! the two scenarios shipped in `scenarios/`, which a test keeps current.

// A native tool, not runtime code: an index out of range or an overflow is a bug of the
// simulator, and stops it with the panic's message; the runtime it drives keeps its own lints.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

// The chain helpers the runtime's fuzzer and bench use (genesis from a preset, signing with the
// runtime's real extensions, blocks with their Aura slot), shared rather than copied.
#[allow(dead_code, clippy::unwrap_used, clippy::expect_used)]
#[path = "../../../runtime/tests/fuzz/chain.rs"]
mod chain;
#[allow(dead_code)]
#[path = "../../../runtime/tests/common/mod.rs"]
mod common;

mod engine;
pub mod params;
pub mod plot;
pub mod render;
pub mod scenario;

pub use engine::{simulate, Holdings, Run, Sample};
pub use scenario::Scenario;

/// The scenarios shipped with the simulator, whose plots are in `docs/img/sim/<name>/`.
pub const SHIPPED: [&str; 2] = ["day1-30", "heavy-week"];

/// The comparison `docs/governance.md` walks through: a scenario, the change, and the directory
/// of its plots in `docs/img/sim/`.
pub const COMPARED: (&str, &str, &str) = ("day1-30", "power.alpha.exec=2000", "day1-30-alpha-exec");

/// This crate's directory: at run time when cargo says (a test binary reused from another
/// checkout of the same sources, a CI clone sharing the target directory, must read this
/// checkout's files), else where it was built.
pub fn crate_dir() -> std::path::PathBuf {
	std::env::var_os("CARGO_MANIFEST_DIR")
		.unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into())
		.into()
}

/// Where the shipped scenario files are.
pub fn scenarios_dir() -> std::path::PathBuf {
	crate_dir().join("scenarios")
}

/// Where the plots of a shipped scenario are kept in the docs.
pub fn docs_plots_dir(scenario: &str) -> std::path::PathBuf {
	crate_dir().join("../../docs/img/sim").join(scenario)
}
