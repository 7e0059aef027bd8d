import { describe, expect, it } from 'vitest';
import { llmEngine, type ClusterSpec, type LlmResult } from '../../engine/llm';
import { executeRun } from '../../workers/browser/execute-run';
import type { LlmBrowserRunOptions, LlmRunRequest } from '../../workers/browser/run-protocol';
import { compileLlmPolicy } from '../../workers/policy-compile';
import { withSeededMathRandom } from '../../workers/seeded-math-random';
import { runCli } from '../cli/run-cli';
import { LLM_MATH_RANDOM, llmOnLine5 } from './fixtures/llm-policies';

// The worker's run function on LLM requests, called directly in Node: the same metrics as the real command line
// (to the bit), progress, and failures that point at the policy's line.

function steady(cluster: ClusterSpec = {}, seed = 1) {
  return llmEngine.findPreset('steady')!.create({ seed, cluster });
}

function request(policy: LlmRunRequest['policy'], options: Partial<LlmBrowserRunOptions> = {}, extra: Partial<LlmRunRequest> = {}): LlmRunRequest {
  return { engine: 'llm', runId: 'r', scenario: steady(), policy, options: { seed: 1, params: {}, ...options }, ...extra };
}

function ok(outcome: ReturnType<typeof executeRun>): LlmResult {
  if (!outcome.ok) throw new Error(outcome.failure.message);
  return outcome.result as LlmResult;
}

describe('executeRun on LLM requests', () => {
  it('gives the metrics the real command line prints, to the bit (sarathi + lor on 2 h100 replicas)', async () => {
    const cli = await runCli(['run', 'llm', '--scenario', 'steady', '--policy', 'sarathi', '--dispatch', 'lor', '--replicas', '2', '--gpu', 'h100', '--seed', '3', '--json']);
    expect(cli.code).toBe(0);
    const printed = JSON.parse(cli.stdout) as { metrics: Record<string, number>; result: { requests: unknown[] } };
    const req = request({ kind: 'builtin', id: 'sarathi' }, { seed: 3 }, { dispatch: 'lor', scenario: steady({ replicas: 2, gpu: 'h100' }, 3) });
    const result = ok(executeRun(req));
    expect(result.metrics).toEqual(printed.metrics);
    expect(result.requests).toEqual(printed.result.requests);
    expect(result.timeline.bars.length).toBeGreaterThan(result.requests.length);
  });

  it('computes what the CLI steps compute for a source policy drawing from Math.random, and the seed matters', () => {
    const scenario = steady({ replicas: 3 });
    const req = request({ kind: 'source', source: LLM_MATH_RANDOM, fileName: 'r.ts' }, { seed: 7 }, { scenario });
    const inNode = withSeededMathRandom(7, () => llmEngine.simulate(scenario, compileLlmPolicy(LLM_MATH_RANDOM, 'r.ts'), { seed: 7 }));
    const result = ok(executeRun(req));
    expect(result.metrics).toEqual(inNode.metrics);
    const other = ok(executeRun({ ...req, options: { ...req.options, seed: 8 } }));
    expect(other.requests.map((r) => r.replica)).not.toEqual(result.requests.map((r) => r.replica));
  });

  it('reports progress about ten times, rising to 1', () => {
    const seen: number[] = [];
    ok(executeRun(request({ kind: 'builtin', id: 'vllm' }), (f) => seen.push(f)));
    expect(seen.length).toBeGreaterThanOrEqual(9);
    expect(seen.length).toBeLessThanOrEqual(11);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen.at(-1)).toBe(1);
  });

  it('points a throwing policy at its line, and reports unknown policies, dispatchers and bad parameters as input', () => {
    const thrown = executeRun(request({ kind: 'source', source: llmOnLine5("throw new Error('nope')"), fileName: 'p.ts' }));
    expect(!thrown.ok && thrown.failure).toMatchObject({ kind: 'policy', line: 5, message: expect.stringContaining('p.ts:5') });
    const jobShop = "export default { id: 'spt', label: 'SPT', description: 'x', priority: () => 0 };";
    expect(executeRun(request({ kind: 'source', source: jobShop, fileName: 'j.ts' }))).toMatchObject({ ok: false, failure: { kind: 'compile' } });
    expect(executeRun(request({ kind: 'builtin', id: 'nope' }))).toMatchObject({ ok: false, failure: { kind: 'input' } });
    expect(executeRun(request({ kind: 'builtin', id: 'vllm' }, {}, { dispatch: 'nope' }))).toMatchObject({ ok: false, failure: { kind: 'input', message: expect.stringContaining('dispatcher "nope"') } });
    expect(executeRun(request({ kind: 'builtin', id: 'sarathi' }, { params: { chunkSize: -1 } }))).toMatchObject({ ok: false, failure: { kind: 'input' } });
  });
});
