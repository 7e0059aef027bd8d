import { availableParallelism, hostname } from 'node:os';
import pg from 'pg';
import { openDb } from '../../db/client';
import { isolationInfo } from '../../workers/node/isolated-runner';
import { isolatedChildBundle } from '../../workers/node/isolated-bundle';
import { queueSchema, startBoss, SWEEP_QUEUE } from '../../workers/node/sweep-queue';
import { useShippedMigrations } from './sweep-db';
import { UsageError } from './cli-error';
import type { Command } from './command';
import { flag, numberOption, parseOptions, type OptionSpec } from './options';
import { SweepWorker } from './worker-loop';

const OPTIONS = {
  concurrency: { type: 'string' },
  poll: { type: 'string' },
  maintenance: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionSpec;

const USAGE = `Usage: schedlab worker [--concurrency N]

Takes the runs of queued sweeps (schedlab sweep spec.json --queue) from pg-boss on the Postgres in DATABASE_URL,
runs each in an isolated process and stores the result in the same database. Start any number of workers, on any
number of machines, against the same DATABASE_URL; each run is stored once, and a run whose worker dies is retried.

  --concurrency <n>   runs at once (default: the number of cores)
  --poll <s>          seconds between looks at an empty queue (default 1)
  --maintenance <s>   how often this worker may expire the jobs of dead workers (default 10; one worker does it)

Each run's process may read only its own code, cannot write files, start processes or threads, sees no environment
variables, has a heap limit and a time limit (the sweep's budgetSeconds and memoryMb), and, where the machine allows
user namespaces, has no network. SIGINT/SIGTERM: finish the runs in hand, then exit (twice: exit now).`;

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export const workerCommand: Command = {
  name: 'worker',
  summary: 'take queued sweep runs from Postgres and run them (needs DATABASE_URL)',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseOptions('worker', args, OPTIONS);
    if (flag(values, 'help')) {
      io.out(USAGE);
      return 0;
    }
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new UsageError('schedlab worker needs DATABASE_URL: the Postgres server the sweeps were queued on (postgres://user:password@host:5432/db)');
    const slots = numberOption(values, 'concurrency', { min: 1, integer: true, what: 'a whole number >= 1' }) ?? availableParallelism();
    const pollSeconds = numberOption(values, 'poll', { min: 0.05, what: 'a number of seconds >= 0.05' }) ?? 1;
    const maintenanceSeconds = numberOption(values, 'maintenance', { min: 1, integer: true, what: 'a whole number of seconds >= 1' }) ?? 10;

    useShippedMigrations();
    // Migrations first (under their advisory lock), so a worker started before any sweep finds the tables.
    await (await openDb({ databaseUrl })).close();
    await isolatedChildBundle();
    const isolation = isolationInfo();
    const boss = await startBoss({ databaseUrl, maintenanceSeconds });
    const pool = new pg.Pool({ connectionString: databaseUrl, max: slots + 2 });
    pool.on('error', (error) => io.err(`schedlab worker: idle Postgres connection lost: ${error.message}`));
    const log = (line: string): void => io.err(`schedlab worker ${hostname()}:${process.pid}: ${line}`);
    const worker = new SweepWorker(boss, pool, { slots, pollMs: pollSeconds * 1000, log });

    log(`${slots} slot(s) on queue ${queueSchema()}.${SWEEP_QUEUE} at ${redact(databaseUrl)}`);
    log(
      isolation.namespaces
        ? 'isolation: permission model (read own code only; no writes, processes, threads, addons), empty environment, heap and time limits, no network (user namespace)'
        : `isolation: permission model (read own code only; no writes, processes, threads, addons), empty environment, heap and time limits; NETWORK NOT ISOLATED (${isolation.namespaceProblem})`,
    );

    let signals = 0;
    const onSignal = (): void => {
      signals++;
      if (signals > 1) process.exit(130);
      log('stopping after the runs in hand (signal again to exit now)');
      worker.stop();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const report = setInterval(() => {
      const s = worker.stats;
      log(`stored ${s.stored} runs (${s.failedRuns} failed runs), ${s.skipped} already stored, ${s.jobErrors} job errors`);
    }, 30_000);
    try {
      await worker.run();
    } finally {
      clearInterval(report);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await boss.stop({ graceful: false, close: true, wait: true }).catch(() => undefined);
      await pool.end().catch(() => undefined);
    }
    const s = worker.stats;
    log(`stopped: stored ${s.stored} runs (${s.failedRuns} failed runs), ${s.skipped} already stored, ${s.jobErrors} job errors`);
    return 0;
  },
};
