//! Why a graph or a ranker could not be built or stepped.

#[cfg(feature = "codec")]
use codec::{Decode, Encode};
#[cfg(feature = "codec")]
use scale_info::TypeInfo;

/// Why a [`Graph`](crate::Graph) or a [`Ranker`](crate::Ranker) could not be built or stepped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "codec", derive(Encode, Decode, TypeInfo))]
pub enum RankError {
	/// An edge names a target or caller index not below the number of boosts of its role.
	IndexOutOfRange,
	/// More than `u32::MAX` accounts in a role or edges in the graph.
	TooLarge,
	/// The total gas of the graph does not fit in `u128`.
	GasOverflow,
	/// A starting vector's length differs from its role's size.
	StartLength,
	/// The [`Ranker`](crate::Ranker) was made for a graph of other dimensions.
	GraphMismatch,
}
