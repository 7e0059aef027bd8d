import { line } from 'd3';
import { appendLegend, createLineFrame, paddedDomain, seriesColor, seriesDash, mountResponsiveChart } from './line-frame';

/**
 * The MNL sweep: each policy run at MNL = 0, 5, 10, ... and its final FR drawn against the migrations it used
 * (or against the MNL it was given), one line per policy. Where a policy stops on its own before the MNL, its
 * points pile up at the same x: the plateau the VMR2L paper shows for greedy.
 */

export interface SweepPoint {
  readonly mnl: number;
  /** Migrations the run actually made (<= mnl). */
  readonly migrations: number;
  readonly frAfter: number;
}

export interface SweepSeries {
  readonly id: string;
  readonly label: string;
  readonly points: readonly SweepPoint[];
}

export interface MnlSweepData {
  readonly series: readonly SweepSeries[];
}

export interface MnlSweepOptions {
  /** What the x axis shows: migrations used (default) or the MNL given. */
  readonly x?: 'migrations' | 'mnl';
  readonly height?: number;
}

export interface MnlSweepHandle {
  update(data: MnlSweepData, options?: MnlSweepOptions): void;
  destroy(): void;
}

function draw(root: HTMLElement, data: MnlSweepData, options: MnlSweepOptions, width: number): void {
  root.replaceChildren();
  const xOf = (p: SweepPoint) => (options.x === 'mnl' ? p.mnl : p.migrations);
  const all = data.series.flatMap((s) => s.points);
  const frame = createLineFrame(root, {
    width,
    height: options.height ?? 260,
    xDomain: [0, Math.max(1, ...all.map(xOf))],
    yDomain: paddedDomain(all.map((p) => p.frAfter), 0),
    xLabel: options.x === 'mnl' ? 'migration number limit (MNL)' : 'migrations used',
    yLabel: 'FR after',
    ariaLabel: `MNL sweep: FR after against ${options.x === 'mnl' ? 'MNL' : 'migrations used'}, ${data.series.length} polic${data.series.length === 1 ? 'y' : 'ies'}`,
    integerX: true,
  });
  data.series.forEach((s, i) => {
    // Sorted by MNL: with x = migrations used the line then walks the sweep in order, back-tracking never.
    const points = [...s.points].sort((a, b) => a.mnl - b.mnl);
    const group = frame.plot.append('g').attr('class', 'sweep-series').attr('data-series', s.id);
    const path = line<SweepPoint>()
      .x((p) => frame.x(xOf(p)))
      .y((p) => frame.y(p.frAfter));
    group
      .append('path')
      .attr('d', path(points) ?? '')
      .attr('fill', 'none')
      .attr('stroke', seriesColor(i))
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', seriesDash(i));
    group
      .selectAll('circle')
      .data(points)
      .join('circle')
      .attr('class', 'sweep-point')
      .attr('cx', (p) => frame.x(xOf(p)))
      .attr('cy', (p) => frame.y(p.frAfter))
      .attr('r', 3.2)
      .attr('fill', '#fff')
      .attr('stroke', seriesColor(i))
      .attr('stroke-width', 1.6)
      .append('title')
      .text((p) => `${s.label}: MNL ${p.mnl} → ${p.migrations} migration${p.migrations === 1 ? '' : 's'}, FR ${p.frAfter.toFixed(4)}`);
  });
  appendLegend(root, data.series.map((s, i) => ({ label: s.label, index: i })));
}

export function renderMnlSweep(container: HTMLElement, data: MnlSweepData, options: MnlSweepOptions = {}): MnlSweepHandle {
  return mountResponsiveChart(container, 'mnl-sweep', draw, data, options);
}
