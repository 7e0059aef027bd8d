import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Timeline, TimelineBar } from '../../engine/core/timeline';
import { GanttIndex } from '../../components/charts/gantt-index';

function timeline(bars: TimelineBar[], laneCount = 2): Timeline {
  return {
    lanes: Array.from({ length: laneCount }, (_, i) => ({ id: `m${i}`, label: `M${i}` })),
    groups: ['J0', 'J1', 'J2'],
    bars,
    horizon: bars.reduce((h, b) => Math.max(h, b.end), 0),
  };
}
const work = (lane: number, start: number, end: number, group = 0): TimelineBar => ({ lane, start, end, group, kind: 'work', label: `J${group}` });
const down = (lane: number, start: number, end: number): TimelineBar => ({ lane, start, end, group: -1, kind: 'down', label: 'breakdown' });

describe('Gantt lane index', () => {
  it('finds the bars meeting a time window by binary search, overlapping breakdowns included', () => {
    // Lane 0: work [0,10) interrupted by a breakdown [4,6), then work [10,12) and [15,20).
    const t = timeline([work(0, 0, 10), down(0, 4, 6), work(0, 10, 12, 1), work(0, 15, 20, 2), work(1, 3, 5)]);
    const index = new GanttIndex(t);
    const inWindow = (t0: number, t1: number) => {
      const [lo, hi] = index.visibleRange(0, t0, t1);
      return Array.from({ length: hi - lo }, (_, k) => index.barAt(0, lo + k));
    };
    expect(inWindow(7, 9)).toEqual([0, 1]); // the breakdown ends before 7 but starts after bar 0: kept, harmless
    expect(inWindow(12.5, 14)).toEqual([]);
    expect(inWindow(16, 100)).toEqual([3]);
    expect(index.barsAt(0, 5, 0.1)).toEqual([0, 1]);
    expect(index.barsAt(0, 13, 0.1)).toEqual([]);
    expect(index.barsAt(0, 12.05, 0.1)).toEqual([2]);
    expect(index.barsAt(5, 1, 0)).toEqual([]);
    expect(index.groupBars(0)).toEqual([0, 4]);
  });

  it('still hovers a bar of length 0 within the tolerance', () => {
    const index = new GanttIndex(timeline([work(0, 0, 4), work(0, 4, 4, 1), work(0, 6, 8, 2)]));
    expect(index.barsAt(0, 4.2, 0.5)).toEqual([1]);
  });

  it('never skips a bar that meets the window (random bars, compared with a scan)', () => {
    const bar = fc.record({ lane: fc.integer({ min: 0, max: 2 }), start: fc.integer({ min: 0, max: 100 }), len: fc.integer({ min: 0, max: 30 }) });
    fc.assert(
      fc.property(fc.array(bar, { maxLength: 60 }), fc.integer({ min: -5, max: 130 }), fc.integer({ min: 0, max: 60 }), (raw, t0, span) => {
        const bars = raw.map((b, i) => (i % 5 === 0 ? down(b.lane, b.start, b.start + b.len) : work(b.lane, b.start, b.start + b.len)));
        const index = new GanttIndex(timeline(bars, 3));
        const t1 = t0 + span;
        for (let lane = 0; lane < 3; lane++) {
          const [lo, hi] = index.visibleRange(lane, t0, t1);
          const found = new Set(Array.from({ length: hi - lo }, (_, k) => index.barAt(lane, lo + k)));
          bars.forEach((b, i) => {
            if (b.lane === lane && b.end >= t0 && b.start <= t1) expect(found.has(i)).toBe(true);
          });
          const at = (t0 + t1) / 2;
          const covering = bars.map((b, i) => ({ b, i })).filter(({ b }) => b.lane === lane && b.start <= at && at < b.end).map(({ i }) => i);
          if (covering.length > 0) expect(new Set(index.barsAt(lane, at, 0))).toEqual(new Set(covering));
        }
      }),
    );
  });
});
