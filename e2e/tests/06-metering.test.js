// Paying in Power: the quote is the charge, a newcomer holding only HETU can act at once, an
// account with nothing is refused before it reaches a block, and R follows demand. The dev
// chain's controller target is below one transaction, so every block with a transaction lowers
// R by up to 10 % and every empty block raises it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { devChain, sleep } from '../lib/node.js';
import { accounts, send, submit, findEvent } from '../lib/tx.js';

const UNIT = 10n ** 12n;

describe('Paying for transactions in Power', () => {
  let chain;
  let who;
  let api;
  before(async () => {
    // Blocks only when transactions arrive (and when a test asks): the burst test counts them.
    chain = await devChain({ name: 'metering', args: ['--dev-block-time', '0'] });
    api = chain.api;
    who = await accounts();
    // Generation starts with the first block's timestamp: give Alice a second of it.
    await api.rpc.engine.createBlock(true, true);
    await sleep(1_000);
    await api.rpc.engine.createBlock(true, true);
  });
  after(async () => { await chain?.close(); });

  const big = (codec) => BigInt(codec.toString());
  const rate = async () => big(await api.call.powerApi.exchangeRate());
  const hetuOf = async (address, at) => (await (at ?? api).query.system.account(address)).data.free.toBigInt();
  const charged = (result) => {
    const event = findEvent(result.events, 'powerMetering', 'PowerCharged');
    assert.ok(event, 'a PowerCharged event');
    return amounts(event.data);
  };
  // The amounts a charge and its quote share: Power of each kind (from the balance or not), Flux
  // and HETU.
  const amounts = (x) => ({
    msg: x.cost.msg.toBigInt(),
    exec: x.cost.exec.toBigInt(),
    msgFromPower: x.fromPower.msg.toBigInt(),
    execFromPower: x.fromPower.exec.toBigInt(),
    flux: x.flux.toBigInt(),
    hetu: x.hetu.toBigInt(),
  });
  const quoted = amounts;

  // The runtime API takes the extrinsic's bytes, with or without its length prefix: `tx.toU8a()`
  // and `tx.toHex()` both work (16-wallets tries each way clients pass it). It answers a Result.
  it('charges a transfer exactly the Power quoted just before it', async () => {
    const newcomer = who.fresh();
    const tx = api.tx.balances.transferKeepAlive(newcomer.address, 10n * UNIT);
    await tx.signAsync(who.alice);
    const quote = (await api.call.powerApi.quote(tx.toU8a())).asOk;
    assert.equal(quote.payable.isTrue, true);
    assert.ok(quote.cost.msg.toBigInt() > 0n && quote.cost.exec.toBigInt() > 0n);

    const before = await hetuOf(who.alice.address);
    const result = await submit(api, tx);
    assert.ok(result.ok, `transfer failed: ${result.error}`);
    assert.deepEqual(charged(result), quoted(quote));
    // Alice had the Power: no Flux and no HETU went on the fee.
    assert.equal(quote.flux.toBigInt(), 0n);
    assert.equal(before - (await hetuOf(who.alice.address, await api.at(result.blockHash))), 10n * UNIT);
  });

  it('lets a fresh account holding only HETU send a message', async () => {
    const newcomer = who.fresh();
    await send(api, api.tx.balances.transferKeepAlive(newcomer.address, 10n * UNIT), who.alice);

    const tx = api.tx.powerMetering.sendMessage(who.bob.address, '0x68656c6c6f', true);
    await tx.signAsync(newcomer);
    const quote = (await api.call.powerApi.quote(tx.toU8a())).asOk;
    assert.equal(quote.payable.isTrue, true);
    assert.equal(quote.fromPower.msg.toBigInt(), 0n);
    assert.ok(quote.hetu.toBigInt() > 0n && quote.hetu.toBigInt() === quote.flux.toBigInt());

    const result = await submit(api, tx);
    assert.ok(result.ok, `message failed: ${result.error}`);
    const message = findEvent(result.events, 'powerMetering', 'MessageSent');
    assert.equal(message.data.from.toString(), newcomer.address);
    assert.equal(message.data.to.toString(), who.bob.address);
    assert.equal(message.data.isIntent.isTrue, true);
    assert.equal(message.data.payload.toHex(), '0x68656c6c6f');
    assert.deepEqual(charged(result), quoted(quote));
    const at = await api.at(result.blockHash);
    assert.equal(await hetuOf(newcomer.address, at), 10n * UNIT - quote.hetu.toBigInt());
    // The Flux bought went to the sink, not to nowhere: none is left with the newcomer.
    assert.equal((await at.query.flux.accounts(newcomer.address)).isNone, true);
  });

  it('refuses an account with nothing before it reaches a block, and changes nothing', async () => {
    const nobody = who.fresh();
    const tx = api.tx.powerMetering.sendMessage(who.bob.address, '0x00', false);
    await tx.signAsync(nobody, { nonce: 0 });
    const quote = (await api.call.powerApi.quote(tx.toU8a())).asOk;
    assert.equal(quote.payable.isTrue, false);
    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    await assert.rejects(submit(api, tx), /1010: Invalid Transaction: Inability to pay some fees/);
    const account = await api.query.system.account(nobody.address);
    assert.equal(account.nonce.toNumber(), 0);
    assert.equal(account.data.free.toBigInt(), 0n);
    assert.equal((await api.query.flux.accounts(nobody.address)).isNone, true);
    assert.equal((await api.rpc.chain.getHeader()).number.toNumber(), head);
  });

  it('lowers R in a burst of messages, and R recovers when the burst stops', async () => {
    const start = await rate();
    const first = (await api.rpc.system.accountNextIndex(who.alice.address)).toNumber();
    const burst = [];
    for (let i = 0; i < 12; i += 1) {
      const tx = api.tx.powerMetering.sendMessage(who.bob.address, '0x' + '42'.repeat(64), false);
      await tx.signAsync(who.alice, { nonce: first + i });
      burst.push(submit(api, tx));
    }
    const results = await Promise.all(burst);
    assert.ok(results.every((r) => r.ok));
    const low = await rate();
    assert.ok(low < start, `R fell: ${start} → ${low}`);

    // Empty blocks: no consumption, so R climbs back by up to 10 % a block.
    let now = low;
    let blocks = 0;
    while (now < start && blocks < 100) {
      await api.rpc.engine.createBlock(true, true);
      blocks += 1;
      const next = await rate();
      assert.ok(next >= now, 'R only rises in empty blocks');
      now = next;
    }
    assert.ok(now >= start, `R recovered to ${now} (from ${low}, start ${start}) in ${blocks} blocks`);
  });
});
