//! The chain the fuzzer drives: genesis from a preset, the pool of signing accounts, signed
//! extrinsics with the runtime's real `TxExtension`, and the header of each block (its Aura slot).

use codec::Encode;
use fluxomics_runtime::{
	constants::SLOT_DURATION, AccountId, Executive, Header, Runtime, RuntimeCall, SignedPayload,
	TimestampCall, TxExtension, UncheckedExtrinsic,
};
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_core::{sr25519, Pair, H256};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::{Digest, DigestItem, Era},
	traits::Header as _,
	MultiAddress, MultiSignature,
};

pub use super::common::genesis;

/// The accounts that sign: the 14 dev keyring accounts (funded with HETU by both presets; Alice,
/// Bob and Charlie also staked on `development`; Alice the sudo key), and two newcomers that
/// start with nothing.
pub struct Keys {
	pub pairs: Vec<sr25519::Pair>,
	pub ids: Vec<AccountId>,
	pub names: Vec<String>,
}

/// Index of Alice, the sudo key, in [`Keys`].
pub const ALICE: usize = 0;

impl Keys {
	pub fn new() -> Self {
		let mut pairs = Vec::new();
		let mut names = Vec::new();
		for k in Sr25519Keyring::iter() {
			pairs.push(k.pair());
			names.push(format!("{k:?}"));
		}
		for i in 0..2 {
			pairs.push(sr25519::Pair::from_string(&format!("//Newcomer{i}"), None).unwrap());
			names.push(format!("Newcomer{i}"));
		}
		let ids = pairs.iter().map(|p| AccountId::from(p.public())).collect();
		Self { pairs, ids, names }
	}

	pub fn len(&self) -> usize {
		self.ids.len()
	}

	pub fn id(&self, i: usize) -> AccountId {
		self.ids[i].clone()
	}
}

/// The runtime's transaction extensions, in order, for `nonce` and `era`.
pub fn tx_ext(nonce: u32, era: Era) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(era),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		charge_fees(),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		frame_system::WeightReclaim::<Runtime>::new(),
	)
}

/// The extension that pays: `ChargePower`, or the stock one in the `stock-fees` build.
#[cfg(not(feature = "stock-fees"))]
fn charge_fees() -> fluxomics_runtime::ChargeFees {
	pallet_power_metering::ChargePower::<Runtime>::new()
}

/// The extension that pays: `ChargePower`, or the stock one in the `stock-fees` build.
#[cfg(feature = "stock-fees")]
fn charge_fees() -> fluxomics_runtime::ChargeFees {
	pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0)
}

/// How an extrinsic is signed: the honest way, or one of the ways a pool refuses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signing {
	Honest,
	/// The next nonce but one.
	FutureNonce,
	/// A nonce already used.
	StaleNonce,
	/// Signed by another key.
	BadSignature,
	/// Mortal, born at the parent block, 64 blocks long.
	Mortal,
	/// Mortal, dead already.
	Expired,
}

/// `call` signed by `signer` (with `nonce`, the signer's next nonce), as `signing` says. Reads
/// the chain (genesis hash, versions, block hashes), so it runs inside the externalities.
pub fn sign(
	keys: &Keys,
	signer: usize,
	call: RuntimeCall,
	nonce: u32,
	signing: Signing,
	block: u32,
) -> UncheckedExtrinsic {
	let parent = block.saturating_sub(1);
	let (nonce, era) = match signing {
		Signing::FutureNonce => (nonce.wrapping_add(1), Era::Immortal),
		Signing::StaleNonce => (nonce.wrapping_sub(1), Era::Immortal),
		Signing::Mortal => (nonce, Era::mortal(64, u64::from(parent))),
		Signing::Expired => (nonce, Era::mortal(4, u64::from(parent.saturating_sub(8)))),
		Signing::Honest | Signing::BadSignature => (nonce, Era::Immortal),
	};
	let ext = tx_ext(nonce, era);
	let key = if signing == Signing::BadSignature {
		&keys.pairs[(signer + 1) % keys.len()]
	} else {
		&keys.pairs[signer]
	};
	signed(key, keys.id(signer), call, ext)
}

/// `call` with `ext`, signed by `key` in the name of `who` (another account's key makes a bad
/// signature). An era whose birth block the chain does not know has no payload: the check
/// refuses it before the signature, so any signature does. Reads the chain, so it runs inside
/// the externalities.
fn signed(
	key: &sr25519::Pair,
	who: AccountId,
	call: RuntimeCall,
	ext: TxExtension,
) -> UncheckedExtrinsic {
	let signature = match SignedPayload::new(call.clone(), ext.clone()) {
		Ok(payload) => payload.using_encoded(|p| key.sign(p)),
		Err(_) => key.sign(b"no payload"),
	};
	UncheckedExtrinsic::new_signed(
		call,
		MultiAddress::Id(who),
		MultiSignature::Sr25519(signature),
		ext,
	)
}

/// `call` signed by `pair` with `nonce`, immortal, for the chain whose genesis hash is
/// `genesis`, encoded: for a sender outside the chain (the RPC bench). Needs no externalities.
#[allow(dead_code)] // the fuzzer signs inside its chain, with `sign`
pub fn sign_with(pair: &sr25519::Pair, call: RuntimeCall, nonce: u32, genesis: H256) -> Vec<u8> {
	sp_io::TestExternalities::new_empty().execute_with(|| {
		// The extensions' implicit part reads the genesis hash from `System::BlockHash(0)`.
		frame_system::BlockHash::<Runtime>::insert(0, genesis);
		signed(pair, AccountId::from(pair.public()), call, tx_ext(nonce, Era::Immortal)).encode()
	})
}

/// Where the chain is between blocks.
pub struct Head {
	pub number: u32,
	pub parent: H256,
	pub slot: u64,
	pub now: u64,
}

impl Head {
	/// The head of a chain at genesis, in a slot of 2027.
	pub fn genesis(genesis_hash: H256) -> Self {
		let slot = 300_000_000;
		Self {
			number: 0,
			parent: genesis_hash,
			slot,
			now: slot * fluxomics_runtime::constants::SLOT_DURATION,
		}
	}

	/// Starts the block after this head, `slots` slots later and `within` ms into its slot: its
	/// hooks, its timestamp inherent (returned), and what follows the inherents.
	pub fn open_block(&mut self, slots: u64, within: u64) -> Result<UncheckedExtrinsic, String> {
		let slot = self.slot + slots;
		let now = slot * SLOT_DURATION + within;
		Executive::initialize_block(&self.next_header(slot));
		let timestamp =
			UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(TimestampCall::set { now }));
		match Executive::apply_extrinsic(timestamp.clone()) {
			Ok(Ok(())) => {},
			other => return Err(format!("the timestamp inherent failed: {other:?}")),
		}
		Executive::inherents_applied();
		self.slot = slot;
		self.now = now;
		Ok(timestamp)
	}

	/// Finalizes the block [`Self::open_block`] started; the head moves to it.
	pub fn close_block(&mut self) -> Header {
		let header = Executive::finalize_block();
		self.number += 1;
		self.parent = header.hash();
		header
	}

	/// The header of the next block, in `slot`, with its Aura pre-digest.
	pub fn next_header(&self, slot: u64) -> Header {
		let digest = Digest {
			logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(slot).encode())],
		};
		Header::new(self.number + 1, Default::default(), Default::default(), self.parent, digest)
	}
}
