import { expose, releaseProxy, type Remote } from 'comlink';
import type { MipSolver } from '../../engine/vm';
import { executeRun } from './execute-run';
import { executeVmRun } from './execute-vm-run';
import { fingerprintUnchanged, takeFingerprint } from './global-fingerprint';
import { loadBrowserMipSolver } from './highs-browser';
import type { RunProgressCallback, RunRequest, SimulationWorkerApi } from './run-protocol';
import { lockDownWorkerScope } from './sandbox';
import { vmRunUsesMip } from './vm-run-uses-mip';

/**
 * The simulation worker: a dedicated module Web Worker that runs one simulation at a time for the RunPool.
 *
 * Loaded by the app as `new Worker(new URL('./simulation-worker.ts', import.meta.url), { type: 'module' })`, a
 * literal the bundler can see. Everything a policy must not reach is locked down first, before the worker answers
 * a single message, so no policy code ever runs in an unlocked scope.
 *
 * A run is synchronous from start to end: the worker does nothing else meanwhile, and a policy that never returns
 * is stopped by the pool terminating the worker (nothing inside a blocked thread can). Progress still reaches the
 * page during the run, because a call on a comlink callback proxy posts its message at once.
 */

// HiGHS first: its two downloads must start while the worker still has fetch (the lockdown below removes it). The
// promise is awaited only by a run whose policy uses the MIP solver, so a failed load fails those runs alone.
const mipSolver: Promise<MipSolver> = loadBrowserMipSolver();
mipSolver.catch(() => undefined);

const sandbox = lockDownWorkerScope();
// A browser where some global could not be locked must not run policies at all: failing to start makes every run
// report a 'crash' naming the globals, instead of quietly running user code with the network in reach.
if (sandbox.unlocked.length > 0) throw new Error(`policy sandbox: could not lock ${sandbox.unlocked.join(', ')}`);
const pristine = takeFingerprint();
/** Math.random as the browser made it; during a run the global is the run's seeded stream. */
const hostRandom = Math.random;

/**
 * Sends one progress report. comlink draws a message id from Math.random for every call, and during a run
 * Math.random is the run's seeded stream: without the swap, each report would take a number from the policy's
 * stream and the run would no longer match the CLI (a test caught exactly that). The reply is not awaited here:
 * the thread is busy with the run until it ends.
 */
function reportProgress(onProgress: RunProgressCallback, fraction: number): Promise<unknown> {
  const seeded = Math.random;
  Math.random = hostRandom;
  try {
    return Promise.resolve(onProgress(fraction)).catch(() => undefined);
  } finally {
    Math.random = seeded;
  }
}

const api: SimulationWorkerApi = {
  ready: () => true,
  async run(request: RunRequest, onProgress?: RunProgressCallback) {
    let lastReport: Promise<unknown> | undefined;
    const report = onProgress ? (fraction: number) => void (lastReport = reportProgress(onProgress, fraction)) : undefined;
    try {
      const outcome = request.engine === 'vm' ? await runVm(request, report) : executeRun(request, report, sandbox.compilers);
      // Progress and the outcome travel on different channels, so without this the outcome can overtake the last
      // reports. Once the page has answered the last one it has handled them all (one channel keeps order).
      await lastReport;
      return outcome;
    } finally {
      // Close the callback's channel now rather than when the proxy is garbage-collected (comlink #590).
      if (onProgress) (onProgress as unknown as Remote<RunProgressCallback>)[releaseProxy]();
    }
  },
  isPristine: () => fingerprintUnchanged(pristine),
};

/** A VM run, with HiGHS when its policy declares usesMip; a solver that failed to load is that run's failure. */
async function runVm(request: Extract<RunRequest, { engine: 'vm' }>, report: RunProgressCallback | undefined) {
  if (!vmRunUsesMip(request)) return executeVmRun(request, report, sandbox.compilers.vm);
  let solver: MipSolver;
  try {
    solver = await mipSolver;
  } catch (error) {
    return { ok: false as const, failure: { kind: 'input' as const, message: `the MIP solver (HiGHS) did not load: ${(error as Error).message}` } };
  }
  return executeVmRun(request, report, sandbox.compilers.vm, solver);
}

expose(api, sandbox.endpoint);
