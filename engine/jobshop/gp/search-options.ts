/**
 * Options of the GP search, with their defaults and checks. The defaults are the usual ones of GP for dispatching
 * rules (Nguyen, Mei & Zhang 2017): 80% crossover, 10% subtree and 10% point mutation, tournaments of 5, a couple
 * of elites, initial trees of depth 2 to 4.
 */

import { FEATURE_NAMES, featureSpec, type FeatureName } from './features';

/** Options of `createGpSearch`. */
export interface GpSearchOptions {
  /** Rules per generation (>= 2). */
  readonly population: number;
  /** Offspring generations after the initial population (>= 0). */
  readonly generations: number;
  readonly seed: number;
  /** Deepest tree allowed, counted in nodes (a lone feature has depth 1); >= 1. */
  readonly maxDepth: number;
  /** Terminal features (default: all of FEATURES). */
  readonly features?: readonly FeatureName[];
  /** Whether random constants in [-1, 1] are terminals (default true). */
  readonly constants?: boolean;
  /** Deepest initial tree (default min(4, maxDepth)); initial depths ramp from 2 (1 when maxDepth is 1). */
  readonly initialDepth?: number;
  /** Tournament size (default 5). */
  readonly tournamentSize?: number;
  /** Best rules copied unchanged into the next generation (default 2, at most population - 1). */
  readonly elitism?: number;
  /** Probability of subtree crossover per offspring event (default 0.8). */
  readonly crossoverProbability?: number;
  /** Probability of subtree mutation (default 0.1). */
  readonly subtreeMutationProbability?: number;
  /** Probability of point mutation (default 0.1); whatever the three leave is plain reproduction. */
  readonly pointMutationProbability?: number;
}

/** The options with every default filled in. */
export interface ResolvedGpOptions extends Required<GpSearchOptions> {
  readonly minInitialDepth: number;
}

/** Fills in defaults and throws, naming the option, on anything that cannot work. */
export function resolveGpOptions(options: GpSearchOptions): ResolvedGpOptions {
  const { population, generations, seed, maxDepth } = options;
  wholeAtLeast('population', population, 2);
  wholeAtLeast('generations', generations, 0);
  wholeAtLeast('maxDepth', maxDepth, 1);
  if (!Number.isFinite(seed)) throw new Error(`seed is ${seed}; expected a finite number`);
  const features = options.features ?? FEATURE_NAMES;
  if (features.length === 0) throw new Error('the GP search needs at least one feature');
  features.forEach(featureSpec);
  const initialDepth = options.initialDepth ?? Math.min(4, maxDepth);
  wholeAtLeast('initialDepth', initialDepth, 1);
  if (initialDepth > maxDepth) throw new Error(`initialDepth ${initialDepth} is deeper than maxDepth ${maxDepth}`);
  const tournamentSize = options.tournamentSize ?? 5;
  wholeAtLeast('tournamentSize', tournamentSize, 1);
  const elitism = options.elitism ?? Math.min(2, population - 1);
  wholeAtLeast('elitism', elitism, 0);
  if (elitism >= population) throw new Error(`elitism ${elitism} leaves no room for offspring in a population of ${population}`);
  const crossoverProbability = options.crossoverProbability ?? 0.8;
  const subtreeMutationProbability = options.subtreeMutationProbability ?? 0.1;
  const pointMutationProbability = options.pointMutationProbability ?? 0.1;
  const rates = { crossoverProbability, subtreeMutationProbability, pointMutationProbability };
  for (const [name, value] of Object.entries(rates)) {
    if (!(value >= 0 && value <= 1)) throw new Error(`${name} is ${value}; expected a probability in [0, 1]`);
  }
  const total = crossoverProbability + subtreeMutationProbability + pointMutationProbability;
  if (total > 1 + 1e-12) throw new Error(`crossover and mutation probabilities add up to ${total}; they must not exceed 1`);
  return {
    population,
    generations,
    seed,
    maxDepth,
    features: [...features],
    constants: options.constants ?? true,
    initialDepth,
    minInitialDepth: Math.min(2, initialDepth),
    tournamentSize,
    elitism,
    ...rates,
  };
}

function wholeAtLeast(name: string, value: number, least: number): void {
  if (!Number.isInteger(value) || value < least) throw new Error(`${name} is ${value}; expected a whole number >= ${least}`);
}
