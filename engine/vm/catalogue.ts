/**
 * The built-in VM scenarios users pick with `--scenario <id>`: VMR2L-like clusters at the paper's sizes (regenerated
 * from fixed seeds on demand, not stored), drift variants of them with a churn stream, two hand-made teaching
 * clusters small enough to follow on paper, and a Kubernetes-style placement cluster with pending VMs of three
 * priorities. Any other scenario gets drift with `withChurn(scenario, options)`.
 */
import { createRng } from '../core/rng';
import { DEFAULT_CHURN_RATE, withChurn } from './generators/churn';
import { generateVmr2lLike, VMR2L_SIZES } from './generators/vmr2l-like';
import type { PhysicalMachine, VirtualMachine, VmScenario, VmSpec } from './model';

export interface VmCatalogueEntry {
  readonly id: string;
  readonly label: string;
  /** 'vmr2l', 'drift', 'teaching' or 'placement'. */
  readonly family: string;
  readonly description: string;
  /** Builds a fresh scenario each call (the same one every time). */
  build(): VmScenario;
}

/** The seed every VMR2L-like preset is generated from. */
export const CATALOGUE_SEED = 2025;
/** Drift variants: 30 minutes of churn, longer than any decision time in the paper's drift figure. */
const DRIFT_SECONDS = 1800;

const vmr2l = (size: keyof typeof VMR2L_SIZES): VmScenario =>
  generateVmr2lLike({ seed: CATALOGUE_SEED, ...VMR2L_SIZES[size], name: `vmr2l-${size}` });

/** A 16-core node, so every free core is a fragment until a whole node is free. */
const node16 = { cpu: 16, memory: 32_768 } as const;

function pm(id: string, rack: string): PhysicalMachine {
  return { id, status: 'active', rack, nodes: [node16, node16] };
}

function vm(id: string, cpu: number, at: number, node: number | 'double'): VirtualMachine {
  const memory = cpu * 2048;
  return node === 'double' ? { id, cpu, memory, numa: 'double', pm: at } : { id, cpu, memory, numa: 'single', pm: at, node };
}

/**
 * Three PMs of 2 x 16 cores with free cores 4, 6 | 2, 8 | 8, 10: every free core is a fragment (FR = 38/38 = 1).
 * Moving h and i (4c each) from pm-1 node 1 into pm-2 node 0 frees a whole node: FR = 22/38 = 0.58 in two moves.
 */
function teachingFragments(): VmScenario {
  return {
    name: 'teach-fragments',
    description: 'Three PMs of 2 x 16 cores, FR 1.0: two migrations free a whole node (FR 0.58), but no single move helps, so greedy stops at once',
    pms: [pm('pm-0', 'rack-a'), pm('pm-1', 'rack-a'), pm('pm-2', 'rack-b')],
    vms: [
      vm('a', 8, 0, 0), vm('b', 4, 0, 0), vm('c', 8, 0, 1), vm('d', 2, 0, 1),
      vm('e', 8, 1, 0), vm('f', 4, 1, 0), vm('g', 2, 1, 0), vm('h', 4, 1, 1), vm('i', 4, 1, 1),
      vm('j', 8, 2, 'double'), vm('k', 4, 2, 0), vm('l', 2, 2, 1),
    ],
  };
}

/**
 * Four PMs in two racks with a host-level group (web-1..3 on different PMs) and a rack-level one (db-1, db-2 in
 * different racks): some moves that would merge fragments are forbidden, so a policy has to look further.
 */
function teachingAntiAffinity(): VmScenario {
  return {
    name: 'teach-anti-affinity',
    description: 'Four PMs of 2 x 16 cores in two racks, with host- and rack-level anti-affinity groups',
    pms: [pm('pm-0', 'rack-a'), pm('pm-1', 'rack-a'), pm('pm-2', 'rack-b'), pm('pm-3', 'rack-b')],
    vms: [
      vm('web-1', 4, 0, 0), vm('db-1', 8, 0, 0), vm('batch-1', 8, 0, 1), vm('batch-2', 4, 0, 1),
      vm('web-2', 4, 1, 0), vm('batch-3', 8, 1, 0), vm('cache-1', 8, 1, 1),
      vm('web-3', 4, 2, 0), vm('db-2', 8, 2, 1), vm('batch-4', 4, 2, 1),
      vm('cache-2', 8, 3, 'double'), vm('batch-5', 2, 3, 0),
    ],
    antiAffinity: [
      { granularity: 'host', vms: ['web-1', 'web-2', 'web-3'] },
      { granularity: 'rack', vms: ['db-1', 'db-2'] },
    ],
  };
}

/**
 * A VMR2L-like cluster of 40 PMs with a quarter of its VMs taken out to wait as pending VMs, plus half as many
 * again as new ones, so more cores are pending than are free: priorities 2 (high, a fifth), 1 (three tenths) and 0 (best effort, the rest), as in
 * priority-aware Kubernetes packing (Christensen et al.), where what matters is how many high-priority VMs get in.
 */
function placementPriorities(): VmScenario {
  const base = generateVmr2lLike({ seed: CATALOGUE_SEED, pms: 40, vms: 300 });
  const rng = createRng(CATALOGUE_SEED).split('placement-preset');
  const priority = (): number => {
    const u = rng.next();
    return u < 0.2 ? 2 : u < 0.5 ? 1 : 0;
  };
  const vms: VirtualMachine[] = [];
  const pending: VmSpec[] = [];
  for (const v of base.vms) {
    if (rng.next() < 0.25) {
      const { pm: _pm, node: _node, ...spec } = v;
      pending.push({ ...spec, priority: priority() });
    } else {
      vms.push(v);
    }
  }
  const extra = Math.round(pending.length / 2);
  for (let k = 0; k < extra; k++) {
    const { pm: _pm, node: _node, ...spec } = base.vms[rng.int(0, base.vms.length - 1)];
    pending.push({ ...spec, id: `extra-${k}`, priority: priority() });
  }
  const free = base.pms.length * 88 - vms.reduce((sum, v) => sum + v.cpu, 0);
  const wanted = pending.reduce((sum, v) => sum + v.cpu, 0);
  return {
    name: 'placement-priorities',
    description: `40 PMs of 2 x 44 cores, ${vms.length} VMs placed, ${pending.length} pending (priorities 0-2) asking ${wanted} cores of ${free} free`,
    pms: base.pms,
    vms,
    pending,
  };
}

const entry = (id: string, label: string, family: string, description: string, build: () => VmScenario): VmCatalogueEntry => ({
  id,
  label,
  family,
  description,
  build: () => ({ ...build(), name: id }),
});

const drifting = (size: 's' | 'm'): VmCatalogueEntry =>
  entry(
    `vmr2l-${size}-drift`,
    `VMR2L-like ${size.toUpperCase()} with churn`,
    'drift',
    `vmr2l-${size} with ${DRIFT_SECONDS / 60} minutes of VM arrivals and exits at ${DEFAULT_CHURN_RATE} per minute`,
    () => withChurn(vmr2l(size), { seed: CATALOGUE_SEED, duration: DRIFT_SECONDS }),
  );

/** Every built-in scenario: teaching clusters first, then the VMR2L-like sizes, drift variants and placement. */
export const VM_CATALOGUE: readonly VmCatalogueEntry[] = [
  entry('teach-fragments', 'Teaching: fragments', 'teaching', teachingFragments().description!, teachingFragments),
  entry('teach-anti-affinity', 'Teaching: anti-affinity', 'teaching', teachingAntiAffinity().description!, teachingAntiAffinity),
  entry('vmr2l-s', 'VMR2L-like S (70 PMs)', 'vmr2l', 'A quarter of M: 70 PMs, 524 VMs, VMR2L size mix, ~95% CPU allocated', () => vmr2l('s')),
  entry('vmr2l-m', 'VMR2L-like M (279 PMs)', 'vmr2l', 'The paper\'s M size: 279 PMs, 2,089 VMs, the M sample\'s size mix and free-core profile (FR 0.598)', () => vmr2l('m')),
  entry('vmr2l-l', 'VMR2L-like L (1,176 PMs)', 'vmr2l', 'The paper\'s L size: 1,176 PMs, 4,546 VMs, 94% CPU allocated (needs 621 whole-PM 88c VMs)', () => vmr2l('l')),
  drifting('s'),
  drifting('m'),
  entry('placement-priorities', 'Placement with priorities', 'placement', 'A 40-PM cluster with more pending VMs than room, priorities 0-2', placementPriorities),
];

/** A catalogue entry by id (exact, case-insensitive), or undefined. */
export function findVmScenario(id: string): VmCatalogueEntry | undefined {
  const wanted = id.toLowerCase();
  return VM_CATALOGUE.find((e) => e.id.toLowerCase() === wanted);
}
