import { axisBottom, axisLeft, format, pointer, scaleLinear, select, zoom, zoomIdentity, type D3ZoomEvent, type ZoomTransform } from 'd3';
import type { Timeline } from '../../engine/core/timeline';
import type { RequestRecord } from '../../engine/llm';
import { paintRequestTimeline, rowHeight, SEGMENT_COLORS, type PaintView } from './request-timeline-canvas';
import { barAt, indexBars, replicaRows, requestRows, SEGMENT_KINDS, visibleRows, type BarIndex, type LaneMode, type RowLayout } from './request-timeline-layout';
import { createTooltip, hideTooltip, requestTooltipLines, showTooltip } from './request-timeline-tooltip';

/**
 * The request timeline of an LLM-serving run: one lane per request (arrival order) or requests packed into lanes
 * under their replica, each bar a segment of a request's life (queued, prefill, decode, preempted, transfer).
 * Bars are painted on a canvas (request-timeline-canvas.ts), axes are SVG; the wheel zooms and dragging pans the
 * time axis (double-click resets), and hovering names the request and its times. Only the lanes a time window
 * needs are drawn, so a 20,000-request run stays fluid. No React here: request-timeline-view.tsx wraps it.
 */

export interface RequestTimelineData {
  readonly timeline: Timeline;
  readonly requests: readonly RequestRecord[];
}

export interface RequestTimelineOptions {
  readonly mode?: LaneMode;
  readonly height?: number;
}

export interface RequestTimelineHandle {
  update(data: RequestTimelineData, options?: RequestTimelineOptions): void;
  /** Shows [t0, t1] (seconds); used by tests and by a "zoom to" control. */
  zoomTo(t0: number, t1: number): void;
  destroy(): void;
}

const MARGIN = { top: 6, right: 14, bottom: 30, left: 74 };
/** The narrowest window one can zoom into, seconds: a few iterations. */
const MIN_SPAN = 0.05;
/**
 * A long run opens on its first this-many requests: an hour of 19,000 requests, each alive for seconds, is a thin
 * diagonal when shown whole. Double-click shows the whole run.
 */
const OPENING_REQUESTS = 300;

/** The window a run opens on: [0, the time the first OPENING_REQUESTS requests are all done], or the whole run. */
export function openingWindow(index: BarIndex): [number, number] {
  if (index.requestCount <= OPENING_REQUESTS) return [0, index.horizon];
  return [0, Math.min(index.horizon, Math.max(MIN_SPAN, index.prefixMaxEnd[OPENING_REQUESTS - 1]))];
}

function legend(): HTMLElement {
  const list = document.createElement('ul');
  list.className = 'request-timeline-legend';
  list.setAttribute('aria-label', 'Legend');
  Object.assign(list.style, { listStyle: 'none', display: 'flex', gap: '14px', margin: '0 0 4px', padding: '0', fontSize: '12px', flexWrap: 'wrap' });
  for (const kind of SEGMENT_KINDS) {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    Object.assign(swatch.style, { display: 'inline-block', width: '10px', height: '10px', background: SEGMENT_COLORS[kind], marginRight: '5px', border: '1px solid rgba(0,0,0,0.25)', verticalAlign: '-1px' });
    item.append(swatch, kind);
    list.appendChild(item);
  }
  const hint = document.createElement('li');
  hint.className = 'muted';
  hint.textContent = 'wheel: zoom time · drag: pan · double-click: whole run · hover: a request';
  list.appendChild(hint);
  return list;
}

export function renderRequestTimeline(container: HTMLElement, data: RequestTimelineData, options: RequestTimelineOptions = {}): RequestTimelineHandle {
  const root = document.createElement('div');
  root.className = 'request-timeline';
  container.appendChild(root);
  root.appendChild(legend());
  const stage = document.createElement('div');
  stage.style.position = 'relative';
  root.appendChild(stage);
  const axes = select(stage).append('svg').style('position', 'absolute').style('left', '0').style('top', '0').style('pointer-events', 'none').style('font-size', '11px');
  const xAxisG = axes.append('g').attr('class', 'x-axis');
  const yAxisG = axes.append('g').attr('class', 'y-axis');
  const canvas = document.createElement('canvas');
  canvas.className = 'request-timeline-canvas';
  canvas.setAttribute('role', 'img');
  Object.assign(canvas.style, { position: 'absolute', left: `${MARGIN.left}px`, top: `${MARGIN.top}px`, cursor: 'grab', touchAction: 'none' });
  stage.appendChild(canvas);
  const tooltip = createTooltip(stage);
  // jsdom has no 2D context: the chart then keeps its axes, legend and tooltip and paints nothing.
  const ctx = canvas.getContext('2d');

  let current = data;
  let mode: LaneMode = options.mode ?? 'request';
  let height = options.height ?? 380;
  let index: BarIndex = indexBars(data.timeline);
  let layout: RowLayout = mode === 'replica' ? replicaRows(index) : requestRows(index);
  let width = 0;
  let plotWidth = 0;
  let plotHeight = 0;
  let transform: ZoomTransform = zoomIdentity;
  let hovered = { bar: -1, row: -1 };
  let view: PaintView | null = null;
  let frame = 0;
  const horizon = () => Math.max(index.horizon, 1e-6);
  const baseX = () => scaleLinear().domain([0, horizon()]).range([0, plotWidth]);

  const behaviour = zoom<HTMLCanvasElement, unknown>()
    .constrain((t, extent) => {
      const [[x0], [x1]] = extent;
      // x only, and never past [0, horizon]: lanes do not move up or down with the wheel.
      const tx = Math.min(x0 - x0 * t.k, Math.max(x1 - x1 * t.k, t.x));
      return tx === t.x && t.y === 0 ? t : zoomIdentity.translate(tx, 0).scale(t.k);
    })
    .on('zoom', (event: D3ZoomEvent<HTMLCanvasElement, unknown>) => {
      transform = event.transform;
      hideTooltip(tooltip);
      requestDraw();
    });
  select(canvas).call(behaviour).on('dblclick.zoom', () => select(canvas).call(behaviour.transform, zoomIdentity));

  function size(): void {
    width = Math.max(320, container.clientWidth || 800);
    plotWidth = width - MARGIN.left - MARGIN.right;
    plotHeight = Math.max(60, height - MARGIN.top - MARGIN.bottom);
    const dpr = window.devicePixelRatio || 1;
    stage.style.height = `${height}px`;
    axes.attr('width', width).attr('height', height);
    canvas.width = Math.max(1, Math.round(plotWidth * dpr));
    canvas.height = Math.max(1, Math.round(plotHeight * dpr));
    Object.assign(canvas.style, { width: `${plotWidth}px`, height: `${plotHeight}px` });
    const extent: [[number, number], [number, number]] = [[0, 0], [plotWidth, plotHeight]];
    behaviour.extent(extent).translateExtent(extent).scaleExtent([1, Math.max(1, horizon() / MIN_SPAN)]);
  }

  function drawAxes(x: ReturnType<typeof baseX>, first: number, last: number): void {
    xAxisG.attr('transform', `translate(${MARGIN.left},${MARGIN.top + plotHeight})`).call(axisBottom(x).ticks(Math.max(2, Math.floor(plotWidth / 90))).tickFormat((v) => `${format('~g')(Number(v))} s`));
    yAxisG.attr('transform', `translate(${MARGIN.left},${MARGIN.top})`).selectAll('*').remove();
    if (layout.mode === 'request') {
      const y = scaleLinear().domain([first, last + 1]).range([0, plotHeight]);
      yAxisG.call(axisLeft(y).ticks(Math.min(8, last - first + 1)).tickFormat((v) => (Number.isInteger(Number(v)) ? `#${v}` : '')));
      return;
    }
    const h = plotHeight / Math.max(1, layout.rowCount);
    for (const band of layout.bands) {
      const top = band.firstRow * h;
      yAxisG.append('line').attr('x1', -MARGIN.left).attr('x2', plotWidth).attr('y1', top).attr('y2', top).attr('stroke', '#888');
      yAxisG.append('text').attr('x', -6).attr('y', top + Math.min(12, (band.rows * h) / 2 + 4)).attr('text-anchor', 'end').attr('fill', '#333').text(band.label);
    }
  }

  function drawNow(): void {
    if (frame !== 0) cancelAnimationFrame(frame);
    frame = 0;
    const x = transform.rescaleX(baseX());
    const [t0, t1] = x.domain();
    const [first, last] = visibleRows(layout, index, t0, t1);
    view = { width: plotWidth, height: plotHeight, t0, t1, firstRow: first, lastRow: last, hoveredBar: hovered.bar, hoveredRow: hovered.row };
    drawAxes(x, first, last);
    const began = performance.now();
    const drawn = ctx ? paintRequestTimeline(ctx, index, layout, view, window.devicePixelRatio || 1) : 0;
    // Paint time of the last frame, for the bench and for anyone checking that a big run stays fluid.
    root.dataset.paintMs = (performance.now() - began).toFixed(1);
    Object.assign(root.dataset, { mode: layout.mode, rows: String(layout.rowCount), firstRow: String(first), lastRow: String(last), drawnBars: String(drawn), t0: String(t0), t1: String(t1) });
    canvas.setAttribute('aria-label', `Request timeline, ${index.requestCount} requests, ${index.count} segments; ${t0.toFixed(1)}–${t1.toFixed(1)} s`);
  }

  function requestDraw(): void {
    if (frame === 0) frame = requestAnimationFrame(drawNow);
  }

  canvas.addEventListener('pointermove', (event) => {
    if (!view || event.buttons !== 0) return;
    const [px, py] = pointer(event, canvas);
    const row = view.firstRow + Math.floor(py / rowHeight(view));
    const t = view.t0 + (px / plotWidth) * (view.t1 - view.t0);
    // Two pixels of slack in time, so a thin prefill bar can be hit.
    const bar = barAt(layout, index, row, t, (2 * (view.t1 - view.t0)) / plotWidth);
    if (bar < 0) {
      hideTooltip(tooltip);
      if (hovered.bar >= 0) (hovered = { bar: -1, row: -1 }), requestDraw();
      return;
    }
    showTooltip(tooltip, requestTooltipLines(index, bar, current.requests), px + MARGIN.left, py + MARGIN.top, width);
    if (bar !== hovered.bar) (hovered = { bar, row }), requestDraw();
  });
  canvas.addEventListener('pointerleave', () => {
    hideTooltip(tooltip);
    hovered = { bar: -1, row: -1 };
    requestDraw();
  });

  let observedWidth = container.clientWidth;
  const resizeObserver = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => {
    if (container.clientWidth === observedWidth) return;
    observedWidth = container.clientWidth;
    size();
    drawNow();
  });
  resizeObserver?.observe(container);
  size();
  showOpening();

  /** Puts the zoom on the opening window without animating (the zoom handler draws). */
  function showOpening(): void {
    const [t0, t1] = openingWindow(index);
    const k = horizon() / Math.max(MIN_SPAN, t1 - t0);
    select(canvas).call(behaviour.transform, zoomIdentity.translate((-k * t0 * plotWidth) / horizon(), 0).scale(k));
    drawNow();
  }

  return {
    update(next, nextOptions) {
      const nextMode = nextOptions?.mode ?? mode;
      const newRun = next.timeline !== current.timeline;
      if (newRun) index = indexBars(next.timeline);
      if (newRun || nextMode !== mode) layout = nextMode === 'replica' ? replicaRows(index) : requestRows(index);
      current = next;
      mode = nextMode;
      if (nextOptions?.height !== undefined && nextOptions.height !== height) height = nextOptions.height;
      hovered = { bar: -1, row: -1 };
      hideTooltip(tooltip);
      size();
      // A new run opens on its own opening window; a new lane mode keeps the time window the reader chose.
      if (newRun) showOpening();
      else drawNow();
    },
    zoomTo(t0, t1) {
      const k = horizon() / Math.max(MIN_SPAN, t1 - t0);
      select(canvas).call(behaviour.transform, zoomIdentity.translate((-k * t0 * plotWidth) / horizon(), 0).scale(k));
      drawNow();
    },
    destroy() {
      resizeObserver?.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
      root.remove();
    },
  };
}
