import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from './fixtures/pool-page';
import { LEAKS_SLOWLY, MATH_RANDOM, MEMORY_HOG } from './fixtures/policies';
import { openPoolPage, request, scenario, sourcePolicy, type PoolPage } from './pool-browser';

/**
 * Policies that exhaust memory, in headless Chromium. What Chromium does (see the header of run-pool.ts): a
 * dedicated worker's out-of-memory is fatal to the whole renderer, so the tab dies with it at about 4 GB; no
 * event reaches the page. The guard in this process is the run budget, which stops a leak before it gets there
 * unless it allocates faster than ~4 GB per budget.
 */

describe('memory exhaustion', () => {
  let pool: PoolPage;
  beforeAll(async () => {
    pool = await openPoolPage();
  });
  afterAll(async () => {
    await pool?.close();
  });

  it('a leaking policy is stopped by the budget, the other run completes, the page carries on', async () => {
    const record = await pool.run(
      'leak',
      [request('leaks', scenario('ta01'), sourcePolicy(LEAKS_SLOWLY, 'leaks.ts')), request('fine', scenario('ta01'), sourcePolicy(MATH_RANDOM))],
      { budgetMs: 2000 },
    );
    const outcomes = new Map(record.outcomes);
    expect(outcomes.get('leaks')).toEqual({ ok: false, failure: { kind: 'budget', message: 'policy ran past its budget of 2 s (does it loop forever?)' } });
    expect(outcomes.get('fine')?.ok).toBe(true);
    expect(await pool.page.evaluate(() => (window as unknown as { lab: Lab }).lab.heartbeat())).toBeGreaterThan(0);
  });
});

/**
 * The finding itself, kept as a test so a Chromium that starts containing worker OOM is noticed (then the pool
 * reports 'memory' and run-pool.ts should say so). Opt-in: it makes Chromium allocate about 4 GB for ~10 s.
 * Run with SCHEDLAB_OOM_PROBE=1.
 */
describe.skipIf(!process.env.SCHEDLAB_OOM_PROBE)('memory exhaustion, the Chromium finding (SCHEDLAB_OOM_PROBE=1)', () => {
  it('a policy allocating as fast as it can takes the renderer down with its worker', async () => {
    const pool = await openPoolPage();
    try {
      const crashed = new Promise<'renderer crashed'>((resolve) => pool.page.once('crash', () => resolve('renderer crashed')));
      await pool.start('hog', [request('hog', scenario('ta01'), sourcePolicy(MEMORY_HOG, 'memory-hog.ts'))], { budgetMs: 60_000 });
      const outcome = pool.wait('hog').then((record) => `outcome: ${JSON.stringify(record.outcomes[0][1])}`);
      const what = await Promise.race([crashed, outcome.catch(() => 'renderer crashed' as const)]);
      expect(what, 'if Chromium now survives a worker OOM, update the header of workers/browser/run-pool.ts').toBe('renderer crashed');
    } finally {
      await pool.close();
    }
  });
});
