// `--chain local`: two validators (Alice, Bob) on loopback author with Aura and finalize with
// GRANDPA, and finality resumes after one of them is restarted.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startNode, rpc, sleep, freePort } from '../lib/node.js';

async function finalizedNumber(port) {
  const hash = await rpc(port, 'chain_getFinalizedHead');
  return parseInt((await rpc(port, 'chain_getHeader', [hash])).number, 16);
}

async function waitFor(what, predicate, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(1000);
  }
}

describe('a two-validator local network', () => {
  const dirs = [];
  const nodes = [];
  after(async () => {
    for (const n of nodes) await n.stop({ keep: true }).catch(() => {});
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('produces and finalizes blocks, and keeps finalizing after a validator restarts', async () => {
    const aliceBase = mkdtempSync(join(tmpdir(), 'fluxomics-alice-'));
    const bobBase = mkdtempSync(join(tmpdir(), 'fluxomics-bob-'));
    dirs.push(aliceBase, bobBase);
    const alicePort = await freePort();
    const alice = await startNode({
      chain: 'local', basePath: aliceBase, p2pPort: alicePort, name: 'local-alice',
      args: ['--alice', '--node-key', randomBytes(32).toString('hex')],
    });
    nodes.push(alice);
    const alicePeerId = await rpc(alice.rpcPort, 'system_localPeerId');
    const bootnode = `/ip4/127.0.0.1/tcp/${alicePort}/p2p/${alicePeerId}`;
    // A validator needs a persistent libp2p key; Bob keeps his across the restart.
    const bobArgs = ['--bob', '--node-key', randomBytes(32).toString('hex'), '--bootnodes', bootnode];
    let bob = await startNode({ chain: 'local', basePath: bobBase, name: 'local-bob', args: bobArgs });
    nodes.push(bob);

    // Both author (Aura alternates slots) and GRANDPA finalizes.
    const firstFinal = await waitFor('finality on both nodes', async () => {
      const [a, b] = [await finalizedNumber(alice.rpcPort), await finalizedNumber(bob.rpcPort)];
      return a >= 3 && b >= 3 ? Math.min(a, b) : 0;
    }, 90_000);
    assert.ok(firstFinal >= 3);
    const peers = await rpc(alice.rpcPort, 'system_peers');
    assert.equal(peers.length, 1);

    // Restart Bob on the same base path: finality stalls without him (2 of 2 needed), then resumes.
    await bob.stop({ keep: true });
    nodes.splice(nodes.indexOf(bob), 1);
    const stalledAt = await finalizedNumber(alice.rpcPort);
    bob = await startNode({ chain: 'local', basePath: bobBase, name: 'local-bob-2', args: bobArgs });
    nodes.push(bob);
    const resumed = await waitFor('finality after the restart', async () => {
      const [a, b] = [await finalizedNumber(alice.rpcPort), await finalizedNumber(bob.rpcPort)];
      return a > stalledAt + 2 && b > stalledAt + 2 ? Math.min(a, b) : 0;
    }, 120_000);
    assert.ok(resumed > stalledAt);
  });
});
