//! The glue traits: how the pallets reach each other. Each trait has a `()` implementation, an
//! empty ledger that reads zero and refuses any non-zero change, so a test or a runtime can leave
//! a side unplugged and see at once if a pallet relied on it.

use crate::{Balance, Moment, PerKind, PowerUnits};
use frame_support::weights::Weight;
use sp_runtime::{DispatchError, DispatchResult};

/// The error every `()` ledger gives for a change it cannot make.
const UNPLUGGED: DispatchError = DispatchError::Other("no ledger plugged in");

/// Ok for a zero amount, the unplugged error otherwise.
fn zero_only(amount: u128) -> DispatchResult {
	if amount == 0 {
		Ok(())
	} else {
		Err(UNPLUGGED)
	}
}

/// What the Flux ledger tells about staking.
pub trait StakeInfo<AccountId> {
	/// The Flux `who` has staked (not counting unbonding Flux).
	fn staked(who: &AccountId) -> Balance;

	/// Gives `who` `amount` more staked Flux, for benchmarks of pallets that need stake.
	#[cfg(feature = "runtime-benchmarks")]
	fn stake_for_benchmark(who: &AccountId, amount: Balance);
}

impl<AccountId> StakeInfo<AccountId> for () {
	fn staked(_: &AccountId) -> Balance {
		0
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn stake_for_benchmark(_: &AccountId, _: Balance) {}
}

/// Moves chain time, for the benchmarks of pallets that depend on it (leases, deadlines,
/// epochs). The runtime implements it once, over its timestamp pallet.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkTime {
	/// Sets chain time to `now` (ms).
	fn set_time(now: Moment);
}

#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkTime for () {
	fn set_time(_: Moment) {}
}

/// What the Flux ledger asks before an account's stake changes.
pub trait StakeObserver<AccountId> {
	/// Called just before `who`'s staked Flux changes to `new_staked`, so that anything that
	/// depends on it (Power accrual) accrues at the old amount and keeps the new one. Returns
	/// what it cost.
	fn before_stake_change(who: &AccountId, new_staked: Balance) -> Weight;
	/// Staked Flux of `who` that is committed elsewhere (delegated, listed or leased) and so may
	/// not be unstaked.
	fn committed_stake(who: &AccountId) -> Balance;
	/// The most `before_stake_change` can cost: callers add it to their own weight.
	fn before_stake_change_weight() -> Weight;
}

impl<AccountId> StakeObserver<AccountId> for () {
	fn before_stake_change(_: &AccountId, _: Balance) -> Weight {
		Weight::zero()
	}
	fn committed_stake(_: &AccountId) -> Balance {
		0
	}
	fn before_stake_change_weight() -> Weight {
		Weight::zero()
	}
}

/// The block's Power consumption, which moves the exchange rate R: every Power charge counts,
/// whichever pallet makes it (the metering pallet's own charges, and PoCW's usage charges).
pub trait PowerConsumption {
	/// Counts `power` PU (of either kind) consumed in this block.
	fn note_consumed(power: PowerUnits);
	/// What `note_consumed` costs: callers add it to their weight.
	fn note_consumed_weight() -> Weight;
}

impl PowerConsumption for () {
	fn note_consumed(_: PowerUnits) {}
	fn note_consumed_weight() -> Weight {
		Weight::zero()
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
		zero_only(amount)
	}
}

/// Stake a market has reserved: listed for rent and not leased. It counts as committed, so it
/// can be neither unstaked nor delegated.
pub trait ListedStake<AccountId> {
	/// `who`'s staked Flux listed and not leased.
	fn listed(who: &AccountId) -> Balance;
}

impl<AccountId> ListedStake<AccountId> for () {
	fn listed(_: &AccountId) -> Balance {
		0
	}
}

/// The protocol flows of Flux. Flux is soulbound: users cannot send it to each other, but the
/// protocol moves it (fees, rent, rewards, collateral, slashes) through these operations, each
/// checked (nothing changes on error) and reported by an event of the Flux pallet.
pub trait FluxLedger<AccountId> {
	/// `who`'s free (spendable) Flux.
	fn free(who: &AccountId) -> Balance;
	/// `who`'s held Flux (collateral, bonds, escrow: set aside by the protocol).
	fn held(who: &AccountId) -> Balance;
	/// Creates `amount` of free Flux for `who` (rewards).
	fn mint(who: &AccountId, amount: Balance) -> DispatchResult;
	/// Creates `amount` of Flux for `who` and stakes it at once (auto-staked rewards).
	fn mint_and_stake(who: &AccountId, amount: Balance) -> DispatchResult;
	/// Destroys `amount` of `who`'s free Flux.
	fn burn(who: &AccountId, amount: Balance) -> DispatchResult;
	/// Moves `amount` of `who`'s free Flux to the protocol sink (fees: nothing is burned).
	fn pay_to_sink(who: &AccountId, amount: Balance) -> DispatchResult;
	/// Moves `amount` of free Flux from `from` to `to` (rent).
	fn transfer(from: &AccountId, to: &AccountId, amount: Balance) -> DispatchResult;
	/// Sets `amount` of `who`'s free Flux aside as held (collateral).
	fn hold(who: &AccountId, amount: Balance) -> DispatchResult;
	/// Returns `amount` of `who`'s held Flux to free.
	fn release(who: &AccountId, amount: Balance) -> DispatchResult;
	/// Takes `amount` of `who`'s held Flux: burned if `to` is `None`, else made free for `to`.
	fn slash_held(who: &AccountId, amount: Balance, to: Option<&AccountId>) -> DispatchResult;
	/// Converts just enough of `who`'s HETU to mint at least `flux` more free Flux, at the
	/// current rate and keeping the existential deposit of HETU. Returns the HETU paid.
	fn convert_for(who: &AccountId, flux: Balance) -> Result<Balance, DispatchError>;
	/// The HETU that `convert_for(who, flux)` would take now, or `None` if `who` cannot pay it
	/// (keeping the existential deposit). Changes nothing.
	fn quote_convert_for(who: &AccountId, flux: Balance) -> Option<Balance>;
	/// The least HETU that converts into `flux` Flux at the current rate (`hetu_per_flux`):
	/// what Flux is worth to a wallet that counts in HETU. `None` if it does not fit.
	fn hetu_value(flux: Balance) -> Option<Balance>;
	/// Moves `amount` of free Flux from the protocol sink back to `who` (fees refunded for
	/// weight a transaction did not use).
	fn refund_from_sink(who: &AccountId, amount: Balance) -> DispatchResult;
	/// The free Flux the protocol sink holds (the fees it has collected).
	fn sink_balance() -> Balance;
	/// Destroys `amount` of the sink's Flux (rewards funded by fees: what is minted for them is
	/// first taken from the sink, so the supply does not grow by it).
	fn burn_from_sink(amount: Balance) -> DispatchResult;
}

impl<AccountId> FluxLedger<AccountId> for () {
	fn free(_: &AccountId) -> Balance {
		0
	}
	fn held(_: &AccountId) -> Balance {
		0
	}
	fn mint(_: &AccountId, amount: Balance) -> DispatchResult {
		zero_only(amount)
	}
	fn mint_and_stake(_: &AccountId, amount: Balance) -> DispatchResult {
		zero_only(amount)
	}
	fn burn(_: &AccountId, amount: Balance) -> DispatchResult {
		zero_only(amount)
	}
	fn pay_to_sink(_: &AccountId, amount: Balance) -> DispatchResult {
		zero_only(amount)
	}
	fn transfer(_: &AccountId, _: &AccountId, amount: Balance) -> DispatchResult {
		zero_only(amount)
	}
	fn hold(_: &AccountId, amount: Balance) -> DispatchResult {
		zero_only(amount)
	}
	fn release(_: &AccountId, amount: Balance) -> DispatchResult {
		zero_only(amount)
	}
	fn slash_held(_: &AccountId, amount: Balance, _: Option<&AccountId>) -> DispatchResult {
		zero_only(amount)
	}
	fn convert_for(_: &AccountId, flux: Balance) -> Result<Balance, DispatchError> {
		zero_only(flux).map(|()| 0)
	}
	fn quote_convert_for(_: &AccountId, flux: Balance) -> Option<Balance> {
		(flux == 0).then_some(0)
	}
	fn hetu_value(flux: Balance) -> Option<Balance> {
		(flux == 0).then_some(0)
	}
	fn refund_from_sink(_: &AccountId, amount: Balance) -> DispatchResult {
		zero_only(amount)
	}
	fn sink_balance() -> Balance {
		0
	}
	fn burn_from_sink(amount: Balance) -> DispatchResult {
		zero_only(amount)
	}
}

/// Power balances, for the pallets that spend Power or lease generation.
///
/// A charge has three phases and each accrues the payer once: [`available`](Self::available)
/// when it is validated (reads only), [`consume`](Self::consume) when it is taken, and
/// [`refund`](Self::refund) after dispatch, both kinds at once.
pub trait PowerLedger<AccountId> {
	/// `who`'s Power of both kinds, accrued to now (one accrual, nothing written).
	fn available(who: &AccountId) -> PerKind<PowerUnits>;
	/// Accrues `who` once and spends `amount` of each kind; all or nothing.
	fn consume(who: &AccountId, amount: PerKind<PowerUnits>) -> DispatchResult;
	/// Accrues `who` once and gives back `amount` of each kind (never above the caps). Does
	/// nothing, and reads nothing, when `amount` is zero.
	fn refund(who: &AccountId, amount: PerKind<PowerUnits>);
	/// What one accrual of `who` costs beyond the accrual of an account without leases (the walk
	/// over the end points of its leases).
	fn accrual_weight(who: &AccountId) -> Weight;
	/// The most `accrual_weight` can be.
	fn max_accrual_weight() -> Weight;
	/// What a change adds when it makes an account's Power record, or removes the last of it:
	/// the reference the record holds on the account's system entry (for a lease, the lessee's).
	fn existence_weight() -> Weight {
		Weight::zero()
	}
	/// Leases the generation of `amount` of `from`'s stake to `to` until chain time `until`,
	/// after which it returns to `from` by itself.
	fn start_lease(
		from: &AccountId,
		to: &AccountId,
		amount: Balance,
		until: Moment,
	) -> DispatchResult;
	/// Forgets a lease that has ended (or ends it now if `until` is in the future).
	fn end_lease(
		from: &AccountId,
		to: &AccountId,
		amount: Balance,
		until: Moment,
	) -> DispatchResult;
}

impl<AccountId> PowerLedger<AccountId> for () {
	fn available(_: &AccountId) -> PerKind<PowerUnits> {
		PerKind::default()
	}
	fn consume(_: &AccountId, amount: PerKind<PowerUnits>) -> DispatchResult {
		zero_only(amount.total())
	}
	fn refund(_: &AccountId, _: PerKind<PowerUnits>) {}
	fn accrual_weight(_: &AccountId) -> Weight {
		Weight::zero()
	}
	fn max_accrual_weight() -> Weight {
		Weight::zero()
	}
	fn start_lease(_: &AccountId, _: &AccountId, amount: Balance, _: Moment) -> DispatchResult {
		zero_only(amount)
	}
	fn end_lease(_: &AccountId, _: &AccountId, _: Balance, _: Moment) -> DispatchResult {
		Ok(())
	}
}

/// What Power costs from the protocol: the ceiling on what the market may charge for the same
/// Power, so that Flux paid through the market always buys Power worth what it paid.
pub trait PowerPrice {
	/// Flux planck that buys from the protocol, at the current exchange rate R, the Power one
	/// Flux of stake generates in one day (one capacity-day, both kinds); `None` if it cannot be
	/// computed, and then the market rents nothing.
	fn capacity_day_price() -> Option<Balance>;
}

impl PowerPrice for () {
	fn capacity_day_price() -> Option<Balance> {
		None
	}
}

/// Told after every charged extrinsic: `payer` paid `power` PU (both kinds, whatever it paid
/// them with) for a call that served or paid `counterparty`. Flox records these as edges.
pub trait OnPowerCharged<AccountId> {
	/// Records one charge. Never fails: a charge has already happened.
	fn on_power_charged(payer: &AccountId, counterparty: &AccountId, power: PowerUnits);
	/// The most `on_power_charged` can cost; the charging extension includes it in its weight.
	fn weight() -> Weight;
}

impl<AccountId> OnPowerCharged<AccountId> for () {
	fn on_power_charged(_: &AccountId, _: &AccountId, _: PowerUnits) {}
	fn weight() -> Weight {
		Weight::zero()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn unplugged_ledgers_read_zero_and_refuse_changes() {
		assert_eq!(<() as FluxLedger<u64>>::free(&1), 0);
		assert!(<() as FluxLedger<u64>>::mint(&1, 0).is_ok());
		assert_eq!(<() as FluxLedger<u64>>::mint(&1, 5), Err(UNPLUGGED));
		assert_eq!(<() as FluxLedger<u64>>::quote_convert_for(&1, 5), None);
		assert!(<() as PowerLedger<u64>>::available(&1).is_zero());
		assert_eq!(<() as PowerLedger<u64>>::consume(&1, PerKind::new(0, 1)), Err(UNPLUGGED));
		assert_eq!(<() as StakeInfo<u64>>::staked(&1), 0);
		assert_eq!(<() as ListedStake<u64>>::listed(&1), 0);
	}
}
