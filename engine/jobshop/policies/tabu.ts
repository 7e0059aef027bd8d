import type { JobShopPolicy, JobShopProblem } from 'schedlab/jobshop';

/**
 * Tabu search (N5): plans a whole schedule in `prepare`, then replays it through priorities.
 *
 * prepare() builds a Giffler–Thompson active schedule with MWKR (a flexible operation takes the alternative that
 * finishes earliest, and keeps that machine: the search only re-sequences), then improves it by tabu search over
 * the N5 neighbourhood of Nowicki & Smutnicki: on one critical path, swap the first two and the last two operations
 * of each critical block (except the first two of the first block and the last two of the last), since only those
 * swaps can shorten that path. Moves are ranked by the head/tail estimate of the swapped pair (Taillard 1994), O(1)
 * instead of a longest-path pass per neighbour; the chosen move is then evaluated exactly, so an iteration costs
 * O(operations).
 *
 * The iteration budget is reproducible: the same instance, parameters and seed give the same plan on any machine.
 * `timeLimitMs` can stop the search earlier on a slower machine, so a time-limited result depends on machine speed.
 */

/** The best schedule found, by global operation id: operation k of job j is jobOpStart[j] + k. */
export interface TabuPlan {
  readonly jobOpStart: Int32Array;
  /** Planned start of each operation: an active schedule (see `decodeActive`). */
  readonly start: Float64Array;
  /** Planned machine of each operation, and its processing time there. */
  readonly machine: Int32Array;
  readonly duration: Float64Array;
  readonly makespan: number;
  /** Makespan of the constructive (GT + MWKR) start, for comparison. */
  readonly initialMakespan: number;
  /** Tabu iterations done (fewer than `iterations` when the lower bound or the time limit stopped the search). */
  readonly iterations: number;
  /** Added to the priority of a candidate on an unplanned machine: more than any planned start. */
  readonly offPlanPenalty: number;
}

/** The instance flattened to typed arrays, each operation's machine fixed; machine sequences as linked lists. */
interface Shop {
  readonly n: number;
  readonly jobOpStart: Int32Array;
  readonly jobPred: Int32Array; // -1 for a job's first operation
  readonly jobSucc: Int32Array; // -1 for its last
  readonly release: Float64Array; // the job's release date, per operation: no head is below it
  readonly machine: Int32Array;
  readonly dur: Float64Array;
  readonly mPrev: Int32Array; // -1 at the start of a machine's sequence
  readonly mNext: Int32Array; // -1 at its end
  readonly horizon: number; // latest release + all longest alternatives: no plan starts anything later
}

/**
 * Giffler–Thompson with MWKR (remaining work on shortest alternatives), which also fixes flexible machines: every
 * job's next operation takes its earliest-finishing alternative, the conflict set is formed on the machine of the
 * earliest finish, and MWKR picks from it. Appending in decision order gives the machine sequences.
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
  let horizon = 1;
  let maxRelease = 0;
  for (let j = 0; j < jobs; j++) {
    maxRelease = Math.max(maxRelease, problem.jobRelease(j));
    let rest = 0;
    for (let o = jobOpStart[j + 1] - 1; o >= jobOpStart[j]; o--) {
      const k = o - jobOpStart[j];
      let [min, max] = [Infinity, 0];
      for (let a = 0, count = problem.opAlternativeCount(j, k); a < count; a++) {
        [min, max] = [Math.min(min, problem.opDuration(j, k, a)), Math.max(max, problem.opDuration(j, k, a))];
      }
      tailWork[o] = rest += min;
      horizon += max;
      release[o] = problem.jobRelease(j);
      if (k > 0) jobPred[o] = o - 1;
      if (o < jobOpStart[j + 1] - 1) jobSucc[o] = o + 1;
    }
  }
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
      const k = next[j] - jobOpStart[j];
      if (next[j] === jobOpStart[j + 1]) continue;
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

/** The search state: heads, tails, critical path and move list of the current solution, in reused typed arrays. */
class TabuSearch {
  readonly head: Float64Array;
  readonly tail: Float64Array;
  private readonly order: Int32Array;
  private readonly indeg: Int32Array;
  private readonly path: Int32Array;
  private readonly moveU: Int32Array;
  private readonly moveV: Int32Array;
  moveCount = 0;
  /**
   * Swapping (u, v) forbids swapping them back until iteration tabu[key(u, v)]. Pairs only swap on one machine, so
   * the table is a k x k block per machine (k its operations): 20 x 100^2 entries on 100 x 20 rather than 2000^2.
   */
  private readonly tabu: Int32Array;
  private readonly tabuBase: Int32Array;
  private readonly machineSize: Int32Array;
  private readonly local: Int32Array; // position of an operation in its machine's block
  /** Heaviest machine and longest job (from release), machines fixed: reaching it ends the search. */
  readonly lowerBound: number;

  constructor(
    private readonly shop: Shop,
    private readonly random: () => number,
  ) {
    const { n, machine, dur, mPrev, mNext, jobPred, release } = shop;
    [this.head, this.tail] = [new Float64Array(n), new Float64Array(n)];
    [this.order, this.indeg, this.path] = [new Int32Array(n), new Int32Array(n), new Int32Array(n)];
    [this.moveU, this.moveV, this.local] = [new Int32Array(n), new Int32Array(n), new Int32Array(n)];
    const machines = 1 + machine.reduce((a, b) => Math.max(a, b), -1);
    this.machineSize = new Int32Array(machines);
    this.tabuBase = new Int32Array(machines);
    const load = new Float64Array(machines);
    let bound = 0;
    for (let o = 0, length = 0; o < n; o++) {
      length = (jobPred[o] < 0 ? release[o] : length) + dur[o];
      bound = Math.max(bound, length);
      if (mPrev[o] >= 0) continue;
      for (let x = o; x >= 0; x = mNext[x]) {
        this.local[x] = this.machineSize[machine[o]]++;
        load[machine[o]] += dur[x];
      }
    }
    let size = 0;
    for (let m = 0; m < machines; m++) {
      this.tabuBase[m] = size;
      size += this.machineSize[m] * this.machineSize[m];
      bound = Math.max(bound, load[m]);
    }
    this.tabu = new Int32Array(size);
    this.lowerBound = bound;
  }

  /**
   * Heads (earliest starts) in topological order (Kahn), then tails (longest path after the operation's end) in
   * reverse order. Returns the makespan, or Infinity if the sequences contain a cycle.
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
      const jp = jobPred[o];
      const mp = mPrev[o];
      let h = release[o];
      if (jp >= 0 && head[jp] + dur[jp] > h) h = head[jp] + dur[jp];
      if (mp >= 0 && head[mp] + dur[mp] > h) h = head[mp] + dur[mp];
      head[o] = h;
      if (h + dur[o] > makespan) makespan = h + dur[o];
      if (jobSucc[o] >= 0 && --indeg[jobSucc[o]] === 0) order[queued++] = jobSucc[o];
      if (mNext[o] >= 0 && --indeg[mNext[o]] === 0) order[queued++] = mNext[o];
    }
    if (queued < n) return Infinity;
    for (let i = n - 1; i >= 0; i--) {
      const o = order[i];
      const js = jobSucc[o];
      const ms = mNext[o];
      let t = js >= 0 ? tail[js] + dur[js] : 0;
      if (ms >= 0 && tail[ms] + dur[ms] > t) t = tail[ms] + dur[ms];
      tail[o] = t;
    }
    return makespan;
  }

  /**
   * Lists the moves (u directly before v on a machine; the move puts v first) of one critical path, traced back
   * from an operation ending at the makespan; a tie between a job arc and a machine arc is broken at random, which
   * varies the path. N5 moves by default; with `all`, every adjacent pair in a block (used to perturb).
   */
  generateMoves(makespan: number, all = false): number {
    const { n, jobPred, jobSucc, mPrev, dur } = this.shop;
    const { head, path } = this;
    let o = 0;
    while (o < n - 1 && head[o] + dur[o] !== makespan) o++;
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
    this.moveCount = 0;
    for (let s = 0; s < length; ) {
      let e = s;
      while (e + 1 < length && mPrev[path[e + 1]] === path[e]) e++;
      if (all) for (let i = s; i < e; i++) this.addMove(path[i], path[i + 1], jobSucc);
      else if (e > s) {
        // Swaps inside a block cannot shorten this path, nor can moving the path's first or last operation.
        if (s > 0) this.addMove(path[s], path[s + 1], jobSucc);
        if (e < length - 1) this.addMove(path[e - 1], path[e], jobSucc);
      }
      s = e + 1;
    }
    return this.moveCount;
  }

  private addMove(u: number, v: number, jobSucc: Int32Array): void {
    const c = this.moveCount;
    // Two operations of one job in a row on a machine (recirculation) may not swap; a block of two adds one move.
    if (jobSucc[u] === v || (c > 0 && this.moveU[c - 1] === u && this.moveV[c - 1] === v)) return;
    this.moveU[c] = u;
    this.moveV[c] = v;
    this.moveCount++;
  }

  /**
   * Makespan estimate after swapping u and v (Taillard 1994): new heads of v then u, new tails of u then v, from
   * their unchanged neighbours. Exact for the longest path through the pair; paths that avoid it are ignored.
   */
  private estimate(u: number, v: number): number {
    const { jobPred, jobSucc, mPrev, mNext, dur, release } = this.shop;
    const { head, tail } = this;
    const [a, b, jpu, jpv, jsu, jsv] = [mPrev[u], mNext[v], jobPred[u], jobPred[v], jobSucc[u], jobSucc[v]];
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
   * The move to make: the best estimate among moves that are not tabu or would beat the best makespan
   * (aspiration), ties at random; when every move is tabu, the one whose tabu status ends soonest.
   */
  chooseMove(iteration: number, best: number): number {
    let [chosen, chosenValue, ties, oldest, oldestExpiry] = [-1, Infinity, 0, 0, Infinity];
    for (let i = 0; i < this.moveCount; i++) {
      const value = this.estimate(this.moveU[i], this.moveV[i]);
      const expiry = this.tabu[this.key(this.moveV[i], this.moveU[i])];
      if (expiry > iteration && value >= best) {
        if (expiry < oldestExpiry) [oldest, oldestExpiry] = [i, expiry];
      } else if (value < chosenValue) {
        [chosen, chosenValue, ties] = [i, value, 1];
      } else if (value === chosenValue && this.random() * ++ties < 1) {
        chosen = i;
      }
    }
    return chosen >= 0 ? chosen : oldest;
  }

  /** Makes move i, and forbids putting its pair back in the old order until iteration + tenure. */
  apply(i: number, iteration: number, tenure: number): void {
    this.swap(this.moveU[i], this.moveV[i]);
    if (tenure > 0) this.tabu[this.key(this.moveU[i], this.moveV[i])] = iteration + tenure;
  }

  /** A random move of the last list, made without tabu bookkeeping (to perturb). */
  applyRandom(): void {
    const i = Math.floor(this.random() * this.moveCount);
    this.swap(this.moveU[i], this.moveV[i]);
  }

  /** Swaps u and its machine successor v in the linked machine sequence. */
  private swap(u: number, v: number): void {
    const { mPrev, mNext } = this.shop;
    const a = mPrev[u];
    const b = mNext[v];
    if (a >= 0) mNext[a] = v;
    if (b >= 0) mPrev[b] = u;
    [mPrev[v], mNext[v], mPrev[u], mNext[u]] = [a, u, v, b];
  }

  clearTabu(): void {
    this.tabu.fill(0);
  }
}

/**
 * Turns the best sequences into an active schedule in which no operation starts later than in their semi-active
 * schedule: operations in order of semi-active start, each into the earliest idle gap on its machine after its
 * job predecessor ends. By induction every start is <= the semi-active one (operations already placed on the
 * machine also moved only earlier, so they still end by then), and no operation can move left without delaying
 * another (a gap an operation skipped only shrinks later), which is what makes it active.
 *
 * Why active matters: under the engine's Giffler–Thompson scheme with priority = planned start, each conflict set
 * holds the machine's next operation of an active plan (were it to start at or after C*, the operation that ends
 * at C* could move left into that idle time, so the plan would not be active), and that operation has the lowest
 * planned start in the set; by induction the engine places every operation exactly as planned. For a semi-active
 * plan there is no such guarantee (GT may start an operation into a gap the plan keeps for a later one). Under the
 * insertion scheme the engine does what this function does, so it regenerates the plan as well.
 */
function decodeActive(shop: Shop, head: Float64Array): Float64Array {
  const { n, jobPred, machine, dur, release } = shop;
  const byHead = Int32Array.from({ length: n }, (_, o) => o).sort((a, b) => head[a] - head[b] || a - b);
  const starts: number[][] = [];
  const ends: number[][] = [];
  const start = new Float64Array(n);
  for (const o of byHead) {
    const ms = (starts[machine[o]] ??= []);
    const me = (ends[machine[o]] ??= []);
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
  // After this many moves without a new best, go back to the best and shake it: a cheap stand-in for the back-jump
  // tracking of Nowicki & Smutnicki, to leave the cycles a tabu list alone does not break.
  const stallLimit = Math.max(500, 4 * n);
  const deadline = timeLimitMs > 0 ? Date.now() + timeLimitMs : Infinity;
  let stall = 0;
  let done = 0;
  for (; done < iterations && best > search.lowerBound; done++) {
    if (deadline !== Infinity && (done & 127) === 0 && Date.now() >= deadline) break;
    if (search.generateMoves(current) === 0 || stall >= stallLimit) {
      // No N5 move (the critical path is one block) or a long stall: restart from the best after a few random
      // adjacent swaps on critical paths (always acyclic), with a fresh tabu list.
      mPrev.set(bestPrev);
      mNext.set(bestNext);
      current = search.evaluate();
      for (let kicks = 2 + Math.floor(random() * 3); kicks > 0 && search.generateMoves(current, true) > 0; kicks--) {
        search.applyRandom();
        current = search.evaluate();
      }
      search.clearTabu();
      stall = 0;
    } else {
      // Tenure jittered in [tenure, 1.5 tenure]: a constant tenure lets the search fall into short cycles.
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
  const { jobOpStart, machine, dur: duration, horizon } = shop;
  const offPlanPenalty = horizon + makespan;
  return { jobOpStart, start, machine, duration, makespan, initialMakespan, iterations: done, offPlanPenalty };
}

const policy: JobShopPolicy<TabuPlan> = {
  id: 'tabu',
  label: 'Tabu search (N5)',
  description: 'Plans a schedule by tabu search on makespan (swaps at critical block ends), then dispatches it',
  paper: 'Nowicki & Smutnicki 1996, A fast taboo search algorithm for the job shop problem',
  params: [
    { name: 'iterations', description: 'Tabu moves (reproducible)', min: 0, max: 1e7, default: 20000, integer: true },
    { name: 'tenure', description: 'Moves before a swap may be undone', min: 0, max: 1000, default: 10, integer: true },
    {
      name: 'timeLimitMs',
      description: 'Also stop after this many milliseconds (0: no limit); results then depend on machine speed',
      min: 0,
      max: 3_600_000,
      default: 0,
      integer: true,
    },
  ],
  prepare: plan,
  // Planned start first: under the active and insertion schemes the engine regenerates the plan (see decodeActive).
  // A candidate on an unplanned machine (flexible) goes after every planned one. Under the active scheme a flexible
  // plan is only approximated: the conflict set is formed over all alternatives and may hold no planned candidate.
  priority: (c, _view, p) => {
    const o = p.jobOpStart[c.job] + c.op;
    return c.machine === p.machine[o] ? p.start[o] : p.start[o] + p.offPlanPenalty;
  },
};

export default policy;
