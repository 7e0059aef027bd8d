import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule, leftShiftableOperations } from '../../../engine/jobshop/check-schedule';
import type { JobShopInstance } from '../../../engine/jobshop/model';
import type { JobShopPolicy } from '../../../engine/jobshop/policy-api';
import { findBuiltinPolicy } from '../../../engine/jobshop/policies';
import { SCHEMES } from '../../../engine/jobshop/run-types';
import { simulate } from '../../../engine/jobshop/simulate';

/**
 * Small random instances: 1-6 machines, 1-6 jobs, 1-5 operations each, 1-3 alternatives, optional dates.
 * Durations start at `minDuration`: 0 is allowed (orb07 has one) and every schedule must still be valid, but an
 * operation of length 0 that sets the Giffler-Thompson time can leave an unforced gap, so activeness is only
 * promised for positive durations.
 */
const instancesWithDurationsFrom = (minDuration: number) => fc
  .integer({ min: 1, max: 6 })
  .chain((machineCount) =>
    fc.record({
      name: fc.constant('prop'),
      machineCount: fc.constant(machineCount),
      jobs: fc.array(
        fc.record(
          {
            operations: fc.array(
              fc.record({
                alternatives: fc.uniqueArray(
                  fc.record({ machine: fc.integer({ min: 0, max: machineCount - 1 }), duration: fc.integer({ min: minDuration, max: 20 }) }),
                  { minLength: 1, maxLength: 3, selector: (a) => a.machine },
                ),
              }),
              { minLength: 1, maxLength: 5 },
            ),
            release: fc.integer({ min: 0, max: 30 }),
            due: fc.integer({ min: 0, max: 120 }),
            weight: fc.integer({ min: 1, max: 5 }),
          },
          { requiredKeys: ['operations'] },
        ),
        { minLength: 1, maxLength: 6 },
      ),
    }),
  ) as fc.Arbitrary<JobShopInstance>;
const instanceArb = instancesWithDurationsFrom(1);
const instanceWithZerosArb = instancesWithDurationsFrom(0);

const policyArb = fc.constantFrom(...['spt', 'mwkr', 'fifo', 'edd', 'mdd', 'cr', 'atc', 'random', 'fdd-mwkr'].map((id) => findBuiltinPolicy(id)!));

describe('schedule invariants on random instances (fast-check)', () => {
  it('every scheme gives a valid schedule, and without breakdowns an active one', () => {
    fc.assert(
      fc.property(instanceArb, policyArb, fc.constantFrom(...SCHEMES), fc.integer({ min: 0, max: 1000 }), (instance, policy, scheme, seed) => {
        const result = simulate(instance, policy, { scheme, seed });
        expect(checkSchedule(instance, result.schedule)).toEqual([]);
        expect(leftShiftableOperations(instance, result.schedule)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('operations of length 0 still give valid schedules under every scheme', () => {
    fc.assert(
      fc.property(instanceWithZerosArb, policyArb, fc.constantFrom(...SCHEMES), (instance, policy, scheme) => {
        expect(checkSchedule(instance, simulate(instance, policy, { scheme }).schedule)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('with seeded breakdowns, work never runs on a machine that is down and interrupted work resumes', () => {
    fc.assert(
      fc.property(
        instanceWithZerosArb,
        policyArb,
        fc.constantFrom(...SCHEMES),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 3, max: 40 }),
        fc.integer({ min: 1, max: 10 }),
        (instance, policy, scheme, seed, mtbf, mttr) => {
          const result = simulate(instance, policy, { scheme, seed, breakdowns: { mtbf, mttr } });
          expect(checkSchedule(instance, result.schedule, result.downtime)).toEqual([]);
          const again = simulate(instance, policy, { scheme, seed, breakdowns: { mtbf, mttr } });
          expect(again.schedule).toEqual(result.schedule);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the non-delay scheme never offers a candidate that could start later than another', () => {
    const spy: JobShopPolicy = {
      id: 'spy',
      label: 'Spy',
      description: 'checks what it is offered',
      priority: (c, view) => {
        if (c.earliestStart !== view.time) throw new Error(`offered start ${c.earliestStart} at time ${view.time}`);
        return c.job;
      },
    };
    fc.assert(
      fc.property(instanceArb, (instance) => {
        expect(() => simulate(instance, spy, { scheme: 'non-delay' })).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it('online runs never offer a job before its release', () => {
    const spy: JobShopPolicy = {
      id: 'spy',
      label: 'Spy',
      description: 'checks releases',
      priority: (c, view) => {
        if (!view.jobReleased(c.job)) throw new Error(`job ${c.job} offered at ${view.time} before its release`);
        return 0;
      },
    };
    fc.assert(
      fc.property(instanceArb, fc.constantFrom(...SCHEMES), (instance, scheme) => {
        const result = simulate(instance, spy, { scheme, online: true });
        expect(checkSchedule(instance, result.schedule)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('single machine total tardiness (m = 1 with due dates)', () => {
  /** Baker & Bertrand's MDD written out directly: with t the time sequenced, pick min max(t + p, d), ties lowest. */
  function bakerBertrand(jobs: { p: number; d: number }[]): number[] {
    const left = jobs.map((_, j) => j);
    const order: number[] = [];
    let t = 0;
    while (left.length > 0) {
      let best = 0;
      for (let i = 1; i < left.length; i++) {
        const key = (j: number) => Math.max(t + jobs[j].p, jobs[j].d);
        if (key(left[i]) < key(left[best])) best = i;
      }
      const [j] = left.splice(best, 1);
      order.push(j);
      t += jobs[j].p;
    }
    return order;
  }

  const smttArb = fc.array(fc.record({ p: fc.integer({ min: 1, max: 30 }), d: fc.integer({ min: 0, max: 200 }) }), {
    minLength: 1,
    maxLength: 15,
  });
  const toInstance = (jobs: { p: number; d: number }[]): JobShopInstance => ({
    name: 'smtt',
    machineCount: 1,
    jobs: jobs.map(({ p, d }) => ({ operations: [{ alternatives: [{ machine: 0, duration: p }] }], due: d })),
  });

  it('MDD sequences exactly as Baker & Bertrand, and EDD by due date', () => {
    fc.assert(
      fc.property(smttArb, (jobs) => {
        const instance = toInstance(jobs);
        for (const scheme of SCHEMES) {
          expect(simulate(instance, findBuiltinPolicy('mdd')!, { scheme }).schedule.map((s) => s.job)).toEqual(bakerBertrand(jobs));
          const edd = simulate(instance, findBuiltinPolicy('edd')!, { scheme }).schedule.map((s) => s.job);
          expect(edd).toEqual(jobs.map((_, j) => j).sort((a, b) => jobs[a].d - jobs[b].d || a - b));
        }
      }),
      { numRuns: 200 },
    );
  });
});
