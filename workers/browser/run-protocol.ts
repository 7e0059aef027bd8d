import type { PolicyChoice, RunFailure } from '../../components/state/lab-types';
import type { JobShopInstance } from '../../engine/jobshop/model';
import type { BreakdownModel, JobShopResult, Scheme } from '../../engine/jobshop/run-types';

/**
 * What crosses the boundary between the lab page and a simulation worker: plain data only (structured clone), so
 * a request can also be stored, shared and replayed as it is. Failures travel as a kind and a message, because an
 * Error's class does not survive the trip.
 */

/** The run options the browser sends; the same fields the CLI passes to `simulate` (minus progress and abort). */
export interface BrowserRunOptions {
  readonly scheme: Scheme;
  readonly seed: number;
  /** Parameter values by name; the policy's declared ranges check them (an out-of-range value is an 'input' failure). */
  readonly params: Readonly<Record<string, number | string>>;
  readonly online?: boolean;
  readonly breakdowns?: BreakdownModel;
}

export interface RunRequest {
  /** Unique within a batch; outcomes and progress are reported under it. */
  readonly runId: string;
  readonly instance: JobShopInstance;
  readonly policy: PolicyChoice;
  readonly options: BrowserRunOptions;
}

export type RunOutcome =
  | { readonly ok: true; readonly result: JobShopResult; readonly elapsedMs: number }
  | { readonly ok: false; readonly failure: RunFailure };

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
