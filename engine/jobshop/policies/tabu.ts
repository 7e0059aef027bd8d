import type { JobShopPolicy, JobShopProblem } from 'schedlab/jobshop';

/**
 * Tabu search (N5): plans a whole schedule in `prepare`, then replays it through priorities.
 *
 * prepare() builds a Giffler–Thompson active schedule with MWKR (for a flexible operation the alternative that
 * finishes earliest fixes its machine; the search then keeps machines fixed and only re-sequences), and improves
 * it by tabu search over the N5 neighbourhood of Nowicki & Smutnicki: on one critical path, swap the first two and
 * the last two operations of each critical block (not the first two of the first block, not the last two of the
 * last), since only those swaps can shorten that path. Moves are ranked by the head/tail estimate of the swapped
 * pair (Taillard 1994), which costs O(1) instead of a full longest-path pass per neighbour; the chosen move is then
 * evaluated exactly. A pass over the disjunctive graph is O(operations), so an iteration is too.
 *
 * The iteration budget is reproducible: the same instance, parameters and seed give the same plan on any
 * machine. `timeLimitMs` stops earlier on a slow machine, so a time-limited result depends on machine speed.
 */

/** The best schedule found, indexed by global operation id (jobs in order, each job's operations in order). */
export interface TabuPlan {
  /** Global id of job j's first operation: operation (j, k) is jobOpStart[j] + k. */
  readonly jobOpStart: Int32Array;
  /** Planned start time of each operation in the best schedule (an active schedule; see `decodeActive`). */
  readonly start: Float64Array;
  /** Planned machine of each operation. */
  readonly machine: Int32Array;
  /** Processing time on the planned machine. */
  readonly duration: Float64Array;
  /** Makespan of the planned schedule. */
  readonly makespan: number;
  /** Makespan of the constructive (GT + MWKR) start, for comparison. */
  readonly initialMakespan: number;
  /** Tabu iterations actually done (fewer than `iterations` when a bound or the time limit stopped it). */
  readonly iterations: number;
  /** Added to a candidate's priority on a machine other than its planned one; larger than any planned start. */
  readonly offPlanPenalty: number;
}

/** The instance flattened to typed arrays, with each operation's machine fixed. */
interface Shop {
  readonly n: number;
  readonly jobOpStart: Int32Array;
  readonly jobPred: Int32Array;
  readonly jobSucc: Int32Array;
  readonly release: Float64Array; // the job's release date, per operation (a head is never below it)
  readonly machine: Int32Array;
  readonly dur: Float64Array;
  /** Machine sequences as doubly linked lists: -1 at either end. */
  readonly mPrev: Int32Array;
  readonly mNext: Int32Array;
  readonly horizon: number;
}

/**
 * Giffler–Thompson with MWKR (most work remaining, shortest alternatives), which also fixes the machine of
 * flexible operations: at each step every job's next operation takes its earliest-finishing alternative, the
 * conflict set is formed on the machine of the earliest finish, and MWKR picks from it. Appending in decision
 * order gives the machine sequences.
 */
function construct(problem: JobShopProblem): Shop {
  const jobs = problem.jobCount;
  const jobOpStart = new Int32Array(jobs + 1);
  for (let j = 0; j < jobs; j++) jobOpStart[j + 1] = jobOpStart[j] + problem.jobOpCount(j);
  const n = jobOpStart[jobs];
  const jobPred = new Int32Array(n).fill(-1);
  const jobSucc = new Int32Array(n).fill(-1);
  const release = new Float64Array(n);
  const tailWork = new Float64Array(n);
  // Sum of the longest alternatives after the latest release: no sensible plan starts anything later.
  let horizon = 1;
  let maxRelease = 0;
  for (let j = 0; j < jobs; j++) {
    let rest = 0;
    for (let o = jobOpStart[j + 1] - 1, k = o - jobOpStart[j]; o >= jobOpStart[j]; o--, k--) {
      let min = Infinity;
      let max = 0;
      for (let a = 0, count = problem.opAlternativeCount(j, k); a < count; a++) {
        const d = problem.opDuration(j, k, a);
        if (d < min) min = d;
        if (d > max) max = d;
      }
      rest += min;
      tailWork[o] = rest;
      horizon += max;
      release[o] = problem.jobRelease(j);
      if (o > jobOpStart[j]) jobPred[o] = o - 1;
      if (o < jobOpStart[j + 1] - 1) jobSucc[o] = o + 1;
    }
  }
  for (let j = 0; j < jobs; j++) maxRelease = Math.max(maxRelease, problem.jobRelease(j));
  horizon += maxRelease;

  const machine = new Int32Array(n);
  const dur = new Float64Array(n);
  const mPrev = new Int32Array(n).fill(-1);
  const mNext = new Int32Array(n).fill(-1);
  const mLast = new Int32Array(problem.machineCount).fill(-1);
  const mReady = new Float64Array(problem.machineCount);
  const next = jobOpStart.slice(0, jobs);
  const jobReady = Float64Array.from({ length: jobs }, (_, j) => problem.jobRelease(j));
  const candMachine = new Int32Array(jobs);
  const candDur = new Float64Array(jobs);
  const candStart = new Float64Array(jobs);
  for (let placed = 0; placed < n; placed++) {
    let bestEnd = Infinity;
    let bestMachine = -1;
    for (let j = 0; j < jobs; j++) {
      const o = next[j];
      if (o === jobOpStart[j + 1]) continue;
      const k = o - jobOpStart[j];
      let end = Infinity;
      for (let a = 0, count = problem.opAlternativeCount(j, k); a < count; a++) {
        const m = problem.opMachine(j, k, a);
        const d = problem.opDuration(j, k, a);
        const s = Math.max(jobReady[j], mReady[m]);
        if (s + d < end || (s + d === end && d < candDur[j])) {
          end = s + d;
          candMachine[j] = m;
          candDur[j] = d;
          candStart[j] = s;
        }
      }
      if (end < bestEnd || (end === bestEnd && candMachine[j] < bestMachine)) {
        bestEnd = end;
        bestMachine = candMachine[j];
      }
    }
    let chosen = -1;
    for (let j = 0; j < jobs; j++) {
      if (next[j] === jobOpStart[j + 1] || candMachine[j] !== bestMachine || candStart[j] >= bestEnd) continue;
      if (chosen < 0 || tailWork[next[j]] > tailWork[next[chosen]]) chosen = j;
    }
    const o = next[chosen]++;
    const m = bestMachine;
    machine[o] = m;
    dur[o] = candDur[chosen];
    jobReady[chosen] = mReady[m] = candStart[chosen] + candDur[chosen];
    if (mLast[m] >= 0) mNext[mLast[m]] = o;
    mPrev[o] = mLast[m];
    mLast[m] = o;
  }
  return { n, jobOpStart, jobPred, jobSucc, release, machine, dur, mPrev, mNext, horizon };
}

/** The tabu search state: the current solution's heads, tails and critical path live in reused typed arrays. */
class TabuSearch {
  readonly head: Float64Array;
  readonly tail: Float64Array;
  private readonly order: Int32Array;
  private readonly indeg: Int32Array;
  private readonly path: Int32Array;
  private readonly moveU: Int32Array;
  private readonly moveV: Int32Array;
  private moveCount = 0;
  /** Tabu attribute per ordered pair on one machine: swapping (u, v) forbids swapping back until tabu[key(u, v)]. */
  private readonly tabu: Int32Array;
  private readonly tabuBase: Int32Array;
  private readonly machineSize: Int32Array;
  private readonly local: Int32Array;
  /** A simple lower bound (machine load, job length from release) with machines fixed: reaching it ends the search. */
  readonly lowerBound: number;

  constructor(
    private readonly shop: Shop,
    private readonly random: () => number,
  ) {
    const { n, machine, dur, mPrev, mNext, jobOpStart, release } = shop;
    this.head = new Float64Array(n);
    this.tail = new Float64Array(n);
    this.order = new Int32Array(n);
    this.indeg = new Int32Array(n);
    this.path = new Int32Array(n);
    this.moveU = new Int32Array(n);
    this.moveV = new Int32Array(n);
    this.local = new Int32Array(n);
    // Pairs are only ever swapped on one machine, so the tabu table is one k x k block per machine (k = its
    // operations): 20 x 100^2 entries for a 100 x 20 instance instead of 2000^2.
    const machines = 1 + machine.reduce((a, b) => Math.max(a, b), -1);
    this.machineSize = new Int32Array(machines);
    const load = new Float64Array(machines);
    for (let o = 0; o < n; o++) {
      if (mPrev[o] >= 0) continue;
      for (let x = o, k = 0; x >= 0; x = mNext[x], k++) {
        this.local[x] = k;
        this.machineSize[machine[o]]++;
        load[machine[o]] += dur[x];
      }
    }
    this.tabuBase = new Int32Array(machines);
    let size = 0;
    for (let m = 0; m < machines; m++) {
      this.tabuBase[m] = size;
      size += this.machineSize[m] * this.machineSize[m];
    }
    this.tabu = new Int32Array(size);
    let bound = Math.max(0, ...load);
    for (let j = 0; j + 1 < jobOpStart.length; j++) {
      let length = release[jobOpStart[j]] ?? 0;
      for (let o = jobOpStart[j]; o < jobOpStart[j + 1]; o++) length += dur[o];
      bound = Math.max(bound, length);
    }
    this.lowerBound = bound;
  }

  /**
   * Heads (earliest starts) in topological order (Kahn), then tails (longest path after the end, excluding the
   * operation itself) in reverse order. Returns the makespan, or Infinity if the sequences contain a cycle.
   */
  evaluate(): number {
    const { n, jobPred, jobSucc, mPrev, mNext, dur, release } = this.shop;
    const { head, tail, order, indeg } = this;
    let queued = 0;
    for (let o = 0; o < n; o++) {
      indeg[o] = (jobPred[o] >= 0 ? 1 : 0) + (mPrev[o] >= 0 ? 1 : 0);
      if (indeg[o] === 0) order[queued++] = o;
    }
    let makespan = 0;
    for (let i = 0; i < queued; i++) {
      const o = order[i];
      let h = release[o];
      const jp = jobPred[o];
      if (jp >= 0 && head[jp] + dur[jp] > h) h = head[jp] + dur[jp];
      const mp = mPrev[o];
      if (mp >= 0 && head[mp] + dur[mp] > h) h = head[mp] + dur[mp];
      head[o] = h;
      if (h + dur[o] > makespan) makespan = h + dur[o];
      const js = jobSucc[o];
      if (js >= 0 && --indeg[js] === 0) order[queued++] = js;
      const ms = mNext[o];
      if (ms >= 0 && --indeg[ms] === 0) order[queued++] = ms;
    }
    if (queued < n) return Infinity;
    for (let i = n - 1; i >= 0; i--) {
      const o = order[i];
      let t = 0;
      const js = jobSucc[o];
      if (js >= 0) t = tail[js] + dur[js];
      const ms = mNext[o];
      if (ms >= 0 && tail[ms] + dur[ms] > t) t = tail[ms] + dur[ms];
      tail[o] = t;
    }
    return makespan;
  }

  /**
   * Walks one critical path back from an operation that ends at the makespan (ties between a job arc and a
   * machine arc broken at random, which varies the path between iterations), stored start-first in `path`.
   */
  private criticalPath(makespan: number): number {
    const { n, jobPred, mPrev, dur } = this.shop;
    const { head, path } = this;
    let o = 0;
    while (o < n && head[o] + dur[o] !== makespan) o++;
    let length = 0;
    for (;;) {
      path[length++] = o;
      const mp = mPrev[o];
      const jp = jobPred[o];
      const viaMachine = mp >= 0 && head[mp] + dur[mp] === head[o];
      const viaJob = jp >= 0 && head[jp] + dur[jp] === head[o];
      if (viaMachine && (!viaJob || this.random() < 0.5)) o = mp;
      else if (viaJob) o = jp;
      else break;
    }
    path.subarray(0, length).reverse();
    return length;
  }

  /** Lists the N5 moves (u directly before v on a machine; the move puts v before u) of one critical path. */
  generateMoves(makespan: number, all = false): number {
    const { mPrev, jobSucc } = this.shop;
    const path = this.path;
    const length = this.criticalPath(makespan);
    this.moveCount = 0;
    const add = (u: number, v: number): void => {
      // Two operations of the same job in a row on one machine (recirculation) may not swap.
      if (jobSucc[u] === v) return;
      const c = this.moveCount;
      if (c > 0 && this.moveU[c - 1] === u && this.moveV[c - 1] === v) return;
      this.moveU[c] = u;
      this.moveV[c] = v;
      this.moveCount++;
    };
    for (let s = 0; s < length; ) {
      let e = s;
      while (e + 1 < length && mPrev[path[e + 1]] === path[e]) e++;
      if (all) for (let i = s; i < e; i++) add(path[i], path[i + 1]);
      else if (e > s) {
        // Swapping inside a block cannot shorten this path (Nowicki & Smutnicki 1996, after Van Laarhoven et al.);
        // moving the first operation of the first block or the last of the last cannot either.
        if (s > 0) add(path[s], path[s + 1]);
        if (e < length - 1) add(path[e - 1], path[e]);
      }
      s = e + 1;
    }
    return this.moveCount;
  }

  /**
   * Makespan estimate after swapping u and v (Taillard 1994): new heads of v then u and new tails of u then v from
   * their unchanged neighbours. Exact for the longest path through the pair; paths avoiding it are ignored.
   */
  private estimate(u: number, v: number): number {
    const { jobPred, jobSucc, mPrev, mNext, dur, release } = this.shop;
    const { head, tail } = this;
    const a = mPrev[u];
    const b = mNext[v];
    const jpu = jobPred[u];
    const jpv = jobPred[v];
    const jsu = jobSucc[u];
    const jsv = jobSucc[v];
    const headV = Math.max(release[v], jpv >= 0 ? head[jpv] + dur[jpv] : 0, a >= 0 ? head[a] + dur[a] : 0);
    const headU = Math.max(release[u], jpu >= 0 ? head[jpu] + dur[jpu] : 0, headV + dur[v]);
    const tailU = Math.max(jsu >= 0 ? tail[jsu] + dur[jsu] : 0, b >= 0 ? tail[b] + dur[b] : 0);
    const tailV = Math.max(jsv >= 0 ? tail[jsv] + dur[jsv] : 0, tailU + dur[u]);
    return Math.max(headV + dur[v] + tailV, headU + dur[u] + tailU);
  }

  private key(u: number, v: number): number {
    const m = this.shop.machine[u];
    return this.tabuBase[m] + this.local[u] * this.machineSize[m] + this.local[v];
  }

  /**
   * Index of the move to make: the best estimate among moves that are not tabu or that would beat the best
   * makespan (aspiration); ties at random. When every move is tabu, the one whose tabu status ends soonest.
   */
  chooseMove(iteration: number, best: number): number {
    let chosen = -1;
    let chosenValue = Infinity;
    let ties = 0;
    let oldest = 0;
    let oldestExpiry = Infinity;
    for (let i = 0; i < this.moveCount; i++) {
      const u = this.moveU[i];
      const v = this.moveV[i];
      let value: number;
      if ((globalThis as any).process.env.EXACT) { this.swap(u, v); const h = this.head.slice(), t = this.tail.slice(); value = this.evaluate(); this.swap(v, u); this.head.set(h); this.tail.set(t); } else value = this.estimate(u, v);
      const expiry = this.tabu[this.key(v, u)];
      if (expiry > iteration && value >= best) {
        if (expiry < oldestExpiry) {
          oldestExpiry = expiry;
          oldest = i;
        }
        continue;
      }
      if (value < chosenValue) {
        chosen = i;
        chosenValue = value;
        ties = 1;
      } else if (value === chosenValue && this.random() * ++ties < 1) {
        chosen = i;
      }
    }
    return chosen >= 0 ? chosen : oldest;
  }

  /** Makes move i (v goes before u) and forbids putting u back before v for `tenure` iterations. */
  apply(i: number, iteration: number, tenure: number): void {
    const u = this.moveU[i];
    const v = this.moveV[i];
    this.swap(u, v);
    if (tenure > 0) this.tabu[this.key(u, v)] = iteration + tenure;
  }

  /** Swaps u and its machine successor v in the linked machine sequence. */
  swap(u: number, v: number): void {
    const { mPrev, mNext } = this.shop;
    const a = mPrev[u];
    const b = mNext[v];
    if (a >= 0) mNext[a] = v;
    if (b >= 0) mPrev[b] = u;
    mPrev[v] = a;
    mNext[v] = u;
    mPrev[u] = v;
    mNext[u] = b;
  }

  /** A random move of the last generated list (used to perturb). */
  randomMove(): readonly [number, number] | null {
    if (this.moveCount === 0) return null;
    const i = Math.floor(this.random() * this.moveCount);
    return [this.moveU[i], this.moveV[i]];
  }

  clearTabu(): void {
    this.tabu.fill(0);
  }
}

/**
 * Turns the best machine sequences into an active schedule whose every operation starts no later than in the
 * semi-active schedule of those sequences: operations in order of their semi-active start, each put into the
 * earliest idle gap on its machine after its job predecessor ends. By induction every start is <= the semi-active
 * one (the operations already placed on the machine also moved only earlier, so they all still end by it), and no
 * operation can then move left without delaying another, which is what makes the schedule active.
 *
 * Why active matters: under the engine's Giffler–Thompson scheme, with priority = planned start, each conflict set
 * contains the machine's next operation of an active plan (if it started at or after C*, the operation achieving
 * C* could be moved left into the idle time, so the plan would not be active), and that operation has the lowest
 * planned start in the set; by induction the engine places every operation exactly at its planned start. A merely
 * semi-active plan gives no such guarantee. Under the insertion scheme the engine does what this function does.
 */
function decodeActive(shop: Shop, head: Float64Array): Float64Array {
  const { n, jobPred, machine, dur, release } = shop;
  const byHead = Int32Array.from({ length: n }, (_, o) => o).sort((a, b) => head[a] - head[b] || a - b);
  const starts: number[][] = [];
  const ends: number[][] = [];
  const start = new Float64Array(n);
  for (const o of byHead) {
    const m = machine[o];
    const ms = (starts[m] ??= []);
    const me = (ends[m] ??= []);
    const jp = jobPred[o];
    let t = jp >= 0 ? Math.max(release[o], start[jp] + dur[jp]) : release[o];
    let k = 0;
    while (k < ms.length && me[k] <= t) k++;
    while (k < ms.length && t + dur[o] > ms[k]) t = Math.max(t, me[k++]);
    ms.splice(k, 0, t);
    me.splice(k, 0, t + dur[o]);
    start[o] = t;
  }
  return start;
}

function plan(problem: JobShopProblem): TabuPlan {
  const iterations = problem.param('iterations');
  const baseTenure = problem.param('tenure');
  const timeLimitMs = problem.param('timeLimitMs');
  const random = (): number => problem.random();
  const shop = construct(problem);
  const search = new TabuSearch(shop, random);
  const { n, mPrev, mNext } = shop;
  const bestPrev = mPrev.slice();
  const bestNext = mNext.slice();
  const initialMakespan = search.evaluate();
  let current = initialMakespan;
  let best = current;
  // After this many moves without a new best, go back to the best solution and shake it: a cheap stand-in for
  // the back-jump tracking of Nowicki & Smutnicki that escapes the cycles a fixed tenure cannot break.
  const E=(globalThis as any).process.env; const stallLimit = Math.max(Number(E.STALLMIN??500), Number(E.STALLK??4) * n);
  const deadline = timeLimitMs > 0 ? Date.now() + timeLimitMs : Infinity;
  let stall = 0;
  let done = 0;
  for (; done < iterations && best > search.lowerBound; done++) {
    if (deadline !== Infinity && (done & 127) === 0 && Date.now() >= deadline) break;
    if (search.generateMoves(current) === 0 || stall >= stallLimit) {
      // No N5 move (the critical path is one block) or a long stall: restart from the best with a few random
      // adjacent critical swaps, which are always feasible, and a fresh tabu list.
      mPrev.set(bestPrev);
      mNext.set(bestNext);
      current = search.evaluate();
      for (let kicks = Number(E.KMIN??2) + Math.floor(random() * Number(E.KR??3)); kicks > 0; kicks--) {
        search.generateMoves(current, true);
        const move = search.randomMove();
        if (move === null) break;
        search.swap(move[0], move[1]);
        current = search.evaluate();
      }
      search.clearTabu();
      stall = 0;
    } else {
      // Tenure jitter in [tenure, 1.5 tenure] breaks the short cycles a constant tenure falls into.
      const tenure = baseTenure + Math.floor(random() * (baseTenure / 2 + 1));
      search.apply(search.chooseMove(done, best), done, tenure);
      current = search.evaluate();
      stall++;
    }
    if (current < best) {
      best = current;
      bestPrev.set(mPrev);
      bestNext.set(mNext);
      stall = 0;
    }
  }
  mPrev.set(bestPrev);
  mNext.set(bestNext);
  search.evaluate();
  const start = decodeActive(shop, search.head);
  let makespan = 0;
  for (let o = 0; o < n; o++) makespan = Math.max(makespan, start[o] + shop.dur[o]);
  return {
    jobOpStart: shop.jobOpStart,
    start,
    machine: shop.machine,
    duration: shop.dur,
    makespan,
    initialMakespan,
    iterations: done,
    offPlanPenalty: shop.horizon + makespan,
  };
}

const policy: JobShopPolicy<TabuPlan> = {
  id: 'tabu',
  label: 'Tabu search (N5)',
  description: 'Plans the schedule by tabu search on makespan over critical-block swaps (N5), then dispatches by planned start',
  paper: 'Nowicki & Smutnicki 1996, A fast taboo search algorithm for the job shop problem',
  params: [
    { name: 'iterations', description: 'Tabu search moves (reproducible budget)', min: 0, max: 1e7, default: 3000, integer: true },
    { name: 'tenure', description: 'Moves a reversed swap stays tabu (jittered up to +50%)', min: 0, max: 1000, default: 10, integer: true },
    {
      name: 'timeLimitMs',
      description: 'Also stop after this many milliseconds (0 = no limit); results then depend on machine speed',
      min: 0,
      max: 3_600_000,
      default: 0,
      integer: true,
    },
  ],
  prepare: plan,
  // Planned start first. Under the active scheme this regenerates the planned active schedule (see decodeActive);
  // a candidate on another machine than planned (flexible) goes after every planned one.
  priority: (c, _view, p) => {
    const o = p.jobOpStart[c.job] + c.op;
    return c.machine === p.machine[o] ? p.start[o] : p.start[o] + p.offPlanPenalty;
  },
};

export default policy;
