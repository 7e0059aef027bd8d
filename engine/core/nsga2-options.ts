/**
 * Checks of NSGA-II options, kept out of the optimiser so it reads as the algorithm. Every message names the
 * option and what was expected, because these options usually come from a form or a sweep file.
 */

import type { Nsga2Options, SearchParameter } from './nsga2';
import type { Bounds } from './nsga2-variation';

/** Throws on options the optimiser cannot work with. */
export function checkNsga2Options(options: Nsga2Options): void {
  const { parameters, directions, population, generations, seed } = options;
  if (!Array.isArray(parameters) || parameters.length === 0) throw new Error('NSGA-II needs at least one parameter');
  const names = new Set<string>();
  parameters.forEach((p, i) => {
    if (typeof p.name !== 'string' || p.name === '') throw new Error(`parameter ${i} needs a name`);
    if (names.has(p.name)) throw new Error(`parameter "${p.name}" is given twice`);
    names.add(p.name);
    parameterBounds(p);
  });
  if (!Array.isArray(directions) || directions.length === 0) throw new Error('NSGA-II needs at least one objective direction');
  directions.forEach((d, i) => {
    if (d !== 'min' && d !== 'max') throw new Error(`direction ${i} is "${String(d)}"; expected 'min' or 'max'`);
  });
  if (!Number.isInteger(population) || population < 2) throw new Error(`population is ${population}; expected a whole number >= 2`);
  if (!Number.isInteger(generations) || generations < 0) throw new Error(`generations is ${generations}; expected a whole number >= 0`);
  if (!Number.isFinite(seed)) throw new Error(`seed is ${seed}; expected a finite number`);
  for (const key of ['crossoverEta', 'mutationEta'] as const) {
    const value = options[key];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) throw new Error(`${key} is ${value}; expected a number >= 0`);
  }
  for (const key of ['crossoverProbability', 'mutationProbability'] as const) {
    const value = options[key];
    if (value !== undefined && !(value >= 0 && value <= 1)) throw new Error(`${key} is ${value}; expected a probability in [0, 1]`);
  }
}

/**
 * The range a parameter varies in. An integer parameter keeps to the whole numbers inside [min, max], so its
 * bounds are rounded inwards; throws when the range is empty or not finite.
 */
export function parameterBounds(p: SearchParameter): Bounds {
  if (!Number.isFinite(p.min) || !Number.isFinite(p.max) || p.min > p.max) {
    throw new Error(`parameter "${p.name}" has range [${p.min}, ${p.max}]; expected finite min <= max`);
  }
  if (!p.integer) return { low: p.min, high: p.max };
  const low = Math.ceil(p.min);
  const high = Math.floor(p.max);
  if (low > high) throw new Error(`integer parameter "${p.name}" has no whole number in [${p.min}, ${p.max}]`);
  return { low, high };
}
