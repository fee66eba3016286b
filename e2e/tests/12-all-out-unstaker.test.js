// Nobody is locked out of their own Flux (issue 16, item 9). An account that unstakes everything
// it has ends with no free Flux, no HETU above the existential deposit, no stake and so no
// Power: before the self-funding withdrawal it could never pay for `flux.withdrawUnbonded()` and
// its Flux was stuck for ever. Now the withdrawal pays its fee from the thawed Flux it releases
// (a first `flux.Withdrawn` for the fee, a second for the rest), and it cannot be repeated for
// free: once nothing has thawed, a second withdrawal pays from free Flux like any other call.
//
// On the dev chain α is 1 PU per staked Flux per second of each kind, the cap is 60 s of
// generation at the current stake (so an account with no stake holds no Power at all), unbonding
// takes 10 s, `min_convert` and `min_stake` are 1 Flux, and `convert` keeps the HETU existential
// deposit (`Preservation::Preserve`).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { devChain, sleep } from '../lib/node.js';
import { accounts, send, sendOk, submit, findEvent } from '../lib/tx.js';

const UNIT = 10n ** 12n;

describe('the all-out unstaker withdraws its Flux', () => {
  let chain;
  let api;
  let who;
  let x;
  let ed;
  // Filled in as the story goes on.
  let unbonded;
  let thawAt;
  before(async () => {
    chain = await devChain({ name: 'all-out-unstaker', args: ['--dev-block-time', '1000'] });
    api = chain.api;
    who = await accounts();
    x = who.keyring.addFromUri('//AllOut');
    ed = api.consts.balances.existentialDeposit.toBigInt();
  });
  after(async () => { await chain?.close(); });

  const fluxOf = async (address, at) => (await (at ?? api).query.flux.accounts(address)).unwrapOrDefault();
  const hetuOf = async (address, at) => (await (at ?? api).query.system.account(address)).data.free.toBigInt();
  const powerAt = async (hash, address) => (await api.at(hash)).call.powerApi.powerOf(address);
  const unbondingTotal = (account) => account.unbonding.reduce((sum, c) => sum + c.amount.toBigInt(), 0n);
  const chainTime = async () => (await api.query.timestamp.now()).toBigInt();
  /** Signs `tx` as `signer` (next nonce) and asks the runtime what it would cost now. */
  const quoteOf = async (tx, signer) => {
    await tx.signAsync(signer);
    return (await api.call.powerApi.quote(tx.toU8a())).asOk;
  };
  /** Waits until X's Power alone pays for `make()` (quoted with no Flux at all), then sends it. */
  const sendOnPower = async (make, label) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const tx = make();
      const quote = await quoteOf(tx, x);
      if (quote.payable.isTrue && quote.flux.toBigInt() === 0n) {
        const result = await submit(api, tx);
        assert.ok(result.ok, `${label} failed: ${result.error}`);
        const charge = findEvent(result.events, 'powerMetering', 'PowerCharged').data;
        assert.equal(charge.flux.toBigInt(), 0n, `${label} paid in Power only`);
        assert.equal(charge.hetu.toBigInt(), 0n);
        return result;
      }
      assert.ok(Date.now() < deadline, `${label}: Power never covered it`);
      await sleep(500);
    }
  };

  it('X converts all its HETU but the existential deposit, stakes all its Flux and unstakes it all', async () => {
    // 1 000 HETU above the existential deposit. X's first conversion pays its own fee from HETU
    // (it has neither Power nor Flux); it leaves a few HETU so that the second can convert exactly
    // what is left above the existential deposit (at least `min_convert`), its fee paid from the
    // Flux the first minted.
    await sendOk(api, api.tx.balances.transferKeepAlive(x.address, ed + 1_000n * UNIT), who.alice);
    // R moves by up to 10 % a block: leave twice the quoted fee, and a Flux to convert after.
    const firstFee = (await quoteOf(api.tx.flux.convert(1_000n * UNIT), x)).hetu.toBigInt();
    assert.ok(firstFee > 0n, 'the first conversion pays its fee from HETU');
    await sendOk(api, api.tx.flux.convert(1_000n * UNIT - 2n * firstFee - UNIT), x);
    const rest = (await hetuOf(x.address)) - ed;
    assert.ok(rest >= UNIT, `left ${rest} planck of HETU to convert`);
    const second = await sendOk(api, api.tx.flux.convert(rest), x);
    assert.equal(findEvent(second.events, 'powerMetering', 'PowerCharged').data.hetu.toBigInt(), 0n,
      'the second conversion paid its fee from free Flux');
    const afterConvert = await api.at(second.blockHash);
    assert.equal(await hetuOf(x.address, afterConvert), ed, 'X keeps exactly the existential deposit');

    // Stake all but twice the quoted fee: the fee comes out of free Flux before the call, and
    // any unused weight comes back to free Flux after it. What is left is staked once X's new
    // Power alone pays the fee, so that free Flux reaches exactly 0.
    const free0 = (await fluxOf(x.address, afterConvert)).free.toBigInt();
    const stakeFee = (await quoteOf(api.tx.flux.stake(free0), x)).flux.toBigInt();
    await sendOk(api, api.tx.flux.stake(free0 - 2n * stakeFee), x);
    const left = (await fluxOf(x.address)).free.toBigInt();
    assert.ok(left > 0n, `left ${left} planck of free Flux`);
    console.log(`first conversion fee ${firstFee} planck HETU; stake fee quoted ${stakeFee} planck Flux; `
      + `${left} planck free Flux left to stake on Power`);
    const topUp = await sendOnPower(() => api.tx.flux.stake(left), 'stake of the rest');
    const staked = await fluxOf(x.address, await api.at(topUp.blockHash));
    assert.equal(staked.free.toBigInt(), 0n);
    unbonded = staked.staked.toBigInt();
    console.log(`X staked ${unbonded} planck (${Number(unbonded / 10n ** 9n) / 1000} Flux)`);

    // All of it out, paid by the Power the stake generated.
    const out = await sendOnPower(() => api.tx.flux.unstake(unbonded), 'unstake');
    thawAt = findEvent(out.events, 'flux', 'Unstaked').data.thawAt.toBigInt();
    const at = await api.at(out.blockHash);
    const account = await fluxOf(x.address, at);
    assert.equal(account.free.toBigInt(), 0n);
    assert.equal(account.staked.toBigInt(), 0n);
    assert.equal(account.held.toBigInt(), 0n);
    assert.equal(unbondingTotal(account), unbonded);
    assert.equal(await hetuOf(x.address, at), ed);
    // No stake: no generation and a cap of 0, so whatever Power was left is gone.
    const status = await powerAt(out.blockHash, x.address);
    assert.equal(status.power.msg.toBigInt(), 0n);
    assert.equal(status.power.exec.toBigInt(), 0n);
    assert.equal(status.cap.msg.toBigInt(), 0n);
    assert.equal(status.cap.exec.toBigInt(), 0n);
  });

  it('before the thaw X can pay for nothing: it is all-out', async () => {
    assert.ok(thawAt, 'X unstaked everything');
    // Nothing has thawed, so nothing can pay: Power 0, free Flux 0, HETU at the existential
    // deposit. (Before the fix this stayed so for ever, after the thaw too.)
    assert.ok((await chainTime()) < thawAt, 'still before the thaw');
    const early = await quoteOf(api.tx.flux.withdrawUnbonded(), x);
    assert.equal(early.payable.isTrue, false);
    const rebond = await quoteOf(api.tx.flux.rebond(unbonded), x);
    assert.equal(rebond.payable.isTrue, false);
    await assert.rejects(send(api, api.tx.flux.withdrawUnbonded(), x), /1010: Invalid Transaction: Inability to pay some fees/);
  });

  it('after the thaw the withdrawal pays from what it releases', async () => {
    assert.ok(thawAt, 'X unstaked everything');
    while ((await chainTime()) < thawAt) await sleep(500);

    const tx = api.tx.flux.withdrawUnbonded();
    const quote = await quoteOf(tx, x);
    assert.equal(quote.payable.isTrue, true, 'the withdrawal is payable from the thawed Flux');
    assert.equal(quote.fromPower.msg.toBigInt(), 0n);
    assert.equal(quote.fromPower.exec.toBigInt(), 0n);
    assert.ok(quote.flux.toBigInt() > 0n, 'the fee is paid in Flux');
    assert.equal(quote.hetu.toBigInt(), 0n, 'no HETU is converted');
    // Any other call is still unpayable: only the withdrawal releases Flux.
    const rebond = await quoteOf(api.tx.flux.rebond(unbonded), x);
    assert.equal(rebond.payable.isTrue, false);

    const result = await submit(api, tx);
    assert.ok(result.ok, `withdrawal failed: ${result.error}`);
    const charge = findEvent(result.events, 'powerMetering', 'PowerCharged').data;
    assert.ok(charge.who.eq(x.address));
    const fee = charge.flux.toBigInt();
    assert.ok(fee > 0n);
    assert.equal(charge.hetu.toBigInt(), 0n);
    assert.equal(charge.fromPower.msg.toBigInt(), 0n);
    assert.equal(charge.fromPower.exec.toBigInt(), 0n);

    const withdrawn = result.events
      .filter((e) => e.section === 'flux' && e.method === 'Withdrawn')
      .map((e) => { assert.ok(e.data.who.eq(x.address)); return e.data.amount.toBigInt(); });
    assert.equal(withdrawn.length, 2, `two Withdrawn events, got ${withdrawn}`);
    assert.equal(withdrawn[0] + withdrawn[1], unbonded);
    // The first is the fee's part, paid to the sink before the call; unused weight came back.
    const paid = findEvent(result.events, 'flux', 'PaidToSink').data.amount.toBigInt();
    assert.equal(withdrawn[0], paid);
    assert.ok(fee <= paid);

    const account = await fluxOf(x.address, await api.at(result.blockHash));
    assert.equal(account.free.toBigInt(), unbonded - fee);
    assert.equal(account.unbonding.length, 0);
    assert.equal(account.staked.toBigInt(), 0n);
    assert.equal(await hetuOf(x.address, await api.at(result.blockHash)), ed, 'no HETU was touched');
    console.log(`unbonded ${unbonded}, quoted fee ${quote.flux}, fee part withdrawn ${withdrawn[0]}, `
      + `rest ${withdrawn[1]}, Flux fee charged ${fee}, free after ${account.free}`);
  });

  it('cannot be repeated for free: a second withdrawal pays from free Flux like any call', async () => {
    assert.ok(unbonded && thawAt, 'X withdrew');
    // Nothing is left to thaw, so nothing is released: X, now holding free Flux, pays the fee
    // from it (Power is still 0, HETU still at the existential deposit) and the call fails.
    const before = (await fluxOf(x.address)).free.toBigInt();
    assert.ok(before > 0n);
    const tx = api.tx.flux.withdrawUnbonded();
    const quote = await quoteOf(tx, x);
    assert.equal(quote.payable.isTrue, true);
    assert.ok(quote.flux.toBigInt() > 0n);
    assert.equal(quote.hetu.toBigInt(), 0n);

    const result = await submit(api, tx);
    assert.equal(result.error, 'flux.NothingToWithdraw');
    assert.equal(findEvent(result.events, 'flux', 'Withdrawn'), undefined, 'nothing released');
    const fee = findEvent(result.events, 'powerMetering', 'PowerCharged').data.flux.toBigInt();
    assert.ok(fee > 0n);
    const after = await fluxOf(x.address, await api.at(result.blockHash));
    assert.equal(after.free.toBigInt(), before - fee, 'the fee came out of free Flux');
    console.log(`second withdrawal: NothingToWithdraw, Flux fee ${fee} from free Flux, free now ${after.free}`);
    assert.equal(await hetuOf(x.address, await api.at(result.blockHash)), ed);
  });
});
