//! Flox keeps up with full blocks (issue 18): every charge of a block that holds as many
//! transfers as its weight allows reaches the epoch's edges, and the fold that puts them there
//! leaves the next block its normal share.
//!
//! `cargo test --release -p fluxomics-runtime --test flox_full_block -- --nocapture` prints the
//! figures `docs/performance.md` quotes.

// Test code: a failed step stops the test with its reason.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects)]

#[path = "fuzz/chain.rs"]
#[allow(dead_code, unused_imports)]
mod chain;
mod common;

use chain::{Head, Keys, Signing};
use fluxomics_primitives::{OnPowerCharged, MILLIS_PER_DAY};
use fluxomics_runtime::{
	constants::{RuntimeBlockWeights, MILLI_HETU, SLOT_DURATION},
	AccountId, Executive, Flox, Runtime, RuntimeCall, RuntimeEvent, System,
};
use frame_support::{dispatch::DispatchClass, traits::Get};
use pallet_power_metering::WeightInfo as _;
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_runtime::{
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	MultiAddress,
};

/// The buffer holds every charge a block can make: a charged extrinsic weighs at least the base
/// of an extrinsic plus the charge on its cheapest path (Power, no leases) and the note for
/// Flox, so a block of the largest weight holds at most this many.
#[test]
fn the_charge_buffer_holds_every_charge_a_block_can_make() {
	let w = RuntimeBlockWeights::get();
	let note = <Flox as OnPowerCharged<AccountId>>::weight();
	let least = w
		.get(DispatchClass::Normal)
		.base_extrinsic
		.saturating_add(<Runtime as pallet_power_metering::Config>::WeightInfo::charge_power())
		.saturating_add(note);
	let most = w.max_block.ref_time() / least.ref_time();
	let room: u32 = <Runtime as pallet_flox::Config>::MaxPendingCharges::get();
	println!(
		"least charged extrinsic {:.1} µs: at most {most} charges a block; the buffer holds {room}",
		least.ref_time() as f64 / 1e6
	);
	assert!(most <= u64::from(room), "a block can make {most} charges, the buffer holds {room}");
}

/// A block is filled with transfers from the 14 funded dev accounts (three of them staked, so
/// both the Power and the Flux path are taken), each to a new account, until one no longer
/// fits. The next block folds every charge: each transfer is an edge with the Power it cost, no
/// charge is dropped or refused, and the block's mandatory weight (its hooks, the fold
/// included) still leaves normal transactions their whole share.
#[test]
fn every_charge_of_a_full_block_of_transfers_reaches_flox() {
	let keys = Keys::new();
	let mut ext = common::genesis(DEV_RUNTIME_PRESET);
	let mut head = Head::genesis(ext.execute_with(|| System::block_hash(0)));
	ext.execute_with(|| {
		// Power starts generating at the first timestamp; a day later the stakers have Power.
		head.open_block(1, 0).unwrap();
		head.close_block();
		head.open_block(MILLIS_PER_DAY / SLOT_DURATION, 0).unwrap();
		let epoch = pallet_flox::Current::<Runtime>::get().id;
		let signers = 14;
		let mut nonces: Vec<u32> =
			(0..signers).map(|i| System::account_nonce(keys.id(i))).collect();
		let mut sent = 0u32;
		loop {
			let signer = sent as usize % signers;
			let mut dest = [0u8; 32];
			dest[..4].copy_from_slice(&sent.to_le_bytes());
			dest[31] = 0xf1;
			let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: MultiAddress::Id(AccountId::from(dest)),
				value: 10 * MILLI_HETU,
			});
			let uxt =
				chain::sign(&keys, signer, call, nonces[signer], Signing::Honest, head.number + 1);
			match Executive::apply_extrinsic(uxt) {
				Ok(Ok(())) => {},
				Err(TransactionValidityError::Invalid(InvalidTransaction::ExhaustsResources)) => {
					break
				},
				other => panic!("transfer {sent} from signer {signer}: {other:?}"),
			}
			nonces[signer] += 1;
			sent += 1;
		}
		let mut paid: u128 = 0;
		let mut by_power = 0u32;
		for r in System::events() {
			if let RuntimeEvent::PowerMetering(pallet_power_metering::Event::PowerCharged {
				cost,
				flux,
				..
			}) = r.event
			{
				paid += cost.msg + cost.exec;
				by_power += u32::from(flux == 0);
			}
		}
		let normal = System::block_weight().get(DispatchClass::Normal).ref_time();
		head.close_block();

		head.open_block(1, 0).unwrap();
		let w = RuntimeBlockWeights::get();
		let counts = pallet_flox::Counts::<Runtime>::get(epoch);
		let gas: u128 = Flox::edges(epoch).iter().map(|e| e.2).sum();
		let mandatory = System::block_weight().get(DispatchClass::Mandatory).ref_time();
		let fold = Flox::fold_weight(sent, 0).ref_time();
		let max = w.max_block.ref_time() as f64;
		println!(
			"FOLD a full block of {sent} transfers ({by_power} paid in Power, {:.1} % of the \
			 block): {} of {sent} charges folded into Flox; the fold took {:.1} % of the next \
			 block, all its hooks {:.1} %",
			100.0 * normal as f64 / max,
			counts.edges,
			100.0 * fold as f64 / max,
			100.0 * mandatory as f64 / max,
		);
		assert!(sent > 1_000, "a full block holds thousands of transfers, not {sent}");
		assert!(by_power > 0 && by_power < sent, "both paths taken");
		assert_eq!((counts.edges, counts.callers), (sent, signers as u32));
		// No refusal: every target exists once paid, and no signer reaches the 256 edges a
		// caller may make in an epoch (a full block gives each about a hundred).
		assert_eq!((counts.dropped, counts.refused), (0, 0));
		assert_eq!(gas, paid, "every PU charged is on an edge");
		assert!(!System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Flox(pallet_flox::Event::ChargesDropped { .. })
		)));
		let normal_share = w.get(DispatchClass::Normal).max_total.unwrap_or(w.max_block);
		assert!(
			mandatory <= w.max_block.ref_time() - normal_share.ref_time(),
			"the hooks leave normal transactions their share"
		);
		head.close_block();
	});
}
