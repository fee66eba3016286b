mod attacks;
mod expiry;
mod math;
pub(crate) mod mock;
mod offers;
mod renting;
