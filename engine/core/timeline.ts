/**
 * The timeline model every Gantt view draws: lanes (machines, replicas, hosts) holding bars. Plain data so it
 * crosses the worker boundary and goes into the database as it is.
 */

export interface TimelineLane {
  readonly id: string;
  readonly label: string;
}

/** What a bar stands for: work, or time the lane could not work (a breakdown, a migration). */
export type BarKind = 'work' | 'down';

export interface TimelineBar {
  /** Index into `lanes`. */
  readonly lane: number;
  readonly start: number;
  readonly end: number;
  /** Colour group, e.g. the job; -1 for bars that belong to no group (downtime). */
  readonly group: number;
  readonly kind: BarKind;
  /** Short text for a tooltip ("J3 op 2"). */
  readonly label: string;
}

export interface Timeline {
  readonly lanes: readonly TimelineLane[];
  /** Labels of the colour groups, indexed by `TimelineBar.group`. */
  readonly groups: readonly string[];
  readonly bars: readonly TimelineBar[];
  /** The time the last bar ends. */
  readonly horizon: number;
}

/** Collects bars and computes the horizon, so engines do not each rewrite the same bookkeeping. */
export class TimelineBuilder {
  private readonly bars: TimelineBar[] = [];
  private horizon = 0;

  constructor(
    private readonly lanes: readonly TimelineLane[],
    private readonly groups: readonly string[],
  ) {}

  add(bar: TimelineBar): void {
    this.bars.push(bar);
    if (bar.end > this.horizon) this.horizon = bar.end;
  }

  build(): Timeline {
    return { lanes: this.lanes, groups: this.groups, bars: this.bars, horizon: this.horizon };
  }
}
