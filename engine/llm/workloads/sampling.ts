/**
 * Distributions the workload generators draw from, on top of the run's seeded stream (core/rng.ts). Only
 * deterministic arithmetic on the stream's numbers, so a seed gives the same workload in every JavaScript engine.
 */
import type { Rng } from '../../core/rng';

/** Standard normal by Box-Muller (one of the pair; simplicity over speed, generation is not the hot path). */
export function normal(rng: Rng): number {
  const u = 1 - rng.next(); // (0, 1]
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Gamma(shape, scale) by Marsaglia & Tsang (2000); for shape < 1, Gamma(shape + 1) · U^(1/shape) (their boost).
 * Very bursty traces (Azure code, CV 13) need shapes near 0.006, where the boost gives many gaps of almost 0.
 */
export function gamma(rng: Rng, shape: number, scale: number): number {
  if (shape < 1) {
    const u = 1 - rng.next();
    return gamma(rng, shape + 1, scale) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * scale;
  }
}

/**
 * Zipf over the integers [min, max]: P(k) ∝ (k - min + 1)^-theta, drawn by inverse CDF on a cumulative table built
 * once per distribution.
 */
export function zipfSampler(theta: number, min: number, max: number): (rng: Rng) => number {
  const n = max - min + 1;
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += Math.pow(i + 1, -theta);
    cumulative[i] = sum;
  }
  return (rng) => {
    const target = rng.next() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] <= target) lo = mid + 1;
      else hi = mid;
    }
    return min + lo;
  };
}
