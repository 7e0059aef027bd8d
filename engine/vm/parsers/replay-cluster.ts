/**
 * The cluster scheduler the trace importers replay a trace with: VMs arrive and leave in time order and each is
 * placed first fit or best fit, the way the cluster's own scheduler would have, so the snapshot at time t carries
 * the fragmentation that history left (placing only the survivors would pack them too well).
 */
import type { PhysicalMachine, VmSpec } from '../model';

export interface PmShape {
  /** NUMA nodes per PM, 1 or 2 (default 2). */
  readonly nodes?: 1 | 2;
  /** Cores per node (default 44, the VMR2L PM). */
  readonly coresPerNode?: number;
  /** MB per node (default 184,388, the VMR2L PM). */
  readonly memoryPerNode?: number;
}

export type InitialScheduler = 'first-fit' | 'best-fit';

/** Where a VM went: its PM and, for a single-NUMA VM, its node. */
export interface Spot {
  readonly pm: number;
  readonly node?: number;
}

export class ReplayCluster {
  readonly nodes: number;
  readonly cores: number;
  readonly memory: number;
  private readonly freeCpu: number[] = [];
  private readonly freeMem: number[] = [];
  /** Anti-affinity group -> PMs (host) or racks (rack) holding a member, with counts. */
  private readonly taken = new Map<string, Map<number, number>>();
  private readonly where = new Map<string, { spot: Spot; spec: VmSpec; group?: string }>();

  constructor(
    shape: PmShape,
    /** Fixed PM count, or undefined to open a PM whenever nothing fits. */
    private readonly fixed: number | undefined,
    private readonly racks: number,
    private readonly scheduler: InitialScheduler,
    /** 'host': a group's VMs on different PMs; 'rack': in different racks. */
    private readonly granularity: 'host' | 'rack',
  ) {
    this.nodes = shape.nodes ?? 2;
    this.cores = shape.coresPerNode ?? 44;
    this.memory = shape.memoryPerNode ?? 184_388;
    for (let p = 0; p < (fixed ?? 0); p++) this.open();
  }

  get pmCount(): number {
    return this.freeCpu.length / this.nodes;
  }

  /** Whether a VM of this shape fits an empty PM at all. */
  fitsEmpty(spec: VmSpec): boolean {
    const share = spec.numa === 'double' ? 2 : 1;
    return (share === 1 || this.nodes === 2) && spec.cpu / share <= this.cores && spec.memory / share <= this.memory;
  }

  private open(): void {
    for (let n = 0; n < this.nodes; n++) {
      this.freeCpu.push(this.cores);
      this.freeMem.push(this.memory);
    }
  }

  private slot(p: number): number {
    return this.granularity === 'host' ? p : p % this.racks;
  }

  /** Free cores left on the PM's tightest touched node after the VM goes there, or -1 if it does not fit. */
  private leftover(spec: VmSpec, p: number, node: number | undefined): number {
    const g = p * this.nodes;
    if (node === undefined) {
      const [cpu, mem] = [spec.cpu / 2, spec.memory / 2];
      if (this.freeCpu[g] < cpu || this.freeCpu[g + 1] < cpu || this.freeMem[g] < mem || this.freeMem[g + 1] < mem) return -1;
      return this.freeCpu[g] + this.freeCpu[g + 1] - spec.cpu;
    }
    if (this.freeCpu[g + node] < spec.cpu || this.freeMem[g + node] < spec.memory) return -1;
    return this.freeCpu[g + node] - spec.cpu;
  }

  /** Places the VM (first or best fit), or returns undefined when it fits nowhere. */
  place(spec: VmSpec, group?: string): Spot | undefined {
    if (!this.fitsEmpty(spec)) return undefined;
    const double = spec.numa === 'double';
    const blocked = group === undefined ? undefined : this.taken.get(group);
    let best: Spot | undefined;
    let bestLeft = Infinity;
    for (let p = 0; p < this.pmCount && !(best && this.scheduler === 'first-fit'); p++) {
      if (blocked?.has(this.slot(p))) continue;
      for (const node of double ? [undefined] : Array.from({ length: this.nodes }, (_, n) => n)) {
        const left = this.leftover(spec, p, node);
        if (left >= 0 && left < bestLeft) [best, bestLeft] = [{ pm: p, node }, left];
        if (best && this.scheduler === 'first-fit') break;
      }
    }
    if (best === undefined && this.fixed === undefined) {
      this.open();
      best = { pm: this.pmCount - 1, node: double ? undefined : 0 };
      // A new PM can still be blocked at rack level (every rack already holds the group): open until one is free.
      while (blocked?.has(this.slot(best.pm))) {
        this.open();
        best = { pm: this.pmCount - 1, node: best.node };
      }
    }
    if (best === undefined) return undefined;
    this.take(spec, best, 1);
    if (group !== undefined) {
      const slots = this.taken.get(group) ?? new Map<number, number>();
      slots.set(this.slot(best.pm), (slots.get(this.slot(best.pm)) ?? 0) + 1);
      this.taken.set(group, slots);
    }
    this.where.set(spec.id, { spot: best, spec, group });
    return best;
  }

  /** Removes a VM placed earlier (nothing happens for one that never found room). */
  remove(id: string): void {
    const entry = this.where.get(id);
    if (entry === undefined) return;
    this.where.delete(id);
    this.take(entry.spec, entry.spot, -1);
    if (entry.group !== undefined) {
      const slots = this.taken.get(entry.group)!;
      const slot = this.slot(entry.spot.pm);
      const left = slots.get(slot)! - 1;
      if (left === 0) slots.delete(slot);
      else slots.set(slot, left);
    }
  }

  private take(spec: VmSpec, spot: Spot, sign: 1 | -1): void {
    const g = spot.pm * this.nodes;
    const parts = spot.node === undefined ? [0, 1].map((n) => [g + n, 2]) : [[g + spot.node, 1]];
    for (const [node, share] of parts) {
      this.freeCpu[node] -= (sign * spec.cpu) / share;
      this.freeMem[node] -= (sign * spec.memory) / share;
    }
  }

  /** The PMs, named `${prefix}${index}` in `rack-${index % racks}`. */
  pms(prefix: string): PhysicalMachine[] {
    const node = { cpu: this.cores, memory: this.memory };
    return Array.from({ length: this.pmCount }, (_, p) => ({
      id: `${prefix}${p}`,
      status: 'active',
      rack: `rack-${p % this.racks}`,
      nodes: Array.from({ length: this.nodes }, () => ({ ...node })),
    }));
  }
}
