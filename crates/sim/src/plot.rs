//! # Deterministic CSV and SVG output for simulated time series
//!
//! The economics simulator prints its results into `docs/` (docs/economics.md embeds the charts as
//! images), and a staleness test regenerates them and compares them byte for byte with the
//! committed files. Everything here is therefore a pure function of its input: no timestamps, no
//! hash-map iteration order, and fixed float formatting (at most 2 decimals for SVG coordinates, 6
//! for CSV values, trailing zeros trimmed, never scientific notation). It uses `std` only, so the
//! output cannot drift with the version of a plotting crate.
//!
//! Non-finite values (NaN, ±∞) are left out: they are not drawn and become empty CSV cells.

use std::fmt::Write as _;

/// Width of a chart, in px.
const WIDTH: f64 = 720.0;
/// Height of a chart, in px.
const HEIGHT: f64 = 360.0;
/// Width reserved right of the plot area for the legend, when there is one.
const LEGEND_WIDTH: f64 = 170.0;
/// Line colours, in order of first use (the Tableau 10 palette).
const PALETTE: [&str; 10] = [
	"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
	"#bcbd22", "#17becf",
];
/// A series whose name ends with this is drawn dashed, in the colour of its base series.
const COMPARE_SUFFIX: &str = " (compare)";

/// One named line of a chart: (x, y) points in x order. x is the simulated day (f64), y the value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
	/// The name, shown in the legend and as the CSV column header.
	pub name: String,
	/// The (day, value) points, in day order.
	pub points: Vec<(f64, f64)>,
}

/// A chart: a title, axis labels, and its series (drawn in order, each in its own colour from a
/// fixed palette of 10 colours; a series whose name ends with `" (compare)"` is drawn dashed in the
/// colour of the series with the same name without that suffix, so a `--compare` run shows both
/// runs of one quantity in one colour, solid and dashed).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chart {
	/// Shown on top of the chart.
	pub title: String,
	/// Label of the horizontal axis.
	pub x_label: String,
	/// Label of the vertical axis.
	pub y_label: String,
	/// The lines, drawn in this order.
	pub series: Vec<Series>,
}

impl Chart {
	/// The chart as a standalone SVG document, 720×360 px.
	///
	/// Axes carry 5–6 "nice" ticks where possible (steps of 1, 2, 2.5 or 5 × 10^k) with compact
	/// labels (`1.5k`, `2M`, `0.25`) and light grey grid lines; the legend (one entry per drawn
	/// series) sits right of the plot area, so it never hides data. The x range is the data's; the
	/// y range runs from min(0, min y) to max y plus 5 % headroom (also 5 % below when min y < 0),
	/// or ±1 around the value when all y are equal. Empty series are skipped; without any point
	/// the axes are still drawn and the chart says "no data".
	pub fn to_svg(&self) -> String {
		let drawn: Vec<(usize, Vec<(f64, f64)>)> = self
			.series
			.iter()
			.enumerate()
			.map(|(i, s)| {
				let pts = s.points.iter().copied().filter(|(x, y)| x.is_finite() && y.is_finite());
				(i, pts.collect::<Vec<_>>())
			})
			.filter(|(_, pts)| !pts.is_empty())
			.collect();
		let all: Vec<(f64, f64)> = drawn.iter().flat_map(|(_, p)| p.iter().copied()).collect();
		let ((x_lo, x_hi), (y_lo, y_hi)) = data_ranges(&all);
		let right = if drawn.is_empty() { 16.0 } else { 16.0 + LEGEND_WIDTH };
		let (left, top, plot_right, bottom) = (64.0, 36.0, WIDTH - right, HEIGHT - 48.0);
		let px = |x: f64| left + (x - x_lo) / (x_hi - x_lo) * (plot_right - left);
		let py = |y: f64| bottom - (y - y_lo) / (y_hi - y_lo) * (bottom - top);

		let mut out = String::from(
			"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"360\" \
			 viewBox=\"0 0 720 360\" font-family=\"sans-serif\" font-size=\"11\">\n\
			 <rect width=\"720\" height=\"360\" fill=\"white\"/>\n",
		);
		let bold = " text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\"";
		text(&mut out, (WIDTH / 2.0, 22.0), bold, &self.title);
		let (x_ticks, x_step) = nice_ticks(x_lo, x_hi);
		for t in x_ticks {
			line(&mut out, (px(t), top), (px(t), bottom), " stroke=\"#e5e5e5\"");
			let label = fmt_tick(t, x_step);
			text(&mut out, (px(t), bottom + 16.0), " text-anchor=\"middle\"", &label);
		}
		let (y_ticks, y_step) = nice_ticks(y_lo, y_hi);
		for t in y_ticks {
			line(&mut out, (left, py(t)), (plot_right, py(t)), " stroke=\"#e5e5e5\"");
			let label = fmt_tick(t, y_step);
			text(&mut out, (left - 6.0, py(t) + 4.0), " text-anchor=\"end\"", &label);
		}
		line(&mut out, (left, top), (left, bottom), " stroke=\"#333\"");
		line(&mut out, (left, bottom), (plot_right, bottom), " stroke=\"#333\"");
		let (mid_x, mid_y) = ((left + plot_right) / 2.0, (top + bottom) / 2.0);
		text(&mut out, (mid_x, 352.0), " text-anchor=\"middle\"", &self.x_label);
		let rotate = format!(" transform=\"rotate(-90 16 {})\" text-anchor=\"middle\"", c(mid_y));
		text(&mut out, (16.0, mid_y), &rotate, &self.y_label);
		for (i, pts) in &drawn {
			let coords: Vec<String> =
				pts.iter().map(|&(x, y)| format!("{},{}", c(px(x)), c(py(y)))).collect();
			let (colour, dashes) = (colour_of(&self.series, *i), dash(self.series.get(*i)));
			let _ = writeln!(
				out,
				"<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" \
				 stroke-width=\"1.5\"{dashes}/>",
				coords.join(" ")
			);
		}
		if drawn.is_empty() {
			text(&mut out, (mid_x, mid_y), " text-anchor=\"middle\" fill=\"#888\"", "no data");
		}
		let lx = plot_right + 12.0;
		for (row, (i, _)) in drawn.iter().enumerate() {
			let ly = top + 8.0 + (row as f64) * 16.0;
			let series = self.series.get(*i);
			let (colour, dashes) = (colour_of(&self.series, *i), dash(series));
			let style = format!(" stroke=\"{colour}\" stroke-width=\"2\"{dashes}");
			line(&mut out, (lx, ly), (lx + 20.0, ly), &style);
			let name = series.map(|s| s.name.as_str()).unwrap_or_default();
			text(&mut out, (lx + 26.0, ly + 4.0), "", name);
		}
		out.push_str("</svg>\n");
		out
	}
}

/// CSV of several series sharing x: header `day,<name1>,<name2>,…`, one row per distinct x
/// (sorted ascending, union of all series' x values), an empty cell where a series has no point at
/// that x (the first point wins if a series has several). Integer-valued numbers are printed
/// without a decimal point, others with up to 6 decimals, trailing zeros trimmed; names containing
/// a comma, quote or line break are quoted CSV-style. Rows end with `\n`.
pub fn to_csv(series: &[Series]) -> String {
	let mut out = String::from("day");
	for s in series {
		out.push(',');
		out.push_str(&csv_field(&s.name));
	}
	out.push('\n');
	let sorted: Vec<Vec<(f64, f64)>> = series
		.iter()
		.map(|s| {
			let mut pts: Vec<(f64, f64)> =
				s.points.iter().copied().filter(|(x, _)| x.is_finite()).collect();
			pts.sort_by(|a, b| a.0.total_cmp(&b.0));
			pts
		})
		.collect();
	let mut xs: Vec<f64> = sorted.iter().flat_map(|p| p.iter().map(|&(x, _)| x)).collect();
	xs.sort_by(f64::total_cmp);
	xs.dedup();
	let mut cursors = vec![0usize; sorted.len()];
	for x in xs {
		out.push_str(&csv_value(x));
		for (pts, cur) in sorted.iter().zip(cursors.iter_mut()) {
			out.push(',');
			while pts.get(*cur).is_some_and(|p| p.0 < x) {
				*cur = cur.saturating_add(1);
			}
			if let Some(&(_, y)) = pts.get(*cur).filter(|p| p.0 == x) {
				out.push_str(&csv_value(y));
			}
		}
		out.push('\n');
	}
	out
}

/// The palette index of series `i`: a compare series takes its base's, every other series the
/// next unused one (empty series included, so colours do not shift when a series has no data).
fn colour_index(series: &[Series], i: usize) -> usize {
	let base_of = |s: &Series| {
		let base = s.name.strip_suffix(COMPARE_SUFFIX)?;
		series.iter().position(|o| o.name == base)
	};
	match series.get(i).and_then(base_of) {
		// A base's name is shorter than its compare series', so the recursion ends.
		Some(base) => colour_index(series, base),
		None => series.iter().take(i).filter(|&o| base_of(o).is_none()).count(),
	}
}

/// The colour of series `i`, as an SVG colour.
fn colour_of(series: &[Series], i: usize) -> &'static str {
	let index = colour_index(series, i).checked_rem(PALETTE.len()).unwrap_or(0);
	PALETTE.get(index).copied().unwrap_or("#000000")
}

/// The dash attribute of a series' line: dashed for a compare series, solid otherwise.
fn dash(series: Option<&Series>) -> &'static str {
	match series {
		Some(s) if s.name.ends_with(COMPARE_SUFFIX) => " stroke-dasharray=\"6 4\"",
		_ => "",
	}
}

/// The x and y ranges of the chart (see [`Chart::to_svg`]); `0..1` on both axes without data.
fn data_ranges(points: &[(f64, f64)]) -> ((f64, f64), (f64, f64)) {
	if points.is_empty() {
		return ((0.0, 1.0), (0.0, 1.0));
	}
	let (mut x_min, mut x_max) = (f64::INFINITY, f64::NEG_INFINITY);
	let (mut y_min, mut y_max) = (f64::INFINITY, f64::NEG_INFINITY);
	for &(x, y) in points {
		(x_min, x_max) = (x_min.min(x), x_max.max(x));
		(y_min, y_max) = (y_min.min(y), y_max.max(y));
	}
	let x = if x_max > x_min { (x_min, x_max) } else { (x_min - 1.0, x_min + 1.0) };
	let y = if y_max > y_min {
		let lo = y_min.min(0.0);
		let headroom = (y_max - lo) * 0.05;
		(if lo < 0.0 { lo - headroom } else { lo }, y_max + headroom)
	} else {
		(y_min - 1.0, y_min + 1.0)
	};
	(x, y)
}

/// Ticks for `lo..=hi` at a step of 1, 2, 2.5 or 5 × 10^k, with the tick count as close to 5–6
/// as possible (on a tie, the more ticks); returns the ticks and the step.
fn nice_ticks(lo: f64, hi: f64) -> (Vec<f64>, f64) {
	if !(lo.is_finite() && hi.is_finite() && hi > lo) {
		return (vec![lo], 1.0);
	}
	let bounds = |step: f64| ((lo / step - 1e-9).ceil(), (hi / step + 1e-9).floor());
	let e = ((hi - lo) / 5.0).log10().floor() as i32;
	let mut best: Option<(f64, f64)> = None;
	for k in [e.saturating_sub(1), e, e.saturating_add(1)] {
		for m in [1.0, 2.0, 2.5, 5.0] {
			let step = m * 10f64.powi(k);
			let (first, last) = bounds(step);
			let n = last - first + 1.0;
			let score = if n < 5.0 { 5.0 - n } else { (n - 6.0).max(0.0) };
			match best {
				Some((s, _)) if s <= score => {},
				_ => best = Some((score, step)),
			}
		}
	}
	let step = best.map_or(hi - lo, |(_, step)| step);
	let (first, last) = bounds(step);
	let mut ticks = Vec::new();
	let mut t = first;
	while t <= last && ticks.len() < 100 {
		ticks.push(t * step);
		t += 1.0;
	}
	(ticks, step)
}

/// A tick label: `v` scaled to k/M/B/T where large, with as many decimals as `step` needs.
fn fmt_tick(v: f64, step: f64) -> String {
	let (scale, suffix) = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")]
		.into_iter()
		.find(|&(scale, _)| v.abs() >= scale)
		.unwrap_or((1.0, ""));
	let mut scaled = (step / scale).abs();
	let mut decimals: usize = 0;
	while decimals < 10 && (scaled - scaled.round()).abs() > 1e-6 * scaled.max(1.0) {
		scaled *= 10.0;
		decimals = decimals.saturating_add(1);
	}
	format!("{}{suffix}", fmt_num(v / scale, decimals))
}

/// `v` with at most `decimals` decimals, trailing zeros (and point) trimmed, `-0` as `0`.
fn fmt_num(v: f64, decimals: usize) -> String {
	if !v.is_finite() {
		return "0".to_owned();
	}
	let mut s = format!("{v:.decimals$}");
	if s.contains('.') {
		s.truncate(s.trim_end_matches('0').trim_end_matches('.').len());
	}
	if s == "-0" {
		s = "0".to_owned();
	}
	s
}

/// Appends a `<line>` from `a` to `b` with the extra attributes `attrs`.
fn line(out: &mut String, a: (f64, f64), b: (f64, f64), attrs: &str) {
	let (x1, y1, x2, y2) = (c(a.0), c(a.1), c(b.0), c(b.1));
	let _ = writeln!(out, "<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\"{attrs}/>");
}

/// Appends a `<text>` at `at` with the extra attributes `attrs` and the (escaped) `content`.
fn text(out: &mut String, at: (f64, f64), attrs: &str, content: &str) {
	let (x, y, content) = (c(at.0), c(at.1), escape(content));
	let _ = writeln!(out, "<text x=\"{x}\" y=\"{y}\"{attrs}>{content}</text>");
}

/// An SVG coordinate: at most 2 decimals.
fn c(v: f64) -> String {
	fmt_num(v, 2)
}

/// A CSV value: up to 6 decimals; empty when not finite.
fn csv_value(v: f64) -> String {
	if v.is_finite() {
		fmt_num(v, 6)
	} else {
		String::new()
	}
}

/// A CSV field, quoted (with doubled quotes) when it holds a comma, quote or line break.
fn csv_field(s: &str) -> String {
	if s.contains([',', '"', '\n', '\r']) {
		format!("\"{}\"", s.replace('"', "\"\""))
	} else {
		s.to_owned()
	}
}

/// `s` with the XML special characters escaped (`&` first, so no escape is escaped twice).
fn escape(s: &str) -> String {
	s.replace('&', "&amp;")
		.replace('<', "&lt;")
		.replace('>', "&gt;")
		.replace('"', "&quot;")
		.replace('\'', "&apos;")
}

#[cfg(test)]
mod tests {
	use super::*;

	fn series(name: &str, points: &[(f64, f64)]) -> Series {
		Series { name: name.to_owned(), points: points.to_vec() }
	}

	fn chart(series: Vec<Series>) -> Chart {
		Chart { title: "a < b & c".into(), x_label: "day".into(), y_label: "FLUX".into(), series }
	}

	fn polylines(svg: &str) -> Vec<&str> {
		svg.lines().filter(|l| l.starts_with("<polyline")).collect()
	}

	fn stroke(line: &str) -> &str {
		line.split("stroke=\"").nth(1).unwrap().split('"').next().unwrap()
	}

	#[test]
	fn csv_takes_union_of_x_with_empty_cells() {
		let a = series("a", &[(0.0, 1.0), (2.0, 3.5)]);
		let b = series("b", &[(1.0, 2.0), (2.0, 0.1234567)]);
		assert_eq!(to_csv(&[a, b]), "day,a,b\n0,1,\n1,,2\n2,3.5,0.123457\n");
	}

	#[test]
	fn csv_quotes_names() {
		let csv = to_csv(&[series("x,y", &[]), series("say \"hi\"", &[]), series("plain", &[])]);
		assert_eq!(csv, "day,\"x,y\",\"say \"\"hi\"\"\",plain\n");
	}

	#[test]
	fn svg_draws_non_empty_series_with_legend_and_escaped_title() {
		let svg = chart(vec![
			series("supply", &[(0.0, 1.0), (1.0, 2.0)]),
			series("empty", &[]),
			series("price", &[(0.0, 3.0), (1.0, 1.0)]),
		])
		.to_svg();
		assert_eq!(polylines(&svg).len(), 2);
		assert!(svg.contains(">supply</text>") && svg.contains(">price</text>"));
		assert!(!svg.contains(">empty</text>"));
		assert!(svg.contains("a &lt; b &amp; c") && !svg.contains("a < b"));
		assert!(!svg.contains("no data"));
	}

	#[test]
	fn compare_series_is_dashed_in_base_colour() {
		let svg = chart(vec![
			series("supply", &[(0.0, 1.0), (1.0, 2.0)]),
			series("price", &[(0.0, 3.0), (1.0, 1.0)]),
			series("supply (compare)", &[(0.0, 1.5), (1.0, 2.5)]),
		])
		.to_svg();
		let lines = polylines(&svg);
		assert_eq!(lines.len(), 3);
		assert_eq!(stroke(lines[0]), stroke(lines[2]));
		assert_ne!(stroke(lines[0]), stroke(lines[1]));
		assert!(!lines[0].contains("stroke-dasharray"));
		assert!(lines[2].contains("stroke-dasharray"));
		// The legend shows the same pairing.
		assert!(svg.contains("stroke=\"#1f77b4\" stroke-width=\"2\" stroke-dasharray"));
	}

	#[test]
	fn ticks_are_nice() {
		let (ticks, step) = nice_ticks(0.0, 1234.0);
		assert_eq!(ticks, vec![0.0, 250.0, 500.0, 750.0, 1000.0]);
		let labels: Vec<String> = ticks.iter().map(|&t| fmt_tick(t, step)).collect();
		assert_eq!(labels, ["0", "250", "500", "750", "1k"]);
		let (ticks, step) = nice_ticks(0.0, 0.003);
		let labels: Vec<String> = ticks.iter().map(|&t| fmt_tick(t, step)).collect();
		assert_eq!(labels, ["0", "0.0005", "0.001", "0.0015", "0.002", "0.0025", "0.003"]);
		let (ticks, step) = nice_ticks(0.0, 2_000_000.0);
		let labels: Vec<String> = ticks.iter().map(|&t| fmt_tick(t, step)).collect();
		assert_eq!(labels, ["0", "500k", "1M", "1.5M", "2M"]);
	}

	#[test]
	fn output_is_deterministic() {
		let c = chart(vec![
			series("supply", &[(0.0, 1.0), (1.5, 2.25)]),
			series("supply (compare)", &[(0.0, 1.1)]),
		]);
		assert_eq!(c.to_svg(), c.to_svg());
		assert_eq!(to_csv(&c.series), to_csv(&c.series));
	}

	#[test]
	fn equal_values_and_no_data_stay_finite() {
		for ys in [0.0, 5.0, -3.0] {
			let svg = chart(vec![series("flat", &[(0.0, ys), (10.0, ys)])]).to_svg();
			assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
			assert_eq!(polylines(&svg).len(), 1);
		}
		let single = chart(vec![series("one", &[(3.0, 3.0)])]).to_svg();
		assert!(!single.contains("NaN") && !single.contains("inf"));
		let empty = chart(vec![series("empty", &[])]).to_svg();
		assert!(empty.contains("no data") && empty.contains("<line"));
		assert!(polylines(&empty).is_empty() && !empty.contains("NaN"));
	}
}
