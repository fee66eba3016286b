//! Calls that pay for themselves from the signer's own Flux they release, told to the metering
//! pallet through `pallet_power_metering::SelfFunding`: today only `Flux::withdraw_unbonded`, so
//! that an account that unstaked everything it had (no free Flux, no HETU, no Power left) is never
//! locked out of its Flux. It cannot be repeated for free: the fee is the signer's own thawed
//! Flux, which the withdrawal then no longer holds.

use crate::{AccountId, Balance, Flux, Runtime, RuntimeCall};
use frame_support::weights::Weight;
use sp_runtime::DispatchResult;

/// The runtime's self-funding calls.
pub struct SelfFunding;
impl pallet_power_metering::SelfFunding<RuntimeCall, AccountId> for SelfFunding {
	fn releasable(call: &RuntimeCall, who: &AccountId) -> Balance {
		match call {
			RuntimeCall::Flux(pallet_flux::Call::withdraw_unbonded {}) => Flux::thawed(who),
			_ => 0,
		}
	}

	fn release(call: &RuntimeCall, who: &AccountId, amount: Balance) -> DispatchResult {
		match call {
			RuntimeCall::Flux(pallet_flux::Call::withdraw_unbonded {}) => {
				Flux::take_thawed(who, amount)
			},
			_ => Err(sp_runtime::DispatchError::Other("not a self-funding call")),
		}
	}

	fn weight(call: &RuntimeCall) -> Weight {
		match call {
			// The signer's Flux account, read to find what has thawed and written to release it.
			RuntimeCall::Flux(pallet_flux::Call::withdraw_unbonded {}) => {
				<Runtime as frame_system::Config>::DbWeight::get().reads_writes(1, 1)
			},
			_ => Weight::zero(),
		}
	}
}
