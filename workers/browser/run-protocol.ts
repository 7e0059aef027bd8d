import type { PolicyChoice, RunFailure } from '../../components/state/lab-types';
import type { JobShopInstance } from '../../engine/jobshop/model';
import type { BreakdownModel, JobShopResult, Scheme } from '../../engine/jobshop/run-types';
import type { VmResult, VmRunOptions, VmScenario } from '../../engine/vm';
import type { LlmResult, LlmRunOptions, LlmScenario } from '../../engine/llm';

/**
 * What crosses the boundary between a lab page and a simulation worker: plain data only (structured clone), so
 * a request can also be stored, shared and replayed as it is. Failures travel as a kind and a message, because an
 * Error's class does not survive the trip.
 *
 * A request names its engine. `engine` may be left out for the job shop: requests written before there was a
 * second engine (saved experiments, tests) keep their meaning.
 */

/** The job-shop run options the browser sends; the same fields the CLI passes to `simulate` (minus progress and abort). */
export interface BrowserRunOptions {
  readonly scheme: Scheme;
  readonly seed: number;
  /** Parameter values by name; the policy's declared ranges check them (an out-of-range value is an 'input' failure). */
  readonly params: Readonly<Record<string, number | string>>;
  readonly online?: boolean;
  readonly breakdowns?: BreakdownModel;
}

export interface JobShopRunRequest {
  readonly engine?: 'jobshop';
  /** Unique within a batch; outcomes and progress are reported under it. */
  readonly runId: string;
  readonly instance: JobShopInstance;
  readonly policy: PolicyChoice;
  readonly options: BrowserRunOptions;
}

/**
 * The VM run options the browser sends: the engine's own VmRunOptions minus the functions (progress, abort, the
 * MIP solver: a worker would have to load its own), so every plain-data option the engine adds (drift, mode,
 * objective, ...) can be sent as it is, with no change here.
 */
export type VmBrowserRunOptions = Omit<VmRunOptions, 'onProgress' | 'signal' | 'progressEvery' | 'mipSolver' | 'seed' | 'params'> & {
  readonly seed: number;
  readonly params: Readonly<Record<string, number | string>>;
};

export interface VmRunRequest {
  readonly engine: 'vm';
  readonly runId: string;
  readonly scenario: VmScenario;
  readonly policy: PolicyChoice;
  readonly options: VmBrowserRunOptions;
}

/** The LLM-serving run options the browser sends: the engine's LlmRunOptions minus progress and abort. */
export type LlmBrowserRunOptions = Omit<LlmRunOptions, 'onProgress' | 'signal' | 'progressEvery' | 'seed' | 'params'> & {
  readonly seed: number;
  readonly params: Readonly<Record<string, number | string>>;
};

export interface LlmRunRequest {
  readonly engine: 'llm';
  readonly runId: string;
  /** The workload with its cluster (scenario.cluster), as a preset or an imported trace made it. */
  readonly scenario: LlmScenario;
  readonly policy: PolicyChoice;
  /**
   * A built-in dispatcher to combine with the policy (the CLI's `--dispatch`): the policy's schedule, the
   * dispatcher's dispatch / migrate / placeDecode (llmEngine.combinePolicies).
   */
  readonly dispatch?: string;
  readonly options: LlmBrowserRunOptions;
}

export type RunRequest = JobShopRunRequest | VmRunRequest | LlmRunRequest;

export type EngineResult = JobShopResult | VmResult | LlmResult;

export type RunOutcome<R extends EngineResult = EngineResult> =
  | { readonly ok: true; readonly result: R; readonly elapsedMs: number }
  | { readonly ok: false; readonly failure: RunFailure };

/** The outcome type of a request type: a VM request gives a VmResult, a job-shop request a JobShopResult. */
export type OutcomeOf<Q extends RunRequest> = RunOutcome<Q extends VmRunRequest ? VmResult : Q extends LlmRunRequest ? LlmResult : JobShopResult>;

/** Fraction of the run done, in [0, 1]; a worker reports about ten times per run. */
export type RunProgressCallback = (fractionDone: number) => void;

/** The API a simulation worker exposes through comlink. */
export interface SimulationWorkerApi {
  /** Resolves once the worker has loaded and locked down its global scope; lets the pool tell start-up from running. */
  ready(): true;
  /**
   * Runs one simulation to the end; never rejects for a problem of the policy or the input (see RunOutcome). Every
   * progress report has reached the page before the outcome does.
   */
  run(request: RunRequest, onProgress?: RunProgressCallback): Promise<RunOutcome>;
  /**
   * False when the last policy changed a shared global or built-in prototype (e.g. `Array.prototype.last = ...`).
   * Such a change would leak into the next run in this worker and break reproducibility, so the pool retires it.
   */
  isPristine(): boolean;
}
