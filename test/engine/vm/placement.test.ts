import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomCluster } from '../../../engine/vm/generators/random';
import type { VmPolicy } from '../../../engine/vm/policy-api';
import { createSimulation } from '../../../engine/vm/simulate';
import { InputError, PolicyError } from '../../../engine/core/errors';
import leastAllocated, { balancedAllocationPolicy, mostAllocatedPolicy } from '../../../engine/vm/policies/kube-scheduler';
import greedy from '../../../engine/vm/policies/greedy';
import type { VmScenario, VmSpec } from '../../../engine/vm/model';
import { simulate } from '../../../engine/vm/simulate';
import { pm, scripted, vm } from './tiny-clusters';

const spec = (id: string, cpu: number, priority = 0, memoryPerCore = 1024): VmSpec => ({ id, cpu, memory: cpu * memoryPerCore, numa: 'single', priority });

/** p0 is half used, p1 nearly empty, p2 empty: LeastAllocated spreads onto p2, MostAllocated packs onto p0. */
function cluster(pending: VmSpec[]): VmScenario {
  return {
    name: 'placement',
    pms: [pm('p0', 'r0', 16, 16), pm('p1', 'r0', 16, 16), pm('p2', 'r1', 16, 16)],
    vms: [vm('a', 16, 0, 0), vm('b', 2, 1, 0)],
    pending,
  };
}

describe('placement mode and the Kubernetes scorers', () => {
  it('LeastAllocated picks the emptiest PM, MostAllocated the fullest that fits (kube integer scores)', () => {
    const least = simulate(cluster([spec('x', 4)]), leastAllocated);
    expect(least.mode).toBe('placement');
    expect(least.placements).toEqual([{ vm: 'x', to: { pm: 'p2', numa: [0] }, step: 0 }]);
    const most = simulate(cluster([spec('x', 4)]), mostAllocatedPolicy);
    expect(most.placements[0].to.pm).toBe('p0');
    expect(most.metrics).toMatchObject({ placed: 1, unplaced: 0, placedTopPriority: 1, migrations: 0 });
  });

  it('BalancedAllocation prefers the PM where CPU and memory fill evenly', () => {
    // p0 holds a CPU-heavy VM (16 cores, 1 GB); a memory-heavy VM (4 GB per core) evens p0 out: CPU 20/32 = 0.625,
    // memory 17/32 = 0.53, score 95; on p1 or p2 the shares stay apart (0.19 vs 0.56, 0.125 vs 0.5): score 81.
    const scenario = { ...cluster([spec('m', 4, 0, 4096)]), vms: [{ ...vm('a', 16, 0, 0), memory: 1024 }, vm('b', 2, 1, 0)] };
    const result = simulate(scenario, balancedAllocationPolicy);
    expect(result.placements[0].to.pm).toBe('p0');
  });

  it('places higher priorities first, and leaves what fits nowhere pending', () => {
    const result = simulate(cluster([spec('low', 16, 0), spec('high', 16, 5), spec('giant', 40, 9)]), mostAllocatedPolicy);
    expect(result.placements.map((p) => p.vm)).toEqual(['high', 'low']);
    expect(result.metrics).toMatchObject({ placed: 2, unplaced: 1, placedTopPriority: 0 });
    expect(result.stopReason).toBe('policy');
    expect(result.objectives.map((o) => o.metric)).toEqual(['placedTopPriority', 'placed', 'migrations']);
  });

  it('ties are broken by the seeded stream: same seed, same PM; other seeds reach the other tied PMs', () => {
    const tied: VmScenario = { name: 'tied', pms: [pm('p0', 'r', 8), pm('p1', 'r', 8), pm('p2', 'r', 8)], vms: [], pending: [spec('x', 2)] };
    const chosen = (seed: number) => simulate(tied, leastAllocated, { seed }).placements[0].to.pm;
    expect(chosen(7)).toBe(chosen(7));
    expect(new Set(Array.from({ length: 40 }, (_, s) => chosen(s + 1)))).toEqual(new Set(['p0', 'p1', 'p2']));
  });

  it('a placement policy may migrate a placed VM to make room, within the MNL', () => {
    // 'big' needs a whole empty node; moving b (2 cores) from p1 node 0 to p0 node 1 empties p1 node 0.
    const scenario: VmScenario = { name: 'room', pms: [pm('p0', 'r', 16, 2), pm('p1', 'r', 16)], vms: [vm('a', 16, 0, 0), vm('b', 2, 1, 0)], pending: [spec('big', 16)] };
    const result = simulate(scenario, scripted({ vm: 1, pm: 0, node: 1 }, { vm: 2, pm: 1, node: 0 }), { migrationLimit: 1 });
    expect(result.metrics).toMatchObject({ placed: 1, migrations: 1, unplaced: 0 });
    expect(result.stopReason).toBe('placed-all');
    expect(() => simulate(scenario, scripted({ vm: 1, pm: 0, node: 1 }, { vm: 1, pm: 1, node: 0 }), { migrationLimit: 1 })).toThrow(
      'the migration number limit (1) is used up; place pending VMs or stop',
    );
  });

  it('says which mode a run needs and which policy call is missing', () => {
    expect(() => simulate(cluster([spec('x', 2)]), greedy, { mode: 'rescheduling' })).toThrow(InputError);
    expect(() => simulate(cluster([spec('x', 2)]), greedy)).toThrow(new PolicyError('greedy', 'gives no nextPlacement(), which a run in placement mode calls'));
    expect(() => simulate(cluster([]), leastAllocated)).toThrow('gives no nextMigration(), which a run in rescheduling mode calls');
  });
});

describe('the Kubernetes scorers on random clusters (property)', () => {
  it.each([leastAllocated, mostAllocatedPolicy, balancedAllocationPolicy].map((p) => [p.id, p as VmPolicy] as const))(
    '%s keeps every node within capacity, places by priority, and leaves pending only VMs that fit nowhere',
    (_id, policy) => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 100_000 }), fc.array(fc.tuple(fc.constantFrom(2, 4, 8, 16, 32), fc.integer({ min: 0, max: 2 }), fc.boolean()), { minLength: 1, maxLength: 25 }), (seed, wanted) => {
          const base = randomCluster({ seed, pms: 5, coresPerNode: 16, utilisation: 0.7 });
          const pending = wanted.map(([cpu, priority, double], k): VmSpec => ({ id: `new-${k}`, cpu, memory: cpu * 1024, numa: double || cpu > 16 ? 'double' : 'single', priority }));
          const scenario: VmScenario = { ...base, pending };
          const sim = createSimulation(scenario, policy, { seed });
          while (sim.step());
          const result = sim.result();
          // Priorities never rise along the placement order.
          const priorities = result.placements.map((p) => pending.find((s) => s.id === p.vm)!.priority!);
          expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
          // Capacity, recomputed from the final placement without the engine's bookkeeping.
          const snap = sim.snapshot();
          const free = scenario.pms.map((p) => p.nodes.map((n) => n.cpu));
          [...scenario.vms, ...pending].forEach((vm, v) => {
            const at = snap.vmPm[v];
            if (at < 0) return;
            if (vm.numa === 'double') free[at].forEach((_, n) => (free[at][n] -= vm.cpu / 2));
            else free[at][snap.vmNode[v]] -= vm.cpu;
          });
          expect(free.flat().every((f) => f >= 0)).toBe(true);
          // What stayed pending fits on no PM at the end (placements only take room, so it fitted nowhere at its turn).
          pending.forEach((vm, k) => {
            if (snap.vmPm[base.vms.length + k] >= 0) return;
            const fits = free.some((nodes) => (vm.numa === 'double' ? nodes.every((f) => f >= vm.cpu / 2) : nodes.some((f) => f >= vm.cpu)));
            expect(fits).toBe(false);
          });
          expect(result.metrics.placed + result.metrics.unplaced).toBe(pending.length);
        }),
        { numRuns: 80 },
      );
    },
  );
});
