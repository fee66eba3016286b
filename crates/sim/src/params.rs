//! `KEY=VALUE` parameter changes: the language of `--compare` and of a scenario's governance
//! entries, and what each becomes on chain (the pallet's own `set_params`, dispatched as root:
//! what an enacted referendum does).
//!
//! A key is `<pallet>.<field>[.<field>…]` with the pallet one of [`PALLETS`] and the fields those
//! of the pallet's parameters as `api.query.<pallet>.params()` shows them (`power.alpha.msg`,
//! `metering.schedule.pIntent`, `pocw.feeShare`); a field matches whatever its case and
//! underscores (`cap_period` = `capPeriod`). A value is a JSON number, boolean or string. Two
//! kinds of field take a friendlier form: a fixed-point number (α, R's bounds) takes its plain
//! value (`power.alpha.msg=2000`), and a per-billion share takes a percentage
//! (`pocw.feeShare=25%`).

use fluxomics_runtime::{Runtime, RuntimeCall};
use serde_json::Value;

/// The pallets whose parameters can change, by the name a key starts with.
pub const PALLETS: [&str; 6] = ["flux", "power", "metering", "market", "pocw", "flox"];

/// Parses `KEY=VALUE` from the command line.
pub fn parse_assignment(text: &str) -> Result<(String, Value), String> {
	let (key, value) = text.split_once('=').ok_or_else(|| format!("{text:?} is not KEY=VALUE"))?;
	let value =
		serde_json::from_str(value.trim()).unwrap_or_else(|_| Value::String(value.trim().into()));
	Ok((key.trim().to_string(), value))
}

/// A pallet's parameters as JSON. Reads the chain, so it runs inside the externalities.
fn current(pallet: &str) -> Result<Value, String> {
	let value = match pallet {
		"flux" => serde_json::to_value(pallet_flux::Params::<Runtime>::get()),
		"power" => serde_json::to_value(pallet_power::Params::<Runtime>::get()),
		"metering" => serde_json::to_value(pallet_power_metering::Pallet::<Runtime>::params()),
		"market" => serde_json::to_value(pallet_power_market::Params::<Runtime>::get()),
		"pocw" => serde_json::to_value(pallet_pocw::Params::<Runtime>::get()),
		"flox" => serde_json::to_value(pallet_flox::Params::<Runtime>::get()),
		other => return Err(unknown_pallet(other)),
	};
	value.map_err(|e| format!("{pallet}: parameters do not serialise: {e}"))
}

fn unknown_pallet(name: &str) -> String {
	format!("unknown pallet {name:?} (one of {})", PALLETS.join(", "))
}

/// The `set_params` call that sets `params` (JSON) on `pallet`.
fn set_params_call(pallet: &str, params: Value) -> Result<RuntimeCall, String> {
	fn from<T: serde::de::DeserializeOwned>(pallet: &str, v: Value) -> Result<T, String> {
		serde_json::from_value(v)
			.map_err(|e| format!("{pallet}: the new parameters are not valid: {e}"))
	}
	Ok(match pallet {
		"flux" => {
			RuntimeCall::Flux(pallet_flux::Call::set_params { params: from(pallet, params)? })
		},
		"power" => {
			RuntimeCall::Power(pallet_power::Call::set_params { params: from(pallet, params)? })
		},
		"metering" => RuntimeCall::PowerMetering(pallet_power_metering::Call::set_params {
			params: from(pallet, params)?,
		}),
		"market" => RuntimeCall::PowerMarket(pallet_power_market::Call::set_params {
			params: from(pallet, params)?,
		}),
		"pocw" => {
			RuntimeCall::Pocw(pallet_pocw::Call::set_params { params: from(pallet, params)? })
		},
		"flox" => {
			RuntimeCall::Flox(pallet_flox::Call::set_params { params: from(pallet, params)? })
		},
		other => return Err(unknown_pallet(other)),
	})
}

/// The `set_params` calls that make `changes`, one per pallet touched, from the parameters in
/// force. Reads the chain, so it runs inside the externalities.
pub fn calls(changes: &[(String, Value)]) -> Result<Vec<RuntimeCall>, String> {
	let mut docs: Vec<(String, Value)> = Vec::new();
	for (key, value) in changes {
		let mut path = key.split('.');
		let pallet = path.next().unwrap_or_default();
		let fields: Vec<&str> = path.collect();
		if fields.is_empty() {
			return Err(format!("{key}: name a field after the pallet (e.g. power.alpha.msg)"));
		}
		if !docs.iter().any(|(p, _)| p == pallet) {
			docs.push((pallet.to_string(), current(pallet)?));
		}
		let doc = docs
			.iter_mut()
			.find_map(|(p, doc)| (p == pallet).then_some(doc))
			.ok_or_else(|| unknown_pallet(pallet))?;
		set(doc, &fields, value.clone()).map_err(|e| format!("{key}: {e}"))?;
	}
	docs.into_iter().map(|(pallet, doc)| set_params_call(&pallet, doc)).collect()
}

/// Whether two field names are the same one, whatever the case and underscores.
fn same_field(a: &str, b: &str) -> bool {
	let norm =
		|s: &str| s.chars().filter(|c| *c != '_').flat_map(char::to_lowercase).collect::<String>();
	norm(a) == norm(b)
}

/// Sets the field at `path` in `doc` to `value`, in the form the field already has.
fn set(doc: &mut Value, path: &[&str], value: Value) -> Result<(), String> {
	let Some((first, rest)) = path.split_first() else {
		*doc = convert(doc, value)?;
		return Ok(());
	};
	let Value::Object(map) = doc else {
		return Err(format!("{first:?} is inside a value that has no fields"));
	};
	let names: Vec<String> = map.keys().cloned().collect();
	let Some(name) = names.iter().find(|n| same_field(n, first)) else {
		return Err(format!("no field {first:?} (there are: {})", names.join(", ")));
	};
	match map.get_mut(name) {
		Some(inner) => set(inner, rest, value),
		None => Err(format!("no field {first:?}")),
	}
}

/// `value` in the form of `old`: a fixed-point field (a string) takes a plain number, a
/// per-billion field (an integer) takes a percentage.
fn convert(old: &Value, value: Value) -> Result<Value, String> {
	match (old, value) {
		(Value::String(_), Value::Number(n)) => {
			let text = n.to_string();
			Ok(Value::String(if text.contains('.') { text } else { format!("{text}.0") }))
		},
		(Value::Number(_), Value::String(s)) if s.ends_with('%') => {
			let pct: f64 = s
				.trim_end_matches('%')
				.trim()
				.parse()
				.map_err(|_| format!("{s:?} is not a percentage"))?;
			if !(0.0..=100.0).contains(&pct) {
				return Err(format!("{s} is not within 0–100 %"));
			}
			Ok(Value::from((pct * 10_000_000.0).round() as u64))
		},
		(Value::Object(_) | Value::Array(_), v) if !v.is_object() && !v.is_array() => {
			Err("the key names a group of fields: name one of them".into())
		},
		(_, v) => Ok(v),
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use serde_json::json;

	#[test]
	fn a_field_matches_whatever_its_case_and_underscores() {
		let mut doc =
			json!({ "alpha": { "msg": "1000000000000000000000", "exec": "1" }, "cap_period": 5 });
		set(&mut doc, &["capPeriod"], json!(7)).unwrap();
		set(&mut doc, &["alpha", "MSG"], json!(2000)).unwrap();
		assert_eq!(doc, json!({ "alpha": { "msg": "2000.0", "exec": "1" }, "cap_period": 7 }));
	}

	#[test]
	fn a_share_takes_a_percentage() {
		let mut doc = json!({ "feeShare": 200_000_000 });
		set(&mut doc, &["fee_share"], json!("25%")).unwrap();
		assert_eq!(doc, json!({ "feeShare": 250_000_000 }));
		assert!(set(&mut doc, &["fee_share"], json!("125%")).is_err());
	}

	#[test]
	fn unknown_fields_and_groups_are_named() {
		let mut doc = json!({ "alpha": { "msg": "1" } });
		let e = set(&mut doc, &["beta"], json!(1)).unwrap_err();
		assert!(e.contains("no field \"beta\"") && e.contains("alpha"), "{e}");
		assert!(set(&mut doc, &["alpha"], json!(1)).is_err());
		assert!(parse_assignment("power.alpha.msg").is_err());
		assert_eq!(parse_assignment("a.b=25%").unwrap(), ("a.b".into(), json!("25%")));
		assert_eq!(parse_assignment("a.b = 3").unwrap(), ("a.b".into(), json!(3)));
	}
}
