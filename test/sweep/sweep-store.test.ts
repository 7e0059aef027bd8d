/** The sweep queries on embedded PGlite: stored once, status counted from rows, metrics back to the bit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../db/client';
import { claimSweepRun, createSweep, getSweepStatus, listStoredKeys, listSweepRuns, storeSweepRun, storeSweepRuns, touchSweep, type FinishedSweepRun } from '../../db/queries';
import { expandSweep } from '../../db/sweep-expand';
import { parseSweepSpec } from '../../db/sweep-spec';

const spec = parseSweepSpec({ engine: 'jobshop', scenarios: ['ft06'], policies: ['mwkr', 'spt'], seeds: [1, 2] });
const expanded = expandSweep(spec);

function finished(position: number, metrics: Record<string, number> = { makespan: 55 + position }): FinishedSweepRun {
  const run = expanded.runs[position];
  return { sweepId: '', runKey: run.key, position, scenarioLabel: run.scenario.label, policyLabel: run.policy.label, params: run.params, seed: run.seed, options: run.options, status: 'done', metrics, worker: 'test', elapsedMs: 1.5 };
}

describe('sweep store and status (PGlite)', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openDb({ memory: true });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('stores a run once: a second store of the same key writes nothing and says so', async () => {
    const sweepId = await createSweep(handle.db, { spec, engineVersion: expanded.engineVersion, mode: 'queue', total: 4 });
    expect(await storeSweepRun(handle.db, { ...finished(0), sweepId })).toBe(true);
    expect(await storeSweepRun(handle.db, { ...finished(0, { makespan: 999 }), sweepId })).toBe(false);
    expect(await storeSweepRuns(handle.db, [{ ...finished(0), sweepId }, { ...finished(1), sweepId }])).toBe(1);
    const runs = await listSweepRuns(handle.db, sweepId);
    expect(runs.map((r) => [r.position, r.metrics.makespan])).toEqual([
      [0, 55],
      [1, 56],
    ]);
    expect(await listStoredKeys(handle.db, sweepId)).toEqual(new Set([expanded.runs[0].key, expanded.runs[1].key]));
  });

  it('keeps non-finite metrics (JSON has none) and doubles to the bit', async () => {
    const sweepId = await createSweep(handle.db, { spec, engineVersion: expanded.engineVersion, mode: 'local', total: 4 });
    const metrics = { a: Infinity, b: -Infinity, c: NaN, d: 0.1 + 0.2, e: 2 ** 53 + 2 };
    await storeSweepRun(handle.db, { ...finished(0, metrics), sweepId });
    const [run] = await listSweepRuns(handle.db, sweepId);
    expect(run.metrics).toStrictEqual(metrics);
  });

  it('counts queued, running, done and failed from the rows; a claim counts until stored or expired', async () => {
    const sweepId = await createSweep(handle.db, { spec, engineVersion: expanded.engineVersion, mode: 'queue', total: 4 });
    expect(await getSweepStatus(handle.db, sweepId)).toMatchObject({ state: 'queued', queued: 4, running: 0, done: 0, failed: 0 });
    await claimSweepRun(handle.db, { sweepId, runKey: expanded.runs[0].key, worker: 'w', attempt: 1, expiresInSeconds: 60 });
    await claimSweepRun(handle.db, { sweepId, runKey: expanded.runs[1].key, worker: 'w', attempt: 1, expiresInSeconds: -1 });
    expect(await getSweepStatus(handle.db, sweepId)).toMatchObject({ state: 'running', queued: 3, running: 1 });
    await storeSweepRun(handle.db, { ...finished(0), sweepId });
    await storeSweepRun(handle.db, { ...finished(2), sweepId, status: 'failed', metrics: {}, error: { kind: 'policy', message: 'threw' } });
    expect(await getSweepStatus(handle.db, sweepId)).toMatchObject({ state: 'queued', queued: 2, running: 0, done: 1, failed: 1 });
    await storeSweepRuns(handle.db, [finished(1), finished(3)].map((r) => ({ ...r, sweepId })));
    expect(await getSweepStatus(handle.db, sweepId)).toMatchObject({ state: 'done', queued: 0, running: 0, done: 3, failed: 1 });
  });

  it('a local sweep is running while its heartbeat is fresh, stopped after', async () => {
    const sweepId = await createSweep(handle.db, { spec, engineVersion: expanded.engineVersion, mode: 'local', total: 4, localWorkers: 2 });
    expect(await getSweepStatus(handle.db, sweepId)).toMatchObject({ state: 'running', running: 2, queued: 2 });
    await touchSweep(handle.db, sweepId, false);
    expect(await getSweepStatus(handle.db, sweepId)).toMatchObject({ state: 'stopped', running: 0, queued: 4 });
  });
});
