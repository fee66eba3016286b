//! The draw: a task's panel is drawn at the start of the block after its result came in, from
//! the seed of that block. Each of its `quorum` seats is one draw from the bond tree
//! (`sortition.rs`), so a verifier holding a share `s` of all bond takes each seat with
//! probability `s`; a verifier drawn twice holds both seats; a seat drawn to the task's
//! requester or worker stays empty.
//!
//! The seed, in the runtime, is [`ParentHashRandomness`]: the hash of the block that included
//! the submission. The worker cannot know it when it signs; the author of that block can, by
//! choosing what goes in it, try several hashes before it publishes (`docs/pocw.md`).

use crate::{pallet::*, Seat, TaskId, WeightInfo};
use alloc::vec::Vec;
use codec::Encode;
use core::marker::PhantomData;
use frame_support::{
	traits::{Randomness, Time},
	weights::Weight,
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{BlakeTwo256, Hash, Saturating};

/// Randomness from the parent block's hash: `blake2_256(subject ++ parent_hash)`. Read in a
/// block's `on_initialize`, the parent is the block before, whose contents were fixed when it was
/// built.
pub struct ParentHashRandomness<T>(PhantomData<T>);

impl<T: frame_system::Config> Randomness<T::Hash, BlockNumberFor<T>> for ParentHashRandomness<T>
where
	T::Hash: From<[u8; 32]>,
{
	fn random(subject: &[u8]) -> (T::Hash, BlockNumberFor<T>) {
		let parent = frame_system::Pallet::<T>::parent_hash();
		let seed = <BlakeTwo256 as Hash>::hash(&(subject, parent).encode()).0;
		let number = frame_system::Pallet::<T>::block_number();
		(seed.into(), number.saturating_sub(1u32.into()))
	}
}

impl<T: Config> Pallet<T> {
	/// Draws the panels of the tasks whose results came in the block before. Returns the weight
	/// used.
	pub(crate) fn process_draws() -> Weight {
		// Most blocks draw nothing: read the queue, and write it only when there is one.
		let queue = PendingDraws::<T>::get();
		if queue.is_empty() {
			return T::WeightInfo::draw_panel(0);
		}
		PendingDraws::<T>::kill();
		let mut weight = Weight::zero();
		for id in queue {
			let seats = Self::draw_panel(id);
			weight = weight.saturating_add(T::WeightInfo::draw_panel(seats));
		}
		weight
	}

	/// Draws task `id`'s panel; returns the seats drawn (the task's quorum).
	pub(crate) fn draw_panel(id: TaskId) -> u32 {
		let Some(mut task) = Tasks::<T>::get(id) else { return 0 };
		let Some(result) = task.result.as_mut() else { return 0 };
		if result.drawn {
			return 0;
		}
		result.drawn = true;
		// A draw after the commit window (the chain stalled for longer than it) seats no one:
		// nobody could commit in time, so the task ends undecided and nobody is slashed.
		let late = T::Time::now() >= result.commit_end;
		let (seed, _) = T::Randomness::random(&(b"pocw/draw", id).encode());
		let mut panel: Vec<Seat<T::AccountId>> = Vec::new();
		let seats = if late { 0 } else { task.quorum };
		let mut empty = task.quorum.saturating_sub(seats);
		for i in 0..seats {
			let random = <BlakeTwo256 as Hash>::hash(&(seed.as_ref(), i).encode()).0;
			let Some(v) = Self::draw_verifier(&random) else {
				empty = empty.saturating_add(1);
				continue;
			};
			if v == task.requester || task.worker.as_ref() == Some(&v) {
				empty = empty.saturating_add(1);
			} else if let Some(seat) = panel.iter_mut().find(|s| s.verifier == v) {
				seat.seats = seat.seats.saturating_add(1);
			} else {
				panel.push(Seat { verifier: v, seats: 1, commitment: None, vote: None });
			}
		}
		for seat in &panel {
			Verifiers::<T>::mutate_exists(&seat.verifier, |info| {
				if let Some(info) = info {
					info.pending = info.pending.saturating_add(1);
				}
			});
		}
		// At most `quorum ≤ MaxAttestations` distinct verifiers: the bound holds.
		task.panel = BoundedVec::truncate_from(panel);
		Self::deposit_event(Event::PanelDrawn {
			task: id,
			panel: task.panel.iter().map(|s| (s.verifier.clone(), s.seats)).collect(),
			empty,
		});
		let quorum = task.quorum;
		Tasks::<T>::insert(id, task);
		quorum
	}
}
