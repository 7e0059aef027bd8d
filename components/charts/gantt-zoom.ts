import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3';

/**
 * d3-zoom restricted to the time axis. d3-zoom scales both axes; here y is pinned to 0 by the constraint and only
 * x is ever read, so lanes never move and the view never leaves [0, horizon].
 */
export type TimeZoom = ZoomBehavior<SVGGElement, unknown>;

/** Narrowest window the user can zoom into, in time units (one unit across the plot is as close as it helps). */
const MIN_SPAN = 1;

export function createTimeZoom(onZoom: (transform: ZoomTransform, event: D3ZoomEvent<SVGGElement, unknown>) => void): TimeZoom {
  return zoom<SVGGElement, unknown>()
    .constrain((transform, extent) => {
      const [[x0], [x1]] = extent;
      const k = transform.k;
      // Keep the zoomed plot covering the whole extent: its left edge at or before x0, its right edge at or after x1.
      const tx = Math.min(x0 - x0 * k, Math.max(x1 - x1 * k, transform.x));
      return tx === transform.x && transform.y === 0 ? transform : zoomIdentity.translate(tx, 0).scale(k);
    })
    .on('zoom', (event: D3ZoomEvent<SVGGElement, unknown>) => onZoom(event.transform, event));
}

/** Sets the extents for a plot of `plotWidth` x `plotHeight` showing [0, horizon]. */
export function sizeTimeZoom(behaviour: TimeZoom, plotWidth: number, plotHeight: number, horizon: number): void {
  const extent: [[number, number], [number, number]] = [[0, 0], [plotWidth, plotHeight]];
  behaviour
    .extent(extent)
    .translateExtent(extent)
    .scaleExtent([1, Math.max(1, horizon / MIN_SPAN)]);
}

/** The transform that shows [t0, t1] when the unzoomed plot shows [0, horizon] over `plotWidth` pixels. */
export function transformForDomain(t0: number, t1: number, horizon: number, plotWidth: number): ZoomTransform {
  if (!(t1 > t0) || !(horizon > 0)) return zoomIdentity;
  const k = horizon / (t1 - t0);
  return zoomIdentity.translate((-k * t0 * plotWidth) / horizon, 0).scale(k);
}
