/**
 * Fragment rate, the VMR2L objective: FR = sum over active PMs and their NUMA nodes of (free cores mod F) divided by
 * the sum of free cores, with F = 16 by default. It is the share of free CPU that cannot host an F-core single-NUMA
 * VM. Memory is ignored; FR = 0 when nothing is free (the formula would divide by zero).
 */
import type { CompiledScenario } from './compile';

export const DEFAULT_FRAGMENT_SIZE = 16;

/** Numerator and denominator kept apart, so exact figures (834/1394) survive. */
export interface FragmentTotals {
  /** Sum of (free mod F) over active nodes. */
  readonly fragmentCores: number;
  /** Sum of free cores over active nodes. */
  readonly freeCores: number;
}

export function fragmentRate(totals: FragmentTotals): number {
  return totals.freeCores > 0 ? totals.fragmentCores / totals.freeCores : 0;
}

/** Recomputes the totals from scratch. */
export function computeFragment(compiled: CompiledScenario, freeCpu: Float64Array, size = DEFAULT_FRAGMENT_SIZE): FragmentTotals {
  let fragmentCores = 0;
  let freeCores = 0;
  for (let g = 0; g < compiled.nodeCount; g++) {
    if (compiled.pmActive[compiled.nodePm[g]] === 0) continue;
    fragmentCores += freeCpu[g] % size;
    freeCores += freeCpu[g];
  }
  return { fragmentCores, freeCores };
}

/**
 * Keeps the totals up to date as node free CPU changes: O(1) per touched node instead of a pass over the cluster.
 * Call `nodeChanged(g, before, after)` for every node a migration touched.
 */
export class FragmentTracker implements FragmentTotals {
  fragmentCores: number;
  freeCores: number;

  constructor(
    private readonly compiled: CompiledScenario,
    freeCpu: Float64Array,
    readonly size = DEFAULT_FRAGMENT_SIZE,
  ) {
    const totals = computeFragment(compiled, freeCpu, size);
    this.fragmentCores = totals.fragmentCores;
    this.freeCores = totals.freeCores;
  }

  get rate(): number {
    return fragmentRate(this);
  }

  nodeChanged(node: number, freeBefore: number, freeAfter: number): void {
    if (this.compiled.pmActive[this.compiled.nodePm[node]] === 0) return;
    this.fragmentCores += (freeAfter % this.size) - (freeBefore % this.size);
    this.freeCores += freeAfter - freeBefore;
  }
}
