/**
 * Seeded clusters that mimic the published VMR2L data (docs/reference/vm-rescheduling.md §2): PMs of 2 NUMA x 44
 * cores and 184,388 MB per node, 10 racks per cluster, VMs of the M sample's flavours with its double-NUMA shares,
 * about 94% of the CPU allocated, and small 2-14 core fragments left on a third of the nodes, so the initial fragment
 * rate lands near the sample's 0.60.
 *
 * How: every NUMA node first draws a "headroom" (cores to leave free) from the sample's free-cores histogram, dealt
 * in proportion so a cluster of 279 PMs gets exactly the sample's 558 values. The VM mix is then chosen so its cores
 * fill what is left exactly, and VMs are placed largest first (first-fit decreasing, to the feasible PM with the
 * fewest VMs, ties first-fit from a random PM) into the capacity minus the headroom. A VM that fits nowhere inside
 * the headroom takes headroom (the same search over the real capacity), so the
 * free profile bends rather than a VM being dropped: the PM and VM counts are always exactly the ones asked for.
 *
 * The counts: M (279 PMs, 2,089 VMs) gets the sample's mix exactly. L (1,176 PMs, 4,546 VMs) cannot have both the M
 * mix and 94% load (the M mix averages 11 cores per VM, and 4,546 such VMs fill half of 1,176 PMs). Tilting towards
 * 32c and 64c VMs does not work: a 64c VM takes 32 of a node's 44 cores, and 16-32c singles cannot use the 12 left,
 * so such clusters pack to about 87% with FR near 1. Only more 88c VMs, which fill a whole PM and leave no fragment,
 * keep both the load and the sample's fragment shape: L gets 621 of them (13.7% of its VMs; the sample has 4), and
 * its other sizes keep the M proportions. The description states the load and the share of 32-88c VMs.
 */
import { InputError } from '../../core/errors';
import { createRng, type Rng } from '../../core/rng';
import type { PhysicalMachine, VirtualMachine, VmScenario } from '../model';
import { apportion, MB_PER_CORE, VMR2L_FLAVOURS, VMR2L_FREE_HISTOGRAM, VMR2L_NODE, VMR2L_NODE_COUNT, type VmFlavour } from './vmr2l-mix';

export interface Vmr2lLikeOptions {
  readonly seed: number;
  /** Active PMs (each 2 x 44 cores). */
  readonly pms: number;
  /** VMs, all placed. */
  readonly vms: number;
  /** Clusters the PMs are split into (default one per 140 PMs, at least 1: 2 for M as in the sample). */
  readonly clusters?: number;
  /** Racks per cluster (default 10, as in the sample). */
  readonly racksPerCluster?: number;
  /** How nodes get their free cores (see `headrooms`; default 'dealt'). */
  readonly headroom?: 'dealt' | 'drawn';
  readonly name?: string;
}

/** The paper's dataset sizes (M and L are the published padding sizes; S is ours, a quarter of M for quick runs). */
export const VMR2L_SIZES = {
  s: { pms: 70, vms: 524 },
  m: { pms: 279, vms: 2089 },
  l: { pms: 1176, vms: 4546 },
} as const;

/** Refuses a typo like 1e9 PMs before it allocates anything. */
const MAX_PMS = 20_000;
const MAX_VMS = 200_000;
/** Placement retries with a fresh stream when a VM fits nowhere at all (never seen at the published sizes). */
const ATTEMPTS = 3;

function check(ok: boolean, detail: string): void {
  if (!ok) throw new InputError(`generateVmr2lLike: ${detail}`);
}

const coresOf = (counts: readonly number[]): number => counts.reduce((sum, n, i) => sum + n * VMR2L_FLAVOURS[i].cpu, 0);

/** First index of the 32+ core flavours (for the description). */
const LARGE = VMR2L_FLAVOURS.findIndex((f) => f.cpu >= 32);

/**
 * The M mix tilted by `t` (exact arithmetic, no Math.pow, so every engine gets the same counts): t > 0 weights the
 * whole-PM 88c flavour by 1 + t x 88 (more cores per VM, see the header for why only that one); t < 0 weights every
 * flavour by count / (1 - t x cores), towards smaller VMs (down to 4.5 cores on average); t = 0 is the M mix.
 */
function tiltedMix(vmCount: number, t: number): number[] {
  return apportion(vmCount, VMR2L_FLAVOURS.map((f) => (t >= 0 ? f.count * (1 + (f.cpu === 2 * VMR2L_NODE.cpu ? t * f.cpu : 0)) : f.count / (1 - t * f.cpu))));
}

/**
 * VM counts per flavour: `vmCount` VMs whose cores come as close to `targetCores` as the flavours allow without
 * passing it. A bisection on the tilt gets close; single 2c -> 4c (or 4c -> 8c ...) upgrades close the rest.
 */
export function flavourCounts(vmCount: number, targetCores: number): number[] {
  let counts = tiltedMix(vmCount, 0);
  if (coresOf(counts) !== targetCores) {
    const up = coresOf(counts) < targetCores;
    // Bisect on the tilt's size in [0, 1e4]: `low` keeps the cores on the near side of the target.
    let low = 0;
    let high = 1e4;
    for (let k = 0; k < 60; k++) {
      const mid = (low + high) / 2;
      const cores = coresOf(tiltedMix(vmCount, up ? mid : -mid));
      if (up ? cores <= targetCores : cores > targetCores) low = mid;
      else high = mid;
    }
    counts = tiltedMix(vmCount, up ? low : -high);
  }
  for (let gap = targetCores - coresOf(counts); gap > 0; ) {
    const i = counts.findIndex((n, k) => n > 0 && k + 1 < counts.length && VMR2L_FLAVOURS[k + 1].cpu - VMR2L_FLAVOURS[k].cpu <= gap);
    if (i < 0) break;
    counts[i]--;
    counts[i + 1]++;
    gap -= VMR2L_FLAVOURS[i + 1].cpu - VMR2L_FLAVOURS[i].cpu;
  }
  return counts;
}

function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * Cores to leave free on each node. 'dealt': the sample's histogram scaled to this many nodes (exactly the sample's
 * 558 values at M scale), in random node order. 'drawn': each node draws from the histogram on its own, so the
 * load and the fragment rate vary from seed to seed as they do between the instances of a dataset.
 */
function headrooms(nodeCount: number, mode: 'dealt' | 'drawn', rng: Rng): number[] {
  const weights = VMR2L_FREE_HISTOGRAM.map(([, n]) => n);
  if (mode === 'drawn') {
    return Array.from({ length: nodeCount }, () => {
      let pick = rng.int(0, VMR2L_NODE_COUNT - 1);
      return VMR2L_FREE_HISTOGRAM.find(([, n]) => (pick -= n) < 0)![0];
    });
  }
  const per = apportion(nodeCount, weights);
  return shuffle(per.flatMap((n, i) => Array<number>(n).fill(VMR2L_FREE_HISTOGRAM[i][0])), rng);
}

interface Shape {
  readonly flavour: VmFlavour;
  readonly double: boolean;
}

/**
 * Places every VM or returns undefined. Each VM goes to the feasible PM with the fewest VMs so far, ties broken
 * first-fit from a random PM: plain first-fit piles 2c VMs forty to a PM, while the sample has at most 15 per PM.
 * `used` is per node; PM p owns nodes 2p and 2p+1.
 */
function place(shapes: readonly Shape[], pmCount: number, headroom: readonly number[], rng: Rng) {
  const used = new Array<number>(2 * pmCount).fill(0);
  const hosted = new Array<number>(pmCount).fill(0);
  const placed: { shape: Shape; pm: number; node?: number }[] = [];
  const room = (g: number, reserve: boolean): number => VMR2L_NODE.cpu - used[g] - (reserve ? headroom[g] : 0);
  for (const shape of shapes) {
    const cpu = shape.flavour.cpu;
    const start = rng.int(0, pmCount - 1);
    const nodeFirst = rng.int(0, 1);
    let best = -1;
    let bestNode = -1;
    // First inside the headroom, then over the real capacity: the second pass only bends the free profile.
    for (const reserve of [true, false]) {
      for (let k = 0; k < pmCount; k++) {
        const p = (start + k) % pmCount;
        if (best >= 0 && hosted[p] >= hosted[best]) continue;
        if (shape.double) {
          if (room(2 * p, reserve) >= cpu / 2 && room(2 * p + 1, reserve) >= cpu / 2) best = p;
        } else {
          const node = room(2 * p + nodeFirst, reserve) >= cpu ? nodeFirst : room(2 * p + 1 - nodeFirst, reserve) >= cpu ? 1 - nodeFirst : -1;
          if (node >= 0) [best, bestNode] = [p, node];
        }
      }
      if (best >= 0) break;
    }
    if (best < 0) return undefined;
    if (shape.double) {
      used[2 * best] += cpu / 2;
      used[2 * best + 1] += cpu / 2;
      placed.push({ shape, pm: best });
    } else {
      used[2 * best + bestNode] += cpu;
      placed.push({ shape, pm: best, node: bestNode });
    }
    hosted[best]++;
  }
  return placed;
}

/** One shape per VM, largest first (doubles before singles of a size: they need two nodes), the order that leaves
 * the 2c and 4c VMs to fill the gaps last. */
function shapesOf(counts: readonly number[]): Shape[] {
  const shapes: Shape[] = [];
  counts.forEach((n, i) => {
    const flavour = VMR2L_FLAVOURS[i];
    // The sample's double share for this size, rounded: exactly the sample's 290 doubles at M scale.
    const doubles = flavour.cpu > VMR2L_NODE.cpu ? n : Math.round((n * flavour.double) / flavour.count);
    for (let k = 0; k < n; k++) shapes.push({ flavour, double: k < doubles });
  });
  return shapes.sort((a, b) => b.flavour.cpu - a.flavour.cpu || Number(b.double) - Number(a.double));
}

function buildPms(pmCount: number, clusters: number, racks: number): PhysicalMachine[] {
  const sizes = apportion(pmCount, Array<number>(clusters).fill(1));
  const pms: PhysicalMachine[] = [];
  sizes.forEach((size, c) => {
    for (let k = 0; k < size; k++) {
      const p = pms.length;
      pms.push({
        id: `host-${String(p).padStart(4, '0')}`,
        status: 'active',
        rack: `c${c + 1}/rack-${k % racks}`,
        nodes: [{ ...VMR2L_NODE }, { ...VMR2L_NODE }],
      });
    }
  });
  return pms;
}

/** A VMR2L-like snapshot; the same options give the same scenario in every JavaScript engine. */
export function generateVmr2lLike(options: Vmr2lLikeOptions): VmScenario {
  const { seed, pms: pmCount, vms: vmCount } = options;
  check(Number.isFinite(seed), `seed is ${seed}; expected a number`);
  check(Number.isSafeInteger(pmCount) && pmCount >= 1 && pmCount <= MAX_PMS, `pms is ${pmCount}; expected an integer in 1..${MAX_PMS}`);
  check(Number.isSafeInteger(vmCount) && vmCount >= 1 && vmCount <= MAX_VMS, `vms is ${vmCount}; expected an integer in 1..${MAX_VMS}`);
  const clusters = options.clusters ?? Math.max(1, Math.round(pmCount / 140));
  const racks = options.racksPerCluster ?? 10;
  check(Number.isSafeInteger(clusters) && clusters >= 1 && clusters <= pmCount, `clusters is ${clusters}; expected an integer in 1..${pmCount}`);
  check(Number.isSafeInteger(racks) && racks >= 1, `racksPerCluster is ${racks}; expected an integer >= 1`);

  const root = createRng(seed);
  const headroom = headrooms(2 * pmCount, options.headroom ?? 'dealt', root.split('headroom'));
  const capacity = 2 * pmCount * VMR2L_NODE.cpu;
  const wanted = capacity - headroom.reduce((a, b) => a + b, 0);
  const placeRng = root.split('placement');
  let counts: number[] = [];
  let placed: ReturnType<typeof place>;
  // Lower the load 1% of the capacity at a time until the VMs fit: only needed when the counts ask for more large
  // VMs than PMs can hold (L at 94%), and then the generator says which load it reached.
  for (let cut = 0; placed === undefined && cut <= 50; cut++) {
    counts = flavourCounts(vmCount, wanted - 2 * Math.round((capacity * cut) / 200));
    if (coresOf(counts) > capacity) continue;
    const shapes = shapesOf(counts);
    for (let attempt = 0; attempt < ATTEMPTS && placed === undefined; attempt++) placed = place(shapes, pmCount, headroom, placeRng);
  }
  check(placed !== undefined, `could not place ${vmCount} VMs on ${pmCount} PMs (seed ${seed}); try fewer VMs or more PMs`);

  // Ids in a random order, so neither the id nor the list position gives the size away.
  const vms: VirtualMachine[] = shuffle(placed!, root.split('ids')).map(({ shape, pm, node }, i) => ({
    id: `vm-${String(i).padStart(5, '0')}`,
    type: shape.flavour.type,
    cpu: shape.flavour.cpu,
    memory: shape.flavour.cpu * MB_PER_CORE,
    numa: shape.double ? 'double' : 'single',
    pm,
    ...(node === undefined ? {} : { node }),
  }));
  const large = counts.slice(LARGE).reduce((a, b) => a + b, 0);
  const load = ((100 * coresOf(counts)) / capacity).toFixed(1);
  const description =
    `VMR2L-like: ${pmCount} PMs of 2 x 44 cores in ${clusters} cluster(s) x ${racks} racks, ${vmCount} VMs, ${load}% of the CPU allocated ` +
    `(${((100 * large) / vmCount).toFixed(1)}% of them 32-88 cores; the M sample has 11.7%), seed ${seed}`;
  return { name: options.name ?? `vmr2l-like-${pmCount}x${vmCount}-${seed}`, description, pms: buildPms(pmCount, clusters, racks), vms };
}
