// Alice pays a newcomer in HETU (and for the transaction in Power); a transfer above balance fails
// with its error decoded by name.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { devChain } from '../lib/node.js';
import { accounts, send, findEvent } from '../lib/tx.js';

const HETU = 10n ** 12n;

describe('HETU transfers', () => {
  let chain;
  let who;
  before(async () => {
    chain = await devChain({ name: 'transfer' });
    who = await accounts();
  });
  after(async () => { await chain?.close(); });

  it('moves exactly the amount; the sender pays in Power, not in HETU', async () => {
    const { api } = chain;
    const newcomer = who.fresh();
    const amount = 10n * HETU;
    const before = (await api.query.system.account(who.alice.address)).data.free.toBigInt();

    const result = await send(api, api.tx.balances.transferKeepAlive(newcomer.address, amount), who.alice);
    assert.ok(result.ok, `transfer failed: ${result.error}`);

    const at = await api.at(result.blockHash);
    const after = (await at.query.system.account(who.alice.address)).data.free.toBigInt();
    const received = (await at.query.system.account(newcomer.address)).data.free.toBigInt();
    const charged = findEvent(result.events, 'powerMetering', 'PowerCharged');
    assert.ok(charged, 'charge event');
    assert.equal(charged.data.who.toString(), who.alice.address);
    // Alice holds Power and free Flux (in the first block she has no Power yet, and pays in Flux):
    // no HETU is converted or burned.
    assert.equal(charged.data.hetu.toBigInt(), 0n);
    assert.ok(charged.data.cost.msg.toBigInt() > 0n && charged.data.cost.exec.toBigInt() > 0n);

    assert.equal(received, amount);
    assert.equal(before - after, amount);
    const transfer = findEvent(result.events, 'balances', 'Transfer');
    assert.equal(transfer.data[0].toString(), who.alice.address);
    assert.equal(transfer.data[1].toString(), newcomer.address);
    assert.equal(transfer.data[2].toBigInt(), amount);
  });

  it('reports a transfer above balance with its error decoded by name, and moves nothing', async () => {
    const { api } = chain;
    const newcomer = who.fresh();
    const bobBefore = (await api.query.system.account(who.bob.address)).data.free.toBigInt();

    const result = await send(api, api.tx.balances.transferAllowDeath(newcomer.address, bobBefore * 2n), who.bob);
    assert.equal(result.ok, false);
    assert.equal(result.error, 'Token.FundsUnavailable');
    assert.ok(findEvent(result.events, 'system', 'ExtrinsicFailed'));

    const at = await api.at(result.blockHash);
    assert.equal((await at.query.system.account(newcomer.address)).data.free.toBigInt(), 0n);
  });

  it('decodes a module error by pallet and name', async () => {
    const { api } = chain;
    // Only the sudo key may use sudo: Bob is refused with the Sudo pallet's own error.
    const result = await send(api, api.tx.sudo.sudo(api.tx.system.remark('0x00')), who.bob);
    assert.equal(result.ok, false);
    assert.equal(result.error, 'sudo.RequireSudo');
  });
});
