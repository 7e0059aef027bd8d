/**
 * A local sweep killed mid-way (SIGKILL: no chance to clean up) and then resumed stores exactly the runs, keys and
 * metrics of an uninterrupted sweep of the same spec: nothing finished is lost, nothing is stored twice. Real CLI
 * processes, real PGlite folders on disk.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/client';
import { listSweepRuns } from '../../db/queries';
import { CLI_ROOT, FIXTURES } from './paths';
import { runCliToEnd, startCli } from './sweep-cli';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'schedlab-sweep-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** 4 policies (one a file) x 3 instances x 6 seeds = 72 runs of ~0.1-0.5 s. */
function writeSpec(dir: string): string {
  cpSync(path.join(FIXTURES, 'slow-mwkr.ts'), path.join(dir, 'slow-mwkr.ts'));
  const spec = {
    engine: 'jobshop',
    title: 'resume test',
    scenarios: ['ta01', 'ta02', { generator: 'random', settings: { jobs: 15, machines: 10, seed: 4 } }],
    policies: ['mwkr', { builtin: 'atc', params: { grid: { k: [1.5] } } }, 'spt', { file: 'slow-mwkr.ts' }],
    seeds: { from: 1, count: 6 },
    options: { arrivalMean: 20, online: true },
  };
  const file = path.join(dir, 'spec.json');
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

async function storedRuns(dataDir: string, sweepId: string) {
  const handle = await openDb({ dataDir, migrationsFolder: path.join(CLI_ROOT, 'db/migrations') });
  try {
    return await listSweepRuns(handle.db, sweepId);
  } finally {
    await handle.close();
  }
}

describe('schedlab sweep (local), killed and resumed', () => {
  it('gives exactly the runs of an uninterrupted sweep', async () => {
    const whole = tempDir();
    const wholeSpec = writeSpec(whole);
    const uninterrupted = await runCliToEnd(['sweep', wholeSpec, '--json', '--workers', '2'], { SCHEDLAB_DATA_DIR: path.join(whole, 'pglite'), DATABASE_URL: '' }, whole);
    expect(uninterrupted.code, uninterrupted.stderr).toBe(0);
    const wholeId = JSON.parse(uninterrupted.stdout).sweepId as string;

    const broken = tempDir();
    const brokenSpec = writeSpec(broken);
    const env = { SCHEDLAB_DATA_DIR: path.join(broken, 'pglite'), DATABASE_URL: '' };
    const first = startCli(['sweep', brokenSpec, '--workers', '2'], env, broken);
    const [, sweepId] = await first.waitForLine(/sweep ([0-9a-f]{32}): 72 runs/);
    // Progress lines come after the runs they count are stored: kill once a third is in, with runs in flight.
    await first.waitForLine(/\] (2[4-9]|[3-6]\d)\/72 runs/);
    first.child.kill('SIGKILL');
    await first.exited;

    const afterKill = await storedRuns(env.SCHEDLAB_DATA_DIR, sweepId);
    expect(afterKill.length).toBeGreaterThanOrEqual(24);
    expect(afterKill.length).toBeLessThan(72);

    const resumed = await runCliToEnd(['sweep', '--resume', sweepId, '--json', '--workers', '2'], env, broken);
    expect(resumed.code, resumed.stderr).toBe(0);
    const summary = JSON.parse(resumed.stdout);
    expect(summary.skipped).toBe(afterKill.length);
    expect(summary.ran).toBe(72 - afterKill.length);

    const a = await storedRuns(path.join(whole, 'pglite'), wholeId);
    const b = await storedRuns(env.SCHEDLAB_DATA_DIR, sweepId);
    expect(b).toHaveLength(72);
    expect(b.map((r) => r.runKey)).toEqual(a.map((r) => r.runKey));
    expect(b.map((r) => [r.status, r.metrics, r.params, r.artifact])).toStrictEqual(a.map((r) => [r.status, r.metrics, r.params, r.artifact]));
    expect(b.every((r) => r.status === 'done')).toBe(true);
    // The runs stored before the kill are still the very same rows.
    const before = new Map(afterKill.map((r) => [r.runKey, r.metrics]));
    for (const run of b) if (before.has(run.runKey)) expect(run.metrics).toStrictEqual(before.get(run.runKey));
  }, 240_000);

  it('a spec error names the field and runs nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ engine: 'jobshop', scenarios: ['ft06'], policies: [{ builtin: 'atc', params: { grid: { kk: [1] } } }] }));
    const outcome = await runCliToEnd(['sweep', file], { SCHEDLAB_DATA_DIR: path.join(dir, 'pglite'), DATABASE_URL: '' }, dir);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/policies\[0\]\.params: policy "atc" has no parameter "kk"/);
  });
});
