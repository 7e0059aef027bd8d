import { describe, expect, it } from 'vitest';
import { findScenario } from '../../../engine/jobshop/catalogue';
import type { JobShopPolicy } from '../../../engine/jobshop/policy-api';
import { findBuiltinPolicy } from '../../../engine/jobshop/policies';
import { SCHEMES } from '../../../engine/jobshop/run-types';
import { createSimulation, simulate } from '../../../engine/jobshop/simulate';
import { withSeededMathRandom } from '../../../workers/seeded-math-random';

// recordDecisions keeps the last decision for step-by-step lessons; it must not change what a run computes.

const ft06 = findScenario('ft06')!.create();
const flexible = findScenario('teach-flex-6x4')!.create();

/** Math.random priorities (the run seeds it): recording must not take an extra draw from the stream. */
const mathRandom: JobShopPolicy = { id: 'math-random', label: 'Math.random', description: 'random', priority: () => Math.random() };

const policies: JobShopPolicy[] = [
  findBuiltinPolicy('spt')!,
  findBuiltinPolicy('mwkr')!,
  findBuiltinPolicy('random')!, // view.random()
  findBuiltinPolicy('atc')!, // choose
  findBuiltinPolicy('tabu')!, // prepare + priority
  mathRandom,
];

describe('job-shop recordDecisions', () => {
  it.each(SCHEMES)('gives the same result to the bit with recording on and off (%s scheme, classic and flexible)', (scheme) => {
    for (const instance of [ft06, flexible]) {
      for (const policy of policies) {
        const run = (recordDecisions: boolean) => withSeededMathRandom(5, () => simulate(instance, policy, { scheme, seed: 5, recordDecisions }));
        const off = run(false);
        const on = run(true);
        expect(on, `${policy.id} on ${instance.name}`).toEqual(off);
        expect(on.metrics.makespan).toBeGreaterThan(0);
      }
    }
  });

  it('records the candidates with the priorities the policy returned, and the chosen one is the operation placed', () => {
    const random = findBuiltinPolicy('random')!;
    let returned: number[] = [];
    const logged: JobShopPolicy = {
      ...random,
      priority: (c, view, plan) => {
        const value = random.priority!(c, view, plan);
        returned.push(value);
        return value;
      },
    };
    const sim = createSimulation(flexible, logged, { seed: 3, recordDecisions: true });
    expect(sim.lastDecision()).toBeUndefined();
    let decisions = 0;
    for (;;) {
      const offered = sim.snapshot().candidates;
      returned = [];
      if (!sim.step()) break;
      decisions++;
      const decision = sim.lastDecision()!;
      expect(decision.candidates.map((c) => c.priority)).toEqual(returned);
      expect(decision.candidates.map(({ priority: _p, ...c }) => c)).toEqual(offered);
      // Lowest priority wins (random values do not tie).
      expect(decision.chosen).toBe(returned.indexOf(Math.min(...returned)));
      const { priority: _p, ...chosen } = decision.candidates[decision.chosen];
      expect(sim.snapshot().schedule.at(-1)).toEqual(chosen);
    }
    expect(decisions).toBe(flexible.jobs.reduce((n, job) => n + job.operations.length, 0));
  });

  it('records a choose decision without priorities', () => {
    const atc = findBuiltinPolicy('atc')!;
    const sim = createSimulation(ft06, atc, { recordDecisions: true });
    for (let k = 0; k < 10; k++) sim.step();
    const decision = sim.lastDecision()!;
    expect(decision.candidates.length).toBeGreaterThan(0);
    for (const c of decision.candidates) expect('priority' in c).toBe(false);
    const { job, op, machine, start, end } = sim.snapshot().schedule[9];
    expect(decision.candidates[decision.chosen]).toEqual({ job, op, machine, start, end });
  });

  it('records nothing unless asked', () => {
    const sim = createSimulation(ft06, findBuiltinPolicy('spt')!);
    sim.step();
    expect(sim.lastDecision()).toBeUndefined();
  });
});
