import { describe, expect, it } from 'vitest';
import { InputError, PolicyError } from '../../../engine/core/errors';
import type { VmScenario } from '../../../engine/vm/model';
import type { Migration, VmPolicy } from '../../../engine/vm/policy-api';
import { createSimulation, simulate } from '../../../engine/vm/simulate';

const node = (cpu: number) => ({ cpu, memory: cpu * 1024 });
const SCENARIO: VmScenario = {
  name: 'small',
  pms: [
    { id: 'p0', status: 'active', rack: 'r0', nodes: [node(8), node(8)] },
    { id: 'p1', status: 'active', rack: 'r0', nodes: [node(12), node(12)] },
    { id: 'p2', status: 'disabled', rack: 'r1', nodes: [node(8), node(8)] },
    { id: 'p3', status: 'active', rack: 'r1', nodes: [node(16)] },
  ],
  vms: [
    { id: 'single', cpu: 4, memory: 4096, numa: 'single', pm: 0, node: 0 },
    { id: 'double', cpu: 8, memory: 8192, numa: 'double', pm: 0 },
    { id: 'big', cpu: 6, memory: 6144, numa: 'single', pm: 1, node: 1 },
    { id: 'fixed', cpu: 2, memory: 2048, numa: 'single', pm: 1, node: 0, movable: false },
  ],
};

/** A policy that asks for the given migrations in order, then stops. */
function scripted(...moves: unknown[]): VmPolicy {
  return { id: 'scripted', label: 'scripted', description: 'test', nextMigration: (view) => (moves[view.migrations] ?? null) as Migration | null };
}

function policyError(moves: unknown[]): string {
  try {
    simulate(SCENARIO, scripted(...moves));
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    return (error as Error).message;
  }
  throw new Error('expected a PolicyError');
}

describe('VM simulation: feasibility errors say what was asked and why it is impossible', () => {
  it('applies feasible moves and records them with the scenario ids', () => {
    const result = simulate(SCENARIO, scripted({ vm: 1, pm: 1 }, { vm: 0, pm: 0, node: 1 }, { vm: 0, pm: 3 }));
    expect(result.migrations).toEqual([
      { vm: 'double', from: { pm: 'p0', numa: [0, 1] }, to: { pm: 'p1', numa: [0, 1] }, step: 0 },
      { vm: 'single', from: { pm: 'p0', numa: [0] }, to: { pm: 'p0', numa: [1] }, step: 1 },
      { vm: 'single', from: { pm: 'p0', numa: [1] }, to: { pm: 'p3', numa: [0] }, step: 2 },
    ]);
    expect(result.stopReason).toBe('policy');
    expect(result.counters).toEqual({ decisions: 4, migrations: 3 });
  });

  it.each([
    [[{ vm: 2, pm: 0, node: 0 }], 'migration 1: moving VM 2 (big, 6 cores, 6144 MB, single-NUMA) from PM 1 (p1) node 1 to PM 0 (p0) node 0 is impossible: node 0 has 0 cores and 0 MB free; the VM needs 6 cores and 6144 MB'],
    [[{ vm: 0, pm: 2 }], 'is impossible: the PM is disabled; only active PMs take VMs'],
    [[{ vm: 0, pm: 0, node: 0 }], 'is impossible: the VM is already on this node'],
    [[{ vm: 1, pm: 0 }], 'is impossible: the VM is already on this PM'],
    [[{ vm: 1, pm: 1, node: 0 }], 'is impossible: a double-NUMA VM takes equal halves on nodes 0 and 1; leave node out'],
    [[{ vm: 1, pm: 3 }], 'is impossible: a double-NUMA VM needs a PM with 2 NUMA nodes; this one has 1'],
    [[{ vm: 3, pm: 0, node: 1 }], 'is impossible: the VM may not migrate (allow_migration is false)'],
    [[{ vm: 9, pm: 0 }], 'migration 1: moving VM 9 to PM 0 (p0) is impossible: VM 9 does not exist (VMs are 0..3)'],
    [[{ vm: 0, pm: 1, node: 2 }], 'is impossible: node 2 does not exist on this PM (nodes are 0..1)'],
    [[{ vm: 0, pm: 1 }, { vm: 1, pm: 1 }, { vm: 2, pm: 1, node: 0 }], 'migration 3: moving VM 2 (big, 6 cores, 6144 MB, single-NUMA) from PM 1 (p1) node 1 to PM 1 (p1) node 0 is impossible: node 0 has 2 cores and 2048 MB free'],
    [[{ vm: 2, pm: 0 }], 'is impossible: no node of the PM other than the VM\'s own has 6 cores and 6144 MB free (node 0: 0 cores and 0 MB; node 1: 4 cores and 4096 MB)'],
  ])('%j', (moves, message) => {
    expect(policyError(moves)).toContain(message);
  });

  it('rejects an answer that is neither a migration nor null', () => {
    const policy: VmPolicy = { id: 'undef', label: 'u', description: 'x', nextMigration: () => undefined as unknown as null };
    expect(() => simulate(SCENARIO, policy)).toThrow('nextMigration() returned undefined for migration 1; expected { vm, pm, node? } or null to stop');
  });

  it('wraps a throwing policy and names the policy', () => {
    const policy: VmPolicy = { id: 'bad', label: 'bad', description: 'x', nextMigration: () => { throw new RangeError('boom'); } };
    expect(() => simulate(SCENARIO, policy)).toThrow('policy "bad": threw RangeError: boom before migration 1');
  });

  it('checks options', () => {
    expect(() => simulate(SCENARIO, scripted(), { migrationLimit: -1 })).toThrow(InputError);
    expect(() => simulate(SCENARIO, scripted(), { fragmentSize: 0 })).toThrow(InputError);
    expect(() => simulate(SCENARIO, scripted(), { params: { nope: 1 } })).toThrow('policy "scripted" has no parameter "nope"');
  });

  it('MNL 0 asks the policy nothing; the step-wise form runs until a migration count', () => {
    const never: VmPolicy = { id: 'never', label: 'never', description: 'x', nextMigration: () => { throw new Error('called'); } };
    expect(simulate(SCENARIO, never, { migrationLimit: 0 }).stopReason).toBe('limit');
    const sim = createSimulation(SCENARIO, scripted({ vm: 0, pm: 1 }, { vm: 0, pm: 0 }, { vm: 0, pm: 1 }));
    sim.runUntil(2);
    expect(sim.now).toBe(2);
    expect(sim.done).toBe(false);
    expect(sim.snapshot().vmPm).toEqual([0, 0, 1, 1]);
    expect(() => sim.result()).toThrow('result() before the run is done');
    sim.runUntil(Infinity);
    expect(sim.result().metrics.migrations).toBe(3);
  });
});
