import { describe, expect, it } from 'vitest';
import { PolicyError } from '../../../engine/core/errors';
import { checkSchedule, leftShiftableOperations } from '../../../engine/jobshop/check-schedule';
import { classicInstance, type JobShopInstance } from '../../../engine/jobshop/model';
import type { JobShopPolicy } from '../../../engine/jobshop/policy-api';
import { BUILTIN_POLICIES, findBuiltinPolicy } from '../../../engine/jobshop/policies';
import { SCHEMES } from '../../../engine/jobshop/run-types';
import { createSimulation, simulate } from '../../../engine/jobshop/simulate';
import { listShared, loadFjsp, loadJssp } from './shared-data';

const rules = BUILTIN_POLICIES.filter((p) => p.id !== 'tabu');
const mwkr = findBuiltinPolicy('mwkr')!;

/** A policy that always answers the same priority, so only the engine's tie-breaking decides. */
const constant: JobShopPolicy = { id: 'constant', label: 'Constant', description: 'all equal', priority: () => 0 };

describe('job-shop simulation', () => {
  const ft06 = loadJssp('ft06');

  it.each(SCHEMES)('every built-in rule gives a valid, active schedule on ft06 under the %s scheme', (scheme) => {
    for (const policy of rules) {
      const result = simulate(ft06, policy, { scheme, seed: 7 });
      expect(checkSchedule(ft06, result.schedule), `${policy.id}`).toEqual([]);
      expect(leftShiftableOperations(ft06, result.schedule), `${policy.id}`).toEqual([]);
      expect(result.metrics.makespan).toBeGreaterThanOrEqual(55);
      expect(result.metrics.decisions).toBe(36);
    }
  });

  it('forms the Giffler-Thompson conflict set on the machine of the earliest completion', () => {
    // Job 0: M0 for 3; job 1: M0 for 2; job 2: M1 for 4. Earliest completion is job 1 on M0 at 2; job 0 starts at
    // 0 < 2 on M0, so the conflict set is {job 0, job 1}; job 2 on M1 is not in it.
    const instance = classicInstance('gt', 2, [[[0, 3]], [[0, 2]], [[1, 4]]]);
    const sim = createSimulation(instance, constant, { scheme: 'active' });
    expect(sim.snapshot().candidates.map((c) => c.job)).toEqual([0, 1]);
    const nonDelay = createSimulation(instance, constant, { scheme: 'non-delay' });
    expect(nonDelay.snapshot().candidates.map((c) => c.job)).toEqual([0, 1, 2]);
  });

  it('breaks priority ties by the lower job index', () => {
    const instance = classicInstance('ties', 1, [[[0, 5]], [[0, 1]], [[0, 3]]]);
    const result = simulate(instance, constant, { scheme: 'non-delay' });
    expect(result.schedule.map((s) => s.job)).toEqual([0, 1, 2]);
    expect(simulate(instance, findBuiltinPolicy('spt')!).schedule.map((s) => s.job)).toEqual([1, 2, 0]);
  });

  it('computes the metrics of a schedule by their definitions', () => {
    const instance: JobShopInstance = {
      name: 'tiny',
      machineCount: 1,
      jobs: [
        { operations: [{ alternatives: [{ machine: 0, duration: 4 }] }], due: 3, weight: 2 },
        { operations: [{ alternatives: [{ machine: 0, duration: 2 }] }], due: 10, release: 1 },
      ],
    };
    // FIFO: job 0 (ready 0) then job 1: C0 = 4, C1 = 6.
    const { metrics } = simulate(instance, findBuiltinPolicy('fifo')!);
    expect(metrics.makespan).toBe(6);
    expect(metrics.totalFlowTime).toBe(4 + (6 - 1));
    expect(metrics.totalTardiness).toBe(1);
    expect(metrics.totalWeightedTardiness).toBe(2);
    expect(metrics.maxLateness).toBe(1);
    expect(metrics.tardyJobs).toBe(1);
    expect(metrics.utilisation).toBe(1);
  });

  it('reports the gap to the published bound of a classic instance and to the computed lower bound', () => {
    const { metrics } = simulate(ft06, mwkr);
    expect(metrics.bestKnownBound).toBe(55);
    expect(metrics.gapToBest).toBeCloseTo((metrics.makespan - 55) / 55, 12);
    expect(metrics.lowerBound).toBe(47);
  });

  it('is reproducible: the same seed gives the same schedule, another seed another one', () => {
    const ta01 = loadJssp('ta01');
    const random = findBuiltinPolicy('random')!;
    const a = simulate(ta01, random, { seed: 3 });
    const b = simulate(ta01, random, { seed: 3 });
    const c = simulate(ta01, random, { seed: 4 });
    expect(b.schedule).toEqual(a.schedule);
    expect(c.schedule).not.toEqual(a.schedule);
  });

  it('runs step by step to the same result as a whole run', () => {
    const sim = createSimulation(ft06, mwkr, { scheme: 'active' });
    sim.step();
    sim.step();
    sim.step();
    const snapshot = sim.snapshot();
    expect(snapshot.schedule).toHaveLength(3);
    expect(snapshot.decisions).toBe(3);
    expect(snapshot.candidates.length).toBeGreaterThan(0);
    sim.runUntil(20);
    expect(sim.now).toBeGreaterThanOrEqual(20);
    while (sim.step());
    expect(sim.done).toBe(true);
    expect(sim.result().schedule).toEqual(simulate(ft06, mwkr).schedule);
  });

  it('schedules flexible instances on one of each operation’s machines', () => {
    const mk01 = loadFjsp('mk01');
    for (const scheme of SCHEMES) {
      const result = simulate(mk01, mwkr, { scheme });
      expect(checkSchedule(mk01, result.schedule)).toEqual([]);
      expect(result.metrics.makespan).toBeGreaterThanOrEqual(40);
    }
  });
});

describe('policy errors stop the run and say what was decided and why', () => {
  const instance = classicInstance('small', 2, [
    [
      [0, 2],
      [1, 3],
    ],
    [
      [1, 2],
      [0, 1],
    ],
  ]);

  it('a choice that is not a candidate', () => {
    const bad: JobShopPolicy = { id: 'bad', label: 'Bad', description: '', choose: () => 7 };
    expect(() => simulate(instance, bad)).toThrow(PolicyError);
    expect(() => simulate(instance, bad)).toThrow(/choose\(\) returned job 7, which is not a candidate; candidates: job 0 on machine 0/);
  });

  it('a priority that is not a number', () => {
    const nan: JobShopPolicy = { id: 'nan', label: 'NaN', description: '', priority: () => NaN };
    expect(() => simulate(instance, nan)).toThrow(/priority\(\) returned NaN for job 0 operation 0 on machine 0; expected a number/);
  });

  it('a policy that throws keeps the original error as the cause', () => {
    const boom = new Error('boom');
    const throwing: JobShopPolicy = {
      id: 'throws',
      label: 'Throws',
      description: '',
      priority: (_c, view) => {
        if (view.decisions === 2) throw boom;
        return 0;
      },
    };
    try {
      simulate(instance, throwing);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyError);
      expect((error as PolicyError).message).toMatch(/policy "throws" at t=\d+: threw Error: boom/);
      expect((error as PolicyError).cause).toBe(boom);
    }
  });

  it('reading outside the view is an error, not NaN', () => {
    const outside: JobShopPolicy = { id: 'outside', label: 'Outside', description: '', priority: (_c, v) => v.jobDue(99) };
    expect(() => simulate(instance, outside)).toThrow(/asked about job 99, but jobs are 0..1/);
  });

  it('an undeclared or out-of-range parameter', () => {
    expect(() => simulate(instance, findBuiltinPolicy('atc')!, { params: { k: 50 } })).toThrow(/parameter "k".*\[0.1, 10\]/);
    expect(() => simulate(instance, mwkr, { params: { k: 1 } })).toThrow(/has no parameter "k"/);
  });
});

describe('every published instance', () => {
  it('schedules validly under every scheme (orb07 has an operation of length 0)', () => {
    const classic = listShared('jssp/instances/').map((f) => loadJssp(f.replace('.txt', '')));
    const flexible = listShared('fjsp/instances/').map((f) => loadFjsp(f.replace('.txt', '')));
    expect(classic.length + flexible.length).toBe(172);
    for (const instance of [...classic, ...flexible]) {
      for (const scheme of SCHEMES) {
        const result = simulate(instance, mwkr, { scheme });
        expect(checkSchedule(instance, result.schedule), `${instance.name} ${scheme}`).toEqual([]);
      }
    }
  });
});
