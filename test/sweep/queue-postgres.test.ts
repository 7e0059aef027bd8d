/**
 * Queued sweeps on real Postgres: `schedlab sweep --queue` and three `schedlab worker` processes, one of them killed
 * (SIGKILL) mid-run. Every run must be stored exactly once, with metrics identical to the same sweep run locally;
 * the killed worker's run is retried by pg-boss. Then hostile policies through the queue: each fails its own run
 * with a clear message and the worker goes on serving the others.
 *
 * Each test file gets its own scratch database (its own pg-boss schema with it). When no Postgres answers this
 * file is skipped with a loud banner; on our machines and in CI it runs.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../db/client';
import { getSweepStatus, listSweepRuns } from '../../db/queries';
import { FIXTURES } from './paths';
import { loudSkip, scratchDatabase } from '../db/scratch-postgres';
import { runCliToEnd, startCli, type CliProcess } from './sweep-cli';

const scratch = await scratchDatabase('schedlab_queue');
const dir = mkdtempSync(path.join(tmpdir(), 'schedlab-queue-'));

function write(name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, seconds: number): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

if ('skip' in scratch) {
  // Skipped only when no Postgres server answers (or it refuses CREATE DATABASE): pg-boss and the workers need a
  // scratch database of their own. loudSkip prints a banner; on our machines and in CI the server is there.
  loudSkip('POSTGRES QUEUE TESTS', scratch.skip);
  describe.skip(`queued sweeps on Postgres (skipped: ${scratch.skip})`, () => {
    it('needs a reachable Postgres server', () => undefined);
  });
} else {
  const env = { DATABASE_URL: scratch.url };
  const workers: CliProcess[] = [];
  let handle: DbHandle;
  const startWorker = (): CliProcess => {
    const worker = startCli(['worker', '--concurrency', '1', '--poll', '0.2', '--maintenance', '1'], env, dir);
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    handle = await openDb({ databaseUrl: scratch.url });
  });
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    await handle?.close();
    await scratch.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('queued sweep with three workers on Postgres', () => {
    it('stores every run once, metrics identical to the local sweep, though a worker is killed mid-run', async () => {
      cpSync(path.join(FIXTURES, 'slow-mwkr.ts'), path.join(dir, 'slow-mwkr.ts'));
      const spec = write('spec.json', {
        engine: 'jobshop',
        title: 'queue test',
        scenarios: ['ta01', { generator: 'random', settings: { jobs: 12, machines: 8, seed: 2 } }],
        policies: ['mwkr', { file: 'slow-mwkr.ts' }, { builtin: 'atc', params: { grid: { k: [1, 3] } } }],
        seeds: { from: 1, count: 5 },
        budgetSeconds: 30,
      });
      const local = await runCliToEnd(['sweep', spec, '--json', '--workers', '2'], env, dir);
      expect(local.code, local.stderr).toBe(0);
      const localRuns = await listSweepRuns(handle.db, JSON.parse(local.stdout).sweepId);
      expect(localRuns).toHaveLength(40);

      const queued = await runCliToEnd(['sweep', spec, '--queue', '--json', '--job-expiry', '4'], env, dir);
      expect(queued.code, queued.stderr).toBe(0);
      const { sweepId, enqueued } = JSON.parse(queued.stdout);
      expect(enqueued).toBe(40);

      const doomed = startWorker();
      startWorker();
      startWorker();
      // Kill the first worker while it holds a run: it has stored a few and claimed the next.
      await waitUntil(
        'the first worker to store runs and take another',
        async () => {
          const runs = await listSweepRuns(handle.db, sweepId, { withArtifacts: false });
          const mine = runs.filter((r) => r.worker.includes(`:${doomed.child.pid}:`)).length;
          const claims = (await handle.db.execute(sql`select count(*)::int as n from sweep_claims where worker like ${`%:${doomed.child.pid}:%`}`)) as unknown as { rows: { n: number }[] };
          return mine >= 2 && claims.rows[0].n === 1 ? true : undefined;
        },
        120,
      );
      doomed.child.kill('SIGKILL');
      await doomed.exited;

      const status = await waitUntil('the sweep to finish', async () => {
        const s = await getSweepStatus(handle.db, sweepId);
        return s?.state === 'done' ? s : undefined;
      }, 180);
      expect(status).toMatchObject({ total: 40, done: 40, failed: 0, queued: 0, running: 0 });

      const queuedRuns = await listSweepRuns(handle.db, sweepId);
      expect(queuedRuns).toHaveLength(40);
      expect(new Set(queuedRuns.map((r) => r.runKey)).size).toBe(40);
      expect(queuedRuns.map((r) => r.runKey)).toEqual(localRuns.map((r) => r.runKey));
      expect(queuedRuns.map((r) => [r.metrics, r.params, r.artifact])).toStrictEqual(localRuns.map((r) => [r.metrics, r.params, r.artifact]));
      // Three workers took part, and the run the killed one held was retried by another.
      expect(new Set(queuedRuns.map((r) => r.worker.split(':')[1])).size).toBe(3);
      expect(queuedRuns.some((r) => r.attempt >= 2)).toBe(true);
    }, 400_000);
  });

  describe('policy code through the queue runs inside the isolation boundary', () => {
    const hostile: Record<string, string> = {
      'read-file': `const fs = (globalThis as any).process.getBuiltinModule('fs'); const text = fs.readFileSync('/etc/hostname', 'utf8');`,
      'write-file': `(globalThis as any).process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(path.join(dir, 'pwned.txt'))}, 'x');`,
      spawn: `(globalThis as any).process.getBuiltinModule('child_process').execSync('id');`,
      env: `throw new Error('environment seen by the policy: ' + JSON.stringify((globalThis as any).process.env));`,
      'loop-forever': `for (;;) {}`,
      'eat-memory': `const hoard: number[][] = []; for (;;) hoard.push(new Array(1e6).fill(1));`,
    };
    const source = (body: string) => `import type { JobShopPolicy } from 'schedlab/jobshop';\n${body}\nconst p: JobShopPolicy = { id: 'h', label: 'h', description: 'h', priority: () => 0 };\nexport default p;\n`;

    it('fails each hostile run with a clear message; the worker keeps serving the others', async () => {
      const policies = Object.entries(hostile).map(([name, body]) => ({ file: write(`${name}.ts`, source(body)), label: name }));
      const spec = write('hostile.json', { engine: 'jobshop', scenarios: ['ft06'], policies: ['mwkr', ...policies, 'spt'], budgetSeconds: 8, memoryMb: 64 });
      const queued = await runCliToEnd(['sweep', spec, '--queue', '--json', '--job-expiry', '30'], env, dir);
      expect(queued.code, queued.stderr).toBe(0);
      const { sweepId } = JSON.parse(queued.stdout);
      const worker = startWorker();
      await waitUntil('the hostile sweep to finish', async () => ((await getSweepStatus(handle.db, sweepId))?.state === 'done' ? true : undefined), 120);
      expect(worker.child.exitCode).toBe(null);

      const byLabel = new Map((await listSweepRuns(handle.db, sweepId)).map((r) => [r.policyLabel, r]));
      expect(byLabel.get('mwkr')?.status).toBe('done');
      expect(byLabel.get('spt')?.status).toBe('done');
      const error = (label: string) => {
        const run = byLabel.get(label)!;
        expect(run.status, label).toBe('failed');
        return run.error!;
      };
      expect(error('read-file').message).toMatch(/Access to this API has been restricted/);
      expect(error('write-file').message).toMatch(/Access to this API has been restricted/);
      expect(error('spawn').message).toMatch(/Access to this API has been restricted/);
      expect(error('env').message).toMatch(/environment seen by the policy: \{\}/);
      expect(error('loop-forever')).toMatchObject({ kind: 'budget' });
      expect(error('loop-forever').message).toMatch(/ran past its budget of 8 s/);
      expect(error('eat-memory')).toMatchObject({ kind: 'memory' });
      expect(error('eat-memory').message).toMatch(/ran out of memory \(limit 64 MB\)/);
      expect(error('env').message).not.toContain('DATABASE_URL');
    }, 200_000);
  });
}
