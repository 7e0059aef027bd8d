import { describe, expect, it } from 'vitest';
import { buildScenario, clusterSpec, llmPolicyEntries, llmRunRequest, parseRates } from '../../components/llm-lab/llm-run-requests';
import { importedChoice, presetChoice, withImportRate } from '../../components/llm-lab/llm-workload-sources';
import { DEFAULT_CLUSTER } from '../../components/state/llm-lab-store';
import { llmEngine, withRate } from '../../engine/llm';

// What the LLM lab's buttons send to the workers: the CLI's scenario and policy choices, from the lab's controls.

describe('LLM lab requests', () => {
  it('builds a preset workload exactly as `run llm --scenario --seed --rate --duration --replicas --gpu` does', () => {
    const cluster = clusterSpec({ ...DEFAULT_CLUSTER, replicas: 2, gpu: 'h100' });
    const lab = buildScenario(presetChoice('burstgpt', 3, 120), 5, cluster);
    const cli = llmEngine.findPreset('burstgpt')!.create({ seed: 5, rate: 3, duration: 120, cluster: { replicas: 2, gpu: 'h100' } });
    expect(lab.requests).toEqual(cli.requests);
    expect(llmEngine.describeCluster(lab.cluster)).toEqual(llmEngine.describeCluster(cli.cluster));
    // A sweep's rate overrides the workload's.
    expect(buildScenario(presetChoice('steady'), 1, cluster, 4).requests.length).toBeGreaterThan(buildScenario(presetChoice('steady'), 1, cluster).requests.length);
  });

  it('rescales an imported trace as `--scenario-file --rate` does', () => {
    const csv = 'arrived_at,num_prefill_tokens,num_decode_tokens\n0,100,20\n1,200,30\n3,50,5\n';
    const choice = withImportRate(importedChoice(csv, 't.csv'), 2);
    const { imported: _report, ...plain } = llmEngine.parse(csv, { source: 't.csv' });
    expect(buildScenario(choice, 1, {}).requests).toEqual(withRate(plain, 2).requests);
    expect(choice.label).toBe('t.csv (3 requests, vidur) at 2 req/s');
    expect(() => importedChoice(csv.replace('200', 'x'), 'b.csv')).toThrow(/^b\.csv:3:/);
  });

  it('combines the dispatcher with replica schedulers only, with every declared parameter recorded', () => {
    const entries = llmPolicyEntries(['sarathi', 'distserve'], true, "const p = { label: 'Mine' }", { sarathi: { chunkSize: 256 } }, 'llumnix');
    expect(entries.map((e) => [e.id, e.label, e.dispatch])).toEqual([
      ['editor', 'Mine (editor) + Llumnix freeness', 'llumnix'],
      ['sarathi+llumnix', 'Sarathi-Serve + Llumnix freeness', 'llumnix'],
      ['distserve', llmEngine.findPolicy('distserve')!.label, undefined],
    ]);
    expect(entries[1].params).toMatchObject({ chunkSize: 256, migrateBelow: expect.any(Number), gap: expect.any(Number) });
    const request = llmRunRequest('r', buildScenario(presetChoice('steady'), 1, {}), entries[1], 1, false);
    expect(request).toMatchObject({ engine: 'llm', policy: { kind: 'builtin', id: 'sarathi' }, dispatch: 'llumnix', options: { seed: 1, timeline: false } });
  });

  it('reads sweep rates, refusing what is not a positive number', () => {
    expect(parseRates('4, 1 2,2')).toEqual([1, 2, 4]);
    expect(() => parseRates('1, 0')).toThrow('"0" is not a rate > 0');
    expect(() => parseRates('fast')).toThrow();
  });
});
