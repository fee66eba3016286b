//! What the pallet asks of the runtime besides the shared ledgers: the counterparty of other
//! pallets' calls, and payers for the benchmarks.

use frame_support::weights::Weight;

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
