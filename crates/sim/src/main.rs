//! `fluxomics-sim SCENARIO.json [--out DIR] [--compare KEY=VALUE]... [--quiet]`: runs a scenario
//! on the real runtime and writes a CSV and an SVG per quantity (see `docs/economics.md`).

use fluxomics_sim::{params, render, simulate, Scenario};
use std::{path::PathBuf, process::ExitCode};

const USAGE: &str = "usage: fluxomics-sim SCENARIO.json [--out DIR] [--compare KEY=VALUE]... [--quiet]

Runs SCENARIO on the real Fluxomics runtime and writes <quantity>.csv and <quantity>.svg
(power-msg, power-exec, flux-staked, flux-free, rate, market, pocw, flox, activity) into DIR (default: sim-output/<name>).

  --compare KEY=VALUE  run the scenario again with this change enacted at its start and draw
                       both runs (the changed one dashed); repeat for several changes in one run.
                       KEY is <pallet>.<field>, e.g. power.alpha.msg=2000, pocw.feeShare=25%
  --quiet              no progress lines";

struct Args {
	scenario: PathBuf,
	out: Option<PathBuf>,
	compare: Vec<(String, serde_json::Value)>,
	quiet: bool,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
	let (mut scenario, mut out, mut compare, mut quiet) = (None, None, Vec::new(), false);
	while let Some(arg) = args.next() {
		match arg.as_str() {
			"--out" => out = Some(PathBuf::from(args.next().ok_or("--out needs a directory")?)),
			"--compare" => compare
				.push(params::parse_assignment(&args.next().ok_or("--compare needs KEY=VALUE")?)?),
			"--quiet" => quiet = true,
			"-h" | "--help" => return Err(String::new()),
			other if other.starts_with('-') => return Err(format!("unknown option {other}")),
			other if scenario.is_none() => scenario = Some(PathBuf::from(other)),
			other => return Err(format!("one scenario at a time ({other:?} is a second)")),
		}
	}
	Ok(Args { scenario: scenario.ok_or("name a scenario file")?, out, compare, quiet })
}

fn run(args: Args) -> Result<(), String> {
	let scenario = Scenario::load(&args.scenario)?;
	let base = simulate(&scenario, &[], !args.quiet)?;
	let label: Vec<String> = args.compare.iter().map(|(k, v)| format!("{k}={v}")).collect();
	let label = label.join(", ");
	let compared = if args.compare.is_empty() {
		None
	} else {
		if !args.quiet {
			eprintln!("[{}] again with {label}", scenario.name);
		}
		Some(simulate(&scenario, &args.compare, !args.quiet)?)
	};
	let out = args.out.unwrap_or_else(|| PathBuf::from("sim-output").join(&scenario.name));
	std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
	let files =
		render::files(&scenario.name, &base, compared.as_ref().map(|r| (label.as_str(), r)));
	for (name, contents) in files {
		let path = out.join(name);
		std::fs::write(&path, contents)
			.map_err(|e| format!("cannot write {}: {e}", path.display()))?;
	}
	if !args.quiet {
		eprintln!(
			"[{}] {} days, {} blocks, {} extrinsics: plots in {}",
			scenario.name,
			scenario.days,
			base.blocks,
			base.extrinsics,
			out.display()
		);
	}
	Ok(())
}

fn main() -> ExitCode {
	let args = match parse(std::env::args().skip(1)) {
		Ok(args) => args,
		Err(e) if e.is_empty() => {
			println!("{USAGE}");
			return ExitCode::SUCCESS;
		},
		Err(e) => {
			eprintln!("fluxomics-sim: {e}\n\n{USAGE}");
			return ExitCode::from(2);
		},
	};
	match run(args) {
		Ok(()) => ExitCode::SUCCESS,
		Err(e) => {
			eprintln!("fluxomics-sim: {e}");
			ExitCode::FAILURE
		},
	}
}
