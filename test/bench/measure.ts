import { percentile } from '../../engine/core/stats';

/** Median milliseconds of `runs` timed calls after `warmup` untimed ones. */
export function medianMs(fn: () => unknown, runs: number, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return percentile(times, 50);
}

export const fmt = (value: number, digits = 2): string => value.toFixed(digits);
