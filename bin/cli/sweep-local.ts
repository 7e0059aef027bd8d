import type { Db } from '../../db/client';
import type { ExpandedSweep, SweepRunSpec } from '../../db/sweep-expand';
import type { SweepSpec } from '../../db/sweep-spec';
import { listStoredKeys, storeSweepRuns, touchSweep, type FinishedSweepRun } from '../../db/queries';
import { SweepPool } from '../../workers/node/sweep-pool';
import type { SweepTask, SweepTaskOutcome } from '../../workers/node/sweep-execute';
import { SweepProgress } from './sweep-progress';

/**
 * A sweep on this machine: the runs not yet stored go to a pool of worker threads, and each is stored the moment it
 * finishes: at once when no store is under way, else in the next transaction together with every other run that
 * finished meanwhile (group commit; the main thread would otherwise spend as much time committing as the threads
 * spend simulating short runs). Killing the process at any point loses only runs in flight; a resume skips
 * every stored key. SIGINT/SIGTERM stop handing out runs, wait for the stores already under way, and return.
 */

export interface LocalSweepRequest {
  readonly db: Db;
  readonly sweepId: string;
  readonly spec: SweepSpec;
  readonly expanded: ExpandedSweep;
  readonly threads: number;
  readonly progressStream: SweepProgressStream;
  /** Called after each run is committed (benchmarks, a future live view). */
  readonly onRunStored?: (stored: number) => void;
}

type SweepProgressStream = ConstructorParameters<typeof SweepProgress>[2];

export interface LocalSweepResult {
  /** Runs stored by this invocation. */
  readonly ran: number;
  /** Stored before this invocation started (resume). */
  readonly skipped: number;
  readonly failed: number;
  readonly interrupted: boolean;
  readonly seconds: number;
  readonly runsPerSecond: number;
}

const HEARTBEAT_MS = 5_000;
/** Rows per transaction at most: well under Postgres's 65,535 bind parameters (16 columns a row). */
const GROUP_LIMIT = 500;

/** Finished runs waiting for the store under way; each push resolves when its run is committed. */
class GroupStore {
  private pending: { run: FinishedSweepRun; done: (error?: unknown) => void }[] = [];
  private busy = false;

  constructor(private readonly db: Db) {}

  store(run: FinishedSweepRun): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ run, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.busy) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.busy = true;
    while (this.pending.length > 0) {
      const group = this.pending.splice(0, GROUP_LIMIT);
      try {
        await storeSweepRuns(this.db, group.map((g) => g.run));
        for (const g of group) g.done();
      } catch (error) {
        for (const g of group) g.done(error);
      }
    }
    this.busy = false;
  }
}

export function taskOf(spec: SweepSpec, expanded: ExpandedSweep, run: SweepRunSpec): SweepTask {
  return { engine: expanded.engine, scenario: run.scenario, policy: run.policy, params: run.params, seed: run.seed, options: run.options, artifacts: spec.artifacts };
}

export function storedRunOf(sweepId: string, run: SweepRunSpec, outcome: SweepTaskOutcome, worker: string, attempt = 1): FinishedSweepRun {
  return {
    sweepId,
    runKey: run.key,
    position: run.position,
    scenarioLabel: run.scenario.label,
    policyLabel: run.policy.label,
    params: outcome.params,
    seed: run.seed,
    options: run.options,
    status: outcome.status,
    metrics: outcome.metrics,
    artifact: outcome.artifact,
    error: outcome.error,
    worker,
    attempt,
    elapsedMs: outcome.elapsedMs,
  };
}

export async function runLocalSweep(request: LocalSweepRequest): Promise<LocalSweepResult> {
  const { db, sweepId, spec, expanded, threads } = request;
  const stored = await listStoredKeys(db, sweepId);
  const todo = expanded.runs.filter((run) => !stored.has(run.key));
  const skipped = expanded.runs.length - todo.length;
  const progress = new SweepProgress(expanded.runs.length, skipped, request.progressStream);
  const started = performance.now();
  let failed = 0;
  let interrupted = false;
  if (todo.length === 0) return { ran: 0, skipped, failed, interrupted, seconds: 0, runsPerSecond: 0 };

  const pool = new SweepPool({ threads: Math.min(threads, todo.length), budgetSeconds: spec.budgetSeconds, memoryMb: spec.memoryMb });
  await touchSweep(db, sweepId, true, pool.size);
  const heartbeat = setInterval(() => void touchSweep(db, sweepId, true).catch(() => undefined), HEARTBEAT_MS);
  const stop = (): void => {
    if (interrupted) return;
    interrupted = true;
    // Runs in flight are dropped (they were not finished); stores already under way complete below.
    pool.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  progress.draw(false);
  try {
    const group = new GroupStore(db);
    const stores: Promise<void>[] = [];
    let storeError: unknown;
    const runs = todo.map((run) =>
      pool.run(taskOf(spec, expanded, run)).then(
        (outcome) => {
          const storing = group.store(storedRunOf(sweepId, run, outcome, 'local')).then(
            () => {
              if (outcome.status === 'failed') failed++;
              progress.tick(outcome.status);
              request.onRunStored?.(progress.finished);
            },
            (error: unknown) => {
              // A database that stops taking writes ends the sweep: running on would only lose results.
              storeError ??= error;
              stop();
            },
          );
          stores.push(storing);
        },
        () => undefined, // dropped by stop(): not a result
      ),
    );
    await Promise.all(runs);
    await Promise.all(stores);
    if (storeError) throw storeError;
  } finally {
    clearInterval(heartbeat);
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    pool.close();
    progress.draw(true);
    await touchSweep(db, sweepId, false).catch(() => undefined);
  }
  const seconds = (performance.now() - started) / 1000;
  return { ran: progress.finished, skipped, failed, interrupted, seconds, runsPerSecond: progress.rate() };
}
