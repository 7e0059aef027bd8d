/**
 * The step-wise form every engine offers, so a worker can run in slices, report progress and be cancelled, and a
 * lesson can animate decision by decision.
 */
export interface Simulation<TSnapshot, TResult> {
  /** Current simulation time. */
  readonly now: number;
  /** True once nothing is left to decide. */
  readonly done: boolean;
  /** Advances by one decision (or one event). Returns false when already done. */
  step(): boolean;
  /** Steps while the simulation time is below `time` and work remains. */
  runUntil(time: number): void;
  /** A plain-data picture of the current state (partial schedule, counters). */
  snapshot(): TSnapshot;
  /** The run result; only valid once `done`. */
  result(): TResult;
}

export interface RunControl {
  /** Called every `progressEvery` steps with the fraction done in [0, 1]. */
  readonly onProgress?: (fractionDone: number) => void;
  /** Aborting stops the run at the next slice with an AbortError-like Error. */
  readonly signal?: { readonly aborted: boolean };
  /** Steps between progress reports and abort checks. */
  readonly progressEvery?: number;
}

/** Drives a simulation to the end, checking for cancellation and reporting progress between slices. */
export function runToEnd<TSnapshot, TResult>(
  sim: Simulation<TSnapshot, TResult>,
  estimateFractionDone: () => number,
  control: RunControl = {},
): TResult {
  const every = control.progressEvery ?? 256;
  let sinceReport = 0;
  while (sim.step()) {
    if (++sinceReport < every) continue;
    sinceReport = 0;
    if (control.signal?.aborted) throw new Error('run stopped');
    control.onProgress?.(estimateFractionDone());
  }
  control.onProgress?.(1);
  return sim.result();
}
