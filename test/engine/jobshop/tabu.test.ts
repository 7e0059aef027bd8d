import { describe, expect, it } from 'vitest';
import { createRng } from '../../../engine/core/rng';
import { classicInstance, type JobShopInstance } from '../../../engine/jobshop/model';
import type { JobShopPolicy, JobShopProblem } from '../../../engine/jobshop/policy-api';
import tabu, { type TabuPlan } from '../../../engine/jobshop/policies/tabu';
import { simulate } from '../../../engine/jobshop/simulate';
import { readShared } from './shared-data';

/** Standard format: `n m`, then per job `machine duration` pairs (machines from 0). */
function loadStandard(name: string): JobShopInstance {
  const [n, m, ...rest] = readShared(`jssp/instances/${name}.txt`).trim().split(/\s+/).map(Number);
  const jobs = Array.from({ length: n }, (_, j) =>
    Array.from({ length: m }, (_, k) => [rest[2 * (j * m + k)], rest[2 * (j * m + k) + 1]] as [number, number]),
  );
  return classicInstance(name, m, jobs);
}

/** JobShopProblem over a plain instance, as the engine's view gives it to prepare(): defaults, seeded stream. */
function problemOf(instance: JobShopInstance, seed = 1, params: Record<string, number> = {}): JobShopProblem {
  const rng = createRng(seed);
  const values: Record<string, number> = {};
  for (const p of tabu.params ?? []) values[p.name] = params[p.name] ?? p.default;
  const op = (j: number, k: number) => instance.jobs[j].operations[k];
  return {
    jobCount: instance.jobs.length,
    machineCount: instance.machineCount,
    jobOpCount: (j) => instance.jobs[j].operations.length,
    opAlternativeCount: (j, k) => op(j, k).alternatives.length,
    opMachine: (j, k, a = 0) => op(j, k).alternatives[a].machine,
    opDuration: (j, k, a = 0) => op(j, k).alternatives[a].duration,
    jobRelease: (j) => instance.jobs[j].release ?? 0,
    jobDue: (j) => instance.jobs[j].due ?? Infinity,
    jobWeight: (j) => instance.jobs[j].weight ?? 1,
    param: (name) => {
      if (!(name in values)) throw new Error(`undeclared parameter ${name}`);
      return values[name];
    },
    random: () => rng.next(),
  };
}

function prepare(instance: JobShopInstance, seed = 1, params: Record<string, number> = {}): TabuPlan {
  return tabu.prepare!(problemOf(instance, seed, params));
}

/**
 * Checks the plan against the instance, independently of the search: each operation on one of its machines for
 * that machine's duration, precedence and release dates hold, no two operations overlap on a machine. Returns the
 * makespan, which must equal the plan's own.
 */
function checkPlan(instance: JobShopInstance, plan: TabuPlan): number {
  type Bar = { start: number; end: number; label: string };
  const bars: Bar[][] = Array.from({ length: instance.machineCount }, () => []);
  let makespan = 0;
  instance.jobs.forEach((job, j) => {
    let ready = job.release ?? 0;
    job.operations.forEach((operation, k) => {
      const o = plan.jobOpStart[j] + k;
      const alt = operation.alternatives.find((a) => a.machine === plan.machine[o]);
      expect(alt, `job ${j} op ${k} on machine ${plan.machine[o]}`).toBeDefined();
      expect(plan.duration[o]).toBe(alt!.duration);
      const start = plan.start[o];
      expect(start, `job ${j} op ${k} starts before its predecessor ends`).toBeGreaterThanOrEqual(ready);
      ready = start + alt!.duration;
      bars[alt!.machine].push({ start, end: ready, label: `${j}/${k}` });
      makespan = Math.max(makespan, ready);
    });
  });
  for (const [m, list] of bars.entries()) {
    list.sort((a, b) => a.start - b.start);
    for (let i = 1; i < list.length; i++) {
      const overlap = `overlap on machine ${m}: ${list[i - 1].label} and ${list[i].label}`;
      expect(list[i].start, overlap).toBeGreaterThanOrEqual(list[i - 1].end);
    }
  }
  expect(plan.makespan).toBe(makespan);
  return makespan;
}

/** Three jobs, three machines, some operations flexible, one job released late. */
const flexible: JobShopInstance = {
  name: 'flex-tiny',
  machineCount: 3,
  jobs: [
    {
      operations: [
        { alternatives: [{ machine: 0, duration: 3 }, { machine: 1, duration: 5 }] },
        { alternatives: [{ machine: 2, duration: 4 }] },
      ],
    },
    {
      operations: [
        { alternatives: [{ machine: 0, duration: 2 }] },
        { alternatives: [{ machine: 1, duration: 3 }, { machine: 2, duration: 2 }] },
        { alternatives: [{ machine: 0, duration: 4 }, { machine: 1, duration: 4 }] },
      ],
    },
    {
      release: 2,
      operations: [
        { alternatives: [{ machine: 1, duration: 4 }, { machine: 2, duration: 6 }] },
        { alternatives: [{ machine: 0, duration: 3 }] },
      ],
    },
  ],
};

describe('tabu policy', () => {
  const ft06 = loadStandard('ft06');

  it('declares its parameters and paper', () => {
    expect(tabu.id).toBe('tabu');
    expect(tabu.params?.map((p) => p.name)).toEqual(['iterations', 'tenure', 'timeLimitMs']);
    expect(tabu.paper).toMatch(/Nowicki & Smutnicki 1996/);
  });

  it.each([1, 2, 3, 4, 5])('finds the optimum 55 on ft06 with the default budget (seed %i)', (seed) => {
    const plan = prepare(ft06, seed);
    expect(checkPlan(ft06, plan)).toBe(55);
    expect(plan.initialMakespan).toBeGreaterThan(55);
  });

  it('reaches the optimum 666 on la01 and stops there (it equals the machine-load bound)', () => {
    const la01 = loadStandard('la01');
    const plan = prepare(la01, 1);
    expect(checkPlan(la01, plan)).toBe(666);
    expect(plan.iterations).toBeLessThan(20000);
  });

  it('gives the same plan for the same seed', () => {
    const a = prepare(ft06, 7, { iterations: 2000 });
    const b = prepare(ft06, 7, { iterations: 2000 });
    expect(Array.from(a.start)).toEqual(Array.from(b.start));
    expect(Array.from(a.machine)).toEqual(Array.from(b.machine));
    expect(a.iterations).toBe(b.iterations);
  });

  it('with no iterations returns the constructive schedule, valid', () => {
    const plan = prepare(ft06, 1, { iterations: 0 });
    expect(plan.iterations).toBe(0);
    expect(checkPlan(ft06, plan)).toBeLessThanOrEqual(plan.initialMakespan);
  });

  it('stops at the time limit before an iteration budget it could never finish', () => {
    const plan = prepare(ft06, 1, { iterations: 1e7, timeLimitMs: 30 });
    expect(plan.iterations).toBeLessThan(1e7);
    expect(checkPlan(ft06, plan)).toBeGreaterThanOrEqual(55);
  });

  it('plans a flexible instance with release dates validly and prefers the planned machine', () => {
    for (const seed of [1, 2, 3]) {
      const plan = prepare(flexible, seed);
      const makespan = checkPlan(flexible, plan);
      expect(makespan).toBeLessThanOrEqual(plan.initialMakespan);
      // Job 0's first operation: the planned machine gets its planned start, the other one comes after everything.
      const planned = plan.machine[0];
      const other = planned === 0 ? { machine: 1, duration: 5 } : { machine: 0, duration: 3 };
      const cand = (machine: number, duration: number) => ({
        ...{ job: 0, op: 0, earliestStart: 0, earliestEnd: 9 },
        machine,
        duration,
      });
      const view = {} as Parameters<NonNullable<typeof tabu.priority>>[1];
      expect(tabu.priority!(cand(planned, plan.duration[0]), view, plan)).toBe(plan.start[0]);
      expect(tabu.priority!(cand(other.machine, other.duration), view, plan)).toBeGreaterThan(makespan);
    }
  });

  describe('through simulate()', () => {
    /** The tabu policy, keeping the plan the engine's prepare() call made (the engine splits its own stream). */
    function recording(): { policy: JobShopPolicy<TabuPlan>; plan: () => TabuPlan } {
      let plan: TabuPlan | undefined;
      const policy = { ...tabu, prepare: (problem: JobShopProblem) => (plan = tabu.prepare!(problem)) };
      return { policy, plan: () => plan! };
    }

    it('regenerates the planned ft06 schedule under the active scheme: makespan 55, every start as planned', () => {
      const { policy, plan: planOf } = recording();
      const result = simulate(ft06, policy, { scheme: 'active', seed: 1 });
      const plan = planOf();
      expect(plan.makespan).toBe(55);
      expect(result.metrics.makespan).toBe(55);
      for (const s of result.schedule) expect(s.start).toBe(plan.start[plan.jobOpStart[s.job] + s.op]);
    });

    it('is at least as good as the plan under the insertion scheme', () => {
      for (const name of ['ft06', 'la01']) {
        const instance = loadStandard(name);
        const { policy, plan } = recording();
        const result = simulate(instance, policy, { scheme: 'insertion', seed: 2, params: { iterations: 3000 } });
        expect(result.metrics.makespan).toBeLessThanOrEqual(plan().makespan);
      }
    });

    it('follows the flexible plan under the insertion scheme', () => {
      const { policy, plan: planOf } = recording();
      const result = simulate(flexible, policy, { scheme: 'insertion', seed: 1 });
      const plan = planOf();
      expect(result.metrics.makespan).toBeLessThanOrEqual(plan.makespan);
      for (const s of result.schedule) expect(s.machine).toBe(plan.machine[plan.jobOpStart[s.job] + s.op]);
    });
  });
});
