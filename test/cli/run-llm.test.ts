import { describe, expect, it } from 'vitest';
import { findEngine } from '../../engine';
import { llmEngine } from '../../engine/llm';
import { runCli, stderrLines } from './run-cli';

const TRACE = 'test/cli/fixtures/llm/burst.csv';

describe('schedlab run llm / list llm', () => {
  it('--json prints one object: metrics and result.requests in seconds, the same as the engine in-process', async () => {
    const outcome = await runCli(['run', 'llm', '--scenario', 'steady', '--policy', 'sarathi', '--replicas', '2', '--gpu', 'h100', '--json']);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    const out = JSON.parse(outcome.stdout);
    expect(out).toMatchObject({ engine: 'llm', engineVersion: findEngine('llm')!.version, scenario: 'steady', policy: 'sarathi', seed: 1, params: { chunkSize: 512 } });
    expect(out.cluster).toMatchObject({ replicas: 2, gpu: 'h100', model: 'llama-3-8b', costModel: { kind: 'roofline' } });
    const scenario = llmEngine.findPreset('steady')!.create({ seed: 1, cluster: { replicas: 2, gpu: 'h100' } });
    const expected = llmEngine.simulate(scenario, llmEngine.findPolicy('sarathi')!, { seed: 1 });
    expect(out.metrics).toEqual(JSON.parse(JSON.stringify(expected.metrics)));
    expect(out.result.requests).toHaveLength(scenario.requests.length);
    expect(Object.keys(out.result.requests[0]).sort()).toEqual(['arrival', 'finishedAt', 'firstTokenAt', 'id', 'outputTokens', 'preemptions', 'promptTokens', 'replica']);
    expect(out.result.requests[1].replica).toBe(1);
  });

  it('reads a BurstGPT trace (failed rows skipped and counted), rescales its rate, takes a constant cost model', async () => {
    const outcome = await runCli(['run', 'llm', '--scenario-file', TRACE, '--rate', '2', '--cost-model', 'constant:20', '--policy', 'vllm', '--json']);
    expect(outcome.code).toBe(0);
    const out = JSON.parse(outcome.stdout);
    expect(out.import).toMatchObject({ format: 'burstgpt', rows: 5, skippedFailed: 1 });
    // Kept rows arrive at 0, 1, 3, 4 s (3 gaps in 4 s: 0.75 req/s); at 2 req/s the times shrink by 0.375.
    expect(out.result.requests.map((r: { arrival: number }) => r.arrival)).toEqual([0, 0.375, 1.125, 1.5]);
    expect(out.cluster.costModel).toEqual({ kind: 'constant', iterationMs: 20 });
    expect(out.metrics.requests).toBe(4);
  });

  it('prints a readable summary without --json', async () => {
    const outcome = await runCli(['run', 'llm', '--scenario', 'steady', '--policy', 'orca', '--model', 'llama-2-7b']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^scenario {3}steady: \d+ requests\ncluster {4}1 x llama-2-7b on a100; 69\d\d KV blocks of 16 tokens each; cost model roofline\npolicy {5}orca/);
    expect(outcome.stdout).toMatch(/\nTTFT {7}mean [\d.]+ ms {2}p50/);
    expect(outcome.stdout).toMatch(/\nSLO {8}[\d.]+% meet TTFT and TPOT/);
  });

  it('runs a user policy file in a worker; an invalid batch is a one-line failure naming the decision and its line', async () => {
    const ok = await runCli(['run', 'llm', '--scenario', 'steady', '--policy-file', 'engine/llm/policies/sarathi.ts', '--json']);
    expect(ok.code).toBe(0);
    const builtin = await runCli(['run', 'llm', '--scenario', 'steady', '--policy', 'sarathi', '--json']);
    expect(JSON.parse(ok.stdout).metrics).toEqual(JSON.parse(builtin.stdout).metrics);
    expect(JSON.parse(ok.stdout).policy).toBe('sarathi');
    const bad = await runCli(['run', 'llm', '--scenario-file', TRACE, '--model', 'llama-2-7b', '--policy-file', 'test/cli/fixtures/llm/bad-batch.ts', '--json']);
    expect(bad.code).toBe(1);
    expect(stderrLines(bad)).toHaveLength(1);
    expect(stderrLines(bad)[0]).toBe('schedlab: test/cli/fixtures/llm/bad-batch.ts:9: policy "eager-decode" at t=0: schedule() on replica 0: decode(0) is invalid: request 0 is waiting, not running');
  });

  it('names mistakes: a bad policy or preset (exit 2), a bad trace row with its line (exit 1)', async () => {
    const policy = await runCli(['run', 'llm', '--scenario', 'steady', '--policy', 'sarati']);
    expect(policy.code).toBe(2);
    expect(stderrLines(policy)[0]).toMatch(/^schedlab: unknown policy "sarati"; did you mean sarathi\?/);
    const preset = await runCli(['run', 'llm', '--scenario', 'azure', '--policy', 'vllm']);
    expect(preset.code).toBe(2);
    const cost = await runCli(['run', 'llm', '--scenario', 'steady', '--policy', 'vllm', '--cost-model', 'constant:x']);
    expect(stderrLines(cost)).toEqual(['schedlab: --cost-model "constant:x" is not roofline, fitted or constant:<ms> (e.g. constant:20)']);
    const row = await runCli(['run', 'llm', '--scenario-file', 'test/cli/fixtures/llm/bad-row.csv', '--policy', 'vllm']);
    expect(row.code).toBe(1);
    expect(stderrLines(row)).toEqual(['schedlab: test/cli/fixtures/llm/bad-row.csv:3:5: "num_prefill_tokens" is "abc"; expected a whole number >= 1']);
  });

  it('list llm --json lists presets, policies with their role, formats', async () => {
    const outcome = await runCli(['list', 'llm', '--json']);
    expect(outcome.code).toBe(0);
    const out = JSON.parse(outcome.stdout);
    expect(out.scenarios.map((s: { id: string }) => s.id)).toEqual(['azure-conv', 'azure-code', 'burstgpt', 'steady']);
    expect(out.policies.map((p: { id: string; role: string }) => `${p.id}:${p.role}`)).toEqual([
      'vllm:replica', 'orca:replica', 'sarathi:replica', 'past-future:replica', 'spf:replica', 'round-robin:dispatch', 'lor:dispatch', 'llumnix:dispatch', 'distserve:both',
    ]);
    expect(out.formats).toEqual(['burstgpt', 'azure', 'vidur']);
  });
});
