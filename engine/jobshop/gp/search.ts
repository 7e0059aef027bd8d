/**
 * Tree GP over priority rules in ask/tell form: the caller asks for the rules to evaluate, runs them however it
 * likes (in-process with `evolvePriorityRule`, or as user policies on a browser worker pool) and tells one fitness
 * per rule back, lower being better. Generational, with elitism: the elites of a generation carry their fitness
 * over, so only the offspring are asked for.
 *
 * All randomness comes from one stream derived from the seed, and a batch depends only on the state, so the same
 * options and fitness values give the same rules to the bit.
 */

import { createRng, type Rng } from '../../core/rng';
import { treeSize, type RuleExpr } from './expression';
import { rampedHalfAndHalf, type PrimitiveSet } from './generate';
import { resolveGpOptions, type GpSearchOptions, type ResolvedGpOptions } from './search-options';
import { pointMutation, subtreeCrossover, subtreeMutation } from './variation';

export type { GpSearchOptions } from './search-options';

/** A rule with the fitness told for it. */
export interface ScoredRule {
  readonly rule: RuleExpr;
  readonly fitness: number;
}

/** One generation's summary, for convergence plots. */
export interface GpGenerationStats {
  readonly generation: number;
  /** Lowest fitness in the population. */
  readonly best: number;
  /** Mean over the finite fitness values (NaN when there is none). */
  readonly mean: number;
  /** Node count of the best rule. */
  readonly bestSize: number;
}

/** The ask/tell search returned by `createGpSearch`. */
export interface GpSearch {
  /** The rules to evaluate next: the initial population, then each generation's offspring. Same batch until told. */
  ask(): RuleExpr[];
  /**
   * One fitness per asked rule, same order, lower is better. Throws on a wrong count or a value that is not a
   * number. NaN and +-Infinity mean the evaluation failed: the rule gets fitness Infinity and ranks last.
   */
  tell(fitness: readonly number[]): void;
  /** True once the last generation's offspring have been told. */
  readonly done: boolean;
  /** Generation of the current population: 0 after the initial one is told, g after g offspring batches. */
  readonly generation: number;
  /** The best rule told so far (lowest fitness, then fewest nodes, then earliest); undefined before the first tell. */
  best(): ScoredRule | undefined;
  /** The current population, best first. */
  population(): ScoredRule[];
  /** One summary per told generation. */
  history(): GpGenerationStats[];
}

interface Individual {
  readonly rule: RuleExpr;
  readonly fitness: number;
  readonly size: number;
}

/** Creates a GP search; see `GpSearch` for the protocol. Throws on options that cannot work. */
export function createGpSearch(options: GpSearchOptions): GpSearch {
  const settings = resolveGpOptions(options);
  const rng = createRng(settings.seed).split('gp');
  const set: PrimitiveSet = { features: settings.features, constants: settings.constants };
  let current: Individual[] = [];
  let pending: RuleExpr[] | undefined;
  let told = 0;
  let bestEver: Individual | undefined;
  const stats: GpGenerationStats[] = [];
  const isDone = (): boolean => told > settings.generations;

  const nextBatch = (): RuleExpr[] =>
    told === 0
      ? rampedHalfAndHalf(rng, set, settings.population, settings.minInitialDepth, settings.initialDepth)
      : breed(current, settings.population - elites(current, settings).length, rng, set, settings);

  return {
    ask() {
      if (isDone()) throw new Error(`GP search is done: all ${settings.generations} generations have been told`);
      pending ??= nextBatch();
      return [...pending];
    },
    tell(fitness) {
      if (isDone()) throw new Error(`GP search is done: all ${settings.generations} generations have been told`);
      if (pending === undefined) throw new Error('tell() before ask(): ask for the rules, evaluate them, then tell their fitness');
      const batch = scoreBatch(pending, fitness);
      current = sortBest(told === 0 ? batch : [...elites(current, settings), ...batch]);
      if (bestEver === undefined || better(current[0], bestEver)) bestEver = current[0];
      stats.push(summarise(current, told));
      pending = undefined;
      told++;
    },
    get done() {
      return isDone();
    },
    get generation() {
      return Math.max(0, told - 1);
    },
    best: () => (bestEver ? { rule: bestEver.rule, fitness: bestEver.fitness } : undefined),
    population: () => current.map((i) => ({ rule: i.rule, fitness: i.fitness })),
    history: () => [...stats],
  };
}

/** Offspring: crossover, subtree mutation, point mutation or reproduction of tournament winners, by probability. */
function breed(parents: readonly Individual[], count: number, rng: Rng, set: PrimitiveSet, s: ResolvedGpOptions): RuleExpr[] {
  const children: RuleExpr[] = [];
  const pick = (): RuleExpr => parents[tournament(parents, s.tournamentSize, rng)].rule;
  while (children.length < count) {
    const roll = rng.next();
    if (roll < s.crossoverProbability) {
      const [a, b] = subtreeCrossover(pick(), pick(), rng, s.maxDepth);
      children.push(a);
      if (children.length < count) children.push(b);
    } else if (roll < s.crossoverProbability + s.subtreeMutationProbability) {
      children.push(subtreeMutation(pick(), rng, set, s.maxDepth));
    } else if (roll < s.crossoverProbability + s.subtreeMutationProbability + s.pointMutationProbability) {
      children.push(pointMutation(pick(), rng, set));
    } else {
      children.push(pick());
    }
  }
  return children;
}

/** Tournament of `size` members drawn with replacement; the best of them wins. */
function tournament(members: readonly Individual[], size: number, rng: Rng): number {
  let winner = rng.int(0, members.length - 1);
  for (let k = 1; k < size; k++) {
    const challenger = rng.int(0, members.length - 1);
    if (better(members[challenger], members[winner])) winner = challenger;
  }
  return winner;
}

/** Lower fitness wins; on a tie the smaller tree, a mild parsimony pressure that keeps written rules readable. */
function better(a: Individual, b: Individual): boolean {
  return a.fitness < b.fitness || (a.fitness === b.fitness && a.size < b.size);
}

/** Best first; a stable sort, so full ties keep their order. */
function sortBest(individuals: Individual[]): Individual[] {
  return individuals.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}

/** The population is kept sorted best first, so the elites are its head. */
function elites(population: readonly Individual[], s: ResolvedGpOptions): Individual[] {
  return population.slice(0, s.elitism);
}

function scoreBatch(rules: readonly RuleExpr[], fitness: readonly number[]): Individual[] {
  if (!Array.isArray(fitness) || fitness.length !== rules.length) {
    const got = Array.isArray(fitness) ? `${fitness.length} fitness values` : String(fitness);
    throw new Error(`tell() got ${got} for ${rules.length} asked rules; give one fitness per rule, in order`);
  }
  return rules.map((rule, i) => {
    const value = fitness[i];
    if (typeof value !== 'number') throw new TypeError(`tell(): fitness ${i} is ${typeof value}; expected a number`);
    // A failed evaluation must never win: NaN and -Infinity alike rank with +Infinity, last.
    return { rule, fitness: Number.isFinite(value) ? value : Infinity, size: treeSize(rule) };
  });
}

function summarise(population: readonly Individual[], generation: number): GpGenerationStats {
  const finite = population.filter((i) => Number.isFinite(i.fitness));
  const mean = finite.length > 0 ? finite.reduce((sum, i) => sum + i.fitness, 0) / finite.length : NaN;
  return { generation, best: population[0].fitness, mean, bestSize: population[0].size };
}
