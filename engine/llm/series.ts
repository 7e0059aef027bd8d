/**
 * Time series for charts, recorded as exact time averages over fixed buckets: every quantity is a step function of
 * time, and each bucket holds its integral over the bucket divided by the bucket's width. So the average over the
 * whole run is exact (Little's law holds on the recorded series to rounding), and the cost is one update per event,
 * not per request or token.
 */

export interface LlmSeries {
  /** Bucket width, seconds; bucket i covers [i·interval, (i+1)·interval) (the last one ends at the run's end). */
  readonly interval: number;
  /** Start time of each bucket. */
  readonly time: readonly number[];
  /** Mean number of requests arrived and not finished. */
  readonly inSystem: readonly number[];
  /** Mean number of requests not holding KV on a GPU (waiting, swapped out, transferring). */
  readonly queued: readonly number[];
  /** Mean number of requests holding KV on a GPU. */
  readonly running: readonly number[];
  /** Mean fraction of the cluster's KV blocks in use. */
  readonly kvUsage: readonly number[];
  /** Per replica: mean fraction of its KV blocks in use. */
  readonly replicaKvUsage: readonly (readonly number[])[];
  /** Per replica: mean number of requests waiting there. */
  readonly replicaQueue: readonly (readonly number[])[];
}

/** Picks a round bucket width that gives at most ~`buckets` buckets over `span` seconds. */
export function seriesInterval(span: number, buckets = 600): number {
  const raw = Math.max(span, 1e-3) / buckets;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 5, 10]) if (step * power >= raw) return step * power;
  return 10 * power;
}

/**
 * Integrates channels of step functions into buckets. Channel values are set between `advance` calls. The interval
 * is a guess from the arrival span; when a run outlasts it (a backlog drains long after the last arrival), adjacent
 * buckets are merged and the interval doubles, so a run never keeps more than 2 x `maxBuckets` buckets.
 */
export class SeriesRecorder {
  readonly values: Float64Array;
  private sums: Float64Array[] = [];
  private last = 0;
  /** Integral of each channel over [0, last]. */
  readonly totals: Float64Array;
  interval: number;

  constructor(
    readonly channels: number,
    interval: number,
    private readonly maxBuckets = 1200,
  ) {
    this.interval = interval;
    this.values = new Float64Array(channels);
    this.totals = new Float64Array(channels);
    this.sums.push(new Float64Array(channels));
  }

  /** Accumulates the current values from the last advance up to `now`. */
  advance(now: number): void {
    let t = this.last;
    if (now <= t) return;
    const { values, channels, totals } = this;
    for (let c = 0; c < channels; c++) totals[c] += values[c] * (now - t);
    let bucket = this.sums.length - 1;
    while (t < now) {
      const bucketEnd = (bucket + 1) * this.interval;
      const upTo = now < bucketEnd ? now : bucketEnd;
      const sums = this.sums[bucket];
      const width = upTo - t;
      for (let c = 0; c < channels; c++) sums[c] += values[c] * width;
      t = upTo;
      if (t >= bucketEnd) {
        this.sums.push(new Float64Array(channels));
        bucket++;
        if (this.sums.length > 2 * this.maxBuckets) bucket = this.coarsen();
      }
    }
    this.last = now;
  }

  /** Merges bucket pairs and doubles the interval; returns the index of the current (last) bucket. */
  private coarsen(): number {
    const merged: Float64Array[] = [];
    for (let b = 0; b < this.sums.length; b += 2) {
      const sum = this.sums[b];
      const next = this.sums[b + 1];
      if (next) for (let c = 0; c < this.channels; c++) sum[c] += next[c];
      merged.push(sum);
    }
    this.sums = merged;
    this.interval *= 2;
    return merged.length - 1;
  }

  /** Time of the last advance. */
  get end(): number {
    return this.last;
  }

  /** Bucket means of one channel, scaled; the last bucket is averaged over its covered part only. */
  channel(c: number, scale = 1): number[] {
    const out: number[] = [];
    for (let b = 0; b < this.sums.length; b++) {
      const start = b * this.interval;
      const width = Math.min(this.last, start + this.interval) - start;
      if (width <= 0) break;
      out.push((this.sums[b][c] / width) * scale);
    }
    return out;
  }

  /** Start times of the buckets that `channel` returns. */
  times(): number[] {
    const out: number[] = [];
    for (let b = 0; b < this.sums.length && b * this.interval < this.last; b++) out.push(b * this.interval);
    return out;
  }
}
