//! What Flox asks of the runtime: whether an account exists. Flox indexes a new *target* only if
//! it exists, so that charges to addresses nobody holds (a message to a random address costs the
//! sender one cheap transaction) cannot fill an epoch's `MaxEdges` and leave ranks behind for
//! nobody. The runtime answers from its own ledgers (a system account, or Flux); Flox depends on
//! no other pallet.

/// Whether an account exists on chain: it holds something that keeps it (a balance above the
/// existential deposit, Flux), so that whoever made it paid for it.
pub trait AccountExists<AccountId> {
	/// Whether `who` exists. Read once per new target when a block's charges are folded.
	fn exists(who: &AccountId) -> bool;

	/// Makes `who` exist in the dearest way for [`Self::exists`] to find (the benchmarks' set-up).
	#[cfg(feature = "runtime-benchmarks")]
	fn create_for_benchmark(who: &AccountId);
}

/// Every account exists: no admission by existence (a runtime without accounts of its own).
impl<AccountId> AccountExists<AccountId> for () {
	fn exists(_: &AccountId) -> bool {
		true
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn create_for_benchmark(_: &AccountId) {}
}
