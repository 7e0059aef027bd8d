import type { JobShopInstance } from './model';
import type { Downtime, ScheduledOperation } from './run-types';

/**
 * The critical path of a finished (or partial) job-shop schedule: a chain of operations ending at the makespan in
 * which each operation starts exactly when the one before it ends, the link being either the job's previous
 * operation or the machine's previous operation. Delay any of them and the makespan grows, which is why the Gantt
 * chart outlines them and why local-search neighbourhoods (N5, N7) only move operations on this chain.
 *
 * Works on plain schedule data, so it serves engine runs, stored runs and imported schedules alike.
 */

/** Why an operation on the path starts when it does. */
export type CriticalLinkKind =
  /** At time 0: nothing before it on the path. */
  | 'time-zero'
  /** At its job's release date (first operation of the job). */
  | 'release'
  /** When a breakdown of its machine ends: the downtime, not an operation, held it back. */
  | 'breakdown'
  /** When the previous step, the same job's previous operation, ends. */
  | 'job'
  /** When the previous step, the previous operation on the same machine, ends. */
  | 'machine'
  /** Later than anything it waited for (a schedule with inserted idle time, e.g. imported): the path stops here. */
  | 'idle';

export interface CriticalStep {
  /** Index into the schedule. */
  readonly index: number;
  readonly after: CriticalLinkKind;
}

/** The path's operations as indices into `schedule`, earliest first; empty for an empty schedule. */
export function criticalPath(
  instance: JobShopInstance,
  schedule: readonly ScheduledOperation[],
  downtime: readonly Downtime[] = [],
): number[] {
  return criticalPathSteps(instance, schedule, downtime).map((step) => step.index);
}

const UNKNOWN = 0;
const VISITING = 1;
const ROOTED = 2;
const STUCK = 3;

/**
 * The path with the reason each step starts when it does. Prefers chains that reach time 0 or a release through
 * tight links (job link first, then machine link) over chains that begin at a breakdown, so on a schedule without
 * breakdowns the durations along the path add up to the makespan.
 */
export function criticalPathSteps(
  instance: JobShopInstance,
  schedule: readonly ScheduledOperation[],
  downtime: readonly Downtime[] = [],
): CriticalStep[] {
  const n = schedule.length;
  if (n === 0) return [];
  const links = new TightLinks(instance, schedule, downtime);

  // Whether an operation is reachable from an origin through tight links, resolved by an iterative depth-first
  // search (a recursive one could overflow the stack on long chains of a 10,000-operation schedule).
  const state = new Uint8Array(n);
  const via = new Int32Array(n).fill(-1);
  const kind: CriticalLinkKind[] = new Array(n);
  const resolve = (root: number): void => {
    const stack = [root];
    while (stack.length > 0) {
      const i = stack[stack.length - 1];
      if (state[i] === ROOTED || state[i] === STUCK) {
        stack.pop();
        continue;
      }
      if (state[i] === UNKNOWN) {
        state[i] = VISITING;
        const origin = links.origin(i);
        if (origin !== undefined) {
          state[i] = ROOTED;
          kind[i] = origin;
          stack.pop();
          continue;
        }
        const pending = links.predecessors(i).filter((p) => state[p.index] === UNKNOWN);
        if (pending.length > 0) {
          for (const p of pending) stack.push(p.index);
          continue;
        }
      }
      // Every predecessor is now resolved (or on the current chain, which only zero-length cycles can cause).
      stack.pop();
      const preds = links.predecessors(i);
      const rooted = preds.find((p) => state[p.index] === ROOTED);
      if (rooted) {
        state[i] = ROOTED;
        via[i] = rooted.index;
        kind[i] = rooted.kind;
      } else if (links.afterBreakdown(i)) {
        state[i] = ROOTED;
        kind[i] = 'breakdown';
      } else {
        // Keep a tight link anyway, so an unrooted path still goes back as far as the schedule allows.
        const tight = preds.find((p) => state[p.index] !== VISITING);
        state[i] = STUCK;
        via[i] = tight ? tight.index : -1;
        kind[i] = tight ? tight.kind : 'idle';
      }
    }
  };

  let makespan = -Infinity;
  for (const op of schedule) if (op.end > makespan) makespan = op.end;
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (schedule[i].end !== makespan) continue;
    resolve(i);
    if (last < 0 || (state[i] === ROOTED && state[last] !== ROOTED)) last = i;
  }

  const steps: CriticalStep[] = [];
  for (let i = last; i >= 0; i = via[i]) steps.push({ index: i, after: kind[i] });
  steps.reverse();
  // A stuck chain ends (at its start) on an operation whose own wait is unexplained.
  if (state[steps[0].index] === STUCK) steps[0] = { index: steps[0].index, after: 'idle' };
  return steps;
}

interface Predecessor {
  readonly index: number;
  readonly kind: 'job' | 'machine';
}

/** Lookups of what each operation could have waited for, built once per call. */
class TightLinks {
  /** Schedule index of (job, op), or -1. */
  private readonly byJob: Map<number, Map<number, number>> = new Map();
  /** Per machine, schedule indices sorted by start, then end; and each operation's position there. */
  private readonly machineOrder: Map<number, number[]> = new Map();
  private readonly position: Int32Array;
  /** Per machine, the times its breakdowns end. */
  private readonly repairs: Map<number, Set<number>> = new Map();

  constructor(
    private readonly instance: JobShopInstance,
    private readonly schedule: readonly ScheduledOperation[],
    downtime: readonly Downtime[],
  ) {
    schedule.forEach((s, i) => {
      let ops = this.byJob.get(s.job);
      if (!ops) this.byJob.set(s.job, (ops = new Map()));
      ops.set(s.op, i);
      let lane = this.machineOrder.get(s.machine);
      if (!lane) this.machineOrder.set(s.machine, (lane = []));
      lane.push(i);
    });
    this.position = new Int32Array(schedule.length);
    for (const lane of this.machineOrder.values()) {
      lane.sort((a, b) => schedule[a].start - schedule[b].start || schedule[a].end - schedule[b].end || a - b);
      lane.forEach((i, k) => (this.position[i] = k));
    }
    for (const d of downtime) {
      let ends = this.repairs.get(d.machine);
      if (!ends) this.repairs.set(d.machine, (ends = new Set()));
      ends.add(d.end);
    }
  }

  /** 'time-zero' or 'release' when the operation starts at its earliest possible time; otherwise undefined. */
  origin(i: number): CriticalLinkKind | undefined {
    const s = this.schedule[i];
    if (s.start === 0) return 'time-zero';
    if (s.op === 0 && s.start === (this.instance.jobs[s.job]?.release ?? 0)) return 'release';
    return undefined;
  }

  afterBreakdown(i: number): boolean {
    const s = this.schedule[i];
    return this.repairs.get(s.machine)?.has(s.start) ?? false;
  }

  /** Operations ending exactly when `i` starts: its job predecessor first, then those before it on its machine. */
  predecessors(i: number): Predecessor[] {
    const s = this.schedule[i];
    const out: Predecessor[] = [];
    const jobPrev = this.byJob.get(s.job)?.get(s.op - 1);
    if (jobPrev !== undefined && this.schedule[jobPrev].end === s.start) out.push({ index: jobPrev, kind: 'job' });
    const lane = this.machineOrder.get(s.machine)!;
    // Operations on a machine do not overlap, so ends only fall going back; several can end at `start` only when
    // some have length 0.
    for (let k = this.position[i] - 1; k >= 0; k--) {
      const end = this.schedule[lane[k]].end;
      if (end < s.start) break;
      if (end === s.start) out.push({ index: lane[k], kind: 'machine' });
    }
    return out;
  }
}
