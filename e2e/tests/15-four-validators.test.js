// Four validators on loopback (issue 17): `--chain local4` has Alice, Bob, Charlie and Dave as
// Aura and GRANDPA authorities. All four author and finalize; with one killed (SIGKILL) blocks and
// finality go on; with two killed blocks go on but finality stalls (GRANDPA needs more than 2/3 of
// the votes: 3 of 4); once both restart on their base paths finality resumes and catches up. No
// finalized block is ever reverted, and every node holds the same balances at the same finalized
// block. Last, nodes started from copies of a running validator's base path (`cp -r` while it
// runs; one copy as made, one with its database log cut short) follow the same chain, or refuse
// to start with an error: never another chain.
//
// The figures (how long finality stalled, how long it took to catch up, how many blocks were
// made meanwhile) are printed as one `four-validators figures` line: `docs/reliability.md`.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, readFileSync, readdirSync, statSync, truncateSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { base58Encode, ed25519PairFromSeed } from '@polkadot/util-crypto';
import { hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { startNode, connect, rpc, sleep, freePort } from '../lib/node.js';
import { accounts, sendOk } from '../lib/tx.js';

const CHAIN = 'local4';
const NAMES = ['alice', 'bob', 'charlie', 'dave'];
const HETU = 10n ** 12n;
/** HETU each endowed account starts with (`ENDOWMENT` in the runtime's presets). */
const ENDOWMENT = 1_000_000n * HETU;
const SENT = 7n * HETU;

/** The libp2p peer id of an ed25519 node key (`--node-key`): the identity multihash of its
 * protobuf-encoded public key. Lets every node name the others as bootnodes before they start. */
function peerIdOf(nodeKeyHex) {
  const { publicKey } = ed25519PairFromSeed(hexToU8a(`0x${nodeKeyHex}`));
  return base58Encode(u8aConcat(new Uint8Array([0x00, 0x24, 0x08, 0x01, 0x12, 0x20]), publicKey));
}

async function finalized(port) {
  const hash = await rpc(port, 'chain_getFinalizedHead');
  return { hash, number: parseInt((await rpc(port, 'chain_getHeader', [hash])).number, 16) };
}

async function bestNumber(port) {
  return parseInt((await rpc(port, 'chain_getHeader')).number, 16);
}

const secs = (ms) => Math.round(ms / 100) / 10;

describe('four validators on loopback', () => {
  const dirs = [];
  const live = new Map(); // name -> running node
  let api;
  after(async () => {
    await api?.disconnect().catch(() => {});
    for (const n of live.values()) await n.stop({ keep: true }).catch(() => {});
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('author and finalize, survive one and two kills, catch up after restarts', { timeout: 480_000 }, async () => {
    const started = Date.now();
    const figures = { faults: [] };
    const log = (event) => {
      figures.faults.push({ at: secs(Date.now() - started), ...event });
    };

    // Each validator keeps its base path, libp2p key and port across restarts.
    const v = {};
    for (const name of NAMES) {
      const base = mkdtempSync(join(tmpdir(), `fluxomics-four-${name}-`));
      dirs.push(base);
      const nodeKey = randomBytes(32).toString('hex');
      v[name] = { base, nodeKey, peerId: peerIdOf(nodeKey), p2pPort: await freePort(), runs: 0 };
    }
    const bootnodes = (self) => NAMES.filter((n) => n !== self)
      .map((n) => `/ip4/127.0.0.1/tcp/${v[n].p2pPort}/p2p/${v[n].peerId}`);
    const startValidator = async (name) => {
      const node = await startNode({
        chain: CHAIN, basePath: v[name].base, p2pPort: v[name].p2pPort,
        name: `four-${name}-${++v[name].runs}`,
        args: [`--${name}`, '--node-key', v[name].nodeKey, '--bootnodes', ...bootnodes(name)],
      });
      live.set(name, node);
      return node;
    };
    const kill = async (name) => {
      const node = live.get(name);
      live.delete(name);
      await node.kill();
    };

    // Every finalized (number, hash) any node reported: a second hash at a height is a revert.
    const seen = new Map();
    const sample = async () => {
      const now = {};
      for (const [name, node] of live) {
        const f = await finalized(node.rpcPort);
        const before = seen.get(f.number);
        assert.ok(!before || before === f.hash,
          `${name} finalized ${f.hash} at #${f.number}, ${before} was finalized there before`);
        seen.set(f.number, f.hash);
        now[name] = f.number;
      }
      return now;
    };
    const waitFor = async (what, predicate, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await predicate(await sample());
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
        await sleep(1000);
      }
    };
    const minOf = (numbers) => Math.min(...Object.values(numbers));
    const maxBest = async (names) => Math.max(...await Promise.all(names.map((n) => bestNumber(live.get(n).rpcPort))));

    // --- 1. Four validators author and finalize. ---
    await Promise.all(NAMES.map(startValidator));
    for (const name of NAMES) {
      assert.equal(await rpc(live.get(name).rpcPort, 'system_localPeerId'), v[name].peerId);
    }
    log({ event: 'started Alice, Bob, Charlie, Dave' });
    await waitFor('every node connected to the three others', async () => {
      const peers = await Promise.all(NAMES.map(async (n) => (await rpc(live.get(n).rpcPort, 'system_health')).peers));
      return peers.every((p) => p >= 3);
    }, 60_000);
    api = await connect(live.get('alice'));
    const dev = await accounts();
    const { alice, bob } = dev;
    // Aura gives slot s to authorities[s mod 4]; the genesis lists them Alice, Bob, Charlie, Dave.
    const authorities = (await api.query.aura.authorities()).map((a) => a.toHex());
    assert.deepEqual(authorities, NAMES.map((n) => u8aToHex(dev[n].publicKey)));
    const authorOf = new Map(); // block number -> author name, on the finalized chain
    const authorsUpTo = async (hash, from = 1) => {
      const header = await api.rpc.chain.getHeader(hash);
      const names = new Set();
      for (let n = header.number.toNumber(); n >= from; n--) {
        if (!authorOf.has(n)) {
          const h = await api.rpc.chain.getHeader(await api.rpc.chain.getBlockHash(n));
          const pre = h.digest.logs.find((l) => l.isPreRuntime && l.asPreRuntime[0].toString() === 'aura');
          const slot = api.createType('u64', pre.asPreRuntime[1]).toBigInt();
          authorOf.set(n, NAMES[Number(slot % 4n)]);
        }
        names.add(authorOf.get(n));
      }
      return names;
    };
    const firstFinal = await waitFor('blocks of all four authors finalized on all four nodes', async (f) => {
      if (minOf(f) < 4) return 0;
      const aliceFinal = await finalized(live.get('alice').rpcPort);
      return (await authorsUpTo(aliceFinal.hash)).size === 4 ? minOf(f) : 0;
    }, 150_000);
    log({ event: 'all four authored and finalized', finalized: firstFinal });

    // --- 2. Kill Dave: three of four still author and finalize. ---
    const f1 = minOf(await sample());
    const tKill1 = Date.now();
    await kill('dave');
    log({ event: 'SIGKILL Dave', finalized: f1 });
    const f1b = await waitFor('finality with three of four', async (f) => (minOf(f) >= f1 + 3 ? minOf(f) : 0), 90_000);
    figures.threeOfFour = { finalizedBlocks: f1b - f1, seconds: secs(Date.now() - tKill1) };
    log({ event: 'three of four finalized 3 more blocks', finalized: f1b });

    // --- 3. Kill Charlie: Alice and Bob author their slots, finality stalls. ---
    const tKill2 = Date.now();
    await kill('charlie');
    const fAtKill2 = minOf(await sample());
    const bestAtKill2 = await maxBest(['alice', 'bob']);
    log({ event: 'SIGKILL Charlie', finalized: fAtKill2, best: bestAtKill2 });
    // A transfer while finality stalls: it lands in a block that is not final yet.
    const transfer = sendOk(api, api.tx.balances.transferKeepAlive(bob.address, SENT), alice);
    transfer.catch(() => {}); // awaited below
    // Votes in flight may finalize a block or two; then nothing is finalized for 30 s while
    // Alice and Bob go on making blocks (one every 12 s on average: two slots of four).
    let lastChange = { number: -1 };
    const stalledAt = await waitFor('finality to stall with two of four', async (f) => {
      const number = Math.max(f.alice, f.bob);
      const best = await maxBest(['alice', 'bob']);
      if (number !== lastChange.number) lastChange = { at: Date.now(), number, best };
      return Date.now() - lastChange.at >= 30_000 && best >= lastChange.best + 2 ? number : 0;
    }, 120_000);
    assert.ok(stalledAt - fAtKill2 <= 2, `finalized #${stalledAt} after the kill at #${fAtKill2}`);
    const sent = await transfer;
    const sentIn = (await api.rpc.chain.getHeader(sent.blockHash)).number.toNumber();
    assert.ok(sentIn > stalledAt, `transfer in #${sentIn}, finalized #${stalledAt}`);
    const bestAtRestart = await maxBest(['alice', 'bob']);
    const stillStalled = await sample();
    assert.equal(Math.max(stillStalled.alice, stillStalled.bob), stalledAt, 'no finality with two of four');
    log({ event: 'finality stalled', finalized: stalledAt, best: bestAtRestart, transferIn: sentIn });

    // --- 4. Restart both on their base paths: finality resumes and catches up. ---
    const tRestart = Date.now();
    await Promise.all(['charlie', 'dave'].map(startValidator));
    const tUp = Date.now();
    log({ event: 'restarted Charlie and Dave (RPC up)' });
    let tResume;
    await waitFor(`all four to finalize #${bestAtRestart} (the best block at restart)`, async (f) => {
      if (!tResume && Math.max(f.alice, f.bob) > stalledAt) {
        tResume = Date.now();
        log({ event: 'finality resumed', finalized: Math.max(f.alice, f.bob) });
      }
      return NAMES.every((n) => f[n] >= bestAtRestart);
    }, 180_000);
    const tCaughtUp = Date.now();
    const bestAtResume = await maxBest(NAMES);
    log({ event: 'all four finalized past the best block at restart', finalized: minOf(await sample()) });
    // While Charlie and Dave were down their slots were skipped: Alice and Bob made those blocks.
    const atRestart = await rpc(live.get('alice').rpcPort, 'chain_getBlockHash', [bestAtRestart]);
    const stallAuthors = [...await authorsUpTo(atRestart, bestAtKill2 + 1)];
    assert.ok(stallAuthors.length > 0 && stallAuthors.every((n) => n === 'alice' || n === 'bob'),
      `blocks #${bestAtKill2 + 1}..#${bestAtRestart} authored by ${stallAuthors}`);
    figures.stall = {
      finalizedAt: stalledAt,
      finalityStalledSeconds: secs(tResume - tKill2),
      restartToResumeSeconds: secs(tResume - tRestart),
      rpcUpToResumeSeconds: secs(tResume - tUp),
      restartToCaughtUpSeconds: secs(tCaughtUp - tRestart),
      blocksMadeWhileStalled: bestAtRestart - stalledAt,
    };

    // --- 5. Nodes started from copies of Alice's base path, copied while she runs. ---
    // One copy as `cp -r` made it; one with its ParityDB log cut short, as a copy taken while the
    // log was being written (or a damaged disk) would be. Neither is a validator: a validator
    // restored from an older copy could vote a second time in a round (docs/node.md).
    const copies = { copy: {}, damaged: {} };
    const beforeCopy = await finalized(live.get('alice').rpcPort);
    for (const label of Object.keys(copies)) {
      copies[label].base = mkdtempSync(join(tmpdir(), `fluxomics-four-${label}-`));
      dirs.push(copies[label].base);
      execFileSync('cp', ['-r', `${v.alice.base}/.`, copies[label].base]);
    }
    const afterCopy = await finalized(live.get('alice').rpcPort);
    log({ event: 'copied Alice\'s base path twice while she runs', finalized: beforeCopy.number });
    const db = join(copies.damaged.base, 'chains', 'fluxomics_local4', 'paritydb', 'full');
    const logs = readdirSync(db).filter((f) => /^log\d+$/.test(f)).map((f) => join(db, f));
    assert.ok(logs.length > 0, `a ParityDB log in ${db}`);
    const cut = logs.reduce((a, b) => (statSync(a).size >= statSync(b).size ? a : b));
    truncateSync(cut, Math.floor(statSync(cut).size * 0.6));
    const tCopy = Date.now();
    await Promise.all(Object.entries(copies).map(async ([label, c]) => {
      try {
        c.node = await startNode({
          chain: CHAIN, basePath: c.base, name: `four-${label}`,
          args: ['--node-key', randomBytes(32).toString('hex'), '--bootnodes', ...bootnodes('')],
        });
        live.set(label, c.node);
      } catch (e) {
        if (!e.logPath) throw e;
        // Refusing a copy is allowed, with an error a person can read.
        const text = readFileSync(e.logPath, 'utf8');
        assert.match(text, /error/i, `the node from the ${label} copy exited without an error: ${e.message}`);
        c.figures = { outcome: 'refused', error: text.split('\n').filter((l) => /error/i.test(l)).slice(-2) };
      }
    }));
    for (const [label, c] of Object.entries(copies)) {
      if (!c.node) continue;
      // It opens at a block Alice finalized (never past what she had), then follows her.
      const opened = await finalized(c.node.rpcPort);
      assert.ok(opened.number <= afterCopy.number, `the ${label} copy opened at #${opened.number}`);
      assert.equal(await rpc(live.get('alice').rpcPort, 'chain_getBlockHash', [opened.number]), opened.hash);
      const warning = readFileSync(c.node.logPath, 'utf8').split('\n').find((l) => /Error validating log/.test(l));
      c.figures = { outcome: 'followed', openedAt: opened.number, copiedAt: beforeCopy.number, warning: warning?.trim() };
    }
    const target = (await finalized(live.get('alice').rpcPort)).number + 2;
    await waitFor(`the nodes from the copies to finalize #${target}`, async (f) =>
      Object.keys(copies).every((label) => !copies[label].node || f[label] >= target), 120_000);
    for (const [label, c] of Object.entries(copies)) {
      if (c.node) c.figures.secondsToFollow = secs(Date.now() - tCopy);
      figures[label] = c.figures;
    }
    // A log cut short is noticed (ParityDB checks every record before applying it, and warns) and
    // the node goes on from the last whole commit before the cut: the genesis state fills most of
    // a young log, so here that is genesis or a block or two after it; it syncs the rest.
    if (copies.damaged.node) assert.ok(copies.damaged.figures.warning, 'ParityDB reports the damaged log');
    log({ event: 'the nodes from the copies follow the chain', finalized: target });

    // --- Every node holds every finalized block anyone saw, and the same balances. ---
    const end = await finalized(live.get('alice').rpcPort);
    await waitFor(`every node to finalize #${end.number}`, async (f) => minOf(f) >= end.number, 60_000);
    for (const [name, node] of live) {
      for (const [number, hash] of seen) {
        if (number > end.number) continue;
        assert.equal(await rpc(node.rpcPort, 'chain_getBlockHash', [number]), hash, `${name} at #${number}`);
      }
    }
    const keys = {
      'system.account(Alice)': api.query.system.account.key(alice.address),
      'system.account(Bob)': api.query.system.account.key(bob.address),
      'flux.accounts(Alice)': api.query.flux.accounts.key(alice.address),
      'flux.accounts(Bob)': api.query.flux.accounts.key(bob.address),
    };
    for (const [what, key] of Object.entries(keys)) {
      const values = {};
      for (const [name, node] of live) values[name] = await rpc(node.rpcPort, 'state_getStorage', [key, end.hash]);
      assert.equal(new Set(Object.values(values)).size, 1, `${what} at ${end.hash}: ${JSON.stringify(values)}`);
    }
    const at = await api.at(end.hash);
    assert.equal((await at.query.system.account(bob.address)).data.free.toBigInt(), ENDOWMENT + SENT);
    assert.ok((await at.query.system.account(alice.address)).data.free.toBigInt() < ENDOWMENT - SENT);

    // Charlie and Dave author again after their restart.
    await waitFor('Charlie and Dave to author after the restart', async () => {
      const names = await authorsUpTo((await finalized(live.get('alice').rpcPort)).hash, bestAtResume + 1);
      return names.has('charlie') && names.has('dave');
    }, 90_000);
    figures.finalizedHeightsChecked = seen.size;
    figures.totalSeconds = secs(Date.now() - started);
    console.log(`four-validators figures ${JSON.stringify(figures)}`);
  });
});
