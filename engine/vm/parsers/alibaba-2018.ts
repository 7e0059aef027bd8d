/**
 * Alibaba cluster-trace-v2018 (`alibaba/clusterdata`, schema.md): two headerless CSVs,
 *
 *   machine_meta.csv:   machine_id, time_stamp, failure_domain_1, failure_domain_2, cpu_num, mem_size, status
 *   container_meta.csv: container_id, machine_id, time_stamp, app_du, status, cpu_request, cpu_limit, mem_size
 *
 * read as a snapshot at time t: for each machine and each container the latest row at or before t counts. Machines
 * become PMs (one NUMA node, or two halves with `splitNuma`), rack = failure_domain_1; a machine whose status is
 * not USING is disabled. Containers become VMs on their machine with cpu_request / 100 cores (rounded up: the engine
 * counts whole cores), and app_du groups can become host- or rack-level anti-affinity groups (option). A container
 * whose latest status is not started/running, or whose machine is unknown, is left out of the snapshot.
 *
 * Memory is normalised 0-100 in both files (100 = the largest machine). We read it as `memoryScale` MB per unit,
 * default 1,024: a normalised 100 machine becomes 100 GB. Only ratios matter to the engine's memory check, and
 * round numbers keep the figures readable; give the real size of the largest machine to get real MB.
 *
 * With `splitNuma`, a container of more than half a machine's cores becomes double-NUMA (its cores rounded up to
 * even) and the rest single-NUMA, packed first fit by size onto the two halves in file order.
 */
import { InputError } from '../../core/errors';
import type { AntiAffinityGroup, PhysicalMachine, VirtualMachine, VmScenario } from '../model';
import { validate, type TraceImportOptions } from './azure-vmtable';
import { FieldReader, readCsv, type CsvRow } from './csv';

export const ALIBABA_MACHINE_COLUMNS = ['machine_id', 'time_stamp', 'failure_domain_1', 'failure_domain_2', 'cpu_num', 'mem_size', 'status'] as const;
export const ALIBABA_CONTAINER_COLUMNS = ['container_id', 'machine_id', 'time_stamp', 'app_du', 'status', 'cpu_request', 'cpu_limit', 'mem_size'] as const;

export interface AlibabaFiles {
  readonly machineMeta: string;
  readonly containerMeta: string;
}

export interface Alibaba2018Options extends TraceImportOptions {
  /** File labels for errors (default "machine_meta.csv" and "container_meta.csv"). */
  readonly sources?: { readonly machineMeta?: string; readonly containerMeta?: string };
  /** Snapshot time t in trace seconds (default: every row counts, the latest wins). */
  readonly time?: number;
  /** Two NUMA halves per machine instead of one node (default false). */
  readonly splitNuma?: boolean;
  /** app_du groups as anti-affinity (default 'none'). */
  readonly antiAffinity?: 'none' | 'host' | 'rack';
  /** MB per normalised memory unit (default 1,024). */
  readonly memoryScale?: number;
}

const RUNNING = new Set(['started', 'running', 'allocated']);

/** The latest row per key at or before t (later lines win ties, as a log appends). */
function latest(rows: readonly CsvRow[], reader: FieldReader, key: string, t: number): Map<string, CsvRow> {
  const out = new Map<string, CsvRow>();
  for (const row of rows) {
    const id = reader.word(row, key, 'an id');
    const time = reader.number(row, 'time_stamp', 'a time in seconds >= 0');
    if (time > t) continue;
    const before = out.get(id);
    if (before === undefined || Number(reader.text(before, 'time_stamp')) <= time) out.set(id, row);
  }
  return out;
}

export function parseAlibaba2018(files: AlibabaFiles, options: Alibaba2018Options = {}): VmScenario {
  const machineSource = options.sources?.machineMeta ?? 'machine_meta.csv';
  const containerSource = options.sources?.containerMeta ?? 'container_meta.csv';
  const t = options.time ?? Infinity;
  const scale = options.memoryScale ?? 1024;
  if (!(t >= 0)) throw new InputError(`alibaba 2018: time is ${t}; expected seconds >= 0`);
  if (!(Number.isFinite(scale) && scale > 0)) throw new InputError(`alibaba 2018: memoryScale is ${scale}; expected MB > 0`);
  const machines = new FieldReader(ALIBABA_MACHINE_COLUMNS, machineSource);
  const containers = new FieldReader(ALIBABA_CONTAINER_COLUMNS, containerSource);
  // Every row is checked, not only the latest ones: a bad line is a bad file, whatever t is.
  const machineRows = readCsv(files.machineMeta, ALIBABA_MACHINE_COLUMNS, machineSource);
  const containerRows = readCsv(files.containerMeta, ALIBABA_CONTAINER_COLUMNS, containerSource);
  for (const row of machineRows) {
    machines.number(row, 'cpu_num', 'a core count >= 1', 1);
    machines.number(row, 'mem_size', 'a normalised memory size (0-100)', 0);
  }
  for (const row of containerRows) {
    containers.number(row, 'cpu_request', 'a CPU request >= 0 (100 = 1 core)', 0);
    containers.number(row, 'mem_size', 'a normalised memory size (0-100)', 0, true);
  }

  const split = options.splitNuma === true;
  const pms: PhysicalMachine[] = [];
  const pmIndex = new Map<string, number>();
  const pmRow: CsvRow[] = [];
  for (const [id, row] of latest(machineRows, machines, 'machine_id', t)) {
    const cores = machines.number(row, 'cpu_num', 'a core count >= 1', 1);
    if (!Number.isInteger(cores) || (split && cores % 2 === 1)) throw machines.error(row, 'cpu_num', split ? 'an even whole number of cores (splitNuma halves it)' : 'a whole number of cores');
    const memory = machines.number(row, 'mem_size', 'a normalised memory size (0-100)') * scale;
    const rack = machines.text(row, 'failure_domain_1') || 'unknown';
    const node = split ? { cpu: cores / 2, memory: memory / 2 } : { cpu: cores, memory };
    pmIndex.set(id, pms.length);
    pmRow.push(row);
    pms.push({ id, status: machines.text(row, 'status').toUpperCase() === 'USING' ? 'active' : 'disabled', rack: `fd-${rack}`, nodes: split ? [node, { ...node }] : [node] });
  }

  const used = pms.map((pm) => pm.nodes.map(() => 0));
  const usedMem = pms.map((pm) => pm.nodes.map(() => 0));
  const vms: VirtualMachine[] = [];
  const groups = new Map<string, string[]>();
  for (const [id, row] of latest(containerRows, containers, 'container_id', t)) {
    if (!RUNNING.has(containers.text(row, 'status').toLowerCase())) continue;
    const pm = pmIndex.get(containers.text(row, 'machine_id'));
    if (pm === undefined) continue;
    let cpu = Math.ceil(containers.number(row, 'cpu_request', 'a CPU request >= 0 (100 = 1 core)') / 100);
    if (cpu === 0) cpu = 1;
    const memory = (containers.number(row, 'mem_size', 'a normalised memory size (0-100)', 0, true) ?? 0) * scale;
    const half = pms[pm].nodes[0].cpu;
    const double = split && cpu > half;
    if (double && cpu % 2 === 1) cpu++;
    const nodes = pms[pm].nodes;
    const fits = (n: number, share: number): boolean => used[pm][n] + cpu / share <= nodes[n].cpu && usedMem[pm][n] + memory / share <= nodes[n].memory;
    const node = double ? undefined : nodes.findIndex((_, n) => fits(n, 1));
    // Over-committed machines exist in the trace; name the container rather than build an impossible snapshot.
    if (node === -1 || (double && !(fits(0, 2) && fits(1, 2)))) {
      const detail = `container "${id}" (${cpu} cores, ${memory} MB) does not fit machine "${pms[pm].id}" (line ${pmRow[pm].line} of ${machineSource}) next to the containers before it`;
      throw new InputError(detail, { source: containerSource, line: row.line });
    }
    for (const [n, share] of node === undefined ? [[0, 2], [1, 2]] : [[node, 1]]) {
      used[pm][n] += cpu / share;
      usedMem[pm][n] += memory / share;
    }
    vms.push({ id, cpu, memory, numa: double ? 'double' : 'single', pm, ...(node === undefined ? {} : { node }) });
    const app = containers.text(row, 'app_du');
    if (app !== '') groups.set(app, [...(groups.get(app) ?? []), id]);
  }

  const granularity = options.antiAffinity ?? 'none';
  const antiAffinity: AntiAffinityGroup[] =
    granularity === 'none' ? [] : [...groups.values()].filter((ids) => ids.length > 1).map((ids) => ({ granularity, vms: ids }));
  const scenario: VmScenario = {
    name: options.name ?? 'alibaba-2018',
    description: `Alibaba cluster-trace-v2018${Number.isFinite(t) ? ` at t = ${t} s` : ''}: ${pms.length} machines, ${vms.length} containers`,
    pms,
    vms,
    ...(antiAffinity.length > 0 ? { antiAffinity } : {}),
  };
  validate(scenario, containerSource);
  return scenario;
}
