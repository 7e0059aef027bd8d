/** Hand-made clusters for the VM engine's tests: small enough to check every figure by hand. */
import type { PhysicalMachine, VmScenario } from '../../../engine/vm/model';
import type { Migration, VmPolicy } from '../../../engine/vm/policy-api';

/** A node with `cpu` cores and 1 GB per core, so memory never binds unless a test wants it to. */
export const node = (cpu: number) => ({ cpu, memory: cpu * 1024 });

export function pm(id: string, rack: string, ...cores: number[]): PhysicalMachine {
  return { id, status: 'active', rack, nodes: cores.map(node) };
}

/** A VM on `pmIndex` (node `at`, or double-NUMA when `at` is 'double'). */
export function vm(id: string, cpu: number, pmIndex: number, at: number | 'double') {
  return at === 'double'
    ? { id, cpu, memory: cpu * 1024, numa: 'double' as const, pm: pmIndex }
    : { id, cpu, memory: cpu * 1024, numa: 'single' as const, pm: pmIndex, node: at };
}

/** A policy that answers the given decisions in order (a migration, or a plan as an array), then null. */
export function scripted(...answers: (Migration | Migration[])[]): VmPolicy<{ next: number }> {
  const next = (_: unknown, state: { next: number }) => answers[state.next++] ?? null;
  // Plans are for rescheduling; placement takes one decision at a time.
  const single = (view: unknown, state: { next: number }) => next(view, state) as Migration | null;
  return { id: 'scripted', label: 'Scripted', description: 'test policy', prepare: () => ({ next: 0 }), nextMigration: next, nextPlacement: single };
}

/** Two racks of two PMs (2 x 16 cores each); VMs chosen so that fragments are easy to follow. */
export function fourPms(extra: Partial<VmScenario> = {}): VmScenario {
  return {
    name: 'four',
    pms: [pm('p0', 'r0', 16, 16), pm('p1', 'r0', 16, 16), pm('p2', 'r1', 16, 16), pm('p3', 'r1', 16, 16)],
    vms: [vm('a', 4, 0, 0), vm('b', 4, 1, 0), vm('c', 8, 2, 0), vm('d', 12, 3, 1)],
    ...extra,
  };
}
