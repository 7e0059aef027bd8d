import { parentPort } from 'node:worker_threads';
import { fingerprintUnchanged, takeFingerprint } from '../browser/global-fingerprint';
import { loadNodeMipSolver } from './highs-node';
import { executeSweepTask, type SweepTask } from './sweep-execute';
import type { ThreadReply, ThreadRequest } from './sweep-pool';

/**
 * A long-lived sweep thread: takes runs one at a time from the pool and answers each with its outcome. Loading the
 * TypeScript loader and the engines costs about a second, so a thread serves many runs rather than one.
 *
 * A policy file may change something every run in this thread shares (a global, a built-in prototype); that would
 * leak into the next run and make it differ from the same run elsewhere. After each policy-file run the thread
 * compares a fingerprint of those objects and reports whether it is still pristine; the pool retires it if not.
 */

const port = parentPort;
if (!port) throw new Error('sweep-thread.ts must run in a worker thread (see sweep-pool.ts)');

const host = { loadMipSolver: () => loadNodeMipSolver() };
// Taken before any policy runs, after the modules loaded (their own lazy globals are in the picture already).
let pristine: ReturnType<typeof takeFingerprint> | undefined;

port.on('message', (message: ThreadRequest) => {
  void (async () => {
    pristine ??= takeFingerprint();
    port.postMessage({ type: 'started', id: message.id } satisfies ThreadReply);
    const outcome = await executeSweepTask(message.task as SweepTask, host);
    const clean = message.task.policy.source === undefined || fingerprintUnchanged(pristine);
    port.postMessage({ type: 'done', id: message.id, outcome, pristine: clean } satisfies ThreadReply);
  })();
});
port.postMessage({ type: 'ready' } satisfies ThreadReply);
