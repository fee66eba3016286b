//! The referendum tracks: root, and the parameter track whose referenda change economic
//! parameters. Their periods come from [`super::origins::Periods`] (set per chain at genesis);
//! their deposits and curves are the same on every chain.

use super::origins::{Origin, Periods};
use crate::{constants::HETU, Balance, BlockNumber, OriginCaller, Runtime};
use alloc::borrow::Cow;
use pallet_referenda::{Curve, Track, TrackInfo};
use sp_runtime::Perbill;

/// Track of referenda dispatched as root (runtime upgrades, anything).
pub const ROOT_TRACK: u16 = 0;
/// Track of referenda that change economic parameters.
pub const PARAMETER_TRACK: u16 = 1;

/// A track name as referenda stores it: the bytes of `name`, zero-padded.
const fn name(name: &str) -> [u8; 25] {
	let mut out = [0u8; 25];
	let bytes = name.as_bytes();
	let mut i = 0;
	while i < bytes.len() && i < out.len() {
		out[i] = bytes[i];
		i += 1;
	}
	out
}

/// Approval falls linearly from 100 % to 50 % over the decision period.
const APPROVAL: Curve = Curve::LinearDecreasing {
	length: Perbill::from_percent(100),
	floor: Perbill::from_percent(50),
	ceil: Perbill::from_percent(100),
};

/// The tracks, with the chain's periods.
pub struct Tracks;
impl pallet_referenda::TracksInfo<Balance, BlockNumber> for Tracks {
	type Id = u16;
	type RuntimeOrigin = OriginCaller;

	fn tracks() -> impl Iterator<Item = Cow<'static, Track<Self::Id, Balance, BlockNumber>>> {
		let p = Periods::<Runtime>::get();
		let info = |label: &str, max_deciding, deposit, floor, ceil| TrackInfo {
			name: name(label),
			max_deciding,
			decision_deposit: deposit,
			prepare_period: p.prepare,
			decision_period: p.decision,
			confirm_period: p.confirm,
			min_enactment_period: p.min_enactment,
			min_approval: APPROVAL,
			min_support: Curve::LinearDecreasing {
				length: Perbill::from_percent(100),
				floor: Perbill::from_percent(floor),
				ceil: Perbill::from_percent(ceil),
			},
		};
		[
			Track { id: ROOT_TRACK, info: info("root", 1, 1_000 * HETU, 1, 50) },
			Track { id: PARAMETER_TRACK, info: info("parameter_change", 10, 100 * HETU, 1, 10) },
		]
		.into_iter()
		.map(Cow::Owned)
	}

	fn track_for(origin: &Self::RuntimeOrigin) -> Result<Self::Id, ()> {
		match origin {
			OriginCaller::system(frame_system::RawOrigin::Root) => Ok(ROOT_TRACK),
			OriginCaller::Origins(Origin::ParameterChange) => Ok(PARAMETER_TRACK),
			_ => Err(()),
		}
	}
}
