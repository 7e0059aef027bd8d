import { line } from 'd3';
import { percentileSorted } from '../../engine/core/stats';
import { appendLegend, createLineFrame, seriesColor, seriesDash, mountResponsiveChart } from './line-frame';

/**
 * Latency CDFs of LLM runs: TTFT, TPOT and end-to-end latency side by side, one line per run. The x axis of each
 * panel ends a little past the largest p99 of the runs (the last percent of a heavy tail would squash the rest into
 * the left edge); the legend gives each run's p99 so nothing is hidden. SVG: each line is cut to ~300 points.
 */

export type LatencyMetric = 'ttft' | 'tpot' | 'e2e';

export interface LatencyCdfRun {
  readonly id: string;
  readonly label: string;
  /** Per-request latencies in seconds, each array sorted ascending. */
  readonly ttft: ArrayLike<number>;
  readonly tpot: ArrayLike<number>;
  readonly e2e: ArrayLike<number>;
}

export interface LatencyCdfData {
  readonly runs: readonly LatencyCdfRun[];
}

export interface LatencyCdfOptions {
  readonly height?: number;
  /** Show the whole range instead of cutting the axis just past the largest p99. */
  readonly fullRange?: boolean;
}

export interface LatencyCdfHandle {
  update(data: LatencyCdfData, options?: LatencyCdfOptions): void;
  destroy(): void;
}

const PANELS: readonly { readonly key: LatencyMetric; readonly label: string }[] = [
  { key: 'ttft', label: 'TTFT (s)' },
  { key: 'tpot', label: 'TPOT (s per token)' },
  { key: 'e2e', label: 'end-to-end latency (s)' },
];

const POINTS = 300;
/** Clip-path ids must be unique in the page; a counter keeps them so without randomness. */
let clipCounter = 0;

/** The value at quantile q of a sorted array, interpolated exactly as the engine's percentiles (its p99 metric). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  return percentileSorted(sorted, q * 100);
}

/** [value, fraction <= value] steps of the empirical CDF, thinned to about `points` evenly spaced in probability. */
export function cdfPoints(sorted: ArrayLike<number>, points = POINTS): [number, number][] {
  const n = sorted.length;
  if (n === 0) return [];
  const out: [number, number][] = [[sorted[0], 0]];
  const step = Math.max(1, Math.floor(n / points));
  for (let i = step - 1; i < n; i += step) out.push([sorted[i], (i + 1) / n]);
  if (out[out.length - 1][1] !== 1) out.push([sorted[n - 1], 1]);
  return out;
}

function draw(root: HTMLElement, data: LatencyCdfData, options: LatencyCdfOptions, width: number): void {
  root.replaceChildren();
  const row = document.createElement('div');
  Object.assign(row.style, { display: 'flex', flexWrap: 'wrap' });
  root.appendChild(row);
  const panelWidth = width >= 780 ? Math.floor(width / 3) : width;
  for (const panel of PANELS) {
    const holder = document.createElement('div');
    holder.className = 'latency-cdf-panel';
    holder.dataset.metric = panel.key;
    row.appendChild(holder);
    const arrays = data.runs.map((r) => r[panel.key]);
    const max = Math.max(1e-9, ...arrays.map((a) => (a.length ? a[a.length - 1] : 0)));
    const p99 = Math.max(1e-9, ...arrays.map((a) => quantile(a, 0.99)).filter(Number.isFinite));
    const xMax = options.fullRange ? max : Math.min(max, p99 * 1.2);
    const frame = createLineFrame(holder, {
      width: panelWidth,
      height: options.height ?? 220,
      xDomain: [0, xMax],
      yDomain: [0, 1],
      xLabel: options.fullRange || xMax >= max ? panel.label : `${panel.label}, to 1.2 × p99`,
      yLabel: 'fraction of requests',
      ariaLabel: `CDF of ${panel.label}, ${data.runs.length} run${data.runs.length === 1 ? '' : 's'}`,
    });
    const clip = `cdf-clip-${panel.key}-${++clipCounter}`;
    frame.svg.append('defs').append('clipPath').attr('id', clip).append('rect').attr('width', frame.plotWidth).attr('height', frame.plotHeight + 2).attr('y', -1);
    data.runs.forEach((run, i) => {
      const path = line<[number, number]>()
        .x((d) => frame.x(d[0]))
        .y((d) => frame.y(d[1]));
      frame.plot
        .append('path')
        .attr('class', 'cdf-line')
        .attr('data-series', run.id)
        .attr('clip-path', `url(#${clip})`)
        .attr('d', path(cdfPoints(run[panel.key])) ?? '')
        .attr('fill', 'none')
        .attr('stroke', seriesColor(i))
        .attr('stroke-width', 1.6)
        .attr('stroke-dasharray', seriesDash(i))
        .append('title')
        .text(`${run.label}: p50 ${quantile(run[panel.key], 0.5).toPrecision(3)} s, p99 ${quantile(run[panel.key], 0.99).toPrecision(3)} s`);
    });
  }
  appendLegend(root, data.runs.map((r, i) => ({ label: `${r.label} (p99 TTFT ${quantile(r.ttft, 0.99).toPrecision(3)} s)`, index: i })));
}

export function renderLatencyCdf(container: HTMLElement, data: LatencyCdfData, options: LatencyCdfOptions = {}): LatencyCdfHandle {
  return mountResponsiveChart(container, 'latency-cdf', draw, data, options, 900);
}
