import { describe, expect, it } from 'vitest';
import { combinePolicies, findBuiltinPolicy } from '../../../engine/llm/policies';
import type { LlmPolicy } from '../../../engine/llm/policy-api';
import type { LlmIteration } from '../../../engine/llm/run-types';
import { createSimulation, simulate } from '../../../engine/llm/simulate';
import { generateWorkload } from '../../../engine/llm/workloads/generate';
import { withSeededMathRandom } from '../../../workers/seeded-math-random';
import { scenarioOf, tinyCluster } from './helpers';

// recordIterations keeps the last batch formed for step-by-step lessons; it must not change what a run computes.

const policy = (id: string) => findBuiltinPolicy(id)!;

/** Memory pressure on two replicas: preemptions, swaps and chunked prefills all happen. */
const pressure = generateWorkload(
  { name: 'pressure', arrivals: { kind: 'poisson', rate: 20 }, duration: 6, prompt: { kind: 'uniform', min: 100, max: 400 }, output: { kind: 'uniform', min: 50, max: 300 } },
  { seed: 3, cluster: tinyCluster(400, 2, { costModel: { kind: 'roofline' }, model: 'llama-2-7b' }) },
);

/** Dispatch drawn with Math.random (seeded by the run): recording must not take an extra draw. */
const mathRandomDispatch: LlmPolicy = { id: 'mr', label: 'MR', description: 'random dispatch', dispatch: (view) => Math.floor(Math.random() * view.replicaCount) };

describe('LLM recordIterations', () => {
  it('gives the same result to the bit with recording on and off', () => {
    const policies: LlmPolicy[] = [
      policy('vllm'),
      policy('sarathi'),
      combinePolicies(policy('vllm'), policy('llumnix')) as LlmPolicy,
      combinePolicies(policy('sarathi'), policy('lor')) as LlmPolicy,
      mathRandomDispatch,
    ];
    for (const p of policies) {
      const run = (recordIterations: boolean) => withSeededMathRandom(4, () => simulate(pressure, p, { seed: 4, recordIterations }));
      const off = run(false);
      const on = run(true);
      expect(on, p.id).toEqual(off);
      expect(on.counters.iterations).toBeGreaterThan(10);
    }
    expect(simulate(pressure, policy('vllm')).counters.preemptions).toBeGreaterThan(0);
  });

  it('records each batch as it is formed: its replica, start and entries; prefill and decode tokens add up per request', () => {
    // No memory pressure, so no recomputation: a request prefills exactly its prompt, and decodes output - 1 tokens
    // (the last prefill chunk emits the first token).
    const rows = [
      [0, 300, 4],
      [0, 40, 6],
      [0.005, 700, 3],
      [0.02, 90, 5],
    ] as const;
    const scenario = scenarioOf(rows, { replicas: 2, kvBlocks: 1000, blockSize: 16, costModel: { kind: 'constant', iterationMs: 10 } });
    const sim = createSimulation(scenario, combinePolicies(policy('sarathi'), policy('round-robin')) as LlmPolicy, { recordIterations: true });
    expect(sim.lastIteration()).toBeUndefined();
    const seen: LlmIteration[] = [];
    while (!sim.done) {
      const before = sim.iterationsStarted;
      sim.step();
      if (sim.iterationsStarted === before) continue;
      expect(sim.iterationsStarted).toBe(before + 1);
      const iteration = sim.lastIteration()!;
      expect(iteration.start).toBe(sim.now);
      expect(sim.snapshot().replicas[iteration.replica].busy).toBe(true);
      seen.push(iteration);
    }
    expect(seen.length).toBe(sim.result().counters.iterations);
    const prefilled = rows.map(() => 0);
    const decoded = rows.map(() => 0);
    for (const { batch } of seen) {
      for (const entry of batch) {
        prefilled[entry.request] += entry.prefillTokens;
        if (entry.decode) decoded[entry.request]++;
        expect(entry.decode).toBe(entry.prefillTokens === 0);
      }
    }
    expect(prefilled).toEqual(rows.map(([, prompt]) => prompt));
    expect(decoded).toEqual(rows.map(([, , output]) => output - 1));
    // Round robin: requests 0 and 2 on replica 0, 1 and 3 on replica 1.
    expect(seen.find((it) => it.batch.some((e) => e.request === 2))!.replica).toBe(0);
    expect(seen.find((it) => it.batch.some((e) => e.request === 3))!.replica).toBe(1);
  });

  it('records nothing unless asked', () => {
    const sim = createSimulation(pressure, policy('vllm'));
    while (sim.iterationsStarted === 0) sim.step();
    expect(sim.lastIteration()).toBeUndefined();
  });
});
