//! The oracles: what must hold after every extrinsic and every block, whatever the calls were.
//! Each returns `Err(what broke)`.

use fluxomics_primitives::PowerQuote;
use fluxomics_runtime::{
	constants::{RuntimeBlockLength, RuntimeBlockWeights},
	AccountId, Balance, Runtime, RuntimeEvent,
};
use frame_support::{
	dispatch::{DispatchClass, DispatchInfo, Pays},
	weights::Weight,
};

pub type Check = Result<(), String>;

/// A pallet's `do_try_state`.
type TryState = fn() -> Result<(), sp_runtime::TryRuntimeError>;

/// Every pallet's invariants (`do_try_state`, what try-runtime runs).
pub fn try_state(when: &str) -> Check {
	let checks: [(&str, TryState); 6] = [
		("Flux", pallet_flux::Pallet::<Runtime>::do_try_state),
		("Power", pallet_power::Pallet::<Runtime>::do_try_state),
		("PowerMetering", pallet_power_metering::Pallet::<Runtime>::do_try_state),
		("PowerMarket", pallet_power_market::Pallet::<Runtime>::do_try_state),
		("Pocw", pallet_pocw::Pallet::<Runtime>::do_try_state),
		("Flox", pallet_flox::Pallet::<Runtime>::do_try_state),
	];
	for (pallet, check) in checks {
		check().map_err(|e| format!("{pallet} try_state {when}: {e:?}"))?;
	}
	Ok(())
}

/// The money totals an extrinsic or a block may change only as its events say.
#[derive(Clone, Copy, Debug)]
pub struct Ledger {
	pub flux_minted: Balance,
	pub flux_burned: Balance,
	pub flux_issuance: Balance,
	pub hetu_issuance: Balance,
	pub reserve_hetu: Balance,
}

impl Ledger {
	pub fn now() -> Self {
		Self {
			flux_minted: pallet_flux::TotalMinted::<Runtime>::get(),
			flux_burned: pallet_flux::TotalBurned::<Runtime>::get(),
			flux_issuance: pallet_flux::TotalIssuance::<Runtime>::get(),
			hetu_issuance: pallet_balances::TotalIssuance::<Runtime>::get(),
			reserve_hetu: fluxomics_runtime::Balances::free_balance(reserve()),
		}
	}
}

fn reserve() -> AccountId {
	pallet_flux::Pallet::<Runtime>::reserve_account()
}

fn sink() -> AccountId {
	pallet_flux::Pallet::<Runtime>::sink_account()
}

/// The flows of Flux and HETU between `before` and `after` are the ones `events` report:
///
/// - Flux minted grew by what was converted, minted and auto-staked; Flux burned by what was
///   burned and slashed to nobody; the issuance is minted − burned (also `try_state`'s);
/// - every conversion paid its HETU into the reserve, and the reserve never shrinks;
/// - HETU is never created; it is destroyed only where pallet-balances reports a burn, dust or a
///   slash, and never more than reported; the issuance is the sum of all accounts.
pub fn flows(before: &Ledger, after: &Ledger, events: &[RuntimeEvent]) -> Check {
	use pallet_balances::Event as B;
	use pallet_flux::Event as F;
	let (mut minted, mut burned, mut hetu_destroyed) = (0u128, 0u128, 0u128);
	for e in events {
		match e {
			RuntimeEvent::Flux(F::Converted { who, hetu, flux }) => {
				minted += flux;
				let paid = events.iter().any(|e| {
					matches!(e, RuntimeEvent::Balances(B::Transfer { from, to, amount })
						if from == who && *to == reserve() && amount == hetu)
				});
				if !paid {
					return Err(format!(
						"Converted {hetu} HETU of {who:?} without a transfer to the reserve"
					));
				}
			},
			RuntimeEvent::Flux(F::Minted { amount, .. } | F::AutoStaked { amount, .. }) => {
				minted += amount
			},
			RuntimeEvent::Flux(F::Burned { amount, .. } | F::Slashed { amount, to: None, .. }) => {
				burned += amount
			},
			RuntimeEvent::Balances(
				B::Burned { amount, .. }
				| B::DustLost { amount, .. }
				| B::Rescinded { amount }
				| B::BurnedHeld { amount, .. }
				| B::Slashed { amount, .. },
			) => hetu_destroyed += amount,
			_ => {},
		}
	}
	let d_minted = after.flux_minted.checked_sub(before.flux_minted);
	if d_minted != Some(minted) {
		return Err(format!(
			"Flux minted moved by {d_minted:?} (from {} to {}), events say {minted}",
			before.flux_minted, after.flux_minted
		));
	}
	let d_burned = after.flux_burned.checked_sub(before.flux_burned);
	if d_burned != Some(burned) {
		return Err(format!(
			"Flux burned moved by {d_burned:?} (from {} to {}), events say {burned}",
			before.flux_burned, after.flux_burned
		));
	}
	if after.flux_minted.checked_sub(after.flux_burned) != Some(after.flux_issuance) {
		return Err(format!("Flux issuance {after:?} is not minted − burned"));
	}
	if after.reserve_hetu < before.reserve_hetu {
		return Err(format!(
			"the reserve lost HETU: {} -> {}",
			before.reserve_hetu, after.reserve_hetu
		));
	}
	if after.hetu_issuance > before.hetu_issuance {
		return Err(format!(
			"HETU was created: issuance {} -> {}",
			before.hetu_issuance, after.hetu_issuance
		));
	}
	let destroyed = before.hetu_issuance - after.hetu_issuance;
	if destroyed > hetu_destroyed {
		return Err(format!(
			"{destroyed} HETU left the issuance, events report {hetu_destroyed} burned, dust or slashed"
		));
	}
	let mut sum: Balance = 0;
	for (_, info) in frame_system::Account::<Runtime>::iter() {
		sum += info.data.free + info.data.reserved;
	}
	if sum != after.hetu_issuance {
		return Err(format!(
			"HETU issuance {} is not the sum of accounts {sum}",
			after.hetu_issuance
		));
	}
	Ok(())
}

/// The charge of an included signed extrinsic is its quote, taken just before:
///
/// - charged (one `PowerCharged` of its signer) exactly when it pays a fee;
/// - cost + refunded = the quoted cost, of each kind; the HETU converted is the quoted HETU;
/// - Power and Flux paid at most what was quoted, and exactly that when nothing came back;
/// - the quoted Flux went to the sink (`PaidToSink`), the quoted HETU was converted, and Flux
///   given back came from the sink.
pub fn charge(
	who: &AccountId,
	info: &DispatchInfo,
	quote: &PowerQuote,
	events: &[RuntimeEvent],
) -> Check {
	use pallet_flux::Event as F;
	use pallet_power_metering::Event as M;
	let charges: Vec<_> = events
		.iter()
		.filter_map(|e| match e {
			RuntimeEvent::PowerMetering(M::PowerCharged {
				who,
				cost,
				from_power,
				flux,
				hetu,
				refunded,
			}) => Some((who, *cost, *from_power, *flux, *hetu, *refunded)),
			_ => None,
		})
		.collect();
	if info.pays_fee == Pays::No {
		return if charges.is_empty() {
			Ok(())
		} else {
			Err(format!("a Pays::No extrinsic was charged: {charges:?}"))
		};
	}
	let [(payer, cost, from_power, flux, hetu, refunded)] = charges[..] else {
		return Err(format!("a paying extrinsic has {} PowerCharged events", charges.len()));
	};
	let mismatch = |what: &str| Err(format!("{what}: quote {quote:?}, charged {charges:?}"));
	if payer != who {
		return mismatch("charged another account");
	}
	if hetu != quote.hetu {
		return mismatch("HETU converted differs from the quote");
	}
	if cost.msg.checked_add(refunded.msg) != Some(quote.cost.msg)
		|| cost.exec.checked_add(refunded.exec) != Some(quote.cost.exec)
	{
		return mismatch("cost + refunded differs from the quoted cost");
	}
	if from_power.msg > quote.from_power.msg
		|| from_power.exec > quote.from_power.exec
		|| flux > quote.flux
	{
		return mismatch("paid more than quoted");
	}
	if refunded.is_zero() && (from_power != quote.from_power || flux != quote.flux) {
		return mismatch("nothing came back, yet the payment differs from the quote");
	}
	let paid_to_sink = events.iter().any(|e| {
		matches!(e, RuntimeEvent::Flux(F::PaidToSink { who: w, amount }) if w == who && *amount == quote.flux)
	});
	if quote.flux > 0 && !paid_to_sink {
		return mismatch("the quoted Flux was not paid to the sink");
	}
	let converted = events.iter().any(|e| {
		matches!(e, RuntimeEvent::Flux(F::Converted { who: w, hetu, .. }) if w == who && *hetu == quote.hetu)
	});
	if quote.hetu > 0 && !converted {
		return mismatch("the quoted HETU was not converted");
	}
	let flux_back = quote.flux - flux;
	let refunded_from_sink = events.iter().any(|e| {
		matches!(e, RuntimeEvent::Flux(F::Moved { from, to, amount })
			if *from == sink() && to == who && *amount == flux_back)
	});
	if flux_back > 0 && !refunded_from_sink {
		return mismatch("the event reports Flux given back that the sink did not give back");
	}
	Ok(())
}

/// The weight an extrinsic reports after dispatch is within what it declared, and the block's
/// accounting moved by what it reports (plus its length, as proof size: the block carries it).
pub fn extrinsic_weight(
	info: &DispatchInfo,
	len: usize,
	dry_run_actual: Option<Weight>,
	reported: Option<Weight>,
	block_before: Weight,
	block_after: Weight,
) -> Check {
	if let Some(actual) = dry_run_actual {
		if !actual.all_lte(info.call_weight) {
			return Err(format!(
				"the call reports {actual:?} after dispatch, above the {:?} it declared",
				info.call_weight
			));
		}
	}
	let base = RuntimeBlockWeights::get().get(info.class).base_extrinsic;
	let declared = info.total_weight().saturating_add(base);
	let Some(reported) = reported else {
		return Err("no ExtrinsicSuccess or ExtrinsicFailed event".into());
	};
	if !reported.all_lte(declared) {
		return Err(format!("reported weight {reported:?} above the declared {declared:?}"));
	}
	let accounted = block_after.saturating_sub(block_before);
	let expected = reported.saturating_add(Weight::from_parts(0, len as u64));
	if accounted != expected || !block_before.saturating_add(expected).all_lte(block_after) {
		return Err(format!(
			"the block accounted {accounted:?} for an extrinsic that reported {reported:?} and is {len} bytes long"
		));
	}
	Ok(())
}

/// The block's length within its limits (read before `finalize`, which clears it).
pub fn block_length(total: u32, normal: u32) -> Check {
	let limits = RuntimeBlockLength::get();
	let max_normal = *limits.max.get(DispatchClass::Normal);
	let max_all = *limits.max.get(DispatchClass::Mandatory);
	if normal > max_normal || total > max_all {
		return Err(format!(
			"block length {total} (normal {normal}) above its limits {max_all} ({max_normal})"
		));
	}
	Ok(())
}

/// The block's weight, hooks included, within its limits.
pub fn block_weight() -> Check {
	let consumed = frame_system::BlockWeight::<Runtime>::get();
	let limits = RuntimeBlockWeights::get();
	let total = consumed.total();
	if !total.all_lte(limits.max_block) {
		return Err(format!(
			"block weight {total:?} above the block's {:?} (normal {:?}, operational {:?}, mandatory {:?})",
			limits.max_block,
			consumed.get(DispatchClass::Normal),
			consumed.get(DispatchClass::Operational),
			consumed.get(DispatchClass::Mandatory)
		));
	}
	for class in [DispatchClass::Normal, DispatchClass::Operational] {
		if let Some(max) = limits.get(class).max_total {
			if !consumed.get(class).all_lte(max) {
				return Err(format!(
					"{class:?} weight {:?} above its {max:?}",
					consumed.get(class)
				));
			}
		}
	}
	Ok(())
}
