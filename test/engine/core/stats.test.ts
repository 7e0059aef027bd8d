import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { RunningStats, percentile, percentileSorted, summarize } from '../../../engine/core/stats';

describe('percentile (R-7, linear interpolation)', () => {
  // Hand-computed with h = (n - 1) p / 100 and x[floor h] + frac(h) (x[floor h + 1] - x[floor h]).
  it('interpolates between ranks', () => {
    const values = [1, 2, 3, 4];
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 25)).toBe(1.75); // h = 0.75
    expect(percentile(values, 50)).toBe(2.5); // h = 1.5
    expect(percentile(values, 75)).toBe(3.25); // h = 2.25
    expect(percentile(values, 100)).toBe(4);
  });

  it('hits the middle value exactly for an odd count', () => {
    expect(percentile([5, 1, 3], 50)).toBe(3);
    expect(percentile([10, 20, 30, 40, 50], 90)).toBeCloseTo(46, 12); // h = 3.6: 40 + 0.6 * 10
  });

  it('matches NumPy on a classic example', () => {
    // numpy.percentile([15, 20, 35, 40, 50], [5, 30, 40, 95]) == [16, 23, 29, 48]
    const values = [15, 20, 35, 40, 50];
    expect(percentile(values, 5)).toBeCloseTo(16, 12);
    expect(percentile(values, 30)).toBeCloseTo(23, 12);
    expect(percentile(values, 40)).toBeCloseTo(29, 12);
    expect(percentile(values, 95)).toBeCloseTo(48, 12);
  });

  it('sorts numerically, not as strings, and leaves the input alone', () => {
    const values = [10, 9, 100, 1];
    expect(percentile(values, 100)).toBe(100);
    expect(percentile(values, 0)).toBe(1);
    expect(values).toEqual([10, 9, 100, 1]);
  });

  it('accepts typed arrays, a single value and negative values', () => {
    expect(percentile(new Float64Array([3, -1, 2]), 50)).toBe(2);
    expect(percentile([7], 0)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([-4, -2], 50)).toBe(-3);
  });

  it('is NaN for no values', () => {
    expect(percentile([], 50)).toBeNaN();
  });

  it('rejects p outside [0, 100] and non-finite values', () => {
    expect(() => percentile([1], -1)).toThrow(/\[0, 100\]/);
    expect(() => percentile([1], 100.5)).toThrow(RangeError);
    expect(() => percentile([1], NaN)).toThrow(RangeError);
    expect(() => percentile([1, NaN], 50)).toThrow('values[1] = NaN');
    expect(() => percentile([Infinity], 50)).toThrow(RangeError);
  });

  it('percentileSorted agrees with percentile on sorted input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (values, p) => {
          const sorted = [...values].sort((a, b) => a - b);
          const result = percentile(values, p);
          expect(percentileSorted(sorted, p)).toBe(result);
          // Monotone and within range.
          expect(result).toBeGreaterThanOrEqual(sorted[0]);
          expect(result).toBeLessThanOrEqual(sorted[sorted.length - 1]);
        },
      ),
    );
  });
});

describe('summarize', () => {
  it('computes every field on a hand-checked sample', () => {
    // mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; sample variance 32/7.
    const summary = summarize([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(summary.count).toBe(8);
    expect(summary.mean).toBe(5);
    expect(summary.std).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(summary.min).toBe(2);
    expect(summary.max).toBe(9);
    expect(summary.p50).toBe(4.5); // h = 3.5 between 4 and 5
    expect(summary.p90).toBeCloseTo(7.6, 12); // h = 6.3: 7 + 0.3 * 2
    expect(summary.p99).toBeCloseTo(8.86, 12); // h = 6.93: 7 + 0.93 * 2
  });

  it('gives std 0 for a single value', () => {
    expect(summarize([3])).toEqual({ count: 1, mean: 3, std: 0, min: 3, p50: 3, p90: 3, p99: 3, max: 3 });
  });

  it('gives count 0 and NaN elsewhere for no values', () => {
    const summary = summarize([]);
    expect(summary.count).toBe(0);
    for (const key of ['mean', 'std', 'min', 'p50', 'p90', 'p99', 'max'] as const) expect(summary[key]).toBeNaN();
  });

  it('keeps precision for large values close together (Welford)', () => {
    // A naive sum-of-squares variance returns garbage here; the exact sample variance is 30.
    const offset = 1e9;
    const summary = summarize([4, 7, 13, 16].map((x) => x + offset));
    expect(summary.mean).toBe(offset + 10);
    expect(summary.std).toBeCloseTo(Math.sqrt(30), 9);
  });

  it('rejects non-finite values', () => {
    expect(() => summarize([1, -Infinity])).toThrow(RangeError);
  });
});

describe('RunningStats', () => {
  it('accumulates the same mean and std as summarize', () => {
    const values = [3.5, -1, 8, 2, 2, 10];
    const running = new RunningStats();
    for (const value of values) running.add(value);
    const summary = summarize(values);
    expect(running.count).toBe(6);
    expect(running.mean).toBe(summary.mean);
    expect(running.std).toBe(summary.std);
    expect(running.min).toBe(-1);
    expect(running.max).toBe(10);
  });

  it('is NaN everywhere but count when empty', () => {
    const running = new RunningStats();
    expect(running.count).toBe(0);
    expect(running.mean).toBeNaN();
    expect(running.variance).toBeNaN();
    expect(running.min).toBeNaN();
    expect(running.max).toBeNaN();
    expect(() => running.add(NaN)).toThrow(RangeError);
  });
});
