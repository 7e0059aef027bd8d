import { describe, expect, it } from 'vitest';
import { findScenario } from '../../../engine/jobshop/catalogue';
import { criticalPath, criticalPathSteps } from '../../../engine/jobshop/critical-path';
import { classicInstance } from '../../../engine/jobshop/model';
import { BUILTIN_POLICIES } from '../../../engine/jobshop/policies';
import type { ScheduledOperation } from '../../../engine/jobshop/run-types';
import { SCHEMES } from '../../../engine/jobshop/run-types';
import { simulate } from '../../../engine/jobshop/simulate';

const rules = BUILTIN_POLICIES.filter((p) => p.id !== 'tabu');

/** Each step starts exactly when the previous one ends, and the two share the job (next op) or the machine. */
function expectTightChain(schedule: readonly ScheduledOperation[], path: readonly number[]): void {
  for (let k = 1; k < path.length; k++) {
    const prev = schedule[path[k - 1]];
    const next = schedule[path[k]];
    expect(next.start).toBe(prev.end);
    const sameJob = next.job === prev.job && next.op === prev.op + 1;
    expect(sameJob || next.machine === prev.machine).toBe(true);
  }
}

describe('critical path', () => {
  const ft06 = findScenario('ft06')!.create();

  it.each(SCHEMES)('on ft06 (%s scheme) runs from time 0 to the makespan through tight links', (scheme) => {
    for (const policy of rules) {
      const result = simulate(ft06, policy, { scheme, seed: 3 });
      const path = criticalPath(ft06, result.schedule);
      const ops = path.map((i) => result.schedule[i]);
      expect(ops[0].start, policy.id).toBe(0);
      expect(ops[ops.length - 1].end, policy.id).toBe(result.metrics.makespan);
      expectTightChain(result.schedule, path);
      const total = ops.reduce((sum, s) => sum + (s.end - s.start), 0);
      expect(total, policy.id).toBe(result.metrics.makespan);
    }
  });

  it('follows the job link first and the machine link when the job does not explain the start', () => {
    // J0: M0 3, M1 2; J1: M0 2, M1 4. J1 op 1 starts at 5, when both its job and M1 free up; J1 op 0 starts at 3,
    // when M0 frees up (J0 op 0 ends), so the path is J0 op 0 -> J1 op 0 -> J1 op 1, 3 + 2 + 4 = 9.
    const instance = classicInstance('hand', 2, [
      [[0, 3], [1, 2]],
      [[0, 2], [1, 4]],
    ]);
    const schedule: ScheduledOperation[] = [
      { job: 0, op: 0, machine: 0, start: 0, end: 3 },
      { job: 1, op: 0, machine: 0, start: 3, end: 5 },
      { job: 0, op: 1, machine: 1, start: 3, end: 5 },
      { job: 1, op: 1, machine: 1, start: 5, end: 9 },
    ];
    expect(criticalPathSteps(instance, schedule)).toEqual([
      { index: 0, after: 'time-zero' },
      { index: 1, after: 'machine' },
      { index: 3, after: 'job' },
    ]);
  });

  it('starts at a release date or at the end of a breakdown', () => {
    const instance = { ...classicInstance('rel', 1, [[[0, 2]], [[0, 3]]]) };
    const released = { ...instance, jobs: [instance.jobs[0], { ...instance.jobs[1], release: 10 }] };
    const schedule: ScheduledOperation[] = [
      { job: 0, op: 0, machine: 0, start: 0, end: 2 },
      { job: 1, op: 0, machine: 0, start: 10, end: 13 },
    ];
    expect(criticalPathSteps(released, schedule)).toEqual([{ index: 1, after: 'release' }]);
    // Without the release, machine 0 is down over [2, 10): J1 waits for the repair.
    const down = [{ machine: 0, start: 2, end: 10 }];
    expect(criticalPathSteps(instance, schedule, down)).toEqual([{ index: 1, after: 'breakdown' }]);
  });

  it('prefers a chain to time 0 over one from a breakdown, and marks unexplained idle time', () => {
    const instance = classicInstance('pick', 2, [[[0, 4], [1, 1]], [[1, 2]]]);
    const schedule: ScheduledOperation[] = [
      { job: 0, op: 0, machine: 0, start: 0, end: 4 },
      { job: 1, op: 0, machine: 1, start: 0, end: 2 },
      { job: 0, op: 1, machine: 1, start: 4, end: 5 },
    ];
    expect(criticalPath(instance, schedule, [{ machine: 1, start: 3, end: 4 }])).toEqual([0, 2]);
    const delayed = schedule.map((s) => (s.job === 0 ? { ...s, start: s.start + 1, end: s.end + 1 } : s));
    expect(criticalPathSteps(instance, delayed)).toEqual([
      { index: 0, after: 'idle' },
      { index: 2, after: 'job' },
    ]);
  });

  it('keeps every link tight on ft06 runs with breakdowns', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const result = simulate(ft06, rules[0], { seed, breakdowns: { mtbf: 15, mttr: 4 } });
      const steps = criticalPathSteps(ft06, result.schedule, result.downtime);
      const path = steps.map((s) => s.index);
      expect(result.schedule[path[path.length - 1]].end).toBe(result.metrics.makespan);
      expectTightChain(result.schedule, path);
      const first = result.schedule[path[0]];
      const repaired = result.downtime.some((d) => d.machine === first.machine && d.end === first.start);
      expect(first.start === 0 || (steps[0].after === 'breakdown' && repaired), `seed ${seed}`).toBe(true);
    }
  });

  it('is empty for an empty schedule', () => {
    expect(criticalPath(findScenario('ft06')!.create(), [])).toEqual([]);
  });
});
