import type { Migration, VmPolicy } from 'schedlab/vm';

/**
 * Best-fit decreasing re-placement: go through the movable VMs from the largest to the smallest (lower index on a
 * tie) and re-place the first one that can go somewhere better: among the active nodes where it fits and the move
 * lowers the cluster's sum of (free cores mod F), the one left with the fewest free cores (the first in PM and node
 * order on a tie). Stops when no VM has such a node. Every move strictly lowers that sum, so the run ends by itself.
 */
const policy: VmPolicy<number[]> = {
  id: 'bfd',
  label: 'Best-fit decreasing',
  description: 'Largest VM first; move it to the tightest node where it fits and fragments drop',
  paper: 'Johnson 1973, Near-optimal bin packing algorithms (MIT PhD thesis): best-fit decreasing',
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
      let best: Migration | null = null;
      let bestLeft = Infinity;
      for (let pm = 0; pm < view.pmCount; pm++) {
        if (!view.pmActive(pm)) continue;
        if (double) {
          // Cheap core check first: most nodes are full, and fragmentChange does the complete one.
          if (view.freeCpu(pm, 0) < share || view.freeCpu(pm, 1) < share) continue;
          if (!(view.fragmentChange(vm, pm) < 0)) continue;
          const left = Math.max(view.freeCpu(pm, 0), view.freeCpu(pm, 1)) - share;
          if (left < bestLeft) {
            bestLeft = left;
            best = { vm, pm };
          }
          continue;
        }
        for (let n = 0; n < view.pmNodeCount(pm); n++) {
          if (view.freeCpu(pm, n) < share || !(view.fragmentChange(vm, pm, n) < 0)) continue;
          const left = view.freeCpu(pm, n) - share;
          if (left < bestLeft) {
            bestLeft = left;
            best = { vm, pm, node: n };
          }
        }
      }
      if (best) return best;
    }
    return null;
  },
};

export default policy;
