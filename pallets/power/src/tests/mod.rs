//! Unit tests, split by behaviour. Every test runs both pallets' invariants when it ends.

pub(crate) mod mock;

mod accrual;
mod delegation;
mod leases;
mod ledger;
mod params;
mod sponsorship;
