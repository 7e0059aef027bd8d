import { describe, expect, it } from 'vitest';
import { InputError } from '../../../engine/core/errors';
import greedy from '../../../engine/vm/policies/greedy';
import type { VmEvent, VmScenario } from '../../../engine/vm/model';
import type { VmPolicy } from '../../../engine/vm/policy-api';
import { simulate } from '../../../engine/vm/simulate';
import { fourPms, pm, scripted, vm } from './tiny-clusters';

// p0 node 0 holds a (4 cores), p1 node 0 holds b (4): moving a onto p1 node 0 empties p0 node 0.
const MOVE_A = { vm: 0, pm: 1, node: 0 };

function withEvents(events: VmEvent[]): VmScenario {
  return fourPms({ events });
}

describe('state drift', () => {
  it('applies the plan as is when no event falls inside the decision time', () => {
    const scenario = withEvents([{ time: 5, kind: 'create', vm: { id: 'late', cpu: 12, memory: 12 * 1024, numa: 'single' } }]);
    const still = simulate(scenario, scripted(MOVE_A));
    const drifted = simulate(scenario, scripted(MOVE_A), { drift: { decisionSeconds: 1 } });
    expect(drifted.metrics).toMatchObject({ planned: 1, dropped: 0, arrivals: 0, exits: 0, decisionSeconds: 1 });
    expect(drifted.metrics.frAfter).toBe(still.metrics.frAfter);
    expect(drifted.metrics.frPlanned).toBe(still.metrics.frAfter);
    expect(drifted.drift?.eventsApplied).toBe(0);
  });

  it('drops a migration whose destination filled up while the policy thought, and says why', () => {
    // The plan moves c (8 cores) to p0 node 0, which has 12 free. A 12-core VM arrives at t = 2; best fit puts it
    // where the fewest cores remain, the first node with exactly 12 free: p0 node 0.
    const scenario = withEvents([{ time: 2, kind: 'create', vm: { id: 'new', cpu: 12, memory: 12 * 1024, numa: 'single' } }]);
    const result = simulate(scenario, scripted({ vm: 2, pm: 0, node: 0 }), { drift: { decisionSeconds: 3 } });
    expect(result.metrics).toMatchObject({ planned: 1, dropped: 1, migrations: 0, arrivals: 1, rejectedArrivals: 0 });
    expect(result.drift?.dropped).toEqual([
      { vm: 'c', from: { pm: 'p2', numa: [0] }, to: { pm: 'p0', numa: [0] }, reason: 'node 0 has 0 cores and 0 MB free; the VM needs 8 cores and 8192 MB' },
    ]);
    // FR at the end is the cluster after the arrival alone.
    expect(result.metrics.frAfter).toBe(result.metrics.frAtApply);
    expect(result.frCurve).toEqual([result.metrics.frAtApply]);
  });

  it('drops a migration of a VM that exited, and counts exits', () => {
    const scenario = withEvents([{ time: 0.5, kind: 'delete', vm: 'a' }]);
    const result = simulate(scenario, scripted(MOVE_A, { vm: 2, pm: 3, node: 0 }), { drift: { decisionSeconds: 1 } });
    expect(result.metrics).toMatchObject({ planned: 2, dropped: 1, migrations: 1, exits: 1 });
    expect(result.drift?.dropped[0]).toMatchObject({ vm: 'a', reason: 'the VM has exited the cluster' });
    expect(result.migrations.map((m) => m.vm)).toEqual(['c']);
  });

  it('counts an arrival that finds no room as rejected', () => {
    const scenario = withEvents([{ time: 0, kind: 'create', vm: { id: 'huge', cpu: 40, memory: 1024, numa: 'double' } }]);
    const result = simulate(scenario, scripted(), { drift: { decisionSeconds: 0 } });
    expect(result.metrics).toMatchObject({ arrivals: 1, rejectedArrivals: 1, dropped: 0 });
  });

  it('uses the measured decision time when none is declared, and that figure reproduces the run', () => {
    const scenario: VmScenario = {
      name: 'churn',
      pms: Array.from({ length: 8 }, (_, p) => pm(`p${p}`, `r${p % 2}`, 16, 16)),
      vms: Array.from({ length: 24 }, (_, v) => vm(`v${v}`, [2, 4, 6][v % 3], v % 8, v % 2)),
      events: Array.from({ length: 40 }, (_, k) => ({ time: k * 0.001, kind: 'create' as const, vm: { id: `n${k}`, cpu: 2, memory: 2048, numa: 'single' as const } })),
    };
    const slow: VmPolicy = {
      ...greedy,
      id: 'slow-greedy',
      nextMigration: (view, plan) => {
        const until = Date.now() + 2;
        while (Date.now() < until) {
          // Think for 2 ms per decision, so the measured time lets some arrivals in.
        }
        return greedy.nextMigration!(view, plan);
      },
    };
    const measured = simulate(scenario, slow, { drift: {} });
    expect(measured.metrics.decisionSeconds).toBeGreaterThan(0);
    expect(measured.metrics.arrivals).toBeGreaterThan(0);
    const replay = simulate(scenario, slow, { drift: { decisionSeconds: measured.metrics.decisionSeconds } });
    expect(replay.metrics).toEqual(measured.metrics);
  });

  it('is only for rescheduling runs, and checks the decision time', () => {
    const pending = fourPms({ pending: [{ id: 'p', cpu: 2, memory: 2048, numa: 'single' }] });
    expect(() => simulate(pending, scripted(), { drift: { decisionSeconds: 1 } })).toThrow('state drift applies to rescheduling runs, not to placement');
    expect(() => simulate(fourPms(), scripted(), { drift: { decisionSeconds: -1 } })).toThrow(InputError);
  });

  it('rejects events out of time order and deletes of unknown VMs, naming the event', () => {
    const created = { id: 'x', cpu: 2, memory: 2048, numa: 'single' as const };
    expect(() => simulate(withEvents([{ time: 2, kind: 'create', vm: created }, { time: 1, kind: 'delete', vm: 'a' }]), scripted())).toThrow(
      "event 1: time 1 is before the previous event's 2; events must be in time order",
    );
    expect(() => simulate(withEvents([{ time: 1, kind: 'delete', vm: 'nope' }]), scripted())).toThrow('event 0: deletes VM "nope", which does not exist at that time');
  });
});
