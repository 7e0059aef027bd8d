import { hostname } from 'node:os';
import { drizzle } from 'drizzle-orm/node-postgres';
import type PgBoss from 'pg-boss';
import type pg from 'pg';
import type { Db } from '../../db/client';
import { claimSweepRun, getSweep, storeSweepRunIn } from '../../db/queries';
import { schema, sweepRuns } from '../../db/schema';
import { and, eq } from 'drizzle-orm';
import { expandSweep, type ExpandedSweep } from '../../db/sweep-expand';
import type { SweepSpec } from '../../db/sweep-spec';
import { IsolatedRunner } from '../../workers/node/isolated-runner';
import type { SweepTaskOutcome } from '../../workers/node/sweep-execute';
import { SWEEP_DEAD_LETTER, SWEEP_QUEUE, type SweepJobData } from '../../workers/node/sweep-queue';
import { storedRunOf, taskOf } from './sweep-local';

/**
 * What a `schedlab worker` process does with each job: find the run in its sweep, skip it if stored, claim it, run
 * it in the isolated child, and store the result and complete the job in one transaction. Anything that goes
 * wrong outside the run itself (database, a worker bug) fails the job, and pg-boss retries it.
 */

interface SweepContext {
  readonly spec: SweepSpec;
  readonly expanded: ExpandedSweep;
  readonly enqueuedVersion: string;
}

export interface WorkerStats {
  stored: number;
  failedRuns: number;
  skipped: number;
  jobErrors: number;
}

export class SweepWorker {
  private readonly contexts = new Map<string, Promise<SweepContext | null>>();
  private stopping = false;
  readonly stats: WorkerStats = { stored: 0, failedRuns: 0, skipped: 0, jobErrors: 0 };
  private readonly db: Db;

  constructor(
    private readonly boss: PgBoss,
    private readonly pool: pg.Pool,
    private readonly options: { readonly slots: number; readonly pollMs: number; readonly log: (line: string) => void },
  ) {
    this.db = drizzle({ client: pool, schema }) as unknown as Db;
  }

  stop(): void {
    this.stopping = true;
  }

  /** Runs the slots and the dead-letter loop until stop(); resolves when every slot has finished its job in hand. */
  async run(): Promise<void> {
    const slots = Array.from({ length: this.options.slots }, (_, i) => this.slotLoop(`${hostname()}:${process.pid}:${i}`));
    await Promise.all([...slots, this.deadLetterLoop()]);
  }

  private async idle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, this.options.pollMs));
  }

  private async slotLoop(worker: string): Promise<void> {
    const runner = new IsolatedRunner();
    try {
      while (!this.stopping) {
        const [job] = await this.boss.fetch<SweepJobData>(SWEEP_QUEUE, { batchSize: 1, includeMetadata: true }).catch((error: Error) => {
          this.options.log(`cannot fetch jobs: ${error.message}`);
          return [];
        });
        if (!job) {
          await this.idle();
          continue;
        }
        try {
          await this.handle(job, worker, runner);
        } catch (error) {
          this.stats.jobErrors++;
          const message = error instanceof Error ? error.message : String(error);
          this.options.log(`run ${job.data.position} of sweep ${job.data.sweepId} failed in the worker (will be retried): ${message}`);
          await this.boss.fail(SWEEP_QUEUE, job.id, { message }).catch(() => undefined);
        }
      }
    } finally {
      runner.close();
    }
  }

  private context(sweepId: string): Promise<SweepContext | null> {
    let pending = this.contexts.get(sweepId);
    if (!pending) {
      pending = getSweep(this.db, sweepId).then((sweep) => (sweep ? { spec: sweep.spec, expanded: expandSweep(sweep.spec), enqueuedVersion: sweep.engineVersion } : null));
      pending.catch(() => this.contexts.delete(sweepId));
      this.contexts.set(sweepId, pending);
    }
    return pending;
  }

  private async runOf(data: SweepJobData) {
    const context = await this.context(data.sweepId);
    if (!context) return undefined;
    const run = context.expanded.runs[data.position];
    if (!run || run.key !== data.key) {
      throw new Error(
        `the run expands to a different key on this worker: its ${context.expanded.engine} engine is ${context.expanded.engineVersion}, the sweep was enqueued with ${context.enqueuedVersion} (update this worker)`,
      );
    }
    return { context, run };
  }

  private async isStored(sweepId: string, key: string): Promise<boolean> {
    const rows = await this.db.select({ key: sweepRuns.runKey }).from(sweepRuns).where(and(eq(sweepRuns.sweepId, sweepId), eq(sweepRuns.runKey, key)));
    return rows.length > 0;
  }

  private async handle(job: PgBoss.JobWithMetadata<SweepJobData>, worker: string, runner: IsolatedRunner): Promise<void> {
    const found = await this.runOf(job.data);
    // A sweep deleted since, or a run already stored (a retry after its first worker stored it and died): done.
    if (!found || (await this.isStored(job.data.sweepId, job.data.key))) {
      this.stats.skipped++;
      await this.boss.complete(SWEEP_QUEUE, job.id);
      return;
    }
    const { context, run } = found;
    const attempt = job.retryCount + 1;
    await claimSweepRun(this.db, { sweepId: job.data.sweepId, runKey: run.key, worker, attempt, expiresInSeconds: job.expireInSeconds });
    const outcome = await runner.run(taskOf(context.spec, context.expanded, run), { budgetSeconds: context.spec.budgetSeconds, memoryMb: context.spec.memoryMb });
    await this.storeAndComplete(job, storedRunOf(job.data.sweepId, run, outcome, worker, attempt), outcome);
  }

  /** The run and the job's completion commit together: a crash in between leaves neither. */
  private async storeAndComplete(job: PgBoss.Job<SweepJobData>, row: ReturnType<typeof storedRunOf>, outcome: SweepTaskOutcome, queue = SWEEP_QUEUE): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const stored = await storeSweepRunIn(drizzle({ client, schema }) as unknown as Db, row);
      await this.boss.complete(queue, job.id, {}, { db: { executeSql: (text, values) => client.query(text, values) } });
      await client.query('commit');
      if (stored) {
        this.stats.stored++;
        if (outcome.status === 'failed') this.stats.failedRuns++;
      } else this.stats.skipped++;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Runs whose retries ran out: stored as failed, so the sweep can finish and says why. */
  private async deadLetterLoop(): Promise<void> {
    while (!this.stopping) {
      const jobs = await this.boss.fetch<SweepJobData>(SWEEP_DEAD_LETTER, { batchSize: 10, includeMetadata: true }).catch(() => []);
      if (jobs.length === 0) {
        await this.idle();
        continue;
      }
      for (const job of jobs) {
        try {
          const found = await this.runOf(job.data).catch(() => undefined);
          if (!found) {
            await this.boss.complete(SWEEP_DEAD_LETTER, job.id);
            continue;
          }
          const last = (job.output as { message?: string } | null)?.message ?? 'no message';
          const outcome: SweepTaskOutcome = {
            status: 'failed',
            metrics: {},
            params: found.run.params,
            artifact: null,
            error: { kind: 'crash', message: `gave up after ${job.retryLimit + 1} attempts; the last ended with: ${last}` },
            elapsedMs: 0,
          };
          await this.storeAndComplete(job, storedRunOf(job.data.sweepId, found.run, outcome, `${hostname()}:${process.pid}:dead-letter`, job.retryLimit + 1), outcome, SWEEP_DEAD_LETTER);
        } catch (error) {
          this.options.log(`cannot store a given-up run: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  }
}
