/**
 * Time left for a batch of runs: the mean time of a run so far, times the runs (and parts of runs) still to do,
 * divided by how many run at once. Before any run has finished, the mean is extrapolated from the runs in flight
 * (elapsed / fraction done), so a batch of a few long runs shows a time left before the first one ends.
 */

export interface RunningRun {
  readonly elapsedMs: number;
  /** In [0, 1], from the worker's progress reports. */
  readonly fraction: number;
}

export interface EtaInput {
  /** Wall time of each finished run, from dispatch to outcome. */
  readonly finishedElapsedMs: readonly number[];
  readonly running: readonly RunningRun[];
  /** Runs not yet started. */
  readonly queued: number;
  /** Workers in the pool. */
  readonly parallelism: number;
}

/** Below this fraction an extrapolation is mostly noise (start-up, compile). */
const MIN_FRACTION_TO_EXTRAPOLATE = 0.05;

/** Milliseconds left, or undefined while there is nothing to estimate from. 0 when nothing is left. */
export function estimateRemainingMs({ finishedElapsedMs, running, queued, parallelism }: EtaInput): number | undefined {
  const left = queued + running.reduce((sum, run) => sum + (1 - run.fraction), 0);
  if (left <= 0) return 0;
  let meanPerRun: number | undefined;
  if (finishedElapsedMs.length > 0) {
    meanPerRun = finishedElapsedMs.reduce((a, b) => a + b, 0) / finishedElapsedMs.length;
  } else {
    const informative = running.filter((run) => run.fraction >= MIN_FRACTION_TO_EXTRAPOLATE);
    if (informative.length === 0) return undefined;
    meanPerRun = informative.reduce((sum, run) => sum + run.elapsedMs / run.fraction, 0) / informative.length;
  }
  // Fewer runs left than workers: only that many run at once.
  const atOnce = Math.max(1, Math.min(parallelism, queued + running.length));
  return (meanPerRun * left) / atOnce;
}
