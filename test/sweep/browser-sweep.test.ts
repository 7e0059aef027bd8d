/**
 * Browser sweeps through the real route handlers over an in-memory PGlite: create from a spec, take the plan, run
 * each planned run on the browser worker's code path (executeRun, in Node) and post it; the stored metrics equal
 * what the CLI's executor (executeSweepTask) computes for the same runs, to the bit, for all three engines. Also:
 * resume (the plan shrinks to what is not stored), a run posted twice is stored once, and bad posts change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, setDb, type DbHandle } from '../../db/client';
import { listSweepRuns } from '../../db/queries';
import type { SweepPlan } from '../../db/queries/browser-sweep';
import { GET as listRoute, POST as createRoute } from '../../app/api/sweeps/route';
import { GET as planRoute } from '../../app/api/sweeps/[id]/plan/route';
import { POST as postRunsRoute } from '../../app/api/sweeps/[id]/runs/route';
import { GET as getRunRoute } from '../../app/api/sweeps/[id]/runs/[key]/route';
import { GET as getSweepRoute } from '../../app/api/sweeps/[id]/route';
import { executeRun } from '../../workers/browser/execute-run';
import { postedRunOf, sweepRunRequest } from '../../workers/browser/sweep-run-request';
import { executeSweepTask } from '../../workers/node/sweep-execute';
import { decodeSchedule } from '../../db/artifact-codec';

const BASE = 'http://localhost/api/sweeps';
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

async function create(spec: unknown): Promise<Response> {
  return createRoute(new Request(BASE, { method: 'POST', body: JSON.stringify({ spec, workers: 2 }), headers: { 'content-type': 'application/json' } }));
}
async function plan(id: string): Promise<SweepPlan> {
  const response = await planRoute(new Request(`${BASE}/${id}/plan`), ctx(id));
  expect(response.status).toBe(200);
  return (await response.json()) as SweepPlan;
}
function postRuns(id: string, body: unknown): Promise<Response> {
  return postRunsRoute(new Request(`${BASE}/${id}/runs`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }), ctx(id));
}

const POLICY_SOURCE = `import type { JobShopPolicy } from 'schedlab/jobshop';
const policy: JobShopPolicy = { id: 'lwkr-file', label: 'LWKR file', description: 'least work remaining', priority: (c, view) => view.jobRemainingWork(c.job) + view.random() };
export default policy;
`;

const SPECS = {
  jobshop: {
    engine: 'jobshop',
    title: 'browser jobshop',
    scenarios: ['ft06', { generator: 'random', settings: { jobs: 8, machines: 4, seed: 3 } }],
    policies: ['mwkr', { builtin: 'atc', params: { grid: { k: [1, 3] } } }, { source: POLICY_SOURCE, fileName: 'lwkr.ts', label: 'LWKR (file)' }],
    seeds: { from: 1, count: 2 },
    options: { dueFactor: 1.3 },
  },
  vm: { engine: 'vm', scenarios: ['teach-fragments', { generator: 'random', settings: { seed: 2, pms: 8 } }], policies: ['greedy', 'ffd'], options: { mnl: [2, 5] } },
  llm: { engine: 'llm', scenarios: ['steady'], policies: ['sarathi', { builtin: 'vllm', dispatch: 'round-robin' }], seeds: [1, 2], options: { duration: 20 } },
} as const;

describe('browser sweeps through the API', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openDb({ memory: true });
    setDb(handle);
  });
  afterAll(async () => {
    setDb(undefined);
    await handle.close();
  });

  it.each(Object.keys(SPECS) as (keyof typeof SPECS)[])('%s: runs posted from the browser path store the metrics the CLI computes, to the bit', async (engine) => {
    const response = await create(SPECS[engine]);
    expect(response.status).toBe(201);
    const { id, total, url } = (await response.json()) as { id: string; total: number; url: string };
    expect(url).toBe(`/sweeps/${id}`);
    const first = await plan(id);
    expect(first.runs).toHaveLength(total);
    expect(total).toBeGreaterThanOrEqual(4);

    // Half now; the rest after a "closed tab": the plan must hold exactly the runs not stored.
    const half = first.runs.slice(0, Math.floor(total / 2));
    const posted = half.map((run) => postedRunOf(first, run, executeRun(sweepRunRequest(first, run) as never) as never, first.artifacts));
    expect(posted.every((p) => p.status === 'done')).toBe(true);
    expect(await (await postRuns(id, { runs: posted })).json()).toEqual({ stored: half.length });
    const second = await plan(id);
    expect(second.runs.map((r) => r.key)).toEqual(first.runs.slice(half.length).map((r) => r.key));
    const rest = second.runs.map((run) => postedRunOf(second, run, executeRun(sweepRunRequest(second, run) as never) as never, second.artifacts));
    expect(await (await postRuns(id, { runs: rest, alive: false })).json()).toEqual({ stored: rest.length });
    expect((await plan(id)).runs).toHaveLength(0);

    const stored = await listSweepRuns(handle.db, id);
    expect(stored.map((r) => r.position)).toEqual(first.runs.map((r) => r.position));
    for (const run of first.runs) {
      const cli = await executeSweepTask({
        engine: first.engine,
        scenario: first.scenarios[run.scenario],
        policy: first.policies[run.policy],
        params: run.params,
        seed: run.seed,
        options: run.options,
        artifacts: true,
      });
      const row = stored.find((r) => r.runKey === run.key)!;
      expect(row.status).toBe('done');
      expect(row.metrics).toEqual(cli.metrics);
      expect(row.artifact).toBe(cli.artifact);
      expect(row.params).toEqual(first.policies[run.policy].source === undefined ? cli.params : run.params);
      expect(row.worker).toBe('browser');
    }
    const view = (await (await getSweepRoute(new Request(`${BASE}/${id}`), ctx(id))).json()) as { status: { state: string; done: number }; runs: { artifact?: unknown }[] };
    expect(view.status).toMatchObject({ state: 'done', done: total });
    expect(view.runs).toHaveLength(total);
    expect(view.runs[0].artifact).toBeUndefined();
  });

  it('a run posted twice is stored once; the stored run comes back with its schedule', async () => {
    const { id } = (await (await create({ engine: 'jobshop', scenarios: ['ft06'], policies: ['spt'] })).json()) as { id: string };
    const p = await plan(id);
    const run = postedRunOf(p, p.runs[0], executeRun(sweepRunRequest(p, p.runs[0]) as never) as never);
    expect(await (await postRuns(id, { runs: [run] })).json()).toEqual({ stored: 1 });
    expect(await (await postRuns(id, { runs: [run] })).json()).toEqual({ stored: 0 });
    const got = (await (await getRunRoute(new Request(`${BASE}/${id}/runs/${run.runKey}`), { params: Promise.resolve({ id, key: run.runKey }) })).json()) as { run: { artifact: string; metrics: { makespan: number } } };
    const schedule = decodeSchedule(got.run.artifact);
    expect(Math.max(...schedule.map((op) => op.end))).toBe(got.run.metrics.makespan);
    const list = (await (await listRoute()).json()) as { sweeps: { id: string; mode: string }[] };
    expect(list.sweeps.find((s) => s.id === id)?.mode).toBe('browser');
  });

  it('bad input is refused with the field named, and nothing is stored', async () => {
    const bad = await create({ engine: 'jobshop', scenarios: ['ft06'], policies: [{ builtin: 'atc', params: { grid: { q: [1] } } }] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues[0].path).toBe('spec.policies[0].params');
    const unknown = await create({ engine: 'jobshop', scenarios: ['nope'], policies: ['spt'] });
    expect(((await unknown.json()) as { error: string }).error).toContain('unknown jobshop scenario "nope"');

    const { id } = (await (await create({ engine: 'jobshop', scenarios: ['ft06'], policies: ['spt', 'lpt'] })).json()) as { id: string };
    const p = await plan(id);
    const good = postedRunOf(p, p.runs[0], executeRun(sweepRunRequest(p, p.runs[0]) as never) as never);
    const stranger = { ...good, runKey: 'f'.repeat(64) };
    const refused = await postRuns(id, { runs: [good, stranger] });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { issues: { path: string }[] }).issues[0].path).toBe('runs[1].runKey');
    expect(await listSweepRuns(handle.db, id)).toHaveLength(0);
    const malformed = await postRuns(id, { runs: [{ ...good, metrics: { makespan: 'lots' } }] });
    expect(malformed.status).toBe(400);
    expect((await planRoute(new Request(`${BASE}/x/plan`), ctx('0'.repeat(32)))).status).toBe(404);
  });
});

describe('posted runs that Postgres could not hold', () => {
  it('a NUL character in an error message is a 400 naming the field, not a 500', async () => {
    const handle = await openDb({ memory: true });
    setDb(handle);
    try {
      const { id } = (await (await create({ engine: 'jobshop', scenarios: ['ft06'], policies: ['spt'] })).json()) as { id: string };
      const p = await plan(id);
      const failed = { runKey: p.runs[0].key, status: 'failed', metrics: {}, artifact: null, error: { kind: 'policy', message: 'bad\u0000byte' }, elapsedMs: 0 };
      const response = await postRuns(id, { runs: [failed] });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { issues: { path: string }[] }).issues[0].path).toBe('runs[0].error.message');
      expect(await listSweepRuns(handle.db, id)).toHaveLength(0);
    } finally {
      setDb(undefined);
      await handle.close();
    }
  });
});
