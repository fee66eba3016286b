// A newcomer's session: convert HETU into Flux, stake it, watch Power grow at α · stake in real
// chain time, hit the cap, delegate, unstake and withdraw. On the dev chain α is 1 PU per staked
// Flux per second for each kind, the cap is 60 s of generation and unbonding takes 10 s.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { devChain, sleep } from '../lib/node.js';
import { accounts, send, findEvent, findLastEvent } from '../lib/tx.js';

const UNIT = 10n ** 12n;

describe('Flux staking and Power accrual', () => {
  let chain;
  let who;
  let api;
  before(async () => {
    chain = await devChain({ name: 'flux-power', args: ['--dev-block-time', '1000'] });
    api = chain.api;
    who = await accounts();
  });
  after(async () => { await chain?.close(); });

  const ok = async (tx, signer) => {
    const result = await send(api, tx, signer);
    assert.ok(result.ok, `extrinsic failed: ${result.error}`);
    return result;
  };
  const timeAt = async (hash) => (await (await api.at(hash)).query.timestamp.now()).toBigInt();
  const powerAt = async (hash, address) => (await (await api.at(hash)).call.powerApi.powerOf(address));
  const fluxOf = async (address, at) => (await (at ?? api).query.flux.accounts(address)).unwrapOrDefault();

  it('dev accounts start with free and staked Flux', async () => {
    const alice = await fluxOf(who.alice.address);
    assert.equal(alice.free.toBigInt(), 1_000n * UNIT);
    assert.equal(alice.staked.toBigInt(), 10_000n * UNIT);
    const status = await api.call.powerApi.powerOf(who.alice.address);
    assert.equal(status.perDay.msg.toBigInt(), 10_000n * 86_400n);
    assert.equal(status.effectiveStake.toBigInt(), 10_000n * UNIT);
  });

  it('converts HETU, stakes, and accrues exactly α · stake per millisecond of chain time', async () => {
    const user = who.fresh();
    await ok(api.tx.balances.transferKeepAlive(user.address, 1_000n * UNIT), who.alice);

    const converted = await ok(api.tx.flux.convert(500n * UNIT), user);
    // The first conversion paid for the transaction itself (the user had neither Power nor
    // Flux); the last is the call's.
    const event = findLastEvent(converted.events, 'flux', 'Converted');
    assert.equal(event.data.flux.toBigInt(), 500n * UNIT);
    assert.equal((await fluxOf(user.address, await api.at(converted.blockHash))).free.toBigInt(), 500n * UNIT);

    const staked = await ok(api.tx.flux.stake(100n * UNIT), user);
    const t0 = await timeAt(staked.blockHash);
    const status0 = await powerAt(staked.blockHash, user.address);
    assert.equal(status0.power.msg.toBigInt(), 0n);
    assert.equal(status0.perDay.msg.toBigInt(), 100n * 86_400n);
    assert.equal(status0.perDay.exec.toBigInt(), 100n * 86_400n);

    // 100 Flux at 1 PU per Flux per second: 1 PU every 10 ms, to the unit at every block.
    await sleep(3_000);
    const head = (await api.rpc.chain.getHeader()).hash.toHex();
    const t1 = await timeAt(head);
    assert.ok(t1 - t0 >= 2_000n, `chain time moved ${t1 - t0} ms`);
    const status1 = await powerAt(head, user.address);
    const expected = (t1 - t0) / 10n;
    assert.equal(status1.power.msg.toBigInt(), expected);
    assert.equal(status1.power.exec.toBigInt(), expected);
    assert.equal(status1.accruedAt.toBigInt(), t1);
  });

  it('stops at the cap: cap_period of generation', async () => {
    const user = who.fresh();
    await ok(api.tx.balances.transferKeepAlive(user.address, 1_000n * UNIT), who.alice);
    await ok(api.tx.flux.convert(100n * UNIT), user);
    await ok(api.tx.flux.stake(20n * UNIT), user);
    // Governance (sudo on the dev chain) shortens the cap to 2 s of generation: two votes from
    // 60 s, since one vote cuts generation at most tenfold (`ChangeTooLarge`).
    const params = (await api.query.power.params()).toJSON();
    const cut = await send(api, api.tx.sudo.sudo(api.tx.power.setParams({ ...params, capPeriod: 2_000 })), who.alice);
    const refused = findEvent(cut.events, 'sudo', 'Sudid').data.sudoResult.asErr.asModule;
    assert.equal(api.registry.findMetaError(refused).name, 'ChangeTooLarge');
    await ok(api.tx.sudo.sudo(api.tx.power.setParams({ ...params, capPeriod: 6_000 })), who.alice);
    await ok(api.tx.sudo.sudo(api.tx.power.setParams({ ...params, capPeriod: 2_000 })), who.alice);
    await sleep(3_500);
    const status = await api.call.powerApi.powerOf(user.address);
    // 20 Flux · 1 PU per Flux-second · 2 s.
    assert.equal(status.cap.msg.toBigInt(), 40n);
    assert.equal(status.power.msg.toBigInt(), 40n);
    assert.equal(status.power.exec.toBigInt(), 40n);
    await ok(api.tx.sudo.sudo(api.tx.power.setParams(params)), who.alice);
  });

  it('delegation raises the delegate rate and lowers the delegator rate by α · amount', async () => {
    const delegate = who.fresh();
    const before = await api.call.powerApi.powerOf(who.bob.address);
    const result = await ok(api.tx.power.delegate(delegate.address, 1_000n * UNIT, 0), who.bob);
    assert.ok(findEvent(result.events, 'power', 'Delegated'));
    const bob = await powerAt(result.blockHash, who.bob.address);
    const them = await powerAt(result.blockHash, delegate.address);
    assert.equal(before.perDay.msg.toBigInt() - bob.perDay.msg.toBigInt(), 1_000n * 86_400n);
    assert.equal(them.perDay.msg.toBigInt(), 1_000n * 86_400n);
    assert.equal(them.effectiveStake.toBigInt(), 1_000n * UNIT);

    // Delegated stake cannot leave: unstaking all of it is refused by name.
    const refused = await send(api, api.tx.flux.unstake(10_000n * UNIT), who.bob);
    assert.equal(refused.error, 'flux.StakeCommitted');

    const back = await ok(api.tx.power.undelegate(delegate.address), who.bob);
    const restored = await powerAt(back.blockHash, who.bob.address);
    assert.equal(restored.perDay.msg.toBigInt(), before.perDay.msg.toBigInt());
  });

  it('unstakes, and withdraws once the unbonding period has passed', async () => {
    const charlie = who.charlie;
    const unstaked = await ok(api.tx.flux.unstake(4_000n * UNIT), charlie);
    const { thawAt } = findEvent(unstaked.events, 'flux', 'Unstaked').data;
    assert.equal(thawAt.toBigInt() - (await timeAt(unstaked.blockHash)), 10_000n);

    const early = await send(api, api.tx.flux.withdrawUnbonded(), charlie);
    assert.equal(early.error, 'flux.NothingToWithdraw');

    // Wait for chain time to pass the thaw time.
    for (;;) {
      if ((await api.query.timestamp.now()).toBigInt() >= thawAt.toBigInt()) break;
      await sleep(500);
    }
    const freeBefore = (await fluxOf(charlie.address)).free.toBigInt();
    const withdrawn = await ok(api.tx.flux.withdrawUnbonded(), charlie);
    assert.equal(findEvent(withdrawn.events, 'flux', 'Withdrawn').data.amount.toBigInt(), 4_000n * UNIT);
    const after = await fluxOf(charlie.address, await api.at(withdrawn.blockHash));
    assert.equal(after.free.toBigInt(), freeBefore + 4_000n * UNIT);
    assert.equal(after.staked.toBigInt(), 6_000n * UNIT);
  });

  it('refuses bad input with named errors and changes nothing', async () => {
    const user = who.fresh();
    await ok(api.tx.balances.transferKeepAlive(user.address, 10n * UNIT), who.alice);
    const tooSmall = await send(api, api.tx.flux.convert(UNIT / 2n), user);
    assert.equal(tooSmall.error, 'flux.BelowMinimumConvert');
    const noFlux = await send(api, api.tx.flux.stake(UNIT), user);
    assert.equal(noFlux.error, 'flux.InsufficientFree');
    assert.equal((await api.query.flux.accounts(user.address)).isNone, true);
  });
});
