import { createRng } from '../engine/core/rng';

/**
 * Runs `run` with Math.random drawing from the run's seeded stream (DESIGN §3: randomness inside a policy,
 * Math.random included, comes from the run's seed, so a run is reproducible).
 *
 * This lives in the worker layer rather than the engine because the engine must not touch globals: it is pure and
 * may run beside other runs in one realm. A worker runs one simulation at a time, synchronously, so swapping the
 * global for the duration of the run is safe there. The stream is split off under its own label, so a policy's
 * Math.random draws never shift the numbers `view.random()` or the breakdowns see.
 */
export function withSeededMathRandom<T>(seed: number, run: () => T): T {
  const original = Math.random;
  const stream = createRng(seed).split('math-random');
  Math.random = () => stream.next();
  try {
    return run();
  } finally {
    Math.random = original;
  }
}
