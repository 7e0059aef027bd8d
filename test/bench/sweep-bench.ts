/**
 * Sweep throughput and the cost of storing a run (issue 6). `node bin/run-ts.js test/bench/sweep-bench.ts`
 *
 * 1. runs/s of one fixed sweep through runLocalSweep (the code path of `schedlab sweep`: thread pool + one
 *    transaction per stored run, PGlite on disk) with 1 and 2 worker threads; the ratio is the speed-up.
 * 2. runs/s of the same sweep queued on Postgres and taken by 3 `schedlab worker` processes on this machine
 *    (timed from the enqueue to the last stored run; the workers are started and warm before).
 * 3. ms per stored run (storeSweepRun, one transaction each, with a ta01 schedule as artifact) on PGlite and on
 *    Postgres.
 *
 * Medians of several repetitions; writes bench-results/sweep.md. Postgres parts need a server (DATABASE_URL or
 * 127.0.0.1:5432/test) and say so when there is none.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb, type Db } from '../../db/client';
import { createSweep, getSweepStatus, storeSweepRun } from '../../db/queries';
import { expandSweep } from '../../db/sweep-expand';
import { parseSweepSpec } from '../../db/sweep-spec';
import { percentile } from '../../engine/core/stats';
import { runLocalSweep } from '../../bin/cli/sweep-local';
import { executeSweepTask } from '../../workers/node/sweep-execute';
import { scratchDatabase } from '../db/scratch-postgres';
import { runCliToEnd, startCli, type CliProcess } from '../sweep/sweep-cli';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MIGRATIONS = path.join(ROOT, 'db/migrations');
const REPEATS = 3;

/**
 * 5 Taillard 15x15 instances x (tabu search, MWKR, ATC) x 12 seeds = 180 runs: a third are tabu runs of ~0.2 s, the
 * rest dispatching rules of a few ms, so the sweep measures both the threads' compute and the per-run overhead
 * (hand-off, storing).
 */
const SPEC = parseSweepSpec({
  engine: 'jobshop',
  title: 'sweep bench',
  scenarios: ['ta01', 'ta02', 'ta03', 'ta04', 'ta05'],
  policies: ['tabu', 'mwkr', { builtin: 'atc', params: { grid: { k: [2] } } }],
  seeds: { from: 1, count: 12 },
});
const EXPANDED = expandSweep(SPEC);
const quiet = { isTTY: false, write: () => true };
const median = (xs: number[]) => percentile(xs, 50);

/** Runs/s of the whole sweep (thread start-up included) and after each thread's first run (steady state). */
async function localRate(threads: number): Promise<{ whole: number; steady: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'schedlab-bench-'));
  const handle = await openDb({ dataDir: dir, migrationsFolder: MIGRATIONS });
  try {
    const sweepId = await createSweep(handle.db, { spec: SPEC, engineVersion: EXPANDED.engineVersion, mode: 'local', total: EXPANDED.runs.length, localWorkers: threads });
    let warmAt = 0;
    const onRunStored = (n: number): void => {
      if (n === threads) warmAt = performance.now();
    };
    const result = await runLocalSweep({ db: handle.db, sweepId, spec: SPEC, expanded: EXPANDED, threads, progressStream: quiet, onRunStored });
    const end = performance.now();
    if (result.ran !== EXPANDED.runs.length) throw new Error(`only ${result.ran} runs`);
    return { whole: result.ran / result.seconds, steady: (result.ran - threads) / ((end - warmAt) / 1000) };
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function storeCostMs(db: Db, label: string): Promise<number> {
  const sweepId = await createSweep(db, { spec: SPEC, engineVersion: EXPANDED.engineVersion, mode: 'local', total: EXPANDED.runs.length });
  const run = EXPANDED.runs[0];
  const outcome = await executeSweepTask({ engine: 'jobshop', scenario: run.scenario, policy: run.policy, params: run.params, seed: run.seed, options: run.options, artifacts: true });
  const batches: number[] = [];
  let n = 0;
  for (let b = 0; b < 5; b++) {
    const start = performance.now();
    for (let i = 0; i < 100; i++, n++) {
      await storeSweepRun(db, { sweepId, runKey: `bench-${n}`, position: n, scenarioLabel: 'ta01', policyLabel: 'mwkr', params: outcome.params, seed: 1, options: run.options, status: 'done', metrics: outcome.metrics, artifact: outcome.artifact, worker: label, elapsedMs: outcome.elapsedMs });
    }
    batches.push((performance.now() - start) / 100);
  }
  return median(batches.slice(1)); // the first batch warms caches and plans
}

async function queueRate(url: string, workers: readonly CliProcess[], db: Db): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'schedlab-bench-q-'));
  try {
    const file = path.join(dir, 'spec.json');
    writeFileSync(file, JSON.stringify(SPEC));
    const start = performance.now();
    progress('enqueueing');
    const queued = await runCliToEnd(['sweep', file, '--queue', '--json'], { DATABASE_URL: url }, dir);
    if (queued.code !== 0) throw new Error(queued.stderr);
    const { sweepId } = JSON.parse(queued.stdout);
    for (;;) {
      const status = await getSweepStatus(db, sweepId);
      if (status?.state === 'done') break;
      if (workers.some((w) => w.child.exitCode !== null)) throw new Error('a worker died');
      await new Promise((r) => setTimeout(r, 50));
    }
    return EXPANDED.runs.length / ((performance.now() - start) / 1000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Where the bench is, on stderr: a slow phase on a busy machine should not look like a hang. */
const progress = (text: string): void => void process.stderr.write(`[sweep-bench] ${text}\n`);
const lines: string[] = [];
const say = (line: string) => {
  lines.push(line);
  console.log(line);
};

say(`# Sweep benchmark\n`);
say(`Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}. Sweep: ${EXPANDED.runs.length} job-shop runs (ta01-ta05 x tabu, mwkr, atc x 12 seeds; rates include starting the threads). Medians of ${REPEATS}.\n`);

const one: { whole: number; steady: number }[] = [];
const two: { whole: number; steady: number }[] = [];
for (let r = 0; r < REPEATS; r++) {
  one.push(await localRate(1));
  two.push(await localRate(2));
  progress(`local repeat ${r + 1}: 1 thread ${one[r].whole.toFixed(1)} runs/s, 2 threads ${two[r].whole.toFixed(1)} runs/s`);
}
const m = (xs: { whole: number; steady: number }[], k: 'whole' | 'steady') => median(xs.map((x) => x[k]));
say('| local sweep (PGlite on disk) | runs/s, whole sweep | runs/s, after each thread\'s first run |');
say('| --- | --- | --- |');
say(`| 1 worker thread | ${m(one, 'whole').toFixed(1)} | ${m(one, 'steady').toFixed(1)} |`);
say(`| 2 worker threads | ${m(two, 'whole').toFixed(1)} | ${m(two, 'steady').toFixed(1)} |`);
say(`| speed-up (target >= 1.8x) | **${(m(two, 'whole') / m(one, 'whole')).toFixed(2)}x** | **${(m(two, 'steady') / m(one, 'steady')).toFixed(2)}x** |\n`);
say(`Load average when measured: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (other work on the machine lowers the 2-thread figure most).\n`);

const pgliteDir = mkdtempSync(path.join(tmpdir(), 'schedlab-bench-store-'));
const pglite = await openDb({ dataDir: pgliteDir, migrationsFolder: MIGRATIONS });
const pgliteStore = await storeCostMs(pglite.db, 'pglite');
await pglite.close();
rmSync(pgliteDir, { recursive: true, force: true });

const scratch = await scratchDatabase('schedlab_bench');
let postgresStore: number | undefined;
let queue: number[] = [];
let postgresNote = '';
if ('skip' in scratch) {
  postgresNote = `Postgres parts NOT measured: ${scratch.skip}`;
} else {
  const handle = await openDb({ databaseUrl: scratch.url });
  const workers: CliProcess[] = [];
  try {
    postgresStore = await storeCostMs(handle.db, 'postgres');
    progress(`stored runs: PGlite ${pgliteStore.toFixed(2)} ms, Postgres ${postgresStore.toFixed(2)} ms`);
    for (let i = 0; i < 3; i++) workers.push(startCli(['worker', '--concurrency', '1', '--poll', '0.05'], { DATABASE_URL: scratch.url }, ROOT));
    await Promise.all(workers.map((w) => w.waitForLine(/isolation:/)));
    progress('3 queue workers ready');
    for (let r = 0; r < REPEATS; r++) {
      queue.push(await queueRate(scratch.url, workers, handle.db));
      progress(`queued sweep ${r + 1}: ${queue[r].toFixed(1)} runs/s`);
    }
  } finally {
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));
    await handle.close();
    await scratch.drop();
  }
}
if (queue.length > 0) {
  say('| queued sweep (Postgres, 3 `schedlab worker` processes on this machine, isolated child per run slot) | runs/s |');
  say('| --- | --- |');
  say(`| 3 queue workers, enqueue to last stored run | ${median(queue).toFixed(1)} |\n`);
}
say('| storing one run (own transaction, ta01 schedule as artifact) | ms |');
say('| --- | --- |');
say(`| PGlite (on disk) | ${pgliteStore.toFixed(2)} |`);
say(`| Postgres (127.0.0.1) | ${postgresStore === undefined ? 'not measured' : postgresStore.toFixed(2)} |`);
if (postgresNote) say(`\n${postgresNote}`);

writeFileSync(path.join(ROOT, 'bench-results/sweep.md'), `${lines.join('\n')}\n`);
