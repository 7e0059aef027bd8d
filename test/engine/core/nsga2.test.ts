import { describe, expect, it } from 'vitest';
import { createNsga2, type Nsga2, type Nsga2Options } from '../../../engine/core/nsga2';
import { crowdingDistances, fastNonDominatedSort } from '../../../engine/core/nsga2-sort';
import { hypervolume } from '../../../engine/core/pareto';
import type { Direction } from '../../../engine/core/policy';

const MIN2: Direction[] = ['min', 'min'];

/** ZDT1 (Zitzler, Deb & Thiele 2000): convex front f2 = 1 - sqrt(f1) at x2..xn = 0. */
function zdt1(x: readonly number[]): [number, number] {
  const f1 = x[0];
  let sum = 0;
  for (let i = 1; i < x.length; i++) sum += x[i];
  const g = 1 + (9 * sum) / (x.length - 1);
  return [f1, g * (1 - Math.sqrt(f1 / g))];
}

/**
 * Hypervolume of the true ZDT1 front against (1.1, 1.1): the integral of 1.1 - (1 - sqrt(f1)) over f1 in [0, 1],
 * plus the strip f1 in [1, 1.1] of full height 1.1: 0.1 + 2/3 + 0.11 = 0.876666...
 */
const ZDT1_OPTIMUM_HV = 0.1 + 2 / 3 + 0.11;

const zdtParameters = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `x${i}`, min: 0, max: 1 }));

/** Runs the optimiser to the end, evaluating each batch with `evaluate`; returns it and every asked batch. */
function run(options: Nsga2Options, evaluate: (p: Record<string, number>) => number[]): { nsga: Nsga2; asked: Record<string, number>[][] } {
  const nsga = createNsga2(options);
  const asked: Record<string, number>[][] = [];
  while (!nsga.done) {
    const batch = nsga.ask();
    asked.push(batch);
    nsga.tell(batch.map(evaluate));
  }
  return { nsga, asked };
}

const asVector = (p: Record<string, number>, n: number) => Array.from({ length: n }, (_, i) => p[`x${i}`]);

describe('NSGA-II on ZDT1', () => {
  it('the dense-sampled true front has the analytic hypervolume', () => {
    const front = Array.from({ length: 20001 }, (_, i) => zdt1([i / 20000, 0, 0]));
    expect(hypervolume(front, [1.1, 1.1], MIN2)).toBeCloseTo(ZDT1_OPTIMUM_HV, 4);
  });

  it('gets within 1.5% of the optimal hypervolume with 8 variables', () => {
    const options = { parameters: zdtParameters(8), directions: MIN2, population: 100, generations: 100, seed: 1 };
    const { nsga, asked } = run(options, (p) => zdt1(asVector(p, 8)));
    expect(asked).toHaveLength(101);
    expect(nsga.generation).toBe(100);
    const hv = hypervolume(nsga.front().map((p) => p.objectives), [1.1, 1.1], MIN2);
    expect(hv).toBeGreaterThan(0.865);
    expect(hv).toBeLessThanOrEqual(ZDT1_OPTIMUM_HV);
  });

  it('works in maximise and mixed directions', () => {
    const base = { parameters: zdtParameters(8), population: 100, generations: 100, seed: 2 };
    const max = run({ ...base, directions: ['max', 'max'] }, (p) => zdt1(asVector(p, 8)).map((f) => -f)).nsga;
    expect(hypervolume(max.front().map((p) => p.objectives), [-1.1, -1.1], ['max', 'max'])).toBeGreaterThan(0.865);
    const mixed = run({ ...base, directions: ['min', 'max'] }, (p) => {
      const [f1, f2] = zdt1(asVector(p, 8));
      return [f1, -f2];
    }).nsga;
    expect(hypervolume(mixed.front().map((p) => p.objectives), [1.1, -1.1], ['min', 'max'])).toBeGreaterThan(0.865);
  });
});

describe('NSGA-II protocol', () => {
  const options: Nsga2Options = { parameters: zdtParameters(4), directions: MIN2, population: 10, generations: 5, seed: 7 };
  const evaluate = (p: Record<string, number>) => zdt1(asVector(p, 4));

  it('is deterministic from the seed, to the bit', () => {
    const a = run(options, evaluate).asked;
    const b = run(options, evaluate).asked;
    expect(b).toEqual(a);
    const c = run({ ...options, seed: 8 }, evaluate).asked;
    expect(c[0]).not.toEqual(a[0]);
    expect(c[3]).not.toEqual(a[3]);
  });

  it('asks the same batch until it is told, and refuses to go on once done', () => {
    const nsga = createNsga2({ ...options, generations: 1 });
    expect(() => nsga.tell([])).toThrow(/tell\(\) before ask\(\)/);
    const first = nsga.ask();
    expect(nsga.ask()).toEqual(first);
    expect(nsga.population()).toEqual([]);
    nsga.tell(first.map(evaluate));
    expect(nsga.generation).toBe(0);
    expect(nsga.done).toBe(false);
    nsga.tell(nsga.ask().map(evaluate));
    expect(nsga.done).toBe(true);
    expect(nsga.generation).toBe(1);
    expect(nsga.population()).toHaveLength(10);
    expect(() => nsga.ask()).toThrow(/done/);
  });

  it('tell with the wrong number of vectors or objectives names the counts', () => {
    const nsga = createNsga2(options);
    const batch = nsga.ask().map(evaluate);
    expect(() => nsga.tell(batch.slice(1))).toThrow('tell() got 9 objective vectors for 10 asked points');
    const short = batch.map((v, i) => (i === 3 ? [v[0]] : v));
    expect(() => nsga.tell(short)).toThrow('point 3 has 1 objectives; expected 2');
    const text = batch.map((v, i) => (i === 2 ? [v[0], '1' as unknown as number] : v));
    expect(() => nsga.tell(text)).toThrow('point 2 objective 1 is string; expected a number');
  });

  it('treats NaN and Infinity as failed points, ranked after every finite one', () => {
    const nsga = createNsga2({ ...options, generations: 0 });
    const batch = nsga.ask().map(evaluate);
    batch[0] = [NaN, 0];
    batch[1] = [-Infinity, -Infinity];
    nsga.tell(batch);
    const population = nsga.population();
    const failed = population.filter((p) => p.failed);
    expect(failed).toHaveLength(2);
    const worstFinite = Math.max(...population.filter((p) => !p.failed).map((p) => p.rank));
    for (const p of failed) expect(p.rank).toBe(worstFinite + 1);
    expect(population.slice(-2).every((p) => p.failed)).toBe(true);
    expect(nsga.front().some((p) => !p.objectives.every(Number.isFinite))).toBe(false);
  });

  it('keeps integer parameters whole and in range, and constants constant', () => {
    const parameters = [
      { name: 'k', min: 1, max: 5, integer: true },
      { name: 'w', min: -0.5, max: 2.5, integer: true },
      { name: 'c', min: 3, max: 3 },
      { name: 'x', min: 0, max: 1 },
    ];
    const seen = new Set<number>();
    run({ parameters, directions: MIN2, population: 12, generations: 15, seed: 3 }, (p) => {
      expect(Number.isInteger(p.k) && p.k >= 1 && p.k <= 5).toBe(true);
      expect(Number.isInteger(p.w) && p.w >= 0 && p.w <= 2).toBe(true);
      expect(p.c).toBe(3);
      expect(p.x >= 0 && p.x <= 1).toBe(true);
      seen.add(p.k);
      return [p.k + p.x, 6 - p.k + p.w];
    });
    expect(seen.size).toBeGreaterThan(2);
  });

  it('refuses options that cannot work', () => {
    expect(() => createNsga2({ ...options, population: 1 })).toThrow(/population is 1/);
    expect(() => createNsga2({ ...options, parameters: [{ name: 'a', min: 2, max: 1 }] })).toThrow(/range \[2, 1\]/);
    expect(() => createNsga2({ ...options, parameters: [{ name: 'a', min: 0.2, max: 0.8, integer: true }] })).toThrow(/no whole number/);
    expect(() => createNsga2({ ...options, directions: ['up' as Direction] })).toThrow(/direction 0/);
  });
});

describe('fast non-dominated sort and crowding distance', () => {
  // P1 and P2 are duplicates; P4 = (2, 4) and P6 = (3, 3) tie in their front; P5 is behind both of them.
  const points = [
    [1, 5],
    [2, 3],
    [2, 3],
    [3, 1],
    [2, 4],
    [4, 4],
    [3, 3],
  ];

  it('sorts into fronts by hand', () => {
    expect(fastNonDominatedSort(points, MIN2)).toEqual([[0, 1, 2, 3], [4, 6], [5]]);
    // Maximising both: (4, 4) and (1, 5) lead; (3, 3) and (2, 4) follow; the duplicates tie with (3, 1) last.
    expect(fastNonDominatedSort(points, ['max', 'max'])).toEqual([[0, 5], [4, 6], [1, 2, 3]]);
  });

  it('computes crowding distances by hand, duplicates included', () => {
    // f1 range 2: P1 and P2 each get (next - previous) / 2 = 0.5 as interior points; the same again on f2 (range 4:
    // (3 - 1) / 4 and (5 - 3) / 4). P0 and P3 are the ends of both objectives.
    expect(crowdingDistances([points[0], points[1], points[2], points[3]])).toEqual([Infinity, 1, 1, Infinity]);
    expect(crowdingDistances([points[4], points[6]])).toEqual([Infinity, Infinity]);
    expect(crowdingDistances([[7, 7]])).toEqual([Infinity]);
    // All equal: no objective has a range, so no point is an end and none is lonelier.
    expect(crowdingDistances([[2, 2], [2, 2], [2, 2]])).toEqual([0, 0, 0]);
    // Duplicates at an end: A and B are both (0, 3). On f1 (sorted A, B, C, D, range 2) A is the end and B an
    // interior point, (1 - 0) / 2; C gets (2 - 0) / 2. On f2 (sorted D, C, A, B, range 3) B is the end and C gets
    // (3 - 0) / 3. So both duplicates end up as ends, as in the paper's procedure.
    expect(crowdingDistances([[0, 3], [0, 3], [1, 1], [2, 0]])).toEqual([Infinity, Infinity, 2, Infinity]);
  });
});
