/**
 * Descriptive statistics for run metrics: percentiles (latency p99, slowdown p90) and a one-line summary of a
 * sample. Every function takes finite numbers only: a NaN or an infinity in a metric is a bug upstream, and a
 * percentile table that quietly absorbed it would hide the bug, so it is a RangeError naming the index.
 *
 * An empty sample is data, not an error (a run in which no request finished): its percentiles and summary fields
 * are NaN, and its count is 0.
 */

/** Count, moments and order statistics of a sample. */
export interface Summary {
  readonly count: number;
  /** Arithmetic mean. */
  readonly mean: number;
  /** Sample standard deviation (divides by n - 1); 0 for a single value. */
  readonly std: number;
  readonly min: number;
  /** Median (R-7 percentile, as every percentile here). */
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * Mean and variance accumulated one value at a time with Welford's update, which stays accurate when the values are
 * large and close together (a naive sum of squares loses every digit there). Also tracks min and max, so an engine
 * can summarise a long series without keeping it.
 */
export class RunningStats {
  private n = 0;
  private runningMean = 0;
  // Sum of squared deviations from the running mean.
  private m2 = 0;
  private smallest = Infinity;
  private largest = -Infinity;

  /** Adds one finite value. */
  add(value: number): void {
    if (!Number.isFinite(value)) throw new RangeError(`statistics need finite numbers, got ${value}`);
    this.n++;
    const delta = value - this.runningMean;
    this.runningMean += delta / this.n;
    this.m2 += delta * (value - this.runningMean);
    if (value < this.smallest) this.smallest = value;
    if (value > this.largest) this.largest = value;
  }

  /** Number of values added. */
  get count(): number {
    return this.n;
  }

  /** Arithmetic mean; NaN when empty. */
  get mean(): number {
    return this.n === 0 ? NaN : this.runningMean;
  }

  /** Sample variance (divides by n - 1); 0 for one value, NaN when empty. */
  get variance(): number {
    if (this.n === 0) return NaN;
    return this.n === 1 ? 0 : this.m2 / (this.n - 1);
  }

  /** Sample standard deviation; 0 for one value, NaN when empty. */
  get std(): number {
    return Math.sqrt(this.variance);
  }

  /** Smallest value; NaN when empty. */
  get min(): number {
    return this.n === 0 ? NaN : this.smallest;
  }

  /** Largest value; NaN when empty. */
  get max(): number {
    return this.n === 0 ? NaN : this.largest;
  }
}

/**
 * The p-th percentile (p in [0, 100]) of values already sorted ascending, by linear interpolation between the two
 * nearest ranks: with n values x[0..n-1] and h = (n - 1) * p / 100, the result is
 * x[floor(h)] + (h - floor(h)) * (x[floor(h) + 1] - x[floor(h)]).
 * This is Hyndman & Fan's definition 7, the default of R's `quantile`, NumPy's `percentile` and Excel's
 * PERCENTILE.INC, so the numbers match what researchers compute elsewhere.
 *
 * The order is trusted, not checked (this is the variant for taking several percentiles of one sorted copy);
 * use `percentile` for unsorted input. NaN for an empty array.
 */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be in [0, 100], got ${p}`);
  const n = sorted.length;
  if (n === 0) return NaN;
  // Multiplying before dividing keeps h exact for whole-number p, so p50 of an odd count hits the middle exactly.
  const h = ((n - 1) * p) / 100;
  const below = Math.floor(h);
  const fraction = h - below;
  const low = sorted[below];
  if (fraction === 0) return low;
  return low + fraction * (sorted[below + 1] - low);
}

/**
 * The p-th percentile (p in [0, 100]) of values in any order, by the R-7 linear interpolation described at
 * `percentileSorted`. Sorts a copy; the input is left as it is. NaN for an empty array.
 */
export function percentile(values: ArrayLike<number>, p: number): number {
  return percentileSorted(sortedCopy(values), p);
}

/** Count, mean, sample standard deviation, min, p50, p90, p99 and max; count 0 and NaN elsewhere when empty. */
export function summarize(values: ArrayLike<number>): Summary {
  const sorted = sortedCopy(values);
  const running = new RunningStats();
  for (let i = 0; i < values.length; i++) running.add(values[i]);
  return {
    count: running.count,
    mean: running.mean,
    std: running.std,
    min: running.min,
    p50: percentileSorted(sorted, 50),
    p90: percentileSorted(sorted, 90),
    p99: percentileSorted(sorted, 99),
    max: running.max,
  };
}

/** A sorted Float64Array copy; a typed array sorts numerically, where Array.prototype.sort compares strings. */
function sortedCopy(values: ArrayLike<number>): Float64Array {
  const copy = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!Number.isFinite(value)) throw new RangeError(`statistics need finite numbers, got values[${i}] = ${value}`);
    copy[i] = value;
  }
  return copy.sort();
}
