import type { Migration, VmPolicy, VmView } from 'schedlab/vm';

/**
 * Search baseline: simulated annealing over target placements, then one ordered plan.
 *
 * prepare() copies the cluster into typed arrays and anneals a placement that minimises the sum over active NUMA
 * nodes of (free cores mod F), the numerator of FR, with at most MNL VMs away from where they started (a hard cap).
 * A step relocates one VM to a random node where it fits (cores and memory, NUMA mode kept, anti-affinity
 * respected), or sends a displaced VM elsewhere or home; its effect is computed in O(1) from the few nodes touched,
 * and it is accepted by the Metropolis rule under a geometric cooling schedule. Each restart anneals from the start.
 * The best placement becomes targets for view.orderMoves; targets no order reaches (two full nodes that swap) are
 * dropped, the rest of the placement is re-annealed briefly with those VMs kept home, and the first placement that
 * orders completely (or the realised part of the last) is the plan, returned once from nextMigration.
 *
 * Local search and simulated annealing (Kirkpatrick et al. 1983) are standard baselines for VM consolidation. The
 * VMR2L paper compares its agent with search baselines (MCTS) and an exact MIP whose plans lose their value once
 * solving takes more than about 5 seconds (the cluster drifts meanwhile): the latency budget this policy's time limit
 * mirrors. Only CPU fragments count: runs that ask for consolidation or balance get the same fragment-driven plan.
 * Swaps of two VMs were tried as a second kind of step and did not lower FR on the M sample at equal time.
 *
 * Reproducibility: `iterations` is a deterministic budget (same instance, parameters and seed give the same plan on
 * any machine). `timeLimitMs` (on by default, since the point is FR within a latency budget) also stops the search
 * and drives its cooling by the clock, so a time-limited plan depends on machine speed and load. Set it to 0 for a
 * bit-for-bit reproducible run.
 */

/** The cluster as the policy sees it at the start, flattened. Node g of PM p is nodeStart[p] + local node. */
interface Cluster {
  readonly size: number; // F
  readonly cap: number; // most VMs away from home
  readonly nodeStart: Int32Array;
  readonly nodePm: Int32Array;
  readonly activeNodes: Int32Array; // nodes of active PMs: the ones FR counts
  readonly pmRack: Int32Array;
  readonly freeCpu0: Float64Array; // free at the start
  readonly freeMem0: Float64Array;
  readonly share: Float64Array; // cores per node the VM takes (half of a double-NUMA VM)
  readonly memShare: Float64Array;
  readonly double: Uint8Array;
  readonly homePm: Int32Array;
  readonly homeNode: Int32Array; // -1 for a double-NUMA VM
  readonly movers: Int32Array; // movable VMs on active PMs
  readonly groupRack: Uint8Array;
  readonly groupMembers: number[][];
  readonly vmGroups: number[][];
}

function readCluster(view: VmView, cap: number): Cluster {
  const pms = view.pmCount;
  const nodeStart = new Int32Array(pms + 1);
  for (let p = 0; p < pms; p++) nodeStart[p + 1] = nodeStart[p] + view.pmNodeCount(p);
  const nodes = nodeStart[pms];
  const [nodePm, pmRack] = [new Int32Array(nodes), new Int32Array(pms)];
  const [freeCpu0, freeMem0] = [new Float64Array(nodes), new Float64Array(nodes)];
  const active: number[] = [];
  for (let p = 0; p < pms; p++) {
    pmRack[p] = view.pmRack(p);
    for (let n = 0, g = nodeStart[p]; g < nodeStart[p + 1]; n++, g++) {
      [nodePm[g], freeCpu0[g], freeMem0[g]] = [p, view.freeCpu(p, n), view.freeMemory(p, n)];
      if (view.pmActive(p)) active.push(g);
    }
  }
  const vms = view.vmCount;
  const [share, memShare, double] = [new Float64Array(vms), new Float64Array(vms), new Uint8Array(vms)];
  const [homePm, homeNode] = [new Int32Array(vms), new Int32Array(vms)];
  const movers: number[] = [];
  const vmGroups: number[][] = [];
  for (let v = 0; v < vms; v++) {
    double[v] = view.vmDouble(v) ? 1 : 0;
    share[v] = view.vmCpu(v) / (1 + double[v]);
    memShare[v] = view.vmMemory(v) / (1 + double[v]);
    [homePm[v], homeNode[v]] = [view.vmPm(v), view.vmNode(v)];
    // VMs on inactive PMs stay: moving one onto an active PM would change FR's denominator too.
    if (view.vmMovable(v) && homePm[v] >= 0 && view.pmActive(homePm[v])) movers.push(v);
    vmGroups.push(Array.from({ length: view.vmGroupCount(v) }, (_, k) => view.vmGroup(v, k)));
  }
  const groupRack = Uint8Array.from({ length: view.groupCount }, (_, g) => (view.groupRackLevel(g) ? 1 : 0));
  const groupMembers = Array.from({ length: view.groupCount }, (_, g) =>
    Array.from({ length: view.groupSize(g) }, (_, k) => view.groupMember(g, k)),
  );
  return {
    size: view.fragmentSize,
    cap,
    nodeStart,
    nodePm,
    activeNodes: Int32Array.from(active),
    pmRack,
    freeCpu0,
    freeMem0,
    share,
    memShare,
    double,
    homePm,
    homeNode,
    movers: Int32Array.from(movers),
    groupRack,
    groupMembers,
    vmGroups,
  };
}

/** A placement being searched: where each VM is, what is free, the fragment sum and the displaced VMs (a set). */
class Placement {
  readonly pm: Int32Array;
  readonly node: Int32Array;
  readonly freeCpu: Float64Array;
  readonly freeMem: Float64Array;
  readonly away: Int32Array; // displaced VMs, first `awayCount`
  readonly awayIndex: Int32Array; // position in `away`, -1 at home
  awayCount = 0;
  readonly open: Int32Array; // active nodes with free cores (the only possible destinations), first `openCount`
  readonly openIndex: Int32Array; // position in `open`, -1 for a full or inactive node
  openCount = 0;
  fragments = 0;

  constructor(readonly c: Cluster) {
    this.pm = c.homePm.slice();
    this.node = c.homeNode.slice();
    this.freeCpu = c.freeCpu0.slice();
    this.freeMem = c.freeMem0.slice();
    this.away = new Int32Array(c.homePm.length);
    this.awayIndex = new Int32Array(c.homePm.length).fill(-1);
    this.open = new Int32Array(this.freeCpu.length);
    this.openIndex = new Int32Array(this.freeCpu.length).fill(-1);
    for (const g of c.activeNodes) {
      this.fragments += this.freeCpu[g] % c.size;
      this.touch(g);
    }
  }

  /** Keeps node g in `open` exactly when it has free cores. */
  private touch(g: number): void {
    const isOpen = this.freeCpu[g] > 0;
    if (isOpen && this.openIndex[g] < 0) {
      this.openIndex[g] = this.openCount;
      this.open[this.openCount++] = g;
    } else if (!isOpen && this.openIndex[g] >= 0) {
      const last = this.open[--this.openCount];
      [this.open[this.openIndex[g]], this.openIndex[last]] = [last, this.openIndex[g]];
      this.openIndex[g] = -1;
    }
  }

  /** Puts every VM at `pm`/`node` (a placement reached by moves from the start, hence feasible). */
  load(pm: Int32Array, node: Int32Array): void {
    const c = this.c;
    for (let i = this.awayCount - 1; i >= 0; i--) this.move(this.away[i], c.homePm[this.away[i]], c.homeNode[this.away[i]]);
    for (let v = 0; v < pm.length; v++) if (pm[v] !== c.homePm[v] || node[v] !== c.homeNode[v]) this.move(v, pm[v], node[v]);
  }

  private isHome(v: number, pm: number, node: number): boolean {
    return pm === this.c.homePm[v] && node === this.c.homeNode[v];
  }

  /** Whether another VM of one of v's anti-affinity groups is on `pm` (or its rack); same rules as the engine. */
  conflicts(v: number, pm: number): boolean {
    const c = this.c;
    for (const g of c.vmGroups[v]) {
      const rack = c.groupRack[g] === 1;
      if (rack ? c.pmRack[this.pm[v]] === c.pmRack[pm] : this.pm[v] === pm) continue;
      for (const w of c.groupMembers[g]) {
        if (w !== v && (rack ? c.pmRack[this.pm[w]] === c.pmRack[pm] : this.pm[w] === pm)) return true;
      }
    }
    return false;
  }

  /**
   * Change in the fragment sum if v moved to (pm, node), node -1 for a double-NUMA VM; NaN if it does not fit.
   * Source and destination nodes are distinct, except within one PM, where a single-NUMA VM changes node.
   */
  delta(v: number, pm: number, node: number): number {
    const c = this.c;
    const [s, m, F, free] = [c.share[v], c.memShare[v], c.size, this.freeCpu];
    if (c.double[v] === 1) {
      const [a, b] = [c.nodeStart[this.pm[v]], c.nodeStart[pm]];
      if (a === b || free[b] < s || free[b + 1] < s || this.freeMem[b] < m || this.freeMem[b + 1] < m) return NaN;
      // Written out rather than through a helper closure: this is the hot path of the search.
      const out = ((free[a] + s) % F) - (free[a] % F) + ((free[a + 1] + s) % F) - (free[a + 1] % F);
      return out + ((free[b] - s) % F) - (free[b] % F) + ((free[b + 1] - s) % F) - (free[b + 1] % F);
    }
    const [a, b] = [c.nodeStart[this.pm[v]] + this.node[v], c.nodeStart[pm] + node];
    if (a === b || free[b] < s || this.freeMem[b] < m) return NaN;
    return ((free[a] + s) % F) - (free[a] % F) + ((free[b] - s) % F) - (free[b] % F);
  }

  /** Change in the number of displaced VMs if v moved to (pm, node). */
  awayChange(v: number, pm: number, node: number): number {
    return (this.isHome(v, pm, node) ? 0 : 1) - (this.awayIndex[v] < 0 ? 0 : 1);
  }

  move(v: number, pm: number, node: number): void {
    const c = this.c;
    const parts = c.double[v] === 1 ? 2 : 1;
    const [from, to] = [c.nodeStart[this.pm[v]] + Math.max(0, this.node[v]), c.nodeStart[pm] + Math.max(0, node)];
    for (let k = 0; k < parts; k++) {
      this.fragments -= (this.freeCpu[from + k] % c.size) + (this.freeCpu[to + k] % c.size);
      this.freeCpu[from + k] += c.share[v];
      this.freeMem[from + k] += c.memShare[v];
      this.freeCpu[to + k] -= c.share[v];
      this.freeMem[to + k] -= c.memShare[v];
      this.fragments += (this.freeCpu[from + k] % c.size) + (this.freeCpu[to + k] % c.size);
      this.touch(from + k);
      this.touch(to + k);
    }
    // `from` and `to` never coincide (a single-NUMA VM may change node within its PM), so each side counts once.
    [this.pm[v], this.node[v]] = [pm, node];
    const home = this.isHome(v, pm, node);
    if (home && this.awayIndex[v] >= 0) {
      const last = this.away[--this.awayCount];
      [this.away[this.awayIndex[v]], this.awayIndex[last]] = [last, this.awayIndex[v]];
      this.awayIndex[v] = -1;
    } else if (!home && this.awayIndex[v] < 0) {
      this.awayIndex[v] = this.awayCount;
      this.away[this.awayCount++] = v;
    }
  }
}

interface Budget {
  readonly iterations: number;
  readonly deadline: number; // Date.now() value, Infinity without a time limit
  readonly startMs: number;
}

/**
 * Anneals from the placement `p` holds, never moving the VMs in `pinned`, and leaves the best placement found in
 * `p`. Cooling follows whichever budget (iterations or clock) is further along.
 */
function anneal(p: Placement, view: VmView, budget: Budget, t0: number, t1: number, pinned: Uint8Array): void {
  const c = p.c;
  const bestPm = p.pm.slice();
  const bestNode = p.node.slice();
  let [best, bestAway] = [p.fragments, p.awayCount];
  const span = budget.deadline - budget.startMs;
  let temperature = t0;
  for (let i = 0; i < budget.iterations; i++) {
    if ((i & 1023) === 0) {
      let progress = i / budget.iterations;
      if (budget.deadline !== Infinity) {
        const now = Date.now();
        if (now >= budget.deadline) break;
        progress = Math.max(progress, (now - budget.startMs) / span);
      }
      temperature = t0 * Math.pow(t1 / t0, progress);
    }
    // A displaced VM a third of the time: at the cap, only those can move, and home is one of their choices.
    const fromAway = p.awayCount > 0 && view.random() < 1 / 3;
    const v = fromAway ? p.away[Math.floor(view.random() * p.awayCount)] : c.movers[Math.floor(view.random() * c.movers.length)];
    if (pinned[v] === 1) continue;
    let pm: number;
    let node: number;
    if (fromAway && view.random() < 0.25) [pm, node] = [c.homePm[v], c.homeNode[v]];
    else {
      // Only a node with free cores can take a VM; most are full. (For a double-NUMA VM the other node is checked later.)
      if (p.openCount === 0) continue;
      const g = p.open[Math.floor(view.random() * p.openCount)];
      pm = c.nodePm[g];
      node = c.double[v] === 1 ? -1 : g - c.nodeStart[pm];
      if (node < 0 && c.nodeStart[pm + 1] - c.nodeStart[pm] !== 2) continue;
    }
    const away = p.awayChange(v, pm, node);
    if (p.awayCount + away > c.cap) continue;
    const d = p.delta(v, pm, node);
    if (!(d <= 0 || view.random() < Math.exp(-d / temperature))) continue; // NaN (no fit) fails both
    if (p.conflicts(v, pm)) continue;
    p.move(v, pm, node);
    if (p.fragments < best || (p.fragments === best && p.awayCount < bestAway)) {
      [best, bestAway] = [p.fragments, p.awayCount];
      bestPm.set(p.pm);
      bestNode.set(p.node);
    }
  }
  p.load(bestPm, bestNode);
}

/** The displaced VMs of `p` as targets (a double-NUMA VM gets no node). */
function targetsOf(p: Placement): Migration[] {
  const targets: Migration[] = [];
  for (let i = 0; i < p.awayCount; i++) {
    const v = p.away[i];
    targets.push(p.c.double[v] === 1 ? { vm: v, pm: p.pm[v] } : { vm: v, pm: p.pm[v], node: p.node[v] });
  }
  return targets.sort((a, b) => a.vm - b.vm); // `away` order depends on history; keep plans easy to compare
}

/**
 * Orders the placement's moves. Blocked targets go home (what applying the rest leaves), and the placement is
 * re-annealed cold with them pinned, up to `rounds` times. Leaves the realised placement in `p`; returns the order.
 */
function orderPlan(p: Placement, view: VmView, polish: number, t1: number, rounds: number): Migration[] {
  const pinned = new Uint8Array(p.pm.length);
  for (let round = 0; ; round++) {
    const { order, blocked } = view.orderMoves(targetsOf(p));
    if (blocked.length === 0) return order;
    for (const t of blocked) {
      p.move(t.vm, p.c.homePm[t.vm], p.c.homeNode[t.vm]);
      pinned[t.vm] = 1;
    }
    if (round === rounds) return view.orderMoves(targetsOf(p)).order;
    anneal(p, view, { iterations: polish, deadline: Infinity, startMs: 0 }, t1, t1, pinned);
  }
}

/** The plan, made in prepare() and handed out once. */
interface SearchPlan {
  readonly moves: readonly Migration[];
  done: boolean;
}

function plan(view: VmView): SearchPlan {
  const limit = view.migrationLimit - view.migrations;
  const cap = Math.floor(Number.isFinite(limit) ? limit : view.param('movesWithoutLimit'));
  const c = readCluster(view, cap);
  const restarts = view.param('restarts');
  const [t0, t1] = [view.param('startTemperature'), view.param('endTemperature')];
  const timeLimitMs = view.param('timeLimitMs');
  const startMs = Date.now();
  const none = new Uint8Array(c.homePm.length);
  let best = { moves: [] as Migration[], fragments: new Placement(c).fragments };
  if (cap <= 0 || c.movers.length === 0) return { moves: [], done: false };
  const iterations = Math.ceil(view.param('iterations') / restarts);
  for (let r = 0; r < restarts; r++) {
    const sliceStart = startMs + (r * timeLimitMs) / restarts;
    const deadline = timeLimitMs > 0 ? startMs + ((r + 1) * timeLimitMs) / restarts : Infinity;
    const p = new Placement(c);
    anneal(p, view, { iterations, deadline, startMs: sliceStart }, t0, t1, none);
    // The repair anneals are short and cold: they only re-fit the placement around the VMs that had to stay.
    const moves = orderPlan(p, view, Math.min(iterations, 200_000), t1, 3);
    if (p.fragments < best.fragments || (p.fragments === best.fragments && moves.length < best.moves.length)) {
      best = { moves, fragments: p.fragments };
    }
  }
  return { moves: best.moves, done: false };
}

const policy: VmPolicy<SearchPlan> = {
  id: 'search',
  label: 'Search (simulated annealing)',
  description: 'Anneals a placement with at most MNL VMs moved that minimises fragments, then applies it as one ordered plan',
  paper: 'Kirkpatrick, Gelatt & Vecchi 1983, Optimization by Simulated Annealing (Science 220:671-680)',
  params: [
    {
      name: 'timeLimitMs',
      description: 'Stop the search after this many milliseconds (0: iterations only); results then depend on machine speed',
      min: 0,
      max: 600_000,
      default: 1000,
      integer: true,
    },
    // Large enough that the default 1 s (or 5 s) limit is what stops the search (about 10M steps a second).
    { name: 'iterations', description: 'Annealing steps over all restarts (reproducible)', min: 1, max: 1e9, default: 1e9, integer: true },
    { name: 'restarts', description: 'Independent anneals from the start; the best plan wins', min: 1, max: 100, default: 1, integer: true },
    { name: 'startTemperature', description: 'Fragment cores a worse step may cost with chance 1/e, at the start', min: 0.01, max: 100, default: 4 },
    { name: 'endTemperature', description: 'The same at the end of each anneal', min: 0.01, max: 100, default: 0.3 },
    { name: 'movesWithoutLimit', description: 'Most VMs to move when the run has no migration limit', min: 1, max: 1e5, default: 50, integer: true },
  ],
  prepare: plan,
  nextMigration: (_view, p) => {
    if (p.done || p.moves.length === 0) return null;
    p.done = true;
    return p.moves;
  },
};

export default policy;
