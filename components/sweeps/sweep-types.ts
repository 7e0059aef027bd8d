/**
 * What the sweep pages show, as plain data from the sweep API (GET /api/sweeps/[id]): one row per stored run.
 * The same shape as db/queries/sweep-read.ts's StoredSweepRun minus the artifact (fetched on demand), so the
 * browser never holds every schedule of a sweep at once.
 */
export interface SweepRunRow {
  readonly runKey: string;
  /** Index in the sweep's expansion, from 0. */
  readonly position: number;
  readonly scenarioLabel: string;
  readonly policyLabel: string;
  /** Parameter values the run used (the policy's defaults filled in). */
  readonly params: Readonly<Record<string, number>>;
  readonly seed: number;
  readonly options: Readonly<Record<string, unknown>>;
  readonly status: 'done' | 'failed';
  /** Metric name -> value (NaN and the infinities are numbers again here). */
  readonly metrics: Readonly<Record<string, number>>;
  readonly error: { readonly kind: string; readonly message: string; readonly line?: number } | null;
  /** Who ran it: 'local', 'browser' or host:pid of a queue worker. */
  readonly worker: string;
  readonly elapsedMs: number;
}

/** One (policy, parameter values) pair: the unit a Pareto point stands for. */
export interface PolicyPointKey {
  readonly policyLabel: string;
  readonly params: Readonly<Record<string, number>>;
}
