import type { Timeline } from '../../engine/core/timeline';

/**
 * Per-lane bars sorted by start, so that drawing a time window and finding the bar under the pointer are binary
 * searches instead of scans of every bar: at 10,000 bars a scan per pointer move or per frame is what makes a chart
 * stutter.
 *
 * Bars in a lane may overlap (a breakdown lies inside the operation it interrupts), so ends are not sorted with the
 * starts; `maxEnd[k]`, the largest end among the first k + 1 bars, is, and bounds the search from the left.
 */
export class GanttIndex {
  readonly laneCount: number;
  /** Per lane: bar indices in start order, their starts, and the running maximum of their ends. */
  private readonly bars: Int32Array[] = [];
  private readonly starts: Float64Array[] = [];
  private readonly maxEnd: Float64Array[] = [];
  /** Per colour group: bar indices, in timeline order. */
  private readonly groups: number[][];

  constructor(private readonly timeline: Timeline) {
    this.laneCount = timeline.lanes.length;
    const perLane: number[][] = Array.from({ length: this.laneCount }, () => []);
    this.groups = Array.from({ length: timeline.groups.length }, () => []);
    timeline.bars.forEach((bar, i) => {
      perLane[bar.lane]?.push(i);
      if (bar.group >= 0) this.groups[bar.group]?.push(i);
    });
    const all = timeline.bars;
    for (const list of perLane) {
      list.sort((a, b) => all[a].start - all[b].start || all[a].end - all[b].end || a - b);
      const starts = new Float64Array(list.length);
      const maxEnd = new Float64Array(list.length);
      let running = -Infinity;
      list.forEach((b, k) => {
        starts[k] = all[b].start;
        running = Math.max(running, all[b].end);
        maxEnd[k] = running;
      });
      this.bars.push(Int32Array.from(list));
      this.starts.push(starts);
      this.maxEnd.push(maxEnd);
    }
  }

  /** Bar index of the k-th bar (in start order) of `lane`. */
  barAt(lane: number, k: number): number {
    return this.bars[lane][k];
  }

  /** Bars of one colour group (a job), in timeline order. */
  groupBars(group: number): readonly number[] {
    return this.groups[group] ?? [];
  }

  /** Positions [lo, hi) in `lane` of the bars that may meet the window [t0, t1]: every bar outside is skipped. */
  visibleRange(lane: number, t0: number, t1: number): [number, number] {
    return [lowerBound(this.maxEnd[lane], t0), upperBound(this.starts[lane], t1)];
  }

  /**
   * Bars of `lane` under time `t`: those covering t (a breakdown and the operation it interrupts can both), or
   * failing that the nearest within `tolerance` (so a 0-length or sub-pixel bar can still be hovered). Empty if none.
   */
  barsAt(lane: number, t: number, tolerance: number): number[] {
    if (lane < 0 || lane >= this.laneCount) return [];
    const all = this.timeline.bars;
    const list = this.bars[lane];
    const maxEnd = this.maxEnd[lane];
    const covering: number[] = [];
    let nearest = -1;
    let nearestGap = Infinity;
    for (let k = upperBound(this.starts[lane], t + tolerance) - 1; k >= 0 && maxEnd[k] >= t - tolerance; k--) {
      const bar = all[list[k]];
      if (bar.start <= t && t < bar.end) covering.push(list[k]);
      const gap = t < bar.start ? bar.start - t : t >= bar.end ? t - bar.end : 0;
      if (gap <= tolerance && gap < nearestGap) {
        nearest = list[k];
        nearestGap = gap;
      }
    }
    if (covering.length > 0) return covering.reverse();
    return nearest >= 0 ? [nearest] : [];
  }
}

/** First k with values[k] >= x (values sorted ascending). */
function lowerBound(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First k with values[k] > x (values sorted ascending). */
function upperBound(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
