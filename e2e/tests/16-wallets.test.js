// What wallets ask before they sign: the fee estimates of polkadot.js (`paymentInfo`,
// `TransactionPaymentApi`) and polkadot-api (`getEstimatedFees`), `PowerApi.quote` given the
// extrinsic as either client holds it, and a transfer signed with the metadata hash
// (`CheckMetadataHash` mode 1, as Ledger and other offline signers sign).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { u8aToHex } from '@polkadot/util';
import { createClient } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { WebSocket } from 'ws';
import { getPolkadotSigner, withMetadataHash } from 'polkadot-api/signer';
import { devChain, sleep } from '../lib/node.js';
import { accounts, send, submit, findEvent } from '../lib/tx.js';

const UNIT = 10n ** 12n;
// What the runtime's metadata hash commits to besides the metadata (runtime/build.rs).
const NETWORK = { tokenSymbol: 'HETU', decimals: 12 };

describe('Wallets: fee estimates and the metadata hash', () => {
  let chain;
  let api;
  let who;
  let papi;
  let client;
  let payer; // holds HETU only: no Flux, no Power
  before(async () => {
    // Blocks only when transactions arrive: a quote and the block that charges it share a state.
    chain = await devChain({ name: 'wallets', args: ['--dev-block-time', '0'] });
    api = chain.api;
    who = await accounts();
    payer = who.fresh();
    // Generation starts with the first block's timestamp: give Alice a second of it.
    await api.rpc.engine.createBlock(true, true);
    await sleep(1_000);
    await send(api, api.tx.balances.transferKeepAlive(payer.address, 1_000n * UNIT), who.alice);
    // Node 20 has no global WebSocket: polkadot-api takes the `ws` package's.
    client = createClient(getWsProvider(chain.node.url, { websocketClass: WebSocket }));
    papi = client.getUnsafeApi();
  });
  after(async () => {
    client?.destroy();
    await chain?.close();
  });

  const signerOf = (pair) => getPolkadotSigner(pair.publicKey, 'Sr25519', (bytes) => pair.sign(bytes));
  const papiTransfer = (to, value) =>
    papi.tx.Balances.transfer_keep_alive({ dest: { type: 'Id', value: to }, value });
  // The dev chain's `hetu_per_flux` is 1: a planck of Flux is worth a planck of HETU.
  const hetuPerFlux = async () => BigInt((await api.query.flux.params()).hetuPerFlux.toString()) / 10n ** 18n;

  it('answers query_info from the charge: zero with Power, the Flux the charge takes without', async () => {
    // Alice is staked at genesis: Power pays, and the fee a wallet shows is zero.
    const withPower = api.tx.balances.transferKeepAlive(who.bob.address, UNIT);
    const alice = await withPower.paymentInfo(who.alice);
    assert.equal(alice.partialFee.toBigInt(), 0n);
    assert.ok(alice.weight.refTime.toBigInt() > 0n);
    assert.equal(alice.class.isNormal, true);

    // The payer has no Power: the fee is the HETU value of the Flux the charge takes.
    const tx = api.tx.balances.transferKeepAlive(who.bob.address, UNIT);
    await tx.signAsync(payer);
    const info = await api.call.transactionPaymentApi.queryInfo(tx.toU8a(), tx.encodedLength);
    const quote = (await api.call.powerApi.quote(tx.toU8a())).asOk;
    assert.equal(await hetuPerFlux(), 1n);
    assert.ok(quote.flux.toBigInt() > 0n);
    assert.equal(info.partialFee.toBigInt(), quote.flux.toBigInt());
    assert.equal(info.weight.refTime.toBigInt(), alice.weight.refTime.toBigInt());

    const details = await api.call.transactionPaymentApi.queryFeeDetails(tx.toU8a(), tx.encodedLength);
    const fee = details.inclusionFee.unwrap();
    assert.equal(fee.baseFee.toBigInt(), 0n);
    assert.ok(fee.lenFee.toBigInt() > 0n && fee.adjustedWeightFee.toBigInt() > 0n);
    assert.equal(fee.lenFee.toBigInt() + fee.adjustedWeightFee.toBigInt(), info.partialFee.toBigInt());
    assert.equal(details.tip.toBigInt(), 0n);

    // The charge is what was estimated.
    const result = await submit(api, tx);
    assert.ok(result.ok, `transfer failed: ${result.error}`);
    const charged = findEvent(result.events, 'powerMetering', 'PowerCharged');
    assert.equal(charged.data.flux.toBigInt(), info.partialFee.toBigInt());
  });

  it('prices weight and length alone, and a call with no signer as paid wholly in Flux', async () => {
    const weight = { refTime: 1_000_000_000n, proofSize: 0n };
    const one = (await api.call.transactionPaymentApi.queryWeightToFee(weight)).toBigInt();
    const two = (await api.call.transactionPaymentApi.queryWeightToFee({ refTime: 2_000_000_000n, proofSize: 0n })).toBigInt();
    assert.ok(one > 0n && two > one, `weight fees ${one}, ${two}`);
    const short = (await api.call.transactionPaymentApi.queryLengthToFee(100)).toBigInt();
    const long = (await api.call.transactionPaymentApi.queryLengthToFee(1_000)).toBigInt();
    assert.ok(short > 0n && long > short, `length fees ${short}, ${long}`);

    const call = api.tx.balances.transferKeepAlive(who.bob.address, UNIT).method;
    const info = await api.call.transactionPaymentCallApi.queryCallInfo(call.toHex(), 150);
    const details = await api.call.transactionPaymentCallApi.queryCallFeeDetails(call.toHex(), 150);
    const fee = details.inclusionFee.unwrap();
    assert.ok(info.partialFee.toBigInt() > 0n);
    assert.equal(fee.lenFee.toBigInt() + fee.adjustedWeightFee.toBigInt(), info.partialFee.toBigInt());
  });

  it('gives polkadot-api the same estimates', async () => {
    assert.equal(await papiTransfer(who.bob.address, UNIT).getEstimatedFees(who.alice.address), 0n);
    const pjs = await api.tx.balances.transferKeepAlive(who.bob.address, UNIT).paymentInfo(payer);
    const estimate = await papiTransfer(who.bob.address, UNIT).getEstimatedFees(payer.address);
    assert.ok(estimate > 0n);
    assert.equal(estimate, pjs.partialFee.toBigInt());
  });

  it('quotes the extrinsic as either client holds it, and names bytes that are none', async () => {
    // polkadot-api's signed transaction: the extrinsic with its length prefix.
    const signed = await papiTransfer(who.bob.address, UNIT).sign(signerOf(payer));
    const fromPapi = await papi.apis.PowerApi.quote(signed);
    assert.equal(fromPapi.success, true, `polkadot-api's quote: ${fromPapi.value?.type}`);
    assert.ok(fromPapi.value.flux > 0n);
    // polkadot.js: a Uint8Array is taken as already length-prefixed (the runtime receives the
    // extrinsic without its prefix); a hex string is prefixed once more (it receives it whole).
    const bare = (await api.call.powerApi.quote(signed)).asOk;
    const whole = (await api.call.powerApi.quote(u8aToHex(signed))).asOk;
    assert.equal(bare.flux.toBigInt(), fromPapi.value.flux);
    assert.equal(whole.flux.toBigInt(), fromPapi.value.flux);

    for (const garbage of ['0x', '0x00', '0x0402ffff', u8aToHex(signed.slice(0, signed.length - 3))]) {
      const answer = await api.call.powerApi.quote(garbage);
      assert.equal(answer.isErr, true, `${garbage}: ${answer.toString()}`);
      assert.equal(answer.asErr.isUndecodable, true);
    }
  });

  it('accepts a transfer signed with the metadata hash, and refuses one signed for other metadata', async () => {
    const to = who.fresh();
    const before = (await api.query.system.account(to.address)).data.free.toBigInt();
    const tx = papiTransfer(to.address, 3n * UNIT);
    const result = await tx.signAndSubmit(withMetadataHash(NETWORK, signerOf(who.alice)));
    assert.equal(result.ok, true, `dispatch error: ${result.dispatchError?.type}`);
    const after = (await api.query.system.account(to.address)).data.free.toBigInt();
    assert.equal(after - before, 3n * UNIT);

    // Another token symbol is another metadata hash: the signature does not match the payload
    // the runtime checks.
    const wrong = withMetadataHash({ ...NETWORK, tokenSymbol: 'DOT' }, signerOf(who.alice));
    await assert.rejects(papiTransfer(to.address, UNIT).signAndSubmit(wrong), /BadProof|Invalid/);
  });
});
