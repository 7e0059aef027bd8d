import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES, combinePolicies, findBuiltinPolicy } from '../../../engine/llm/policies';
import type { LlmScenario } from '../../../engine/llm/model';
import { PHASE } from '../../../engine/llm/run-state';
import { createSimulation, simulate } from '../../../engine/llm/simulate';
import { scenarioOf, tinyCluster } from './helpers';

/**
 * Small random workloads on small caches, so preemption, queueing and (with several replicas) dispatch all happen.
 * Every request needs at most 24 blocks, and every cache has at least 32.
 */
const workloads = fc
  .record({
    rows: fc.array(fc.tuple(fc.double({ min: 0, max: 2, noNaN: true }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 180 })), { minLength: 1, maxLength: 40 }),
    kvBlocks: fc.integer({ min: 32, max: 120 }),
    replicas: fc.integer({ min: 1, max: 3 }),
    cost: fc.constantFrom('constant', 'roofline', 'fitted'),
  })
  .map(({ rows, kvBlocks, replicas, cost }): LlmScenario => {
    const sorted = [...rows].sort((a, b) => a[0] - b[0]);
    const costModel = cost === 'constant' ? ({ kind: 'constant', iterationMs: 10 } as const) : ({ kind: cost } as { kind: 'roofline' | 'fitted' });
    return scenarioOf(sorted, tinyCluster(kvBlocks, replicas, { costModel }));
  });

const schedulers = BUILTIN_POLICIES.filter((p) => typeof p.schedule === 'function' && p.id !== 'distserve');
const policies = fc.constantFrom(
  ...schedulers,
  findBuiltinPolicy('lor')!,
  findBuiltinPolicy('llumnix')!,
  combinePolicies(findBuiltinPolicy('sarathi')!, findBuiltinPolicy('llumnix')!),
  combinePolicies(findBuiltinPolicy('past-future')!, findBuiltinPolicy('lor')!),
);

describe('serving invariants on random workloads (fast-check)', () => {
  it('KV in use never exceeds capacity; every request finishes once with all its tokens; TTFT <= E2E; no token before arrival', () => {
    let preempting = 0;
    fc.assert(
      fc.property(workloads, policies, fc.integer({ min: 1, max: 1000 }), (scenario, policy, seed) => {
        const sim = createSimulation(scenario, policy, { seed });
        const s = sim.state;
        // Plain comparisons in the loop (an expect per step and request would dominate the run time).
        let problem = '';
        while (sim.step() && problem === '') {
          let used = 0;
          for (let k = 0; k < s.replicaCount; k++) {
            if (s.freeBlocks[k] < 0 || s.freeBlocks[k] > s.totalBlocks[k]) problem = `replica ${k} has ${s.freeBlocks[k]} free of ${s.totalBlocks[k]} at t=${sim.now}`;
            used += s.totalBlocks[k] - s.freeBlocks[k];
          }
          if (used !== s.usedBlocksTotal) problem = `blocks in use ${used} != tracked ${s.usedBlocksTotal}`;
          for (let r = 0; r < s.arrivedCount; r++) {
            if (s.phase[r] === PHASE.running && s.blocks[r] < Math.ceil(s.cached[r] / s.blockSize)) problem = `request ${r} caches ${s.cached[r]} tokens in ${s.blocks[r]} blocks`;
            if (s.generated[r] > scenario.requests[r].outputTokens) problem = `request ${r} generated too many tokens`;
          }
        }
        expect(problem).toBe('');
        const result = sim.result();
        const order = Array.from(s.finishOrder);
        expect(new Set(order).size).toBe(scenario.requests.length);
        result.requests.forEach((rec, i) => {
          expect(s.phase[i]).toBe(PHASE.finished);
          expect(s.generated[i]).toBe(scenario.requests[i].outputTokens);
          expect(rec.firstTokenAt).toBeGreaterThan(rec.arrival);
          expect(rec.firstTokenAt - rec.arrival).toBeLessThanOrEqual(rec.finishedAt - rec.arrival);
        });
        expect(result.metrics.kvUsagePeak).toBeLessThanOrEqual(1);
        if (result.metrics.preemptions > 0) preempting++;
      }),
      { numRuns: 150 },
    );
    // The generator must actually reach memory pressure, or the capacity check proves little.
    expect(preempting).toBeGreaterThan(5);
  });

  it("Little's law holds on the recorded series: time-average in system = arrival rate x mean latency", () => {
    fc.assert(
      fc.property(workloads, fc.constantFrom(...schedulers), (scenario, policy) => {
        const result = simulate(scenario, policy);
        const { series } = result;
        // Integrate the bucket means back over the buckets.
        let area = 0;
        series.inSystem.forEach((mean, b) => {
          const start = series.time[b];
          const end = b + 1 < series.time.length ? series.time[b + 1] : Math.max(...result.requests.map((r) => r.finishedAt));
          area += mean * (end - start);
        });
        const latencySum = result.requests.reduce((sum, r) => sum + (r.finishedAt - r.arrival), 0);
        expect(area).toBeCloseTo(latencySum, 6);
        const horizon = Math.max(...result.requests.map((r) => r.finishedAt));
        expect(result.metrics.inSystemMean).toBeCloseTo((result.requests.length / horizon) * (latencySum / result.requests.length), 9);
      }),
      { numRuns: 60 },
    );
  });

  it('the same seed gives identical results, to the bit', () => {
    fc.assert(
      fc.property(workloads, policies, fc.integer({ min: 1, max: 1000 }), (scenario, policy, seed) => {
        const a = simulate(scenario, policy, { seed });
        const b = simulate(scenario, policy, { seed });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 40 },
    );
  });
});
