import type { Timeline } from '../../engine/core/timeline';
import type { GanttIndex } from './gantt-index';
import { barHeight, barTop, CHART_FONT, type GanttLayout } from './gantt-layout';
import { DOWN_FILL, DOWN_HATCH, labelColor } from './gantt-palette';

/** What one frame of bars needs. `x` maps time to plot x in CSS pixels. */
export interface PaintInput {
  readonly timeline: Timeline;
  readonly index: GanttIndex;
  readonly layout: GanttLayout;
  readonly x: (time: number) => number;
  readonly domain: readonly [number, number];
  /** Fill per colour slot (see jobColorSlots). */
  readonly slots: readonly string[];
  readonly highlightedJob: number | null;
  /** Times of the axis ticks, drawn as light grid lines behind the bars. */
  readonly ticks: readonly number[];
  readonly devicePixelRatio: number;
}

/** Text inside bars only when few bars are visible: fillText is far slower than fillRect. */
const LABEL_LIMIT = 600;

/**
 * Paints bars onto the plot-area canvas. Visible bars are gathered into flat typed arrays and bucketed by colour
 * (a counting sort), so each colour is set once per frame and nothing is allocated per frame once the buffers have
 * grown to fit.
 */
export class GanttPainter {
  private rects = new Float32Array(0);
  private barOf = new Int32Array(0);
  private slotOf = new Int32Array(0);
  private order = new Int32Array(0);
  private hatch: CanvasPattern | null = null;
  private readonly labelWidths = new Map<string, number>();

  constructor(private readonly ctx: CanvasRenderingContext2D) {}

  /** Draws one frame; returns how many bars were painted. */
  paint(p: PaintInput): number {
    const { ctx } = this;
    const { layout, timeline, index } = p;
    const dpr = p.devicePixelRatio;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, layout.plotWidth, layout.plotHeight);
    this.paintBackground(p);

    const all = timeline.bars;
    this.ensureCapacity(all.length);
    const snap = (v: number) => Math.round(Math.max(-2, Math.min(layout.plotWidth + 2, v)) * dpr) / dpr;
    const slotCount = p.slots.length + 1; // the last slot is downtime
    const counts = new Int32Array(slotCount + 1);
    const height = barHeight(layout);
    let n = 0;
    for (let lane = 0; lane < index.laneCount; lane++) {
      const [lo, hi] = index.visibleRange(lane, p.domain[0], p.domain[1]);
      const top = barTop(layout, lane);
      for (let k = lo; k < hi; k++) {
        const b = index.barAt(lane, k);
        const bar = all[b];
        const x0 = snap(p.x(bar.start));
        let w = snap(p.x(bar.end)) - x0;
        // A one-pixel gap keeps back-to-back operations apart; a bar never vanishes below one pixel.
        if (w >= 4) w -= 1;
        if (w < 1) w = 1;
        const slot =
          bar.kind === 'down' || bar.group < 0
            ? slotCount - 1
            : 2 * bar.group + (p.highlightedJob !== null && bar.group !== p.highlightedJob ? 1 : 0);
        this.rects[4 * n] = x0;
        this.rects[4 * n + 1] = top;
        this.rects[4 * n + 2] = w;
        this.rects[4 * n + 3] = height;
        this.barOf[n] = b;
        this.slotOf[n] = slot;
        counts[slot + 1]++;
        n++;
      }
    }
    // Counting sort by slot: counts[s] becomes the first position of slot s in `order`.
    for (let s = 0; s < slotCount; s++) counts[s + 1] += counts[s];
    const cursor = counts.slice();
    for (let i = 0; i < n; i++) this.order[cursor[this.slotOf[i]]++] = i;

    for (let s = 0; s < slotCount; s++) {
      if (counts[s] === counts[s + 1]) continue;
      ctx.fillStyle = s === slotCount - 1 ? this.hatchPattern() : p.slots[s];
      for (let o = counts[s]; o < counts[s + 1]; o++) {
        const r = 4 * this.order[o];
        ctx.fillRect(this.rects[r], this.rects[r + 1], this.rects[r + 2], this.rects[r + 3]);
      }
    }
    if (n <= LABEL_LIMIT) this.paintLabels(p, n);
    return n;
  }

  private paintBackground(p: PaintInput): void {
    const { ctx } = this;
    const { layout } = p;
    // Every other lane shaded, so a bar's lane can be read far from the labels.
    ctx.fillStyle = '#f5f5f5';
    for (let lane = 1; lane < p.index.laneCount; lane += 2) {
      ctx.fillRect(0, lane * layout.laneHeight, layout.plotWidth, layout.laneHeight);
    }
    ctx.fillStyle = '#e4e4e4';
    for (const t of p.ticks) ctx.fillRect(Math.round(p.x(t)), 0, 1, layout.plotHeight);
  }

  private paintLabels(p: PaintInput, n: number): void {
    const { ctx } = this;
    ctx.font = CHART_FONT;
    ctx.textBaseline = 'middle';
    for (let i = 0; i < n; i++) {
      const slot = this.slotOf[i];
      if (slot >= p.slots.length) continue;
      const bar = p.timeline.bars[this.barOf[i]];
      const text = p.timeline.groups[bar.group] ?? '';
      let width = this.labelWidths.get(text);
      if (width === undefined) this.labelWidths.set(text, (width = ctx.measureText(text).width));
      const [x, y, w, h] = this.rects.subarray(4 * i, 4 * i + 4);
      if (w < width + 6) continue;
      ctx.fillStyle = labelColor(p.slots[slot]);
      ctx.fillText(text, x + 3, y + h / 2);
    }
  }

  /** Diagonal hatching over grey: breakdowns stay distinct from work in greyscale print and for every viewer. */
  private hatchPattern(): CanvasPattern | string {
    if (this.hatch) return this.hatch;
    const tile = document.createElement('canvas');
    tile.width = tile.height = 6;
    const t = tile.getContext('2d');
    if (!t) return DOWN_FILL;
    t.fillStyle = DOWN_FILL;
    t.fillRect(0, 0, 6, 6);
    t.strokeStyle = DOWN_HATCH;
    t.lineWidth = 1.2;
    t.beginPath();
    t.moveTo(-1, 7);
    t.lineTo(7, -1);
    t.stroke();
    this.hatch = this.ctx.createPattern(tile, 'repeat');
    return this.hatch ?? DOWN_FILL;
  }

  private ensureCapacity(barCount: number): void {
    if (this.barOf.length >= barCount) return;
    this.rects = new Float32Array(4 * barCount);
    this.barOf = new Int32Array(barCount);
    this.slotOf = new Int32Array(barCount);
    this.order = new Int32Array(barCount);
  }
}
