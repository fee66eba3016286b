// Proof-of-Causal-Work from polkadot.js: verdict commitments, waiting for a panel draw, reading
// Flux balances and the events of a range of blocks at exact block hashes, and the Flux sink.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { bnToU8a, hexToU8a, stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsHex, decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { sleep } from './node.js';
import { send, submit } from './tx.js';

export const UNIT = 10n ** 12n;

/**
 * Node arguments for the PoCW chains: a block a second, and the single-state transaction pool.
 * Under the dev node's instant seal, a few transactions sent at once (seven transfers, three
 * commitments) sometimes make the default fork-aware pool's background task end, and the node
 * shuts down ("Essential task `txpool-background` failed. Shutting down service."): seen in 5
 * of 11 runs of a 67-transfer burst and in 1 of 4 runs of the self-dealing test. The single-state
 * pool took the same burst in 12 runs of 12.
 */
export const POCW_NODE_ARGS = ['--dev-block-time', '1000', '--pool-type', 'single-state'];
/** Perbill's and FixedU128's denominators. */
export const BILLION = 1_000_000_000n;
export const FIXED_ONE = 10n ** 18n;

/** `⌊p · x⌋` for a Perbill `p` (as polkadot.js decodes it). */
export const mulFloor = (p, x) => (x * BigInt(p.toString())) / BILLION;
/** `⌈p · x⌉` for a Perbill `p`. */
export const mulCeil = (p, x) => (x * BigInt(p.toString()) + BILLION - 1n) / BILLION;

/** A fresh random 32-byte salt, hex. */
export const randomSalt = () => u8aToHex(randomBytes(32));

/**
 * A verdict's commitment, as the pallet computes it:
 * `blake2_256(SCALE(task: u64, verifier: AccountId32, valid: bool, work_units: u64, salt: H256))`.
 */
export function commitment(task, address, valid, workUnits, salt) {
  const encoded = u8aConcat(
    bnToU8a(BigInt(task), { bitLength: 64, isLe: true }),
    decodeAddress(address),
    new Uint8Array([valid ? 1 : 0]),
    bnToU8a(BigInt(workUnits), { bitLength: 64, isLe: true }),
    hexToU8a(salt),
  );
  assert.equal(encoded.length, 8 + 32 + 1 + 8 + 32);
  return blake2AsHex(encoded, 256);
}

/**
 * The protocol sink: the Flux pallet's `PalletId(*b"flx/rsrv").into_sub_account_truncating(b"sink")`,
 * that is `b"modl" ++ b"flx/rsrv" ++ b"sink"` padded with zeros to 32 bytes.
 */
export function sinkAccount() {
  const raw = u8aConcat(stringToU8a('modl'), stringToU8a('flx/rsrv'), stringToU8a('sink'), new Uint8Array(16));
  return encodeAddress(raw, 42);
}

/** An account's Flux at a block: `{ free, staked, held, unbonding }` in planck. */
export async function fluxAt(api, hash, address) {
  const a = (await (await api.at(hash)).query.flux.accounts(address)).unwrapOrDefault();
  const unbonding = a.unbonding.reduce((s, c) => s + c.amount.toBigInt(), 0n);
  return { free: a.free.toBigInt(), staked: a.staked.toBigInt(), held: a.held.toBigInt(), unbonding };
}

/** The sum of free, staked, held and unbonding Flux over `addresses` at a block. */
export async function totalFluxAt(api, hash, addresses) {
  let total = 0n;
  for (const address of addresses) {
    const a = await fluxAt(api, hash, address);
    total += a.free + a.staked + a.held + a.unbonding;
  }
  return total;
}

/** Free HETU of an account at a block. */
export const hetuAt = async (api, hash, address) =>
  (await (await api.at(hash)).query.system.account(address)).data.free.toBigInt();

/** An account's Power status at a block (`powerApi.powerOf`). */
export const powerAt = async (api, hash, address) => (await api.at(hash)).call.powerApi.powerOf(address);

/** The block number of a hash. */
export const numberOf = async (api, hash) => (await api.rpc.chain.getHeader(hash)).number.toNumber();

/** The parent of a block. */
export const parentOf = async (api, hash) => (await api.rpc.chain.getHeader(hash)).parentHash.toHex();

/** The events of one block. */
export async function blockEvents(api, hash) {
  return (await (await api.at(hash)).query.system.events()).map((r) => r.event);
}

/** The events of the blocks after `fromHash` up to and including `toHash` (on the best chain). */
export async function eventsBetween(api, fromHash, toHash) {
  const from = await numberOf(api, fromHash);
  const to = await numberOf(api, toHash);
  const all = [];
  for (let n = from + 1; n <= to; n += 1) {
    const hash = (await api.rpc.chain.getBlockHash(n)).toHex();
    all.push(...(await blockEvents(api, hash)));
  }
  return all;
}

/** The events `section.method` of a list. */
export const eventsOf = (events, section, method) =>
  events.filter((e) => e.section === section && e.method === method);

/**
 * What the transactions of `addresses` paid in a list of events: `fees` (Flux paid to the sink
 * for the Power they did not hold, net of refunds: `PowerCharged.flux`), `hetu` (HETU converted
 * to pay them), `fromPower` (Power spent, both kinds) and `converted` (Flux minted for them by
 * conversions: `Flux.Converted`).
 */
export function paidBy(events, addresses) {
  const set = new Set(addresses);
  const out = { fees: 0n, hetu: 0n, fromPower: 0n, converted: 0n, charges: 0 };
  for (const e of eventsOf(events, 'powerMetering', 'PowerCharged')) {
    if (!set.has(e.data.who.toString())) continue;
    out.fees += e.data.flux.toBigInt();
    out.hetu += e.data.hetu.toBigInt();
    out.fromPower += e.data.fromPower.msg.toBigInt() + e.data.fromPower.exec.toBigInt();
    out.charges += 1;
  }
  for (const e of eventsOf(events, 'flux', 'Converted')) {
    if (set.has(e.data.who.toString())) out.converted += e.data.flux.toBigInt();
  }
  return out;
}

/** Flux paid to the sink for transactions by anyone in a list of events. */
export const allFees = (events) =>
  eventsOf(events, 'powerMetering', 'PowerCharged').reduce((s, e) => s + e.data.flux.toBigInt(), 0n);

/**
 * Waits for the block after `submittedHash` (whose `on_initialize` draws the panel) and returns
 * `{ hash, panel: [{ address, seats }], empty }` from its `PanelDrawn` event for `task`.
 */
export async function waitForPanel(api, submittedHash, task) {
  const n = await numberOf(api, submittedHash);
  for (let i = 0; ; i += 1) {
    if ((await api.rpc.chain.getHeader()).number.toNumber() > n) break;
    if (i > 200) throw new Error(`no block after #${n} within 20 s`);
    await sleep(100);
  }
  const hash = (await api.rpc.chain.getBlockHash(n + 1)).toHex();
  const drawn = eventsOf(await blockEvents(api, hash), 'pocw', 'PanelDrawn')
    .find((e) => e.data.task.toBigInt() === BigInt(task));
  assert.ok(drawn, `PanelDrawn for task ${task} in block #${n + 1}`);
  return {
    hash,
    panel: drawn.data.panel.map(([verifier, seats]) => ({ address: verifier.toString(), seats: seats.toNumber() })),
    empty: drawn.data.empty.toNumber(),
  };
}

/** The lower median of a list of bigints (the pallet's verified work). */
export function lowerMedian(values) {
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.length === 0 ? 0n : sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * Pins the exchange rate R at `rate` PU per Flux (sudo `powerMetering.setParams` with
 * `min_rate = max_rate`), so that transaction fees in Flux stay the same over a test.
 */
export async function pinExchangeRate(api, sudo, ratePerFlux) {
  const schedule = (await api.query.powerMetering.schedule()).toJSON();
  const rate = (await api.query.powerMetering.rateControl()).toJSON();
  const inner = BigInt(ratePerFlux) * FIXED_ONE;
  const result = await send(
    api,
    api.tx.sudo.sudo(api.tx.powerMetering.setParams({ schedule, rate: { ...rate, minRate: inner, maxRate: inner } })),
    sudo,
  );
  assert.ok(result.ok, `setParams: ${result.error}`);
  const sudid = result.events.find((e) => e.section === 'sudo' && e.method === 'Sudid');
  assert.ok(sudid && sudid.data.sudoResult.isOk, 'sudo powerMetering.setParams succeeded');
  assert.equal(BigInt((await (await api.at(result.blockHash)).query.powerMetering.exchangeRate()).toString()), inner);
  return inner;
}

/**
 * Sends HETU from `from` to each `[pair, amount]` of `targets`, all at once with explicit
 * nonces; asserts every transfer succeeded.
 */
export async function fund(api, from, targets) {
  const first = (await api.rpc.system.accountNextIndex(from.address)).toNumber();
  const signed = [];
  for (const [i, [pair, amount]] of targets.entries()) {
    const tx = api.tx.balances.transferKeepAlive(pair.address, amount);
    await tx.signAsync(from, { nonce: first + i });
    signed.push(tx);
  }
  const results = await Promise.all(signed.map((tx) => submit(api, tx)));
  for (const r of results) assert.ok(r.ok, `transfer failed: ${r.error}`);
  return results;
}
