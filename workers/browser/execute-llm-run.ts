import type { RunFailure } from '../../components/state/lab-types';
import { llmEngine, type LlmPolicy, type LlmResult } from '../../engine/llm';
import type { compileLlmPolicy } from '../policy-compile';
import { withSeededMathRandom } from '../seeded-math-random';
import { compileFailure, simulationFailure } from './run-failures';
import type { LlmRunRequest, RunOutcome, RunProgressCallback } from './run-protocol';

/**
 * One LLM-serving run inside a simulation worker, by the CLI's steps (bin/cli/llm-commands.ts): compile the policy
 * and combine it with the chosen dispatcher outside the seeded stream, then `withSeededMathRandom(seed)` around the
 * whole simulation, so the browser and the command line get the same bits. The run is stepped one event at a time
 * only to report progress (requests finished / requests); slicing does not change what the engine computes.
 */

/** Progress reports per run, as for the other engines. */
const PROGRESS_REPORTS = 10;

type Loaded = { readonly policy: LlmPolicy; readonly fileName: string } | { readonly failure: RunFailure };

/** The request's policy (a built-in or compiled source), combined with its dispatcher when the request names one. */
export function loadLlmPolicy(request: LlmRunRequest, compile: typeof compileLlmPolicy): Loaded {
  const choice = request.policy;
  let policy: LlmPolicy;
  let fileName: string;
  if (choice.kind === 'builtin') {
    const found = llmEngine.findPolicy(choice.id);
    if (!found) return { failure: { kind: 'input', message: `unknown built-in LLM policy "${choice.id}"` } };
    policy = found;
    fileName = `${found.id}.ts`;
  } else {
    try {
      policy = compile(choice.source, choice.fileName);
      fileName = choice.fileName;
    } catch (error) {
      return { failure: compileFailure(error, choice.fileName) };
    }
  }
  if (request.dispatch === undefined) return { policy, fileName };
  const dispatcher = llmEngine.findPolicy(request.dispatch);
  if (!dispatcher) return { failure: { kind: 'input', message: `unknown built-in dispatcher "${request.dispatch}"` } };
  try {
    // The same combination as `--policy x --dispatch y`; a parameter both declare is a clash the user must resolve.
    return { policy: llmEngine.combinePolicies(policy, dispatcher) as LlmPolicy, fileName };
  } catch (error) {
    return { failure: { kind: 'input', message: error instanceof Error ? error.message : String(error) } };
  }
}

function simulateInSlices(request: LlmRunRequest, policy: LlmPolicy, onProgress: RunProgressCallback | undefined): LlmResult {
  const options = request.options;
  return withSeededMathRandom(options.seed, () => {
    const sim = llmEngine.createSimulation(request.scenario, policy, options);
    let nextReport = 1 / PROGRESS_REPORTS;
    while (sim.step()) {
      // Requests finished / requests: counters the engine keeps anyway, cheap to read every event.
      const fraction = sim.fractionDone;
      if (onProgress && fraction >= nextReport) {
        onProgress(fraction);
        nextReport = Math.floor(fraction * PROGRESS_REPORTS + 1) / PROGRESS_REPORTS;
      }
    }
    return sim.result();
  });
}

export function executeLlmRun(request: LlmRunRequest, onProgress: RunProgressCallback | undefined, compile: typeof compileLlmPolicy): RunOutcome<LlmResult> {
  const started = performance.now();
  const loaded = loadLlmPolicy(request, compile);
  if ('failure' in loaded) return { ok: false, failure: loaded.failure };
  try {
    const result = simulateInSlices(request, loaded.policy, onProgress);
    return { ok: true, result, elapsedMs: performance.now() - started };
  } catch (error) {
    return { ok: false, failure: simulationFailure(error, loaded.fileName) };
  }
}
