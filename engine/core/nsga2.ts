/**
 * NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002, IEEE Trans. Evolutionary Computation 6(2)) as an ask/tell
 * optimiser over a policy's numeric parameters. Ask/tell rather than a callback because evaluations are runs on a
 * browser worker pool: the caller asks for a batch, evaluates it however and wherever it likes, and tells the
 * objective vectors back in the same order.
 *
 * Everything random comes from one seeded stream, and a batch depends only on the state, so the same options give
 * the same points to the bit. Variation is in nsga2-variation.ts, ranking in nsga2-sort.ts, option checks in
 * nsga2-options.ts.
 */

import { crowdedCompare, crowdingDistances, fastNonDominatedSort } from './nsga2-sort';
import { clamp, polynomialMutation, simulatedBinaryCrossover, type Bounds } from './nsga2-variation';
import type { ParameterSpec } from './params';
import type { Direction } from './policy';
import { createRng, type Rng } from './rng';
import { checkNsga2Options, parameterBounds } from './nsga2-options';

/** What the optimiser needs of a parameter; a full ParameterSpec fits. */
export type SearchParameter = Pick<ParameterSpec, 'name' | 'min' | 'max' | 'integer'>;

export interface Nsga2Options {
  /** The decision variables. Integer ones stay whole; one with min == max is a constant. */
  readonly parameters: readonly SearchParameter[];
  /** One per objective, in the order of every objective vector told. */
  readonly directions: readonly Direction[];
  /** Population size N (>= 2): also the size of every batch. */
  readonly population: number;
  /** Offspring generations after the initial population (>= 0). */
  readonly generations: number;
  readonly seed: number;
  /** SBX distribution index (default 15): larger keeps children closer to their parents. */
  readonly crossoverEta?: number;
  /** Polynomial mutation distribution index (default 20): larger gives smaller steps. */
  readonly mutationEta?: number;
  /** Probability that a selected pair is crossed at all (default 0.9). */
  readonly crossoverProbability?: number;
  /** Per-variable mutation probability (default 1 / number of non-constant parameters). */
  readonly mutationProbability?: number;
}

/** An evaluated point: parameter values by name and the objective vector told for it. */
export interface Nsga2Point {
  readonly params: Record<string, number>;
  readonly objectives: readonly number[];
}

/** A member of the current population with its NSGA-II ranking. */
export interface RankedPoint extends Nsga2Point {
  /** Non-domination rank, 0 = best front. Failed points rank after every front of finite points. */
  readonly rank: number;
  /** Crowding distance within its front when it was selected (Infinity at the ends); 0 for failed points. */
  readonly crowding: number;
  /** True when an objective was NaN or +-Infinity (see `tell`). */
  readonly failed: boolean;
}

/** The ask/tell optimiser returned by `createNsga2`. */
export interface Nsga2 {
  /**
   * The parameter points of the next batch: the initial population first, then each generation's offspring.
   * Asking again before `tell` returns the same batch. Throws once `done`.
   */
  ask(): Record<string, number>[];
  /**
   * One objective vector per asked point, in the same order. Throws, naming the counts, when the number of vectors
   * or of objectives in one is wrong, or a value is not a number. NaN and +-Infinity are accepted and mark the
   * point as failed (an evaluation that crashed or timed out): it is worse than every finite point in every
   * direction, never on `front()`, and is kept only if the population cannot be filled otherwise.
   */
  tell(objectives: readonly (readonly number[])[]): void;
  /** True once the last generation's offspring have been told. */
  readonly done: boolean;
  /** Generation of the current population: 0 after the initial population is told, g after g offspring batches. */
  readonly generation: number;
  /** The current population's rank-0 points that did not fail: the approximation of the Pareto front. */
  front(): Nsga2Point[];
  /** The current population (empty before the first tell), best ranked first. */
  population(): RankedPoint[];
}

interface Member {
  readonly values: readonly number[];
  objectives: readonly number[];
  failed: boolean;
  rank: number;
  crowding: number;
}

/** Creates an NSGA-II optimiser; see `Nsga2` for the protocol. Throws on options that cannot work. */
export function createNsga2(options: Nsga2Options): Nsga2 {
  checkNsga2Options(options);
  const { parameters, directions, population: size, generations } = options;
  const bounds = parameters.map(parameterBounds);
  const integer = parameters.map((p) => p.integer === true);
  const variable = bounds.filter((b) => b.low < b.high).length;
  const crossoverEta = options.crossoverEta ?? 15;
  const mutationEta = options.mutationEta ?? 20;
  const crossoverProbability = options.crossoverProbability ?? 0.9;
  const mutationProbability = options.mutationProbability ?? (variable > 0 ? 1 / variable : 0);
  const rng = createRng(options.seed).split('nsga2');

  let current: Member[] = [];
  let pending: number[][] | undefined;
  let told = 0;

  const toParams = (values: readonly number[]): Record<string, number> =>
    Object.fromEntries(parameters.map((p, i) => [p.name, values[i]]));
  const isDone = (): boolean => told > generations;

  const nextBatch = (): number[][] =>
    told === 0
      ? Array.from({ length: size }, () => randomPoint(bounds, integer, rng))
      : offspring(current, size, bounds, integer, rng, { crossoverEta, mutationEta, crossoverProbability, mutationProbability });

  return {
    ask() {
      if (isDone()) throw new Error(`NSGA-II is done: all ${generations} generations have been told`);
      pending ??= nextBatch();
      return pending.map(toParams);
    },
    tell(objectives) {
      if (isDone()) throw new Error(`NSGA-II is done: all ${generations} generations have been told`);
      if (pending === undefined) throw new Error('tell() before ask(): ask for a batch, evaluate it, then tell its objectives');
      const evaluated = checkObjectives(objectives, pending.length, directions.length);
      const batch = pending.map((values, i): Member => ({ values, ...evaluated[i], rank: 0, crowding: 0 }));
      current = told === 0 ? rankInPlace(batch, directions).flat() : select([...current, ...batch], size, directions);
      pending = undefined;
      told++;
    },
    get done() {
      return isDone();
    },
    get generation() {
      return Math.max(0, told - 1);
    },
    front() {
      return current
        .filter((m) => m.rank === 0 && !m.failed)
        .map((m) => ({ params: toParams(m.values), objectives: [...m.objectives] }));
    },
    population() {
      return current.map((m) => ({
        params: toParams(m.values),
        objectives: [...m.objectives],
        rank: m.rank,
        crowding: m.crowding,
        failed: m.failed,
      }));
    },
  };
}

function randomPoint(bounds: readonly Bounds[], integer: readonly boolean[], rng: Rng): number[] {
  return bounds.map(({ low, high }, i) => {
    if (low === high) return low;
    return integer[i] ? rng.int(low, high) : low + rng.next() * (high - low);
  });
}

interface Variation {
  readonly crossoverEta: number;
  readonly mutationEta: number;
  readonly crossoverProbability: number;
  readonly mutationProbability: number;
}

/** N children: binary tournaments pick parent pairs, SBX crosses them, polynomial mutation perturbs the children. */
function offspring(
  parents: readonly Member[],
  size: number,
  bounds: readonly Bounds[],
  integer: readonly boolean[],
  rng: Rng,
  variation: Variation,
): number[][] {
  const children: number[][] = [];
  while (children.length < size) {
    const first = parents[tournament(parents, rng)].values;
    const second = parents[tournament(parents, rng)].values;
    const pair = simulatedBinaryCrossover(first, second, bounds, variation.crossoverEta, variation.crossoverProbability, rng);
    for (const child of pair) {
      polynomialMutation(child, bounds, variation.mutationEta, variation.mutationProbability, rng);
      // Integers vary as reals and are rounded afterwards, so SBX and mutation need no integer forms.
      integer.forEach((whole, i) => {
        if (whole) child[i] = clamp(Math.round(child[i]), bounds[i].low, bounds[i].high);
      });
      // An odd N drops the second child of the last pair.
      if (children.length < size) children.push(child);
    }
  }
  return children;
}

/** Binary tournament on (rank, crowding) between two different members; a tie is a coin toss. */
function tournament(members: readonly Member[], rng: Rng): number {
  const a = rng.int(0, members.length - 1);
  let b = rng.int(0, members.length - 2);
  if (b >= a) b++;
  const order = crowdedCompare(members[a].rank, members[a].crowding, members[b].rank, members[b].crowding);
  if (order !== 0) return order < 0 ? a : b;
  return rng.next() < 0.5 ? a : b;
}

/**
 * (mu + lambda) environmental selection: whole fronts of parents and children together, best first, while they
 * fit; the front that does not fit is cut by crowding distance, largest first (ties keep their order).
 */
function select(merged: Member[], size: number, directions: readonly Direction[]): Member[] {
  const chosen: Member[] = [];
  for (const front of rankInPlace(merged, directions)) {
    if (chosen.length + front.length <= size) {
      chosen.push(...front);
    } else {
      // Not b - a: two Infinity ends would give NaN.
      const byCrowding = [...front].sort((a, b) => crowdedCompare(0, a.crowding, 0, b.crowding));
      chosen.push(...byCrowding.slice(0, size - chosen.length));
    }
    if (chosen.length === size) break;
  }
  return chosen;
}

/**
 * Sets rank and crowding on every member and returns the fronts, best first, members in input order. Failed
 * members form one last front with crowding 0: they are never preferred to a point that was evaluated.
 */
function rankInPlace(members: Member[], directions: readonly Direction[]): Member[][] {
  const finite = members.filter((m) => !m.failed);
  const fronts = fastNonDominatedSort(finite.map((m) => m.objectives), directions).map((front) => front.map((i) => finite[i]));
  fronts.forEach((front, rank) => {
    const crowding = crowdingDistances(front.map((m) => m.objectives));
    front.forEach((m, i) => {
      m.rank = rank;
      m.crowding = crowding[i];
    });
  });
  const failed = members.filter((m) => m.failed);
  failed.forEach((m) => {
    m.rank = fronts.length;
    m.crowding = 0;
  });
  return failed.length > 0 ? [...fronts, failed] : fronts;
}

function checkObjectives(
  objectives: readonly (readonly number[])[],
  expected: number,
  dimension: number,
): { objectives: number[]; failed: boolean }[] {
  if (!Array.isArray(objectives) || objectives.length !== expected) {
    const got = Array.isArray(objectives) ? `${objectives.length} objective vectors` : String(objectives);
    throw new Error(`tell() got ${got} for ${expected} asked points; give one objective vector per point, in order`);
  }
  return objectives.map((vector, i) => {
    if (!Array.isArray(vector) || vector.length !== dimension) {
      const got = Array.isArray(vector) ? `${vector.length} objectives` : String(vector);
      throw new Error(`tell(): point ${i} has ${got}; expected ${dimension}, one per direction`);
    }
    const bad = vector.findIndex((value) => typeof value !== 'number');
    if (bad >= 0) throw new TypeError(`tell(): point ${i} objective ${bad} is ${typeof vector[bad]}; expected a number`);
    return { objectives: [...vector], failed: vector.some((value) => !Number.isFinite(value)) };
  });
}
