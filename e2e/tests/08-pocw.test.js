// Proof-of-Causal-Work from polkadot.js: three verifiers register, Alice posts a task, Charlie
// claims it with collateral, submits his result and usage (metered in exec Power), the
// verifiers attest and the third attestation settles it. Charlie's free Flux, staked Flux and
// Power rate move by exactly the λ shares of the reward. A second task, found invalid, slashes
// its worker's collateral to the honest verifiers and the burn.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { devChain } from '../lib/node.js';
import { accounts, send, sendOk, findEvent } from '../lib/tx.js';

const UNIT = 10n ** 12n;
const ALPHA_PER_DAY = 86_400n; // the dev chain's α, PU per staked Flux per day
const BILLION = 1_000_000_000n; // Perbill's denominator

describe('Proof-of-Causal-Work settlement', () => {
  let chain;
  let who;
  let api;
  let verifiers;
  before(async () => {
    chain = await devChain({ name: 'pocw', args: ['--dev-block-time', '1000'] });
    api = chain.api;
    who = await accounts();
    verifiers = [who.dave, who.eve, who.ferdie];
    // Dave, Eve and Ferdie hold HETU only: they buy Flux and bond it as verifiers.
    const { minVerifierBond } = await api.query.pocw.params();
    for (const v of verifiers) {
      await ok(api.tx.flux.convert(minVerifierBond.toBigInt() + 100n * UNIT), v);
      const registered = await ok(api.tx.pocw.registerVerifier(minVerifierBond), v);
      assert.ok(findEvent(registered.events, 'pocw', 'VerifierRegistered'));
    }
  });
  after(async () => { await chain?.close(); });

  const ok = (tx, signer) => sendOk(api, tx, signer);
  const fluxAt = async (hash, address) => (await (await api.at(hash)).query.flux.accounts(address)).unwrapOrDefault();
  const rateAt = async (hash, address) => (await (await api.at(hash)).call.powerApi.powerOf(address)).perDay.msg.toBigInt();
  const perbill = (p) => p.toBigInt();

  async function postAndSubmit(worker, collateral, usage) {
    const now = (await api.query.timestamp.now()).toBigInt();
    const posted = await ok(
      api.tx.pocw.postTask('0x' + '11'.repeat(32), 100_000n, 'Standard', 3, now + 300_000n),
      who.alice,
    );
    const task = findEvent(posted.events, 'pocw', 'TaskPosted').data.task.toBigInt();
    const claimed = await ok(api.tx.pocw.claimTask(task, collateral), worker);
    assert.equal(findEvent(claimed.events, 'pocw', 'TaskClaimed').data.collateral.toBigInt(), collateral);
    assert.equal((await fluxAt(claimed.blockHash, worker.address)).held.toBigInt(), collateral);
    const submitted = await ok(api.tx.pocw.submitResult(task, '0x' + '22'.repeat(32), usage), worker);
    return { task, submitted };
  }

  it('settles a verified task: the worker gets exactly the λ shares, staked at once', async () => {
    const usage = { steps: 100, modelCalls: 2, onchainTxs: 1 };
    const collateral = 50n * UNIT;
    const { task, submitted } = await postAndSubmit(who.charlie, collateral, usage);

    // The usage is metered with the cost schedule's exec terms and paid from Charlie's Power.
    const s = await api.query.powerMetering.schedule();
    const cost = s.e0.toBigInt() + s.eStep.toBigInt() * 100n + s.eModel.toBigInt() * 2n + s.eTx.toBigInt();
    const result = findEvent(submitted.events, 'pocw', 'ResultSubmitted').data;
    assert.equal(result.execCost.toBigInt(), cost);
    assert.equal(result.fluxPaid.toBigInt(), 0n);
    const info = (await api.call.pocwApi.taskInfo(task)).unwrap();
    assert.equal(info.status.toString(), 'Submitted');
    assert.equal(info.execCost.unwrap().toBigInt(), cost);

    await ok(api.tx.pocw.attest(task, true, 800), who.dave);
    const second = await ok(api.tx.pocw.attest(task, true, 900), who.eve);
    const estimate = (await (await api.at(second.blockHash)).call.pocwApi.estimate(task)).unwrap();
    assert.ok(estimate[1].toBigInt() > 0n, 'a valid result earns a reward');

    const before = await fluxAt(second.blockHash, who.charlie.address);
    const rateBefore = await rateAt(second.blockHash, who.charlie.address);
    const third = await ok(api.tx.pocw.attest(task, true, 1000), who.ferdie);
    const settled = findEvent(third.events, 'pocw', 'TaskSettled').data;
    const reward = settled.reward.toBigInt();
    const [free, staked, sink] = [settled.free, settled.staked, settled.sink].map((x) => x.toBigInt());
    const p = await api.query.pocw.params();
    assert.ok(reward > 0n);
    assert.equal(free + staked + sink, reward);
    assert.equal(free, (reward * perbill(p.lambda1)) / BILLION);
    assert.equal(staked, (reward * perbill(p.lambda2)) / BILLION);
    assert.equal(settled.rewarded.length, 3);

    const after = await fluxAt(third.blockHash, who.charlie.address);
    assert.equal(after.free.toBigInt() - before.free.toBigInt(), free + collateral);
    assert.equal(after.staked.toBigInt() - before.staked.toBigInt(), staked);
    assert.equal(after.held.toBigInt(), 0n);
    // The auto-staked share generates at once: the rate rises by α · staked.
    const stake0 = before.staked.toBigInt();
    const expected = ((stake0 + staked) * ALPHA_PER_DAY) / UNIT - (stake0 * ALPHA_PER_DAY) / UNIT;
    assert.equal((await rateAt(third.blockHash, who.charlie.address)) - rateBefore, expected);
    assert.equal((await api.call.pocwApi.taskInfo(task)).isNone, true, 'a settled task is gone');
  });

  it('slashes a rejected task\'s collateral to the honest verifiers and the burn', async () => {
    const collateral = 20n * UNIT;
    const { task } = await postAndSubmit(who.bob, collateral, { steps: 10, modelCalls: 0, onchainTxs: 0 });
    await ok(api.tx.pocw.attest(task, false, 0), who.dave);
    const second = await ok(api.tx.pocw.attest(task, false, 0), who.eve);
    const bobBefore = await fluxAt(second.blockHash, who.bob.address);
    const issuanceBefore = (await (await api.at(second.blockHash)).query.flux.totalIssuance()).toBigInt();

    const third = await ok(api.tx.pocw.attest(task, false, 0), who.ferdie);
    const rejected = findEvent(third.events, 'pocw', 'TaskRejected').data;
    const p = await api.query.pocw.params();
    const toVerifiers = (collateral * perbill(p.slashToVerifiers)) / BILLION;
    assert.equal(rejected.slashed.toBigInt(), collateral);
    assert.equal(rejected.toEach.toBigInt(), toVerifiers / 3n);
    assert.equal(rejected.burned.toBigInt(), collateral - 3n * (toVerifiers / 3n));
    assert.equal(rejected.rewarded.length, 3);

    const bobAfter = await fluxAt(third.blockHash, who.bob.address);
    assert.equal(bobAfter.held.toBigInt(), bobBefore.held.toBigInt() - collateral);
    assert.equal(bobAfter.free.toBigInt(), bobBefore.free.toBigInt());
    // The burn leaves the Flux supply; the verifiers' attestation rewards enter it.
    const issuanceAfter = (await (await api.at(third.blockHash)).query.flux.totalIssuance()).toBigInt();
    assert.equal(issuanceBefore - issuanceAfter, rejected.burned.toBigInt() - 3n * p.attestReward.toBigInt());
  });

  it('refuses what the lifecycle forbids, with named errors', async () => {
    const now = (await api.query.timestamp.now()).toBigInt();
    const posted = await ok(api.tx.pocw.postTask('0x' + '33'.repeat(32), 1_000n, 'Light', 3, now + 300_000n), who.alice);
    const task = findEvent(posted.events, 'pocw', 'TaskPosted').data.task.toBigInt();
    const own = await send(api, api.tx.pocw.claimTask(task, 10n * UNIT), who.alice);
    assert.equal(own.error, 'pocw.OwnTask');
    await ok(api.tx.pocw.claimTask(task, 10n * UNIT), who.bob);
    const twice = await send(api, api.tx.pocw.claimTask(task, 10n * UNIT), who.charlie);
    assert.equal(twice.error, 'pocw.TaskNotOpen');
    const early = await send(api, api.tx.pocw.attest(task, true, 1), who.dave);
    assert.equal(early.error, 'pocw.NotSubmitted');
    const stranger = await send(api, api.tx.pocw.attest(task, true, 1), who.charlie);
    assert.equal(stranger.error, 'pocw.UnknownVerifier');
  });
});
