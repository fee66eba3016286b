// Governing the economy from polkadot.js: a preimage of `power.setParams` raising α_msg is noted,
// a referendum on the parameter track is submitted, Alice and Bob vote with HETU, it passes and
// is enacted, and the new α shows in the parameter and in Alice's Power rate. A second
// referendum, with an unnormalized λ split for PoCW, passes the vote but its enactment fails with
// the named error and leaves the old values; a third, on the parameter track with a call that
// needs root, fails with BadOrigin.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { blake2AsHex } from '@polkadot/util-crypto';
import { devChain } from '../lib/node.js';
import { accounts, send, sendOk, findEvent, errorName } from '../lib/tx.js';

const UNIT = 10n ** 12n;
const FIXED = 10n ** 18n; // FixedU128's denominator

describe('Governance of the economic parameters', () => {
  let chain;
  let who;
  let api;
  before(async () => {
    // Blocks only when a transaction arrives or the test asks: the test drives the vote.
    chain = await devChain({ name: 'governance', args: ['--dev-block-time', '0'] });
    api = chain.api;
    who = await accounts();
  });
  after(async () => { await chain?.close(); });

  const ok = (tx, signer) => sendOk(api, tx, signer);

  /** Notes `call`'s preimage, submits it on the parameter track, places the decision deposit,
   *  has Alice and Bob vote aye, and seals blocks until the scheduler dispatches it. Returns the
   *  dispatch result (`{ ok, error }`). */
  async function vote(call) {
    const encoded = call.method.toHex();
    const noted = await ok(api.tx.preimage.notePreimage(encoded), who.alice);
    const hash = blake2AsHex(encoded);
    assert.equal(findEvent(noted.events, 'preimage', 'Noted').data[0].toHex(), hash);
    const len = (encoded.length - 2) / 2;
    const submitted = await ok(
      api.tx.referenda.submit({ Origins: 'ParameterChange' }, { Lookup: { hash, len } }, { After: 1 }),
      who.alice,
    );
    const event = findEvent(submitted.events, 'referenda', 'Submitted').data;
    const index = event.index.toNumber();
    assert.equal(event.track.toNumber(), 1, 'the parameter track');
    await ok(api.tx.referenda.placeDecisionDeposit(index), who.alice);
    for (const voter of [who.alice, who.bob]) {
      await ok(api.tx.convictionVoting.vote(index, {
        Standard: { vote: { aye: true, conviction: 'Locked1x' }, balance: 900_000n * UNIT },
      }), voter);
    }
    // The scheduler also runs the referendum's alarms: wait for approval first, then for the
    // dispatch of the enactment, in a later block.
    let approved = false;
    for (let block = 0; block < 40; block += 1) {
      const hash = (await api.rpc.engine.createBlock(true, true)).blockHash.toHex();
      const at = await api.at(hash);
      if (!approved) {
        approved = (await at.query.referenda.referendumInfoFor(index)).unwrap().isApproved;
        continue;
      }
      const events = await at.query.system.events();
      const dispatched = events.map((e) => e.event).find((e) => e.section === 'scheduler' && e.method === 'Dispatched');
      if (dispatched) {
        const result = dispatched.data.result;
        return { ok: result.isOk, error: result.isErr ? errorName(api, result.asErr) : null, hash };
      }
    }
    throw new Error(`referendum ${index} was not enacted within 40 blocks`);
  }

  it('enacts a passed referendum raising α_msg: the parameter and Alice\'s rate follow', async () => {
    const old = await api.query.power.params();
    const alpha = old.alpha.msg.toBigInt() * 2n;
    const call = api.tx.power.setParams({ alpha: { msg: alpha, exec: old.alpha.exec }, capPeriod: old.capPeriod });
    const before = await api.call.powerApi.powerOf(who.alice.address);

    const enacted = await vote(call);
    assert.ok(enacted.ok, `enactment failed: ${enacted.error}`);
    const now = await (await api.at(enacted.hash)).query.power.params();
    assert.equal(now.alpha.msg.toBigInt(), alpha);
    assert.equal(now.alpha.exec.toBigInt(), old.alpha.exec.toBigInt());
    const status = await (await api.at(enacted.hash)).call.powerApi.powerOf(who.alice.address);
    const stake = status.effectiveStake.toBigInt();
    assert.equal(stake, before.effectiveStake.toBigInt());
    assert.equal(status.perDay.msg.toBigInt(), (stake * alpha) / (FIXED * UNIT));
    assert.equal(status.perDay.msg.toBigInt(), 2n * before.perDay.msg.toBigInt());
    assert.equal(status.perDay.exec.toBigInt(), before.perDay.exec.toBigInt());
  });

  it('passes a vote on an unnormalized λ split, whose enactment fails and changes nothing', async () => {
    const old = await api.query.pocw.params();
    const bad = { ...old.toJSON(), lambda1: 500_000_000, lambda2: 400_000_000, lambda3: 200_000_000 };
    const enacted = await vote(api.tx.pocw.setParams(bad));
    assert.equal(enacted.ok, false);
    assert.equal(enacted.error, 'pocw.SplitNotNormalized');
    assert.deepEqual((await (await api.at(enacted.hash)).query.pocw.params()).toJSON(), old.toJSON());
  });

  it('refuses a call that needs root from the parameter track, and a signed setter', async () => {
    const enacted = await vote(api.tx.balances.forceSetBalance(who.ferdie.address, 1n));
    assert.equal(enacted.ok, false);
    assert.equal(enacted.error, 'BadOrigin');

    const old = await api.query.power.params();
    const direct = await send(api, api.tx.power.setParams(old), who.bob);
    assert.equal(direct.error, 'BadOrigin');
  });
});
