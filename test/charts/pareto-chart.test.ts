// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seriesColor } from '../../components/charts/line-frame';
import { formatValue, hypervolumeRegion, paretoSummary, renderParetoChart, staircase, type ParetoChartData, type ParetoPoint } from '../../components/charts/pareto-chart';

afterEach(() => document.body.replaceChildren());

const point = (id: string, x: number, y: number, group = 'P'): ParetoPoint => ({ id, label: `${group} ${id}`, group, x, y, runs: 4 });

// Both objectives minimised. Front: A, B, C (a duplicate of B) and E. D ties B on y and is worse on x; F is worse
// than B on both; H ties A on x and is worse on y; G has no x value.
const bothMin: ParetoChartData = {
  xLabel: 'makespan',
  yLabel: 'total tardiness',
  directions: ['min', 'min'],
  points: [point('A', 1, 5, 'ATC'), point('B', 2, 3, 'ATC'), point('C', 2, 3, 'EDD'), point('D', 3, 3, 'EDD'), point('E', 4, 1, 'SPT'), point('F', 3, 4, 'SPT'), point('G', NaN, 2, 'SPT'), point('H', 1, 6, 'ATC')],
};

// x minimised, y maximised. Front: P, Q, R (a duplicate of Q) and T. S ties Q on y and is worse on x; U is worse
// than Q on both.
const minMax: ParetoChartData = {
  xLabel: 'cost',
  yLabel: 'throughput',
  directions: ['min', 'max'],
  points: [point('P', 1, 2), point('Q', 2, 5), point('R', 2, 5), point('S', 3, 5), point('T', 4, 8), point('U', 3, 4)],
};

function mount(data: ParetoChartData, onSelect?: (id: string) => void) {
  const container = document.body.appendChild(document.createElement('div'));
  const handle = renderParetoChart(container, data, { onSelect });
  return { container, handle, circle: (id: string) => container.querySelector<SVGCircleElement>(`.pareto-point[data-id="${id}"]`)! };
}

describe('Pareto summary', () => {
  it('finds the front with ties and a duplicate, and its hypervolume, both objectives minimised', () => {
    // Boxes up to the reference (5, 7), swept by x: A (5-1)*(7-5) = 8, B (5-2)*(5-3) = 6, C adds nothing (same box
    // as B), E (5-4)*(3-1) = 2. HV = 16.
    const summary = paretoSummary({ ...bothMin, reference: [5, 7] });
    expect(summary.frontIds).toEqual(['A', 'B', 'C', 'E']);
    expect(summary.hypervolume).toBe(16);
    expect(summary.reference).toEqual([5, 7]);
    expect(summary.undrawn).toBe(1);
  });

  it('finds the front and hypervolume with y maximised', () => {
    // Boxes [x, 5] x [0, y] against the reference (5, 0), swept by x: P (5-1)*(2-0) = 8, Q (5-2)*(5-2) = 9, R adds
    // nothing, T (5-4)*(8-5) = 3. HV = 20.
    const summary = paretoSummary({ ...minMax, reference: [5, 0] });
    expect(summary.frontIds).toEqual(['P', 'Q', 'R', 'T']);
    expect(summary.hypervolume).toBe(20);
    expect(summary.undrawn).toBe(0);
  });

  it('defaults the reference to the worst value of each axis moved out by 10 % of its range', () => {
    // Both min, drawn points only (G is NaN): x in [1, 4] -> 4 + 0.3 = 4.3; y in [1, 6] -> 6 + 0.5 = 6.5.
    // HV: A (4.3-1)*(6.5-5) = 4.95, B (4.3-2)*(5-3) = 4.6, E (4.3-4)*(3-1) = 0.6. Total 10.15.
    const a = paretoSummary(bothMin);
    expect(a.reference[0]).toBeCloseTo(4.3, 12);
    expect(a.reference[1]).toBeCloseTo(6.5, 12);
    expect(a.hypervolume).toBeCloseTo(10.15, 12);
    // y maximised: y in [2, 8], worst is 2 -> 2 - 0.6 = 1.4; x in [1, 4] -> 4.3.
    // HV: P (4.3-1)*(2-1.4) = 1.98, Q (4.3-2)*(5-2) = 6.9, T (4.3-4)*(8-5) = 0.9. Total 9.78.
    const b = paretoSummary(minMax);
    expect(b.reference[0]).toBeCloseTo(4.3, 12);
    expect(b.reference[1]).toBeCloseTo(1.4, 12);
    expect(b.hypervolume).toBeCloseTo(9.78, 12);
  });

  it('orients the staircase by the x direction and collapses duplicates', () => {
    // x minimised: each point dominates to its right, so step along x first, then along y.
    expect(staircase([[4, 1], [1, 5], [2, 3], [2, 3]], 'min')).toEqual([[1, 5], [2, 5], [2, 3], [4, 3], [4, 1]]);
    // x maximised: each point dominates to its left, so step along y first, then along x.
    expect(staircase([[1, 8], [3, 2]], 'max')).toEqual([[1, 8], [1, 2], [3, 2]]);
  });

  it('shades exactly the area the hypervolume measures, for every pair of directions', () => {
    // Shoelace area of the shaded polygon against the hypervolume: they agree when the region is the right shape.
    const area = (poly: [number, number][]) => Math.abs(poly.reduce((sum, [x, y], i) => sum + x * poly[(i + 1) % poly.length][1] - poly[(i + 1) % poly.length][0] * y, 0)) / 2;
    const cloud = [point('a', 1, 9), point('b', 3, 4), point('c', 5, 6), point('d', 7, 1), point('e', 4, 4), point('f', 8, 8)];
    for (const directions of [['min', 'min'], ['min', 'max'], ['max', 'min'], ['max', 'max']] as const) {
      const data: ParetoChartData = { xLabel: 'x', yLabel: 'y', directions, points: cloud };
      const summary = paretoSummary(data);
      const front = cloud.filter((p) => summary.frontIds.includes(p.id)).map((p) => [p.x, p.y] as const);
      expect(summary.hypervolume).toBeGreaterThan(0);
      expect(area(hypervolumeRegion(front, summary.reference, directions))).toBeCloseTo(summary.hypervolume, 9);
    }
  });

  it('formats numbers to about four significant digits', () => {
    expect(formatValue(10.15)).toBe('10.15');
    expect(formatValue(123456)).toBe('123,500');
    expect(formatValue(4.3)).toBe('4.3');
    expect(formatValue(NaN)).toBe('—');
  });
});

describe('Pareto chart renderer', () => {
  it('draws the front solid and the dominated points faded, with the caption and labels', () => {
    const { container, circle } = mount(bothMin);
    const ids = [...container.querySelectorAll<SVGCircleElement>('.pareto-point')].map((c) => c.dataset.id).sort();
    expect(ids).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'H']);
    for (const id of ['A', 'B', 'C', 'E']) {
      expect(circle(id).dataset.front).toBe('true');
      expect(circle(id).parentElement!.getAttribute('opacity')).toBe('1');
    }
    for (const id of ['D', 'F', 'H']) {
      expect(circle(id).dataset.front).toBe('false');
      expect(circle(id).parentElement!.getAttribute('opacity')).toBe('0.3');
    }
    expect(container.querySelector('svg')!.getAttribute('aria-label')).toBe('Pareto front: 4 of 7 points non-dominated');
    expect(container.querySelector('.pareto-caption')!.textContent).toBe('Hypervolume 10.15 against reference (4.3, 6.5) · 1 not drawn (no value)');
    expect(container.textContent).toContain('makespan (lower is better)');
    expect(container.querySelector('.pareto-staircase')!.getAttribute('d')).toMatch(/^M/);
    expect(container.querySelector('.pareto-region')).not.toBeNull();
    expect(container.querySelectorAll('.pareto-reference line')).toHaveLength(2);
    expect(circle('A').querySelector('title')!.textContent).toBe('ATC A — non-dominated\nmakespan: 1\ntotal tardiness: 5\n4 runs');
  });

  it('colours by group with a legend of the groups', () => {
    const { container, circle } = mount(bothMin);
    expect(circle('A').getAttribute('fill')).toBe(seriesColor(0));
    expect(circle('H').getAttribute('fill')).toBe(seriesColor(0));
    expect(circle('C').getAttribute('fill')).toBe(seriesColor(1));
    expect(circle('E').getAttribute('fill')).toBe(seriesColor(2));
    expect([...container.querySelectorAll('.chart-legend li')].map((li) => li.textContent)).toEqual(['ATC', 'EDD', 'SPT']);
  });

  it('labels the axes by direction and draws spread whiskers', () => {
    const withSpread: ParetoChartData = { ...minMax, points: [{ ...point('P', 1, 2), xSpread: [0.5, 1.5], ySpread: [1, 3] }, point('T', 4, 8)] };
    const { container } = mount(withSpread);
    expect(container.textContent).toContain('throughput (higher is better)');
    // One line each way plus two end caps each.
    expect(container.querySelectorAll('.pareto-whisker')).toHaveLength(6);
    expect(container.querySelector('.pareto-point[data-id="P"] title')!.textContent).toContain('cost: 1 (0.5 – 1.5)');
  });

  it('selects a point by click, Enter and Space, and rings the selected one', () => {
    const onSelect = vi.fn();
    const { container, circle } = mount({ ...bothMin, selectedId: 'E' }, onSelect);
    const a = circle('A');
    expect(a.getAttribute('tabindex')).toBe('0');
    expect(a.getAttribute('role')).toBe('button');
    expect(a.getAttribute('aria-label')).toContain('ATC A');
    a.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    circle('D').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    circle('B').dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    circle('B').dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(onSelect.mock.calls).toEqual([['A'], ['D'], ['B']]);
    const rings = container.querySelectorAll('.pareto-selected');
    expect(rings).toHaveLength(1);
    expect(rings[0].parentElement!.querySelector('.pareto-point')!.getAttribute('data-id')).toBe('E');
  });

  it('replaces the points on update and empties the element on destroy', () => {
    const { container, handle } = mount(bothMin);
    handle.update({ ...minMax, reference: [5, 0] });
    const ids = [...container.querySelectorAll<SVGCircleElement>('.pareto-point')].map((c) => c.dataset.id).sort();
    expect(ids).toEqual(['P', 'Q', 'R', 'S', 'T', 'U']);
    expect(container.querySelector('.pareto-caption')!.textContent).toBe('Hypervolume 20 against reference (5, 0)');
    expect(container.querySelectorAll('svg[aria-label^="Pareto"]')).toHaveLength(1);
    handle.update({ ...minMax, points: [point('X', NaN, 1), point('Y', 2, Infinity)] });
    expect(container.querySelectorAll('.pareto-point')).toHaveLength(0);
    expect(container.querySelector('.pareto-caption')!.textContent).toBe('No points with values to draw · 2 not drawn (no value)');
    handle.destroy();
    expect(container.children).toHaveLength(0);
  });
});
