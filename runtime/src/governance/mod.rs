//! On-chain governance: OpenGov (referenda, conviction voting with HETU, a scheduler that enacts
//! passed referenda, preimages of their calls) with two tracks: root, and the parameter track
//! whose referenda enact with [`origins::Origin::ParameterChange`].
//!
//! Every pallet's parameter setter takes [`ParameterOrigin`]: root (sudo on the dev chain, or a
//! root-track referendum) or a passed parameter-track referendum. A signed account is refused,
//! and so is a parameter-track referendum whose call needs root (a runtime upgrade, say): its
//! enactment fails with `BadOrigin`. `docs/governance.md` walks through a vote from polkadot.js.

pub mod origins;
#[cfg(test)]
mod tests;
pub mod tracks;

use crate::{
	constants::{HETU, MILLI_HETU},
	AccountId, Balance, Balances, BlockNumber, OriginCaller, Preimage, Referenda, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, Scheduler, System,
};
use frame_support::{
	parameter_types,
	traits::{
		fungible::HoldConsideration, ConstU32, EitherOf, EqualPrivilegeOnly, LinearStoragePrice,
		TotalIssuanceOf,
	},
	weights::Weight,
};
use frame_system::{EnsureRoot, EnsureSigned};

/// Who may change economic parameters: root, or a passed parameter-track referendum.
pub type ParameterOrigin = EitherOf<EnsureRoot<AccountId>, origins::EnsureParameterChange>;

impl origins::Config for Runtime {}

parameter_types! {
	pub const PreimageBaseDeposit: Balance = HETU;
	pub const PreimageByteDeposit: Balance = MILLI_HETU;
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	/// Noting a preimage holds a deposit of 1 HETU plus a milli-HETU a byte, returned when it is
	/// unnoted.
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}

parameter_types! {
	/// The scheduler may use up to 80 % of a block.
	pub MaximumSchedulerWeight: Weight =
		sp_runtime::Perbill::from_percent(80) * crate::constants::RuntimeBlockWeights::get().max_block;
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = pallet_scheduler::weights::SubstrateWeight<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

parameter_types! {
	/// Votes stay locked for a conviction's multiple of this after the referendum ends.
	pub const VoteLockingPeriod: BlockNumber = 10;
}

impl pallet_conviction_voting::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_conviction_voting::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type Polls = Referenda;
	/// Support is measured against all HETU in existence.
	type MaxTurnout = TotalIssuanceOf<Balances, AccountId>;
	type MaxVotes = ConstU32<64>;
	type VoteLockingPeriod = VoteLockingPeriod;
	type BlockNumberProvider = System;
	type VotingHooks = ();
}

parameter_types! {
	pub const SubmissionDeposit: Balance = 10 * HETU;
	pub const UndecidingTimeout: BlockNumber = 14_400;
	pub const AlarmInterval: BlockNumber = 1;
}

impl pallet_referenda::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_referenda::weights::SubstrateWeight<Runtime>;
	type Scheduler = Scheduler;
	type Currency = Balances;
	type SubmitOrigin = EnsureSigned<AccountId>;
	type CancelOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	/// Deposits of killed referenda are burned (a killed referendum was spam or an attack).
	type Slash = ();
	type Votes = Balance;
	type Tally = pallet_conviction_voting::TallyOf<Runtime>;
	type SubmissionDeposit = SubmissionDeposit;
	type MaxQueued = ConstU32<100>;
	type UndecidingTimeout = UndecidingTimeout;
	type AlarmInterval = AlarmInterval;
	type Tracks = tracks::Tracks;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}
