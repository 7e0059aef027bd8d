import { createRng } from '../engine/core/rng';

/**
 * Math.random drawing from a run's seeded stream (DESIGN §3: randomness inside a policy, Math.random included,
 * comes from the run's seed, so a run is reproducible).
 *
 * This lives in the worker layer rather than the engine because the engine must not touch globals: it is pure and
 * may run beside other runs in one realm. A worker runs one simulation at a time, synchronously, so swapping the
 * global for the duration of a call is safe there. The stream is split off under its own label, so a policy's
 * Math.random draws never shift the numbers `view.random()` or the breakdowns see.
 */

/** One run's Math.random stream, kept across calls: a step session calls into its simulation many times. */
export interface SeededMathRandom {
  /** Runs `fn` with Math.random drawing from this stream, where the previous call left it; restores the global after. */
  run<T>(fn: () => T): T;
}

export function createSeededMathRandom(seed: number): SeededMathRandom {
  const stream = createRng(seed).split('math-random');
  const seeded = () => stream.next();
  return {
    run<T>(fn: () => T): T {
      const original = Math.random;
      Math.random = seeded;
      try {
        return fn();
      } finally {
        Math.random = original;
      }
    },
  };
}

/** Runs `run` with Math.random drawing from a fresh stream for `seed`: a whole run in one call. */
export function withSeededMathRandom<T>(seed: number, run: () => T): T {
  return createSeededMathRandom(seed).run(run);
}
