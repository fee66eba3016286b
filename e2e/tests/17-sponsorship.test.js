// Power for people who hold nothing: Alice (an app) sponsors a fresh key with the generation of
// 1 000 Flux of her stake. The key, holding no HETU and no Flux, signs a message and a PoCW call,
// both paid in Power. Alice revokes: the key's Power record and its account are gone, and its
// next transaction is refused by the pool. Bad input gets named errors and changes nothing.
// On the dev chain α is 1 PU per staked Flux per second for each kind.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { devChain, sleep } from '../lib/node.js';
import { accounts, send, sendOk, findEvent } from '../lib/tx.js';

const UNIT = 10n ** 12n;

describe('Sponsored keys: Power-only accounts', () => {
  let chain;
  let who;
  let api;
  before(async () => {
    chain = await devChain({ name: 'sponsorship', args: ['--dev-block-time', '1000'] });
    api = chain.api;
    who = await accounts();
  });
  after(async () => { await chain?.close(); });

  const ok = (tx, signer) => sendOk(api, tx, signer);
  const sysAccount = async (address) => api.query.system.account(address);
  /** `tx`, once `signer`'s Power pays all of its quote (polling a second at a time). */
  const paidInPower = async (tx, signer) => {
    for (let i = 0; i < 60; i++) {
      const probe = api.tx(tx.method);
      await probe.signAsync(signer);
      const q = (await api.call.powerApi.quote(probe.toU8a())).asOk;
      if (q.fromPower.exec.eq(q.cost.exec) && q.fromPower.msg.eq(q.cost.msg)) return tx;
      await sleep(1_000);
    }
    throw new Error('the Power never paid the quote');
  };
  /** The `PowerCharged` event of `address` in a result. */
  const chargeOf = (result, address) => result.events.find(
    (e) => e.section === 'powerMetering' && e.method === 'PowerCharged' && e.data.who.toString() === address,
  );

  it('a key with nothing is refused; sponsored, it signs and pays in Power; revoked, it is gone', async () => {
    const key = who.fresh();
    // Each attempt says something new: the pool remembers a refused transaction by its hash.
    const message = (text) => api.tx.powerMetering.sendMessage(who.bob.address, text, false);
    await assert.rejects(send(api, message('0x01'), key), /1010: Invalid Transaction: Inability to pay some fees/);

    const sponsored = await ok(api.tx.power.sponsor([key.address], 1_000n * UNIT), who.alice);
    const event = findEvent(sponsored.events, 'power', 'Sponsored').data;
    assert.equal(event.sponsor.toString(), who.alice.address);
    assert.equal(event.key.toString(), key.address);
    assert.equal(event.amount.toBigInt(), 1_000n * UNIT);
    const account = await sysAccount(key.address);
    assert.equal(account.sufficients.toNumber(), 1);
    assert.equal(account.providers.toNumber(), 0);
    assert.equal(account.data.free.toBigInt(), 0n);
    // `keys` is also a method of every struct: read the fields from JSON.
    const totals = (await api.query.power.sponsors(who.alice.address)).unwrap().toJSON();
    assert.equal(totals.keys, 1);
    assert.equal(BigInt(totals.amount), 1_000n * UNIT);
    const status = await api.call.powerApi.powerOf(key.address);
    assert.equal(status.perDay.msg.toBigInt(), 1_000n * 86_400n);

    // 1 000 PU of each kind a second: the key waits until its Power pays the whole quote.
    const sent = await ok(await paidInPower(message('0x6869'), key), key);
    const sentCharge = chargeOf(sent, key.address).data;
    assert.ok(sentCharge.fromPower.msg.toBigInt() > 0n);
    assert.equal(sentCharge.flux.toBigInt(), 0n);
    assert.equal(sentCharge.hetu.toBigInt(), 0n);
    assert.ok(findEvent(sent.events, 'powerMetering', 'MessageSent'));

    // Every PoCW call that succeeds needs Flux (a budget, collateral or a bond), which the key
    // does not hold: it asks to end a task that does not exist. The call reaches the pallet,
    // which names the error, and the charge is paid in exec Power.
    const pocw = await send(api, await paidInPower(api.tx.pocw.expireTask(987_654_321), key), key);
    assert.equal(pocw.error, 'pocw.UnknownTask');
    const pocwCharge = chargeOf(pocw, key.address).data;
    assert.ok(pocwCharge.fromPower.exec.toBigInt() > 0n);
    assert.equal(pocwCharge.flux.toBigInt(), 0n);
    assert.equal((await sysAccount(key.address)).nonce.toNumber(), 2);
    assert.equal((await api.query.flux.accounts(key.address)).isNone, true);

    const revoked = await ok(api.tx.power.revoke([key.address]), who.alice);
    const gone = findEvent(revoked.events, 'power', 'Revoked').data;
    assert.equal(gone.key.toString(), key.address);
    assert.equal(gone.amount.toBigInt(), 1_000n * UNIT);
    const at = await api.at(revoked.blockHash);
    assert.equal((await at.query.power.accounts(key.address)).isNone, true);
    assert.equal((await at.query.power.sponsorships(who.alice.address, key.address)).isNone, true);
    assert.equal((await at.query.power.sponsors(who.alice.address)).isNone, true);
    const after = await at.query.system.account(key.address);
    assert.equal(after.nonce.toNumber(), 0);
    assert.equal(after.sufficients.toNumber(), 0);
    assert.equal(after.providers.toNumber(), 0);
    await assert.rejects(send(api, message('0x02'), key), /1010: Invalid Transaction: Inability to pay some fees/);
  });

  it('refuses bad input with named errors and changes nothing', async () => {
    const keys = [who.fresh(), who.fresh()].map((k) => k.address);
    const before = await api.query.power.sponsors(who.bob.address);
    const staked = (await api.query.flux.accounts(who.bob.address)).unwrap().staked.toBigInt();
    const cases = [
      // Past the total cap: the sponsor's stake.
      [api.tx.power.sponsor(keys, staked), 'power.InsufficientStake'],
      [api.tx.power.sponsor(keys, UNIT - 1n), 'power.BelowMinDelegation'],
      [api.tx.power.sponsor([keys[0], keys[0]], UNIT), 'power.KeyAlreadySponsored'],
      [api.tx.power.sponsor([], UNIT), 'power.NoKeys'],
      // A key that never existed, and one that is not Bob's to revoke.
      [api.tx.power.revoke([keys[0]]), 'power.NotSponsored'],
    ];
    for (const [tx, error] of cases) {
      assert.equal((await send(api, tx, who.bob)).error, error);
    }
    assert.equal((await api.query.power.sponsors(who.bob.address)).toHex(), before.toHex());
    for (const key of keys) assert.equal((await sysAccount(key)).sufficients.toNumber(), 0);

    // A revoked key cannot be revoked again.
    await ok(api.tx.power.sponsor([keys[1]], UNIT), who.bob);
    await ok(api.tx.power.revoke([keys[1]]), who.bob);
    assert.equal((await send(api, api.tx.power.revoke([keys[1]]), who.bob)).error, 'power.NotSponsored');

    // More keys than one call may name does not decode: the pool refuses it.
    const max = api.consts.power.maxSponsorBatch.toNumber();
    const many = Array.from({ length: max + 1 }, () => who.fresh().address);
    await assert.rejects(send(api, api.tx.power.sponsor(many, UNIT), who.bob), /Could not decode|1002|1010/);
  });
});
