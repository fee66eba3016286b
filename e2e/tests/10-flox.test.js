// Flox from polkadot.js: accounts interact (a transfer, messages, a newcomer paying with HETU, a
// rental, a PoCW task), every charge with a counterparty becomes an edge of the current epoch
// (folded in at the next block), the 20-second dev epoch closes, the chain ranks it over the next
// blocks and publishes a digest, points appear, and `fluxomics-node flox verify` reproduces the
// digest from the chain and from an exported file (and rejects a tampered one).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { devChain, sleep, NODE_BINARY } from '../lib/node.js';
import { accounts, sendOk, findEvent } from '../lib/tx.js';

const UNIT = 10n ** 12n;
const ONE = 1n << 60n; // rank 1 in the ranking's fixed point

describe('Flox epochs, ranking and points', () => {
  let chain;
  let who;
  let api;
  before(async () => {
    chain = await devChain({ name: 'flox', args: ['--dev-block-time', '1000'] });
    api = chain.api;
    who = await accounts();
  });
  after(async () => { await chain?.close(); });

  async function ok(tx, signer) {
    const result = await sendOk(api, tx, signer);
    const charged = findEvent(result.events, 'powerMetering', 'PowerCharged').data;
    return { ...result, power: charged.cost.msg.toBigInt() + charged.cost.exec.toBigInt() };
  }
  const key = (target, caller) => `${target}>${caller}`;

  it('records charges as edges, ranks the closed epoch on chain and credits points', async () => {
    // Before the epoch of interest (none of these has a counterparty): Dave, Eve and Ferdie
    // become PoCW verifiers, so that a task with the least quorum can be posted, and Bob lists an
    // offer.
    const { minVerifierBond, minBudget, minQuorum } = await api.query.pocw.params();
    for (const v of [who.dave, who.eve, who.ferdie]) {
      await ok(api.tx.flux.convert(minVerifierBond.toBigInt() + 100n * UNIT), v);
      await ok(api.tx.pocw.registerVerifier(minVerifierBond), v);
    }
    const listed = await ok(api.tx.powerMarket.list(2_000n * UNIT, UNIT / 10n, 1_000, 3_600_000), who.bob);
    const offer = findEvent(listed.events, 'powerMarket', 'Listed').data.offer.toNumber();
    // Start right after an epoch begins, so that every interaction lands in one epoch.
    const first = (await api.call.floxApi.epochStatus()).epoch.toNumber();
    for (let i = 0; i < 60; i += 1) {
      if ((await api.call.floxApi.epochStatus()).epoch.toNumber() > first) break;
      await sleep(500);
    }
    const epoch = (await api.call.floxApi.epochStatus()).epoch.toNumber();
    const expected = new Map();
    const add = (target, caller, power) => {
      const k = key(target.address, caller.address);
      expected.set(k, (expected.get(k) ?? 0n) + power);
    };
    const newcomer = who.fresh();
    await ok(api.tx.balances.transferKeepAlive(newcomer.address, 10n * UNIT), who.alice)
      .then((r) => add(newcomer, who.alice, r.power));
    for (let i = 0; i < 2; i += 1) {
      add(who.bob, who.alice, (await ok(api.tx.powerMetering.sendMessage(who.bob.address, '0x01', false), who.alice)).power);
    }
    add(who.bob, who.charlie, (await ok(api.tx.powerMetering.sendMessage(who.bob.address, '0x02', true), who.charlie)).power);
    add(who.alice, who.bob, (await ok(api.tx.powerMetering.sendMessage(who.alice.address, '0x03', false), who.bob)).power);
    add(who.bob, newcomer, (await ok(api.tx.powerMetering.sendMessage(who.bob.address, '0x04', false), newcomer)).power);
    // A rental pays the offer's lender: Charlie reaches Bob.
    add(who.bob, who.charlie, (await ok(api.tx.powerMarket.rent(offer, 1_000n * UNIT, 5_000n, UNIT), who.charlie)).power);
    // A PoCW worker's claim serves the task's requester: Charlie reaches Alice.
    const now = (await api.query.timestamp.now()).toBigInt();
    const posted = await ok(api.tx.pocw.postTask('0x' + '44'.repeat(32), minBudget, 'Light', minQuorum, now + 300_000n), who.alice);
    const task = findEvent(posted.events, 'pocw', 'TaskPosted').data.task.toBigInt();
    add(who.alice, who.charlie, (await ok(api.tx.pocw.claimTask(task, 10n * UNIT), who.charlie)).power);
    // Self-interaction is not an edge.
    const own = await ok(api.tx.powerMetering.sendMessage(who.alice.address, '0x05', false), who.alice);
    // Charges are folded into the epoch by the next block.
    const header = await api.rpc.chain.getHeader(own.blockHash);
    for (let i = 0; i < 20; i += 1) {
      if ((await api.rpc.chain.getHeader()).number.toNumber() > header.number.toNumber()) break;
      await sleep(250);
    }

    const status = await api.call.floxApi.epochStatus();
    if (status.epoch.toNumber() !== epoch) {
      // The epoch rolled over while we sent: the edges are split; the test needs them together.
      assert.fail('the epoch ended while the interactions were sent; rerun');
    }
    const edges = new Map((await api.call.floxApi.edges(epoch)).map(([t, c, g]) => [key(t.toString(), c.toString()), g.toBigInt()]));
    assert.deepEqual(edges, expected, 'every charge with a counterparty, summed per (target, caller)');

    // Wait for the epoch to end and for the chain to finish its ranking.
    let last = null;
    for (let i = 0; i < 120; i += 1) {
      const s = await api.call.floxApi.epochStatus();
      if (s.lastRanked.isSome && s.lastRanked.unwrap().toNumber() >= epoch) { last = s; break; }
      await sleep(1_000);
    }
    assert.ok(last, `epoch ${epoch} was ranked within two minutes`);
    const digest = await api.call.floxApi.digest(epoch);
    assert.ok(digest.isSome, 'a digest is published');
    assert.equal(digest.unwrap().length, 32);

    const params = await api.query.flox.params();
    const bob = await api.call.floxApi.ranksOf(who.bob.address);
    const alice = await api.call.floxApi.ranksOf(who.alice.address);
    const newbie = await api.call.floxApi.ranksOf(newcomer.address);
    assert.equal(bob.epoch.unwrap().toNumber(), epoch);
    // Targets: Bob, Alice, the newcomer; callers: Alice, Charlie, Bob, the newcomer (Alice's
    // task post has no counterparty).
    const targets = [bob, alice, newbie].map((r) => r.targetRank.toBigInt());
    const sum = targets.reduce((a, b) => a + b, 0n);
    assert.ok(sum <= ONE && sum >= ONE - 3n, `target ranks sum to one: ${sum}`);
    assert.ok(targets[0] > targets[1], 'Bob, called by three, outranks Alice, called by one');
    // Points are rank · ratio, rounded down, for each role.
    const pts = (rank, ratio) => (rank.toBigInt() * ratio.toBigInt()) / ONE;
    assert.equal(bob.points.toBigInt(), pts(bob.targetRank, params.contractsRatio) + pts(bob.callerRank, params.eoasRatio));
    assert.ok(bob.points.toBigInt() > 0n && alice.points.toBigInt() > 0n);
    const charlie = await api.call.floxApi.ranksOf(who.charlie.address);
    assert.equal(charlie.targetRank.toBigInt(), 0n, 'nobody called Charlie');
    assert.ok(charlie.callerRank.toBigInt() > 0n);

    // Anyone can check the digest off chain: the node recomputes the ranking with the same
    // library from what the chain ranked, read over RPC, or from an exported file.
    const run = promisify(execFile);
    const rpc = `127.0.0.1:${chain.node.rpcPort}`;
    const live = await run(NODE_BINARY, ['flox', 'verify', '--rpc', rpc, '--epoch', String(epoch)]);
    assert.match(live.stdout, /digest matches/);
    assert.ok(live.stdout.includes(`0x${Buffer.from(digest.unwrap()).toString('hex')}`));
    const dir = mkdtempSync(join(tmpdir(), 'fluxomics-flox-'));
    try {
      const file = join(dir, 'epoch.json');
      await run(NODE_BINARY, ['flox', 'export', '--rpc', rpc, '--epoch', String(epoch), '--out', file]);
      const exported = JSON.parse(readFileSync(file, 'utf8'));
      assert.equal(exported.edges.length, expected.size);
      const fromFile = await run(NODE_BINARY, ['flox', 'verify', '--rpc', rpc, '--file', file]);
      assert.match(fromFile.stdout, /digest matches/);
      // A tampered export does not match the chain's digest.
      exported.edges[0][2] = (BigInt(exported.edges[0][2]) + 1n).toString();
      const tampered = join(dir, 'tampered.json');
      writeFileSync(tampered, JSON.stringify(exported));
      await assert.rejects(run(NODE_BINARY, ['flox', 'verify', '--rpc', rpc, '--file', tampered]), /digest does not match/);
      // Nor does one whose own digest was rewritten to match its tampered edges: the file's
      // digest proves nothing, the chain's does. Offline, it is only consistent with itself.
      const forged = await run(NODE_BINARY, ['flox', 'verify', '--offline', '--file', tampered]).catch((e) => e);
      const recomputed = /recomputed digest: (0x[0-9a-f]{64})/.exec(forged.stdout)[1];
      exported.digest = recomputed;
      writeFileSync(tampered, JSON.stringify(exported));
      const offline = await run(NODE_BINARY, ['flox', 'verify', '--offline', '--file', tampered]);
      assert.match(offline.stdout, /own digest only/);
      await assert.rejects(run(NODE_BINARY, ['flox', 'verify', '--rpc', rpc, '--file', tampered]), /digest does not match/);
      // A file that asks for unbounded work is refused before any is done.
      exported.maxIterations = 4_294_967_295;
      writeFileSync(tampered, JSON.stringify(exported));
      await assert.rejects(run(NODE_BINARY, ['flox', 'verify', '--offline', '--file', tampered]), /iterations, above 10000/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
