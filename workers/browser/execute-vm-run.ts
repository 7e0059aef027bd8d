import type { RunFailure } from '../../components/state/lab-types';
import { vmEngine, type MipSolver, type VmPolicy, type VmResult, type VmRunOptions } from '../../engine/vm';
import type { compileVmPolicy } from '../policy-compile';
import { withSeededMathRandom } from '../seeded-math-random';
import { compileFailure, simulationFailure } from './run-failures';
import type { RunOutcome, RunProgressCallback, VmRunRequest } from './run-protocol';

/**
 * One VM-rescheduling run inside a simulation worker, by the CLI's steps (bin/cli/vm-commands.ts): compile outside
 * the seeded stream, then `withSeededMathRandom(seed)` around the whole run, so the browser and the command line
 * get the same bits. The run is stepped one migration at a time only to report progress.
 */

/** Progress reports per run, as for the job shop. */
const PROGRESS_REPORTS = 10;

type Loaded = { readonly policy: VmPolicy; readonly fileName: string } | { readonly failure: RunFailure };

/** The request's policy: a built-in, or editor source compiled (a compile error becomes a 'compile' failure). */
export function loadVmPolicy(request: VmRunRequest, compile: typeof compileVmPolicy): Loaded {
  const choice = request.policy;
  if (choice.kind === 'builtin') {
    const policy = vmEngine.findPolicy(choice.id);
    if (!policy) return { failure: { kind: 'input', message: `unknown built-in VM policy "${choice.id}"` } };
    return { policy, fileName: `${policy.id}.ts` };
  }
  try {
    return { policy: compile(choice.source, choice.fileName), fileName: choice.fileName };
  } catch (error) {
    return { failure: compileFailure(error, choice.fileName) };
  }
}

/**
 * The engine options of a request. The solver is a function, so it never travels in the request: the worker that
 * loaded HiGHS adds it here.
 */
export function vmRunOptions(request: VmRunRequest, mipSolver: MipSolver | undefined): VmRunOptions {
  return mipSolver ? { ...request.options, mipSolver } : request.options;
}

function simulateInSlices(request: VmRunRequest, policy: VmPolicy, onProgress: RunProgressCallback | undefined, mipSolver: MipSolver | undefined): VmResult {
  const options = vmRunOptions(request, mipSolver);
  return withSeededMathRandom(request.options.seed, () => {
    const sim = vmEngine.createSimulation(request.scenario, policy, options);
    let nextReport = 1 / PROGRESS_REPORTS;
    while (sim.step()) {
      // With an MNL the fraction is migrations / MNL; without one it stays 0 until the policy stops (then 1).
      const fraction = sim.fractionDone;
      if (onProgress && fraction >= nextReport) {
        onProgress(fraction);
        nextReport = Math.floor(fraction * PROGRESS_REPORTS + 1) / PROGRESS_REPORTS;
      }
    }
    return sim.result();
  });
}

/**
 * `mipSolver`: HiGHS for policies that call view.solveMip (usesMip). The simulation worker starts loading it before
 * its sandbox removes fetch (highs-browser.ts) and passes it here only for runs that need it (vm-run-uses-mip.ts).
 */
export function executeVmRun(
  request: VmRunRequest,
  onProgress: RunProgressCallback | undefined,
  compile: typeof compileVmPolicy,
  mipSolver?: MipSolver,
): RunOutcome<VmResult> {
  const started = performance.now();
  const loaded = loadVmPolicy(request, compile);
  if ('failure' in loaded) return { ok: false, failure: loaded.failure };
  try {
    const result = simulateInSlices(request, loaded.policy, onProgress, mipSolver);
    return { ok: true, result, elapsedMs: performance.now() - started };
  } catch (error) {
    return { ok: false, failure: simulationFailure(error, loaded.fileName) };
  }
}
