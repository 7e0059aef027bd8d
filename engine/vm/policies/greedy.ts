import type { VmPolicy, VmView } from 'schedlab/vm';

/**
 * The greedy fragment-reduction baseline of VMR2L (`baselines/heuristics.py` in the authors' repo), one migration
 * per call:
 * 1. among the movable VMs of at most F cores, take the one whose removal cuts its PM's sum of (free mod F) the most
 *    (the first such VM on a tie);
 * 2. send it to the node(s) of another active PM where placing it cuts that PM's sum of (free mod F) the most (the
 *    first PM, then the lower node, on a tie);
 * 3. stop when the two cuts together do not reduce fragments (net gain <= 0), or when nothing fits.
 * Unlike the original, which looks at CPU only, a destination must also have the memory (the engine checks it).
 */
function pmFragments(view: VmView, pm: number, size: number): number {
  if (!view.pmActive(pm)) return 0;
  let total = 0;
  for (let n = 0; n < view.pmNodeCount(pm); n++) total += view.freeCpu(pm, n) % size;
  return total;
}

/** Fragments of `pm` if `cpuPerNode` cores were added (sign +1) or taken (sign -1) on the given nodes. */
function pmFragmentsWith(view: VmView, pm: number, size: number, nodes: readonly number[], cpuPerNode: number, sign: number): number {
  if (!view.pmActive(pm)) return 0;
  let total = 0;
  for (let n = 0; n < view.pmNodeCount(pm); n++) {
    const free = view.freeCpu(pm, n) + (nodes.includes(n) ? sign * cpuPerNode : 0);
    total += free % size;
  }
  return total;
}

const BOTH = [0, 1] as const;

const policy: VmPolicy = {
  id: 'greedy',
  label: 'Greedy (VMR2L)',
  description: 'Move the small VM whose removal cuts the most fragment to the node that it fills best; stop when no gain',
  paper: 'Ding et al. 2025, Towards VM Rescheduling Optimization Through Deep Reinforcement Learning (EuroSys), greedy baseline',
  nextMigration: (view) => {
    const size = view.fragmentSize;
    // Step 1: the VM whose departure frees the most fragment on its own PM.
    let vm = -1;
    let releaseGain = -Infinity;
    for (let v = 0; v < view.vmCount; v++) {
      // VMs on a disabled PM stay: FR counts active PMs only, so moving one in lowers FR's denominator too.
      if (view.vmCpu(v) > size || !view.vmMovable(v) || !view.pmActive(view.vmPm(v))) continue;
      const pm = view.vmPm(v);
      const double = view.vmDouble(v);
      const nodes = double ? BOTH : [view.vmNode(v)];
      const cpuPerNode = double ? view.vmCpu(v) / 2 : view.vmCpu(v);
      const gain = pmFragments(view, pm, size) - pmFragmentsWith(view, pm, size, nodes, cpuPerNode, +1);
      if (gain > releaseGain) {
        releaseGain = gain;
        vm = v;
      }
    }
    if (vm < 0) return null;
    // Step 2: the destination (another active PM) where it fills fragment best.
    const source = view.vmPm(vm);
    const double = view.vmDouble(vm);
    const cpuPerNode = double ? view.vmCpu(vm) / 2 : view.vmCpu(vm);
    let bestPm = -1;
    let bestNode = -1;
    let placeGain = -Infinity;
    for (let pm = 0; pm < view.pmCount; pm++) {
      if (pm === source || !view.pmActive(pm)) continue;
      const before = pmFragments(view, pm, size);
      const options = double ? 1 : view.pmNodeCount(pm);
      for (let n = 0; n < options; n++) {
        if (double ? !view.canMove(vm, pm) : !view.canMove(vm, pm, n)) continue;
        const gain = before - pmFragmentsWith(view, pm, size, double ? BOTH : [n], cpuPerNode, -1);
        if (gain > placeGain) {
          placeGain = gain;
          bestPm = pm;
          bestNode = n;
        }
      }
    }
    if (bestPm < 0 || releaseGain + placeGain <= 0) return null;
    return double ? { vm, pm: bestPm } : { vm, pm: bestPm, node: bestNode };
  },
};

export default policy;
