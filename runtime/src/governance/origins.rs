//! The origins referenda can dispatch with, besides root, and the lengths of the tracks' periods.
//!
//! A referendum on the parameter track enacts its call with [`Origin::ParameterChange`]: every
//! pallet's parameter setter accepts it (and root), nothing else does. The tracks' periods live
//! in storage, set by each chain's genesis preset, so that the development chain votes in
//! seconds and a real network in days, with one runtime.

pub use pallet::*;

// The pallet macros expand to `expect`s on values they guarantee.
#[frame_support::pallet]
#[allow(clippy::expect_used)]
pub mod pallet {
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::BlockNumberFor;

	#[pallet::config]
	pub trait Config: frame_system::Config {}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// What a referendum's call may be dispatched as, besides root.
	#[derive(
		PartialEq, Eq, Clone, MaxEncodedLen, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug,
	)]
	#[pallet::origin]
	pub enum Origin {
		/// A referendum on the parameter track passed: change economic parameters.
		ParameterChange,
	}

	/// How long each stage of a referendum lasts, in blocks.
	#[derive(
		Clone,
		Copy,
		PartialEq,
		Eq,
		Encode,
		Decode,
		DecodeWithMemTracking,
		MaxEncodedLen,
		TypeInfo,
		Debug,
		serde::Serialize,
		serde::Deserialize,
	)]
	#[serde(rename_all = "camelCase")]
	pub struct TrackPeriods<BlockNumber> {
		/// From submission until a decision can start.
		pub prepare: BlockNumber,
		/// The longest a decision may take.
		pub decision: BlockNumber,
		/// How long approval must hold before the referendum passes.
		pub confirm: BlockNumber,
		/// The least time between passing and enactment.
		pub min_enactment: BlockNumber,
	}

	/// The tracks' periods; [`DefaultPeriods`] until genesis sets others.
	#[pallet::storage]
	pub type Periods<T: Config> =
		StorageValue<_, TrackPeriods<BlockNumberFor<T>>, ValueQuery, DefaultPeriods<T>>;

	/// A realistic default: with 6-second blocks, two hours to prepare, three days to decide, three
	/// hours to confirm, ten minutes before enactment.
	#[pallet::type_value]
	pub fn DefaultPeriods<T: Config>() -> TrackPeriods<BlockNumberFor<T>> {
		TrackPeriods {
			prepare: 1_200u32.into(),
			decision: 43_200u32.into(),
			confirm: 1_800u32.into(),
			min_enactment: 100u32.into(),
		}
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The tracks' periods; `None` keeps the default.
		pub periods: Option<TrackPeriods<BlockNumberFor<T>>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(periods) = self.periods {
				Periods::<T>::put(periods);
			}
		}
	}
}

/// Succeeds for origins that a passed parameter-track referendum dispatches with.
pub struct EnsureParameterChange;
impl<O> frame_support::traits::EnsureOrigin<O> for EnsureParameterChange
where
	O: Into<Result<Origin, O>> + From<Origin>,
{
	type Success = ();

	fn try_origin(o: O) -> Result<Self::Success, O> {
		// `Origin` has one variant: any origin of this pallet is a parameter change.
		o.into().map(|Origin::ParameterChange| ())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(Origin::ParameterChange))
	}
}
