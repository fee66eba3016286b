//! # Power metering pallet
//!
//! Every signed extrinsic on Fluxomics is paid in Power; nothing is burned for execution. This
//! pallet prices extrinsics, charges them through the [`ChargePower`] transaction extension
//! (which replaces `pallet-transaction-payment`), keeps the exchange rate R at which Flux stands
//! in for missing Power, and carries messages and intents between agents.
//!
//! ## Key terms
//!
//! - **Cost schedule** ([`CostSchedule`]): `msg = p0 + p_size · len + p_intent · [intent]` and
//!   `exec = e0 + e_step · ceil(ref_time / step_weight) + e_tx`, every term governed.
//! - **R** ([`ExchangeRate`]): Power units per Flux. A controller moves it every block from the
//!   Power consumed in that block against a governed target ([`RateParams`]): consumption above
//!   target lowers R (Power costs more Flux), below raises it, by at most `max_change` a block
//!   and within governed bounds ([`math::next_rate`]).
//! - **Counterparty**: the account a call serves or pays (a message's recipient, a transfer's
//!   destination, …), chosen by the runtime ([`CallCounterparty`]). After every charge the
//!   (payer, counterparty, Power) triple goes to [`Config::OnCharge`], which Flox records.
//!
//! ## How a signed extrinsic is paid (design §4)
//!
//! 1. Each kind is taken from the signer's available Power.
//! 2. The deficit of both kinds is paid in free Flux, `ceil(deficit / R)`, to the protocol sink;
//!    if free Flux is short and the signer holds HETU, just enough HETU is converted first
//!    (keeping the existential deposit), so a newcomer holding only HETU can act at once.
//! 3. Otherwise the extrinsic is invalid (`InvalidTransaction::Payment`): it never enters a
//!    block and nothing is charged.
//! 4. After dispatch the exec cost of unused weight is refunded in the reverse order of payment:
//!    Flux first (at the rate of the charge, rounded down), then exec Power.
//!
//! The plan is made once, at validation, by [`Pallet::plan`], and carried out as made; the
//! runtime API `PowerApi::quote` returns the very same plan. Unsigned extrinsics, inherents and
//! calls declared `Pays::No` are not charged; a call that reports `Pays::No` after dispatch is
//! refunded whole.
//!
//! ## Design
//!
//! - The extension carries no explicit or implicit data, so clients (polkadot.js) sign with it
//!   without any registration.
//! - The common path (Power covers the cost) reads the signer's Power and nothing of Flux.
//! - The extension's weight is its benchmarked worst path (HETU converted); the unspent part is
//!   returned after dispatch when a cheaper path was taken.
//! - Transaction priority is the Power the extrinsic pays.
#![cfg_attr(not(feature = "std"), no_std)]
// Tests and benchmarks compute expected values with plain arithmetic.
#![cfg_attr(any(test, feature = "runtime-benchmarks"), allow(clippy::arithmetic_side_effects))]

extern crate alloc;

pub use extension::ChargePower;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod extension;
pub mod math;
mod payment;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::power-metering";

/// The runtime's choice of counterparty for each call: the account the call serves or pays.
/// The metering pallet knows its own `send_message`; everything else is asked here.
pub trait CallCounterparty<Call, AccountId> {
	/// The counterparty of `call`, if it has one.
	fn counterparty(call: &Call) -> Option<AccountId>;
	/// What finding it costs (a storage read, say); the charging extension adds it to its weight.
	fn weight(_call: &Call) -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

impl<Call, AccountId> CallCounterparty<Call, AccountId> for () {
	fn counterparty(_: &Call) -> Option<AccountId> {
		None
	}
}

/// Sets up payers for the benchmarks (the pallet itself knows neither HETU nor stake).
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Gives `who` `amount` of HETU.
	fn fund_hetu(who: &AccountId, amount: fluxomics_primitives::Balance);
	/// Makes `who` hold at least `msg` and `exec` Power (and the stake to cap it).
	fn give_power(
		who: &AccountId,
		msg: fluxomics_primitives::PowerUnits,
		exec: fluxomics_primitives::PowerUnits,
	);
}

// The pallet macros expand to `expect`s on values they guarantee (pallet info, storage
// prefixes); the pallet's own code has none.
#[frame_support::pallet]
#[allow(clippy::expect_used)]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use fluxomics_primitives::{FluxLedger, OnPowerCharged, PowerLedger, PowerUnits, UNIT};
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_arithmetic::{traits::Zero, FixedPointNumber, FixedU128, Perbill};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Power balances, spent first.
		type Power: PowerLedger<Self::AccountId>;
		/// Free Flux (and HETU conversion), spent for what Power does not cover.
		type Flux: FluxLedger<Self::AccountId>;
		/// The counterparty of calls of other pallets.
		type Counterparty: CallCounterparty<
			<Self as frame_system::Config>::RuntimeCall,
			Self::AccountId,
		>;
		/// Told of every charge that has a counterparty (Flox).
		type OnCharge: OnPowerCharged<Self::AccountId>;
		/// Who may change the schedule and the rate parameters (governance; root in tests).
		type UpdateOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// The longest message payload, in bytes.
		#[pallet::constant]
		type MaxPayloadLen: Get<u32>;
		/// Weights of this pallet's calls, hook and extension.
		type WeightInfo: WeightInfo;
		/// Sets up payers for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The cost schedule.
	#[pallet::storage]
	pub type Schedule<T> = StorageValue<_, CostSchedule, ValueQuery, DefaultSchedule>;

	/// How R follows demand.
	#[pallet::storage]
	pub type RateControl<T> = StorageValue<_, RateParams, ValueQuery, DefaultRateParams>;

	/// R: Power units per Flux, at which Flux pays for missing Power.
	#[pallet::storage]
	pub type ExchangeRate<T> = StorageValue<_, FixedU128, ValueQuery, DefaultExchangeRate>;

	/// Power (both kinds) charged so far in this block; the controller reads it and clears it
	/// at the end of the block. Whitelisted: it is touched in every block.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type ConsumedThisBlock<T> = StorageValue<_, PowerUnits, ValueQuery>;

	/// A schedule until governance or genesis sets another: a 150-byte transfer of ~60 µs of
	/// weight costs 250 msg PU and 1 100 exec PU.
	#[pallet::type_value]
	pub fn DefaultSchedule() -> CostSchedule {
		CostSchedule {
			p0: 100,
			p_size: 1,
			p_intent: 1_000,
			e0: 1_000,
			e_step: 1,
			e_model: 100,
			e_tx: 40,
			step_weight: 1_000_000,
		}
	}

	/// 1 000 PU per Flux, between 10 and 100 000, target 1 000 000 PU a block, at most 3 % a block.
	#[pallet::type_value]
	pub fn DefaultRateParams() -> RateParams {
		RateParams {
			target: 1_000_000,
			min_rate: FixedU128::from_u32(10),
			max_rate: FixedU128::from_u32(100_000),
			max_change: Perbill::from_percent(3),
		}
	}

	/// R until genesis sets another: 1 000 PU per Flux.
	#[pallet::type_value]
	pub fn DefaultExchangeRate() -> FixedU128 {
		FixedU128::from_u32(1_000)
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The cost schedule; `None` keeps the default.
		pub schedule: Option<CostSchedule>,
		/// The rate parameters; `None` keeps the default.
		pub rate_params: Option<RateParams>,
		/// R at genesis; `None` keeps the default. Must lie within the rate bounds.
		pub exchange_rate: Option<FixedU128>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(schedule) = self.schedule {
				if let Err(e) = Pallet::<T>::validate_schedule(&schedule) {
					panic!("invalid metering genesis schedule: {e:?}");
				}
				Schedule::<T>::put(schedule);
			}
			if let Some(params) = self.rate_params {
				if let Err(e) = Pallet::<T>::validate_rate_params(&params) {
					panic!("invalid metering genesis rate parameters: {e:?}");
				}
				RateControl::<T>::put(params);
			}
			if let Some(rate) = self.exchange_rate {
				let params = RateControl::<T>::get();
				assert!(
					rate >= params.min_rate && rate <= params.max_rate,
					"the genesis exchange rate lies outside the rate bounds"
				);
				ExchangeRate::<T>::put(rate);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` paid for an extrinsic: `msg` and `exec` PU in all, of which `msg_from_power`
		/// and `exec_from_power` from its Power, the rest with `flux` Flux (paid to the sink),
		/// `hetu` HETU of which was converted first. `exec_refunded` PU of unused weight were
		/// already given back and are not counted in `exec`.
		PowerCharged {
			who: T::AccountId,
			msg: PowerUnits,
			exec: PowerUnits,
			msg_from_power: PowerUnits,
			exec_from_power: PowerUnits,
			flux: fluxomics_primitives::Balance,
			hetu: fluxomics_primitives::Balance,
			exec_refunded: PowerUnits,
		},
		/// `from` sent `to` a message (or an intent).
		MessageSent { from: T::AccountId, to: T::AccountId, is_intent: bool, payload: Vec<u8> },
		/// Governance replaced the cost schedule.
		ScheduleSet { old: CostSchedule, new: CostSchedule },
		/// Governance replaced the rate parameters; R was brought within the new bounds.
		RateParamsSet { old: RateParams, new: RateParams, rate: FixedU128 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The payload is longer than `MaxPayloadLen`.
		PayloadTooLong,
		/// A step must weigh something.
		ZeroStepWeight,
		/// The schedule would make some extrinsics free: `p0 + e0 + e_tx` must be above zero.
		FreeExtrinsics,
		/// The schedule overflows for the largest extrinsic a block can hold.
		ScheduleOverflow,
		/// The consumption target must be above zero.
		ZeroTarget,
		/// The lowest rate must be above zero, or R could stick there.
		ZeroMinRate,
		/// The lowest rate is above the highest.
		MinRateAboveMax,
		/// R must be able to move: the largest change per block must be above zero.
		ZeroMaxChange,
		/// The largest change per block may not exceed half of R.
		MaxChangeTooLarge,
		/// The rate is so high that a fee of one PU would round to no Flux at all.
		MaxRateTooHigh,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_: BlockNumberFor<T>) -> Weight {
			T::WeightInfo::update_rate()
		}

		fn on_finalize(_: BlockNumberFor<T>) {
			Self::update_rate();
		}

		fn integrity_test() {
			assert!(T::MaxPayloadLen::get() > 0, "MaxPayloadLen must be above zero");
			assert!(
				Self::validate_schedule(&DefaultSchedule::get()).is_ok()
					&& Self::validate_rate_params(&DefaultRateParams::get()).is_ok(),
				"the default metering parameters are invalid"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Sends `payload` to `to`, as an intent if `is_intent` (which costs `p_intent` more
		/// msg Power). The payload is published in [`Event::MessageSent`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::send_message(
			u32::try_from(payload.len()).unwrap_or(u32::MAX)
		))]
		pub fn send_message(
			origin: OriginFor<T>,
			to: T::AccountId,
			payload: Vec<u8>,
			is_intent: bool,
		) -> DispatchResult {
			let from = ensure_signed(origin)?;
			let max = usize::try_from(T::MaxPayloadLen::get()).unwrap_or(usize::MAX);
			ensure!(payload.len() <= max, Error::<T>::PayloadTooLong);
			Self::deposit_event(Event::MessageSent { from, to, is_intent, payload });
			Ok(())
		}

		/// Replaces the cost schedule, after checking it.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_schedule())]
		pub fn set_schedule(origin: OriginFor<T>, schedule: CostSchedule) -> DispatchResult {
			T::UpdateOrigin::ensure_origin(origin)?;
			Self::validate_schedule(&schedule)?;
			let old = Schedule::<T>::get();
			Schedule::<T>::put(schedule);
			Self::deposit_event(Event::ScheduleSet { old, new: schedule });
			Ok(())
		}

		/// Replaces the rate parameters, after checking them; R is brought within the new
		/// bounds at once.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_rate_params())]
		pub fn set_rate_params(origin: OriginFor<T>, params: RateParams) -> DispatchResult {
			T::UpdateOrigin::ensure_origin(origin)?;
			Self::validate_rate_params(&params)?;
			let old = RateControl::<T>::get();
			RateControl::<T>::put(params);
			let rate = ExchangeRate::<T>::get().max(params.min_rate).min(params.max_rate);
			ExchangeRate::<T>::put(rate);
			Self::deposit_event(Event::RateParamsSet { old, new: params, rate });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Checks a schedule: steps weigh something, no extrinsic is free, and the largest
		/// extrinsic a block can hold is priced without overflow.
		pub fn validate_schedule(s: &CostSchedule) -> DispatchResult {
			ensure!(s.step_weight > 0, Error::<T>::ZeroStepWeight);
			let base = s.p0.checked_add(s.e0).and_then(|b| b.checked_add(s.e_tx));
			ensure!(base.is_some_and(|b| b > 0), Error::<T>::FreeExtrinsics);
			let limits = <T as frame_system::Config>::BlockWeights::get();
			let max_len = *<T as frame_system::Config>::BlockLength::get()
				.max
				.get(frame_support::dispatch::DispatchClass::Operational);
			let max_steps = math::steps(limits.max_block.ref_time(), s.step_weight);
			let msg = s
				.p_size
				.checked_mul(max_len.into())
				.and_then(|m| m.checked_add(s.p0))
				.and_then(|m| m.checked_add(s.p_intent));
			let exec = s
				.e_step
				.checked_mul(max_steps.into())
				.and_then(|e| e.checked_add(s.e0))
				.and_then(|e| e.checked_add(s.e_tx));
			let total = msg.zip(exec).and_then(|(m, e)| m.checked_add(e));
			ensure!(total.is_some(), Error::<T>::ScheduleOverflow);
			Ok(())
		}

		/// Checks rate parameters: a target, bounds with a positive floor, and a change per
		/// block that can move R but never by more than half.
		pub fn validate_rate_params(p: &RateParams) -> DispatchResult {
			ensure!(p.target > 0, Error::<T>::ZeroTarget);
			ensure!(!p.min_rate.is_zero(), Error::<T>::ZeroMinRate);
			ensure!(p.min_rate <= p.max_rate, Error::<T>::MinRateAboveMax);
			ensure!(!p.max_change.is_zero(), Error::<T>::ZeroMaxChange);
			ensure!(p.max_change <= Perbill::from_percent(50), Error::<T>::MaxChangeTooLarge);
			// One PU must always cost at least one planck of Flux.
			ensure!(
				p.max_rate <= FixedU128::saturating_from_integer(UNIT),
				Error::<T>::MaxRateTooHigh
			);
			Ok(())
		}
	}
}
