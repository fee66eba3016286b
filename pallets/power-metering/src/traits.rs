//! What the pallet asks of the runtime besides the shared ledgers: the counterparty of other
//! pallets' calls, and payers for the benchmarks.

use fluxomics_primitives::Balance;
use frame_support::weights::Weight;
use sp_runtime::DispatchResult;

/// The runtime's choice of counterparty for each call: the account the call serves or pays.
/// The metering pallet knows its own `send_message`; everything else is asked here.
pub trait CallCounterparty<Call, AccountId> {
	/// The counterparty of `call`, if it has one.
	fn counterparty(call: &Call) -> Option<AccountId>;
	/// What finding it costs (a storage read, say); the charging extension adds it to its weight.
	fn weight(_call: &Call) -> Weight {
		Weight::zero()
	}
}

impl<Call, AccountId> CallCounterparty<Call, AccountId> for () {
	fn counterparty(_: &Call) -> Option<AccountId> {
		None
	}
}

/// Calls that release the signer's own Flux and may pay for themselves from it: a withdrawal of
/// thawed unbonding Flux, so that an account that unstaked everything it had is never locked out
/// of its Flux. It cannot be repeated for free: what pays is the signer's own Flux, and once
/// released it is gone from the source.
pub trait SelfFunding<Call, AccountId> {
	/// The Flux `call` would release to `who`'s free Flux that may pay for it.
	fn releasable(call: &Call, who: &AccountId) -> Balance;
	/// Releases `amount` (at most [`releasable`](Self::releasable)) to `who`'s free Flux, before
	/// the charge.
	fn release(call: &Call, who: &AccountId, amount: Balance) -> DispatchResult;
	/// What the two cost for `call` (the charging extension adds it to its weight).
	fn weight(_call: &Call) -> Weight {
		Weight::zero()
	}
}

impl<Call, AccountId> SelfFunding<Call, AccountId> for () {
	fn releasable(_: &Call, _: &AccountId) -> Balance {
		0
	}
	fn release(_: &Call, _: &AccountId, amount: Balance) -> DispatchResult {
		if amount == 0 {
			Ok(())
		} else {
			Err(sp_runtime::DispatchError::Other("no self-funding plugged in"))
		}
	}
}

/// Sets up payers for the benchmarks (the pallet itself knows neither HETU nor stake).
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Gives `who` `amount` of HETU.
	fn fund_hetu(who: &AccountId, amount: fluxomics_primitives::Balance);
	/// Makes `who` hold at least `power` of each kind (and the stake to cap it).
	fn give_power(
		who: &AccountId,
		power: fluxomics_primitives::PerKind<fluxomics_primitives::PowerUnits>,
	);
}
