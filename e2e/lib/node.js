// Starts and stops real fluxomics-node processes for the end-to-end tests.
//
// The harness builds nothing: it runs the binary named by FLUXOMICS_NODE (the Makefile passes the
// release build), on free loopback ports, waits until its RPC answers, and always stops it, also
// when a test fails or the test process is interrupted.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync, createWriteStream, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';

const here = dirname(fileURLToPath(import.meta.url));
const defaultBinary = resolve(
  process.env.CARGO_TARGET_DIR ?? join(process.env.HOME ?? '', '.cache/fluxomics/target'),
  'release/fluxomics-node',
);
export const NODE_BINARY = process.env.FLUXOMICS_NODE ?? defaultBinary;
const LOG_DIR = process.env.E2E_LOG_DIR ?? join(here, '..', 'logs');

const live = new Set();
function killAll() {
  for (const child of live) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
}
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { killAll(); process.exit(130); });
}

/** A TCP port that nothing listens on right now. */
export async function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Calls a JSON-RPC method over HTTP (the RPC port serves HTTP and WebSocket). */
export async function rpc(port, method, params = []) {
  const response = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

/**
 * Starts a node. Options:
 * - chain: 'dev' (default) or 'local';
 * - basePath: a directory to keep the chain in (default: a fresh temporary one, removed on stop);
 * - args: extra command-line arguments (e.g. ['--alice']);
 * - name: a label for the log file.
 * Returns { rpcPort, p2pPort, url, basePath, logPath, stop(), kill(), child }. If the node exits
 * before its RPC answers, the error thrown carries `logPath` (the node's log) and `exit`.
 */
export async function startNode({ chain = 'dev', basePath, args = [], name = chain, p2pPort } = {}) {
  const rpcPort = await freePort();
  p2pPort = p2pPort ?? await freePort();
  const ownBase = !basePath;
  basePath = basePath ?? mkdtempSync(join(tmpdir(), 'fluxomics-e2e-'));
  const chainArgs = chain === 'dev' ? ['--dev'] : ['--chain', chain];
  const argv = [
    ...chainArgs,
    '--base-path', basePath,
    '--rpc-port', String(rpcPort),
    '--port', String(p2pPort),
    '--rpc-cors', 'all',
    '--no-prometheus',
    '--no-telemetry',
    '--no-mdns',
    ...args,
  ];
  mkdirSync(LOG_DIR, { recursive: true });
  const log = createWriteStream(join(LOG_DIR, `${name}-${rpcPort}.log`));
  const child = spawn(NODE_BINARY, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  live.add(child);
  const exited = new Promise((ok) => child.on('exit', (code, signal) => {
    live.delete(child);
    ok({ code, signal });
  }));
  child.on('error', (e) => log.write(`spawn error: ${e}\n`));

  const node = {
    child, rpcPort, p2pPort, basePath, url: `ws://127.0.0.1:${rpcPort}`, exited, logPath: log.path,
    /** Stops the node with SIGINT (as Ctrl-C would) and waits for it to exit. */
    async stop({ keep = !ownBase } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }
      if (!keep) rmSync(basePath, { recursive: true, force: true });
      return exited;
    },
    /** Kills the node at once, as a crash would. */
    async kill() {
      child.kill('SIGKILL');
      return exited;
    },
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const exit = child.exitCode ?? child.signalCode;
      throw Object.assign(new Error(`${NODE_BINARY} exited early (${exit}); see ${log.path}`),
        { logPath: log.path, exit });
    }
    try {
      await rpc(rpcPort, 'system_health');
      return node;
    } catch {
      if (Date.now() > deadline) {
        await node.stop();
        throw new Error(`no RPC on port ${rpcPort} within 60 s; see ${log.path}`);
      }
      await sleep(250);
    }
  }
}

/** Connects polkadot.js to a node, with nothing but the chain's metadata. */
export async function connect(node) {
  const provider = new WsProvider(node.url, 1000, {}, 30_000);
  return ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
}

/** A dev node and an API connected to it, for a `describe` block; `close()` stops both. */
export async function devChain(options = {}) {
  const node = await startNode({ chain: 'dev', ...options });
  try {
    const api = await connect(node);
    return {
      node,
      api,
      async close() {
        await api.disconnect().catch(() => {});
        await node.stop();
      },
    };
  } catch (e) {
    await node.stop();
    throw e;
  }
}
