import { pointer, scaleLinear, zoomIdentity, type ScaleLinear, type ZoomTransform } from 'd3';
import type { Timeline } from '../../engine/core/timeline';
import { GanttPainter } from './gantt-canvas';
import { ganttSvg, svgToPng } from './gantt-export';
import { GanttIndex } from './gantt-index';
import { computeLayout, laneAt, type GanttLayout } from './gantt-layout';
import { createOverlay, drawAxis, drawCriticalLinks, drawHover, drawOutlines, layoutOverlay } from './gantt-overlay';
import { jobColorSlots } from './gantt-palette';
import { createTooltip, hideTooltip, showTooltip } from './gantt-tooltip';
import type { GanttData, GanttHandle, GanttOptions } from './gantt-types';
import { createTimeZoom, sizeTimeZoom, transformForDomain } from './gantt-zoom';

export type { GanttData, GanttHandle, GanttOptions, GanttRenderStats } from './gantt-types';

/** Pointer slack, in pixels, for hovering or clicking bars thinner than a pixel. */
const HIT_SLACK_PX = 3;

/**
 * The Gantt chart: bars on a <canvas> (one fillRect per visible bar, bucketed by colour), with an SVG layer on top
 * for the axis, lane labels, outlines and the pointer, and an HTML tooltip. Zoom and pan (d3-zoom, time axis only)
 * only mark the frame dirty; one requestAnimationFrame redraws the canvas and the axis however many events came in.
 *
 * No React here: the wrapper (gantt-view.tsx) owns the buttons, this owns the drawing.
 */
export function renderGantt(container: HTMLElement, data: GanttData, options: GanttOptions): GanttHandle {
  const root = document.createElement('div');
  root.className = 'gantt-chart';
  root.style.position = 'relative';
  container.appendChild(root);
  const canvas = document.createElement('canvas');
  canvas.className = 'gantt-canvas';
  canvas.style.position = 'absolute';
  root.appendChild(canvas);
  const overlay = createOverlay(root);
  const tooltip = createTooltip(root);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Gantt chart: this browser gave no 2D canvas context');
  const painter = new GanttPainter(ctx);

  let current = data;
  let opts = options;
  let timeline: Timeline = data.timeline;
  let index = new GanttIndex(timeline);
  let slots = jobColorSlots(timeline.groups.length);
  let layout: GanttLayout = computeLayout(container.clientWidth, timeline, opts.laneHeight);
  let transform: ZoomTransform = zoomIdentity;
  let highlightedJob: number | null = opts.highlightedJob ?? null;
  let highlightedLane: number | null = null;
  let hovered = -1;
  let gesture = false;
  let frame = 0;

  const behaviour = createTimeZoom((t) => {
    transform = t;
    hideHover();
    requestDraw();
  });
  // While a wheel or drag gesture runs the tooltip would chase moving bars; it comes back on the next pointer move.
  behaviour.on('start.gantt', () => (gesture = true)).on('end.gantt', () => (gesture = false));
  // A double click resets the zoom instead of zooming in: single clicks already select jobs.
  overlay.plot.call(behaviour).on('dblclick.zoom', () => setTransform(zoomIdentity));

  const baseScale = (): ScaleLinear<number, number> =>
    scaleLinear().domain([0, timeline.horizon > 0 ? timeline.horizon : 1]).range([0, layout.plotWidth]);
  const xScale = (): ScaleLinear<number, number> => transform.rescaleX(baseScale());

  function setTransform(t: ZoomTransform): void {
    // Through the behaviour, so d3-zoom's stored state and ours agree for the next gesture.
    overlay.plot.call(behaviour.transform, t);
  }

  function applyLayout(): void {
    const dpr = window.devicePixelRatio || 1;
    root.style.height = `${layout.height}px`;
    canvas.width = Math.max(1, Math.round(layout.plotWidth * dpr));
    canvas.height = Math.max(1, Math.round(layout.plotHeight * dpr));
    Object.assign(canvas.style, {
      left: `${layout.marginLeft}px`,
      top: `${layout.marginTop}px`,
      width: `${layout.plotWidth}px`,
      height: `${layout.plotHeight}px`,
    });
    layoutOverlay(overlay, layout, timeline, highlightedLane);
    overlay.svg.attr('aria-label', `Gantt chart: ${timeline.bars.length} bars on ${timeline.lanes.length} lanes`);
    sizeTimeZoom(behaviour, layout.plotWidth, layout.plotHeight, timeline.horizon);
  }

  /** Re-lays out at a new width or data while keeping the time window on screen. */
  function relayout(keepDomain: boolean): void {
    const [t0, t1] = xScale().domain();
    layout = computeLayout(container.clientWidth, timeline, opts.laneHeight);
    applyLayout();
    setTransform(keepDomain ? transformForDomain(t0, t1, timeline.horizon, layout.plotWidth) : zoomIdentity);
    drawNow();
  }

  function requestDraw(): void {
    if (frame === 0) frame = requestAnimationFrame(drawNow);
  }

  function drawNow(): void {
    if (frame !== 0) cancelAnimationFrame(frame);
    frame = 0;
    const started = performance.now();
    const x = xScale();
    const domain = x.domain() as [number, number];
    const ticks = drawAxis(overlay, x, layout, opts.timeLabel ?? 'time');
    const barsDrawn = painter.paint({
      timeline, index, layout, x, domain, slots, highlightedJob, ticks, devicePixelRatio: window.devicePixelRatio || 1,
    });
    const path = opts.showCriticalPath ? (current.criticalPath ?? []) : [];
    drawOutlines(overlay.critical, path, timeline, x, layout);
    drawCriticalLinks(overlay, path, timeline, x, layout);
    drawOutlines(overlay.jobOutlines, highlightedJob === null ? [] : index.groupBars(highlightedJob), timeline, x, layout);
    drawHover(overlay, hovered, timeline, x, layout);
    root.dataset.highlightedJob = highlightedJob === null ? '' : String(highlightedJob);
    opts.onRender?.({ durationMs: performance.now() - started, barsDrawn, domain });
  }

  /** Bars under a pointer event on the plot, and the pointer in plot coordinates. */
  function barsUnder(event: PointerEvent | MouseEvent): { bars: number[]; px: number; py: number } {
    const [px, py] = pointer(event, overlay.plot.node());
    const x = xScale();
    const t = x.invert(px);
    const bars = index.barsAt(laneAt(layout, index.laneCount, py), t, x.invert(px + HIT_SLACK_PX) - t);
    return { bars, px, py };
  }

  function hideHover(): void {
    hovered = -1;
    hideTooltip(tooltip);
    overlay.hover.attr('display', 'none');
  }

  function setHighlightedJob(job: number | null): void {
    if (job === highlightedJob) return;
    highlightedJob = job;
    drawNow();
  }

  overlay.plot
    .on('pointermove', (event: PointerEvent) => {
      if (gesture) return;
      const { bars, px, py } = barsUnder(event);
      if (bars.length === 0) return hideHover();
      hovered = bars.find((b) => timeline.bars[b].kind === 'work') ?? bars[0];
      drawHover(overlay, hovered, timeline, xScale(), layout);
      showTooltip(tooltip, timeline, bars, px + layout.marginLeft, py + layout.marginTop, layout);
    })
    .on('pointerleave', hideHover)
    .on('click', (event: MouseEvent) => {
      const work = barsUnder(event).bars.map((b) => timeline.bars[b]).find((b) => b.kind === 'work' && b.group >= 0);
      // Clicking the highlighted job again, or empty space, clears the highlight.
      const job = work && work.group !== highlightedJob ? work.group : null;
      setHighlightedJob(job);
      opts.onSelectJob?.(job);
    });
  overlay.lanes.on('click', (event: MouseEvent) => {
    const label = (event.target as Element).closest('.gantt-lane-label');
    const lane = label ? Array.from(label.parentNode!.children).indexOf(label) : -1;
    highlightedLane = lane < 0 || lane === highlightedLane ? null : lane;
    layoutOverlay(overlay, layout, timeline, highlightedLane);
  });
  overlay.svg.attr('tabindex', 0).attr('role', 'img').on('keydown', (event: KeyboardEvent) => {
    const step = layout.plotWidth / 10;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => handle.panBy(-step),
      ArrowRight: () => handle.panBy(step),
      '+': () => handle.zoomBy(1.5),
      '=': () => handle.zoomBy(1.5),
      '-': () => handle.zoomBy(1 / 1.5),
      '0': () => handle.resetZoom(),
      Escape: () => setHighlightedJob(null),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });

  // Only the width follows the container; the height follows the lane count.
  let observedWidth = container.clientWidth;
  const resizeObserver = new ResizeObserver(() => {
    if (container.clientWidth === observedWidth) return;
    observedWidth = container.clientWidth;
    relayout(true);
  });
  resizeObserver.observe(container);

  applyLayout();
  drawNow();

  const handle: GanttHandle = {
    update(next, nextOptions) {
      const timelineChanged = next.timeline !== timeline;
      const sameHorizon = next.timeline.horizon === timeline.horizon;
      const resized = nextOptions.laneHeight !== opts.laneHeight;
      current = next;
      opts = nextOptions;
      if (nextOptions.highlightedJob !== undefined) highlightedJob = nextOptions.highlightedJob;
      if (timelineChanged) {
        timeline = next.timeline;
        index = new GanttIndex(timeline);
        slots = jobColorSlots(timeline.groups.length);
        hideHover();
        if (highlightedLane !== null && highlightedLane >= timeline.lanes.length) highlightedLane = null;
      }
      // A toggle or a highlight only needs a redraw; resizing the canvas would clear it and cost a relayout.
      if (timelineChanged || resized) relayout(!timelineChanged || sameHorizon);
      else drawNow();
    },
    highlightJob: setHighlightedJob,
    resetZoom: () => setTransform(zoomIdentity),
    panBy: (pixels) => overlay.plot.call(behaviour.translateBy, -pixels / transform.k, 0),
    zoomBy: (factor) => overlay.plot.call(behaviour.scaleBy, factor, [layout.plotWidth / 2, 0]),
    xDomain: () => xScale().domain() as [number, number],
    exportSvg: () =>
      ganttSvg({
        timeline, layout, slots, highlightedJob, timeLabel: opts.timeLabel ?? 'time',
        criticalPath: opts.showCriticalPath ? (current.criticalPath ?? []) : null,
      }),
    exportPng: () => svgToPng(handle.exportSvg(), layout.width, layout.height, 2),
    destroy() {
      resizeObserver.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
      frame = 0;
      overlay.plot.on('.zoom', null);
      root.remove();
    },
  };
  return handle;
}
