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
//!   `exec = e0 + e_step · ceil(ref_time / step_weight) + e_tx`, every term governed. A cost is
//!   a [`PerKind`](fluxomics_primitives::PerKind): one value per kind of Power.
//! - **R** ([`ExchangeRate`]): Power units per Flux. A controller moves it every block from the
//!   Power consumed in that block against a governed target ([`RateParams`]): consumption above
//!   target lowers R (Power costs more Flux), below raises it, by at most `max_change` a block
//!   and within governed bounds ([`math::next_rate`]).
//! - **Counterparty**: the account a call serves or pays (a message's recipient, a transfer's
//!   destination, …), chosen by the runtime ([`CallCounterparty`]). After every charge the
//!   (payer, counterparty, Power) triple goes to [`Config::OnCharge`], which Flox records.
//! - **Accrual**: bringing the payer's Power up to now (the Power pallet's work, through
//!   [`PowerLedger`](fluxomics_primitives::PowerLedger)). **Refund**: what the charge gives back
//!   after dispatch for weight the call did not use.
//!
//! ## User flows
//!
//! - **Any signed extrinsic** is paid by its signer (design §4):
//!   1. Each kind is taken from the signer's available Power.
//!   2. The deficit of both kinds is paid in free Flux, `ceil(deficit / R)`, to the protocol
//!      sink; if free Flux is short and the signer holds HETU, just enough HETU is converted
//!      first (keeping the existential deposit), so a newcomer holding only HETU can act at once.
//!   3. Otherwise the extrinsic is invalid (`InvalidTransaction::Payment`): it never enters a
//!      block and nothing is charged.
//!   4. After dispatch the exec cost of unused weight is refunded in the reverse order of
//!      payment: Flux first (at the rate of the charge, rounded down), then exec Power.
//!
//!   Unsigned extrinsics, inherents and calls declared `Pays::No` are not charged; a call that
//!   reports `Pays::No` only after dispatch pays like any other (its unused exec comes back), so
//!   it cannot be repeated for free. [`Event::PowerCharged`] reports each
//!   charge.
//! - **An agent sends a message or an intent** ([`Pallet::send_message`]): the payload is
//!   published in [`Event::MessageSent`]; an intent costs `p_intent` more msg Power.
//! - **A client asks what an extrinsic would cost** (`PowerApi::quote`, [`Pallet::quote`]): the
//!   very plan the charge would carry out.
//! - **Governance sets the parameters** ([`Pallet::set_params`]): the schedule and the rate
//!   parameters together, both checked; R is brought within the new bounds at once.
//!
//! ## Design
//!
//! - The plan is made once, at validation, by [`Pallet::plan_extrinsic`], and carried out as
//!   made; the runtime API returns the very same plan.
//! - A charge accrues its payer once per phase: validation reads its Power once, `prepare`
//!   consumes both kinds at once, post-dispatch refunds both kinds at once. The declared weight
//!   counts those three walks over the payer's leases at their most; a payer with fewer leases
//!   gets the difference back.
//! - The extension carries no explicit or implicit data, so clients (polkadot.js) sign with it
//!   without any registration.
//! - The common path (Power covers the cost) reads the signer's Power and nothing of Flux,
//!   not even R.
//! - The extension's weight is its benchmarked worst path (HETU converted); the unspent part is
//!   returned after dispatch when a cheaper path was taken.
//! - Transaction priority is the Power the extrinsic pays.
//!
//! ## Assumptions
//!
//! - `Config::Power` and `Config::Flux` are the chain's Power and Flux ledgers; the Flux sink
//!   can always return what it was paid by a charge in the same extrinsic.
//! - The benchmarks of `ChargePower` measure a payer without leases; the Power ledger's
//!   `accrual_weight` prices the walk over a payer's leases on top.
//! - The runtime names the counterparty of every call that serves someone
//!   ([`CallCounterparty`]); calls it does not name are recorded without one.
//!
//! ## Where things are
//!
//! | file | what |
//! |---|---|
//! | `calls.rs` | the bodies of the calls and the checks of the parameters |
//! | `extension.rs` | the `ChargePower` transaction extension |
//! | `payment.rs` | pricing, planning, carrying out and refunding a charge |
//! | `api.rs` | `quote`, what `PowerApi` calls |
//! | `hooks.rs` | the rate controller's block step |
//! | `math.rs` | pure formulas: costs, Power ↔ Flux at R, the controller |
//! | `traits.rs` | what the pallet asks of the runtime (`CallCounterparty`) |
//! | `try_state.rs` | the numbered invariants |
#![cfg_attr(not(feature = "std"), no_std)]
// Tests and benchmarks compute expected values with plain arithmetic.
#![cfg_attr(any(test, feature = "runtime-benchmarks"), allow(clippy::arithmetic_side_effects))]

extern crate alloc;

pub use extension::ChargePower;
pub use pallet::*;
pub use traits::*;
pub use types::*;
pub use weights::WeightInfo;

mod api;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod calls;
mod extension;
mod hooks;
mod impls;
pub mod math;
mod payment;
#[cfg(test)]
mod tests;
mod traits;
#[cfg(any(feature = "try-runtime", feature = "std", test))]
mod try_state;
mod types;
pub mod weights;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::power-metering";

// The pallet macros expand to `expect`s on values they guarantee (pallet info, storage
// prefixes); the pallet's own code has none.
#[frame_support::pallet]
#[allow(clippy::expect_used)]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use fluxomics_primitives::{
		Balance, FluxLedger, OnPowerCharged, PerKind, PowerLedger, PowerUnits,
	};
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_arithmetic::{FixedU128, Perbill};

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
		/// Calls that may pay for themselves from the signer's own Flux they release (a
		/// withdrawal of thawed unbonding Flux, in the runtime).
		type SelfFunding: fluxomics_primitives::SelfFunding<
			<Self as frame_system::Config>::RuntimeCall,
			Self::AccountId,
		>;
		/// Told of every charge that has a counterparty (Flox).
		type OnCharge: OnPowerCharged<Self::AccountId>;
		/// Who may set the parameters (governance; root in tests).
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

	/// The cost schedule (set with the rate parameters by `set_params`).
	#[pallet::storage]
	pub type Schedule<T> = StorageValue<_, CostSchedule, ValueQuery, DefaultSchedule>;

	/// How R follows demand (set with the schedule by `set_params`).
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
	// `ParamsSet` carries both parameter sets, as the other pallets' `ParamsSet` do; events are
	// encoded as soon as they are deposited, so its size in memory does not matter.
	#[allow(clippy::large_enum_variant)]
	pub enum Event<T: Config> {
		/// `who` paid for an extrinsic: `cost` PU of each kind in all, of which `from_power`
		/// from its Power, the rest with `flux` Flux (paid to the sink), `hetu` HETU of which
		/// was converted first. `refunded` PU were already given back after dispatch (the exec
		/// cost of unused weight) and are not counted
		/// in `cost`.
		PowerCharged {
			who: T::AccountId,
			cost: PerKind<PowerUnits>,
			from_power: PerKind<PowerUnits>,
			flux: Balance,
			hetu: Balance,
			refunded: PerKind<PowerUnits>,
		},
		/// `from` sent `to` a message (or an intent).
		MessageSent { from: T::AccountId, to: T::AccountId, is_intent: bool, payload: Vec<u8> },
		/// Governance replaced the parameters; R was brought within the new bounds (`rate`).
		ParamsSet { old: MeteringParams, new: MeteringParams, rate: FixedU128 },
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
		/// Bytes must cost something: `p_size` must be above zero.
		ZeroSizePrice,
		/// Steps must cost something: `e_step` must be above zero.
		ZeroStepPrice,
		/// A step is more than `max_block.ref_time / MIN_STEPS_PER_BLOCK`: weight would be
		/// almost free.
		StepWeightTooLarge,
		/// One vote may make Power at most `MAX_CHANGE_PER_VOTE` (×10) dearer: a price of the
		/// schedule above ten times its value (and the default's), a step below a tenth of its
		/// weight, R's ceiling below a tenth of R, or its floor below a tenth of itself (and the
		/// default floor).
		ChangeTooLarge,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_: BlockNumberFor<T>) -> Weight {
			Self::hook_on_initialize()
		}

		fn on_finalize(_: BlockNumberFor<T>) {
			Self::update_rate();
		}

		fn integrity_test() {
			Self::hook_integrity_test();
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
			Self::do_send_message(from, to, payload, is_intent)
		}

		/// Replaces the cost schedule and the rate parameters, after checking both; R is
		/// brought within the new bounds at once.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_params())]
		pub fn set_params(origin: OriginFor<T>, params: MeteringParams) -> DispatchResult {
			T::UpdateOrigin::ensure_origin(origin)?;
			Self::do_set_params(params)
		}
	}
}
