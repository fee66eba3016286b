//! Unit tests, split by behaviour. Every test on the chain runs through `mock::run_test`, which
//! checks the pallet's invariants when it ends; `rounding` and `weights` test pure functions.

pub(crate) mod mock;

mod convert;
mod params;
mod protocol_flows;
mod rounding;
mod staking;
mod weights;
