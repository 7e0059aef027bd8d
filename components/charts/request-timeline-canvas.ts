import type { BarIndex, RowLayout, SegmentKindName } from './request-timeline-layout';
import { SEGMENT_KINDS } from './request-timeline-layout';

/**
 * Colours of the request timeline and the painting of its bars.
 *
 * Colours (Okabe & Ito, chosen to differ in lightness as well as hue, so they survive colour-blindness and
 * greyscale): queued is a light grey (waiting is not work), prefill orange, decode dark blue — the pair that stays
 * apart under every colour-vision deficiency — preempted black (the exception must jump out, and black is the
 * darkest), transfer bluish green. Lightness order: queued > prefill > transfer > decode > preempted.
 */
export const SEGMENT_COLORS: Readonly<Record<SegmentKindName, string>> = {
  queued: '#c9c9c9',
  prefill: '#E69F00',
  decode: '#0072B2',
  preempted: '#111111',
  transfer: '#009E73',
};

/** Kinds in painting order: short exceptional segments last, so they stay visible where bars share a pixel. */
const PAINT_ORDER = [0, 2, 1, 4, 3] as const;

export interface PaintView {
  readonly width: number;
  readonly height: number;
  /** Visible time window. */
  readonly t0: number;
  readonly t1: number;
  /** Visible rows, inclusive. */
  readonly firstRow: number;
  readonly lastRow: number;
  /** The bar under the pointer and its row (-1: none), outlined. */
  readonly hoveredBar: number;
  readonly hoveredRow: number;
}

/** The part of CanvasRenderingContext2D the painter uses (tests pass a recorder). */
export type PaintContext = Pick<
  CanvasRenderingContext2D,
  'setTransform' | 'clearRect' | 'fillRect' | 'strokeRect' | 'fillStyle' | 'strokeStyle' | 'lineWidth' | 'createImageData' | 'putImageData'
>;

/**
 * Above this many bars in view, bars are rasterised straight into pixels (one putImageData) instead of one fillRect
 * each: a whole 19,000-request run is ~58,000 bars mostly narrower and thinner than a pixel, where fillRects cost
 * ~50 ms a frame and the raster a few ms. Below it, fillRect keeps sub-pixel edges exact.
 */
export const RASTER_THRESHOLD = 4000;

const RGB: readonly (readonly [number, number, number])[] = SEGMENT_KINDS.map((k) => {
  const hex = SEGMENT_COLORS[k];
  return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)] as const;
});

export function rowHeight(view: PaintView): number {
  return view.height / Math.max(1, view.lastRow - view.firstRow + 1);
}

/**
 * Paints the visible rows' bars: one fillStyle per kind and every bar of that kind in one pass, so a full view of
 * 60,000 bars is five colour changes, not 60,000. Rows thinner than a pixel share pixels (a zoomed-out view of
 * 19,000 requests is a density picture); bars narrower than a pixel are widened to stay visible. Returns the
 * number of bars drawn.
 */
export function paintRequestTimeline(ctx: PaintContext, index: BarIndex, layout: RowLayout, view: PaintView, devicePixelRatio: number): number {
  ctx.setTransform(devicePixelRatio, 0, 0, devicePixelRatio, 0, 0);
  ctx.clearRect(0, 0, view.width, view.height);
  if (view.lastRow < view.firstRow || !(view.t1 > view.t0)) return 0;
  const scale = view.width / (view.t1 - view.t0);
  const h = rowHeight(view);
  // A one-pixel gap between lanes once lanes are tall enough for it to read as separation.
  const barHeight = h >= 4 ? h - 1 : Math.max(h, 1);
  const from = layout.rowStart[view.firstRow];
  const to = layout.rowStart[view.lastRow + 1];
  const { start, end, kind } = index;
  const order = layout.order;
  let drawn = 0;
  if (to - from > RASTER_THRESHOLD) {
    drawn = rasterise(ctx, index, layout, view, devicePixelRatio, from, to);
  } else for (const k of PAINT_ORDER) {
    ctx.fillStyle = SEGMENT_COLORS[SEGMENT_KINDS[k]];
    let row = view.firstRow;
    for (let j = from; j < to; j++) {
      const i = order[j];
      if (kind[i] !== k || end[i] < view.t0 || start[i] > view.t1) continue;
      while (layout.rowStart[row + 1] <= j) row++;
      const x0 = Math.max(0, (start[i] - view.t0) * scale);
      const x1 = Math.min(view.width, (end[i] - view.t0) * scale);
      ctx.fillRect(x0, (row - view.firstRow) * h, Math.max(x1 - x0, 0.8), barHeight);
      drawn++;
    }
  }
  const hovered = view.hoveredBar;
  if (hovered >= 0 && view.hoveredRow >= view.firstRow && view.hoveredRow <= view.lastRow) {
    ctx.strokeStyle = '#d00';
    ctx.lineWidth = 1.5;
    const x0 = (start[hovered] - view.t0) * scale;
    ctx.strokeRect(x0 - 1, (view.hoveredRow - view.firstRow) * h - 1, Math.max((end[hovered] - start[hovered]) * scale, 1) + 2, Math.max(barHeight, 2) + 2);
  }
  return drawn;
}

/**
 * Paints the bars into an ImageData at device resolution, in the same kind order as the fillRect path (later kinds
 * over earlier ones), each bar at least one device pixel wide and tall. Then draws it with one putImageData.
 */
function rasterise(ctx: PaintContext, index: BarIndex, layout: RowLayout, view: PaintView, dpr: number, from: number, to: number): number {
  const width = Math.max(1, Math.round(view.width * dpr));
  const height = Math.max(1, Math.round(view.height * dpr));
  const image = ctx.createImageData(width, height);
  const pixels = image.data;
  const scale = (width / (view.t1 - view.t0));
  const h = (rowHeight(view) * dpr);
  const gap = h >= 4 * dpr ? dpr : 0;
  const { start, end, kind } = index;
  let drawn = 0;
  for (const k of PAINT_ORDER) {
    const [r, g, b] = RGB[k];
    let row = view.firstRow;
    for (let j = from; j < to; j++) {
      const i = layout.order[j];
      if (kind[i] !== k || end[i] < view.t0 || start[i] > view.t1) continue;
      while (layout.rowStart[row + 1] <= j) row++;
      const x0 = Math.max(0, Math.floor((start[i] - view.t0) * scale));
      const x1 = Math.min(width, Math.max(x0 + 1, Math.ceil((end[i] - view.t0) * scale)));
      const y0 = Math.min(height - 1, Math.floor((row - view.firstRow) * h));
      const y1 = Math.min(height, Math.max(y0 + 1, Math.floor((row - view.firstRow + 1) * h - gap)));
      for (let y = y0; y < y1; y++) {
        let p = (y * width + x0) * 4;
        for (let x = x0; x < x1; x++, p += 4) {
          pixels[p] = r;
          pixels[p + 1] = g;
          pixels[p + 2] = b;
          pixels[p + 3] = 255;
        }
      }
      drawn++;
    }
  }
  ctx.putImageData(image, 0, 0);
  return drawn;
}
