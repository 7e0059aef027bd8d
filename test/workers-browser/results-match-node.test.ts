import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveParams } from '../../engine/core/params';
import { findBuiltinPolicy } from '../../engine/jobshop/policies';
import type { JobShopResult } from '../../engine/jobshop/run-types';
import { simulate } from '../../engine/jobshop/simulate';
import type { JobShopRunRequest as RunRequest, RunOutcome } from '../../workers/browser/run-protocol';
import { compilePolicy } from '../../workers/policy-compile';
import { withSeededMathRandom } from '../../workers/seeded-math-random';
import { runCli } from '../cli/run-cli';
import { BLEND, MATH_RANDOM } from './fixtures/policies';
import { openPoolPage, request, scenario, sourcePolicy, type PoolPage } from './pool-browser';

/**
 * DESIGN §4: the same inputs give the same metrics, to the bit, in Chromium and in Node. Each request runs in the
 * simulation worker in headless Chromium and, in Node, through the CLI's own steps (bin/cli/execute-run.ts:
 * resolve params, then simulate under withSeededMathRandom). Whole results are compared — metrics, schedule,
 * downtime, timeline, counters — with Object.is on every number (Playwright carries doubles exactly).
 */

let pool: PoolPage;
beforeAll(async () => {
  pool = await openPoolPage();
});
afterAll(async () => {
  await pool?.close();
});

function inNodeLikeTheCli(req: RunRequest): JobShopResult {
  const policy = req.policy.kind === 'builtin' ? findBuiltinPolicy(req.policy.id)! : compilePolicy(req.policy.source, req.policy.fileName);
  const params = resolveParams(policy.params, req.options.params, `policy "${policy.id}"`);
  const options = { ...req.options, params };
  return withSeededMathRandom(options.seed, () => simulate(req.instance, policy, options));
}

function resultOf(outcome: RunOutcome | undefined): JobShopResult {
  if (!outcome?.ok) throw new Error(`run failed: ${JSON.stringify(outcome)}`);
  return outcome.result as JobShopResult;
}

const REQUESTS: RunRequest[] = [
  request('mwkr-ta01', scenario('ta01'), { kind: 'builtin', id: 'mwkr' }),
  request('random-ta11-nd', scenario('ta11'), { kind: 'builtin', id: 'random' }, { seed: 9, scheme: 'non-delay' }),
  request('atc-ta21-ins', scenario('ta21'), { kind: 'builtin', id: 'atc' }, { scheme: 'insertion', params: { k: 1.5 } }),
  request('tabu-ft06', scenario('ft06'), { kind: 'builtin', id: 'tabu' }, { seed: 4 }),
  request('math-random-ta01', scenario('ta01'), sourcePolicy(MATH_RANDOM, 'math-random.ts'), { seed: 7 }),
  request('math-random-ta31-breakdowns', scenario('ta31'), sourcePolicy(MATH_RANDOM, 'math-random.ts'), {
    seed: 12,
    breakdowns: { mtbf: 300, mttr: 40 },
  }),
  request('blend-ta41-online', scenario('ta41'), sourcePolicy(BLEND, 'blend.ts'), { seed: 3, params: { w: '2.5' }, online: true, scheme: 'non-delay' }),
];

describe('simulation worker in Chromium vs Node', () => {
  it('gives bit-identical results for built-ins and user source using Math.random, with progress along the way', async () => {
    const record = await pool.run('parity', REQUESTS);
    expect(record.outcomes.map(([id]) => id)).toEqual(REQUESTS.map((r) => r.runId));
    for (const req of REQUESTS) {
      const inBrowser = resultOf(new Map(record.outcomes).get(req.runId));
      expect(inBrowser, req.runId).toEqual(inNodeLikeTheCli(req));
      expect(inBrowser.schedule.length, req.runId).toBeGreaterThan(0);
    }

    // Progress: every run reports about ten rising fractions ending at 1; the batch counts up to 7 of 7.
    for (const req of REQUESTS) {
      const fractions = record.runProgress.filter(([id]) => id === req.runId).map(([, f]) => f);
      expect(fractions.length, req.runId).toBeGreaterThanOrEqual(9);
      expect(fractions.length, req.runId).toBeLessThanOrEqual(11);
      expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
      expect(fractions.at(-1)).toBe(1);
    }
    const done = record.progress.map(([d]) => d);
    expect([...done].sort((a, b) => a - b)).toEqual(done);
    expect(record.progress.at(-1)).toEqual([REQUESTS.length, REQUESTS.length, 0]);
    expect(record.progress.some(([d, , eta]) => d > 0 && d < REQUESTS.length && typeof eta === 'number' && eta > 0)).toBe(true);
    expect(record.reported.map(([id]) => id).sort()).toEqual(REQUESTS.map((r) => r.runId).sort());
  });

  it('matches the real command line (policy file in a worker thread) for a Math.random policy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schedlab-parity-'));
    const file = join(dir, 'math-random.ts');
    writeFileSync(file, MATH_RANDOM);
    const cli = await runCli(['run', 'jobshop', '--scenario', 'ta01', '--policy-file', file, '--seed', '7', '--json']);
    expect(cli.stderr).toBe('');
    const printed = JSON.parse(cli.stdout) as { metrics: Record<string, number>; result: { schedule: unknown[] } };

    const record = await pool.run('cli', [request('cli', scenario('ta01'), sourcePolicy(MATH_RANDOM, 'math-random.ts'), { seed: 7 })]);
    const inBrowser = resultOf(record.outcomes[0][1]);
    expect(inBrowser.schedule).toEqual(printed.result.schedule);
    // The CLI adds bounds and gaps of its own; every metric the engine computed must be printed the same.
    for (const [name, value] of Object.entries(inBrowser.metrics)) expect(printed.metrics[name], name).toBe(value);
  });
});
