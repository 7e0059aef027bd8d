import type { RunFailure } from '../../components/state/lab-types';
import { createSimulation as createJobShopSimulation } from '../../engine/jobshop/simulate';
import { llmEngine } from '../../engine/llm';
import { vmEngine, type MipSolver } from '../../engine/vm';
import type { PolicyCompilers } from '../policy-compile';
import { createSeededMathRandom, type SeededMathRandom } from '../seeded-math-random';
import { jobShopRunOptions, loadJobShopPolicy } from './execute-run';
import { loadLlmPolicy } from './execute-llm-run';
import { loadVmPolicy, vmRunOptions } from './execute-vm-run';
import { simulationFailure } from './run-failures';
import type { JobShopRunRequest, LlmRunRequest, RunRequest, VmRunRequest } from './run-protocol';
import type { JobShopStepFrame, LlmStepFrame, StepFrame, VmStepFrame } from './step-protocol';

/**
 * One simulation of a step session's run, driven one decision at a time (step-protocol.ts says what a decision is
 * per engine). Each is built the way executeRun builds its run: the policy loaded by the same loader (editor
 * source compiled afresh, outside the seeded stream, so module-level state in a policy starts over as in a new run),
 * the same engine options, and its own Math.random stream for the seed, which every call into the simulation
 * resumes. So decision k of any of them is decision k of the run the lab would run, to the bit.
 */
export interface SteppedRun {
  /** Decisions made so far. */
  readonly decisions: number;
  /**
   * Makes the next decision and returns true; returns false once none is left, after running what remains (for
   * the LLM engine, the events after the last batch). Throws what the engine throws.
   */
  advance(): boolean;
  /** The current state as a frame, from the engine's own snapshot(); the final metrics once the run is done. */
  frame(): StepFrame;
}

/** A started run, with the file name its failures are reported under; or why it could not start. */
export type StartedRun = { readonly run: SteppedRun; readonly fileName: string } | { readonly failure: RunFailure };

/** Starts a new simulation of the request at decision 0. */
export function startSteppedRun(request: RunRequest, compilers: PolicyCompilers, mipSolver?: MipSolver): StartedRun {
  if (request.engine === 'vm') return startVmRun(request, compilers, mipSolver);
  if (request.engine === 'llm') return startLlmRun(request, compilers);
  return startJobShopRun(request, compilers);
}

/** The final metrics, computed once: result() builds the whole result (timeline included) to give them. */
function finalMetrics(result: () => { readonly metrics: Readonly<Record<string, number>> }): () => Readonly<Record<string, number>> {
  let metrics: Readonly<Record<string, number>> | undefined;
  return () => (metrics ??= result().metrics);
}

/** Creates the simulation under its stream; what the constructor throws (bad input, prepare()) is the failure. */
function construct<S>(random: SeededMathRandom, fileName: string, create: () => S): { readonly sim: S } | { readonly failure: RunFailure } {
  try {
    return { sim: random.run(create) };
  } catch (error) {
    return { failure: simulationFailure(error, fileName) };
  }
}

function startJobShopRun(request: JobShopRunRequest, compilers: PolicyCompilers): StartedRun {
  const loaded = loadJobShopPolicy(request, compilers.jobshop);
  if ('failure' in loaded) return loaded;
  const random = createSeededMathRandom(request.options.seed);
  const options = { ...jobShopRunOptions(request), recordDecisions: true };
  const built = construct(random, loaded.fileName, () => createJobShopSimulation(request.instance, loaded.policy, options));
  if ('failure' in built) return built;
  const sim = built.sim;
  const metrics = finalMetrics(() => sim.result());
  let decisions = 0;
  const run: SteppedRun = {
    get decisions() {
      return decisions;
    },
    advance() {
      if (!random.run(() => sim.step())) return false;
      decisions++;
      return true;
    },
    frame: () =>
      random.run((): JobShopStepFrame => {
        const snapshot = sim.snapshot();
        const lastDecision = sim.lastDecision();
        return {
          engine: 'jobshop',
          decision: decisions,
          time: snapshot.time,
          done: snapshot.done,
          snapshot,
          ...(lastDecision ? { lastDecision } : {}),
          ...(snapshot.done ? { metrics: metrics() } : {}),
        };
      }),
  };
  return { run, fileName: loaded.fileName };
}

function startVmRun(request: VmRunRequest, compilers: PolicyCompilers, mipSolver: MipSolver | undefined): StartedRun {
  const loaded = loadVmPolicy(request, compilers.vm);
  if ('failure' in loaded) return loaded;
  const random = createSeededMathRandom(request.options.seed);
  const options = vmRunOptions(request, mipSolver);
  const built = construct(random, loaded.fileName, () => vmEngine.createSimulation(request.scenario, loaded.policy, options));
  if ('failure' in built) return built;
  const sim = built.sim;
  const metrics = finalMetrics(() => sim.result());
  const run: SteppedRun = {
    // The engine counts decisions itself (`now`), the final null answer included.
    get decisions() {
      return sim.now;
    },
    advance: () => random.run(() => sim.step()),
    frame: () =>
      random.run((): VmStepFrame => {
        const snapshot = sim.snapshot();
        return { engine: 'vm', decision: sim.now, done: snapshot.done, snapshot, ...(snapshot.done ? { metrics: metrics() } : {}) };
      }),
  };
  return { run, fileName: loaded.fileName };
}

function startLlmRun(request: LlmRunRequest, compilers: PolicyCompilers): StartedRun {
  const loaded = loadLlmPolicy(request, compilers.llm);
  if ('failure' in loaded) return loaded;
  const random = createSeededMathRandom(request.options.seed);
  const options = { ...request.options, recordIterations: true };
  const built = construct(random, loaded.fileName, () => llmEngine.createSimulation(request.scenario, loaded.policy, options));
  if ('failure' in built) return built;
  const sim = built.sim;
  const metrics = finalMetrics(() => sim.result());
  /** Events one at a time until the next batch is formed (one event forms at most one) or the run ends. */
  const nextBatch = (): boolean => {
    const started = sim.iterationsStarted;
    while (!sim.done) {
      sim.step();
      if (sim.iterationsStarted > started) return true;
    }
    return false;
  };
  const run: SteppedRun = {
    get decisions() {
      return sim.iterationsStarted;
    },
    advance: () => random.run(nextBatch),
    frame: () =>
      random.run((): LlmStepFrame => {
        const snapshot = sim.snapshot();
        const lastIteration = sim.lastIteration();
        return {
          engine: 'llm',
          decision: sim.iterationsStarted,
          time: snapshot.time,
          done: snapshot.done,
          snapshot,
          ...(lastIteration ? { lastIteration } : {}),
          ...(snapshot.done ? { metrics: metrics() } : {}),
        };
      }),
  };
  return { run, fileName: loaded.fileName };
}
