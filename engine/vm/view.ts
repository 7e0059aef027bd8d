import type { Rng } from '../core/rng';
import type { ParamValues } from '../core/params';
import { PolicyError } from '../core/errors';
import type { ClusterState } from './cluster-state';
import type { VmView } from './policy-api';

/**
 * The one view object of a run, reused for every decision: accessor methods over the run's typed arrays, which it
 * never hands out, so a policy can change nothing except by what it returns.
 */
export class RunView implements VmView {
  migrations = 0;

  constructor(
    private readonly state: ClusterState,
    private readonly params: ParamValues,
    private readonly rng: Rng,
    private readonly policyId: string,
    readonly migrationLimit: number,
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
    return this.state.compiled.source.vms[vm].id;
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
    for (const n of double ? [0, 1] : [this.state.vmNode[vm]]) add(source, n, share);
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

  param(name: string): number {
    const value = this.params[name];
    if (value === undefined) throw new PolicyError(this.policyId, `read parameter "${name}", which it does not declare`);
    return value;
  }

  random(): number {
    return this.rng.next();
  }
}
