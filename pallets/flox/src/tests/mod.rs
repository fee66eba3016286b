pub(crate) mod mock;
mod epochs;
mod params;
mod points;
mod ranking;
mod recording;
