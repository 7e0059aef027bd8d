import { expose } from 'comlink';
import { fingerprintUnchanged, takeFingerprint } from './global-fingerprint';
import type { RunRequest } from './run-protocol';
import { lockDownWorkerScope } from './sandbox';
import { openStepSession, type StepSession } from './step-session';
import type { StepOutcome, StepWorkerApi } from './step-protocol';

/**
 * The step worker: a dedicated module Web Worker holding one step session (step-session.ts) for a step player.
 *
 * Loaded by the app as `new Worker(new URL('../../workers/browser/step-worker.ts', import.meta.url), { type:
 * 'module' })`. It runs policy code exactly as the simulation worker does, so it is locked down the same way and
 * first, before it answers a single message. A policy that never returns blocks the thread; the player stops it by
 * terminating the worker on its watchdog timeout.
 *
 * No MIP solver: loading HiGHS needs fetch before the lockdown, and stepping such a policy is refused instead
 * (openStepSession says so).
 */

const sandbox = lockDownWorkerScope();
// As in simulation-worker.ts: a scope where some global could not be locked must not run policies at all.
if (sandbox.unlocked.length > 0) throw new Error(`policy sandbox: could not lock ${sandbox.unlocked.join(', ')}`);

const pristine = takeFingerprint();

let session: StepSession | undefined;

const noSession: StepOutcome<never> = { ok: false, failure: { kind: 'input', message: 'no step session is open; open a run first' } };

const api: StepWorkerApi = {
  ready: () => true,
  open(request: RunRequest) {
    session = undefined;
    // A policy of an earlier session that changed a global or a built-in prototype would leak into this run (the
    // simulation pool retires such a worker); here the player is told to start a fresh worker.
    if (!fingerprintUnchanged(pristine)) {
      return { ok: false, failure: { kind: 'crash', message: 'an earlier policy in this step worker changed a shared global or built-in prototype; start a new step worker' } };
    }
    const opened = openStepSession(request, sandbox.compilers);
    if (!opened.ok) return opened;
    session = opened.value;
    return { ok: true, value: session.info };
  },
  goTo: (decision: number) => session?.goTo(decision) ?? noSession,
};

expose(api, sandbox.endpoint);
