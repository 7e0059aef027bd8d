import { axisBottom, axisLeft, format, scaleLinear, select, type ScaleLinear, type Selection } from 'd3';
import { OKABE_ITO } from './gantt-palette';

/**
 * The SVG frame the small line charts share (FR curve, MNL sweep): margins, linear x and y scales, axes with
 * labels and light grid lines, and a legend. Series are told apart by colour (Okabe & Ito) and by dash pattern,
 * so two runs stay distinct for a colour-blind reader and in greyscale print.
 */

export const SERIES_DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2'] as const;

export function seriesColor(i: number): string {
  // Skip yellow (index 3): it is hard to see as a thin line on white.
  const usable = OKABE_ITO.filter((_, k) => k !== 3);
  return usable[i % usable.length];
}

export function seriesDash(i: number): string {
  // Neighbouring series differ in dash too, so two lines that coincide (same FR per migration) both stay visible.
  return SERIES_DASHES[i % SERIES_DASHES.length];
}

export interface LineFrameInput {
  readonly width: number;
  readonly height: number;
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly ariaLabel: string;
  readonly integerX?: boolean;
}

export interface LineFrame {
  readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  /** Group translated to the plot's top-left corner. */
  readonly plot: Selection<SVGGElement, unknown, null, undefined>;
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  readonly plotWidth: number;
  readonly plotHeight: number;
}

const MARGIN = { top: 10, right: 16, bottom: 36, left: 52 };

export function createLineFrame(parent: HTMLElement, input: LineFrameInput): LineFrame {
  const plotWidth = Math.max(40, input.width - MARGIN.left - MARGIN.right);
  const plotHeight = Math.max(40, input.height - MARGIN.top - MARGIN.bottom);
  const svg = select(parent)
    .append('svg')
    .attr('width', input.width)
    .attr('height', input.height)
    .attr('viewBox', `0 0 ${input.width} ${input.height}`)
    .attr('role', 'img')
    .attr('aria-label', input.ariaLabel)
    .style('display', 'block')
    .style('font-size', '11px');
  const x = scaleLinear().domain(input.xDomain).range([0, plotWidth]);
  const y = scaleLinear().domain(input.yDomain).range([plotHeight, 0]).nice();
  const plot = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  const xTicks = Math.max(2, Math.min(10, Math.floor(plotWidth / 60)));
  const xAxis = axisBottom(x).ticks(xTicks);
  if (input.integerX) xAxis.tickValues(x.ticks(xTicks).filter(Number.isInteger)).tickFormat(format('d'));
  plot
    .append('g')
    .attr('class', 'grid')
    .call(axisLeft(y).ticks(5).tickSize(-plotWidth).tickFormat(() => ''))
    .call((g) => g.selectAll('line').attr('stroke', '#ececec'))
    .call((g) => g.select('.domain').remove());
  plot.append('g').attr('class', 'x-axis').attr('transform', `translate(0,${plotHeight})`).call(xAxis);
  plot.append('g').attr('class', 'y-axis').call(axisLeft(y).ticks(5));
  plot
    .append('text')
    .attr('x', plotWidth / 2)
    .attr('y', plotHeight + 30)
    .attr('text-anchor', 'middle')
    .attr('fill', '#444')
    .text(input.xLabel);
  plot
    .append('text')
    .attr('transform', `translate(${-40},${plotHeight / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .attr('fill', '#444')
    .text(input.yLabel);
  return { svg, plot, x, y, plotWidth, plotHeight };
}

/** An HTML legend (it wraps, unlike SVG text): a line sample in the series' colour and dash, then its label. */
export function appendLegend(parent: HTMLElement, entries: readonly { readonly label: string; readonly index: number; readonly bold?: boolean }[]): void {
  const list = document.createElement('ul');
  list.className = 'chart-legend';
  Object.assign(list.style, { listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: '4px 14px', margin: '4px 0 0', padding: '0', fontSize: '12px' });
  for (const entry of entries) {
    const item = document.createElement('li');
    const sample = select(item).append('svg').attr('width', 22).attr('height', 10).style('margin-right', '4px');
    sample
      .append('line')
      .attr('x1', 1)
      .attr('x2', 21)
      .attr('y1', 5)
      .attr('y2', 5)
      .attr('stroke', seriesColor(entry.index))
      .attr('stroke-width', entry.bold ? 3 : 2)
      .attr('stroke-dasharray', seriesDash(entry.index));
    const text = document.createElement(entry.bold ? 'strong' : 'span');
    text.textContent = entry.label;
    item.appendChild(text);
    list.appendChild(item);
  }
  parent.appendChild(list);
}

/** Padded [min, max] of values, so lines do not sit on the frame; a flat series gets a band around it. */
export function paddedDomain(values: readonly number[], floor = -Infinity): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const pad = hi > lo ? (hi - lo) * 0.08 : Math.max(0.01, Math.abs(hi) * 0.05);
  return [Math.max(floor, lo - pad), hi + pad];
}

/**
 * Mounts an SVG chart that redraws itself: `draw` paints the whole chart into a fresh root of `className` at the
 * container's width (at least 260 px; `fallbackWidth` where the container has none yet, as in tests), again when the
 * container's width changes, and on update(). One place for the handle every chart in this folder returns.
 */
export function mountResponsiveChart<D, O>(
  container: HTMLElement,
  className: string,
  draw: (root: HTMLElement, data: D, options: O, width: number) => void,
  data: D,
  options: O,
  fallbackWidth = 600,
): { update(data: D, options?: O): void; destroy(): void } {
  const root = document.createElement('div');
  root.className = className;
  container.appendChild(root);
  let current = { data, options };
  const width = () => Math.max(260, container.clientWidth || fallbackWidth);
  let drawnWidth = width();
  draw(root, data, options, drawnWidth);
  const observer =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver(() => {
          if (width() === drawnWidth) return;
          drawnWidth = width();
          draw(root, current.data, current.options, drawnWidth);
        });
  observer?.observe(container);
  return {
    update(next, nextOptions) {
      current = { data: next, options: nextOptions ?? current.options };
      draw(root, current.data, current.options, drawnWidth);
    },
    destroy() {
      observer?.disconnect();
      root.remove();
    },
  };
}
