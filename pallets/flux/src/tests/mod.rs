//! Unit tests, split by behaviour. Every test runs the pallet's invariants when it ends.

pub(crate) mod mock;

mod conversion;
mod convert;
mod params;
mod protocol_flows;
mod staking;
mod weights;
