import { line } from 'd3';
import { appendLegend, createLineFrame, paddedDomain, seriesColor, seriesDash, mountResponsiveChart } from './line-frame';

/**
 * FR after each migration: one line per run (x = migrations made, y = fragment rate), overlaid so policies can
 * be compared move by move. The selected run is drawn bold, and the stepper's position is a vertical rule with
 * a dot on the selected run. SVG: a run has at most a few hundred migrations.
 */

export interface FrCurveSeries {
  readonly id: string;
  readonly label: string;
  /** values[k] is the FR after k migrations; values[0] is the FR before the first. */
  readonly values: readonly number[];
}

export interface FrCurveData {
  readonly series: readonly FrCurveSeries[];
  readonly selectedId?: string | null;
  /** Migrations made at the stepper's position on the selected run. */
  readonly step?: number | null;
}

export interface FrCurveOptions {
  readonly height?: number;
  /** What x counts (default 'migrations made'; a placement run's steps are placements and migrations). */
  readonly xLabel?: string;
}

export interface FrCurveHandle {
  update(data: FrCurveData, options?: FrCurveOptions): void;
  destroy(): void;
}

/** Points are drawn (with a hover title each) only on short curves; on long ones they would cover the lines. */
const MAX_POINTS_DRAWN = 120;

function draw(root: HTMLElement, data: FrCurveData, options: FrCurveOptions, width: number): void {
  root.replaceChildren();
  const longest = Math.max(1, ...data.series.map((s) => s.values.length - 1));
  const frame = createLineFrame(root, {
    width,
    height: options.height ?? 240,
    xDomain: [0, longest],
    yDomain: paddedDomain(data.series.flatMap((s) => s.values), 0),
    xLabel: options.xLabel ?? 'migrations made',
    yLabel: 'fragment rate (FR)',
    ariaLabel: `FR after each migration, ${data.series.length} run${data.series.length === 1 ? '' : 's'}`,
    integerX: true,
  });
  const path = line<number>()
    .x((_, k) => frame.x(k))
    .y((v) => frame.y(v));
  // The selected run goes last, so it is drawn over the others.
  const order = data.series.map((s, i) => ({ s, i })).sort((a, b) => Number(a.s.id === data.selectedId) - Number(b.s.id === data.selectedId));
  for (const { s, i } of order) {
    const selected = s.id === data.selectedId;
    const group = frame.plot.append('g').attr('class', 'fr-series').attr('data-series', s.id).attr('data-selected', String(selected));
    group
      .append('path')
      .attr('d', path(s.values as number[]) ?? '')
      .attr('fill', 'none')
      .attr('stroke', seriesColor(i))
      .attr('stroke-width', selected ? 2.6 : 1.5)
      .attr('stroke-opacity', selected || !data.selectedId ? 1 : 0.7)
      .attr('stroke-dasharray', seriesDash(i));
    if (s.values.length <= MAX_POINTS_DRAWN) {
      group
        .selectAll('circle')
        .data(s.values)
        .join('circle')
        .attr('cx', (_, k) => frame.x(k))
        .attr('cy', (v) => frame.y(v))
        .attr('r', selected ? 2.6 : 1.8)
        .attr('fill', seriesColor(i))
        .append('title')
        .text((v, k) => `${s.label}: FR ${v.toFixed(4)} after ${k} migration${k === 1 ? '' : 's'}`);
    }
  }
  const selected = data.series.find((s) => s.id === data.selectedId);
  if (selected && data.step !== null && data.step !== undefined && data.step < selected.values.length) {
    const x = frame.x(data.step);
    const marker = frame.plot.append('g').attr('class', 'fr-step').attr('data-step', data.step);
    marker.append('line').attr('x1', x).attr('x2', x).attr('y1', 0).attr('y2', frame.plotHeight).attr('stroke', '#111').attr('stroke-dasharray', '3 3');
    marker
      .append('circle')
      .attr('cx', x)
      .attr('cy', frame.y(selected.values[data.step]))
      .attr('r', 4.5)
      .attr('fill', '#fff')
      .attr('stroke', '#111')
      .attr('stroke-width', 1.5);
  }
  appendLegend(root, data.series.map((s, i) => ({ label: `${s.label}: ${s.values[0].toFixed(3)} → ${s.values[s.values.length - 1].toFixed(3)}`, index: i, bold: s.id === data.selectedId })));
}

export function renderFrCurve(container: HTMLElement, data: FrCurveData, options: FrCurveOptions = {}): FrCurveHandle {
  return mountResponsiveChart(container, 'fr-curve', draw, data, options);
}
