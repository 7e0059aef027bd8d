import type { Rng } from '../core/rng';
import type { ParamValues } from '../core/params';
import { PolicyError } from '../core/errors';
import type { ClusterState } from './cluster-state';
import { orderMoves } from './plan-order';
import type { Migration, MipOptions, MipSolution, VmObjective, VmView } from './policy-api';
import type { MipSolver } from './run-types';

/**
 * The one view object of a run, reused for every decision: accessor methods over the run's typed arrays, which it
 * never hands out, so a policy can change nothing except by what it returns.
 */
export class RunView implements VmView {
  migrations = 0;
  pendingCount = 0;
  /** What the policy recorded with note(), in the order first written. */
  readonly notes: Record<string, number | string | boolean> = {};

  constructor(
    private readonly state: ClusterState,
    private readonly params: ParamValues,
    private readonly rng: Rng,
    private readonly policyId: string,
    readonly migrationLimit: number,
    readonly mode: 'rescheduling' | 'placement',
    readonly objective: VmObjective,
    private readonly mipSolver: MipSolver | undefined,
  ) {}

  get pmCount(): number {
    return this.state.compiled.pmCount;
  }
  get vmCount(): number {
    return this.state.compiled.vmCount;
  }
  get fragmentSize(): number {
    return this.state.fragment.size;
  }
  get fragmentRate(): number {
    return this.state.fragment.rate;
  }
  get fragmentCores(): number {
    return this.state.fragment.fragmentCores;
  }
  get freeCores(): number {
    return this.state.fragment.freeCores;
  }

  pmId(pm: number): string {
    return this.state.compiled.source.pms[pm].id;
  }
  pmActive(pm: number): boolean {
    return this.state.compiled.pmActive[pm] === 1;
  }
  pmRack(pm: number): number {
    return this.state.compiled.pmRack[pm];
  }
  pmNodeCount(pm: number): number {
    return this.state.pmNodeCount(pm);
  }
  nodeCpu(pm: number, node: number): number {
    return this.state.compiled.nodeCpu[this.state.compiled.pmNodeStart[pm] + node];
  }
  nodeMemory(pm: number, node: number): number {
    return this.state.compiled.nodeMem[this.state.compiled.pmNodeStart[pm] + node];
  }
  freeCpu(pm: number, node: number): number {
    return this.state.freeCpu[this.state.compiled.pmNodeStart[pm] + node];
  }
  freeMemory(pm: number, node: number): number {
    return this.state.freeMem[this.state.compiled.pmNodeStart[pm] + node];
  }

  vmId(vm: number): string {
    return this.state.compiled.vmIds[vm];
  }
  vmCpu(vm: number): number {
    return this.state.compiled.vmCpu[vm];
  }
  vmMemory(vm: number): number {
    return this.state.compiled.vmMem[vm];
  }
  vmDouble(vm: number): boolean {
    return this.state.compiled.vmDouble[vm] === 1;
  }
  vmMovable(vm: number): boolean {
    return this.state.compiled.vmMovable[vm] === 1;
  }
  vmPm(vm: number): number {
    return this.state.vmPm[vm];
  }
  vmNode(vm: number): number {
    return this.state.vmNode[vm];
  }

  vmPending(vm: number): boolean {
    return this.state.vmPm[vm] < 0;
  }
  vmPriority(vm: number): number {
    return this.state.compiled.vmPriority[vm];
  }

  get groupCount(): number {
    return this.state.compiled.groupRack.length;
  }
  groupRackLevel(group: number): boolean {
    return this.state.compiled.groupRack[group] === 1;
  }
  groupSize(group: number): number {
    const c = this.state.compiled;
    return c.groupStart[group + 1] - c.groupStart[group];
  }
  groupMember(group: number, k: number): number {
    return this.state.compiled.groupMembers[this.state.compiled.groupStart[group] + k];
  }
  vmGroupCount(vm: number): number {
    const c = this.state.compiled;
    return c.vmGroupStart[vm + 1] - c.vmGroupStart[vm];
  }
  vmGroup(vm: number, k: number): number {
    return this.state.compiled.vmGroups[this.state.compiled.vmGroupStart[vm] + k];
  }

  canMove(vm: number, pm: number, node?: number): boolean {
    return this.state.check(vm, pm, node).ok;
  }

  fragmentChange(vm: number, pm: number, node?: number): number {
    const check = this.state.check(vm, pm, node);
    if (!check.ok) return Infinity;
    const c = this.state.compiled;
    const size = this.fragmentSize;
    const double = c.vmDouble[vm] === 1;
    const share = double ? c.vmCpu[vm] / 2 : c.vmCpu[vm];
    // Free cores gained (+) or used (-) per global node the move touches: at most two nodes on each side.
    const change = new Map<number, number>();
    const add = (onPm: number, onNode: number, cpu: number) => {
      const g = c.pmNodeStart[onPm] + onNode;
      change.set(g, (change.get(g) ?? 0) + cpu);
    };
    const source = this.state.vmPm[vm];
    // A pending VM frees nothing: it only takes room.
    if (source >= 0) for (const n of double ? [0, 1] : [this.state.vmNode[vm]]) add(source, n, share);
    for (const n of double ? [0, 1] : [check.move.node]) add(pm, n, -share);
    let delta = 0;
    for (const [g, cpu] of change) {
      // Only active PMs count towards fragments (and FR).
      if (c.pmActive[c.nodePm[g]] === 0) continue;
      const free = this.state.freeCpu[g];
      delta += ((free + cpu) % size) - (free % size);
    }
    return delta;
  }

  orderMoves(targets: readonly Migration[]): { readonly order: Migration[]; readonly blocked: Migration[] } {
    const seen = new Set<number>();
    for (const target of targets) {
      if (seen.has(target.vm)) throw new PolicyError(this.policyId, `orderMoves() got VM ${target.vm} twice; give each VM one target`);
      seen.add(target.vm);
    }
    return orderMoves(this.state, targets);
  }

  solveMip(lp: string, options: MipOptions = {}): MipSolution {
    if (this.mipSolver === undefined) {
      throw new PolicyError(
        this.policyId,
        'called solveMip(), but this run has no MIP solver; a policy that calls it declares usesMip: true, so the lab and the command line load HiGHS before the run',
      );
    }
    return this.mipSolver(lp, options);
  }

  note(name: string, value: number | string | boolean): void {
    if (typeof name !== 'string' || name === '') throw new PolicyError(this.policyId, 'called note() without a name');
    if (!['number', 'string', 'boolean'].includes(typeof value)) throw new PolicyError(this.policyId, `note "${name}" is ${typeof value}; expected a number, string or boolean`);
    this.notes[name] = value;
  }

  param(name: string): number {
    const value = this.params[name];
    if (value === undefined) throw new PolicyError(this.policyId, `read parameter "${name}", which it does not declare`);
    return value;
  }

  random(): number {
    return this.rng.next();
  }
}
