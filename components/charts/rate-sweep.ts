import { axisBottom, axisLeft, format, line, scaleLinear, scaleLog, select } from 'd3';
import { appendLegend, paddedDomain, seriesColor, seriesDash, mountResponsiveChart } from './line-frame';

/**
 * The rate sweep of LLM serving: each policy run at several arrival rates, drawn as achieved throughput (x)
 * against p99 TTFT (y), one line per policy in rate order. Below saturation throughput follows the rate and TTFT
 * stays low; past it the line turns up sharply — the knee is the policy's capacity. The y axis is logarithmic by
 * default, because p99 TTFT past the knee is orders of magnitude above the rest.
 */

export interface RateSweepPoint {
  /** Arrival rate the run was given, requests/s. */
  readonly rate: number;
  /** Requests finished per second. */
  readonly throughput: number;
  /** 99th-percentile TTFT, seconds. */
  readonly ttftP99: number;
}

export interface RateSweepSeries {
  readonly id: string;
  readonly label: string;
  readonly points: readonly RateSweepPoint[];
}

export interface RateSweepData {
  readonly series: readonly RateSweepSeries[];
}

export interface RateSweepOptions {
  readonly height?: number;
  /** Linear y axis instead of logarithmic. */
  readonly linearY?: boolean;
}

export interface RateSweepHandle {
  update(data: RateSweepData, options?: RateSweepOptions): void;
  destroy(): void;
}

const MARGIN = { top: 10, right: 16, bottom: 36, left: 58 };

function draw(root: HTMLElement, data: RateSweepData, options: RateSweepOptions, width: number): void {
  root.replaceChildren();
  const height = options.height ?? 280;
  const plotWidth = Math.max(40, width - MARGIN.left - MARGIN.right);
  const plotHeight = Math.max(40, height - MARGIN.top - MARGIN.bottom);
  const all = data.series.flatMap((s) => s.points);
  const ttfts = all.map((p) => p.ttftP99).filter((v) => v > 0 && Number.isFinite(v));
  const x = scaleLinear().domain(paddedDomain(all.map((p) => p.throughput), 0)).range([0, plotWidth]).nice();
  const lo = Math.min(...ttfts, 1);
  const hi = Math.max(...ttfts, lo * 10);
  const y = options.linearY ? scaleLinear().domain([0, hi * 1.08]).range([plotHeight, 0]).nice() : scaleLog().domain([lo / 1.5, hi * 1.5]).range([plotHeight, 0]).nice();
  const svg = select(root)
    .append('svg')
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('aria-label', `Rate sweep: p99 TTFT against throughput, ${data.series.length} polic${data.series.length === 1 ? 'y' : 'ies'}`)
    .style('display', 'block')
    .style('font-size', '11px');
  const plot = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  const yTicks = options.linearY ? axisLeft(y).ticks(5) : axisLeft(y).ticks(5, '~g');
  plot
    .append('g')
    .call(axisLeft(y).ticks(5).tickSize(-plotWidth).tickFormat(() => ''))
    .call((g) => g.selectAll('line').attr('stroke', '#ececec'))
    .call((g) => g.select('.domain').remove());
  plot.append('g').attr('transform', `translate(0,${plotHeight})`).call(axisBottom(x).ticks(Math.max(2, Math.floor(plotWidth / 70))).tickFormat(format('~g')));
  plot.append('g').call(yTicks);
  plot.append('text').attr('x', plotWidth / 2).attr('y', plotHeight + 30).attr('text-anchor', 'middle').attr('fill', '#444').text('throughput (requests finished / s)');
  plot
    .append('text')
    .attr('transform', `translate(${-46},${plotHeight / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .attr('fill', '#444')
    .text(`p99 TTFT (s${options.linearY ? '' : ', log scale'})`);
  const yOf = (p: RateSweepPoint) => y(Math.max(p.ttftP99, options.linearY ? 0 : lo / 1.5));
  data.series.forEach((s, i) => {
    const points = [...s.points].sort((a, b) => a.rate - b.rate);
    const group = plot.append('g').attr('class', 'rate-series').attr('data-series', s.id);
    const path = line<RateSweepPoint>()
      .x((p) => x(p.throughput))
      .y(yOf);
    group.append('path').attr('d', path(points) ?? '').attr('fill', 'none').attr('stroke', seriesColor(i)).attr('stroke-width', 2).attr('stroke-dasharray', seriesDash(i));
    group
      .selectAll('circle')
      .data(points)
      .join('circle')
      .attr('class', 'rate-point')
      .attr('cx', (p) => x(p.throughput))
      .attr('cy', yOf)
      .attr('r', 3.4)
      .attr('fill', '#fff')
      .attr('stroke', seriesColor(i))
      .attr('stroke-width', 1.6)
      .append('title')
      .text((p) => `${s.label}: ${format('~g')(p.rate)} req/s offered → ${p.throughput.toFixed(3)} req/s, p99 TTFT ${p.ttftP99.toPrecision(3)} s`);
  });
  appendLegend(root, data.series.map((s, i) => ({ label: s.label, index: i })));
}

export function renderRateSweep(container: HTMLElement, data: RateSweepData, options: RateSweepOptions = {}): RateSweepHandle {
  return mountResponsiveChart(container, 'rate-sweep', draw, data, options);
}
