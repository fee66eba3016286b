//! The plots in `docs/img/sim/` are what the shipped scenarios (and the comparison
//! `docs/governance.md` walks through) produce with today's runtime: this test runs each and
//! compares every file byte for byte, and checks that the docs show every chart. `make sim` (or
//! `UPDATE_DOCS=1`) writes them instead.

// A test: a failed step stops it with its reason.
#![allow(clippy::expect_used, clippy::arithmetic_side_effects)]

use fluxomics_sim::{
	crate_dir, docs_plots_dir, params, render, scenarios_dir, simulate, Run, Scenario, COMPARED,
	SHIPPED,
};

fn load(name: &str) -> Scenario {
	Scenario::load(&scenarios_dir().join(format!("{name}.json"))).unwrap_or_else(|e| panic!("{e}"))
}

fn run(scenario: &Scenario, changes: &[(String, serde_json::Value)]) -> Run {
	let run =
		simulate(scenario, changes, false).unwrap_or_else(|e| panic!("{}: {e}", scenario.name));
	// A run in which nothing happened would make plots that match themselves.
	let expected = u64::from(scenario.days) * 24 / u64::from(scenario.sample_hours) + 1;
	assert_eq!(
		run.samples.len() as u64,
		expected,
		"{}: a sample every sample_hours",
		scenario.name
	);
	assert!(run.extrinsics > 10_000, "{}: only {} extrinsics", scenario.name, run.extrinsics);
	run
}

#[test]
fn the_plots_in_the_docs_are_what_the_simulator_produces() {
	let update = std::env::var("UPDATE_DOCS").as_deref() == Ok("1");
	let read = |doc: &str| {
		std::fs::read_to_string(crate_dir().join("../../docs").join(doc)).expect("the doc exists")
	};
	let manuals = format!("{}{}", read("economics.md"), read("governance.md"));
	let mut outputs = Vec::new();
	for name in SHIPPED {
		let scenario = load(name);
		let base = run(&scenario, &[]);
		outputs.push((name.to_string(), render::files(name, &base, None)));
		if name == COMPARED.0 {
			let change = params::parse_assignment(COMPARED.1).expect("KEY=VALUE");
			let compared = run(&scenario, &[change]);
			outputs.push((
				COMPARED.2.to_string(),
				render::files(name, &base, Some((COMPARED.1, &compared))),
			));
		}
	}
	let mut stale = Vec::new();
	for (dir_name, files) in outputs {
		let dir = docs_plots_dir(&dir_name);
		for (file, contents) in files {
			let path = dir.join(&file);
			if update {
				std::fs::create_dir_all(&dir).expect("the plots' directory can be made");
				std::fs::write(&path, &contents).expect("the plot can be written");
			} else if std::fs::read_to_string(&path).ok().as_deref() != Some(contents.as_str()) {
				stale.push(path.display().to_string());
			}
			if file.ends_with(".svg") && dir_name != COMPARED.2 {
				let link = format!("img/sim/{dir_name}/{file}");
				assert!(manuals.contains(&link), "docs/economics.md does not show {link}");
			}
		}
	}
	assert!(stale.is_empty(), "stale plots (run `make sim`): {stale:#?}");
}
