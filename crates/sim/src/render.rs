//! From a run (and the compared run) to the files a voter reads: a CSV and an SVG chart per
//! quantity. Deterministic, so that the plots in `docs/` can be checked byte for byte.

use crate::{
	engine::{Holdings, Run, Sample},
	plot::{to_csv, Chart, Series},
};

/// The quantities, by file name: what each chart shows.
pub const QUANTITIES: [(&str, &str, &str); 9] = [
	("power-msg", "Messaging Power of each account", "PU"),
	("power-exec", "Execution Power of each account", "PU"),
	("flux-staked", "Staked Flux of each account", "Flux"),
	("flux-free", "Free Flux of each account", "Flux"),
	("rate", "R, the exchange rate", "PU per Flux"),
	("market", "The rental market's price index", "Flux per capacity-day"),
	("pocw", "PoCW rewards a day, and the sink", "Flux"),
	("flox", "Flox points of each account", "points"),
	("activity", "Activity a day", "count a day"),
];

/// One run's series for `quantity`, each name ending in `suffix`.
fn series(run: &Run, quantity: &str, suffix: &str) -> Vec<Series> {
	let per_account = |label: &str, pick: &dyn Fn(&Holdings) -> f64| -> Vec<Series> {
		run.names
			.iter()
			.enumerate()
			.filter_map(|(i, name)| {
				let points: Vec<(f64, f64)> = run
					.samples
					.iter()
					.filter_map(|s| s.accounts.get(i).map(|h| (s.day, pick(h))))
					.collect();
				// Accounts that never hold any of it would only crowd the legend.
				points
					.iter()
					.any(|(_, y)| *y != 0.0)
					.then(|| Series { name: format!("{name}{label}{suffix}"), points })
			})
			.collect()
	};
	let one = |name: &str, pick: &dyn Fn(usize, &Sample) -> Option<f64>| Series {
		name: format!("{name}{suffix}"),
		points: run
			.samples
			.iter()
			.enumerate()
			.filter_map(|(i, s)| pick(i, s).map(|y| (s.day, y)))
			.collect(),
	};
	// Activity since the sample before, as a rate a day (none at the first sample).
	let per_day = |i: usize, count: f64| -> Option<f64> {
		let now = run.samples.get(i)?;
		let before = run.samples.get(i.checked_sub(1)?)?;
		let days = now.day - before.day;
		(days > 0.0).then(|| count / days)
	};
	match quantity {
		"power-msg" => per_account("", &|h| h.power_msg),
		"power-exec" => per_account("", &|h| h.power_exec),
		"flux-staked" => per_account("", &|h| h.staked),
		"flux-free" => per_account("", &|h| h.free),
		"rate" => vec![one("R", &|_, s| Some(s.rate))],
		"market" => vec![one("price index", &|_, s| s.price_index)],
		"pocw" => vec![
			one("rewards a day", &|i, s| per_day(i, s.rewards)),
			one("sink", &|_, s| Some(s.sink)),
		],
		"flox" => per_account("", &|h| h.points),
		_ => vec![
			one("messages", &|i, s| per_day(i, s.messages as f64)),
			one("refused messages", &|i, s| per_day(i, s.refused as f64)),
			one("tasks settled", &|i, s| per_day(i, s.tasks as f64)),
			one("tasks unserved", &|i, s| per_day(i, s.unserved as f64)),
		],
	}
}

/// The files of a run: `<quantity>.csv` and `<quantity>.svg`, with the compared run's series
/// (named `… (compare)`, drawn dashed) when there is one. `label` names the scenario and the
/// compared change.
pub fn files(scenario: &str, base: &Run, compare: Option<(&str, &Run)>) -> Vec<(String, String)> {
	let mut out = Vec::new();
	for (quantity, title, unit) in QUANTITIES {
		let mut all = series(base, quantity, "");
		if let Some((_, run)) = compare {
			all.extend(series(run, quantity, " (compare)"));
		}
		let title = match compare {
			Some((change, _)) => format!("{scenario}: {title} (dashed: {change})"),
			None => format!("{scenario}: {title}"),
		};
		let chart = Chart { title, x_label: "day".into(), y_label: unit.into(), series: all };
		out.push((format!("{quantity}.csv"), to_csv(&chart.series)));
		out.push((format!("{quantity}.svg"), chart.to_svg()));
	}
	out
}
