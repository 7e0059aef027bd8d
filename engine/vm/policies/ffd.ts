import type { Migration, VmPolicy, VmView } from 'schedlab/vm';

/**
 * First-fit decreasing re-placement: go through the movable VMs from the largest to the smallest (lower index on a
 * tie) and re-place the first one that can go somewhere better: the first active node in PM order (node order within
 * a PM) where it fits and the move lowers the cluster's sum of (free cores mod F). Stops when no VM has such a node.
 * Every move strictly lowers that sum, so the run ends by itself.
 */
function fragmentsAfter(view: VmView, vm: number, pm: number, node: number, targetPm: number, targetNode: number): number {
  if (!view.pmActive(pm)) return 0;
  const source = view.vmPm(vm);
  const double = view.vmDouble(vm);
  const share = double ? view.vmCpu(vm) / 2 : view.vmCpu(vm);
  let free = view.freeCpu(pm, node);
  if (pm === source && (double || view.vmNode(vm) === node)) free += share;
  if (pm === targetPm && (double || targetNode === node)) free -= share;
  return free % view.fragmentSize;
}

/** Reduction of the sum of (free mod F) over the PMs a migration touches; > 0 means fewer fragments. */
function gain(view: VmView, vm: number, targetPm: number, targetNode: number): number {
  const pms = view.vmPm(vm) === targetPm ? [targetPm] : [view.vmPm(vm), targetPm];
  let delta = 0;
  for (const pm of pms) {
    for (let n = 0; n < view.pmNodeCount(pm); n++) {
      const before = view.pmActive(pm) ? view.freeCpu(pm, n) % view.fragmentSize : 0;
      delta += before - fragmentsAfter(view, vm, pm, n, targetPm, targetNode);
    }
  }
  return delta;
}

const policy: VmPolicy<number[]> = {
  id: 'ffd',
  label: 'First-fit decreasing',
  description: 'Largest VM first; move it to the first node where it fits and fragments drop',
  paper: 'Johnson 1973, Near-optimal bin packing algorithms (MIT PhD thesis): first-fit decreasing',
  prepare: (view) => {
    const order: number[] = [];
    // Only VMs on active PMs: FR counts active PMs only, so moving a VM off a disabled PM takes free cores out of
    // FR's denominator and can raise FR even when fragments drop.
    for (let vm = 0; vm < view.vmCount; vm++) if (view.vmMovable(vm) && view.pmActive(view.vmPm(vm))) order.push(vm);
    return order.sort((a, b) => view.vmCpu(b) - view.vmCpu(a) || a - b);
  },
  nextMigration: (view, order): Migration | null => {
    for (const vm of order) {
      const double = view.vmDouble(vm);
      const share = double ? view.vmCpu(vm) / 2 : view.vmCpu(vm);
      for (let pm = 0; pm < view.pmCount; pm++) {
        if (!view.pmActive(pm)) continue;
        if (double) {
          // Cheap core check first: most nodes are full, and canMove does the complete one.
          if (view.freeCpu(pm, 0) < share || view.freeCpu(pm, 1) < share) continue;
          if (view.canMove(vm, pm) && gain(view, vm, pm, -1) > 0) return { vm, pm };
          continue;
        }
        for (let n = 0; n < view.pmNodeCount(pm); n++) {
          if (view.freeCpu(pm, n) >= share && view.canMove(vm, pm, n) && gain(view, vm, pm, n) > 0) return { vm, pm, node: n };
        }
      }
    }
    return null;
  },
};

export default policy;
