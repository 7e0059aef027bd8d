/**
 * The VM-rescheduling model as plain data (what importers return, what is stored and sent to workers), and its
 * compiled form (flat typed arrays) that the simulation and the policy view read.
 *
 * Free CPU and memory are never part of the plain form: they are always recomputed from the VMs, because snapshot
 * files disagree with themselves (the VMR2L sample's stored free memory is wrong on 153 of 558 NUMA nodes).
 */
import { InputError } from '../core/errors';

/** Only active PMs take part: they host migrations and count in the fragment rate. */
export const PM_STATUSES = ['active', 'disabled', 'outage'] as const;
export type PmStatus = (typeof PM_STATUSES)[number];

/** single: all of the VM on one NUMA node; double: equal halves on both nodes of one PM. */
export const NUMA_MODES = ['single', 'double'] as const;
export type NumaMode = (typeof NUMA_MODES)[number];

/** Capacity of one NUMA node. */
export interface NumaNode {
  /** Cores, a whole number >= 0. */
  readonly cpu: number;
  /** Memory in MB. */
  readonly memory: number;
}

export interface PhysicalMachine {
  /** The scenario's id ("host-3tef86p1d64e8i4r0a8x"). */
  readonly id: string;
  readonly status: PmStatus;
  /** Rack label, unique across clusters ("b05-dpdk-c1/2"). */
  readonly rack: string;
  /** One node means no NUMA; two is the usual case. */
  readonly nodes: readonly NumaNode[];
}

export interface VirtualMachine {
  readonly id: string;
  /** Flavour name, for display ("ecs.c1.4xlarge"). */
  readonly type?: string;
  /** Total cores; a double-NUMA VM takes half on each node, so its cores are even. */
  readonly cpu: number;
  /** Total memory in MB; a double-NUMA VM takes half on each node. */
  readonly memory: number;
  readonly numa: NumaMode;
  /** Index of the host PM in `pms`. */
  readonly pm: number;
  /** Node of a single-NUMA VM (a double-NUMA VM uses nodes 0 and 1). */
  readonly node?: number;
  /** False for a VM that may not migrate (default true). */
  readonly movable?: boolean;
}

export interface VmScenario {
  readonly name: string;
  readonly description?: string;
  readonly pms: readonly PhysicalMachine[];
  readonly vms: readonly VirtualMachine[];
  /** Migration number limit stated by the scenario (the run's option overrides it). */
  readonly migrationLimit?: number;
}

/** Flat arrays over the scenario. Nodes have a global index: PM p owns nodes pmNodeStart[p] .. pmNodeStart[p+1]-1. */
export interface CompiledScenario {
  readonly source: VmScenario;
  readonly pmCount: number;
  readonly vmCount: number;
  readonly nodeCount: number;
  readonly pmNodeStart: Int32Array;
  readonly pmActive: Uint8Array;
  /** Index into `rackLabels`. */
  readonly pmRack: Int32Array;
  readonly rackLabels: readonly string[];
  readonly nodePm: Int32Array;
  readonly nodeCpu: Float64Array;
  readonly nodeMem: Float64Array;
  readonly vmCpu: Float64Array;
  readonly vmMem: Float64Array;
  readonly vmDouble: Uint8Array;
  readonly vmMovable: Uint8Array;
}

/** Where the VMs are and what is free: the part of the state a migration changes. */
export interface Placement {
  readonly vmPm: Int32Array;
  /** Local node of a single-NUMA VM; -1 for a double-NUMA VM. */
  readonly vmNode: Int32Array;
  /** Per global node, recomputed from the VMs. */
  readonly freeCpu: Float64Array;
  readonly freeMem: Float64Array;
}

const isWhole = (x: number): boolean => Number.isInteger(x) && x >= 0;

/** Checks the plain scenario and builds the flat arrays; every problem is an InputError naming the PM or VM. */
export function compileScenario(scenario: VmScenario): CompiledScenario {
  const pms = scenario.pms;
  const pmCount = pms.length;
  const pmNodeStart = new Int32Array(pmCount + 1);
  for (let p = 0; p < pmCount; p++) {
    const pm = pms[p];
    if (!PM_STATUSES.includes(pm.status)) throw new InputError(`PM ${pm.id}: unknown status "${pm.status}"`);
    if (pm.nodes.length < 1) throw new InputError(`PM ${pm.id}: has no NUMA node`);
    pmNodeStart[p + 1] = pmNodeStart[p] + pm.nodes.length;
  }
  const nodeCount = pmNodeStart[pmCount];
  const nodePm = new Int32Array(nodeCount);
  const nodeCpu = new Float64Array(nodeCount);
  const nodeMem = new Float64Array(nodeCount);
  const pmActive = new Uint8Array(pmCount);
  const pmRack = new Int32Array(pmCount);
  const rackIndex = new Map<string, number>();
  for (let p = 0; p < pmCount; p++) {
    const pm = pms[p];
    pmActive[p] = pm.status === 'active' ? 1 : 0;
    if (!rackIndex.has(pm.rack)) rackIndex.set(pm.rack, rackIndex.size);
    pmRack[p] = rackIndex.get(pm.rack)!;
    pm.nodes.forEach((node, i) => {
      if (!isWhole(node.cpu)) throw new InputError(`PM ${pm.id} node ${i}: cpu ${node.cpu} is not a whole number >= 0`);
      if (!(Number.isFinite(node.memory) && node.memory >= 0)) throw new InputError(`PM ${pm.id} node ${i}: memory ${node.memory} is not a number >= 0`);
      const g = pmNodeStart[p] + i;
      nodePm[g] = p;
      nodeCpu[g] = node.cpu;
      nodeMem[g] = node.memory;
    });
  }
  const vmCount = scenario.vms.length;
  const vmCpu = new Float64Array(vmCount);
  const vmMem = new Float64Array(vmCount);
  const vmDouble = new Uint8Array(vmCount);
  const vmMovable = new Uint8Array(vmCount);
  scenario.vms.forEach((vm, v) => {
    if (!(isWhole(vm.cpu) && vm.cpu > 0)) throw new InputError(`VM ${vm.id}: cpu ${vm.cpu} is not a whole number > 0`);
    if (!(Number.isFinite(vm.memory) && vm.memory >= 0)) throw new InputError(`VM ${vm.id}: memory ${vm.memory} is not a number >= 0`);
    if (!NUMA_MODES.includes(vm.numa)) throw new InputError(`VM ${vm.id}: unknown numa mode "${vm.numa}"`);
    if (vm.numa === 'double' && vm.cpu % 2 !== 0) throw new InputError(`VM ${vm.id}: a double-NUMA VM needs an even number of cores, not ${vm.cpu}`);
    vmCpu[v] = vm.cpu;
    vmMem[v] = vm.memory;
    vmDouble[v] = vm.numa === 'double' ? 1 : 0;
    vmMovable[v] = vm.movable === false ? 0 : 1;
  });
  return {
    source: scenario,
    pmCount,
    vmCount,
    nodeCount,
    pmNodeStart,
    pmActive,
    pmRack,
    rackLabels: [...rackIndex.keys()],
    nodePm,
    nodeCpu,
    nodeMem,
    vmCpu,
    vmMem,
    vmDouble,
    vmMovable,
  };
}

/** The scenario's initial placement with free resources recomputed from the VMs; a node over capacity is an InputError. */
export function initialPlacement(compiled: CompiledScenario): Placement {
  const { source, pmNodeStart } = compiled;
  const freeCpu = Float64Array.from(compiled.nodeCpu);
  const freeMem = Float64Array.from(compiled.nodeMem);
  const vmPm = new Int32Array(compiled.vmCount);
  const vmNode = new Int32Array(compiled.vmCount);
  source.vms.forEach((vm, v) => {
    const p = vm.pm;
    if (!(Number.isInteger(p) && p >= 0 && p < compiled.pmCount)) throw new InputError(`VM ${vm.id}: PM index ${p} is out of range`);
    const nodes = pmNodeStart[p + 1] - pmNodeStart[p];
    vmPm[v] = p;
    if (vm.numa === 'double') {
      if (nodes !== 2) throw new InputError(`VM ${vm.id}: double-NUMA on PM ${source.pms[p].id}, which has ${nodes} node(s); expected 2`);
      vmNode[v] = -1;
      for (let g = pmNodeStart[p]; g < pmNodeStart[p] + 2; g++) {
        freeCpu[g] -= vm.cpu / 2;
        freeMem[g] -= vm.memory / 2;
      }
    } else {
      const node = vm.node ?? 0;
      if (!(Number.isInteger(node) && node >= 0 && node < nodes)) throw new InputError(`VM ${vm.id}: node ${node} does not exist on PM ${source.pms[p].id}`);
      vmNode[v] = node;
      freeCpu[pmNodeStart[p] + node] -= vm.cpu;
      freeMem[pmNodeStart[p] + node] -= vm.memory;
    }
  });
  for (let g = 0; g < compiled.nodeCount; g++) {
    if (freeCpu[g] < 0 || freeMem[g] < 0) {
      const p = compiled.nodePm[g];
      const what = freeCpu[g] < 0 ? `cpu by ${-freeCpu[g]} cores` : `memory by ${-freeMem[g]} MB`;
      throw new InputError(`PM ${source.pms[p].id} node ${g - pmNodeStart[p]} is over capacity: its VMs exceed its ${what}`);
    }
  }
  return { vmPm, vmNode, freeCpu, freeMem };
}
