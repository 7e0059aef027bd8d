import type { RunFailure } from '../../components/state/lab-types';
import type { JobShopPolicy } from '../../engine/jobshop/policy-api';
import { findBuiltinPolicy } from '../../engine/jobshop/policies';
import { createSimulation } from '../../engine/jobshop/simulate';
import type { JobShopResult, JobShopRunOptions } from '../../engine/jobshop/run-types';
import { POLICY_COMPILERS, type compilePolicy, type PolicyCompilers } from '../policy-compile';
import { withSeededMathRandom } from '../seeded-math-random';
import { executeLlmRun } from './execute-llm-run';
import { executeVmRun } from './execute-vm-run';
import { compileFailure, simulationFailure } from './run-failures';
import type { JobShopRunRequest, OutcomeOf, RunOutcome, RunProgressCallback, RunRequest } from './run-protocol';

/**
 * One run inside a simulation worker: compile (for editor source), simulate, and turn every way it can go wrong
 * into a RunFailure. No DOM, no comlink: the worker entry wires this up, and a Node test can call it directly to
 * prove the browser path computes exactly what the CLI computes.
 *
 * Same steps as the CLI (bin/cli/execute-run.ts, workers/node/policy-worker.ts), so a run gives the same bits:
 * compile outside the seeded stream, then `withSeededMathRandom(seed)` around the whole simulation. The run is
 * stepped in slices only to report progress; slicing does not change what the engine computes.
 */

/** Progress reports per run; enough for a smooth bar without flooding the page with messages. */
const PROGRESS_REPORTS = 10;

type Loaded = { readonly policy: JobShopPolicy; readonly fileName: string } | { readonly failure: RunFailure };

/** The request's policy: a built-in, or editor source compiled (a compile error becomes a 'compile' failure). */
export function loadJobShopPolicy(request: JobShopRunRequest, compile: typeof compilePolicy): Loaded {
  const choice = request.policy;
  if (choice.kind === 'builtin') {
    const policy = findBuiltinPolicy(choice.id);
    if (!policy) return { failure: { kind: 'input', message: `unknown built-in policy "${choice.id}"` } };
    return { policy, fileName: `${policy.id}.ts` };
  }
  try {
    return { policy: compile(choice.source, choice.fileName), fileName: choice.fileName };
  } catch (error) {
    return { failure: compileFailure(error, choice.fileName) };
  }
}

/** The engine options of a request: the fields the CLI passes to `simulate` (a step session adds its recording). */
export function jobShopRunOptions(request: JobShopRunRequest): JobShopRunOptions {
  const { scheme, seed, params, online, breakdowns } = request.options;
  return { scheme, seed, params, online, breakdowns };
}

function simulateInSlices(request: JobShopRunRequest, policy: JobShopPolicy, onProgress?: RunProgressCallback): JobShopResult {
  return withSeededMathRandom(request.options.seed, () => {
    const sim = createSimulation(request.instance, policy, jobShopRunOptions(request));
    let nextReport = 1 / PROGRESS_REPORTS;
    while (sim.step()) {
      // fractionDone is a division over counters the engine keeps anyway: cheap enough to read every step.
      if (onProgress && sim.fractionDone >= nextReport) {
        onProgress(sim.fractionDone);
        nextReport = Math.floor(sim.fractionDone * PROGRESS_REPORTS + 1) / PROGRESS_REPORTS;
      }
    }
    return sim.result();
  });
}

/**
 * Runs a request to the end, on the engine it names. `compilers` are the sandbox's gates around the compile
 * functions in the worker (they allow the one eval that compiling needs); Node tests use the plain ones.
 */
export function executeRun<Q extends RunRequest>(request: Q, onProgress?: RunProgressCallback, compilers: PolicyCompilers = POLICY_COMPILERS): OutcomeOf<Q> {
  const plain: RunRequest = request; // narrowed by its engine below (a type parameter itself is not narrowed)
  const outcome =
    plain.engine === 'vm'
      ? executeVmRun(plain, onProgress, compilers.vm)
      : plain.engine === 'llm'
        ? executeLlmRun(plain, onProgress, compilers.llm)
        : executeJobShopRun(plain, onProgress, compilers.jobshop);
  return outcome as OutcomeOf<Q>;
}

function executeJobShopRun(request: JobShopRunRequest, onProgress: RunProgressCallback | undefined, compile: typeof compilePolicy): RunOutcome<JobShopResult> {
  const started = performance.now();
  const loaded = loadJobShopPolicy(request, compile);
  if ('failure' in loaded) return { ok: false, failure: loaded.failure };
  try {
    // The last step reports 1 (every operation placed), so no final report is needed here.
    const result = simulateInSlices(request, loaded.policy, onProgress);
    return { ok: true, result, elapsedMs: performance.now() - started };
  } catch (error) {
    return { ok: false, failure: simulationFailure(error, loaded.fileName) };
  }
}
