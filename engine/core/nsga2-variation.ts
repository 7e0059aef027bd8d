/**
 * The real-coded variation operators of NSGA-II, in the bounded forms of Deb's reference C implementation
 * (nsga2-v1.1): simulated binary crossover (Deb & Agrawal 1995) and polynomial mutation (Deb & Goyal 1996).
 * Both work on one variable at a time within [low, high]; rounding integer variables is the caller's job, so
 * these stay pure arithmetic on doubles.
 */

import type { Rng } from './rng';

/** Below this gap two parent values count as equal: SBX would divide by (nearly) zero, so they are copied. */
const SAME_VALUE = 1e-14;

/** One variable's bounds. */
export interface Bounds {
  readonly low: number;
  readonly high: number;
}

/**
 * SBX on one pair of parents, variable by variable: with probability `probability` the pair is crossed, and then
 * each variable is crossed with probability 1/2 (else copied). The spread factor follows the bounded distribution
 * of the reference code, so children never leave [low, high]; a larger `eta` keeps children nearer their parents.
 * Returns two new arrays; variables whose bounds are equal are copied unchanged.
 */
export function simulatedBinaryCrossover(
  first: readonly number[],
  second: readonly number[],
  bounds: readonly Bounds[],
  eta: number,
  probability: number,
  rng: Rng,
): [number[], number[]] {
  const childA = [...first];
  const childB = [...second];
  if (rng.next() > probability) return [childA, childB];
  for (let i = 0; i < bounds.length; i++) {
    const { low, high } = bounds[i];
    if (low === high || rng.next() > 0.5) continue;
    if (Math.abs(first[i] - second[i]) <= SAME_VALUE) continue;
    const y1 = Math.min(first[i], second[i]);
    const y2 = Math.max(first[i], second[i]);
    const u = rng.next();
    const c1 = clamp(0.5 * (y1 + y2 - spread(1 + (2 * (y1 - low)) / (y2 - y1), eta, u) * (y2 - y1)), low, high);
    const c2 = clamp(0.5 * (y1 + y2 + spread(1 + (2 * (high - y2)) / (y2 - y1), eta, u) * (y2 - y1)), low, high);
    // Which child gets the lower value is a coin toss, so neither child inherits a bias towards one bound.
    if (rng.next() <= 0.5) {
      childA[i] = c2;
      childB[i] = c1;
    } else {
      childA[i] = c1;
      childB[i] = c2;
    }
  }
  return [childA, childB];
}

/**
 * Bounded SBX spread factor beta_q for one side: `beta` measures the room between the nearer parent and its bound,
 * which caps how far the distribution reaches.
 */
function spread(beta: number, eta: number, u: number): number {
  const alpha = 2 - Math.pow(beta, -(eta + 1));
  return u <= 1 / alpha ? Math.pow(u * alpha, 1 / (eta + 1)) : Math.pow(1 / (2 - u * alpha), 1 / (eta + 1));
}

/**
 * Polynomial mutation in place: each variable with `low < high` mutates with probability `probability`; the step is
 * drawn from a polynomial distribution scaled by the range and shrunk near the bounds, so the result stays inside.
 * A larger `eta` gives smaller steps.
 */
export function polynomialMutation(values: number[], bounds: readonly Bounds[], eta: number, probability: number, rng: Rng): void {
  const power = 1 / (eta + 1);
  for (let i = 0; i < bounds.length; i++) {
    const { low, high } = bounds[i];
    if (low === high || rng.next() > probability) continue;
    const y = values[i];
    const range = high - low;
    const u = rng.next();
    let deltaQ: number;
    if (u <= 0.5) {
      const room = 1 - (y - low) / range;
      deltaQ = Math.pow(2 * u + (1 - 2 * u) * Math.pow(room, eta + 1), power) - 1;
    } else {
      const room = 1 - (high - y) / range;
      deltaQ = 1 - Math.pow(2 * (1 - u) + 2 * (u - 0.5) * Math.pow(room, eta + 1), power);
    }
    values[i] = clamp(y + deltaQ * range, low, high);
  }
}

/** value limited to [low, high]. */
export function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}
