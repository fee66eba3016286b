//! The draw tree: the verifiers' bonds in a Fenwick tree over `MaxVerifiers` slots, so that a
//! draw weighted by bond reads `log2(MaxVerifiers)` nodes however many verifiers there are, and
//! a bond change writes as many. A verifier takes the next slot when it registers; when it
//! leaves, the verifier in the last slot moves into its place, so slots `1..=VerifierCount` are
//! always the verifiers.

use crate::{math, pallet::*, VerifierInfo};
use fluxomics_primitives::Balance;
use frame_support::traits::Get;

impl<T: Config> Pallet<T> {
	/// Adds `delta` to slot `slot`'s bond in the tree (`add`), or takes it away.
	fn tree_update(slot: u32, delta: Balance, add: bool) {
		let n = T::MaxVerifiers::get();
		let mut i = slot;
		while i > 0 && i <= n {
			BondTree::<T>::mutate(i, |v| {
				*v = if add { v.saturating_add(delta) } else { v.saturating_sub(delta) }
			});
			i = i.saturating_add(math::lowbit(i));
		}
	}

	/// The sum of the bonds of slots `1..=slot`.
	pub(crate) fn tree_prefix(slot: u32) -> Balance {
		let mut sum: Balance = 0;
		let mut i = slot.min(T::MaxVerifiers::get());
		while i > 0 {
			sum = sum.saturating_add(BondTree::<T>::get(i));
			i = i.saturating_sub(math::lowbit(i));
		}
		sum
	}

	/// The slot whose bond covers `point` (`0 ≤ point < TotalBond`): the first slot whose prefix
	/// sum exceeds it. Descends the tree from its widest node: `log2(MaxVerifiers)` reads.
	pub(crate) fn tree_find(mut point: Balance) -> u32 {
		let n = T::MaxVerifiers::get();
		let mut pos: u32 = 0;
		// The widest node below `n` (`n` is a power of two, and node `n` is the total).
		let mut step = n.checked_div(2).unwrap_or(0);
		while step > 0 {
			let next = pos.saturating_add(step);
			if next <= n {
				let node = BondTree::<T>::get(next);
				if node <= point {
					pos = next;
					point = point.saturating_sub(node);
				}
			}
			step = step.checked_div(2).unwrap_or(0);
		}
		pos.saturating_add(1)
	}

	/// Files a new verifier with `bond` in the next slot.
	pub(crate) fn insert_verifier(who: &T::AccountId, bond: Balance) {
		let slot = VerifierCount::<T>::get().saturating_add(1);
		VerifierCount::<T>::put(slot);
		VerifierAt::<T>::insert(slot, who.clone());
		Verifiers::<T>::insert(who, VerifierInfo { bond, pending: 0, slot });
		Self::tree_update(slot, bond, true);
	}

	/// Takes a verifier out of the tree; the last slot's verifier moves into its slot.
	pub(crate) fn remove_verifier(who: &T::AccountId, info: &VerifierInfo) {
		let last = VerifierCount::<T>::get();
		Self::tree_update(info.slot, info.bond, false);
		if info.slot != last {
			if let Some(moved) = VerifierAt::<T>::get(last) {
				if let Some(mut m) = Verifiers::<T>::get(&moved) {
					Self::tree_update(last, m.bond, false);
					Self::tree_update(info.slot, m.bond, true);
					m.slot = info.slot;
					Verifiers::<T>::insert(&moved, m);
				}
				VerifierAt::<T>::insert(info.slot, moved);
			}
		}
		VerifierAt::<T>::remove(last);
		VerifierCount::<T>::put(last.saturating_sub(1));
		Verifiers::<T>::remove(who);
	}

	/// Lowers a verifier's bond by `amount` in the tree and the total (after a slash).
	pub(crate) fn reduce_bond(info: &mut VerifierInfo, amount: Balance) {
		let amount = amount.min(info.bond);
		info.bond = info.bond.saturating_sub(amount);
		Self::tree_update(info.slot, amount, false);
		TotalBond::<T>::mutate(|t| *t = t.saturating_sub(amount));
	}

	/// Draws one verifier, weighted by bond, from 32 random bytes; `None` with no bond at all.
	pub(crate) fn draw_verifier(random: &[u8; 32]) -> Option<T::AccountId> {
		let point = math::draw_point(random, TotalBond::<T>::get())?;
		VerifierAt::<T>::get(Self::tree_find(point))
	}
}
