//! The metering pallet's invariants, checked after every test and by try-runtime.

use crate::pallet::*;

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the pallet (numbered in each `check_*`).
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		Self::check_rate()?;
		Self::check_params()?;
		Ok(())
	}

	/// 1. R lies within the governed bounds `[min_rate, max_rate]`.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	fn check_rate() -> Result<(), sp_runtime::TryRuntimeError> {
		let params = RateControl::<T>::get();
		let rate = ExchangeRate::<T>::get();
		frame_support::ensure!(
			rate >= params.min_rate && rate <= params.max_rate,
			"1: R lies outside its bounds"
		);
		Ok(())
	}

	/// 2. The rate parameters pass the checks of `set_params`.
	/// 3. The cost schedule passes the checks of `set_params`.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	fn check_params() -> Result<(), sp_runtime::TryRuntimeError> {
		Self::validate_rate_params(&RateControl::<T>::get())
			.map_err(|_| "2: invalid rate parameters")?;
		Self::validate_schedule(&Schedule::<T>::get()).map_err(|_| "3: invalid cost schedule")?;
		Ok(())
	}
}
