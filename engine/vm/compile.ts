/**
 * The compiled form of a VM scenario: flat typed arrays that the simulation and the policy view read.
 *
 * VM indices: the snapshot's VMs first (0 .. placedCount-1), then the pending VMs (.. vmCount-1), then the VMs
 * that drift events create (.. allVmCount-1). A policy sees the first vmCount; created VMs exist only while a plan
 * is replayed under drift.
 *
 * Free CPU and memory are never part of the plain form: they are always recomputed from the VMs, because snapshot
 * files disagree with themselves (the VMR2L sample's stored free memory is wrong on 153 of 558 NUMA nodes).
 */
import { InputError } from '../core/errors';
import { NUMA_MODES, PM_STATUSES, type VmScenario, type VmSpec } from './model';

/** Nodes have a global index: PM p owns nodes pmNodeStart[p] .. pmNodeStart[p+1]-1. */
export interface CompiledScenario {
  readonly source: VmScenario;
  readonly pmCount: number;
  /** Snapshot VMs plus pending VMs: what a policy sees. */
  readonly vmCount: number;
  /** Snapshot VMs (they have a place at the start). */
  readonly placedCount: number;
  /** vmCount plus the VMs created by drift events. */
  readonly allVmCount: number;
  readonly nodeCount: number;
  readonly pmNodeStart: Int32Array;
  readonly pmActive: Uint8Array;
  /** Index into `rackLabels`. */
  readonly pmRack: Int32Array;
  readonly rackLabels: readonly string[];
  readonly nodePm: Int32Array;
  readonly nodeCpu: Float64Array;
  readonly nodeMem: Float64Array;
  readonly vmIds: readonly string[];
  readonly vmIndex: ReadonlyMap<string, number>;
  readonly vmCpu: Float64Array;
  readonly vmMem: Float64Array;
  readonly vmDouble: Uint8Array;
  readonly vmMovable: Uint8Array;
  readonly vmPriority: Float64Array;
  /** Anti-affinity groups: members of group g are groupMembers[groupStart[g] .. groupStart[g+1]-1]. */
  readonly groupRack: Uint8Array;
  readonly groupStart: Int32Array;
  readonly groupMembers: Int32Array;
  /** Groups of VM v: vmGroups[vmGroupStart[v] .. vmGroupStart[v+1]-1]. */
  readonly vmGroupStart: Int32Array;
  readonly vmGroups: Int32Array;
  /** Drift events in time order: 1 = create, 0 = delete, of VM eventVm[k] at eventTime[k] seconds. */
  readonly eventTime: Float64Array;
  readonly eventCreate: Uint8Array;
  readonly eventVm: Int32Array;
}

/** Where the VMs are and what is free: the part of the state a migration changes. */
export interface Placement {
  /** PM of each VM; -1 while it has no place (pending, not yet created, or gone). */
  readonly vmPm: Int32Array;
  /** Local node of a single-NUMA VM; -1 for a double-NUMA VM or a VM without a place. */
  readonly vmNode: Int32Array;
  /** Per global node, recomputed from the VMs. */
  readonly freeCpu: Float64Array;
  readonly freeMem: Float64Array;
}

const isWhole = (x: number): boolean => Number.isInteger(x) && x >= 0;

function checkSpec(vm: VmSpec, where: string): void {
  if (typeof vm.id !== 'string' || vm.id === '') throw new InputError(`${where}: the id is not a non-empty string`);
  if (!(isWhole(vm.cpu) && vm.cpu > 0)) throw new InputError(`${where}: cpu ${vm.cpu} is not a whole number > 0`);
  if (!(Number.isFinite(vm.memory) && vm.memory >= 0)) throw new InputError(`${where}: memory ${vm.memory} is not a number >= 0`);
  if (!NUMA_MODES.includes(vm.numa)) throw new InputError(`${where}: unknown numa mode "${vm.numa}"`);
  if (vm.numa === 'double' && vm.cpu % 2 !== 0) throw new InputError(`${where}: a double-NUMA VM needs an even number of cores, not ${vm.cpu}`);
  if (vm.priority !== undefined && !Number.isFinite(vm.priority)) throw new InputError(`${where}: priority ${vm.priority} is not a number`);
}

function compilePms(scenario: VmScenario) {
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
  return { pmCount, nodeCount, pmNodeStart, nodePm, nodeCpu, nodeMem, pmActive, pmRack, rackLabels: [...rackIndex.keys()] };
}

/** Every VM the run can meet, in index order, with the events compiled against those indices. */
function compileVms(scenario: VmScenario) {
  const specs: VmSpec[] = [...scenario.vms, ...(scenario.pending ?? [])];
  const events = scenario.events ?? [];
  for (const event of events) if (event?.kind === 'create') specs.push(event.vm);
  const vmIndex = new Map<string, number>();
  specs.forEach((vm, v) => {
    const where = v < scenario.vms.length ? `VM ${vm?.id}` : v < scenario.vms.length + (scenario.pending?.length ?? 0) ? `pending VM ${vm?.id}` : `created VM ${vm?.id}`;
    checkSpec(vm, where);
    if (vmIndex.has(vm.id)) throw new InputError(`${where}: the id is used twice`);
    vmIndex.set(vm.id, v);
  });
  const eventTime = new Float64Array(events.length);
  const eventCreate = new Uint8Array(events.length);
  const eventVm = new Int32Array(events.length);
  const exists = new Set<number>(scenario.vms.map((_, v) => v));
  events.forEach((event, k) => {
    const where = `event ${k}`;
    if (!(Number.isFinite(event?.time) && event.time >= 0)) throw new InputError(`${where}: time ${event?.time} is not a number of seconds >= 0`);
    if (k > 0 && event.time < events[k - 1].time) throw new InputError(`${where}: time ${event.time} is before the previous event's ${events[k - 1].time}; events must be in time order`);
    eventTime[k] = event.time;
    if (event.kind === 'create') {
      const v = vmIndex.get(event.vm.id)!;
      eventCreate[k] = 1;
      eventVm[k] = v;
      exists.add(v);
    } else if (event.kind === 'delete') {
      const v = vmIndex.get(event.vm);
      if (v === undefined || !exists.has(v)) throw new InputError(`${where}: deletes VM "${String(event.vm)}", which does not exist at that time`);
      eventVm[k] = v;
      exists.delete(v);
    } else {
      throw new InputError(`${where}: unknown kind "${String((event as { kind?: unknown }).kind)}"; expected "create" or "delete"`);
    }
  });
  const allVmCount = specs.length;
  const vmCpu = new Float64Array(allVmCount);
  const vmMem = new Float64Array(allVmCount);
  const vmDouble = new Uint8Array(allVmCount);
  const vmMovable = new Uint8Array(allVmCount);
  const vmPriority = new Float64Array(allVmCount);
  specs.forEach((vm, v) => {
    vmCpu[v] = vm.cpu;
    vmMem[v] = vm.memory;
    vmDouble[v] = vm.numa === 'double' ? 1 : 0;
    vmMovable[v] = vm.movable === false ? 0 : 1;
    vmPriority[v] = vm.priority ?? 0;
  });
  return {
    placedCount: scenario.vms.length,
    vmCount: scenario.vms.length + (scenario.pending?.length ?? 0),
    allVmCount,
    vmIds: specs.map((vm) => vm.id),
    vmIndex,
    vmCpu,
    vmMem,
    vmDouble,
    vmMovable,
    vmPriority,
    eventTime,
    eventCreate,
    eventVm,
  };
}

function compileGroups(scenario: VmScenario, vmIndex: ReadonlyMap<string, number>, allVmCount: number) {
  const groups = scenario.antiAffinity ?? [];
  const groupRack = new Uint8Array(groups.length);
  const groupStart = new Int32Array(groups.length + 1);
  const members: number[] = [];
  const perVm: number[][] = Array.from({ length: allVmCount }, () => []);
  groups.forEach((group, g) => {
    if (group?.granularity !== 'host' && group?.granularity !== 'rack') {
      throw new InputError(`anti-affinity group ${g}: granularity "${String(group?.granularity)}" is not "host" or "rack"`);
    }
    groupRack[g] = group.granularity === 'rack' ? 1 : 0;
    for (const id of group.vms) {
      const v = vmIndex.get(id);
      if (v === undefined) throw new InputError(`anti-affinity group ${g}: VM "${id}" is not in the scenario`);
      members.push(v);
      perVm[v].push(g);
    }
    groupStart[g + 1] = members.length;
  });
  const vmGroupStart = new Int32Array(allVmCount + 1);
  perVm.forEach((list, v) => (vmGroupStart[v + 1] = vmGroupStart[v] + list.length));
  return { groupRack, groupStart, groupMembers: Int32Array.from(members), vmGroupStart, vmGroups: Int32Array.from(perVm.flat()) };
}

/** Checks the plain scenario and builds the flat arrays; every problem is an InputError naming the PM, VM or event. */
export function compileScenario(scenario: VmScenario): CompiledScenario {
  const pms = compilePms(scenario);
  const vms = compileVms(scenario);
  const groups = compileGroups(scenario, vms.vmIndex, vms.allVmCount);
  return { source: scenario, ...pms, ...vms, ...groups };
}

/** The scenario's initial placement with free resources recomputed from the VMs; a node over capacity is an InputError. */
export function initialPlacement(compiled: CompiledScenario): Placement {
  const { source, pmNodeStart } = compiled;
  const freeCpu = Float64Array.from(compiled.nodeCpu);
  const freeMem = Float64Array.from(compiled.nodeMem);
  const vmPm = new Int32Array(compiled.allVmCount).fill(-1);
  const vmNode = new Int32Array(compiled.allVmCount).fill(-1);
  source.vms.forEach((vm, v) => {
    const p = vm.pm;
    if (!(Number.isInteger(p) && p >= 0 && p < compiled.pmCount)) throw new InputError(`VM ${vm.id}: PM index ${p} is out of range`);
    const nodes = pmNodeStart[p + 1] - pmNodeStart[p];
    vmPm[v] = p;
    if (vm.numa === 'double') {
      if (nodes !== 2) throw new InputError(`VM ${vm.id}: double-NUMA on PM ${source.pms[p].id}, which has ${nodes} node(s); expected 2`);
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
