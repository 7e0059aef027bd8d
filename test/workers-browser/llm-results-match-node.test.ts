import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmEngine, type LlmResult } from '../../engine/llm';
import type { LlmRunRequest, RunOutcome } from '../../workers/browser/run-protocol';
import { compileLlmPolicy } from '../../workers/policy-compile';
import { withSeededMathRandom } from '../../workers/seeded-math-random';
import { runCli } from '../cli/run-cli';
import { LLM_MATH_RANDOM } from './fixtures/llm-policies';
import { openPoolPage, type PoolPage } from './pool-browser';

/**
 * DESIGN §4 for the LLM engine: an LLM run in the sandboxed simulation worker in headless Chromium gives the same
 * result, to the bit, as the same run in Node by the CLI's steps, and the same metrics as the real command line.
 */

let pool: PoolPage;
beforeAll(async () => {
  pool = await openPoolPage();
});
afterAll(async () => {
  await pool?.close();
});

const scenario = llmEngine.findPreset('steady')!.create({ seed: 2, cluster: { replicas: 2 } });

function llmRequest(runId: string, policy: LlmRunRequest['policy'], seed = 2, dispatch?: string): LlmRunRequest {
  return { engine: 'llm', runId, scenario, policy, ...(dispatch ? { dispatch } : {}), options: { seed, params: {} } };
}

function likeTheCli(req: LlmRunRequest): LlmResult {
  let policy = req.policy.kind === 'builtin' ? llmEngine.findPolicy(req.policy.id)! : compileLlmPolicy(req.policy.source, req.policy.fileName);
  if (req.dispatch) policy = llmEngine.combinePolicies(policy, llmEngine.findPolicy(req.dispatch)!) as typeof policy;
  return withSeededMathRandom(req.options.seed, () => llmEngine.simulate(req.scenario, policy, req.options));
}

function result(outcome: RunOutcome | undefined): LlmResult {
  if (!outcome?.ok) throw new Error(`run failed: ${JSON.stringify(outcome)}`);
  return outcome.result as LlmResult;
}

describe('LLM runs in the simulation worker (Chromium) vs Node', () => {
  it('gives bit-identical results for built-ins, a combined dispatcher and a Math.random source policy, with progress', async () => {
    const requests = [
      llmRequest('vllm', { kind: 'builtin', id: 'vllm' }),
      llmRequest('sarathi+lor', { kind: 'builtin', id: 'sarathi' }, 2, 'lor'),
      llmRequest('random', { kind: 'source', source: LLM_MATH_RANDOM, fileName: 'random.ts' }, 9),
    ];
    const record = await pool.run('llm-parity', requests as never);
    const outcomes = new Map(record.outcomes);
    for (const req of requests) {
      const inBrowser = result(outcomes.get(req.runId));
      const inNode = likeTheCli(req);
      expect(inBrowser.metrics, req.runId).toEqual(inNode.metrics);
      expect(inBrowser.requests, req.runId).toEqual(inNode.requests);
      expect(inBrowser.series, req.runId).toEqual(inNode.series);
      expect(inBrowser.timeline.bars.length, req.runId).toBe(inNode.timeline.bars.length);
    }
    const fractions = record.runProgress.filter(([id]) => id === 'random').map(([, f]) => f);
    expect(fractions.length).toBeGreaterThanOrEqual(9);
    expect(fractions.at(-1)).toBe(1);
  });

  it('matches the real command line on the steady preset (sarathi)', async () => {
    const cli = await runCli(['run', 'llm', '--scenario', 'steady', '--policy', 'sarathi', '--json']);
    expect(cli.code).toBe(0);
    const printed = JSON.parse(cli.stdout) as { metrics: Record<string, number> };
    const req: LlmRunRequest = { engine: 'llm', runId: 'cli', scenario: llmEngine.findPreset('steady')!.create({ seed: 1, cluster: {} }), policy: { kind: 'builtin', id: 'sarathi' }, options: { seed: 1, params: {}, timeline: false } };
    const record = await pool.run('llm-cli', [req] as never);
    expect(result(record.outcomes[0][1]).metrics).toEqual(printed.metrics);
  });
});
