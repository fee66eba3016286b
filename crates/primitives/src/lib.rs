//! # Fluxomics primitives
//!
//! The vocabulary the Fluxomics pallets share, and the traits through which they reach each other.
//! No pallet depends on another pallet's crate: each names what it needs as a trait in its
//! `Config`, the runtime plugs the implementing pallet in, and tests plug in `()` (an empty
//! ledger) or a mock.
//!
//! | module | what |
//! |---|---|
//! | [`types`] | units (`Balance`, `PowerUnits`, `Moment`), [`PerKind`], PoCW task classes |
//! | [`traits`] | the glue traits below, each with a `()` implementation |
//! | [`api`] | the runtime APIs clients call, and their types |
//! | [`expiry`] | the bucketed expiry queue of leases and task deadlines |
//!
//! | trait | implemented by | used by |
//! |---|---|---|
//! | [`StakeInfo`] | `pallet-flux` | `pallet-power` (effective stake) |
//! | [`StakeObserver`] | `pallet-power` | `pallet-flux` (accrue before a stake changes; stake that may not leave) |
//! | [`FluxLedger`] | `pallet-flux` | metering, market, PoCW (protocol flows of Flux) |
//! | [`PowerLedger`] | `pallet-power` | metering, market, PoCW (spend, refund and lease Power) |
//! | [`ListedStake`] | `pallet-power-market` | `pallet-power` (listed stake is committed) |
//! | [`OnPowerCharged`] | `pallet-flox` | metering (who paid how much Power to reach whom) |
//! | `Get<`[`ExecSchedule`]`>` | the runtime (from metering's cost schedule) | PoCW (metering reported agent work) |
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod api;
pub mod expiry;
pub mod traits;
pub mod types;

pub use api::*;
pub use traits::*;
pub use types::*;

#[doc(hidden)]
pub use sp_api;
