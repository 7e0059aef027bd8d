/**
 * The VMR2L snapshot JSON (the format the VMR2L gym environment reads with `parse_input`):
 *
 *   { "cluster_list": [ { "cluster_name", "host_info": [host], "vm_instance": [vm], ... } ],
 *     "vm_type_list": [...], "general_requirement": { "maximum_migration"?, ... } }
 *   host = { "node_id", "status": ACTIVE|DISABLED|OUTAGE, "rack_id",
 *            "numa": [ { "node", "total_cpu", "memory_huge_total_mb", "free_cpu"?, "memory_huge_free_mb"? } ] }
 *   vm   = { "instance_id", "instance_type"?, "host_id", "allow_migration"?,
 *            "numa": [ { "node", "cpu", "mem_mb" } ] }   (one entry: single-NUMA; two equal halves: double-NUMA)
 *
 * Only totals are read from a host: free CPU and memory are recomputed from the VMs (the sample's stored free memory
 * is wrong on 153 nodes). Deployment sets (`other_requirement.deployment_set: [{granularity: host|rack, data: [vm
 * ids]}]`) become anti-affinity groups, and `vm_type_list[].expected_newly_created_num` VMs of a type become pending
 * VMs for placement mode. Flavour limits are ignored, and unknown properties are tolerated, since the format belongs
 * to others.
 */
import { InputError } from '../../core/errors';
// The JSON position finder lives with the job-shop JSON importer; it is engine-neutral, so it is reused, not copied.
import { findJsonPath, lineColumnAt, parseJsonDocument } from '../../core/json-locate';
import { compileScenario, initialPlacement } from '../compile';
import type { AntiAffinityGroup, PhysicalMachine, PmStatus, VirtualMachine, VmScenario, VmSpec } from '../model';

type JsonPath = readonly (string | number)[];

export interface Vmr2lParseOptions {
  /** File name or label, used in error messages. */
  readonly source?: string;
  /** Scenario name (default: the source, or "vmr2l"). */
  readonly name?: string;
}

class SchemaProblem {
  constructor(
    readonly path: JsonPath,
    readonly message: string,
  ) {}
}

function formatPath(path: JsonPath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(top level)' : out;
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 24 ? `${value.slice(0, 24)}...` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function object(value: unknown, path: JsonPath): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SchemaProblem(path, `is ${describe(value)}; expected an object`);
  return value as Record<string, unknown>;
}

function array(value: unknown, path: JsonPath, what: string): unknown[] {
  if (!Array.isArray(value)) throw new SchemaProblem(path, `is ${describe(value)}; expected an array of ${what}`);
  return value;
}

function text(value: unknown, path: JsonPath): string {
  if (typeof value !== 'string' || value === '') throw new SchemaProblem(path, `is ${describe(value)}; expected a non-empty string`);
  return value;
}

function count(value: unknown, path: JsonPath, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new SchemaProblem(path, `is ${describe(value)}; expected ${what} (a whole number >= 0)`);
  return value;
}

function amount(value: unknown, path: JsonPath, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new SchemaProblem(path, `is ${describe(value)}; expected ${what} (a number >= 0)`);
  return value;
}

const STATUS: Readonly<Record<string, PmStatus>> = { ACTIVE: 'active', DISABLED: 'disabled', OUTAGE: 'outage' };

/** NUMA entries must be numbered 0, 1, ... in order, so a node is addressed by its position. */
function nodeIndex(entry: Record<string, unknown>, path: JsonPath, expected: number): void {
  if (entry.node !== expected) throw new SchemaProblem([...path, 'node'], `is ${describe(entry.node)}; expected node ${expected}`);
}

function readHost(value: unknown, path: JsonPath, cluster: string): PhysicalMachine {
  const host = object(value, path);
  const id = text(host.node_id, [...path, 'node_id']);
  const status = STATUS[host.status as string];
  if (status === undefined) throw new SchemaProblem([...path, 'status'], `is ${describe(host.status)}; expected "ACTIVE", "DISABLED" or "OUTAGE"`);
  const rack = host.rack_id;
  if (typeof rack !== 'number' && typeof rack !== 'string') throw new SchemaProblem([...path, 'rack_id'], `is ${describe(rack)}; expected a rack number or name`);
  const numa = array(host.numa, [...path, 'numa'], 'NUMA nodes');
  if (numa.length < 1) throw new SchemaProblem([...path, 'numa'], 'is empty; expected at least one NUMA node');
  const nodes = numa.map((raw, i) => {
    const at = [...path, 'numa', i];
    const entry = object(raw, at);
    nodeIndex(entry, at, i);
    return {
      cpu: count(entry.total_cpu, [...at, 'total_cpu'], 'the node\'s cores'),
      memory: amount(entry.memory_huge_total_mb, [...at, 'memory_huge_total_mb'], 'the node\'s memory in MB'),
    };
  });
  return { id, status, rack: `${cluster}/${rack}`, nodes };
}

function readVm(value: unknown, path: JsonPath, hostIndex: ReadonlyMap<string, number>): VirtualMachine {
  const vm = object(value, path);
  const id = text(vm.instance_id, [...path, 'instance_id']);
  const hostId = text(vm.host_id, [...path, 'host_id']);
  const pm = hostIndex.get(hostId);
  if (pm === undefined) throw new SchemaProblem([...path, 'host_id'], `is "${hostId}", which is not a host_info node_id`);
  const type = vm.instance_type === undefined ? undefined : text(vm.instance_type, [...path, 'instance_type']);
  if (vm.allow_migration !== undefined && typeof vm.allow_migration !== 'boolean' && vm.allow_migration !== 0 && vm.allow_migration !== 1) {
    throw new SchemaProblem([...path, 'allow_migration'], `is ${describe(vm.allow_migration)}; expected true, false, 0 or 1`);
  }
  const movable = vm.allow_migration === undefined ? undefined : Boolean(vm.allow_migration);
  const numa = array(vm.numa, [...path, 'numa'], 'NUMA shares');
  const parts = numa.map((raw, i) => {
    const at = [...path, 'numa', i];
    const entry = object(raw, at);
    const node = count(entry.node, [...at, 'node'], 'a node number');
    const cpu = count(entry.cpu, [...at, 'cpu'], 'cores');
    const memory = amount(entry.mem_mb, [...at, 'mem_mb'], 'memory in MB');
    if (cpu === 0) throw new SchemaProblem([...at, 'cpu'], 'is 0; expected at least one core');
    return { node, cpu, memory };
  });
  const base = { id, ...(type === undefined ? {} : { type }), pm, ...(movable === undefined ? {} : { movable }) };
  if (parts.length === 1) return { ...base, cpu: parts[0].cpu, memory: parts[0].memory, numa: 'single', node: parts[0].node };
  if (parts.length === 2) {
    const [a, b] = parts;
    if (a.node !== 0 || b.node !== 1) throw new SchemaProblem([...path, 'numa'], `lists nodes ${a.node} and ${b.node}; a double-NUMA VM uses nodes 0 and 1`);
    if (a.cpu !== b.cpu || a.memory !== b.memory) {
      throw new SchemaProblem([...path, 'numa', 1], `is ${b.cpu} cores / ${b.memory} MB but node 0 has ${a.cpu} / ${a.memory}; a double-NUMA VM takes equal halves`);
    }
    return { ...base, cpu: a.cpu * 2, memory: a.memory * 2, numa: 'double' };
  }
  throw new SchemaProblem([...path, 'numa'], `has ${parts.length} entries; expected 1 (single-NUMA) or 2 (double-NUMA)`);
}

function scenarioFrom(value: unknown, name: string): VmScenario {
  const top = object(value, []);
  const clusters = array(top.cluster_list, ['cluster_list'], 'clusters');
  const pms: PhysicalMachine[] = [];
  const hostIndex = new Map<string, number>();
  const hostPath: JsonPath[] = [];
  clusters.forEach((raw, c) => {
    const cluster = object(raw, ['cluster_list', c]);
    const clusterName = cluster.cluster_name === undefined ? `cluster ${c}` : text(cluster.cluster_name, ['cluster_list', c, 'cluster_name']);
    array(cluster.host_info, ['cluster_list', c, 'host_info'], 'hosts').forEach((rawHost, h) => {
      const path = ['cluster_list', c, 'host_info', h];
      const pm = readHost(rawHost, path, clusterName);
      const earlier = hostIndex.get(pm.id);
      if (earlier !== undefined) throw new SchemaProblem([...path, 'node_id'], `repeats "${pm.id}", already used at ${formatPath(hostPath[earlier])}`);
      hostIndex.set(pm.id, pms.length);
      hostPath.push(path);
      pms.push(pm);
    });
  });
  const vms: VirtualMachine[] = [];
  const seen = new Set<string>();
  clusters.forEach((raw, c) => {
    const cluster = raw as Record<string, unknown>;
    array(cluster.vm_instance, ['cluster_list', c, 'vm_instance'], 'VMs').forEach((rawVm, v) => {
      const path = ['cluster_list', c, 'vm_instance', v];
      const vm = readVm(rawVm, path, hostIndex);
      if (seen.has(vm.id)) throw new SchemaProblem([...path, 'instance_id'], `repeats "${vm.id}"`);
      seen.add(vm.id);
      const nodes = pms[vm.pm].nodes.length;
      if (vm.numa === 'double' ? nodes !== 2 : vm.node! >= nodes) {
        throw new SchemaProblem([...path, 'numa'], `does not fit host ${pms[vm.pm].id}, which has ${nodes} NUMA node(s)`);
      }
      vms.push(vm);
    });
  });
  const antiAffinity = readDeploymentSets(clusters, seen);
  const pending = readExpectedNew(top.vm_type_list, seen);
  let migrationLimit: number | undefined;
  if (top.general_requirement !== undefined) {
    const general = object(top.general_requirement, ['general_requirement']);
    if (general.maximum_migration !== undefined) migrationLimit = count(general.maximum_migration, ['general_requirement', 'maximum_migration'], 'a migration limit');
  }
  return {
    name,
    pms,
    vms,
    ...(migrationLimit === undefined ? {} : { migrationLimit }),
    ...(antiAffinity.length > 0 ? { antiAffinity } : {}),
    ...(pending.length > 0 ? { pending } : {}),
  };
}

function readDeploymentSets(clusters: readonly unknown[], vmIds: ReadonlySet<string>): AntiAffinityGroup[] {
  const groups: AntiAffinityGroup[] = [];
  clusters.forEach((raw, c) => {
    const cluster = raw as Record<string, unknown>;
    if (cluster.other_requirement === undefined) return;
    const other = object(cluster.other_requirement, ['cluster_list', c, 'other_requirement']);
    if (other.deployment_set === undefined) return;
    const path = ['cluster_list', c, 'other_requirement', 'deployment_set'];
    array(other.deployment_set, path, 'deployment sets').forEach((rawSet, k) => {
      const set = object(rawSet, [...path, k]);
      const granularity = set.granularity;
      if (granularity !== 'host' && granularity !== 'rack') throw new SchemaProblem([...path, k, 'granularity'], `is ${describe(granularity)}; expected "host" or "rack"`);
      const ids = array(set.data, [...path, k, 'data'], 'VM ids').map((id, i) => {
        const vm = text(id, [...path, k, 'data', i]);
        if (!vmIds.has(vm)) throw new SchemaProblem([...path, k, 'data', i], `is "${vm}", which is not a vm_instance instance_id`);
        return vm;
      });
      groups.push({ granularity, vms: ids });
    });
  });
  return groups;
}

function readExpectedNew(value: unknown, vmIds: ReadonlySet<string>): VmSpec[] {
  if (value === undefined) return [];
  const pending: VmSpec[] = [];
  array(value, ['vm_type_list'], 'VM types').forEach((raw, t) => {
    const path = ['vm_type_list', t];
    const type = object(raw, path);
    if (type.expected_newly_created_num === undefined) return;
    const wanted = count(type.expected_newly_created_num, [...path, 'expected_newly_created_num'], 'a number of VMs');
    if (wanted === 0) return;
    const name = text(type.vm_type, [...path, 'vm_type']);
    const cpu = count(type.request_cpu, [...path, 'request_cpu'], 'cores');
    const memory = amount(type.request_mem_mb, [...path, 'request_mem_mb'], 'memory in MB');
    if (type.numa !== 1 && type.numa !== 2) throw new SchemaProblem([...path, 'numa'], `is ${describe(type.numa)}; expected 1 or 2`);
    for (let k = 0; k < wanted; k++) {
      let id = `new-${name}-${k}`;
      while (vmIds.has(id)) id += "'";
      pending.push({ id, type: name, cpu, memory, numa: type.numa === 2 ? 'double' : 'single' });
    }
  });
  return pending;
}

/**
 * Reads a VMR2L snapshot. A syntax error names the line and column; a schema error names the JSON path
 * (`cluster_list[0].vm_instance[3].host_id`) and the line and column of that value; a node whose VMs exceed its
 * capacity names the host.
 */
export function parseVmr2l(input: string, options: Vmr2lParseOptions = {}): VmScenario {
  const { source } = options;
  const { body, value } = parseJsonDocument(input, source);
  let scenario: VmScenario;
  try {
    scenario = scenarioFrom(value, options.name || source || 'vmr2l');
  } catch (error) {
    if (!(error instanceof SchemaProblem)) throw error;
    const found = findJsonPath(body, error.path);
    const where = found ? lineColumnAt(body, found.offset) : undefined;
    throw new InputError(`${formatPath(error.path)} ${error.message}`, { source, line: where?.line, column: where?.column });
  }
  try {
    initialPlacement(compileScenario(scenario));
  } catch (error) {
    if (error instanceof InputError && source !== undefined) throw new InputError(error.detail, { source });
    throw error;
  }
  return scenario;
}
