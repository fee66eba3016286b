mod closed_loop;
mod expiry;
mod lifecycle;
mod math;
pub(crate) mod mock;
mod params;
mod settlement;
mod verifiers;
