/**
 * The Azure public dataset `vmtable` CSV (V1 and V2; no header), one VM per line:
 *
 *   vmid, subscriptionid, deploymentid, vmcreated, vmdeleted, maxcpu, avgcpu, p95maxcpu, vmcategory,
 *   vm core count, vm memory (GB)
 *
 * with times in seconds from the start of the trace. The importer replays the trace up to the snapshot time t with
 * a first-fit or best-fit scheduler on a cluster of a given PM shape (VMs that left before t leave their holes
 * behind, as in a real cluster); the VMs alive at t are the snapshot, and creates and deletes in (t, t + horizon]
 * become the drift events.
 *
 * V2 gives core and memory counts as bucket labels; a plain number is read as it is, and an open bucket ">N" is read
 * as the next power of two above N (">24" cores -> 32, ">64" GB -> 128): the smallest common VM size in the bucket,
 * a stated guess since the trace does not say more. A VM larger than one NUMA node is double-NUMA (its cores rounded
 * up to even); the usage columns (maxcpu, avgcpu, p95maxcpu, vmcategory) are not used.
 *
 * Deployment ids can become anti-affinity groups (option): VMs of one deployment are kept on different PMs (or
 * racks) by the replay scheduler and the group is recorded in the scenario.
 */
import { InputError } from '../../core/errors';
import { compileScenario, initialPlacement } from '../compile';
import type { AntiAffinityGroup, VirtualMachine, VmEvent, VmScenario, VmSpec } from '../model';
import { FieldReader, readCsv, type CsvRow } from './csv';
import { ReplayCluster, type InitialScheduler, type PmShape } from './replay-cluster';

export const AZURE_VMTABLE_COLUMNS = [
  'vmid', 'subscriptionid', 'deploymentid', 'vmcreated', 'vmdeleted', 'maxcpu', 'avgcpu', 'p95maxcpu', 'vmcategory',
  'vm core count', 'vm memory (GB)',
] as const;

export interface TraceImportOptions {
  /** File name or label for error messages; also the default scenario name. */
  readonly source?: string;
  readonly name?: string;
}

export interface AzureVmtableOptions extends TraceImportOptions {
  /** Snapshot time t in trace seconds (default 0). */
  readonly time?: number;
  /** Seconds after t whose creates and deletes become events (default 3600; 0 for none). */
  readonly horizon?: number;
  /** PM count; leave out to open a PM whenever nothing fits (then the cluster is as large as the replay needed). */
  readonly pms?: number;
  readonly pm?: PmShape;
  /** Racks, PM p in rack p mod racks (default 10). */
  readonly racks?: number;
  /** The replay scheduler (default 'best-fit'). */
  readonly scheduler?: InitialScheduler;
  /** With a fixed PM count, a VM alive at t that found no room: an error (default) or a pending VM. */
  readonly overflow?: 'error' | 'pending';
  /** Deployments as anti-affinity groups (default 'none'). */
  readonly antiAffinity?: 'none' | 'host' | 'rack';
}

interface TraceVm {
  readonly row: CsvRow;
  readonly spec: VmSpec;
  readonly deployment: string;
  readonly created: number;
  readonly deleted: number;
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p <= n) p *= 2;
  return p;
}

/** A count or an open bucket label (">24"). */
function bucket(reader: FieldReader, row: CsvRow, name: string, expected: string): number {
  const raw = reader.text(row, name);
  const open = /^>\s*(\d+(?:\.\d+)?)$/.exec(raw);
  if (open) return nextPowerOfTwo(Number(open[1]));
  const value = reader.number(row, name, expected);
  if (value <= 0) throw reader.error(row, name, expected);
  return value;
}

function readVms(text: string, source: string | undefined, cores: number): TraceVm[] {
  const names = AZURE_VMTABLE_COLUMNS;
  const reader = new FieldReader(names, source);
  const seen = new Map<string, number>();
  return readCsv(text, names, source).map((row) => {
    const id = reader.word(row, 'vmid', 'a VM id');
    const earlier = seen.get(id);
    if (earlier !== undefined) throw new InputError(`column "vmid": "${id}" repeats the VM of line ${earlier}`, { source, line: row.line, column: 1 });
    seen.set(id, row.line);
    const created = reader.number(row, 'vmcreated', 'a creation time in seconds >= 0');
    const deleted = reader.number(row, 'vmdeleted', 'a deletion time in seconds >= 0');
    if (deleted < created) throw reader.error(row, 'vmdeleted', `a time >= vmcreated (${created})`);
    let cpu = Math.ceil(bucket(reader, row, 'vm core count', 'a core count > 0 or a bucket like ">24"'));
    const memory = bucket(reader, row, 'vm memory (GB)', 'a memory size in GB > 0 or a bucket like ">64"') * 1024;
    const double = cpu > cores;
    if (double && cpu % 2 === 1) cpu++;
    return { row, created, deleted, deployment: reader.text(row, 'deploymentid'), spec: { id, cpu, memory, numa: double ? 'double' : 'single' } };
  });
}

function check(ok: boolean, detail: string): void {
  if (!ok) throw new InputError(`azure vmtable: ${detail}`);
}

/** Reads a vmtable and builds the snapshot at `time` with its drift events; throws an InputError naming the line. */
export function parseAzureVmtable(text: string, options: AzureVmtableOptions = {}): VmScenario {
  const { source } = options;
  const t = options.time ?? 0;
  const horizon = options.horizon ?? 3600;
  const racks = options.racks ?? 10;
  check(Number.isFinite(t) && t >= 0, `time is ${t}; expected seconds >= 0`);
  check(Number.isFinite(horizon) && horizon >= 0, `horizon is ${horizon}; expected seconds >= 0`);
  check(Number.isSafeInteger(racks) && racks >= 1, `racks is ${racks}; expected an integer >= 1`);
  check(options.pms === undefined || (Number.isSafeInteger(options.pms) && options.pms >= 1), `pms is ${options.pms}; expected an integer >= 1`);
  const granularity = options.antiAffinity ?? 'none';
  const cluster = new ReplayCluster(options.pm ?? {}, options.pms, racks, options.scheduler ?? 'best-fit', granularity === 'rack' ? 'rack' : 'host');
  check(Number.isSafeInteger(cluster.cores) && cluster.cores >= 1, `coresPerNode is ${cluster.cores}; expected an integer >= 1`);
  const vms = readVms(text, source, cluster.nodes === 2 ? cluster.cores : Infinity);
  for (const vm of vms) {
    if (!cluster.fitsEmpty(vm.spec)) {
      throw new InputError(`VM "${vm.spec.id}" (${vm.spec.cpu} cores, ${vm.spec.memory} MB) does not fit an empty PM`, { source, line: vm.row.line });
    }
  }
  // Deployments with one VM constrain nothing.
  const deploymentSize = new Map<string, number>();
  for (const vm of vms) deploymentSize.set(vm.deployment, (deploymentSize.get(vm.deployment) ?? 0) + 1);
  const groupOf = (vm: TraceVm): string | undefined => (granularity !== 'none' && vm.deployment !== '' && deploymentSize.get(vm.deployment)! > 1 ? vm.deployment : undefined);

  // Replay [0, t]: at equal times an exit goes first, so its room is free for the arrival (ties by line).
  const history = vms.filter((vm) => vm.created <= t && vm.deleted > vm.created);
  const steps = [
    ...history.map((vm) => ({ time: vm.created, create: true, vm })),
    ...history.filter((vm) => vm.deleted <= t).map((vm) => ({ time: vm.deleted, create: false, vm })),
  ].sort((a, b) => a.time - b.time || Number(a.create) - Number(b.create) || a.vm.row.line - b.vm.row.line);
  const spots = new Map<string, { pm: number; node?: number }>();
  const pending: VmSpec[] = [];
  for (const step of steps) {
    if (!step.create) {
      cluster.remove(step.vm.spec.id);
      spots.delete(step.vm.spec.id);
      continue;
    }
    const spot = cluster.place(step.vm.spec, groupOf(step.vm));
    if (spot) spots.set(step.vm.spec.id, spot);
    else if (step.vm.deleted > t) {
      if (options.overflow !== 'pending') {
        throw new InputError(`VM "${step.vm.spec.id}" finds no room on the ${cluster.pmCount} PMs at its creation (${step.time} s); add PMs or use overflow 'pending'`, { source, line: step.vm.row.line });
      }
      pending.push(step.vm.spec);
    }
  }
  const alive = history.filter((vm) => vm.deleted > t);
  const placed: VirtualMachine[] = alive.filter((vm) => spots.has(vm.spec.id)).map((vm) => ({ ...vm.spec, ...spots.get(vm.spec.id)! }));

  // Events in (t, t + horizon]: creates of later VMs, deletes of VMs that exist then (not of pending ones).
  const waiting = new Set(pending.map((vm) => vm.id));
  const events: (VmEvent & { line: number })[] = [];
  for (const vm of vms) {
    if (vm.deleted <= vm.created) continue;
    const createdInWindow = vm.created > t && vm.created <= t + horizon;
    if (createdInWindow) events.push({ time: vm.created - t, kind: 'create', vm: vm.spec, line: vm.row.line });
    if ((createdInWindow || (vm.created <= t && !waiting.has(vm.spec.id))) && vm.deleted > t && vm.deleted <= t + horizon) {
      events.push({ time: vm.deleted - t, kind: 'delete', vm: vm.spec.id, line: vm.row.line });
    }
  }
  events.sort((a, b) => a.time - b.time || a.line - b.line || (a.kind === 'create' ? -1 : 1));

  const members = new Map<string, string[]>();
  for (const vm of [...alive, ...vms.filter((v) => v.created > t && v.created <= t + horizon && v.deleted > v.created)]) {
    const group = groupOf(vm);
    if (group !== undefined) members.set(group, [...(members.get(group) ?? []), vm.spec.id]);
  }
  const antiAffinity: AntiAffinityGroup[] = [...members.values()]
    .filter((ids) => ids.length > 1)
    .map((ids) => ({ granularity: granularity === 'rack' ? 'rack' : 'host', vms: ids }));

  const scenario: VmScenario = {
    name: options.name ?? source?.split(/[\\/]/).pop()?.replace(/\.[^.]*$/, '') ?? 'azure-vmtable',
    description: `Azure vmtable at t = ${t} s: ${placed.length} VMs on ${cluster.pmCount} PMs (${options.scheduler ?? 'best-fit'} replay), ${events.length} events in the next ${horizon} s`,
    pms: cluster.pms('pm-'),
    vms: placed,
    ...(pending.length > 0 ? { pending } : {}),
    ...(antiAffinity.length > 0 ? { antiAffinity } : {}),
    ...(events.length > 0 ? { events: events.map(({ line: _line, ...event }) => event) } : {}),
  };
  validate(scenario, source);
  return scenario;
}

/** The engine's own checks, as the VMR2L importer runs them: an importer returns a scenario that compiles and places. */
export function validate(scenario: VmScenario, source: string | undefined): void {
  try {
    initialPlacement(compileScenario(scenario));
  } catch (error) {
    if (error instanceof InputError && source !== undefined) throw new InputError(error.detail, { source });
    throw error;
  }
}
