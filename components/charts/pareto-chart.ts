import { format, line } from 'd3';
import type { Direction } from '../../engine/core/policy';
import { hypervolume, nonDominated } from '../../engine/core/pareto';
import { appendLegend, createLineFrame, paddedDomain, seriesColor, mountResponsiveChart } from './line-frame';

/**
 * The Pareto front of a comparison: one point per (policy, parameters) group at the aggregate of two objectives,
 * with whiskers for its spread over scenarios and seeds. Non-dominated points are drawn solid and joined by the
 * attainment staircase; dominated ones are faded. The hypervolume of the front against a reference point is shaded,
 * the reference drawn as a cross, and the value given in the caption. SVG: a comparison has a few hundred groups.
 */

export interface ParetoPoint {
  /** Stable id of the (policy, parameters) group. */
  readonly id: string;
  /** E.g. "ATC k=1.5". */
  readonly label: string;
  /** Colour group (e.g. the policy): points of one group share a colour. Without one, a point is its own group. */
  readonly group?: string;
  /** The aggregate (mean or median) of the two objectives. */
  readonly x: number;
  readonly y: number;
  /** E.g. min..max or IQR over scenarios x seeds; drawn as whiskers. */
  readonly xSpread?: readonly [number, number];
  readonly ySpread?: readonly [number, number];
  /** How many runs the point aggregates. */
  readonly runs: number;
}

export interface ParetoChartData {
  readonly points: readonly ParetoPoint[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly directions: readonly [Direction, Direction];
  /** Hypervolume reference point; default: see `defaultReference`. */
  readonly reference?: readonly [number, number];
  readonly selectedId?: string | null;
}

export interface ParetoChartOptions {
  readonly height?: number;
  readonly onSelect?: (id: string) => void;
}

export interface ParetoChartHandle {
  update(data: ParetoChartData, options?: ParetoChartOptions): void;
  destroy(): void;
}

export interface ParetoSummary {
  /** Ids of the non-dominated drawn points, in input order; duplicates of a front point are all on it. */
  readonly frontIds: string[];
  /** Area dominated by the drawn points and bounded by `reference`; NaN when the reference is not finite. */
  readonly hypervolume: number;
  readonly reference: [number, number];
  /** Points not drawn because x or y is not a finite number. */
  readonly undrawn: number;
}

/** ~4 significant digits; fixed notation with thousands separators in the everyday range, exponent outside it. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const size = Math.abs(value);
  return size === 0 || (size >= 1e-3 && size < 1e9) ? format(',.4~r')(value) : format('.4~g')(value);
}

const isDrawn = (p: ParetoPoint): boolean => Number.isFinite(p.x) && Number.isFinite(p.y);

/**
 * The default reference: on each axis, the worst value over the drawn points, moved further out (worse) by 10 % of
 * the axis' range, so every front point — the extreme ones too — adds area. On a flat axis (one distinct value) the
 * range is taken as |value|, or 1 at 0. No drawn points: [NaN, NaN].
 */
export function defaultReference(points: readonly ParetoPoint[], directions: readonly [Direction, Direction]): [number, number] {
  const drawn = points.filter(isDrawn);
  if (drawn.length === 0) return [NaN, NaN];
  const axis = (values: number[], direction: Direction): number => {
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const range = hi > lo ? hi - lo : Math.abs(hi) || 1;
    return direction === 'min' ? hi + 0.1 * range : lo - 0.1 * range;
  };
  return [axis(drawn.map((p) => p.x), directions[0]), axis(drawn.map((p) => p.y), directions[1])];
}

/** The front, hypervolume, reference and undrawn count the chart shows, computed with engine/core/pareto. */
export function paretoSummary(data: ParetoChartData): ParetoSummary {
  const drawn = data.points.filter(isDrawn);
  const vectors = drawn.map((p) => [p.x, p.y]);
  const reference: [number, number] = data.reference ? [data.reference[0], data.reference[1]] : defaultReference(data.points, data.directions);
  const finiteReference = reference.every(Number.isFinite);
  return {
    frontIds: nonDominated(vectors, data.directions).map((i) => drawn[i].id),
    hypervolume: finiteReference ? hypervolume(vectors, reference, data.directions) : drawn.length === 0 ? 0 : NaN,
    reference,
    undrawn: data.points.length - drawn.length,
  };
}

/**
 * The attainment staircase through front points: sorted by x, each step goes first along x and then along y when
 * x is minimised (the region a point dominates lies to its right), first along y then along x when x is maximised.
 */
export function staircase(front: readonly (readonly [number, number])[], xDirection: Direction): [number, number][] {
  const sorted = [...front].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const steps: [number, number][] = [];
  sorted.forEach(([x, y], i) => {
    if (i > 0) {
      const [px, py] = sorted[i - 1];
      if (px === x && py === y) return;
      steps.push(xDirection === 'min' ? [x, py] : [px, y]);
    }
    steps.push([x, y]);
  });
  return steps;
}

/** The boundary of the area the hypervolume measures: the staircase of the contributing points, closed at the reference. */
export function hypervolumeRegion(front: readonly (readonly [number, number])[], reference: readonly [number, number], directions: readonly [Direction, Direction]): [number, number][] {
  const better = (v: number, r: number, d: Direction) => (d === 'min' ? v < r : v > r);
  const inside = front.filter(([x, y]) => better(x, reference[0], directions[0]) && better(y, reference[1], directions[1]));
  if (inside.length === 0) return [];
  const steps = staircase(inside, directions[0]);
  const [rx, ry] = reference;
  const first = steps[0];
  const last = steps[steps.length - 1];
  return directions[0] === 'min' ? [[first[0], ry], ...steps, [rx, last[1]], [rx, ry]] : [[rx, ry], [rx, first[1]], ...steps, [last[0], ry]];
}

const betterWord = (d: Direction) => (d === 'min' ? 'lower is better' : 'higher is better');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function pointTitle(p: ParetoPoint, data: ParetoChartData, onFront: boolean): string {
  const spread = (s?: readonly [number, number]) => (s ? ` (${formatValue(s[0])} – ${formatValue(s[1])})` : '');
  return [
    `${p.label}${onFront ? ' — non-dominated' : ' — dominated'}`,
    `${data.xLabel}: ${formatValue(p.x)}${spread(p.xSpread)}`,
    `${data.yLabel}: ${formatValue(p.y)}${spread(p.ySpread)}`,
    plural(p.runs, 'run'),
  ].join('\n');
}

function draw(root: HTMLElement, data: ParetoChartData, options: ParetoChartOptions, width: number): void {
  root.replaceChildren();
  const summary = paretoSummary(data);
  const front = new Set(summary.frontIds);
  const drawn = data.points.filter(isDrawn);
  // Colours follow the groups' first appearance over all points, so a point losing its value recolours nothing.
  const groups = [...new Set(data.points.map((p) => p.group ?? p.id))];
  const colourOf = (p: ParetoPoint) => seriesColor(groups.indexOf(p.group ?? p.id));

  const caption = root.appendChild(document.createElement('p'));
  caption.className = 'pareto-caption';
  Object.assign(caption.style, { margin: '0 0 4px', fontSize: '12px', color: '#444' });
  const [rx, ry] = summary.reference;
  caption.textContent =
    drawn.length === 0 ? 'No points with values to draw' : `Hypervolume ${formatValue(summary.hypervolume)} against reference (${formatValue(rx)}, ${formatValue(ry)})`;
  if (summary.undrawn > 0) caption.textContent += ` · ${summary.undrawn} not drawn (no value)`;

  const finiteRef = summary.reference.every(Number.isFinite);
  const axisValues = (pick: (p: ParetoPoint) => number, spread: (p: ParetoPoint) => readonly [number, number] | undefined, ref: number) => [
    ...drawn.flatMap((p) => [pick(p), ...(spread(p) ?? [])]),
    ...(finiteRef ? [ref] : []),
  ];
  const frame = createLineFrame(root, {
    width,
    height: options.height ?? 300,
    xDomain: paddedDomain(axisValues((p) => p.x, (p) => p.xSpread, rx)),
    yDomain: paddedDomain(axisValues((p) => p.y, (p) => p.ySpread, ry)),
    xLabel: `${data.xLabel} (${betterWord(data.directions[0])})`,
    yLabel: `${data.yLabel} (${betterWord(data.directions[1])})`,
    ariaLabel: `Pareto front: ${front.size} of ${plural(drawn.length, 'point')} non-dominated`,
  });
  // The points are buttons: an svg with role="img" would hide them from assistive technology.
  frame.svg.attr('role', 'group');
  const { plot, x, y } = frame;
  const toPixels = line<[number, number]>()
    .x((d) => x(d[0]))
    .y((d) => y(d[1]));
  const frontValues = drawn.filter((p) => front.has(p.id)).map((p) => [p.x, p.y] as [number, number]);

  if (finiteRef) {
    const region = hypervolumeRegion(frontValues, summary.reference, data.directions);
    if (region.length > 0) plot.append('path').attr('class', 'pareto-region').attr('d', `${toPixels(region)}Z`).attr('fill', '#000').attr('fill-opacity', 0.05);
    const cross = plot.append('g').attr('class', 'pareto-reference').attr('transform', `translate(${x(rx)},${y(ry)})`);
    cross.append('title').text(`hypervolume reference (${formatValue(rx)}, ${formatValue(ry)})`);
    for (const [dx, dy] of [[5, 5], [5, -5]]) cross.append('line').attr('x1', -dx).attr('y1', -dy).attr('x2', dx).attr('y2', dy).attr('stroke', '#333').attr('stroke-width', 1.5);
  }
  plot.append('path').attr('class', 'pareto-staircase').attr('d', toPixels(staircase(frontValues, data.directions[0])) ?? '').attr('fill', 'none').attr('stroke', '#333').attr('stroke-width', 1.5);

  // Dominated points first, then the front, then the selected point, so the ones that matter are on top.
  const rank = (p: ParetoPoint) => (p.id === data.selectedId ? 2 : front.has(p.id) ? 1 : 0);
  const ordered = [...drawn].sort((a, b) => rank(a) - rank(b));
  for (const p of ordered) {
    const onFront = front.has(p.id);
    const mark = plot.append('g').attr('class', 'pareto-mark').attr('opacity', onFront ? 1 : 0.3);
    const colour = colourOf(p);
    const whisker = (x1: number, y1: number, x2: number, y2: number) =>
      mark.append('line').attr('class', 'pareto-whisker').attr('x1', x1).attr('y1', y1).attr('x2', x2).attr('y2', y2).attr('stroke', colour).attr('stroke-width', 1.2);
    if (p.xSpread?.every(Number.isFinite)) {
      const [a, b] = p.xSpread.map(x);
      whisker(a, y(p.y), b, y(p.y));
      for (const end of [a, b]) whisker(end, y(p.y) - 3, end, y(p.y) + 3);
    }
    if (p.ySpread?.every(Number.isFinite)) {
      const [a, b] = p.ySpread.map(y);
      whisker(x(p.x), a, x(p.x), b);
      for (const end of [a, b]) whisker(x(p.x) - 3, end, x(p.x) + 3, end);
    }
    if (p.id === data.selectedId) {
      mark.append('circle').attr('class', 'pareto-selected').attr('cx', x(p.x)).attr('cy', y(p.y)).attr('r', 9).attr('fill', 'none').attr('stroke', '#111').attr('stroke-width', 2).attr('pointer-events', 'none');
    }
    const circle = mark
      .append('circle')
      .attr('class', 'pareto-point')
      .attr('data-id', p.id)
      .attr('data-front', String(onFront))
      .attr('cx', x(p.x))
      .attr('cy', y(p.y))
      .attr('r', 5)
      .attr('fill', colour)
      .attr('stroke', '#fff')
      .attr('stroke-width', 1)
      .attr('tabindex', 0)
      .attr('role', 'button')
      .attr('aria-label', pointTitle(p, data, onFront).replaceAll('\n', ', '))
      .style('cursor', options.onSelect ? 'pointer' : 'default');
    circle.append('title').text(pointTitle(p, data, onFront));
    // Hover and keyboard focus outline the point; its <title> is the tooltip.
    const outline = (on: boolean) => () => circle.attr('stroke', on ? '#111' : '#fff').attr('stroke-width', on ? 2 : 1);
    circle.on('mouseenter focus', outline(true)).on('mouseleave blur', outline(false));
    circle.on('click', () => options.onSelect?.(p.id));
    circle.on('keydown', (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      options.onSelect?.(p.id);
    });
  }
  const legendGroups = groups.map((key) => data.points.find((p) => (p.group ?? p.id) === key)!);
  appendLegend(root, legendGroups.map((p, index) => ({ label: p.group ?? p.label, index })));
}

export function renderParetoChart(container: HTMLElement, data: ParetoChartData, options: ParetoChartOptions = {}): ParetoChartHandle {
  return mountResponsiveChart(container, 'pareto-chart', draw, data, options);
}
