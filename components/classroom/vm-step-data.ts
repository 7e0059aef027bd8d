import { compileScenario, type CompiledScenario } from '../../engine/vm/compile';
import type { MigrationRecord, PlacementRecord, VmPlace, VmScenario, VmSnapshot } from '../../engine/vm';
import type { OccupancyData, OccupancyPanel } from '../charts/occupancy-types';
import { FRAGMENT_SIZE } from '../vm-lab/use-occupancy-data';

/**
 * What the VM step view draws at a frame, from the engine's own snapshot of the live simulation (vmPm / vmNode of
 * every VM the policy sees, in the engine's VM order: the snapshot's VMs, then the pending ones): cores in use per
 * node for the occupancy map, and the steps the last decision made, for the marks and the text.
 */

/** The scenario's lookups, built once per request. */
export interface VmStepCluster {
  readonly compiled: CompiledScenario;
  readonly vms: readonly { readonly id: string; readonly cpu: number }[];
  readonly pmIndex: ReadonlyMap<string, number>;
}

export function vmStepCluster(scenario: VmScenario): VmStepCluster {
  const compiled = compileScenario(scenario);
  const vms = Array.from({ length: compiled.vmCount }, (_, v) => ({ id: compiled.vmIds[v], cpu: compiled.vmCpu[v] }));
  return { compiled, vms, pmIndex: new Map(scenario.pms.map((pm, p) => [pm.id, p])) };
}

/** Cores in use per NUMA node (global node order) for a placement; a double-NUMA VM takes half on each node. */
export function usedCoresOf(compiled: CompiledScenario, vmPm: readonly number[], vmNode: readonly number[]): Float64Array {
  const used = new Float64Array(compiled.nodeCount);
  for (let v = 0; v < vmPm.length; v++) {
    const p = vmPm[v];
    if (p < 0) continue;
    const first = compiled.pmNodeStart[p];
    if (vmNode[v] < 0) {
      used[first] += compiled.vmCpu[v] / 2;
      used[first + 1] += compiled.vmCpu[v] / 2;
    } else {
      used[first + vmNode[v]] += compiled.vmCpu[v];
    }
  }
  return used;
}

/** One step the last decision made: a migration (with where from) or a placement. */
export type VmStep = { readonly kind: 'migration'; readonly record: MigrationRecord } | { readonly kind: 'placement'; readonly record: PlacementRecord };

/** The migrations and placements decision `decision` (1-based, as the player counts) made; a plan makes several. */
export function stepsOfDecision(snapshot: VmSnapshot, decision: number): VmStep[] {
  const step = decision - 1;
  return [
    ...snapshot.migrations.filter((m) => m.step === step).map((record) => ({ kind: 'migration' as const, record })),
    ...snapshot.placements.filter((p) => p.step === step).map((record) => ({ kind: 'placement' as const, record })),
  ];
}

const place = (p: VmPlace) => `${p.pm} [node ${p.numa.join('+')}]`;

/** "migrated vm-12 from pm-3 [node 0] to pm-7 [node 1]" / "placed vm-40 on pm-2 [node 0+1]". */
export function stepText(step: VmStep): string {
  return step.kind === 'migration'
    ? `migrated ${step.record.vm} from ${place(step.record.from)} to ${place(step.record.to)}`
    : `placed ${step.record.vm} on ${place(step.record.to)}`;
}

function panel(cluster: VmStepCluster, snapshot: VmSnapshot, label: string, marks: OccupancyPanel['marks'] = []): OccupancyPanel {
  return { label, used: usedCoresOf(cluster.compiled, snapshot.vmPm, snapshot.vmNode), vmPm: snapshot.vmPm, vmNode: snapshot.vmNode, marks };
}

/** The map's two panels: the cluster before the first decision, and after this one with its PMs marked. */
export function vmStepOccupancy(
  cluster: VmStepCluster,
  initial: VmSnapshot,
  snapshot: VmSnapshot,
  position: { readonly decision: number; readonly total: number; readonly fragmentSize?: number },
): OccupancyData {
  const { decision, total } = position;
  const marks = stepsOfDecision(snapshot, decision).flatMap((s) => {
    const from = s.kind === 'migration' ? cluster.pmIndex.get(s.record.from.pm) : undefined;
    const to = cluster.pmIndex.get(s.record.to.pm);
    return [...(from === undefined ? [] : [{ pm: from, kind: 'from' as const }]), ...(to === undefined ? [] : [{ pm: to, kind: 'to' as const }])];
  });
  return {
    cluster: cluster.compiled.source,
    vms: cluster.vms,
    fragmentSize: position.fragmentSize ?? FRAGMENT_SIZE,
    panels: [panel(cluster, initial, 'Before the first decision'), panel(cluster, snapshot, `After decision ${decision} of ${total}`, marks)],
  };
}
