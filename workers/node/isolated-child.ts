/**
 * The isolated child process of a queue worker (see isolated-runner.ts for the boundary around it). Bundled into
 * one CommonJS file by isolated-bundle.ts, because under the permission model this process may read nothing but
 * that file (and, for MIP policies, HiGHS's .wasm): no loader, no node_modules.
 *
 * Protocol: one JSON object per line. In on stdin: {nonce, task}. Out on stdout: {type: 'ready'} once, then
 * {type: 'started', nonce} and {type: 'done', nonce, outcome, pristine} per task. Policies' console output goes to
 * stderr, so it cannot be taken for a reply by accident.
 */
import { readFileSync, writeSync } from 'node:fs';
import loadHighs from 'highs';
import { fingerprintUnchanged, takeFingerprint } from '../browser/global-fingerprint';
import { createMipSolver } from '../mip-solver';
import { executeSweepTask, type SweepTask } from './sweep-execute';

// Taken before any policy code runs, so a policy replacing them cannot change what the harness writes or reads.
const stringify = JSON.stringify;
const parse = JSON.parse;
const write = (message: unknown): void => void writeSync(1, `${stringify(message)}\n`);

for (const name of ['log', 'info', 'debug', 'warn', 'error', 'trace', 'dir', 'table'] as const) {
  console[name] = (...args: unknown[]) => void writeSync(2, `${args.map((a) => (typeof a === 'string' ? a : String(a))).join(' ')}\n`);
}

const wasmPath = process.argv[2];
const host = {
  loadMipSolver: async () => {
    if (!wasmPath) throw new Error('HiGHS is not available to this worker');
    const wasmModule = await WebAssembly.compile(readFileSync(wasmPath));
    return createMipSolver(() => loadHighs({ wasmModule }));
  },
};

let pristine: ReturnType<typeof takeFingerprint> | undefined;
let buffered = '';
let queue = Promise.resolve();

async function handle(line: string): Promise<void> {
  const { nonce, task } = parse(line) as { nonce: string; task: SweepTask };
  pristine ??= takeFingerprint();
  write({ type: 'started', nonce });
  const outcome = await executeSweepTask(task, host);
  write({ type: 'done', nonce, outcome, pristine: fingerprintUnchanged(pristine) });
}

process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  buffered += chunk;
  let newline: number;
  while ((newline = buffered.indexOf('\n')) >= 0) {
    const line = buffered.slice(0, newline);
    buffered = buffered.slice(newline + 1);
    if (line.trim() !== '') queue = queue.then(() => handle(line));
  }
});
// The parent closing stdin is the signal to leave.
process.stdin.on('end', () => process.exit(0));
write({ type: 'ready' });
