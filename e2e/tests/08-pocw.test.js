// Proof-of-Causal-Work from polkadot.js (issue 15's design). Dave, Eve and Ferdie bond Flux as
// verifiers. Alice posts a task, and its budget is held in escrow; Charlie claims it with
// collateral and submits his result and usage (metered in exec Power); the next block draws the
// panel, weighted by bond; each member commits a hidden verdict, then reveals it; the last reveal
// settles the task. Every Flux movement of the settling block is checked to the planck against
// the balances at the block and its parent: the worker, the requester, the verifiers, the sink
// and the total issuance. A second task, found invalid, returns the budget less the
// verification fee to the requester with half of the collateral; the other half goes to the
// sink, none to the verifiers.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { devChain, sleep } from '../lib/node.js';
import { accounts, send, sendOk, findEvent } from '../lib/tx.js';
import {
  UNIT, FIXED_ONE, mulFloor, mulCeil, commitment, randomSalt, sinkAccount, fluxAt, powerAt,
  parentOf, blockEvents, eventsOf, paidBy, allFees, waitForPanel, lowerMedian, POCW_NODE_ARGS,
} from '../lib/pocw.js';

const SPEC = '0x' + '11'.repeat(32);
const RESULT = '0x' + '22'.repeat(32);

describe('Proof-of-Causal-Work: paid tasks, drawn panels, committed verdicts', () => {
  let chain;
  let who;
  let api;
  let p; // the PoCW parameters
  let verifiers;
  let signerOf;
  let sink;
  let bond;
  before(async () => {
    chain = await devChain({ name: 'pocw', args: POCW_NODE_ARGS });
    api = chain.api;
    who = await accounts();
    p = await api.query.pocw.params();
    sink = sinkAccount();
    // Dave, Eve and Ferdie hold HETU only: they buy Flux and bond the least bond as verifiers
    // (the extra Flux pays their transactions, which they have no Power for).
    verifiers = [who.dave, who.eve, who.ferdie];
    signerOf = new Map(verifiers.map((v) => [v.address, v]));
    bond = p.minVerifierBond.toBigInt();
    await Promise.all(verifiers.map(async (v) => {
      await ok(api.tx.flux.convert(bond + 1_000n * UNIT), v);
      const registered = await ok(api.tx.pocw.registerVerifier(bond), v);
      assert.equal(findEvent(registered.events, 'pocw', 'VerifierRegistered').data.bond.toBigInt(), bond);
      assert.equal((await fluxAt(api, registered.blockHash, v.address)).held, bond);
    }));
    assert.equal((await api.query.pocw.verifierCount()).toNumber(), 3);
    assert.equal((await api.query.pocw.totalBond()).toBigInt(), 3n * bond);
  });
  after(async () => { await chain?.close(); });

  const ok = (tx, signer) => sendOk(api, tx, signer);
  const big = (codec) => BigInt(codec.toString());
  const infoAt = async (hash, task) => (await api.at(hash)).call.pocwApi.taskInfo(task);
  const panelAt = async (hash, task) => (await api.at(hash)).call.pocwApi.panel(task);

  /** Alice posts a task; checks that exactly its budget moved from her free Flux to held. */
  async function post(budget, taskClass) {
    const now = (await api.query.timestamp.now()).toBigInt();
    const posted = await ok(api.tx.pocw.postTask(SPEC, budget, taskClass, 3, now + 600_000n), who.alice);
    const event = findEvent(posted.events, 'pocw', 'TaskPosted').data;
    assert.equal(event.budget.toBigInt(), budget);
    assert.equal(event.requester.toString(), who.alice.address);
    const task = event.task.toBigInt();
    const parent = await parentOf(api, posted.blockHash);
    const [before, after] = [await fluxAt(api, parent, who.alice.address), await fluxAt(api, posted.blockHash, who.alice.address)];
    const paid = paidBy(await blockEvents(api, posted.blockHash), [who.alice.address]);
    assert.equal(after.held - before.held, budget, 'the budget is held');
    assert.equal(after.free - before.free, -budget - paid.fees + paid.converted);
    assert.equal(big(await (await api.at(posted.blockHash)).query.pocw.totalEscrow()), budget);
    return task;
  }

  /**
   * `worker` claims `task` with `collateral` (held) and submits `usage`; returns the submission.
   * The worker's Power generates from the first block: on a young chain it first waits until its
   * exec Power covers both transactions and the usage, so that none of it is paid in Flux.
   */
  async function claimAndSubmit(task, worker, collateral, usage) {
    for (let i = 0; (await api.call.powerApi.powerOf(worker.address)).power.exec.toBigInt() < 20_000n; i += 1) {
      assert.ok(i < 100, 'the worker\'s exec Power grows');
      await sleep(200);
    }
    const claimed = await ok(api.tx.pocw.claimTask(task, collateral), worker);
    assert.equal(findEvent(claimed.events, 'pocw', 'TaskClaimed').data.collateral.toBigInt(), collateral);
    const c0 = await fluxAt(api, await parentOf(api, claimed.blockHash), worker.address);
    const c1 = await fluxAt(api, claimed.blockHash, worker.address);
    assert.equal(c1.held - c0.held, collateral);
    return ok(api.tx.pocw.submitResult(task, RESULT, usage), worker);
  }

  /** Commits `votes` (address → { valid, workUnits, salt }) of the members listed, in parallel. */
  async function commit(task, members, votes) {
    return Promise.all(members.map(async (m) => {
      const { valid, workUnits, salt } = votes.get(m.address);
      const result = await ok(api.tx.pocw.commitVerdict(task, commitment(task, m.address, valid, workUnits, salt)), signerOf.get(m.address));
      assert.equal(findEvent(result.events, 'pocw', 'VerdictCommitted').data.verifier.toString(), m.address);
      return result;
    }));
  }

  /** Reveals the members' votes one by one; returns the last reveal (the one that settles). */
  async function revealAll(task, members, votes) {
    let last;
    for (const m of members) {
      const { valid, workUnits, salt } = votes.get(m.address);
      last = await ok(api.tx.pocw.revealVerdict(task, valid, workUnits, salt), signerOf.get(m.address));
      const revealed = findEvent(last.events, 'pocw', 'VerdictRevealed').data;
      assert.equal(revealed.valid.isTrue, valid);
      assert.equal(revealed.workUnits.toBigInt(), BigInt(workUnits));
    }
    return last;
  }

  /** Free, staked and held Flux of the verifiers, the sink and `others` at a block. */
  async function snapshot(hash, others) {
    const out = new Map();
    for (const address of [...verifiers.map((v) => v.address), sink, ...others]) {
      out.set(address, await fluxAt(api, hash, address));
    }
    out.issuance = big(await (await api.at(hash)).query.flux.totalIssuance());
    return out;
  }

  /** Checks each verifier's Flux in the settling block: its share of the verification fee. */
  function assertVerifiersPaid(before, after, events, panel, perSeat) {
    let paidOut = 0n;
    for (const v of verifiers) {
      const seats = BigInt(panel.find((m) => m.address === v.address)?.seats ?? 0);
      const own = paidBy(events, [v.address]);
      const [b, a] = [before.get(v.address), after.get(v.address)];
      assert.equal(a.free - b.free, perSeat * seats - own.fees + own.converted, `${v.address}: its seats' share of the verification fee`);
      assert.equal(a.held, b.held, 'the bond is untouched');
      assert.equal(a.staked, b.staked);
      paidOut += perSeat * seats;
    }
    return paidOut;
  }

  it('settles a valid task: escrow, draw, commit, reveal, and exact Flux movements', async () => {
    const budget = 300n * UNIT;
    const task = await post(budget, 'Standard');

    // The least collateral is max(min_collateral, collateral_ratio · budget); Charlie holds more.
    const least = [p.minCollateral.toBigInt(), mulCeil(p.collateralRatio, budget)].reduce((a, b) => (a > b ? a : b));
    assert.equal(least, 30n * UNIT);
    const collateral = 50n * UNIT;
    const usage = { steps: 100, modelCalls: 2, onchainTxs: 1 };
    const submitted = await claimAndSubmit(task, who.charlie, collateral, usage);

    // The usage is metered with the cost schedule's exec terms and paid from Charlie's exec Power.
    const s = await api.query.powerMetering.schedule();
    const cost = s.e0.toBigInt() + s.eStep.toBigInt() * 100n + s.eModel.toBigInt() * 2n + s.eTx.toBigInt();
    const result = findEvent(submitted.events, 'pocw', 'ResultSubmitted').data;
    assert.equal(result.execCost.toBigInt(), cost);
    assert.equal(result.fluxPaid.toBigInt(), 0n, 'Charlie\'s exec Power covers the usage');
    const submittedAt = (await (await api.at(submitted.blockHash)).query.timestamp.now()).toBigInt();
    assert.equal(result.commitEnd.toBigInt() - submittedAt, p.commitPeriod.toBigInt());
    assert.equal(result.revealEnd.toBigInt() - result.commitEnd.toBigInt(), p.revealPeriod.toBigInt());
    const info = (await infoAt(submitted.blockHash, task)).unwrap();
    assert.equal(info.status.toString(), 'Submitted');
    assert.equal(info.execCost.unwrap().toBigInt(), cost);
    assert.equal((await panelAt(submitted.blockHash, task)).length, 0, 'no panel before the next block');

    // The next block draws three seats among the three verifiers (a verifier may hold several).
    const drawn = await waitForPanel(api, submitted.blockHash, task);
    assert.equal(drawn.empty, 0, 'neither the requester nor the worker is a verifier');
    assert.equal(drawn.panel.reduce((n, m) => n + m.seats, 0), 3);
    for (const m of drawn.panel) assert.ok(signerOf.has(m.address), `${m.address} is a verifier`);
    const shown = await panelAt(drawn.hash, task);
    assert.deepEqual(
      shown.map((x) => [x.verifier.toString(), x.seats.toNumber(), x.state.type]),
      drawn.panel.map((m) => [m.address, m.seats, 'Drawn']),
    );
    assert.equal((await infoAt(drawn.hash, task)).unwrap().status.toString(), 'Committing');
    for (const m of drawn.panel) {
      assert.equal((await (await api.at(drawn.hash)).query.pocw.verifiers(m.address)).unwrap().pending.toNumber(), 1);
    }
    console.log(`  task ${task}: panel ${drawn.panel.map((m) => `${m.address.slice(0, 6)}×${m.seats}`).join(', ')}`);

    // Bob was not drawn: his commitment is refused by name.
    const stranger = await send(api, api.tx.pocw.commitVerdict(task, commitment(task, who.bob.address, true, 100, randomSalt())), who.bob);
    assert.equal(stranger.error, 'pocw.NotOnPanel');

    // Each member measures the work a little differently; the verified work is the lower median
    // over the seats.
    const works = [100n, 96n, 104n];
    const votes = new Map(drawn.panel.map((m, i) => [m.address, { valid: true, workUnits: works[i], salt: randomSalt() }]));
    const [first, ...rest] = drawn.panel;
    await commit(task, [first], votes);
    if (rest.length > 0) {
      // The reveal opens only once every member has committed (or the commit window closed).
      const early = await send(api, api.tx.pocw.revealVerdict(task, true, works[0], votes.get(first.address).salt), signerOf.get(first.address));
      assert.equal(early.error, 'pocw.RevealNotOpen');
    }
    await commit(task, rest, votes);
    const allIn = (await api.rpc.chain.getHeader()).hash.toHex(); // every commitment is in by now
    assert.ok((await panelAt(allIn, task)).every((x) => x.state.type === 'Committed'));
    assert.equal((await infoAt(allIn, task)).unwrap().status.toString(), 'Revealing');

    // A reveal that does not open the commitment is refused: another salt, or another verdict.
    const { salt } = votes.get(first.address);
    const wrongSalt = await send(api, api.tx.pocw.revealVerdict(task, true, works[0], randomSalt()), signerOf.get(first.address));
    assert.equal(wrongSalt.error, 'pocw.CommitmentMismatch');
    const otherVote = await send(api, api.tx.pocw.revealVerdict(task, false, works[0], salt), signerOf.get(first.address));
    assert.equal(otherVote.error, 'pocw.CommitmentMismatch');

    // All but the last reveal; the state of the block before the last is "before".
    await revealAll(task, drawn.panel.slice(0, -1), votes);
    const last = await revealAll(task, drawn.panel.slice(-1), votes);
    const S = last.blockHash;
    const P = await parentOf(api, S);
    const events = await blockEvents(api, S);
    const [before, after] = [await snapshot(P, [who.alice.address, who.charlie.address]), await snapshot(S, [who.alice.address, who.charlie.address])];

    const settled = findEvent(last.events, 'pocw', 'TaskSettled').data;
    const fee = mulFloor(p.feeShare, budget);
    const verificationFee = mulFloor(p.verifyShare, budget);
    assert.equal(settled.worker.toString(), who.charlie.address);
    assert.equal(settled.fee.toBigInt(), fee);
    assert.equal(settled.verificationFee.toBigInt(), verificationFee);
    assert.equal(settled.paid.toBigInt(), budget - fee - verificationFee);
    const seatWork = drawn.panel.flatMap((m, i) => Array(m.seats).fill(works[i]));
    assert.equal(settled.verifiedWork.toBigInt(), lowerMedian(seatWork));

    // reward = min(K · score, reward_share · budget) (the sink and the period's budget are far
    // above both), split λ1 free, λ2 staked, λ3 to the sink.
    const score = big(settled.score);
    const reward = settled.reward.toBigInt();
    const cap = mulFloor(p.rewardShare, budget);
    const byScore = (score * p.k.toBigInt()) / FIXED_ONE;
    assert.ok(reward > 0n, 'verified work earns a reward');
    assert.equal(reward, byScore < cap ? byScore : cap);
    const [free, staked, toSink] = [settled.free, settled.staked, settled.sink].map((x) => x.toBigInt());
    assert.equal(free, mulFloor(p.lambda1, reward));
    assert.equal(staked, mulFloor(p.lambda2, reward));
    assert.equal(toSink, reward - free - staked);
    // Funded from the sink first: the task's fee, paid into the sink just before, alone covers
    // the reward, so none of it is new Flux.
    const fromSink = settled.fromSink.toBigInt();
    assert.ok(fee >= reward);
    assert.equal(fromSink, reward);
    const burnedAt = events.findIndex((e) => e.section === 'flux' && e.method === 'Burned' && e.data.who.toString() === sink);
    const mintedAt = events.findIndex((e) => e.section === 'flux' && e.method === 'Minted' && e.data.who.toString() === who.charlie.address);
    assert.ok(burnedAt >= 0, 'the sink account burns what funds the reward');
    assert.equal(events[burnedAt].data.amount.toBigInt(), fromSink);
    assert.ok(burnedAt < mintedAt, 'burned from the sink, then minted to the worker');
    assert.equal(events[mintedAt].data.amount.toBigInt(), free);

    // The worker: paid + λ1 free and the collateral back; λ2 staked; nothing held.
    const [c0, c1] = [before.get(who.charlie.address), after.get(who.charlie.address)];
    const charliePaid = paidBy(events, [who.charlie.address]);
    assert.equal(c1.free - c0.free, settled.paid.toBigInt() + free + collateral - charliePaid.fees + charliePaid.converted);
    assert.equal(c1.staked - c0.staked, staked);
    assert.equal(c0.held - c1.held, collateral);
    // The staked share generates at once: the rate rises by α · staked (to the PU, rounded down).
    const alpha = (await api.query.power.params()).alpha;
    const perDay = (stake, a) => (stake * big(a)) / (FIXED_ONE * UNIT);
    const [r0, r1] = [await powerAt(api, P, who.charlie.address), await powerAt(api, S, who.charlie.address)];
    assert.equal(r1.perDay.exec.toBigInt() - r0.perDay.exec.toBigInt(), perDay(c1.staked, alpha.exec) - perDay(c0.staked, alpha.exec));
    assert.equal(r1.perDay.msg.toBigInt() - r0.perDay.msg.toBigInt(), perDay(c1.staked, alpha.msg) - perDay(c0.staked, alpha.msg));

    // The requester: the whole budget leaves her held Flux.
    const [a0, a1] = [before.get(who.alice.address), after.get(who.alice.address)];
    assert.equal(a0.held - a1.held, budget);
    assert.equal(a1.free - a0.free, -paidBy(events, [who.alice.address]).fees);

    // The verifiers: the verification fee, split by seat; what does not divide goes to the sink.
    const perSeat = verificationFee / 3n;
    const remainder = verificationFee - 3n * perSeat;
    assert.equal(assertVerifiersPaid(before, after, events, drawn.panel, perSeat), verificationFee - remainder);

    // The sink: the fee, the remainder, λ3 and the block's transaction fees in, the reward's
    // funding out. The supply grows by what the sink did not fund (plus any HETU conversion).
    assert.equal(after.get(sink).free - before.get(sink).free, allFees(events) + fee + remainder - fromSink + toSink);
    const converted = eventsOf(events, 'flux', 'Converted').reduce((x, e) => x + e.data.flux.toBigInt(), 0n);
    assert.equal(after.issuance - before.issuance, reward - fromSink + converted);

    // The task is gone, the escrow and collateral totals are empty, no verifier is busy.
    assert.equal((await infoAt(S, task)).isNone, true);
    assert.equal((await panelAt(S, task)).length, 0);
    const at = await api.at(S);
    assert.equal(big(await at.query.pocw.totalEscrow()), 0n);
    assert.equal(big(await at.query.pocw.totalCollateral()), 0n);
    for (const v of verifiers) assert.equal((await at.query.pocw.verifiers(v.address)).unwrap().pending.toNumber(), 0);
    console.log(`  settled: paid ${settled.paid.toBigInt()}, fee ${fee}, score ${score}, reward ${reward} (${free} free, ${staked} staked, ${toSink} sink)`);
  });

  it('rejects by votes: the requester gets the budget less the verification fee and half the collateral, the sink the rest', async () => {
    const budget = 300n * UNIT;
    const task = await post(budget, 'Light');
    const collateral = 40n * UNIT;
    const submitted = await claimAndSubmit(task, who.bob, collateral, { steps: 10, modelCalls: 0, onchainTxs: 0 });
    const drawn = await waitForPanel(api, submitted.blockHash, task);
    assert.equal(drawn.panel.reduce((n, m) => n + m.seats, 0), 3);

    const votes = new Map(drawn.panel.map((m) => [m.address, { valid: false, workUnits: 0, salt: randomSalt() }]));
    await commit(task, drawn.panel, votes);
    const last = await revealAll(task, drawn.panel, votes);
    const S = last.blockHash;
    const P = await parentOf(api, S);
    const events = await blockEvents(api, S);
    const others = [who.alice.address, who.bob.address];
    const [before, after] = [await snapshot(P, others), await snapshot(S, others)];

    const rejected = findEvent(last.events, 'pocw', 'TaskRejected').data;
    const verificationFee = mulFloor(p.verifyShare, budget);
    const toRequester = mulFloor(p.slashToRequester, collateral);
    assert.equal(rejected.reason.toString(), 'Votes');
    assert.equal(rejected.worker.toString(), who.bob.address);
    assert.equal(rejected.verificationFee.toBigInt(), verificationFee);
    assert.equal(rejected.refunded.toBigInt(), budget - verificationFee);
    assert.equal(rejected.toRequester.toBigInt(), toRequester);
    assert.equal(rejected.toSink.toBigInt(), collateral - toRequester);
    assert.equal(eventsOf(events, 'pocw', 'VerifierSlashed').length, 0, 'the panel was unanimous');
    assert.equal(eventsOf(events, 'pocw', 'TaskSettled').length, 0);

    // The requester: the budget leaves held; the refund and half the collateral reach free.
    const [a0, a1] = [before.get(who.alice.address), after.get(who.alice.address)];
    assert.equal(a0.held - a1.held, budget);
    assert.equal(a1.free - a0.free, budget - verificationFee + toRequester - paidBy(events, [who.alice.address]).fees);
    // The worker loses its whole collateral and nothing else.
    const [b0, b1] = [before.get(who.bob.address), after.get(who.bob.address)];
    assert.equal(b0.held - b1.held, collateral);
    assert.equal(b1.free - b0.free, -paidBy(events, [who.bob.address]).fees);
    assert.equal(b1.staked, b0.staked);

    // The verifiers who voted for the rejection get the verification fee, by seat, and nothing
    // of the collateral.
    const perSeat = verificationFee / 3n;
    const remainder = verificationFee - 3n * perSeat;
    assert.equal(assertVerifiersPaid(before, after, events, drawn.panel, perSeat), verificationFee - remainder);

    // The sink: the other half of the collateral, the remainder and the block's fees. Nothing is
    // minted or burned.
    assert.equal(after.get(sink).free - before.get(sink).free, allFees(events) + (collateral - toRequester) + remainder);
    const converted = eventsOf(events, 'flux', 'Converted').reduce((x, e) => x + e.data.flux.toBigInt(), 0n);
    assert.equal(after.issuance - before.issuance, converted);
    assert.equal((await infoAt(S, task)).isNone, true);
  });

  it('refuses what the lifecycle forbids, with named errors', async () => {
    const now = (await api.query.timestamp.now()).toBigInt();
    const deadline = now + 600_000n;
    const minBudget = p.minBudget.toBigInt();
    const cases = [
      [api.tx.pocw.postTask(SPEC, minBudget - 1n, 'Light', 3, deadline), 'pocw.BudgetTooSmall'],
      [api.tx.pocw.postTask(SPEC, minBudget, 'Light', p.minQuorum.toNumber() - 1, deadline), 'pocw.InvalidQuorum'],
      [api.tx.pocw.postTask(SPEC, minBudget, 'Light', 4, deadline), 'pocw.NotEnoughVerifiers'],
      [api.tx.pocw.postTask(SPEC, minBudget, 'Light', 3, now - 1n), 'pocw.DeadlineInPast'],
    ];
    for (const [tx, error] of cases) {
      const refused = await send(api, tx, who.alice);
      assert.equal(refused.error, error);
      assert.equal((await fluxAt(api, refused.blockHash, who.alice.address)).held, 0n, 'nothing is held');
    }

    const task = await post(minBudget, 'Light');
    const least = p.minCollateral.toBigInt();
    assert.equal((await send(api, api.tx.pocw.claimTask(task, least), who.alice)).error, 'pocw.OwnTask');
    assert.equal((await send(api, api.tx.pocw.claimTask(task, least - 1n), who.bob)).error, 'pocw.CollateralTooSmall');
    await ok(api.tx.pocw.claimTask(task, least), who.bob);
    assert.equal((await send(api, api.tx.pocw.claimTask(task, least), who.charlie)).error, 'pocw.TaskNotOpen');
    const usage = { steps: 1, modelCalls: 0, onchainTxs: 0 };
    assert.equal((await send(api, api.tx.pocw.submitResult(task, RESULT, usage), who.charlie)).error, 'pocw.NotWorker');
    // Nothing submitted, nothing drawn: no verifier may commit yet.
    const early = await send(api, api.tx.pocw.commitVerdict(task, commitment(task, who.dave.address, true, 1, randomSalt())), who.dave);
    assert.equal(early.error, 'pocw.NotDrawn');
    assert.equal((await send(api, api.tx.pocw.registerVerifier(bond), who.dave)).error, 'pocw.AlreadyVerifier');
    assert.equal((await send(api, api.tx.pocw.registerVerifier(bond - 1n), who.bob)).error, 'pocw.BondTooSmall');
  });
});
