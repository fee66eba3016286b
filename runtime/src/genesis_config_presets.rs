//! Genesis presets: the starting state of each chain the node knows.
//!
//! - `development` (`--dev`): Alice alone authors and finalizes; Alice to Ferdie (and their
//!   `//stash` accounts) are funded with HETU; Alice, Bob and Charlie also hold free and staked
//!   Flux. Every period is short so that whole cycles fit in a minute: unbonding takes 10 s, Power
//!   fills its cap in 60 s, and α is 1 PU per staked Flux per *second* of each kind. The rate
//!   controller's target is below one transaction, so R visibly falls in a burst and climbs back
//!   in the empty blocks after it. PoCW's reward budget renews every minute and task deadlines
//!   lie within an hour. A referendum runs in a few blocks (see `docs/governance.md`).
//! - `local_testnet` (`--chain local`): Alice and Bob author and finalize together; realistic
//!   periods (28 days of unbonding, 7 days of Power cap, α of 1 000 PU per Flux per day, a
//!   consumption target of 1 000 000 PU a block and at most 3 % change of R a block).
//! - `local_testnet_four` (`--chain local4`): the economy of `local_testnet`, with Alice, Bob,
//!   Charlie and Dave as the Aura and GRANDPA authorities (GRANDPA finalizes with any three).
//!
//! All make Alice the sudo key.

use alloc::{vec, vec::Vec};
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{
	constants::{HETU, MILLIS_PER_DAY},
	governance::origins::TrackPeriods,
	AccountId, Balance, BlockNumber, Runtime,
};
use fluxomics_primitives::PerKind;
use frame_support::traits::Get;
use pallet_flox::FloxParams;
use pallet_flux::FluxParams;
use pallet_pocw::PocwParams;
use pallet_power::PowerParams;
use pallet_power_market::MarketParams;
use pallet_power_metering::{CostSchedule, DefaultSchedule, RateParams};
use sp_runtime::{FixedU128, Perbill};

/// Free Flux of each dev staker (Alice, Bob, Charlie) at genesis.
pub const DEV_FREE_FLUX: Balance = 1_000 * HETU;
/// Staked Flux of each dev staker at genesis.
pub const DEV_STAKED_FLUX: Balance = 10_000 * HETU;

/// Economic parameters of one chain.
struct Economy {
	flux: FluxParams,
	power: PowerParams,
	/// The cost schedule: both chains use the pallet's default (see `docs/metering.md`).
	schedule: CostSchedule,
	rate: RateParams,
	market: MarketParams,
	pocw: PocwParams,
	flox: FloxParams,
	/// Referendum periods, in blocks; `None` keeps the realistic default (days).
	governance: Option<TrackPeriods<BlockNumber>>,
	stakers: Vec<(AccountId, Balance, Balance)>,
}

/// Short periods, for a person or a test to see whole cycles.
fn dev_economy() -> Economy {
	Economy {
		flux: FluxParams {
			hetu_per_flux: FixedU128::from_u32(1),
			unbonding_period: 10_000,
			min_stake: HETU,
			min_convert: HETU,
		},
		power: PowerParams {
			alpha: PerKind::splat(FixedU128::from_u32(86_400)),
			cap_period: 60_000,
		},
		schedule: DefaultSchedule::get(),
		// A target below one message, so every block with a transaction lowers R and every
		// empty block raises it, by up to 10 %: a burst shows within seconds.
		rate: RateParams {
			target: 1_000,
			min_rate: FixedU128::from_u32(10),
			max_rate: FixedU128::from_u32(100_000),
			max_change: Perbill::from_percent(10),
		},
		// Leases from a second to an hour, so a whole lease fits in a test.
		market: MarketParams {
			fee_share: Perbill::from_percent(1),
			min_amount: HETU,
			min_duration: 1_000,
			max_duration: 3_600_000,
			index_decay: Perbill::from_percent(20),
		},
		// The default rewards and collateral, with a reward period of a minute, deadlines within
		// an hour and 30 s each to commit and to reveal a verdict, so that budgets renew and tasks
		// settle or expire while a person watches.
		pocw: PocwParams {
			period: 60_000,
			max_deadline: 3_600_000,
			commit_period: 30_000,
			reveal_period: 30_000,
			..pallet_pocw::DefaultParams::get()
		},
		// Epochs of 20 s, so that a person (or a test) sees an epoch close, get ranked and pay
		// its points within a minute.
		flox: FloxParams { epoch_length: 20_000, ..pallet_flox::DefaultParams::get() },
		// A referendum can start deciding a block after submission, confirms over two blocks and
		// is enacted the block after: with a block every 3 s, a whole vote takes seconds.
		governance: Some(TrackPeriods { prepare: 1, decision: 20, confirm: 2, min_enactment: 1 }),
		stakers: [Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
			.into_iter()
			.map(|k| (k.to_account_id(), DEV_FREE_FLUX, DEV_STAKED_FLUX))
			.collect(),
	}
}

/// Realistic periods.
fn local_economy() -> Economy {
	Economy {
		flux: FluxParams {
			hetu_per_flux: FixedU128::from_u32(1),
			unbonding_period: 28 * MILLIS_PER_DAY,
			min_stake: HETU,
			min_convert: HETU,
		},
		power: PowerParams {
			alpha: PerKind::splat(FixedU128::from_u32(1_000)),
			cap_period: 7 * MILLIS_PER_DAY,
		},
		schedule: DefaultSchedule::get(),
		rate: RateParams {
			target: 1_000_000,
			min_rate: FixedU128::from_u32(10),
			max_rate: FixedU128::from_u32(100_000),
			max_change: Perbill::from_percent(3),
		},
		market: MarketParams {
			fee_share: Perbill::from_percent(1),
			min_amount: HETU,
			min_duration: 3_600_000,
			max_duration: 90 * MILLIS_PER_DAY,
			index_decay: Perbill::from_percent(20),
		},
		pocw: pallet_pocw::DefaultParams::get(),
		flox: pallet_flox::DefaultParams::get(),
		governance: None,
		stakers: Vec::new(),
	}
}

/// HETU each endowed account starts with.
pub const ENDOWMENT: Balance = 1_000_000 * HETU;

/// The genesis of a chain with these authorities, sudo key and funded accounts, as JSON.
fn testnet_genesis(
	authorities: Vec<(AuraId, GrandpaId)>,
	root: AccountId,
	endowed: Vec<AccountId>,
	economy: Economy,
) -> Value {
	let balances: Vec<(AccountId, Balance)> =
		endowed.into_iter().map(|account| (account, ENDOWMENT)).collect();
	let aura: Vec<AuraId> = authorities.iter().map(|(aura, _)| aura.clone()).collect();
	let grandpa: Vec<(GrandpaId, u64)> =
		authorities.into_iter().map(|(_, grandpa)| (grandpa, 1)).collect();
	let flux = pallet_flux::GenesisConfig::<Runtime> {
		params: Some(economy.flux),
		accounts: economy.stakers,
	};
	let power = pallet_power::GenesisConfig::<Runtime> {
		params: Some(economy.power),
		..Default::default()
	};
	let metering = pallet_power_metering::GenesisConfig::<Runtime> {
		schedule: Some(economy.schedule),
		rate_params: Some(economy.rate),
		exchange_rate: Some(FixedU128::from_u32(1_000)),
		..Default::default()
	};
	let market = pallet_power_market::GenesisConfig::<Runtime> {
		params: Some(economy.market),
		..Default::default()
	};
	let pocw =
		pallet_pocw::GenesisConfig::<Runtime> { params: Some(economy.pocw), ..Default::default() };
	let flox =
		pallet_flox::GenesisConfig::<Runtime> { params: Some(economy.flox), ..Default::default() };
	let origins =
		crate::governance::origins::GenesisConfig::<Runtime> { periods: economy.governance };
	serde_json::json!({
		"balances": { "balances": balances },
		"aura": { "authorities": aura },
		"grandpa": { "authorities": grandpa },
		"sudo": { "key": Some(root) },
		"flux": flux,
		"power": power,
		"powerMetering": metering,
		"powerMarket": market,
		"pocw": pocw,
		"flox": flox,
		"origins": origins,
	})
}

/// The Aura and GRANDPA keys of a well-known development account.
fn authority_keys(sr: Sr25519Keyring, ed: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(sr.public().into(), ed.public().into())
}

/// The `development` preset.
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![authority_keys(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		Sr25519Keyring::Alice.to_account_id(),
		Sr25519Keyring::iter().map(|k| k.to_account_id()).collect(),
		dev_economy(),
	)
}

/// The `local_testnet` preset.
pub fn local_config_genesis() -> Value {
	testnet_genesis(
		vec![
			authority_keys(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			authority_keys(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		],
		Sr25519Keyring::Alice.to_account_id(),
		Sr25519Keyring::iter().map(|k| k.to_account_id()).collect(),
		local_economy(),
	)
}

/// The id of the four-authority local preset (`--chain local4`).
pub const LOCAL_TESTNET_FOUR_PRESET: &str = "local_testnet_four";

/// The `local_testnet_four` preset: `local_testnet` with four authorities.
pub fn local_four_config_genesis() -> Value {
	testnet_genesis(
		vec![
			authority_keys(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			authority_keys(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			authority_keys(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			authority_keys(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		Sr25519Keyring::Alice.to_account_id(),
		Sr25519Keyring::iter().map(|k| k.to_account_id()).collect(),
		local_economy(),
	)
}

/// The preset with this id, serialized, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development_config_genesis(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		LOCAL_TESTNET_FOUR_PRESET => local_four_config_genesis(),
		_ => return None,
	};
	serde_json::to_string(&patch).ok().map(|json| json.into_bytes())
}

/// The ids of all presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(DEV_RUNTIME_PRESET),
		PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(LOCAL_TESTNET_FOUR_PRESET),
	]
}
