import { line } from 'd3';
import { appendLegend, createLineFrame, paddedDomain, seriesColor, seriesDash, mountResponsiveChart } from './line-frame';

/**
 * KV-cache usage and queue length over time, for several LLM runs overlaid: two line charts over the same time axis
 * (side by side when wide). The engine records each quantity as exact time averages over buckets (engine/llm/series.ts), so a
 * line is a step-free average, not a sample. SVG: a run has at most ~1,200 buckets.
 */

export interface TimeSeriesRun {
  readonly id: string;
  readonly label: string;
  /** Bucket start times, seconds. */
  readonly time: readonly number[];
  /** Mean fraction of the cluster's KV blocks in use, per bucket. */
  readonly kvUsage: readonly number[];
  /** Mean number of requests queued (not holding KV on a GPU), per bucket. */
  readonly queued: readonly number[];
}

export interface TimeSeriesData {
  readonly runs: readonly TimeSeriesRun[];
}

export interface TimeSeriesOptions {
  /** Height of each of the two panels, px. */
  readonly panelHeight?: number;
}

export interface TimeSeriesHandle {
  update(data: TimeSeriesData, options?: TimeSeriesOptions): void;
  destroy(): void;
}

interface Panel {
  readonly key: 'kvUsage' | 'queued';
  readonly yLabel: string;
  readonly scale: number;
  readonly floor: number;
}

const PANELS: readonly Panel[] = [
  { key: 'kvUsage', yLabel: 'KV cache in use (%)', scale: 100, floor: 0 },
  { key: 'queued', yLabel: 'requests queued', scale: 1, floor: 0 },
];

function draw(root: HTMLElement, data: TimeSeriesData, options: TimeSeriesOptions, width: number): void {
  root.replaceChildren();
  const row = document.createElement('div');
  Object.assign(row.style, { display: 'flex', flexWrap: 'wrap' });
  root.appendChild(row);
  // Side by side when there is room for two readable panels, stacked otherwise.
  const panelWidth = width >= 760 ? Math.floor(width / 2) : width;
  const end = Math.max(1e-6, ...data.runs.map((r) => r.time.at(-1) ?? 0));
  for (const panel of PANELS) {
    const holder = document.createElement('div');
    holder.className = `time-series-panel`;
    holder.dataset.panel = panel.key;
    row.appendChild(holder);
    const values = data.runs.flatMap((r) => r[panel.key].map((v) => v * panel.scale));
    const frame = createLineFrame(holder, {
      width: panelWidth,
      height: options.panelHeight ?? 190,
      xDomain: [0, end],
      yDomain: paddedDomain([0, ...values], panel.floor),
      xLabel: 'time (s)',
      yLabel: panel.yLabel,
      ariaLabel: `${panel.yLabel} over time, ${data.runs.length} run${data.runs.length === 1 ? '' : 's'}`,
    });
    data.runs.forEach((run, i) => {
      const path = line<number>()
        .x((_, k) => frame.x(run.time[k]))
        .y((v) => frame.y(v * panel.scale));
      frame.plot
        .append('path')
        .attr('class', 'series')
        .attr('data-series', run.id)
        .attr('d', path(run[panel.key] as number[]) ?? '')
        .attr('fill', 'none')
        .attr('stroke', seriesColor(i))
        .attr('stroke-width', 1.5)
        .attr('stroke-dasharray', seriesDash(i))
        .append('title')
        .text(run.label);
    });
  }
  appendLegend(root, data.runs.map((r, i) => ({ label: r.label, index: i })));
}

export function renderTimeSeries(container: HTMLElement, data: TimeSeriesData, options: TimeSeriesOptions = {}): TimeSeriesHandle {
  return mountResponsiveChart(container, 'time-series', draw, data, options);
}
