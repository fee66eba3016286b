// Submitting extrinsics the way a polkadot.js user does, and reading what happened.
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';

/** The well-known dev accounts (Alice, Bob, …) and a maker of fresh ones. */
export async function accounts() {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const dev = Object.fromEntries(
    ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map((n) => [n.toLowerCase(), keyring.addFromUri(`//${n}`)]),
  );
  let counter = 0;
  const fresh = () => keyring.addFromUri(`//fresh/${process.pid}/${Date.now()}/${counter++}`);
  return { ...dev, keyring, fresh };
}

/** Names a dispatch error: `section.Name` for module errors, `Kind.Variant` for the others. */
export function errorName(api, dispatchError) {
  if (dispatchError.isModule) {
    const meta = api.registry.findMetaError(dispatchError.asModule);
    return `${meta.section}.${meta.name}`;
  }
  if (dispatchError.isToken) return `Token.${dispatchError.asToken.type}`;
  if (dispatchError.isArithmetic) return `Arithmetic.${dispatchError.asArithmetic.type}`;
  return dispatchError.type;
}

/**
 * Signs and submits `tx`, resolves once it is in a block:
 * { blockHash, events, ok, error } where `error` is the decoded dispatch error's name.
 * Rejects if the pool refuses the transaction (e.g. `1010: Invalid Transaction`).
 */
export const send = (api, tx, signer) => watch(api, (cb) => tx.signAndSend(signer, cb));

/** Submits an already signed `tx` (after quoting it, say); resolves like `send`. */
export const submit = (api, tx) => watch(api, (cb) => tx.send(cb));

/** `send`, asserting that the extrinsic succeeded (its error named in the failure). */
export async function sendOk(api, tx, signer) {
  const result = await send(api, tx, signer);
  assert.ok(result.ok, `extrinsic failed: ${result.error}`);
  return result;
}

function watch(api, subscribe) {
  return new Promise((ok, fail) => {
    let unsubscribe = () => {};
    subscribe(({ status, events, dispatchError }) => {
      if (status.isInBlock || status.isFinalized) {
        unsubscribe();
        ok({
          blockHash: (status.isInBlock ? status.asInBlock : status.asFinalized).toHex(),
          events: events.map(({ event }) => event),
          ok: !dispatchError,
          error: dispatchError ? errorName(api, dispatchError) : null,
        });
      } else if (status.isDropped || status.isInvalid || status.isUsurped) {
        unsubscribe();
        fail(new Error(`transaction ${status.type}`));
      }
    }).then((u) => { unsubscribe = u; }, fail);
  });
}

/** The first event `section.method` in a list of events, or undefined. */
export const findEvent = (events, section, method) =>
  events.find((e) => e.section === section && e.method === method);

/** The last event `section.method` in a list of events, or undefined. */
export const findLastEvent = (events, section, method) =>
  events.findLast((e) => e.section === section && e.method === method);
