/**
 * Small seeded clusters for tests and lessons: PMs of two NUMA nodes, VMs drawn from the VMR2L size mix (2-64
 * cores, 2 GB per core), placed first-fit in a random PM order until the target share of CPU is used. Some PMs can
 * be made inactive. The same options give the same scenario in every JavaScript engine.
 */
import { InputError } from '../../core/errors';
import { createRng } from '../../core/rng';
import type { PhysicalMachine, VirtualMachine, VmScenario } from '../model';

export interface RandomClusterOptions {
  readonly seed: number;
  /** Number of PMs (>= 1). */
  readonly pms: number;
  /** Cores per NUMA node (default 44). */
  readonly coresPerNode?: number;
  /** Target share of CPU allocated, in (0, 1] (default 0.9). */
  readonly utilisation?: number;
  /** Chance a PM is disabled (default 0). */
  readonly disabledShare?: number;
}

/** VMR2L core counts with their counts in the M sample, and the share of each that is double-NUMA. */
const SIZES = [
  { cpu: 2, weight: 337, double: 0 },
  { cpu: 4, weight: 909, double: 0.1 },
  { cpu: 8, weight: 368, double: 0.2 },
  { cpu: 16, weight: 230, double: 0.3 },
  { cpu: 32, weight: 111, double: 0.45 },
  { cpu: 64, weight: 130, double: 1 },
] as const;
const TOTAL_WEIGHT = SIZES.reduce((sum, s) => sum + s.weight, 0);
const MB_PER_CORE = 2048;

export function randomCluster(options: RandomClusterOptions): VmScenario {
  const { seed, pms: pmCount } = options;
  const cores = options.coresPerNode ?? 44;
  const utilisation = options.utilisation ?? 0.9;
  if (!(Number.isInteger(pmCount) && pmCount >= 1)) throw new InputError(`PM count ${pmCount} is not a whole number >= 1`);
  if (!(Number.isInteger(cores) && cores >= 2)) throw new InputError(`cores per node ${cores} is not a whole number >= 2`);
  if (!(utilisation > 0 && utilisation <= 1)) throw new InputError(`utilisation ${utilisation} is not in (0, 1]`);
  const rng = createRng(seed);
  const memory = cores * MB_PER_CORE * 2; // memory rarely binds, as in the VMR2L data
  const pms: PhysicalMachine[] = Array.from({ length: pmCount }, (_, p) => ({
    id: `pm-${p}`,
    status: rng.next() < (options.disabledShare ?? 0) ? 'disabled' : 'active',
    rack: `rack-${p % 4}`,
    nodes: [
      { cpu: cores, memory },
      { cpu: cores, memory },
    ],
  }));
  const free = pms.flatMap(() => [cores, cores]);
  const target = utilisation * 2 * cores * pmCount;
  const vms: VirtualMachine[] = [];
  let used = 0;
  let misses = 0;
  // Stop after a run of VMs that fit nowhere: the cluster is as full as this mix can make it.
  while (used < target && misses < 50) {
    let pick = rng.next() * TOTAL_WEIGHT;
    const size = SIZES.find((s) => (pick -= s.weight) < 0) ?? SIZES[0];
    const cpu = Math.min(size.cpu, 2 * cores);
    const double = rng.next() < size.double || cpu > cores;
    const start = rng.int(0, pmCount - 1);
    let placed = false;
    for (let k = 0; k < pmCount && !placed; k++) {
      const p = (start + k) % pmCount;
      if (double) {
        if (free[2 * p] >= cpu / 2 && free[2 * p + 1] >= cpu / 2) {
          free[2 * p] -= cpu / 2;
          free[2 * p + 1] -= cpu / 2;
          vms.push({ id: `vm-${vms.length}`, cpu, memory: cpu * MB_PER_CORE, numa: 'double', pm: p });
          placed = true;
        }
      } else {
        const node = free[2 * p] >= cpu ? 0 : free[2 * p + 1] >= cpu ? 1 : -1;
        if (node >= 0) {
          free[2 * p + node] -= cpu;
          vms.push({ id: `vm-${vms.length}`, cpu, memory: cpu * MB_PER_CORE, numa: 'single', pm: p, node });
          placed = true;
        }
      }
    }
    if (placed) {
      used += cpu;
      misses = 0;
    } else {
      misses++;
    }
  }
  return { name: `random-${seed}`, description: `${pmCount} PMs of 2 x ${cores} cores, seed ${seed}`, pms, vms };
}
