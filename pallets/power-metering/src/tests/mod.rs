mod charge;
mod comparison;
mod math;
mod messages;
pub(crate) mod mock;
mod params;
mod rate;
mod refund;
mod weight;
