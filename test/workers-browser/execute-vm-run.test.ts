import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../engine/core/params';
import { vmEngine, type VmResult } from '../../engine/vm';
import { randomCluster } from '../../engine/vm/generators/random';
import { executeRun } from '../../workers/browser/execute-run';
import type { VmBrowserRunOptions, VmRunRequest } from '../../workers/browser/run-protocol';
import { compileVmPolicy } from '../../workers/policy-compile';
import { withSeededMathRandom } from '../../workers/seeded-math-random';
import { VM_MATH_RANDOM, vmOnLine5 } from './fixtures/vm-policies';

// The worker's run function on VM requests, called directly in Node: what the CLI computes, progress, failures.

const cluster = randomCluster({ seed: 5, pms: 30, utilisation: 0.9 });

function request(policy: VmRunRequest['policy'], options: Partial<VmBrowserRunOptions> = {}): VmRunRequest {
  return { engine: 'vm', runId: 'r', scenario: cluster, policy, options: { seed: 1, params: {}, ...options } };
}

/** The CLI's steps (bin/cli/vm-commands.ts): resolve the parameters, then simulate under withSeededMathRandom. */
function likeTheCli(req: VmRunRequest): VmResult {
  const policy = req.policy.kind === 'builtin' ? vmEngine.findPolicy(req.policy.id)! : compileVmPolicy(req.policy.source, req.policy.fileName);
  const params = resolveParams(policy.params, req.options.params, `policy "${policy.id}"`);
  return withSeededMathRandom(req.options.seed, () => vmEngine.simulate(req.scenario, policy, { ...req.options, params }));
}

/** decisionMs is a wall-clock measurement; everything else reproduces to the bit. */
function reproducible(result: VmResult): Omit<VmResult, 'decisionMs'> {
  const { decisionMs: _measured, ...rest } = result;
  return rest;
}

function outcomeOf(req: VmRunRequest, onProgress?: (f: number) => void) {
  return executeRun(req, onProgress);
}

describe('executeRun on VM requests', () => {
  it('computes what the CLI computes, for built-ins and for a source policy drawing from Math.random', () => {
    const requests = [
      request({ kind: 'builtin', id: 'greedy' }, { migrationLimit: 20 }),
      request({ kind: 'builtin', id: 'bfd' }, { seed: 3 }),
      request({ kind: 'source', source: VM_MATH_RANDOM, fileName: 'r.ts' }, { seed: 7, migrationLimit: 15 }),
    ];
    for (const req of requests) {
      const outcome = outcomeOf(req);
      if (!outcome.ok) throw new Error(outcome.failure.message);
      expect(reproducible(outcome.result)).toEqual(reproducible(likeTheCli(req)));
      expect(outcome.result.migrations.length).toBeGreaterThan(0);
    }
    // The seed matters to a Math.random policy: another seed, other moves.
    const other = outcomeOf(request({ kind: 'source', source: VM_MATH_RANDOM, fileName: 'r.ts' }, { seed: 8, migrationLimit: 15 }));
    const first = outcomeOf(requests[2]);
    expect(other.ok && first.ok && other.result.migrations).not.toEqual(first.ok && first.result.migrations);
  });

  it('reports progress about ten times with an MNL, rising to 1', () => {
    const seen: number[] = [];
    const outcome = outcomeOf(request({ kind: 'source', source: VM_MATH_RANDOM, fileName: 'r.ts' }, { migrationLimit: 20 }), (f) => seen.push(f));
    expect(outcome.ok).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(9);
    expect(seen.length).toBeLessThanOrEqual(11);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen.at(-1)).toBe(1);
  });

  it('points a syntax error, a throwing policy and an impossible migration at their lines', () => {
    // Top level on purpose: inside an arrow's block body sucrase reports the arrow's line instead (a limit of the
    // shared compile path; Monaco's own diagnostics still mark the exact spot).
    const broken = ["import type { VmPolicy } from 'schedlab/vm';", '', 'const limit = 3;', '', 'const broken = limit +;', 'export default broken;'].join('\n');
    const syntax = outcomeOf(request({ kind: 'source', source: broken, fileName: 'p.ts' }));
    expect(!syntax.ok && syntax.failure).toMatchObject({ kind: 'compile', line: 5, column: expect.any(Number) });
    const thrown = outcomeOf(request({ kind: 'source', source: vmOnLine5("throw new Error('nope')"), fileName: 'p.ts' }));
    expect(!thrown.ok && thrown.failure).toMatchObject({ kind: 'policy', line: 5, message: expect.stringContaining('p.ts:5') });
    const impossible = outcomeOf(request({ kind: 'source', source: vmOnLine5('return { vm: 0, pm: view.pmCount + 5 }'), fileName: 'p.ts' }));
    expect(!impossible.ok && impossible.failure).toMatchObject({ kind: 'policy', message: expect.stringContaining('migration 1') });
  });

  it('says a job-shop policy is not a VM policy, and reports unknown built-ins and bad parameters as input', () => {
    const jobShop = "export default { id: 'spt', label: 'SPT', description: 'x', priority: () => 0 };";
    const wrong = outcomeOf(request({ kind: 'source', source: jobShop, fileName: 'j.ts' }));
    expect(!wrong.ok && wrong.failure).toMatchObject({ kind: 'compile', message: expect.stringMatching(/neither nextMigration.*priority\/choose are for job-shop policies/) });
    expect(outcomeOf(request({ kind: 'builtin', id: 'nope' }))).toMatchObject({ ok: false, failure: { kind: 'input' } });
    expect(outcomeOf(request({ kind: 'builtin', id: 'greedy' }, { params: { k: 1 } }))).toMatchObject({ ok: false, failure: { kind: 'input', message: expect.stringContaining('no parameter "k"') } });
  });

  it('leaves job-shop requests (no engine field) on the job-shop path', async () => {
    const { findScenario } = await import('../../engine/jobshop/catalogue');
    const outcome = executeRun({ runId: 'j', instance: findScenario('ft06')!.create(), policy: { kind: 'builtin', id: 'spt' }, options: { scheme: 'active', seed: 1, params: {} } });
    expect(outcome.ok && outcome.result.metrics.makespan).toBeGreaterThan(0);
  });
});
