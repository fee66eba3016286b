mod admission;
mod epochs;
pub(crate) mod mock;
mod params;
mod points;
mod ranking;
mod recording;
