// A newcomer connects polkadot.js to a dev node: everything decodes from metadata alone.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { devChain } from '../lib/node.js';

describe('a dev chain seen from polkadot.js', () => {
  let chain;
  before(async () => { chain = await devChain({ name: 'chain' }); });
  after(async () => { await chain?.close(); });

  it('decodes the metadata with no custom types', async () => {
    const { api } = chain;
    assert.ok(api.runtimeMetadata.version >= 14);
    const pallets = api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
    for (const name of ['System', 'Timestamp', 'Aura', 'Grandpa', 'Balances', 'Sudo']) {
      assert.ok(pallets.includes(name), `pallet ${name} in metadata`);
    }
    // Every storage item's and call's types resolve.
    assert.ok(api.tx.balances.transferKeepAlive);
    assert.ok(api.query.system.account);
    const head = await api.rpc.chain.getHeader();
    assert.ok(head.number.toNumber() >= 0);
  });

  it('names the chain and its token', async () => {
    const { api } = chain;
    assert.equal((await api.rpc.system.chain()).toString(), 'Fluxomics Development');
    assert.equal(api.runtimeVersion.specName.toString(), 'fluxomics');
    assert.deepEqual(api.registry.chainTokens, ['HETU']);
    assert.deepEqual(api.registry.chainDecimals, [12]);
    assert.equal(api.registry.chainSS58, 42);
  });

  it('serves metadata v15 and v16 through the runtime API', async () => {
    const { api } = chain;
    const versions = (await api.call.metadata.metadataVersions()).map((v) => v.toNumber());
    assert.ok(versions.includes(15), `versions ${versions}`);
    assert.ok(versions.includes(16), `versions ${versions}`);
  });
});
