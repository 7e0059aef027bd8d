import { describe, expect, it } from 'vitest';
import { combinePolicies, findBuiltinPolicy } from '../../../engine/llm/policies';
import type { LlmPolicy } from '../../../engine/llm/policy-api';
import { createSimulation, simulate } from '../../../engine/llm/simulate';
import { generateWorkload } from '../../../engine/llm/workloads/generate';
import { scenarioOf, tinyCluster } from './helpers';

const policy = (id: string) => findBuiltinPolicy(id)!;

/** A loaded single replica with a small cache: long outputs make the aggressive scheduler run out of blocks. */
const pressure = generateWorkload(
  { name: 'pressure', arrivals: { kind: 'poisson', rate: 20 }, duration: 10, prompt: { kind: 'uniform', min: 100, max: 400 }, output: { kind: 'uniform', min: 50, max: 400 } },
  { seed: 3, cluster: tinyCluster(400, 1, { costModel: { kind: 'roofline' }, model: 'llama-2-7b' }) },
);

describe('built-in replica schedulers behave as their papers describe', () => {
  it('vLLM preempts under memory pressure (newest first), the conservative scheduler never does and queues longer', () => {
    const vllm = simulate(pressure, policy('vllm'));
    const orca = simulate(pressure, policy('orca'));
    expect(vllm.metrics.preemptions).toBeGreaterThan(0);
    expect(orca.metrics.preemptions).toBe(0);
    expect(orca.metrics.kvUsageMean).toBeLessThan(vllm.metrics.kvUsageMean);
    expect(orca.metrics.queueLengthMean).toBeGreaterThan(vllm.metrics.queueLengthMean);
  });

  it('Past-Future preempts less than vLLM by admitting on the estimated peak', () => {
    const vllm = simulate(pressure, policy('vllm'));
    const pf = simulate(pressure, policy('past-future'));
    expect(pf.metrics.preemptions).toBeLessThan(vllm.metrics.preemptions);
  });

  it('vLLM runs prefill-only iterations; Sarathi keeps every iteration within its token budget and mixes decodes in', () => {
    let mixed = 0;
    let overBudget = 0;
    let vllmMixed = 0;
    const watch = (inner: LlmPolicy, onBatch: (decodes: number, prefills: number, tokens: number) => void): LlmPolicy => ({
      ...inner,
      id: `${inner.id}-watched`,
      schedule: (view, batch, plan) => {
        inner.schedule!(view, batch, plan);
        let decodes = 0;
        for (let i = 0; i < view.runningCount(batch.replica); i++) {
          const r = view.running(batch.replica, i);
          if (view.inBatch(r) && view.prefillRemaining(r) === 0) decodes++;
        }
        onBatch(decodes, batch.size - decodes, batch.tokens);
      },
    });
    simulate(pressure, watch(policy('sarathi'), (d, p, tokens) => {
      if (d > 0 && p > 0) mixed++;
      if (tokens > 256) overBudget++;
    }), { params: { chunkSize: 256 } });
    simulate(pressure, watch(policy('vllm'), (d, p) => {
      if (d > 0 && p > 0) vllmMixed++;
    }));
    expect(mixed).toBeGreaterThan(10);
    expect(overBudget).toBe(0);
    expect(vllmMixed).toBe(0);
  });

  it('shortest-prompt-first lowers mean TTFT against FCFS chunking when prompts vary', () => {
    const varied = generateWorkload(
      { name: 'varied', arrivals: { kind: 'poisson', rate: 6 }, duration: 30, prompt: { kind: 'lognormal', median: 600, sigma: 1.2, min: 16, max: 4000 }, output: { kind: 'fixed', value: 20 } },
      { seed: 5, cluster: { model: 'llama-2-7b' } },
    );
    expect(simulate(varied, policy('spf')).metrics.ttftMean).toBeLessThan(simulate(varied, policy('sarathi')).metrics.ttftMean);
  });

  it('swap preemption keeps the KV cache and charges PCIe time; the request comes back with swapIn', () => {
    const swapper: LlmPolicy = {
      id: 'swapper',
      label: 'Swapper',
      description: 'swaps request 0 out once, then back in',
      prepare: () => ({ swapped: false }),
      schedule: (view, batch, plan: unknown) => {
        const state = plan as { swapped: boolean };
        const k = batch.replica;
        if (view.swappedCount(k) > 0) {
          const r = view.swapped(k, 0);
          expect(view.cachedTokens(r)).toBeGreaterThan(0);
          batch.swapIn(r);
        }
        for (let i = 0; i < view.runningCount(k); i++) {
          const r = view.running(k, i);
          if (r === 0 && view.generatedTokens(r) === 3 && !state.swapped) {
            state.swapped = true;
            batch.preempt(r, 'swap');
            i--;
            continue;
          }
          if (view.prefillRemaining(r) === 0) batch.decode(r);
        }
        while (view.waitingCount(k) > 0) batch.prefill(view.waiting(k, 0), view.prefillRemaining(view.waiting(k, 0)));
      },
    };
    const sim = createSimulation(scenarioOf([[0, 100, 8], [0, 100, 8]], tinyCluster(100)), swapper);
    while (sim.step());
    const result = sim.result();
    expect(result.counters.swaps).toBe(1);
    expect(result.requests[0].preemptions).toBe(1);
    // Request 0 did not recompute: both requests finish; it lost time only to the swap round trip.
    expect(result.requests[0].finishedAt).toBeGreaterThan(result.requests[1].finishedAt);
  });
});

describe('dispatchers, migration and disaggregation', () => {
  const spread = generateWorkload(
    { name: 'spread', arrivals: { kind: 'poisson', rate: 8 }, duration: 20, prompt: { kind: 'uniform', min: 50, max: 2000 }, output: { kind: 'uniform', min: 10, max: 300 } },
    { seed: 9, cluster: { replicas: 3, model: 'llama-2-7b' } },
  );

  it('round-robin deals requests in turn; least-outstanding-requests balances load', () => {
    const rr = simulate(spread, policy('sarathi'));
    expect(rr.requests.slice(0, 6).map((r) => r.replica)).toEqual([0, 1, 2, 0, 1, 2]);
    const lor = simulate(spread, combinePolicies(policy('sarathi'), policy('lor')));
    const counts = [0, 0, 0];
    for (const r of lor.requests) counts[r.replica]++;
    expect(Math.min(...counts)).toBeGreaterThan(spread.requests.length / 6);
  });

  it('Llumnix migrates running requests between replicas when one is much less free, paying a transfer', () => {
    const skewed = scenarioOf(
      Array.from({ length: 30 }, (_, i) => [i * 0.01, 300, 200] as [number, number, number]),
      tinyCluster(600, 2, { costModel: { kind: 'constant', iterationMs: 10 } }),
    );
    // All requests start on replica 0 (round-robin off: a dispatcher that always picks 0), Llumnix migrates.
    const pinned: LlmPolicy = { ...policy('llumnix'), id: 'pinned-llumnix', dispatch: () => 0 };
    const result = simulate(skewed, combinePolicies(policy('sarathi'), pinned));
    expect(result.metrics.migrations).toBeGreaterThan(0);
    expect(result.requests.some((r) => r.replica === 1)).toBe(true);
    expect(result.timeline.bars.some((b) => result.timeline.groups[b.group] === 'transfer')).toBe(true);
  });

  it('DistServe disaggregation: prefills on prefill replicas, decodes on decode replicas, one KV transfer per request', () => {
    const cluster = { replicas: 3, prefillReplicas: 1, model: 'llama-2-7b' } as const;
    const scenario = { ...spread, cluster };
    const result = simulate(scenario, policy('distserve'));
    const multiToken = result.requests.filter((r) => r.outputTokens > 1).length;
    expect(result.metrics.kvTransfers).toBe(multiToken);
    for (const r of result.requests) expect(r.outputTokens === 1 ? r.replica === 0 : r.replica >= 1).toBe(true);
    expect(() => simulate(scenario, { ...policy('lor'), id: 'to-decode', dispatch: () => 2 })).toThrow(/a decode replica; arriving requests go to a prefill replica/);
  });
});
