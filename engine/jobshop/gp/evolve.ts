/**
 * The in-process form of the GP search: every rule is evaluated by running it with `simulate` on each training
 * instance, and its fitness is the mean of one metric over them. Synchronous, for the CLI, tests and small runs;
 * a browser drives `createGpSearch` itself and evaluates each asked rule as a user policy on its worker pool.
 */

import { METRICS, type MetricName } from '../metrics';
import type { JobShopInstance } from '../model';
import type { Scheme } from '../run-types';
import { SCHEMES } from '../run-types';
import { simulate } from '../simulate';
import { ruleToPolicy } from './evaluate';
import { ruleToString, type RuleExpr } from './expression';
import { createGpSearch, type GpGenerationStats, type GpSearchOptions, type ScoredRule } from './search';

type MinimisedMetric = { [K in MetricName]: (typeof METRICS)[K]['direction'] extends 'min' ? K : never }[MetricName];

/**
 * Metrics a rule can be evolved for: every minimised job-shop metric except the two that no rule can change
 * (the decision count and the published bound).
 */
export type GpObjective = Exclude<MinimisedMetric, 'decisions' | 'bestKnownBound'>;

/** The objectives, for pickers and checks. */
export const GP_OBJECTIVES: readonly GpObjective[] = (Object.keys(METRICS) as MetricName[]).filter(
  (name): name is GpObjective => METRICS[name].direction === 'min' && name !== 'decisions' && name !== 'bestKnownBound',
);

/** Options of `evolvePriorityRule`: the search's options plus what to train on. */
export interface EvolveOptions extends GpSearchOptions {
  /** Training instances (at least one); the fitness is the mean objective over them. */
  readonly instances: readonly JobShopInstance[];
  readonly objective: GpObjective;
  /** Schedule-generation scheme of every evaluation (default 'active'). */
  readonly scheme?: Scheme;
}

/** What a search found. */
export interface EvolvedRule extends ScoredRule {
  /** Summary per generation; `history[0].best` is the best of the initial population. */
  readonly history: readonly GpGenerationStats[];
  /** Simulations run (rules seen before are not run again). */
  readonly simulations: number;
}

/**
 * The mean of `objective` over the instances when `rule` sets the priorities. Throws when an instance does not
 * report the objective (tardiness metrics need due dates; gapToBest needs a published instance).
 */
export function ruleFitness(rule: RuleExpr, instances: readonly JobShopInstance[], objective: GpObjective, scheme: Scheme = 'active'): number {
  const policy = ruleToPolicy(rule);
  let total = 0;
  for (const instance of instances) {
    // Rules draw no random numbers; the seed is fixed so every evaluation is the same run.
    const value = simulate(instance, policy, { scheme, seed: 1 }).metrics[objective];
    if (value === undefined) {
      throw new Error(`instance "${instance.name}" does not report ${objective} (${METRICS[objective].description})`);
    }
    total += value;
  }
  return total / instances.length;
}

/** Evolves a priority rule by tree GP; deterministic from the options. */
export function evolvePriorityRule(options: EvolveOptions): EvolvedRule {
  const { instances, objective } = options;
  const scheme = options.scheme ?? 'active';
  if (instances.length === 0) throw new Error('evolvePriorityRule needs at least one training instance');
  if (!GP_OBJECTIVES.includes(objective)) {
    throw new Error(`objective "${String(objective)}" cannot be evolved for; expected one of ${GP_OBJECTIVES.join(', ')}`);
  }
  if (!SCHEMES.includes(scheme)) throw new Error(`unknown scheme "${String(scheme)}"; expected one of ${SCHEMES.join(', ')}`);
  const search = createGpSearch(options);
  // The printed rule is an exact key (constants round-trip), and runs are deterministic, so a rule seen before
  // (crossover and reproduction make many) keeps its fitness instead of being simulated again.
  const known = new Map<string, number>();
  let simulations = 0;
  while (!search.done) {
    const fitness = search.ask().map((rule) => {
      const key = ruleToString(rule);
      let value = known.get(key);
      if (value === undefined) {
        value = ruleFitness(rule, instances, objective, scheme);
        simulations += instances.length;
        known.set(key, value);
      }
      return value;
    });
    search.tell(fitness);
  }
  const best = search.best()!;
  return { rule: best.rule, fitness: best.fitness, history: search.history(), simulations };
}
