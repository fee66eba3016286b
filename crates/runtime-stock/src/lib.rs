//! The Fluxomics runtime built with `stock-fees`: the stock `ChargeTransactionPayment` (fees in
//! HETU) in place of `ChargePower`, and nothing else changed. It exists only for the side-by-side
//! figures of `make bench` (`docs/performance.md`): `scripts/bench.sh` times its wasm blob,
//! `WASM_BINARY`, against the real runtime's. Never a chain's runtime.
#![cfg_attr(not(feature = "std"), no_std)]

pub use fluxomics_runtime::*;

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));
