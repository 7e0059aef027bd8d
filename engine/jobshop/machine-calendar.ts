import type { Rng } from '../core/rng';
import type { BreakdownModel } from './run-types';

/**
 * When each machine is down. Breakdown windows are drawn lazily from one seeded stream per machine, so a run that
 * ends sooner draws fewer and two runs with the same seed see the same windows whatever the policy does.
 * Interrupted work resumes after the repair (preempt-resume), so an operation's end is its start plus its duration
 * plus the downtime it spans.
 */
export class MachineCalendar {
  /** Per machine: flat [start0, end0, start1, end1, ...], sorted and disjoint, generated up to `horizon[m]`. */
  private readonly windows: number[][];
  private readonly horizon: Float64Array;
  private readonly streams: Rng[];

  constructor(
    machineCount: number,
    private readonly model: BreakdownModel | undefined,
    rng: Rng,
  ) {
    this.windows = Array.from({ length: machineCount }, () => []);
    this.horizon = new Float64Array(machineCount);
    this.streams = Array.from({ length: machineCount }, (_, m) => rng.split(`breakdowns/machine-${m}`));
  }

  get hasBreakdowns(): boolean {
    return this.model !== undefined;
  }

  /** Draws windows until one ends after `time`, so every window relevant before `time` is known. */
  private extendPast(machine: number, time: number): void {
    const model = this.model!;
    const list = this.windows[machine];
    const stream = this.streams[machine];
    while (this.horizon[machine] <= time) {
      // Whole time units keep schedules integral, like the instances; at least one unit each so time advances.
      const up = Math.max(1, Math.round(stream.exponential(model.mtbf)));
      const down = Math.max(1, Math.round(stream.exponential(model.mttr)));
      const start = this.horizon[machine] + up;
      list.push(start, start + down);
      this.horizon[machine] = start + down;
    }
  }

  /** Index (in pairs) of the first window on `machine` that ends after `time`. */
  private firstWindowEndingAfter(machine: number, time: number): number {
    const list = this.windows[machine];
    let lo = 0;
    let hi = list.length >> 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[2 * mid + 1] <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The earliest time >= `time` at which the machine is up. */
  upAt(machine: number, time: number): number {
    if (this.model === undefined) return time;
    this.extendPast(machine, time);
    const list = this.windows[machine];
    const w = this.firstWindowEndingAfter(machine, time);
    return list[2 * w] <= time ? list[2 * w + 1] : time;
  }

  /** End of `duration` units of work started at `start` (an up time), resuming across the windows it meets. */
  finish(machine: number, start: number, duration: number): number {
    if (this.model === undefined) return start + duration;
    let time = start;
    let left = duration;
    this.extendPast(machine, time + left);
    const list = this.windows[machine];
    let w = this.firstWindowEndingAfter(machine, time);
    while (list[2 * w] < time + left) {
      left -= list[2 * w] - time;
      time = list[2 * w + 1];
      w++;
      this.extendPast(machine, time + left);
    }
    return time + left;
  }

  /** Windows that start before `until`, per machine, for the timeline and the checker. */
  windowsBefore(until: number): { machine: number; start: number; end: number }[] {
    const out: { machine: number; start: number; end: number }[] = [];
    this.windows.forEach((list, machine) => {
      for (let i = 0; i < list.length; i += 2) if (list[i] < until) out.push({ machine, start: list[i], end: list[i + 1] });
    });
    return out;
  }
}

/**
 * The operations already placed on one machine, sorted by start, for the insertion scheme's gap search.
 * Flat parallel arrays: a 100-job machine holds 100 intervals, so a splice is cheap.
 */
export class MachineIntervals {
  readonly starts: number[] = [];
  readonly ends: number[] = [];

  /**
   * Inserts [start, end) keeping the order; the caller guarantees it overlaps nothing. Equal starts are ordered by
   * end, so an operation of length 0 sits before the one that starts with it and the ends stay sorted too (the gap
   * search relies on that).
   */
  insert(start: number, end: number): void {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < start || (this.starts[mid] === start && this.ends[mid] <= end)) lo = mid + 1;
      else hi = mid;
    }
    this.starts.splice(lo, 0, start);
    this.ends.splice(lo, 0, end);
  }
}
