//! One block per Aura slot on a real network (issue 16, item 5): blocks are executed through
//! `Executive::execute_block`, the runtime's side of a block import, in the native runtime on the
//! `local` preset's genesis.
//!
//! A block in the same slot as its parent is refused ("Slot must increase") unless the chain's
//! genesis sets `MultipleBlocksPerSlot`, which only the `--dev` chain spec does
//! (`node/src/chain_spec.rs`). The refused block is otherwise valid: the same block executes where
//! several blocks per slot are allowed.

#![allow(clippy::arithmetic_side_effects, clippy::unwrap_used, clippy::expect_used)]

use codec::Encode;
use fluxomics_runtime::{
	configs::MultipleBlocksPerSlot, constants::SLOT_DURATION, Block, Executive, Header, Runtime,
	RuntimeCall, RuntimeGenesisConfig, System, TimestampCall, UncheckedExtrinsic,
};
use frame_support::traits::Get;
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;
use sp_io::TestExternalities;
use sp_runtime::{
	traits::{Block as _, Header as _},
	Digest, DigestItem,
};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// A slot in 2027, as a real chain would see.
const SLOT: u64 = 300_000_000;

/// Merges a preset (a patch) onto the default genesis config, as the chain spec does.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// The state of `--chain local` at genesis.
fn local_genesis() -> TestExternalities {
	let preset =
		fluxomics_runtime::genesis_config_presets::get_preset(&LOCAL_TESTNET_RUNTIME_PRESET.into())
			.expect("the local preset exists");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, serde_json::from_slice(&preset).unwrap());
	let json = serde_json::to_vec(&config).unwrap();
	let mut ext = TestExternalities::new_empty();
	ext.execute_with(|| {
		frame_support::genesis_builder_helper::build_state::<RuntimeGenesisConfig>(json).unwrap()
	});
	ext
}

/// Authors block `number` on top of the current state, in `slot`, at chain time `now`: what a
/// block author does. Leaves the state as the block's execution would.
fn author(parent: sp_core::H256, number: u32, slot: u64, now: u64) -> Block {
	let digest =
		Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(slot).encode())] };
	let header = Header::new(number, Default::default(), Default::default(), parent, digest);
	Executive::initialize_block(&header);
	let timestamp =
		UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(TimestampCall::set { now }));
	Executive::apply_extrinsic(timestamp.clone()).unwrap().unwrap();
	let header = Executive::finalize_block();
	Block { header, extrinsics: vec![timestamp] }
}

/// Imports `block`: what every node does with a block it receives.
fn import(block: &Block) {
	Executive::execute_block(block.clone().into());
}

/// Runs `f` in `ext`, returning the panic message if the runtime panics.
fn run<R>(ext: &mut TestExternalities, f: impl FnOnce() -> R) -> Result<R, String> {
	ext.execute_with(|| catch_unwind(AssertUnwindSafe(f))).map_err(|e| {
		e.downcast_ref::<&str>()
			.map(|s| s.to_string())
			.or_else(|| e.downcast_ref::<String>().cloned())
			.unwrap_or_default()
	})
}

/// Imports `block`, returning the panic message if the runtime refuses it.
fn try_import(ext: &mut TestExternalities, block: &Block) -> Result<(), String> {
	run(ext, || import(block))
}

/// Two chains (an author's and an importer's) on `--chain local`, both past block 1 in [`SLOT`].
fn past_block_one() -> (TestExternalities, TestExternalities, Block) {
	let mut author_ext = local_genesis();
	let mut importer = local_genesis();
	let genesis = author_ext.execute_with(|| System::block_hash(0));
	let one = author_ext.execute_with(|| author(genesis, 1, SLOT, SLOT * SLOT_DURATION));
	try_import(&mut importer, &one).expect("block 1 imports");
	(author_ext, importer, one)
}

#[test]
fn local_allows_one_block_per_slot_by_default() {
	let mut ext = local_genesis();
	assert!(!ext.execute_with(MultipleBlocksPerSlot::get));
	assert!(!ext.execute_with(
		<<Runtime as pallet_aura::Config>::AllowMultipleBlocksPerSlot as Get<bool>>::get
	));
}

#[test]
fn a_second_block_in_the_same_slot_is_refused_on_import() {
	let (mut author_ext, mut importer, one) = past_block_one();

	// An author that makes a second block in its slot (1 s later, a valid timestamp in the same
	// slot). Its own node refuses to build it; a malicious author builds it with the rule off.
	author_ext.execute_with(|| MultipleBlocksPerSlot::set(&true));
	let two = author_ext
		.execute_with(|| author(one.header().hash(), 2, SLOT, SLOT * SLOT_DURATION + 1_000));

	// Where several blocks per slot are allowed (the dev chain), the block is valid...
	let mut lenient = local_genesis();
	try_import(&mut lenient, &one).unwrap();
	lenient.execute_with(|| MultipleBlocksPerSlot::set(&true));
	try_import(&mut lenient, &two).expect("valid where several blocks per slot are allowed");

	// ...and on `--chain local` it is refused, for its slot.
	let refused = try_import(&mut importer, &two).expect_err("refused on local");
	assert!(refused.contains("Slot must increase"), "refused for another reason: {refused}");
}

#[test]
fn an_author_cannot_build_a_second_block_in_its_slot() {
	let (mut author_ext, _, one) = past_block_one();
	let refused =
		run(&mut author_ext, || author(one.header().hash(), 2, SLOT, SLOT * SLOT_DURATION + 1_000))
			.expect_err("the runtime refuses to build it");
	assert!(refused.contains("Slot must increase"), "refused for another reason: {refused}");
}

#[test]
fn the_next_slot_is_accepted_and_chain_time_stays_in_it() {
	let (mut author_ext, mut importer, one) = past_block_one();
	// Bob's slot, right after Alice's: one block each.
	let two = author_ext
		.execute_with(|| author(one.header().hash(), 2, SLOT + 1, (SLOT + 1) * SLOT_DURATION));
	try_import(&mut importer, &two).expect("the next slot imports");

	// A block must be stamped with a time in its own slot: a later slot cannot be claimed while
	// keeping the earlier time.
	let mut ext = local_genesis();
	let genesis = ext.execute_with(|| System::block_hash(0));
	let refused = run(&mut ext, || author(genesis, 1, SLOT + 1, SLOT * SLOT_DURATION))
		.expect_err("a time outside the slot is refused");
	assert!(refused.contains("Timestamp slot must match"), "refused for another reason: {refused}");
}
