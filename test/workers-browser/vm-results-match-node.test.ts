import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveParams } from '../../engine/core/params';
import { vmEngine, type VmResult } from '../../engine/vm';
import { randomCluster } from '../../engine/vm/generators/random';
import type { RunOutcome, VmBrowserRunOptions, VmRunRequest } from '../../workers/browser/run-protocol';
import { compileVmPolicy } from '../../workers/policy-compile';
import { withSeededMathRandom } from '../../workers/seeded-math-random';
import { runCli } from '../cli/run-cli';
import { loadSample } from '../engine/vm/shared-data';
import { VM_MATH_RANDOM } from './fixtures/vm-policies';
import { openPoolPage, type PoolPage } from './pool-browser';

/**
 * DESIGN §4 for the VM engine: a VM run in the simulation worker in headless Chromium gives the same result, to
 * the bit, as the same run in Node by the CLI's steps, and as the real command line. decisionMs is left out: it is
 * the measured time the policy took, kept out of the metrics for exactly that reason.
 */

let pool: PoolPage;
beforeAll(async () => {
  pool = await openPoolPage();
});
afterAll(async () => {
  await pool?.close();
});

const cluster = randomCluster({ seed: 11, pms: 60, utilisation: 0.92 });

function vmRequest(runId: string, policy: VmRunRequest['policy'], options: Partial<VmBrowserRunOptions> = {}, scenario = cluster): VmRunRequest {
  return { engine: 'vm', runId, scenario, policy, options: { seed: 1, params: {}, ...options } };
}

function likeTheCli(req: VmRunRequest): VmResult {
  const policy = req.policy.kind === 'builtin' ? vmEngine.findPolicy(req.policy.id)! : compileVmPolicy(req.policy.source, req.policy.fileName);
  const params = resolveParams(policy.params, req.options.params, `policy "${policy.id}"`);
  return withSeededMathRandom(req.options.seed, () => vmEngine.simulate(req.scenario, policy, { ...req.options, params }));
}

function reproducible(outcome: RunOutcome | undefined): Omit<VmResult, 'decisionMs'> {
  if (!outcome?.ok) throw new Error(`run failed: ${JSON.stringify(outcome)}`);
  const { decisionMs: _measured, ...rest } = outcome.result as VmResult;
  return rest;
}

describe('VM runs in the simulation worker (Chromium) vs Node', () => {
  it('gives bit-identical results for the built-ins and a Math.random source policy, with progress', async () => {
    const requests = [
      vmRequest('greedy', { kind: 'builtin', id: 'greedy' }, { migrationLimit: 30 }),
      vmRequest('ffd', { kind: 'builtin', id: 'ffd' }),
      vmRequest('bfd', { kind: 'builtin', id: 'bfd' }, { seed: 4, migrationLimit: 10 }),
      vmRequest('random', { kind: 'source', source: VM_MATH_RANDOM, fileName: 'random.ts' }, { seed: 9, migrationLimit: 20 }),
    ];
    const record = await pool.run('vm-parity', requests as never);
    const outcomes = new Map(record.outcomes);
    for (const req of requests) {
      const inBrowser = reproducible(outcomes.get(req.runId));
      expect(inBrowser, req.runId).toEqual(reproducible({ ok: true, result: likeTheCli(req), elapsedMs: 0 }));
      expect(inBrowser.migrations.length, req.runId).toBeGreaterThan(0);
    }
    const fractions = record.runProgress.filter(([id]) => id === 'random').map(([, f]) => f);
    expect(fractions.length).toBeGreaterThanOrEqual(9);
    expect(fractions.at(-1)).toBe(1);
  });

  it('matches the real command line on the VMR2L sample (greedy, MNL 50)', async () => {
    const cli = await runCli(['run', 'vm', '--scenario-file', '../shared/data/vm/vmr2l_M_reset_vm_pm0.json', '--policy', 'greedy', '--mnl', '50', '--json']);
    expect(cli.code).toBe(0);
    const printed = JSON.parse(cli.stdout) as { metrics: Record<string, number>; result: { migrations: unknown[]; frCurve: number[] } };
    const record = await pool.run('vm-cli', [vmRequest('cli', { kind: 'builtin', id: 'greedy' }, { migrationLimit: 50 }, loadSample())] as never);
    const inBrowser = reproducible(record.outcomes[0][1]);
    expect(inBrowser.metrics).toEqual(printed.metrics);
    // The CLI prints each migration as { vm, from, to } (the snapshot's ids), without the engine's step counter.
    expect(inBrowser.migrations.map(({ vm, from, to }) => ({ vm, from, to }))).toEqual(printed.result.migrations);
    expect(inBrowser.frCurve).toEqual(printed.result.frCurve);
  });
});
