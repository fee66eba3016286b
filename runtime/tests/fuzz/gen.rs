//! The random calls: every pallet's calls, with arguments biased toward the bounds that matter
//! (0, 1, the account's balance and one past it, a parameter's limit and one past it, the
//! largest integers), and, most of the time, aimed at what exists (an offer, a lease, a task, a
//! referendum) by the account that may act on it.

use crate::chain::{Keys, ALICE};
use codec::Encode;
use fluxomics_primitives::{PerKind, TaskClass};
use fluxomics_runtime::{
	constants::{EXISTENTIAL_DEPOSIT, HETU, MILLI_HETU},
	governance::origins::Origin as GovOrigin,
	AccountId, Balances, OriginCaller, PowerMetering, Runtime, RuntimeCall,
};
use fluxomics_test_support::rng::SplitMix64;
use frame_support::traits::{schedule::DispatchTime, Bounded, Get};
use pallet_conviction_voting::{AccountVote, Conviction, Vote};
use sp_core::H256;
use sp_runtime::{
	traits::{BlakeTwo256, Hash},
	FixedU128, MultiAddress, Perbill,
};
use std::collections::BTreeMap;

const DAY: u64 = fluxomics_primitives::MILLIS_PER_DAY;

/// The seeded generator, with draws biased toward bounds.
pub struct Rng(SplitMix64);

impl Rng {
	pub fn new(seed: u64) -> Self {
		Self(SplitMix64(seed))
	}

	pub fn next_u64(&mut self) -> u64 {
		self.0.next_u64()
	}

	/// Uniform in `0..n` (0 when `n` is 0).
	pub fn below(&mut self, n: u64) -> u64 {
		self.0.below(n)
	}

	/// Uniform in `0..n`, as an index.
	pub fn index(&mut self, n: usize) -> usize {
		self.below(n as u64) as usize
	}

	/// True with probability `per_mille`/1000.
	pub fn chance(&mut self, per_mille: u64) -> bool {
		self.below(1_000) < per_mille
	}

	pub fn pick<T: Clone>(&mut self, from: &[T]) -> T {
		from[self.index(from.len())].clone()
	}

	pub fn bool(&mut self) -> bool {
		self.next_u64() & 1 == 1
	}

	pub fn h256(&mut self) -> H256 {
		let mut raw = [0u8; 32];
		for chunk in raw.chunks_mut(8) {
			chunk.copy_from_slice(&self.next_u64().to_le_bytes());
		}
		H256(raw)
	}

	pub fn bytes(&mut self, len: usize) -> Vec<u8> {
		(0..len).map(|_| self.next_u64() as u8).collect()
	}

	/// An amount near one of `refs` (itself, one less, one more, half, double, anything up to
	/// it) most of the time, else 0, 1, the largest integers, or something small.
	pub fn amount(&mut self, refs: &[u128]) -> u128 {
		match self.below(24) {
			0 => 0,
			1 => 1,
			2 => u128::MAX,
			3 => u128::from(u64::MAX),
			4 => u128::from(self.below(1_000)),
			5 => u128::from(self.next_u64()) % (1_000 * HETU),
			_ if refs.is_empty() => u128::from(self.next_u64()),
			_ => {
				let r = self.pick(refs);
				match self.below(8) {
					0 => r.saturating_sub(1),
					1 => r.saturating_add(1),
					2 => r / 2,
					3 => r.saturating_mul(2),
					4 | 5 => (u128::from(self.next_u64()) << 64 | u128::from(self.next_u64()))
						.checked_rem(r.saturating_add(1))
						.unwrap_or(0),
					_ => r,
				}
			},
		}
	}

	/// A duration or a time near one of `refs`, or 0, 1, `u64::MAX`.
	pub fn moment(&mut self, refs: &[u64]) -> u64 {
		match self.below(16) {
			0 => 0,
			1 => 1,
			2 => u64::MAX,
			3 => self.below(100_000),
			_ if refs.is_empty() => self.next_u64(),
			_ => {
				let r = self.pick(refs);
				match self.below(6) {
					0 => r.saturating_sub(1),
					1 => r.saturating_add(1),
					2 => self.below(r.saturating_add(1)),
					_ => r,
				}
			},
		}
	}

	pub fn u32_near(&mut self, refs: &[u32]) -> u32 {
		u32::try_from(self.moment(&refs.iter().map(|r| u64::from(*r)).collect::<Vec<_>>()))
			.unwrap_or(u32::MAX)
	}

	/// Uniform in `lo..=hi` (`lo` when `hi < lo`).
	pub fn within(&mut self, lo: u128, hi: u128) -> u128 {
		if hi <= lo {
			return lo;
		}
		let r = u128::from(self.next_u64()) << 64 | u128::from(self.next_u64());
		lo + r % (hi - lo).saturating_add(1).max(1)
	}

	/// Uniform in `lo..=hi`, for times.
	pub fn within_u64(&mut self, lo: u64, hi: u64) -> u64 {
		u64::try_from(self.within(u128::from(lo), u128::from(hi))).unwrap_or(hi)
	}

	pub fn perbill(&mut self) -> Perbill {
		match self.below(6) {
			0 => Perbill::zero(),
			1 => Perbill::one(),
			2 => Perbill::from_parts(1),
			3 => Perbill::from_parts(999_999_999),
			_ => Perbill::from_parts(self.below(1_000_000_001) as u32),
		}
	}

	pub fn fixed(&mut self, refs: &[FixedU128]) -> FixedU128 {
		match self.below(8) {
			0 => FixedU128::from_inner(0),
			1 => FixedU128::from_inner(1),
			2 => FixedU128::from_inner(u128::MAX),
			3 => FixedU128::from_inner(u128::from(self.next_u64())),
			_ => {
				let r = self.pick(refs);
				match self.below(4) {
					0 => FixedU128::from_inner(r.into_inner().saturating_sub(1)),
					1 => FixedU128::from_inner(r.into_inner().saturating_add(1)),
					_ => r,
				}
			},
		}
	}
}

/// What the fuzzer remembers between calls: the verdicts it committed (to reveal them) and the
/// preimages it noted.
#[derive(Default)]
pub struct Memory {
	pub verdicts: BTreeMap<(u64, AccountId), (bool, u64, H256)>,
	pub preimages: Vec<(H256, u32)>,
}

/// One extrinsic to send: who signs it, the call, and a label for the coverage table.
pub struct Planned {
	pub label: String,
	pub signer: usize,
	pub call: RuntimeCall,
}

fn label_of(call: &RuntimeCall) -> String {
	use frame_support::traits::GetCallMetadata;
	let m = call.get_call_metadata();
	format!("{}.{}", m.pallet_name, m.function_name)
}

fn planned(signer: usize, call: RuntimeCall) -> Planned {
	Planned { label: label_of(&call), signer, call }
}

/// Any account: mostly a pool member, sometimes the protocol's own, sometimes one that does not
/// exist.
fn any_account(g: &mut Rng, keys: &Keys) -> AccountId {
	match g.below(20) {
		0 => pallet_flux::Pallet::<Runtime>::reserve_account(),
		1 => pallet_flux::Pallet::<Runtime>::sink_account(),
		2 => AccountId::new(g.h256().0),
		_ => keys.id(g.index(keys.len())),
	}
}

fn other_than(g: &mut Rng, keys: &Keys, who: usize) -> usize {
	(who + 1 + g.index(keys.len() - 1)) % keys.len()
}

fn free_hetu(who: &AccountId) -> u128 {
	Balances::free_balance(who)
}

fn flux_of(who: &AccountId) -> pallet_flux::FluxAccount<ConstChunks> {
	pallet_flux::Pallet::<Runtime>::account(who)
}

type ConstChunks = <Runtime as pallet_flux::Config>::MaxUnbondingChunks;

fn now() -> u64 {
	pallet_timestamp::Now::<Runtime>::get()
}

/// Whether `who` can pay for something: it has a system account and HETU to convert, free
/// Flux, or Power.
fn lively(who: &AccountId) -> bool {
	use fluxomics_primitives::PowerLedger;
	let system = frame_system::Account::<Runtime>::get(who);
	(system.providers > 0 || system.sufficients > 0)
		&& (system.data.free > 1_000 * HETU
			|| flux_of(who).free > 10 * HETU
			|| <fluxomics_runtime::Power as PowerLedger<AccountId>>::available(who).total()
				> 1_000_000)
}

/// The next call: a pallet at random (by weight), then one of its calls. The signer is anyone
/// at all a third of the time, else someone who can pay. Arguments are *sane* (within what the
/// chain accepts, as far as the fuzzer knows) half the time, else biased toward the bounds.
pub fn next_call(g: &mut Rng, keys: &Keys, mem: &mut Memory) -> Planned {
	let mut signer = g.index(keys.len());
	if g.chance(670) {
		let payers: Vec<usize> = (0..keys.len()).filter(|i| lively(&keys.ids[*i])).collect();
		if !payers.is_empty() {
			signer = g.pick(&payers);
		}
	}
	let sane = g.bool();
	match g.below(100) {
		0..=1 => system(g, signer),
		2..=8 => balances(g, keys, signer, sane),
		9..=23 => flux(g, signer, keys, sane),
		24..=31 => power(g, keys, signer, sane),
		32..=40 => metering(g, keys, signer),
		41..=57 => market(g, keys, signer, sane),
		58..=81 => pocw(g, keys, signer, mem, sane),
		82..=93 => governance(g, keys, signer, mem, sane),
		_ => sudo(g, keys, mem),
	}
}

fn system(g: &mut Rng, signer: usize) -> Planned {
	let len = if g.chance(20) {
		// Near the length a block gives normal extrinsics (3.75 MiB), rarely.
		g.pick(&[1 << 20, 3_932_160 - 200, 3_932_160 + 1])
	} else {
		g.pick(&[0usize, 1, 32, 255, 256, 257, 1_024, 4_096, 16_384])
	};
	let remark = vec![0x2a; len];
	let call = match g.below(20) {
		0 => RuntimeCall::Timestamp(pallet_timestamp::Call::set { now: now() + 1 }),
		1..=10 => RuntimeCall::System(frame_system::Call::remark { remark }),
		_ => RuntimeCall::System(frame_system::Call::remark_with_event { remark }),
	};
	planned(signer, call)
}

fn balances(g: &mut Rng, keys: &Keys, signer: usize, sane: bool) -> Planned {
	let who = keys.id(signer);
	let free = free_hetu(&who);
	let value = if sane {
		g.within(EXISTENTIAL_DEPOSIT, free / 20)
	} else {
		g.amount(&[
			free,
			free.saturating_sub(EXISTENTIAL_DEPOSIT),
			EXISTENTIAL_DEPOSIT,
			1_000 * HETU,
			MILLI_HETU,
		])
	};
	let dest = MultiAddress::Id(any_account(g, keys));
	let keep_alive = g.bool();
	let call = match g.below(16) {
		0..=6 => pallet_balances::Call::transfer_allow_death { dest, value },
		7..=13 => pallet_balances::Call::transfer_keep_alive { dest, value },
		14 => pallet_balances::Call::transfer_all { dest, keep_alive },
		_ => pallet_balances::Call::burn { value, keep_alive },
	};
	planned(signer, RuntimeCall::Balances(call))
}

fn flux(g: &mut Rng, signer: usize, keys: &Keys, sane: bool) -> Planned {
	use pallet_flux::Call;
	let who = keys.id(signer);
	let a = flux_of(&who);
	let p = pallet_flux::Params::<Runtime>::get();
	let hetu = free_hetu(&who);
	let call = match g.below(12) {
		0..=2 if sane => Call::convert { hetu: g.within(p.min_convert * 2, hetu / 4) },
		0..=2 => Call::convert {
			hetu: g.amount(&[
				hetu,
				hetu.saturating_sub(EXISTENTIAL_DEPOSIT),
				p.min_convert,
				100 * HETU,
			]),
		},
		3..=5 if sane => Call::stake { amount: g.within(p.min_stake, a.free) },
		3..=5 => Call::stake { amount: g.amount(&[a.free, p.min_stake, a.free / 2]) },
		6..=7 if sane => Call::unstake { amount: g.within(1, a.staked / 4) },
		6..=7 => Call::unstake {
			amount: g.amount(&[
				a.staked,
				a.staked.saturating_sub(p.min_stake),
				a.staked.saturating_sub(p.min_stake).saturating_add(1),
				p.min_stake,
			]),
		},
		8 if sane => Call::rebond { amount: g.within(1, a.unbonding_total()) },
		8 => Call::rebond {
			amount: g.amount(&[
				a.unbonding_total(),
				a.unbonding.last().map_or(0, |c| c.amount),
				p.min_stake,
			]),
		},
		_ => Call::withdraw_unbonded {},
	};
	planned(signer, RuntimeCall::Flux(call))
}

/// `sponsor` of up to three accounts (the newcomers, who hold nothing, among them), or `revoke`
/// of keys `who` sponsors (and now and then of one it does not).
fn sponsorship(
	g: &mut Rng,
	keys: &Keys,
	who: &AccountId,
	sane: bool,
) -> pallet_power::Call<Runtime> {
	use frame_support::BoundedVec;
	let sponsored: Vec<AccountId> =
		pallet_power::Sponsorships::<Runtime>::iter_key_prefix(who).collect();
	let count = g.within(if sane { 1 } else { 0 }, 3) as usize;
	if !sponsored.is_empty() && g.bool() {
		let list = (0..count)
			.map(|_| if g.chance(850) { g.pick(&sponsored) } else { any_account(g, keys) })
			.collect();
		return pallet_power::Call::revoke { keys: BoundedVec::truncate_from(list) };
	}
	let list = (0..count).map(|_| any_account(g, keys)).collect();
	let uncommitted = pallet_power_market::Pallet::<Runtime>::uncommitted(who);
	let min = <Runtime as pallet_power::Config>::MinDelegation::get();
	let amount = if sane {
		g.within(min, (uncommitted / 4).max(min))
	} else {
		g.amount(&[min, min.saturating_sub(1), uncommitted, uncommitted / 2])
	};
	pallet_power::Call::sponsor { keys: BoundedVec::truncate_from(list), amount }
}

fn power(g: &mut Rng, keys: &Keys, signer: usize, sane: bool) -> Planned {
	use pallet_power::Call;
	let who = keys.id(signer);
	let a = flux_of(&who);
	let delegations = pallet_power::Delegations::<Runtime>::get(&who);
	let call = if g.chance(200) {
		sponsorship(g, keys, &who, sane)
	} else if g.below(3) < 2 || delegations.is_empty() {
		let to = if !sane && g.chance(100) { who.clone() } else { any_account(g, keys) };
		let uncommitted = pallet_power_market::Pallet::<Runtime>::uncommitted(&who);
		let min = <Runtime as pallet_power::Config>::MinDelegation::get();
		let (amount, lock) = if sane {
			(g.within(min, (uncommitted / 2).max(min)), g.within_u64(0, 600_000))
		} else {
			(
				g.amount(&[a.staked, uncommitted, uncommitted.saturating_add(1), a.staked / 4]),
				g.moment(&[0, 60_000, DAY, 365 * DAY, 365 * DAY + 1]),
			)
		};
		Call::delegate { to, amount, lock }
	} else {
		let to = if g.chance(850) { g.pick(&delegations).to } else { keys.id(g.index(keys.len())) };
		Call::undelegate { to }
	};
	planned(signer, RuntimeCall::Power(call))
}

fn metering(g: &mut Rng, keys: &Keys, signer: usize) -> Planned {
	let len = match g.below(10) {
		0 => 0,
		1 => 4_096,
		2 => 4_097,
		3 => 4_095,
		_ => g.index(512),
	};
	let to = if g.chance(50) { keys.id(signer) } else { any_account(g, keys) };
	let call = pallet_power_metering::Call::send_message {
		to,
		payload: g.bytes(len),
		is_intent: g.bool(),
	};
	planned(signer, RuntimeCall::PowerMetering(call))
}

fn market(g: &mut Rng, keys: &Keys, signer: usize, sane: bool) -> Planned {
	use pallet_power_market::{Call, Offers};
	let p = pallet_power_market::Params::<Runtime>::get();
	let ceiling = pallet_power_market::Pallet::<Runtime>::price_ceiling();
	let offers: Vec<_> = Offers::<Runtime>::iter().collect();
	let next_offer = pallet_power_market::NextOfferId::<Runtime>::get();
	let durations = [p.min_duration, p.max_duration, 3_600_000, DAY];
	let prices = [ceiling, ceiling.saturating_add(1), 1, ceiling / 2, ceiling / 10];
	let terms = |g: &mut Rng| {
		if sane {
			let lo = g.within_u64(p.min_duration, p.max_duration);
			(g.within(1, ceiling), lo, g.within_u64(lo, p.max_duration))
		} else {
			(g.amount(&prices), g.moment(&durations), g.moment(&durations))
		}
	};
	let pick_offer = |g: &mut Rng| -> (u32, Option<pallet_power_market::Offer<AccountId>>) {
		if !offers.is_empty() && g.chance(850) {
			let (id, o) = g.pick(&offers);
			(id, Some(o))
		} else {
			(g.u32_near(&[next_offer, 0]), None)
		}
	};
	let lender_of = |g: &mut Rng, o: &Option<pallet_power_market::Offer<AccountId>>| match o {
		Some(o) if g.chance(850) => keys.ids.iter().position(|a| *a == o.lender),
		_ => None,
	};
	let (signer, call) = match g.below(12) {
		0..=2 => {
			let who = keys.id(signer);
			let uncommitted = pallet_power_market::Pallet::<Runtime>::uncommitted(&who);
			let staked = flux_of(&who).staked;
			let amount = if sane {
				g.within(p.min_amount, uncommitted / 2)
			} else {
				g.amount(&[uncommitted, staked, p.min_amount, uncommitted / 4])
			};
			let (price, min_duration, max_duration) = terms(g);
			(signer, Call::list { amount, price, min_duration, max_duration })
		},
		3 => {
			let (offer, o) = pick_offer(g);
			let lender = lender_of(g, &o);
			let available = o.as_ref().map_or(0, |o| o.available);
			let available = if sane {
				g.within(p.min_amount, available.saturating_mul(2))
			} else {
				g.amount(&[available, p.min_amount, available * 2])
			};
			let (price, min_duration, max_duration) = terms(g);
			let call = Call::update_offer { offer, available, price, min_duration, max_duration };
			(lender.unwrap_or(signer), call)
		},
		4 => {
			let (offer, o) = pick_offer(g);
			(lender_of(g, &o).unwrap_or(signer), Call::cancel_offer { offer })
		},
		5..=7 => {
			let (offer, o) = pick_offer(g);
			let (available, lo, hi) =
				o.as_ref().map_or((0, 0, 0), |o| (o.available, o.min_duration, o.max_duration));
			let mut s = signer;
			if let Some(o) = &o {
				if keys.ids[s] == o.lender && g.chance(900) {
					s = other_than(g, keys, s);
				}
			}
			let (amount, duration) = if sane {
				(g.pick(&[available, available / 2, available * 3 / 4]), g.within_u64(lo, hi))
			} else {
				(
					g.amount(&[available, available / 4, p.min_amount]),
					g.moment(&[lo, hi, (lo + hi) / 2]),
				)
			};
			let max_total = if sane || g.chance(500) { u128::MAX } else { g.amount(&[HETU]) };
			(s, Call::rent { offer, amount, duration, max_total })
		},
		8..=9 => {
			let book: u128 = offers.iter().map(|(_, o)| o.available).sum();
			let (amount, duration, max_price) = if sane {
				(
					g.within(p.min_amount, book / 2),
					g.within_u64(p.min_duration, p.max_duration),
					u128::MAX,
				)
			} else {
				(
					g.amount(&[p.min_amount, book, 10 * HETU]),
					g.moment(&durations),
					if g.chance(500) { u128::MAX } else { g.amount(&prices) },
				)
			};
			(signer, Call::rent_best { amount, duration, max_price })
		},
		_ => {
			let leases: Vec<(u32, u64)> =
				pallet_power_market::Leases::<Runtime>::iter().map(|(id, l)| (id, l.end)).collect();
			let ended: Vec<u32> =
				leases.iter().filter(|(_, end)| *end <= now()).map(|(id, _)| *id).collect();
			let lease = if !ended.is_empty() && g.chance(700) {
				g.pick(&ended)
			} else if !leases.is_empty() && g.chance(700) {
				g.pick(&leases).0
			} else {
				g.u32_near(&[pallet_power_market::NextLeaseId::<Runtime>::get(), 0])
			};
			(signer, Call::expire_lease { lease })
		},
	};
	planned(signer, RuntimeCall::PowerMarket(call))
}

fn pocw(g: &mut Rng, keys: &Keys, signer: usize, mem: &mut Memory, sane: bool) -> Planned {
	use pallet_pocw::{Call, Tasks, Usage};
	let p = pallet_pocw::Params::<Runtime>::get();
	let tasks: Vec<_> = Tasks::<Runtime>::iter().collect();
	let next_task = pallet_pocw::NextTaskId::<Runtime>::get();
	let max_att: u32 = <Runtime as pallet_pocw::Config>::MaxAttestations::get();
	let position = |who: &AccountId| keys.ids.iter().position(|a| a == who);
	let pick_task = |g: &mut Rng, want: &dyn Fn(&pallet_pocw::TaskOf<Runtime>) -> bool| {
		let fitting: Vec<_> = tasks.iter().filter(|(_, t)| want(t)).cloned().collect();
		if !fitting.is_empty() && g.chance(900) {
			let (id, t) = g.pick(&fitting);
			(id, Some(t))
		} else if !tasks.is_empty() && g.chance(500) {
			let (id, t) = g.pick(&tasks);
			(id, Some(t))
		} else {
			(u64::from(g.u32_near(&[next_task as u32, 0])), None)
		}
	};
	let now = now();
	let who = keys.id(signer);
	let free = flux_of(&who).free;
	let (signer, call) = match g.below(20) {
		0..=1 => {
			let bond = if sane {
				g.within(p.min_verifier_bond, free)
			} else {
				g.amount(&[p.min_verifier_bond, free])
			};
			(signer, Call::register_verifier { bond })
		},
		2 => (signer, Call::leave_verifier {}),
		3..=5 => {
			let verifiers = pallet_pocw::VerifierCount::<Runtime>::get();
			let most = max_att.min(verifiers).max(p.min_quorum);
			let call = if sane {
				Call::post_task {
					spec_hash: g.h256(),
					budget: g.within(p.min_budget, free.min(p.min_budget * 20)),
					class: g.pick(&[TaskClass::Light, TaskClass::Standard, TaskClass::Heavy]),
					quorum: g.within(u128::from(p.min_quorum), u128::from(most)) as u32,
					deadline: now + g.within_u64(60_000, p.max_deadline),
				}
			} else {
				Call::post_task {
					spec_hash: g.h256(),
					budget: g.amount(&[p.min_budget, free, p.min_budget * 10]),
					class: g.pick(&[TaskClass::Light, TaskClass::Standard, TaskClass::Heavy]),
					quorum: g.u32_near(&[p.min_quorum, max_att, verifiers]),
					deadline: now.saturating_add(g.moment(&[
						p.max_deadline,
						p.commit_period + p.reveal_period,
						60_000,
					])),
				}
			};
			(signer, call)
		},
		6..=7 => {
			let (task, t) = pick_task(g, &|t| t.worker.is_none() && t.deadline > now);
			let least = t.as_ref().map_or(p.min_collateral, |t| {
				p.min_collateral.max(p.collateral_ratio.mul_ceil(t.budget))
			});
			let mut s = signer;
			if let Some(t) = &t {
				if keys.ids[s] == t.requester && g.chance(900) {
					s = other_than(g, keys, s);
				}
			}
			let free = flux_of(&keys.id(s)).free;
			let collateral =
				if sane { g.within(least, free.max(least)) } else { g.amount(&[least, free]) };
			(s, Call::claim_task { task, collateral })
		},
		8..=9 => {
			let (task, t) = pick_task(g, &|t| t.worker.is_some() && t.result.is_none());
			let s = match t.and_then(|t| t.worker) {
				Some(w) if g.chance(900) => position(&w).unwrap_or(signer),
				_ => signer,
			};
			let units = |g: &mut Rng| {
				if sane {
					g.below(200)
				} else {
					g.moment(&[0, 1, 10, 1_000, u64::MAX / 2])
				}
			};
			let usage = Usage { steps: units(g), model_calls: units(g), onchain_txs: units(g) };
			(s, Call::submit_result { task, result_hash: g.h256(), usage })
		},
		10..=12 => {
			let (task, t) = pick_task(g, &|t| {
				t.result.as_ref().is_some_and(|r| r.drawn && now < r.commit_end)
					&& t.panel.iter().any(|s| s.commitment.is_none())
			});
			let s = match &t {
				Some(t) if !t.panel.is_empty() && g.chance(900) => {
					let seat = g.pick(&t.panel);
					position(&seat.verifier).unwrap_or(signer)
				},
				_ => signer,
			};
			let v = keys.id(s);
			let honest = t.as_ref().and_then(|t| t.result.as_ref()).map_or(0, |r| {
				r.usage
					.steps
					.saturating_add(r.usage.model_calls)
					.saturating_add(r.usage.onchain_txs)
			});
			let verdict = (
				g.chance(800),
				if sane {
					honest.min(p.work_cap)
				} else {
					g.moment(&[0, 1, p.work_cap, p.work_cap + 1])
				},
				g.h256(),
			);
			let commitment = if sane || g.chance(900) {
				pallet_pocw::Pallet::<Runtime>::commitment(
					task, &v, verdict.0, verdict.1, verdict.2,
				)
			} else {
				g.h256()
			};
			mem.verdicts.insert((task, v), verdict);
			(s, Call::commit_verdict { task, commitment })
		},
		13..=15 => {
			let (task, t) = pick_task(g, &|t| {
				t.reveal_open(now)
					&& t.panel.iter().any(|s| s.commitment.is_some() && s.vote.is_none())
			});
			let s = match &t {
				Some(t) if !t.panel.is_empty() && g.chance(900) => {
					let committed: Vec<_> = t
						.panel
						.iter()
						.filter(|s| s.commitment.is_some() && s.vote.is_none())
						.collect();
					let seat = if committed.is_empty() {
						g.pick(&t.panel)
					} else {
						g.pick(&committed).clone()
					};
					position(&seat.verifier).unwrap_or(signer)
				},
				_ => signer,
			};
			let v = keys.id(s);
			let (valid, work_units, salt) = match mem.verdicts.get(&(task, v)) {
				Some(verdict) if sane || g.chance(900) => *verdict,
				_ => (g.bool(), g.moment(&[0, p.work_cap]), g.h256()),
			};
			(s, Call::reveal_verdict { task, valid, work_units, salt })
		},
		_ => {
			let (task, _) = pick_task(g, &|t| t.expiry <= now);
			(signer, Call::expire_task { task })
		},
	};
	planned(signer, RuntimeCall::Pocw(call))
}

/// A parameter-setting call of some pallet, its current parameters changed in a field or two.
pub fn set_params(g: &mut Rng) -> RuntimeCall {
	match g.below(6) {
		0 => {
			let mut p = pallet_flux::Params::<Runtime>::get();
			for _ in 0..=g.below(2) {
				match g.below(4) {
					0 => {
						p.hetu_per_flux = g.fixed(&[
							pallet_flux::MIN_HETU_PER_FLUX,
							pallet_flux::MAX_HETU_PER_FLUX,
							FixedU128::from_u32(1),
							FixedU128::from_rational(3, 2),
						])
					},
					1 => {
						p.unbonding_period = g.moment(&[10_000, 28 * DAY, 365 * DAY, 365 * DAY + 1])
					},
					2 => p.min_stake = g.amount(&[HETU, 1_000 * HETU]),
					_ => p.min_convert = g.amount(&[HETU, 1_000 * HETU]),
				}
			}
			RuntimeCall::Flux(pallet_flux::Call::set_params { params: p })
		},
		1 => {
			let mut p = pallet_power::Params::<Runtime>::get();
			match g.below(3) {
				0 => {
					let a = g.fixed(&[FixedU128::from_u32(1_000), FixedU128::from_u32(86_400)]);
					p.alpha = PerKind::new(a, p.alpha.exec);
				},
				1 => {
					let a = g.fixed(&[FixedU128::from_u32(1_000), FixedU128::from_u32(86_400)]);
					p.alpha = PerKind::new(p.alpha.msg, a);
				},
				_ => p.cap_period = g.moment(&[60_000, 7 * DAY, 365 * DAY, 365 * DAY + 1]),
			}
			RuntimeCall::Power(pallet_power::Call::set_params { params: p })
		},
		2 => {
			let mut p = PowerMetering::params();
			match g.below(8) {
				0 => p.rate.target = g.amount(&[1_000, 1_000_000]),
				1 => p.rate.min_rate = g.fixed(&[FixedU128::from_u32(10), p.rate.max_rate]),
				2 => p.rate.max_rate = g.fixed(&[FixedU128::from_u32(100_000), p.rate.min_rate]),
				3 => p.rate.max_change = g.perbill(),
				4 => p.schedule.p0 = g.amount(&[p.schedule.p0]),
				5 => p.schedule.p_size = g.amount(&[p.schedule.p_size]),
				6 => p.schedule.e0 = g.amount(&[p.schedule.e0]),
				_ => p.schedule.step_weight = g.moment(&[p.schedule.step_weight, 1_000]),
			}
			RuntimeCall::PowerMetering(pallet_power_metering::Call::set_params { params: p })
		},
		3 => {
			let mut p = pallet_power_market::Params::<Runtime>::get();
			match g.below(5) {
				0 => p.fee_share = g.perbill(),
				1 => p.min_amount = g.amount(&[HETU]),
				2 => p.min_duration = g.moment(&[1_000, 3_600_000, p.max_duration]),
				3 => p.max_duration = g.moment(&[3_600_000, 90 * DAY, 365 * DAY, 365 * DAY + 1]),
				_ => p.index_decay = g.perbill(),
			}
			RuntimeCall::PowerMarket(pallet_power_market::Call::set_params { params: p })
		},
		4 => {
			let mut p = pallet_pocw::Params::<Runtime>::get();
			let max_period = pallet_pocw::MAX_PERIOD;
			match g.below(12) {
				0 => p.min_quorum = g.u32_near(&[1, 3, 9, 10]),
				1 => p.commit_period = g.moment(&[30_000, 3_600_000, max_period]),
				2 => p.reveal_period = g.moment(&[30_000, 3_600_000, max_period]),
				3 => p.max_deadline = g.moment(&[3_600_000, max_period]),
				4 => p.period = g.moment(&[60_000, DAY, max_period]),
				5 => p.k = g.amount(&[100 * HETU, pallet_pocw::MAX_REWARD]),
				6 => p.reward_budget = g.amount(&[10_000 * HETU, pallet_pocw::MAX_REWARD_BUDGET]),
				7 => p.min_budget = g.amount(&[10 * HETU]),
				8 => p.min_verifier_bond = g.amount(&[100 * HETU]),
				9 => p.work_cap = g.moment(&[1_000, 1]),
				10 => p.wrong_vote_slash = g.perbill(),
				_ => p.usage_tolerance = g.perbill(),
			}
			RuntimeCall::Pocw(pallet_pocw::Call::set_params { params: p })
		},
		_ => {
			let mut p = pallet_flox::Params::<Runtime>::get();
			match g.below(6) {
				0 => {
					p.epoch_length = g.moment(&[
						pallet_flox::MIN_EPOCH_LENGTH,
						20_000,
						DAY,
						pallet_flox::MAX_EPOCH_LENGTH,
					])
				},
				1 => p.tolerance = g.moment(&[0, 1, 1 << 20]),
				2 => p.max_iterations = g.u32_near(&[1, 100, pallet_flox::MAX_ITERATIONS]),
				3 => p.boost_cap = g.fixed(&[FixedU128::from_u32(1), pallet_flox::MAX_BOOST_CAP]),
				4 => p.max_step_weight = g.perbill(),
				_ => p.boost_stake_unit = g.amount(&[HETU, 1_000 * HETU]),
			}
			RuntimeCall::Flox(pallet_flox::Call::set_params { params: p })
		},
	}
}

/// What root (sudo) does: change parameters, set a tier, end a referendum.
fn root_call(g: &mut Rng, keys: &Keys) -> RuntimeCall {
	let referenda = pallet_referenda::ReferendumCount::<Runtime>::get();
	match g.below(10) {
		0..=6 => set_params(g),
		7 => RuntimeCall::Flox(pallet_flox::Call::set_tier {
			who: any_account(g, keys),
			weight: g.fixed(&[FixedU128::from_u32(1), pallet_flox::max_tier()]),
		}),
		8 => RuntimeCall::Referenda(pallet_referenda::Call::kill {
			index: g.u32_near(&[referenda.saturating_sub(1), referenda]),
		}),
		_ => RuntimeCall::Referenda(pallet_referenda::Call::cancel {
			index: g.u32_near(&[referenda.saturating_sub(1), referenda]),
		}),
	}
}

fn sudo(g: &mut Rng, keys: &Keys, mem: &mut Memory) -> Planned {
	let signer = if g.chance(900) { ALICE } else { g.index(keys.len()) };
	match g.below(10) {
		0 => {
			// A signed call as someone else.
			let inner = next_call(g, keys, mem);
			let label = "Sudo.sudo_as(a signed call)".to_string();
			let call = RuntimeCall::Sudo(pallet_sudo::Call::sudo_as {
				who: MultiAddress::Id(keys.id(inner.signer)),
				call: Box::new(inner.call),
			});
			Planned { label, signer, call }
		},
		1 => {
			// A root call signed directly: refused for its origin.
			let call = root_call(g, keys);
			Planned { label: label_of(&call), signer, call }
		},
		_ => {
			let inner = root_call(g, keys);
			let label = format!("Sudo.sudo({})", label_of(&inner));
			let call = RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(inner) });
			Planned { label, signer, call }
		},
	}
}

fn conviction(g: &mut Rng) -> Conviction {
	g.pick(&[
		Conviction::None,
		Conviction::Locked1x,
		Conviction::Locked2x,
		Conviction::Locked3x,
		Conviction::Locked4x,
		Conviction::Locked5x,
		Conviction::Locked6x,
	])
}

fn governance(g: &mut Rng, keys: &Keys, signer: usize, mem: &mut Memory, sane: bool) -> Planned {
	let who = keys.id(signer);
	let free = free_hetu(&who);
	let count = pallet_referenda::ReferendumCount::<Runtime>::get();
	let index = g.u32_near(&[count.saturating_sub(1), count.saturating_sub(2), count]);
	let class: u16 = g.pick(&[0, 1, 1, 2]);
	let call = match g.below(16) {
		0..=1 => {
			let bytes = if g.bool() {
				set_params(g).encode()
			} else {
				let len = g.index(300);
				g.bytes(len)
			};
			let hash = BlakeTwo256::hash(&bytes);
			mem.preimages.push((hash, bytes.len() as u32));
			RuntimeCall::Preimage(pallet_preimage::Call::note_preimage { bytes })
		},
		2 => {
			let hash = if !mem.preimages.is_empty() && g.chance(800) {
				g.pick(&mem.preimages).0
			} else {
				g.h256()
			};
			RuntimeCall::Preimage(pallet_preimage::Call::unnote_preimage { hash })
		},
		3..=5 => {
			let origin = if g.chance(800) {
				OriginCaller::Origins(GovOrigin::ParameterChange)
			} else {
				OriginCaller::system(frame_system::RawOrigin::Root)
			};
			let proposal = set_params(g).encode();
			let proposal = match proposal.clone().try_into() {
				Ok(inline) if g.chance(800) => Bounded::Inline(inline),
				_ if !mem.preimages.is_empty() && g.bool() => {
					let (hash, len) = g.pick(&mem.preimages);
					Bounded::Lookup { hash, len }
				},
				_ => Bounded::Lookup {
					hash: BlakeTwo256::hash(&proposal),
					len: proposal.len() as u32,
				},
			};
			let enactment_moment = if g.bool() {
				DispatchTime::After(g.below(4) as u32)
			} else {
				DispatchTime::At(g.u32_near(&[frame_system::Pallet::<Runtime>::block_number()]))
			};
			RuntimeCall::Referenda(pallet_referenda::Call::submit {
				proposal_origin: Box::new(origin),
				proposal,
				enactment_moment,
			})
		},
		6..=7 => RuntimeCall::Referenda(pallet_referenda::Call::place_decision_deposit { index }),
		8 => RuntimeCall::Referenda(pallet_referenda::Call::refund_decision_deposit { index }),
		9 => RuntimeCall::Referenda(pallet_referenda::Call::refund_submission_deposit { index }),
		10..=12 => {
			let vote = if g.chance(850) {
				AccountVote::Standard {
					vote: Vote { aye: g.chance(700), conviction: conviction(g) },
					balance: if sane {
						g.within(HETU, free / 10)
					} else {
						g.amount(&[free, free / 2, free / 10])
					},
				}
			} else {
				AccountVote::Split { aye: g.amount(&[free / 2]), nay: g.amount(&[free / 2]) }
			};
			RuntimeCall::ConvictionVoting(pallet_conviction_voting::Call::vote {
				poll_index: index,
				vote,
			})
		},
		13 => RuntimeCall::ConvictionVoting(pallet_conviction_voting::Call::remove_vote {
			class: if g.bool() { Some(class) } else { None },
			index,
		}),
		14 => RuntimeCall::ConvictionVoting(pallet_conviction_voting::Call::unlock {
			class,
			target: MultiAddress::Id(keys.id(g.index(keys.len()))),
		}),
		_ => {
			if g.bool() {
				RuntimeCall::ConvictionVoting(pallet_conviction_voting::Call::delegate {
					class,
					to: MultiAddress::Id(keys.id(other_than(g, keys, signer))),
					conviction: conviction(g),
					balance: if sane {
						g.within(HETU, free / 10)
					} else {
						g.amount(&[free / 2, free])
					},
				})
			} else {
				RuntimeCall::ConvictionVoting(pallet_conviction_voting::Call::undelegate { class })
			}
		},
	};
	planned(signer, call)
}
