//! Benchmarks (frame-benchmarking v2) of the metering calls, the rate controller's block step,
//! and the `ChargePower` extension on its two paths: Power covers the cost (the common path), and
//! Power falls short so Flux pays, minted from HETU first (the worst path).

use super::*;
use crate::pallet::{ConsumedThisBlock, ExchangeRate, RateControl};
use alloc::vec;
use fluxomics_primitives::{PowerLedger, UNIT};
use frame_benchmarking::v2::*;
use frame_support::{
	dispatch::{DispatchInfo, GetDispatchInfo, PostDispatchInfo},
	traits::{EnsureOrigin, Get, IsSubType},
	weights::Weight,
};
use frame_system::RawOrigin;
use sp_runtime::traits::{
	AsTransactionAuthorizedOrigin, DispatchTransaction, Dispatchable, Saturating,
};

const SEED: u32 = 0;

/// A message call of the longest payload, its dispatch info, and the bytes it takes.
fn message_call<T: Config>(
	to: &T::AccountId,
) -> (<T as frame_system::Config>::RuntimeCall, DispatchInfo, usize)
where
	<T as frame_system::Config>::RuntimeCall: From<Call<T>>,
{
	let payload = vec![7u8; T::MaxPayloadLen::get() as usize];
	let len = payload.len() + 100;
	let call: <T as frame_system::Config>::RuntimeCall =
		Call::<T>::send_message { to: to.clone(), payload, is_intent: true }.into();
	let mut info = call.get_dispatch_info();
	info.extension_weight = Pallet::<T>::charge_weight();
	(call, info, len)
}

/// Runs the extension around a call that used half its weight, so the refund path runs too.
fn charge<T: Config + Send + Sync>(
	who: &T::AccountId,
	call: &<T as frame_system::Config>::RuntimeCall,
	info: &DispatchInfo,
	len: usize,
) where
	<T as frame_system::Config>::RuntimeCall:
		Dispatchable<Info = DispatchInfo, PostInfo = PostDispatchInfo> + IsSubType<Call<T>>,
	<T as frame_system::Config>::RuntimeOrigin: AsTransactionAuthorizedOrigin,
{
	let post = PostDispatchInfo {
		actual_weight: Some(Weight::from_parts(info.call_weight.ref_time() / 2, 0)),
		pays_fee: frame_support::dispatch::Pays::Yes,
	};
	let result = ChargePower::<T>::new().test_run(
		RawOrigin::Signed(who.clone()).into(),
		call,
		info,
		len,
		0,
		|_| Ok(post),
	);
	assert!(matches!(result, Ok(Ok(_))), "the charge failed: {result:?}");
}

#[benchmarks(where
	T: Send + Sync,
	<T as frame_system::Config>::RuntimeCall: Dispatchable<Info = DispatchInfo, PostInfo = PostDispatchInfo>
		+ IsSubType<Call<T>> + From<Call<T>>,
	<T as frame_system::Config>::RuntimeOrigin: AsTransactionAuthorizedOrigin,
)]
mod benchmarks {
	use super::*;

	/// Power covers the whole cost.
	#[benchmark]
	fn charge_power() {
		let payer: T::AccountId = account("payer", 0, SEED);
		// A message to oneself: no counterparty, so the `OnCharge` hook (declared on its own by
		// `OnPowerCharged::weight`) is not measured twice.
		let (call, info, len) = message_call::<T>(&payer);
		let cost = Pallet::<T>::cost(len, true, info.total_weight());
		T::BenchmarkHelper::give_power(&payer, cost);
		assert_eq!(
			Pallet::<T>::plan_extrinsic(&payer, len, true, info.total_weight()).quote.flux,
			0
		);
		#[block]
		{
			charge::<T>(&payer, &call, &info, len);
		}
		assert!(ConsumedThisBlock::<T>::get() > 0);
	}

	/// Power covers a part, free Flux is short, HETU is converted, and part of the Flux comes
	/// back as a refund.
	#[benchmark]
	fn charge_power_with_flux() {
		let payer: T::AccountId = account("payer", 0, SEED);
		// To oneself, as in `charge_power`.
		let (call, info, len) = message_call::<T>(&payer);
		let cost = Pallet::<T>::cost(len, true, info.total_weight());
		T::BenchmarkHelper::give_power(&payer, cost.map(|_, c| c / 2));
		T::BenchmarkHelper::fund_hetu(&payer, 1_000_000 * UNIT);
		let plan = Pallet::<T>::plan_extrinsic(&payer, len, true, info.total_weight());
		assert!(plan.quote.payable && plan.quote.hetu > 0);
		#[block]
		{
			charge::<T>(&payer, &call, &info, len);
		}
		assert_eq!(T::Power::available(&payer).exec, 0);
	}

	#[benchmark]
	fn send_message(l: Linear<0, { T::MaxPayloadLen::get() }>) {
		let from: T::AccountId = whitelisted_caller();
		let to: T::AccountId = account("to", 0, SEED);
		let payload = vec![7u8; l as usize];
		#[extrinsic_call]
		_(RawOrigin::Signed(from), to, payload, true);
	}

	/// Both parts change, and the new bounds move R: the most work the call does.
	#[benchmark]
	fn set_params() -> Result<(), BenchmarkError> {
		let origin =
			T::UpdateOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let mut params = Pallet::<T>::params();
		params.schedule.p0 = params.schedule.p0.saturating_add(1);
		params.rate.min_rate = ExchangeRate::<T>::get().saturating_add(1.into());
		params.rate.max_rate = params.rate.min_rate.saturating_mul(2.into());
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, params);
		assert_eq!(Pallet::<T>::params(), params);
		assert_eq!(ExchangeRate::<T>::get(), params.rate.min_rate);
		Ok(())
	}

	/// The controller's step at the end of every block.
	#[benchmark]
	fn update_rate() {
		ConsumedThisBlock::<T>::put(RateControl::<T>::get().target.saturating_mul(2));
		let before = ExchangeRate::<T>::get();
		#[block]
		{
			Pallet::<T>::update_rate();
		}
		assert!(ExchangeRate::<T>::get() <= before);
		assert_eq!(ConsumedThisBlock::<T>::get(), 0);
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::tests::mock::new_bench_ext(),
		crate::tests::mock::Test
	);
}
