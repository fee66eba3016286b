//! One bucketed expiry queue, for everything that ends at a chain time: the market's leases and
//! PoCW's task deadlines.
//!
//! Items are filed under the bucket of the time they end (`time / width`), a bounded list per
//! bucket. A hook drains the buckets that lie wholly in the past behind a stored cursor, within a
//! per-block budget of buckets scanned and items ended, so no hook ever walks a map and a block
//! that is behind catches up over several blocks. Items removed early (a lease ended by hand, a
//! task settled) are taken out of their bucket, or skipped by the drain's callback if the caller
//! prefers to leave them: the callback sees every id once.
//!
//! A pallet keeps the two storage items and names them in an [`ExpiryQueue`]; the functions are
//! written once here.

use crate::Moment;
use codec::FullCodec;
use core::marker::PhantomData;
use frame_support::{
	storage::{StorageMap, StorageValue},
	traits::Get,
	BoundedVec,
};

/// A bucket that cannot take one more item: the caller turns it into its own error.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct BucketFull;

/// The per-block budget of a drain.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct DrainLimits {
	/// The most buckets scanned.
	pub buckets: u32,
	/// The most items ended.
	pub items: u32,
}

/// What one drain did, for its weight.
#[derive(Clone, Copy, PartialEq, Eq, Default, Debug)]
pub struct Drained {
	/// Buckets scanned.
	pub buckets: u32,
	/// Items handed to the callback.
	pub items: u32,
}

/// The bucket of time `at` for buckets `width` ms wide (a zero width puts each ms in its own
/// bucket).
pub fn bucket_of(at: Moment, width: Moment) -> Moment {
	at.checked_div(width).unwrap_or(at)
}

/// A bucketed expiry queue over two storage items of a pallet: `Buckets`, the ids ending in each
/// bucket, and `Cursor`, the next bucket to drain.
pub struct ExpiryQueue<Buckets, Cursor, Id, MaxPerBucket, Width>(
	PhantomData<(Buckets, Cursor, Id, MaxPerBucket, Width)>,
);

impl<Buckets, Cursor, Id, MaxPerBucket, Width> ExpiryQueue<Buckets, Cursor, Id, MaxPerBucket, Width>
where
	Id: FullCodec + PartialEq + Clone,
	MaxPerBucket: Get<u32>,
	Width: Get<Moment>,
	Buckets: StorageMap<Moment, BoundedVec<Id, MaxPerBucket>, Query = BoundedVec<Id, MaxPerBucket>>,
	Cursor: StorageValue<Moment, Query = Option<Moment>>,
{
	/// The bucket that holds items ending at `at`.
	pub fn bucket(at: Moment) -> Moment {
		bucket_of(at, Width::get())
	}

	/// Files `id` to end at `at`; [`BucketFull`] when its bucket is full (nothing changes).
	pub fn schedule(at: Moment, id: Id) -> Result<(), BucketFull> {
		Buckets::try_mutate(Self::bucket(at), |ids| ids.try_push(id).map_err(|_| BucketFull))
	}

	/// Takes `id`, filed to end at `at`, out of its bucket (the bucket goes when empty).
	pub fn unschedule(at: Moment, id: &Id) {
		let bucket = Self::bucket(at);
		let mut ids = Buckets::get(bucket);
		ids.retain(|i| i != id);
		if ids.is_empty() {
			Buckets::remove(bucket);
		} else {
			Buckets::insert(bucket, ids);
		}
	}

	/// Refiles `id`, filed to end at `from`, to end at `to`: nothing to do within one bucket;
	/// [`BucketFull`] when `to`'s bucket is full (nothing changes).
	pub fn reschedule(from: Moment, to: Moment, id: Id) -> Result<(), BucketFull> {
		if Self::bucket(from) == Self::bucket(to) {
			return Ok(());
		}
		Self::schedule(to, id.clone())?;
		Self::unschedule(from, &id);
		Ok(())
	}

	/// Whether `id` is filed to end at `at` (for `try_state`).
	pub fn contains(at: Moment, id: &Id) -> bool {
		Buckets::get(Self::bucket(at)).contains(id)
	}

	/// Hands every id of the buckets before `now`'s to `on_expired`, oldest bucket first, within
	/// `limits`. `any_pending` says whether any item may be filed at all: with none, the cursor
	/// jumps to `now`'s bucket instead of scanning empty ones (at genesis, or after a long halt).
	pub fn drain(
		now: Moment,
		any_pending: bool,
		limits: DrainLimits,
		mut on_expired: impl FnMut(Id),
	) -> Drained {
		let current = Self::bucket(now);
		let mut cursor = match Cursor::get() {
			Some(cursor) if any_pending => cursor,
			_ => current,
		};
		let mut done = Drained::default();
		while cursor < current && done.buckets < limits.buckets && done.items < limits.items {
			done.buckets = done.buckets.saturating_add(1);
			let mut ids = Buckets::get(cursor);
			while done.items < limits.items {
				let Some(id) = ids.pop() else { break };
				on_expired(id);
				done.items = done.items.saturating_add(1);
			}
			if ids.is_empty() {
				Buckets::remove(cursor);
				cursor = cursor.saturating_add(1);
			} else {
				Buckets::insert(cursor, ids);
			}
		}
		Cursor::put(cursor);
		done
	}
}
