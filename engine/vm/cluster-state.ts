/**
 * The mutable part of a VM-rescheduling run: where each VM is, what is free on each node, and the fragment totals
 * kept up to date incrementally. It checks a migration (or the placement of a pending VM) and says in words why one
 * is impossible, and it applies the arrivals and exits of state drift.
 */
import { FragmentTracker } from './fragment';
import { initialPlacement, type CompiledScenario } from './compile';

/** A migration after checking: the destination node (-1 for a double-NUMA VM, which takes nodes 0 and 1). */
export interface CheckedMove {
  readonly vm: number;
  readonly pm: number;
  readonly node: number;
}

/** What was asked, or why it cannot happen. */
export type MoveCheck = { readonly ok: true; readonly move: CheckedMove } | { readonly ok: false; readonly reason: string };

const isIndex = (x: unknown, count: number): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < count;

export class ClusterState {
  readonly vmPm: Int32Array;
  readonly vmNode: Int32Array;
  readonly freeCpu: Float64Array;
  readonly freeMem: Float64Array;
  readonly fragment: FragmentTracker;
  /** 1 for a VM that has exited (a drift delete); a VM without a place that is not gone is pending or not created. */
  readonly vmGone: Uint8Array;

  constructor(
    readonly compiled: CompiledScenario,
    fragmentSize: number,
    from?: ClusterState,
  ) {
    const placement = from ?? initialPlacement(compiled);
    this.vmPm = Int32Array.from(placement.vmPm);
    this.vmNode = Int32Array.from(placement.vmNode);
    this.freeCpu = Float64Array.from(placement.freeCpu);
    this.freeMem = Float64Array.from(placement.freeMem);
    this.fragment = new FragmentTracker(compiled, this.freeCpu, fragmentSize);
    this.vmGone = from ? Uint8Array.from(from.vmGone) : new Uint8Array(compiled.allVmCount);
  }

  /** An independent copy, for trying moves out without touching the run. */
  clone(): ClusterState {
    return new ClusterState(this.compiled, this.fragment.size, this);
  }

  /** Why moving `vm` to `pm` would put it beside a VM of one of its anti-affinity groups, or undefined when it would not. */
  antiAffinityConflict(vm: number, pm: number): string | undefined {
    const c = this.compiled;
    const here = this.vmPm[vm];
    for (let k = c.vmGroupStart[vm]; k < c.vmGroupStart[vm + 1]; k++) {
      const g = c.vmGroups[k];
      const rack = c.groupRack[g] === 1;
      // A move within the same PM (or rack) changes nothing the group cares about, even in a snapshot that already
      // breaks the rule.
      if (here >= 0 && (rack ? c.pmRack[here] === c.pmRack[pm] : here === pm)) continue;
      for (let m = c.groupStart[g]; m < c.groupStart[g + 1]; m++) {
        const other = c.groupMembers[m];
        const at = this.vmPm[other];
        if (other === vm || at < 0) continue;
        if (rack ? c.pmRack[at] === c.pmRack[pm] : at === pm) {
          const place = rack ? `rack ${c.rackLabels[c.pmRack[pm]]}` : 'this PM';
          return `anti-affinity (${rack ? 'rack' : 'host'} level): VM ${other} (${c.vmIds[other]}) of the same group is on ${place}`;
        }
      }
    }
    return undefined;
  }

  pmNodeCount(pm: number): number {
    return this.compiled.pmNodeStart[pm + 1] - this.compiled.pmNodeStart[pm];
  }

  private fits(globalNode: number, cpu: number, memory: number): boolean {
    return this.freeCpu[globalNode] >= cpu && this.freeMem[globalNode] >= memory;
  }

  /** Checks a migration exactly as the engine will apply it; `node` may be left out (see Migration in the API). */
  check(vm: unknown, pm: unknown, node: unknown): MoveCheck {
    const c = this.compiled;
    if (!isIndex(vm, c.allVmCount)) return { ok: false, reason: `VM ${String(vm)} does not exist (VMs are 0..${c.vmCount - 1})` };
    if (!isIndex(pm, c.pmCount)) return { ok: false, reason: `PM ${String(pm)} does not exist (PMs are 0..${c.pmCount - 1})` };
    if (this.vmGone[vm] === 1) return { ok: false, reason: 'the VM has exited the cluster' };
    const pending = this.vmPm[vm] < 0;
    if (!pending && c.vmMovable[vm] === 0) return { ok: false, reason: 'the VM may not migrate (allow_migration is false)' };
    if (c.pmActive[pm] === 0) return { ok: false, reason: `the PM is ${c.source.pms[pm].status}; only active PMs take VMs` };
    const conflict = this.antiAffinityConflict(vm, pm);
    if (conflict !== undefined) return { ok: false, reason: conflict };
    const nodes = this.pmNodeCount(pm);
    const start = c.pmNodeStart[pm];
    const cpu = c.vmCpu[vm];
    const mem = c.vmMem[vm];
    if (c.vmDouble[vm] === 1) {
      if (node !== undefined && node !== null) return { ok: false, reason: 'a double-NUMA VM takes equal halves on nodes 0 and 1; leave node out' };
      if (nodes !== 2) return { ok: false, reason: `a double-NUMA VM needs a PM with 2 NUMA nodes; this one has ${nodes}` };
      if (this.vmPm[vm] === pm) return { ok: false, reason: 'the VM is already on this PM' };
      for (let i = 0; i < 2; i++) {
        if (!this.fits(start + i, cpu / 2, mem / 2)) {
          return { ok: false, reason: `node ${i} has ${this.freeText(start + i)} free; half of the VM needs ${cpu / 2} cores and ${mem / 2} MB` };
        }
      }
      return { ok: true, move: { vm, pm, node: -1 } };
    }
    const here = this.vmPm[vm] === pm ? this.vmNode[vm] : -1;
    if (node !== undefined && node !== null) {
      if (!isIndex(node, nodes)) return { ok: false, reason: `node ${String(node)} does not exist on this PM (nodes are 0..${nodes - 1})` };
      if (node === here) return { ok: false, reason: 'the VM is already on this node' };
      if (!this.fits(start + node, cpu, mem)) {
        return { ok: false, reason: `node ${node} has ${this.freeText(start + node)} free; the VM needs ${cpu} cores and ${mem} MB` };
      }
      return { ok: true, move: { vm, pm, node } };
    }
    // No node given: the VM's current node number first (like VMR2L's "no flip"), then the lowest that has room.
    const preferred = this.vmNode[vm] >= 0 && this.vmNode[vm] < nodes ? this.vmNode[vm] : 0;
    if (preferred !== here && this.fits(start + preferred, cpu, mem)) return { ok: true, move: { vm, pm, node: preferred } };
    for (let i = 0; i < nodes; i++) {
      if (i !== here && this.fits(start + i, cpu, mem)) return { ok: true, move: { vm, pm, node: i } };
    }
    const free = Array.from({ length: nodes }, (_, i) => `node ${i}: ${this.freeText(start + i)}`).join('; ');
    return { ok: false, reason: `no node of the PM other than the VM's own has ${cpu} cores and ${mem} MB free (${free})` };
  }

  private freeText(globalNode: number): string {
    return `${this.freeCpu[globalNode]} cores and ${this.freeMem[globalNode]} MB`;
  }

  /** Global nodes a VM occupies at (pm, node): both nodes for a double-NUMA VM. */
  private forEachNode(vm: number, pm: number, node: number, visit: (globalNode: number, cpu: number, mem: number) => void): void {
    const c = this.compiled;
    const start = c.pmNodeStart[pm];
    if (c.vmDouble[vm] === 1) {
      visit(start, c.vmCpu[vm] / 2, c.vmMem[vm] / 2);
      visit(start + 1, c.vmCpu[vm] / 2, c.vmMem[vm] / 2);
    } else {
      visit(start + node, c.vmCpu[vm], c.vmMem[vm]);
    }
  }

  /** Applies a checked move, updating free resources and the fragment totals of the touched nodes only. */
  apply(move: CheckedMove): void {
    const { vm, pm, node } = move;
    const change = (sign: number) => (g: number, cpu: number, mem: number) => {
      const before = this.freeCpu[g];
      this.freeCpu[g] = before + sign * cpu;
      this.freeMem[g] += sign * mem;
      this.fragment.nodeChanged(g, before, this.freeCpu[g]);
    };
    if (this.vmPm[vm] >= 0) this.forEachNode(vm, this.vmPm[vm], this.vmNode[vm], change(+1));
    this.forEachNode(vm, pm, node, change(-1));
    this.vmPm[vm] = pm;
    this.vmNode[vm] = node;
  }

  /** Takes a VM out of the cluster (a drift exit), freeing its resources. */
  remove(vm: number): void {
    const pm = this.vmPm[vm];
    if (pm >= 0) {
      this.forEachNode(vm, pm, this.vmNode[vm], (g, cpu, mem) => {
        const before = this.freeCpu[g];
        this.freeCpu[g] = before + cpu;
        this.freeMem[g] += mem;
        this.fragment.nodeChanged(g, before, this.freeCpu[g]);
      });
    }
    this.vmPm[vm] = -1;
    this.vmNode[vm] = -1;
    this.vmGone[vm] = 1;
  }

  /**
   * Places a VM the way the cluster's own scheduler would (best fit: the allowed node, or PM for a double-NUMA VM,
   * with the fewest free cores left, lowest index on a tie). Returns false when nothing fits.
   */
  placeBestFit(vm: number): boolean {
    const c = this.compiled;
    let best: CheckedMove | undefined;
    let bestLeft = Infinity;
    for (let pm = 0; pm < c.pmCount; pm++) {
      if (c.pmActive[pm] === 0) continue;
      const nodes = c.vmDouble[vm] === 1 ? [undefined] : Array.from({ length: this.pmNodeCount(pm) }, (_, i) => i);
      for (const node of nodes) {
        const checked = this.check(vm, pm, node);
        if (!checked.ok) continue;
        const g = c.pmNodeStart[pm] + Math.max(0, checked.move.node);
        const left = c.vmDouble[vm] === 1 ? this.freeCpu[g] + this.freeCpu[g + 1] - c.vmCpu[vm] : this.freeCpu[g] - c.vmCpu[vm];
        if (left < bestLeft) {
          bestLeft = left;
          best = checked.move;
        }
      }
    }
    if (best === undefined) return false;
    this.apply(best);
    return true;
  }

  /** The NUMA nodes a VM occupies at (pm, node), as listed in result records. */
  numaList(vm: number, node: number): number[] {
    return this.compiled.vmDouble[vm] === 1 ? [0, 1] : [node];
  }
}
