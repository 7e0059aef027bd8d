import type { Migration, VmPolicy, VmView } from 'schedlab/vm';

/**
 * Placement the way kube-scheduler's NodeResourcesFit and NodeResourcesBalancedAllocation plugins score nodes
 * (kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources), with a PM as the node:
 * - pending VMs are taken in the scheduling queue's order: higher priority first, then the order they came in;
 * - filter: the PMs that can take the VM now (room on a node, active, anti-affinity);
 * - score each PM in [0, 100] with integer arithmetic as kube does, "requested" including the incoming VM, over
 *   CPU and memory with weight 1 each;
 * - pick a PM with the top score, a seeded random one among ties (kube samples ties uniformly too);
 * - a VM no PM can take stays pending, and the queue moves on.
 * The engine picks the NUMA node inside the PM, as kube leaves that to the kubelet.
 */

type Scorer = (capacity: number, requested: number) => number;

/** (capacity - requested) * 100 / capacity per resource, 0 when over capacity. */
const leastAllocated: Scorer = (capacity, requested) => (requested > capacity ? 0 : Math.floor(((capacity - requested) * 100) / capacity));
/** requested * 100 / capacity per resource, requested clamped to capacity (current kube). */
const mostAllocated: Scorer = (capacity, requested) => Math.floor((Math.min(requested, capacity) * 100) / capacity);

interface Totals {
  cpuCapacity: number;
  cpuRequested: number;
  memCapacity: number;
  memRequested: number;
}

function pmTotals(view: VmView, pm: number, vm: number, into: Totals): Totals {
  let cpu = 0;
  let cpuFree = 0;
  let mem = 0;
  let memFree = 0;
  for (let n = 0; n < view.pmNodeCount(pm); n++) {
    cpu += view.nodeCpu(pm, n);
    cpuFree += view.freeCpu(pm, n);
    mem += view.nodeMemory(pm, n);
    memFree += view.freeMemory(pm, n);
  }
  into.cpuCapacity = cpu;
  into.cpuRequested = cpu - cpuFree + view.vmCpu(vm);
  into.memCapacity = mem;
  into.memRequested = mem - memFree + view.vmMemory(vm);
  return into;
}

/** NodeResourcesFit with a per-resource scorer: the weighted mean (weights 1) with integer division. */
function fitScore(scorer: Scorer) {
  return (t: Totals): number => {
    const cpu = t.cpuCapacity > 0 ? scorer(t.cpuCapacity, t.cpuRequested) : 0;
    const mem = t.memCapacity > 0 ? scorer(t.memCapacity, t.memRequested) : 0;
    return Math.floor((cpu + mem) / 2);
  };
}

/** BalancedAllocation: (1 - std of the requested fractions) * 100; with two resources std = |f1 - f2| / 2. */
function balancedScore(t: Totals): number {
  const cpu = t.cpuCapacity > 0 ? Math.min(t.cpuRequested / t.cpuCapacity, 1) : 0;
  const mem = t.memCapacity > 0 ? Math.min(t.memRequested / t.memCapacity, 1) : 0;
  return Math.trunc((1 - Math.abs(cpu - mem) / 2) * 100);
}

interface Queue {
  readonly order: number[];
  next: number;
  readonly totals: Totals;
}

function kubePolicy(id: string, label: string, strategy: string, score: (t: Totals) => number): VmPolicy<Queue> {
  return {
    id,
    label,
    description: `Place pending VMs by priority on the PM kube-scheduler's ${strategy} scores highest`,
    paper: `Kubernetes kube-scheduler (2024), NodeResources plugins: ${strategy}`,
    prepare: (view) => {
      const order: number[] = [];
      for (let vm = 0; vm < view.vmCount; vm++) if (view.vmPending(vm)) order.push(vm);
      order.sort((a, b) => view.vmPriority(b) - view.vmPriority(a) || a - b);
      return { order, next: 0, totals: { cpuCapacity: 0, cpuRequested: 0, memCapacity: 0, memRequested: 0 } };
    },
    nextPlacement: (view, queue): Migration | null => {
      while (queue.next < queue.order.length) {
        const vm = queue.order[queue.next++];
        let best = -1;
        let bestScore = -1;
        let ties = 0;
        for (let pm = 0; pm < view.pmCount; pm++) {
          if (!view.canMove(vm, pm)) continue;
          const value = score(pmTotals(view, pm, vm, queue.totals));
          if (value > bestScore) {
            bestScore = value;
            best = pm;
            ties = 1;
          } else if (value === bestScore && view.random() * ++ties < 1) {
            // Reservoir sampling: each of the k tied PMs ends up chosen with probability 1/k.
            best = pm;
          }
        }
        if (best >= 0) return { vm, pm: best };
      }
      return null;
    },
  };
}

export const mostAllocatedPolicy = kubePolicy('k8s-most-allocated', 'Kubernetes MostAllocated', 'MostAllocated', fitScore(mostAllocated));
export const balancedAllocationPolicy = kubePolicy('k8s-balanced', 'Kubernetes BalancedAllocation', 'BalancedAllocation', balancedScore);

/** LeastAllocated is kube-scheduler's default strategy. */
const policy = kubePolicy('k8s-least-allocated', 'Kubernetes LeastAllocated', 'LeastAllocated', fitScore(leastAllocated));
export default policy;
