//! Block capacity (issue 18, `make bench`): how many transfers (`transferKeepAlive`, each to a new
//! account) or messages (`sendMessage`, 32 bytes) one block holds by weight and length, on the
//! Power path (every signer staked, with a full cap), on the Flux path (signers with HETU only,
//! which the charge converts), and, when the runtime is built with `--features stock-fees`, with
//! the stock `ChargeTransactionPayment` in its place (same signers, fees in HETU).
//!
//! `scripts/bench.sh` runs it once per build and prints the ratios; by hand:
//!
//! ```sh
//! SKIP_WASM_BUILD=1 cargo test --release -p fluxomics-runtime --test block_capacity -- --ignored --nocapture
//! SKIP_WASM_BUILD=1 cargo test --release -p fluxomics-runtime --features stock-fees --test block_capacity -- --ignored --nocapture
//! ```
//!
//! Each line printed starts with `CAPACITY` and is also appended to the file `$BENCH_OUT` if set.

// Test code: a failed step stops the test with its reason.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects)]

#[path = "fuzz/chain.rs"]
#[allow(dead_code, unused_imports)]
mod chain;
mod common;

use chain::{Head, Keys, Signing};
use codec::Encode;
use fluxomics_runtime::{
	constants::{RuntimeBlockLength, RuntimeBlockWeights, HETU, MILLI_HETU, SLOT_DURATION},
	AccountId, Block, Executive, RuntimeCall, RuntimeEvent, System, UncheckedExtrinsic,
};
use frame_support::dispatch::DispatchClass;
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_runtime::{
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	MultiAddress,
};
use std::io::Write;

/// Which fee path the build has.
const VARIANT: &str = if cfg!(feature = "stock-fees") { "stock" } else { "fluxomics" };

/// The dev keyring accounts that sign (all funded with HETU; the first three staked at genesis).
const SIGNERS: usize = 14;

/// Applies `call` signed by `signer`; if it is included, it joins `body` and the signer's nonce
/// moves on.
fn apply(
	keys: &Keys,
	head: &Head,
	nonces: &mut [u32],
	body: &mut Vec<UncheckedExtrinsic>,
	signer: usize,
	call: RuntimeCall,
) -> Result<(), TransactionValidityError> {
	let uxt = chain::sign(keys, signer, call, nonces[signer], Signing::Honest, head.number + 1);
	match Executive::apply_extrinsic(uxt.clone()) {
		Ok(Ok(())) => {
			nonces[signer] += 1;
			body.push(uxt);
			Ok(())
		},
		Ok(Err(e)) => panic!("signer {signer}: dispatch failed: {e:?}"),
		Err(e) => Err(e),
	}
}

#[derive(Clone, Copy, Debug)]
enum Kind {
	Transfer,
	Message,
}

/// Fills one block with `kind` from the signers (`staked`: each first stakes 399 000 Flux and
/// waits a day, so Power pays; otherwise the keyring accounts without stake, whose HETU pays);
/// returns what it held. With `$BENCH_BLOCKS` naming a directory, it also writes the blocks there
/// (the setup, then the full one) for `fluxomics-node bench-blocks` to time in wasm.
fn fill(kind: Kind, staked: bool) -> String {
	let keys = Keys::new();
	let mut ext = common::genesis(DEV_RUNTIME_PRESET);
	let mut head = Head::genesis(ext.execute_with(|| System::block_hash(0)));
	ext.execute_with(|| {
		let mut nonces: Vec<u32> =
			(0..keys.len()).map(|i| System::account_nonce(keys.id(i))).collect();
		let signers: Vec<usize> =
			if staked { (0..SIGNERS).collect() } else { (3..SIGNERS).collect() };
		let mut body = vec![head.open_block(1, 0).unwrap()];
		if staked {
			// The stake call's own fee may come out of the Flux just converted: stake a little
			// less than that.
			let (amount, staked) = (400_000 * HETU, 399_000 * HETU);
			for &s in &signers {
				let convert = RuntimeCall::Flux(pallet_flux::Call::convert { hetu: amount });
				let stake = RuntimeCall::Flux(pallet_flux::Call::stake { amount: staked });
				apply(&keys, &head, &mut nonces, &mut body, s, convert).expect("convert");
				apply(&keys, &head, &mut nonces, &mut body, s, stake).expect("stake");
			}
		}
		let setup = Block { header: head.close_block(), extrinsics: body };
		let day = fluxomics_primitives::MILLIS_PER_DAY / SLOT_DURATION;
		let mut body = vec![head.open_block(day, 0).unwrap()];
		let mut sent = 0u32;
		loop {
			let signer = signers[sent as usize % signers.len()];
			let call = match kind {
				Kind::Transfer => {
					let mut dest = [0u8; 32];
					dest[..4].copy_from_slice(&sent.to_le_bytes());
					dest[31] = 0xb7;
					RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
						dest: MultiAddress::Id(AccountId::from(dest)),
						value: 10 * MILLI_HETU,
					})
				},
				Kind::Message => {
					let to = keys.id(signers[(sent as usize + 1) % signers.len()]);
					RuntimeCall::PowerMetering(pallet_power_metering::Call::send_message {
						to,
						payload: vec![0x42; 32],
						is_intent: false,
					})
				},
			};
			match apply(&keys, &head, &mut nonces, &mut body, signer, call) {
				Ok(()) => sent += 1,
				Err(TransactionValidityError::Invalid(InvalidTransaction::ExhaustsResources)) => {
					break
				},
				Err(e) => panic!("{kind:?} {sent} from signer {signer}: {e:?}"),
			}
		}
		let by_power = System::events()
			.iter()
			.filter(|r| {
				matches!(
					r.event,
					RuntimeEvent::PowerMetering(pallet_power_metering::Event::PowerCharged {
						flux: 0,
						..
					})
				)
			})
			.count();
		let w = RuntimeBlockWeights::get();
		let weight = System::block_weight().get(DispatchClass::Normal).ref_time() as f64
			/ w.max_block.ref_time() as f64;
		let length = f64::from(System::block_size())
			/ f64::from(*RuntimeBlockLength::get().max.get(DispatchClass::Normal));
		let full = Block { header: head.close_block(), extrinsics: body };
		let path = if staked { "power" } else { "flux" };
		let kind = match kind {
			Kind::Transfer => "transfer",
			Kind::Message => "message",
		};
		if let Some(dir) = std::env::var_os("BENCH_BLOCKS") {
			let file = std::path::Path::new(&dir).join(format!("{VARIANT}-{kind}-{path}.blocks"));
			std::fs::write(file, vec![setup, full].encode()).unwrap();
		}
		format!(
			"CAPACITY {VARIANT} {kind} {path} {sent} by_power={by_power} weight={:.1}% length={:.1}%",
			100.0 * weight,
			100.0 * length
		)
	})
}

#[test]
#[ignore = "a measurement: make bench runs it"]
fn transactions_a_block_holds() {
	let mut lines = Vec::new();
	for kind in [Kind::Transfer, Kind::Message] {
		for staked in [true, false] {
			let line = fill(kind, staked);
			println!("{line}");
			lines.push(line);
		}
	}
	if let Some(path) = std::env::var_os("BENCH_OUT") {
		let mut f = std::fs::OpenOptions::new().create(true).append(true).open(path).unwrap();
		for l in &lines {
			writeln!(f, "{l}").unwrap();
		}
	}
}
