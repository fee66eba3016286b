// The rental market end to end: Bob lists stake, Charlie rents with rentBest, their Power rates
// move by exactly the rented generation, Bob receives the Flux, and the rates return when the
// lease ends (on the dev chain α is 1 PU per staked Flux per second of each kind).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { devChain, sleep } from '../lib/node.js';
import { accounts, send, findEvent } from '../lib/tx.js';

const UNIT = 10n ** 12n;
const ALPHA_PER_DAY = 86_400n;

describe('The Power rental market', () => {
  let chain;
  let who;
  let api;
  before(async () => {
    chain = await devChain({ name: 'market', args: ['--dev-block-time', '1000'] });
    api = chain.api;
    who = await accounts();
  });
  after(async () => { await chain?.close(); });

  const ok = async (tx, signer) => {
    const result = await send(api, tx, signer);
    assert.ok(result.ok, `extrinsic failed: ${result.error}`);
    return result;
  };
  const rateAt = async (hash, address) => (await (await api.at(hash)).call.powerApi.powerOf(address)).perDay.msg.toBigInt();
  const freeFlux = async (hash, address) => (await (await api.at(hash)).query.flux.accounts(address)).unwrapOrDefault().free.toBigInt();

  it('Bob lists, Charlie rents the cheapest with rentBest, and generation moves exactly', async () => {
    const price = UNIT / 10n; // 0.1 Flux per capacity-day
    const listed = await ok(api.tx.powerMarket.list(2_000n * UNIT, price, 1_000, 3_600_000), who.bob);
    const offer = findEvent(listed.events, 'powerMarket', 'Listed').data.offer.toNumber();
    const book = await api.call.marketApi.bestOffers(10);
    assert.ok(book.some((o) => o.id.toNumber() === offer));

    const amount = 1_000n * UNIT;
    const duration = 15_000n;
    const quote = await api.call.marketApi.quote(amount, duration);
    assert.equal(quote.amount.toBigInt(), amount);

    const before = listed.blockHash;
    const bobRate = await rateAt(before, who.bob.address);
    const charlieRate = await rateAt(before, who.charlie.address);
    const bobFlux = await freeFlux(before, who.bob.address);

    const rented = await ok(api.tx.powerMarket.rentBest(amount, duration, price), who.charlie);
    const event = findEvent(rented.events, 'powerMarket', 'Rented');
    assert.equal(event.data.lender.toString(), who.bob.address);
    assert.equal(event.data.amount.toBigInt(), amount);
    const paid = event.data.paid.toBigInt();
    const fee = event.data.fee.toBigInt();
    assert.equal(paid, quote.total.toBigInt());
    // 1 000 Flux for 15 s at 0.1 a day: 1000 · 0.1 · 15 / 86 400 Flux, rounded up.
    assert.equal(paid, (amount * price * duration + UNIT * 86_400_000n - 1n) / (UNIT * 86_400_000n));

    const during = rented.blockHash;
    const rented_generation = 1_000n * ALPHA_PER_DAY;
    assert.equal(bobRate - (await rateAt(during, who.bob.address)), rented_generation);
    assert.equal((await rateAt(during, who.charlie.address)) - charlieRate, rented_generation);
    // Bob received the rent less the fee (and paid nothing for the block's other transactions).
    assert.equal((await freeFlux(during, who.bob.address)) - bobFlux, paid - fee);
    assert.equal((await api.query.powerMarket.priceIndex()).unwrap().price.toBigInt(), price);
    assert.equal((await api.call.marketApi.priceIndex()).unwrap().toBigInt(), price);

    // The lease ends by itself: wait for chain time to pass its end, then both rates return.
    const end = event.data.end.toBigInt();
    for (;;) {
      if ((await api.query.timestamp.now()).toBigInt() > end) break;
      await sleep(500);
    }
    const head = (await api.rpc.chain.getHeader()).hash.toHex();
    assert.equal(await rateAt(head, who.bob.address), bobRate);
    assert.equal(await rateAt(head, who.charlie.address), charlieRate);
  });

  // Issue 16, items 1 and 2: what one adversary tries from polkadot.js, and the error it gets.
  it('refuses Flux moved above the protocol price, slot-filling leases and a fifth offer', async () => {
    const fail = async (tx, signer, error) => {
      const result = await send(api, tx, signer);
      assert.equal(result.ok, false, 'the attack went through');
      assert.equal(result.error, error);
    };
    // The ceiling is a capacity-day bought from the protocol: 2 · 86 400 PU at R = 1 000 PU a
    // Flux on the dev chain, 172.8 Flux.
    // (R moves every dev block, so both are read at one block.)
    const at = await api.at((await api.rpc.chain.getHeader()).hash);
    const ceiling = (await at.call.marketApi.priceCeiling()).toBigInt();
    const rate = (await at.call.powerApi.exchangeRate()).toBigInt();
    assert.equal(ceiling, (2n * ALPHA_PER_DAY * UNIT * 10n ** 18n) / rate);

    // Alice lists 1 Flux far above it (R cannot fall 10 000-fold), for her sybil Charlie to
    // "rent" and so move his Flux to her.
    const dear = await ok(api.tx.powerMarket.list(UNIT, ceiling * 10_000n, 1_000, 3_600_000), who.alice);
    const dearOffer = findEvent(dear.events, 'powerMarket', 'Listed').data.offer.toNumber();
    await fail(api.tx.powerMarket.rent(dearOffer, UNIT, 3_600_000, ceiling * 100_000n), who.charlie,
      'powerMarket.PriceAboveProtocol');

    // Alice lists 400 Flux of stake; 1-Flux leases would fill her lease slots, so a lease takes
    // at least an even share over the offer's 4 slots: 100 Flux.
    const listed = await ok(api.tx.powerMarket.list(400n * UNIT, UNIT / 10n, 1_000, 3_600_000), who.alice);
    const offer = findEvent(listed.events, 'powerMarket', 'Listed').data.offer.toNumber();
    const entry = (await api.call.marketApi.bestOffers(50)).find((o) => o.id.toNumber() === offer);
    assert.equal(entry.minTake.toBigInt(), 100n * UNIT);
    await fail(api.tx.powerMarket.rent(offer, UNIT, 60_000, UNIT), who.charlie,
      'powerMarket.LeaseBelowShare');

    // Alice may hold four offers; a fifth is refused.
    for (let i = 0; i < 2; i += 1) {
      await ok(api.tx.powerMarket.list(UNIT, UNIT / 10n, 1_000, 3_600_000), who.alice);
    }
    await fail(api.tx.powerMarket.list(UNIT, UNIT / 10n, 1_000, 3_600_000), who.alice,
      'powerMarket.TooManyOffersOfLender');
  });
});
