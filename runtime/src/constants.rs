//! Every constant of the runtime in one place: money, time, block limits. The configurations
//! (`configs`) and governance (`governance`) both read them here, so neither imports the other's
//! constants.
//!
//! Time: Aura slots are [`SLOT_DURATION`] long. On a real network a block must take a later slot
//! than its parent (`configs::MultipleBlocksPerSlot` is unset), so there is at most one block per
//! slot. The dev node seals a block as soon as a transaction arrives, possibly several within one
//! slot: its genesis allows that, and chain time then only has to move forward by
//! [`MINIMUM_PERIOD`]. Chain time is real time in both cases, which is what Power accrual is
//! measured in (`docs/node.md`).

use crate::{Balance, BlockNumber, Moment, VERSION};
use frame_support::{
	dispatch::DispatchClass,
	parameter_types,
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use sp_runtime::Perbill;
use sp_version::RuntimeVersion;

/// One HETU in planck (12 decimals).
pub const HETU: Balance = 1_000_000_000_000;
/// A thousandth of a HETU.
pub const MILLI_HETU: Balance = HETU / 1_000;
/// The smallest HETU balance an account may hold (smaller balances are reaped).
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_HETU;

/// Length of an Aura slot on a real network, in milliseconds.
pub const SLOT_DURATION: Moment = 6_000;
/// The least chain time between two blocks, in milliseconds. One value serves both chains (it is a
/// metadata constant): the dev chain's blocks can be milliseconds apart, and on a real network the
/// slot rule, not this period, gives every block a slot of its own (see the module docs).
pub const MINIMUM_PERIOD: Moment = 1;
/// One day of chain time, in milliseconds.
pub use fluxomics_primitives::MILLIS_PER_DAY;

/// The share of a block's weight and length that normal transactions may use.
pub const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);
/// A block's length limit, in bytes.
pub const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// Two seconds of compute per block, a third of a slot.
	pub RuntimeBlockWeights: frame_system::limits::BlockWeights =
		frame_system::limits::BlockWeights::with_sensible_defaults(
			Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
			NORMAL_DISPATCH_RATIO,
		);
	/// 5 MiB per block, three quarters of it for normal transactions.
	pub RuntimeBlockLength: frame_system::limits::BlockLength =
		frame_system::limits::BlockLength::builder()
			.max_length(MAX_BLOCK_LENGTH)
			.modify_max_length_for_class(DispatchClass::Normal, |max| {
				*max = NORMAL_DISPATCH_RATIO * *max
			})
			.build();
	pub const SS58Prefix: u8 = 42;
}
