import type { MigrationRecord, VmScenario } from '../../engine/vm';

/**
 * Where the VMs are after the first k migrations of a run, rebuilt from the scenario's initial placement and the
 * run's migration records. A result carries only the records (plain data, ids not indices), so the lab recomputes
 * the states it shows rather than keeping a copy of the cluster per step; a replay is O(VMs + k), cheap enough to
 * redo on every step of the stepper even at L scale.
 *
 * Pure data in, pure data out: no engine internals, no React. A migration whose VM or PM the scenario does not
 * know (a VM created by a drift event, say) is skipped and counted, so the caller can say the picture is partial.
 */

/** PM index of every VM (-1 when it has no place) and its node (-1 for a double-NUMA VM, which uses nodes 0 and 1). */
export interface Placement {
  readonly vmPm: Int32Array;
  readonly vmNode: Int32Array;
}

/** Lookups from the scenario's ids to indices, built once per scenario. */
export interface ClusterIndex {
  readonly pm: ReadonlyMap<string, number>;
  readonly vm: ReadonlyMap<string, number>;
  /** First global node of PM p is nodeStart[p]; PM p has nodeStart[p + 1] - nodeStart[p] nodes. */
  readonly nodeStart: Int32Array;
}

export function indexCluster(scenario: VmScenario): ClusterIndex {
  const nodeStart = new Int32Array(scenario.pms.length + 1);
  scenario.pms.forEach((pm, p) => (nodeStart[p + 1] = nodeStart[p] + pm.nodes.length));
  return {
    pm: new Map(scenario.pms.map((pm, p) => [pm.id, p])),
    vm: new Map(scenario.vms.map((vm, v) => [vm.id, v])),
    nodeStart,
  };
}

export function initialPlacement(scenario: VmScenario): Placement {
  const vmPm = new Int32Array(scenario.vms.length);
  const vmNode = new Int32Array(scenario.vms.length);
  scenario.vms.forEach((vm, v) => {
    const placed = Number.isInteger(vm.pm) && vm.pm >= 0;
    vmPm[v] = placed ? vm.pm : -1;
    vmNode[v] = vm.numa === 'double' ? -1 : (vm.node ?? 0);
  });
  return { vmPm, vmNode };
}

/** The placement after the first `k` migrations (all of them when k is past the end), and how many were skipped. */
export function placementAfter(
  scenario: VmScenario,
  migrations: readonly MigrationRecord[],
  k: number,
  index: ClusterIndex = indexCluster(scenario),
): Placement & { readonly skipped: number } {
  const { vmPm, vmNode } = initialPlacement(scenario);
  let skipped = 0;
  const end = Math.max(0, Math.min(k, migrations.length));
  for (let i = 0; i < end; i++) {
    const move = migrations[i];
    const v = index.vm.get(move.vm);
    const p = index.pm.get(move.to.pm);
    if (v === undefined || p === undefined) {
      skipped++;
      continue;
    }
    vmPm[v] = p;
    // A record lists the nodes used: one for a single-NUMA VM, [0, 1] for a double-NUMA VM.
    vmNode[v] = move.to.numa.length === 1 ? move.to.numa[0] : -1;
  }
  return { vmPm, vmNode, skipped };
}

/** Cores in use on every node (global node order, see ClusterIndex.nodeStart) for a placement. */
export function usedCores(scenario: VmScenario, placement: Placement, index: ClusterIndex = indexCluster(scenario)): Float64Array {
  const used = new Float64Array(index.nodeStart[scenario.pms.length]);
  scenario.vms.forEach((vm, v) => {
    const p = placement.vmPm[v];
    if (p < 0) return;
    const first = index.nodeStart[p];
    if (placement.vmNode[v] < 0) {
      used[first] += vm.cpu / 2;
      used[first + 1] += vm.cpu / 2;
    } else {
      used[first + placement.vmNode[v]] += vm.cpu;
    }
  });
  return used;
}

/** The fragment rate of a placement: over active PMs' nodes, sum of (free mod F) / sum of free; 0 when nothing is free. */
export function fragmentRateOf(scenario: VmScenario, used: ArrayLike<number>, fragmentSize: number, index: ClusterIndex = indexCluster(scenario)): number {
  let fragment = 0;
  let free = 0;
  scenario.pms.forEach((pm, p) => {
    if (pm.status !== 'active') return;
    pm.nodes.forEach((node, n) => {
      const f = node.cpu - used[index.nodeStart[p] + n];
      fragment += f % fragmentSize;
      free += f;
    });
  });
  return free === 0 ? 0 : fragment / free;
}

/** PM indices a migration leaves and enters, for marking them on the map; undefined for an unknown PM. */
export function migrationEnds(migration: MigrationRecord, index: ClusterIndex): { readonly from?: number; readonly to?: number } {
  return { from: index.pm.get(migration.from.pm), to: index.pm.get(migration.to.pm) };
}
