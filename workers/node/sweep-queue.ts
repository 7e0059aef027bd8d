import PgBoss from 'pg-boss';

/**
 * The pg-boss side of queued sweeps, shared by `schedlab sweep --queue` (enqueue) and `schedlab worker` (take).
 *
 * One job per run, data {sweepId, position, key}: the worker finds the run in the sweep's stored spec and checks the
 * key, so a job stays small whatever the scenario, and a worker with a different engine version refuses it instead
 * of storing a different result under the same key.
 *
 * Retry: a job is 'active' while a worker has it. If that worker dies, nothing completes the job; after
 * `expireInSeconds` pg-boss's maintenance (run by any live instance) fails it by timeout and puts it back
 * ('retry'), and another worker takes it. After `retryLimit` retries it goes to the dead-letter queue, where a worker
 * stores the run as failed. Storing is idempotent (db/queries/sweep-store.ts), so a worker that only looked dead
 * and finishes late stores nothing twice.
 */

export const SWEEP_QUEUE = 'schedlab-sweep-runs';
export const SWEEP_DEAD_LETTER = 'schedlab-sweep-runs-dead';

export interface SweepJobData {
  readonly sweepId: string;
  readonly position: number;
  readonly key: string;
}

/** Retries of a run whose worker died or failed for a reason of its own (not the policy's: that is a result). */
export const RETRY_LIMIT = 4;
/** Time a worker may hold a run beyond its budget (start-up of the isolated process, storing) before it is retried. */
export const EXPIRY_SLACK_SECONDS = 60;

export function queueSchema(): string {
  return process.env.SCHEDLAB_QUEUE_SCHEMA || 'pgboss';
}

export interface BossOptions {
  readonly databaseUrl: string;
  /** How often this instance may run maintenance (expire, archive); one instance per interval does it. */
  readonly maintenanceSeconds?: number;
  /** Whether this instance supervises at all (enqueuers need not). */
  readonly supervise?: boolean;
}

export async function startBoss(options: BossOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: queueSchema(),
    supervise: options.supervise ?? true,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 10,
    max: 4,
    application_name: 'schedlab',
  });
  boss.on('error', (error) => process.stderr.write(`schedlab: queue: ${error.message}\n`));
  await boss.start();
  // Creating a queue that exists is a no-op; the dead-letter queue first, the main queue refers to it.
  await boss.createQueue(SWEEP_DEAD_LETTER, { name: SWEEP_DEAD_LETTER });
  await boss.createQueue(SWEEP_QUEUE, { name: SWEEP_QUEUE, retryLimit: RETRY_LIMIT, retryDelay: 1, deadLetter: SWEEP_DEAD_LETTER });
  return boss;
}

/**
 * A job id that sorts by position (pg-boss hands out jobs of one insert in id order) and is unique per sweep, so
 * enqueueing the same run again (a resumed enqueue) inserts nothing.
 */
export function jobIdOf(sweepId: string, position: number): string {
  const p = position.toString(16).padStart(8, '0');
  return `${p}-${sweepId.slice(0, 4)}-${sweepId.slice(4, 8)}-${sweepId.slice(8, 12)}-${sweepId.slice(12, 24)}`;
}

export async function enqueueRuns(boss: PgBoss, sweepId: string, runs: readonly { position: number; key: string }[], expireInSeconds: number): Promise<number> {
  const CHUNK = 1000;
  for (let i = 0; i < runs.length; i += CHUNK) {
    const jobs = runs.slice(i, i + CHUNK).map((run) => ({
      id: jobIdOf(sweepId, run.position),
      name: SWEEP_QUEUE,
      data: { sweepId, position: run.position, key: run.key } satisfies SweepJobData,
      retryLimit: RETRY_LIMIT,
      retryDelay: 1,
      expireInSeconds,
      deadLetter: SWEEP_DEAD_LETTER,
    }));
    await boss.insert(jobs);
  }
  return runs.length;
}

export function expiryFor(budgetSeconds: number): number {
  return Math.ceil(budgetSeconds + EXPIRY_SLACK_SECONDS);
}
