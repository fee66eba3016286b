//! Who a call serves or pays, for Flox: the counterparty mapping of the runtime's calls, told to
//! the metering pallet through `pallet_power_metering::CallCounterparty`. A new call that serves
//! another account is added here, with the reads it takes to find it.

use crate::{AccountId, Runtime, RuntimeCall};
use frame_support::weights::Weight;

/// The counterparty of each call (the account it serves or pays), for Flox. The metering pallet
/// knows its own messages; transfers serve their destination, a rent pays the offer's lender
/// (`rent_best`, which may pay several, names none); a PoCW worker's claim and result serve the
/// task's requester, and a verifier's commitment and reveal serve the task's worker.
pub struct CallCounterparty;
impl pallet_power_metering::CallCounterparty<RuntimeCall, AccountId> for CallCounterparty {
	fn counterparty(call: &RuntimeCall) -> Option<AccountId> {
		use sp_runtime::{traits::StaticLookup, MultiAddress};
		let dest = match call {
			RuntimeCall::PowerMarket(pallet_power_market::Call::rent { offer, .. }) => {
				return pallet_power_market::Offers::<Runtime>::get(offer).map(|o| o.lender)
			},
			RuntimeCall::Pocw(
				pallet_pocw::Call::claim_task { task, .. }
				| pallet_pocw::Call::submit_result { task, .. },
			) => return pallet_pocw::Tasks::<Runtime>::get(task).map(|t| t.requester),
			RuntimeCall::Pocw(
				pallet_pocw::Call::commit_verdict { task, .. }
				| pallet_pocw::Call::reveal_verdict { task, .. },
			) => return pallet_pocw::Tasks::<Runtime>::get(task).and_then(|t| t.worker),
			RuntimeCall::Balances(
				pallet_balances::Call::transfer_allow_death { dest, .. }
				| pallet_balances::Call::transfer_keep_alive { dest, .. }
				| pallet_balances::Call::transfer_all { dest, .. },
			) => dest,
			_ => return None,
		};
		match dest {
			MultiAddress::Id(id) => Some(id.clone()),
			other => <Runtime as frame_system::Config>::Lookup::lookup(other.clone()).ok(),
		}
	}

	fn weight(call: &RuntimeCall) -> Weight {
		match call {
			// The offer is read to find its lender; the task to find its requester or worker.
			RuntimeCall::PowerMarket(pallet_power_market::Call::rent { .. })
			| RuntimeCall::Pocw(
				pallet_pocw::Call::claim_task { .. }
				| pallet_pocw::Call::submit_result { .. }
				| pallet_pocw::Call::commit_verdict { .. }
				| pallet_pocw::Call::reveal_verdict { .. },
			) => <Runtime as frame_system::Config>::DbWeight::get().reads(1),
			_ => Weight::zero(),
		}
	}
}
