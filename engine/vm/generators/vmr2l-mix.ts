/**
 * The VMR2L "M" sample's statistics, as data the generators share (counted from `vmr2l_M_reset_vm_pm0.json`; see
 * docs/reference/vm-rescheduling.md §2): the PM shape, the VM flavours with their counts and double-NUMA counts,
 * and the histogram of free cores per NUMA node. Keeping them in one table means the snapshot generator and the
 * churn stream draw from the same mix.
 */

/** One NUMA node of a VMR2L PM: 44 cores and 184,388 MB (a PM is two of them, 88 cores / 368,776 MB). */
export const VMR2L_NODE = { cpu: 44, memory: 184_388 } as const;

/** The `ecs.c1` family: 2 GB per core. */
export const MB_PER_CORE = 2048;

export interface VmFlavour {
  readonly cpu: number;
  readonly type: string;
  /** VMs of this size in the M sample (2,089 in all). */
  readonly count: number;
  /** Of those, how many span both NUMA nodes (290 in all, 13.9%). */
  readonly double: number;
}

/**
 * Exact sample counts. The double shares are 0 for 2c, 0.3% for 4c, 15% for 8c, 20% for 16c, 45% for 32c and 100%
 * for 64c and 88c (an 88-core VM fills a whole PM, so it cannot be single-NUMA on a 44-core node anyway).
 */
export const VMR2L_FLAVOURS: readonly VmFlavour[] = [
  { cpu: 2, type: 'ecs.c1.large', count: 337, double: 0 },
  { cpu: 4, type: 'ecs.c1.xlarge', count: 909, double: 3 },
  { cpu: 8, type: 'ecs.c1.2xlarge', count: 368, double: 57 },
  { cpu: 16, type: 'ecs.c1.4xlarge', count: 230, double: 46 },
  { cpu: 32, type: 'ecs.c1.8xlarge', count: 111, double: 50 },
  { cpu: 64, type: 'ecs.c1.16xlarge', count: 130, double: 130 },
  { cpu: 88, type: 'ecs.c1.22xlarge', count: 4, double: 4 },
];

export const VMR2L_VM_COUNT = VMR2L_FLAVOURS.reduce((sum, f) => sum + f.count, 0);

/**
 * Free cores per NUMA node in the sample's 558 active nodes ([free cores, nodes]); 1,394 free cores in all, 834
 * of them in fragments (free mod 16), so FR = 0.5983. Two thirds of the nodes are full and most of the rest hold a
 * 2-14 core fragment: that is the shape the generator reproduces.
 */
export const VMR2L_FREE_HISTOGRAM: readonly (readonly [number, number])[] = [
  [0, 373], [2, 88], [4, 34], [6, 5], [8, 15], [10, 4], [12, 10], [14, 2], [16, 3], [18, 1],
  [20, 3], [22, 2], [24, 4], [28, 5], [30, 1], [36, 3], [38, 2], [40, 2], [44, 1],
];

export const VMR2L_NODE_COUNT = VMR2L_FREE_HISTOGRAM.reduce((sum, [, n]) => sum + n, 0);

/**
 * Splits `total` into whole parts proportional to `weights` (largest remainder, ties to the earlier entry), so a
 * scaled mix sums exactly to the count asked for, the same way in every engine.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k].i]++;
  return parts;
}
