import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../workers/browser/run-protocol';
import type { Lab } from './fixtures/pool-page';
import { LOOPS_FOREVER, MATH_RANDOM, onLine5, PATCHES_ARRAY } from './fixtures/policies';
import { openPoolPage, request, scenario, sourcePolicy, type PoolPage } from './pool-browser';

/**
 * The pool under trouble, in headless Chromium: a policy that never returns, Stop, a worker that dies, a worker
 * that never starts, and a policy that changes the worker's globals. The page's pools have two workers each.
 */

type Page = { lab: Lab };

let pool: PoolPage;
beforeAll(async () => {
  pool = await openPoolPage();
});
afterAll(async () => {
  await pool?.close();
});

const heartbeat = () => pool.page.evaluate(() => (window as unknown as Page).lab.heartbeat());
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function failureOf(outcome: RunOutcome | undefined) {
  if (!outcome || outcome.ok) throw new Error(`expected a failure, got ${JSON.stringify(outcome)?.slice(0, 200)}`);
  return outcome.failure;
}

describe('RunPool in Chromium', () => {
  it('sizes itself to the cores (1 to 8) by default', async () => {
    const { defaultSize, hardwareConcurrency } = await pool.page.evaluate(() => (window as unknown as Page).lab);
    expect(defaultSize).toBe(Math.min(8, Math.max(1, hardwareConcurrency)));
  });

  it('stops a policy that loops forever at its budget, while another run completes and the page stays responsive', async () => {
    await pool.start('budget', [
      request('loops', scenario('ta01'), sourcePolicy(LOOPS_FOREVER, 'loops.ts')),
      request('fine', scenario('ta11'), sourcePolicy(MATH_RANDOM)),
    ], { budgetMs: 1500 });
    // While the loop spins in its worker, the page answers and its timers run.
    const before = await heartbeat();
    await sleep(300);
    expect(await pool.page.evaluate(() => 1 + 1)).toBe(2);
    expect(await heartbeat()).toBeGreaterThan(before);

    const record = await pool.wait('budget');
    const outcomes = new Map(record.outcomes);
    expect(failureOf(outcomes.get('loops'))).toEqual({ kind: 'budget', message: 'policy ran past its budget of 1.5 s (does it loop forever?)' });
    expect(outcomes.get('fine')?.ok).toBe(true);

    // The terminated worker was replaced: the pool still runs.
    const after = await pool.run('after-budget', [request('again', scenario('ft06'), { kind: 'builtin', id: 'spt' })]);
    expect(after.outcomes[0][1].ok).toBe(true);
  });

  it('stops every unfinished run at once, queued ones included, and runs again afterwards', async () => {
    const loops = (id: string) => request(id, scenario('ta01'), sourcePolicy(LOOPS_FOREVER, 'loops.ts'));
    await pool.start('stop', [loops('a'), loops('b'), loops('c'), request('d', scenario('ft06'), { kind: 'builtin', id: 'mwkr' })], { budgetMs: 60_000 });
    await sleep(500); // both workers busy in a loop
    const stopped = await pool.page.evaluate(async () => {
      const lab = (window as unknown as Page).lab;
      const t0 = performance.now();
      lab.stop();
      const record = await lab.wait('stop');
      return { record, ms: performance.now() - t0 };
    });
    expect(stopped.record.outcomes.map(([id, outcome]) => [id, failureOf(outcome).kind])).toEqual([
      ['a', 'stopped'],
      ['b', 'stopped'],
      ['c', 'stopped'],
      ['d', 'stopped'],
    ]);
    // "At once": the batch settles in the same turn as stop(), not after a budget (60 s here). Generous bound.
    expect(stopped.ms).toBeLessThan(1000);

    const again = await pool.run('after-stop', [request('x', scenario('ft06'), { kind: 'builtin', id: 'lpt' }), request('y', scenario('ft06'), sourcePolicy(MATH_RANDOM))]);
    expect(again.outcomes.every(([, outcome]) => outcome.ok)).toBe(true);
  });

  it('reports a worker that dies mid-run as a crash (or memory, when the browser says so); the other runs carry on', async () => {
    await pool.page.evaluate(() => (window as unknown as Page).lab.crashNextWorkers(1));
    const crash = await pool.run('crash', [request('dies', scenario('ta01'), sourcePolicy(MATH_RANDOM)), request('lives', scenario('ta01'), { kind: 'builtin', id: 'mwkr' })], { pool: 'crashy' });
    const outcomes = new Map(crash.outcomes);
    expect(failureOf(outcomes.get('dies'))).toMatchObject({ kind: 'crash', message: expect.stringContaining('worker fell over') });
    expect(outcomes.get('lives')?.ok).toBe(true);

    // The surviving worker is idle and takes the first run; the second gets a new worker, which dies reporting OOM.
    await pool.page.evaluate(() => (window as unknown as Page).lab.crashNextWorkers(1));
    const oom = await pool.run('oom', [request('first', scenario('ft06'), { kind: 'builtin', id: 'spt' }), request('oom', scenario('ta01'), sourcePolicy(MATH_RANDOM, 'oom.ts'))], {
      pool: 'crashy',
    });
    expect(oom.outcomes[0][1].ok).toBe(true);
    expect(failureOf(oom.outcomes[1][1])).toMatchObject({ kind: 'memory', message: expect.stringContaining('policy ran out of memory') });
  });

  it('reports a worker that cannot start as a crash instead of waiting forever', async () => {
    const record = await pool.run('broken', [request('never', scenario('ft06'), { kind: 'builtin', id: 'spt' })], { pool: 'broken' });
    expect(failureOf(record.outcomes[0][1])).toMatchObject({ kind: 'crash', message: expect.stringContaining('failed to start') });
  });

  it('reuses workers across ordinary runs but retires one whose policy changed a shared built-in', async () => {
    const createdBefore = await pool.page.evaluate(() => (window as unknown as Page).lab.workersCreated());
    const ordinary = Array.from({ length: 6 }, (_, i) => request(`o${i}`, scenario('ft06'), sourcePolicy(MATH_RANDOM), { seed: i + 1 }));
    await pool.run('ordinary', ordinary);
    const createdAfter = await pool.page.evaluate(() => (window as unknown as Page).lab.workersCreated());
    expect(createdAfter - createdBefore).toBeLessThanOrEqual(2); // at most the two workers of the pool, reused

    // After a policy adds Array.prototype.last, no later run may see it, whichever worker it lands on.
    await pool.run('patch', [request('patch', scenario('ft06'), sourcePolicy(PATCHES_ARRAY))]);
    const checks = Array.from({ length: 4 }, (_, i) =>
      request(`check${i}`, scenario('ft06'), sourcePolicy(onLine5("if ('last' in []) throw new Error('Array.prototype.last leaked from an earlier run')"))),
    );
    for (const check of checks) {
      const record = await pool.run(check.runId, [check]);
      expect(record.outcomes[0][1], check.runId).toMatchObject({ ok: true });
    }
  });
});
