//! Issue 16, item 7: every call that leases generation declares the accrual walk of both sides,
//! measured: each benchmark sets up lenders and renters with full Power lease lists, and these
//! checks fail if a regenerated weight no longer covers that walk.

use fluxomics_runtime::Runtime;
use frame_support::{traits::Get, weights::Weight};
use pallet_power::WeightInfo as _;
use pallet_power_market::WeightInfo as _;

type PowerWeights = pallet_power::weights::SubstrateWeight<Runtime>;
type MarketWeights = pallet_power_market::weights::SubstrateWeight<Runtime>;

/// The walk over a full lease list that an accrual adds: what each side of a lease costs.
fn walk() -> Weight {
	let max: u32 = <Runtime as pallet_power::Config>::MaxLeases::get();
	PowerWeights::accrue(max).saturating_sub(PowerWeights::accrue(0))
}

fn covers(name: &str, declared: Weight, needed: Weight) {
	assert!(
		declared.ref_time() >= needed.ref_time(),
		"{name}: declares {} ps, the walk of both sides alone is {} ps",
		declared.ref_time(),
		needed.ref_time()
	);
}

#[test]
fn the_market_and_power_leases_are_market_sized() {
	// A lender's offers can never need more lease slots than the Power pallet gives it.
	let offers: u32 = <Runtime as pallet_power_market::Config>::MaxOffersPerLender::get();
	let leases: u32 = <Runtime as pallet_power_market::Config>::MaxLeasesPerOffer::get();
	let slots: u32 = <Runtime as pallet_power::Config>::MaxLeases::get();
	assert!(offers * leases <= slots, "{offers} offers × {leases} leases > {slots} slots");
}

#[test]
fn calls_that_lease_declare_both_sides_walk() {
	let both = walk().saturating_mul(2);
	assert!(walk().ref_time() > 0, "the walk was measured");
	covers("rent", MarketWeights::rent(), both);
	covers("expire_lease", MarketWeights::expire_lease(), both);
	covers("delegate", PowerWeights::delegate(), both);
	covers("undelegate", PowerWeights::undelegate(), both);
	// Per fill and per lease ended, not just once: the slopes cover it.
	let fills: u32 = <Runtime as pallet_power_market::Config>::MaxFills::get();
	let per_fill =
		MarketWeights::rent_best(fills).saturating_sub(MarketWeights::rent_best(1)).ref_time()
			/ u64::from(fills - 1);
	covers("rent_best per fill", Weight::from_parts(per_fill, 0), both);
	let ends: u32 = <Runtime as pallet_power_market::Config>::MaxExpiriesPerBlock::get();
	let per_end = MarketWeights::process_expiries(1, ends)
		.saturating_sub(MarketWeights::process_expiries(1, 0))
		.ref_time()
		/ u64::from(ends);
	covers("process_expiries per lease", Weight::from_parts(per_end, 0), both);
}

#[test]
fn sponsoring_declares_the_walk_of_the_sponsor_and_of_every_key() {
	// The sponsor accrues once per call, each key once: k + 1 walks for k keys.
	let batch: u32 = <Runtime as pallet_power::Config>::MaxSponsorBatch::get();
	for k in [1, batch] {
		let needed = walk().saturating_mul(u64::from(k) + 1);
		covers("sponsor", pallet_power::Pallet::<Runtime>::sponsor_weight(k), needed);
		covers("revoke", pallet_power::Pallet::<Runtime>::revoke_weight(k), needed);
	}
}
