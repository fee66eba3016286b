// A dev node killed mid-run (SIGKILL, as a crash) restarts on the same base path and keeps every
// block it had finalized.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNode, rpc, sleep } from '../lib/node.js';

async function finalized(port) {
  const hash = await rpc(port, 'chain_getFinalizedHead');
  const header = await rpc(port, 'chain_getHeader', [hash]);
  return { hash, number: parseInt(header.number, 16) };
}

describe('crash recovery', () => {
  it('keeps finalized blocks across a kill and restart on the same base path', async () => {
    const basePath = mkdtempSync(join(tmpdir(), 'fluxomics-restart-'));
    try {
      // No timer blocks: the test decides when blocks are made.
      const first = await startNode({ chain: 'dev', basePath, name: 'restart-1', args: ['--dev-block-time', '0'] });
      for (let i = 0; i < 3; i++) await rpc(first.rpcPort, 'engine_createBlock', [true, true]);
      // ParityDB writes a commit to disk from a background thread, within milliseconds: a crash
      // in that window loses the last commit whole (never half of it). Give it a moment, as a
      // node that had been running would have had (docs/node.md).
      await sleep(1_000);
      const before = await finalized(first.rpcPort);
      assert.ok(before.number >= 3, `finalized #${before.number}`);
      await first.kill();

      const second = await startNode({ chain: 'dev', basePath, name: 'restart-2' });
      try {
        const after = await finalized(second.rpcPort);
        assert.ok(after.number >= before.number, `finalized #${after.number} after restart, #${before.number} before`);
        assert.equal(await rpc(second.rpcPort, 'chain_getBlockHash', [before.number]), before.hash);
        // And it goes on from there.
        await rpc(second.rpcPort, 'engine_createBlock', [true, true]);
        // Finality is reported asynchronously: wait for it (a loaded machine is slow).
        let last = before.number;
        for (let i = 0; i < 50 && last <= before.number; i++) {
          await sleep(200);
          last = (await finalized(second.rpcPort)).number;
        }
        assert.ok(last > before.number, `finalized #${last} after a new block, #${before.number} before`);
      } finally {
        await second.stop({ keep: true });
      }
    } finally {
      rmSync(basePath, { recursive: true, force: true });
    }
  });
});
