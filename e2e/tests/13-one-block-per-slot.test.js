// One block per Aura slot on a real network (issue 16, item 5). On `--chain local` two validators
// (Alice, Bob) author in turn, and every block of the chain they agree on has a slot of its own,
// later than its parent's, with a timestamp inside that slot: nobody fills a slot with blocks.
// `--dev` keeps its instant seal, which puts several blocks in one slot. (The runtime's refusal
// of a second block in a slot on import is tested in `runtime/tests/one_block_per_slot.rs`.)
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { xxhashAsHex } from '@polkadot/util-crypto';
import { startNode, connect, devChain, rpc, sleep, freePort } from '../lib/node.js';
import { accounts, sendOk } from '../lib/tx.js';

/** The runtime's `MultipleBlocksPerSlot` switch (a `parameter_types!` storage value). */
const MULTIPLE_BLOCKS_PER_SLOT = xxhashAsHex(':MultipleBlocksPerSlot:', 128);

/** The Aura slot of a block (its pre-runtime digest) and its chain time. */
async function slotAndTime(api, hash) {
  const header = await api.rpc.chain.getHeader(hash);
  const pre = header.digest.logs.find((log) => log.isPreRuntime && log.asPreRuntime[0].toString() === 'aura');
  assert.ok(pre, `block #${header.number} has an Aura pre-digest`);
  const slot = api.createType('u64', pre.asPreRuntime[1]).toBigInt();
  const now = (await (await api.at(hash)).query.timestamp.now()).toBigInt();
  return { number: header.number.toNumber(), parent: header.parentHash.toHex(), slot, now };
}

/** Every block from `hash` back to block 1, oldest first. */
async function chainTo(api, hash) {
  const blocks = [];
  for (;;) {
    const block = await slotAndTime(api, hash);
    blocks.unshift(block);
    if (block.number <= 1) return blocks;
    hash = block.parent;
  }
}

describe('one block per slot', () => {
  const dirs = [];
  const nodes = [];
  const apis = [];
  after(async () => {
    for (const api of apis) await api.disconnect().catch(() => {});
    for (const n of nodes) await n.stop({ keep: true }).catch(() => {});
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('--chain local: two validators give every block a slot of its own', async () => {
    const aliceBase = mkdtempSync(join(tmpdir(), 'fluxomics-slot-alice-'));
    const bobBase = mkdtempSync(join(tmpdir(), 'fluxomics-slot-bob-'));
    dirs.push(aliceBase, bobBase);
    const alicePort = await freePort();
    const alice = await startNode({
      chain: 'local', basePath: aliceBase, p2pPort: alicePort, name: 'slot-alice',
      args: ['--alice', '--node-key', randomBytes(32).toString('hex')],
    });
    nodes.push(alice);
    const bootnode = `/ip4/127.0.0.1/tcp/${alicePort}/p2p/${await rpc(alice.rpcPort, 'system_localPeerId')}`;
    const bob = await startNode({
      chain: 'local', basePath: bobBase, name: 'slot-bob',
      args: ['--bob', '--node-key', randomBytes(32).toString('hex'), '--bootnodes', bootnode],
    });
    nodes.push(bob);
    const [aliceApi, bobApi] = [await connect(alice), await connect(bob)];
    apis.push(aliceApi, bobApi);

    // The switch is unset on this chain: the runtime allows one block per slot.
    assert.equal(await rpc(alice.rpcPort, 'state_getStorage', [MULTIPLE_BLOCKS_PER_SLOT]), null);
    const slotDuration = (await aliceApi.call.auraApi.slotDuration()).toBigInt();
    const minimumPeriod = aliceApi.consts.timestamp.minimumPeriod.toBigInt();
    assert.equal(slotDuration, 6000n);

    // Wait for 8 finalized blocks, then read the finalized chain on Bob's node: every block Alice
    // authored went through Bob's import, and the other way round.
    const deadline = Date.now() + 150_000;
    let finalized;
    for (;;) {
      finalized = await bobApi.rpc.chain.getFinalizedHead();
      const number = (await bobApi.rpc.chain.getHeader(finalized)).number.toNumber();
      if (number >= 8) break;
      if (Date.now() > deadline) throw new Error(`only ${number} blocks finalized in 150 s`);
      await sleep(2000);
    }
    const blocks = await chainTo(bobApi, finalized);
    assert.ok(blocks.length >= 8);

    const authors = new Set();
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i];
      // The timestamp lies in the block's slot (the runtime checks it: Aura's `on_timestamp_set`).
      assert.equal(b.now / slotDuration, b.slot, `block #${b.number}: time ${b.now} outside slot ${b.slot}`);
      authors.add(b.slot % 2n); // authorities [Alice, Bob]: slot s is authored by s mod 2
      if (i === 0) continue;
      const p = blocks[i - 1];
      assert.ok(b.slot >= p.slot + 1n, `block #${b.number} in slot ${b.slot}, its parent in ${p.slot}`);
      assert.ok(b.now >= p.now + minimumPeriod, `block #${b.number}: time ${b.now} after ${p.now}`);
    }
    assert.equal(authors.size, 2, 'both validators authored');
    const slots = new Set(blocks.map((b) => b.slot));
    assert.equal(slots.size, blocks.length, 'no two blocks share a slot');

    // Alice's node holds the same finalized chain.
    const onAlice = await chainTo(aliceApi, finalized.toHex());
    assert.deepEqual(onAlice.map((b) => b.slot), blocks.map((b) => b.slot));
  });

  it('--dev still seals at once, several blocks in one slot', async () => {
    const chain = await devChain({ name: 'slot-dev' });
    try {
      const { api, node } = chain;
      assert.equal(await rpc(node.rpcPort, 'state_getStorage', [MULTIPLE_BLOCKS_PER_SLOT]), '0x01');
      // Three blocks in a row, well within one 6 s slot: at least two of them share a slot.
      const started = Date.now();
      const hashes = [];
      for (let i = 0; i < 3; i++) {
        hashes.push((await rpc(node.rpcPort, 'engine_createBlock', [true, true])).hash);
      }
      const elapsed = Date.now() - started;
      const blocks = await Promise.all(hashes.map((h) => slotAndTime(api, h)));
      for (let i = 1; i < blocks.length; i++) {
        // (A timer block may come in between: compare the order, not consecutive numbers.)
        assert.ok(blocks[i].number > blocks[i - 1].number);
        assert.ok(blocks[i].slot >= blocks[i - 1].slot);
        assert.ok(blocks[i].now > blocks[i - 1].now);
      }
      // Three blocks within 6 s span at most two slots.
      if (elapsed < 6000) {
        assert.ok(new Set(blocks.map((b) => b.slot)).size < blocks.length, 'two blocks in one slot');
      }
      // Chain time is wall-clock time: it does not run ahead of the clock by a slot per block.
      assert.ok(blocks[2].now <= BigInt(Date.now()), 'chain time is not ahead of the clock');

      // A transfer is sealed as soon as it reaches the pool.
      const { alice, bob } = await accounts();
      const sent = Date.now();
      await sendOk(api, api.tx.balances.transferKeepAlive(bob.address, 10n ** 12n), alice);
      assert.ok(Date.now() - sent < 3000, `included after ${Date.now() - sent} ms`);
    } finally {
      await chain.close();
    }
  });
});
