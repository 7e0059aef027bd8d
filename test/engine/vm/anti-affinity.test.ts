import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PolicyError } from '../../../engine/core/errors';
import { randomCluster } from '../../../engine/vm/generators/random';
import { parseVmr2l } from '../../../engine/vm/parsers/vmr2l';
import type { VmScenario } from '../../../engine/vm/model';
import type { VmPolicy } from '../../../engine/vm/policy-api';
import { createSimulation, simulate } from '../../../engine/vm/simulate';
import { fourPms, scripted } from './tiny-clusters';

describe('anti-affinity groups', () => {
  it('a host-level group forbids a PM that holds another member, and the error names it', () => {
    const scenario = fourPms({ antiAffinity: [{ granularity: 'host', vms: ['a', 'b'] }] });
    expect(() => simulate(scenario, scripted({ vm: 0, pm: 1, node: 1 }))).toThrow(
      'migration 1: moving VM 0 (a, 4 cores, 4096 MB, single-NUMA) from PM 0 (p0) node 0 to PM 1 (p1) node 1 is impossible: anti-affinity (host level): VM 1 (b) of the same group is on this PM',
    );
    // Another PM in the same rack is fine for a host-level group.
    expect(simulate(scenario, scripted({ vm: 0, pm: 2, node: 1 })).metrics.migrations).toBe(1);
  });

  it('a rack-level group forbids every PM of a rack that holds another member, but not a move inside its own rack', () => {
    const scenario = fourPms({ antiAffinity: [{ granularity: 'rack', vms: ['a', 'c'] }] });
    expect(() => simulate(scenario, scripted({ vm: 0, pm: 3, node: 0 }))).toThrow('anti-affinity (rack level): VM 2 (c) of the same group is on rack r1');
    expect(simulate(scenario, scripted({ vm: 0, pm: 1, node: 1 })).metrics.migrations).toBe(1);
  });

  it('the view reports groups, and canMove agrees with the engine', () => {
    const scenario = fourPms({ antiAffinity: [{ granularity: 'host', vms: ['a', 'b'] }, { granularity: 'rack', vms: ['b', 'd'] }] });
    const seen: unknown[] = [];
    const probe: VmPolicy = {
      id: 'probe',
      label: 'probe',
      description: 'test',
      nextMigration: (view) => {
        seen.push(view.groupCount, view.groupRackLevel(1), view.groupSize(0), view.groupMember(1, 1), view.vmGroupCount(1), view.vmGroup(1, 1));
        seen.push(view.canMove(0, 1, 1), view.canMove(0, 2, 0), view.canMove(1, 3, 0), view.canMove(1, 0, 1));
        return null;
      },
    };
    simulate(scenario, probe);
    expect(seen).toEqual([2, true, 2, 3, 2, 1, false, true, false, false]);
  });

  it('holds at every step of random runs on random clusters with random groups (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 4, max: 12 }), fc.boolean(), (seed, pms, rackLevel) => {
        const base = randomCluster({ seed, pms, coresPerNode: 16, utilisation: 0.6 });
        // Members that start apart, so the rule holds at the start and must keep holding.
        const place = (v: number) => (rackLevel ? base.pms[base.vms[v].pm].rack : String(base.vms[v].pm));
        const members: string[] = [];
        const used = new Set<string>();
        base.vms.forEach((vm, v) => {
          if (!used.has(place(v)) && members.length < 4) {
            used.add(place(v));
            members.push(vm.id);
          }
        });
        const scenario: VmScenario = { ...base, antiAffinity: [{ granularity: rackLevel ? 'rack' : 'host', vms: members }] };
        const wanderer: VmPolicy = {
          id: 'wanderer',
          label: 'wanderer',
          description: 'moves group members anywhere canMove allows',
          nextMigration: (view) => {
            for (let k = 0; k < 50; k++) {
              const vm = view.groupMember(0, Math.floor(view.random() * view.groupSize(0)));
              const pm = Math.floor(view.random() * view.pmCount);
              if (view.canMove(vm, pm)) return { vm, pm };
            }
            return null;
          },
        };
        const sim = createSimulation(scenario, wanderer, { seed, migrationLimit: 30 });
        const rackOf = new Map(scenario.pms.map((p, i) => [i, p.rack]));
        do {
          const at = members.map((id) => sim.snapshot().vmPm[scenario.vms.findIndex((vm) => vm.id === id)]);
          const keys = at.map((p) => (rackLevel ? rackOf.get(p) : p));
          expect(new Set(keys).size).toBe(keys.length);
        } while (sim.step());
      }),
      { numRuns: 60 },
    );
  });

  it('reads VMR2L deployment sets, and names an unknown VM id by line', () => {
    const host = (id: string) => ({ node_id: id, status: 'ACTIVE', rack_id: 1, numa: [{ node: 0, total_cpu: 8, memory_huge_total_mb: 8192 }] });
    const vmEntry = (id: string, hostId: string) => ({ instance_id: id, host_id: hostId, numa: [{ node: 0, cpu: 2, mem_mb: 1024 }] });
    const file = (ids: string[]) =>
      JSON.stringify(
        { cluster_list: [{ cluster_name: 'c', host_info: [host('h0'), host('h1')], vm_instance: [vmEntry('x', 'h0'), vmEntry('y', 'h1')], other_requirement: { deployment_set: [{ granularity: 'host', data: ids }] } }] },
        null,
        1,
      );
    expect(parseVmr2l(file(['x', 'y'])).antiAffinity).toEqual([{ granularity: 'host', vms: ['x', 'y'] }]);
    try {
      parseVmr2l(file(['x', 'zz']), { source: 'set.json' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/^set\.json:\d+:\d+: cluster_list\[0\]\.other_requirement\.deployment_set\[0\]\.data\[1\] is "zz", which is not a vm_instance instance_id$/);
    }
  });

  it('a policy error is a PolicyError, so the lab can point at the policy', () => {
    const scenario = fourPms({ antiAffinity: [{ granularity: 'host', vms: ['a', 'b'] }] });
    expect(() => simulate(scenario, scripted({ vm: 0, pm: 1 }))).toThrow(PolicyError);
  });
});
