//! # Fluxomics test support
//!
//! What every pallet's tests share, written once:
//!
//! - [`test_base!`]: the configuration of `System`, `Balances`, `Timestamp`, `Flux` and (with
//!   `power`) `Power` for a mock runtime, an `ExtBuilder` for its genesis, and before/after
//!   snapshots of accounts ([`test_base!`] documents what it defines). A pallet's `mock.rs` then
//!   lists only its own pallet's configuration and genesis.
//! - [`run_checked`]: runs a test in an externality, then every invariant check the mock names
//!   (each pallet's `do_try_state`), so no test can leave a broken state behind unnoticed.
//! - [`rng::SplitMix64`]: the seeded generator of random graphs and sequences.
//!
//! The base is a macro, not generic code, because `pallet-flux` and `pallet-power` use it in their
//! own unit tests: inside those, `pallet_flux` is the crate under test (`crate as pallet_flux`), and
//! only names resolved where the mock is written refer to it.
//!
//! This crate is a dev-dependency only; nothing in the runtime depends on it.
pub mod rng;

#[cfg(feature = "frame")]
mod base;

#[cfg(feature = "frame")]
pub use base::*;

#[doc(hidden)]
#[cfg(feature = "frame")]
pub mod reexport {
	pub use sp_io;
	pub use sp_runtime;
}
