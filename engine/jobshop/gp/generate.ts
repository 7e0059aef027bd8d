/**
 * Random rule trees: Koza's grow and full methods, and ramped half-and-half for the initial population. All draws
 * come from the stream passed in, so a population depends only on the seed.
 */

import type { Rng } from '../../core/rng';
import { OPERATORS, ruleToString, type RuleExpr } from './expression';
import type { FeatureName } from './features';

/** The primitive set a tree is drawn from. */
export interface PrimitiveSet {
  /** Terminal features (at least one). */
  readonly features: readonly FeatureName[];
  /** Whether random constants are terminals too (one more terminal beside the features). */
  readonly constants: boolean;
}

/**
 * A random constant in [-1, 1] with two decimals: short enough to read in a written policy, and a scale the
 * operators can stretch (`processingTime * 0.35`). Never -0, which would print as 0 but compare differently.
 */
export function randomConstant(rng: Rng): number {
  const value = Math.round((rng.next() * 2 - 1) * 100) / 100;
  return value === 0 ? 0 : value;
}

/** A random terminal: one of the features, or (as one more choice) a constant. */
export function randomLeaf(rng: Rng, set: PrimitiveSet): RuleExpr {
  const choices = set.features.length + (set.constants ? 1 : 0);
  const pick = rng.int(0, choices - 1);
  if (pick === set.features.length) return { kind: 'constant', value: randomConstant(rng) };
  return { kind: 'feature', name: set.features[pick] };
}

/**
 * Grow: each node below the depth limit is drawn from all primitives (operators and terminals alike), so trees
 * come in varied shapes and sizes up to `depth` levels.
 */
export function growTree(rng: Rng, set: PrimitiveSet, depth: number): RuleExpr {
  const terminals = set.features.length + (set.constants ? 1 : 0);
  if (depth <= 1 || rng.int(0, terminals + OPERATORS.length - 1) < terminals) return randomLeaf(rng, set);
  return randomOperatorNode(rng, set, depth, growTree);
}

/** Full: operators down to the depth limit, terminals only there, so every leaf is at exactly `depth`. */
export function fullTree(rng: Rng, set: PrimitiveSet, depth: number): RuleExpr {
  if (depth <= 1) return randomLeaf(rng, set);
  return randomOperatorNode(rng, set, depth, fullTree);
}

function randomOperatorNode(
  rng: Rng,
  set: PrimitiveSet,
  depth: number,
  child: (rng: Rng, set: PrimitiveSet, depth: number) => RuleExpr,
): RuleExpr {
  const op = OPERATORS[rng.int(0, OPERATORS.length - 1)];
  const left = child(rng, set, depth - 1);
  const right = child(rng, set, depth - 1);
  return { kind: 'op', op, left, right };
}

/** How many times a duplicate initial tree is redrawn before it is accepted anyway (tiny primitive sets). */
const DUPLICATE_RETRIES = 20;

/**
 * Ramped half-and-half (Koza 1992): depths cycle through minDepth..maxDepth and each depth alternates full and grow,
 * so the first generation has every shape. Duplicates are redrawn, because copies only waste evaluations.
 */
export function rampedHalfAndHalf(rng: Rng, set: PrimitiveSet, count: number, minDepth: number, maxDepth: number): RuleExpr[] {
  const trees: RuleExpr[] = [];
  const seen = new Set<string>();
  const depths = maxDepth - minDepth + 1;
  for (let i = 0; i < count; i++) {
    const depth = minDepth + (Math.floor(i / 2) % depths);
    const method = i % 2 === 0 ? fullTree : growTree;
    let tree = method(rng, set, depth);
    for (let retry = 0; retry < DUPLICATE_RETRIES && seen.has(ruleToString(tree)); retry++) tree = method(rng, set, depth);
    seen.add(ruleToString(tree));
    trees.push(tree);
  }
  return trees;
}
