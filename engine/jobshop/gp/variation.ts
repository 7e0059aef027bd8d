/**
 * The variation operators of tree GP: subtree crossover, subtree mutation and point mutation. Each returns new
 * trees (parents are shared, never changed) and keeps children within the depth limit, so the population can
 * never bloat past it.
 */

import type { Rng } from '../../core/rng';
import { nodeAt, OPERATORS, operatorIndices, replaceAt, treeDepth, treeSize, type RuleExpr } from './expression';
import { growTree, randomConstant, type PrimitiveSet } from './generate';

/** Koza's 90/10 rule: a crossover point is an operator node 90% of the time, so crossover moves real structure. */
const OPERATOR_POINT_PROBABILITY = 0.9;
/** Attempts at a crossover that fits the depth limit before a child falls back to a copy of its parent. */
const CROSSOVER_ATTEMPTS = 5;
/** The deepest subtree a mutation grows (fewer when the limit leaves less room at that point). */
const MUTATION_DEPTH = 4;

/** A crossover point: an operator node with probability 0.9 when there is one, else a leaf. */
function crossoverPoint(tree: RuleExpr, rng: Rng): number {
  const operators = operatorIndices(tree);
  const size = treeSize(tree);
  if (operators.length > 0 && rng.next() < OPERATOR_POINT_PROBABILITY) return operators[rng.int(0, operators.length - 1)];
  const isOperator = new Set(operators);
  const leaves: number[] = [];
  for (let i = 0; i < size; i++) if (!isOperator.has(i)) leaves.push(i);
  return leaves[rng.int(0, leaves.length - 1)];
}

/**
 * Subtree crossover: swaps a random subtree of each parent. A child deeper than `maxDepth` is retried with new
 * points, and after a few attempts is a copy of its parent (Koza's rule), so both children always fit.
 */
export function subtreeCrossover(first: RuleExpr, second: RuleExpr, rng: Rng, maxDepth: number): [RuleExpr, RuleExpr] {
  let childA: RuleExpr | undefined;
  let childB: RuleExpr | undefined;
  for (let attempt = 0; attempt < CROSSOVER_ATTEMPTS && (childA === undefined || childB === undefined); attempt++) {
    const i = crossoverPoint(first, rng);
    const j = crossoverPoint(second, rng);
    const fromFirst = nodeAt(first, i).node;
    const fromSecond = nodeAt(second, j).node;
    if (childA === undefined) {
      const candidate = replaceAt(first, i, fromSecond);
      if (treeDepth(candidate) <= maxDepth) childA = candidate;
    }
    if (childB === undefined) {
      const candidate = replaceAt(second, j, fromFirst);
      if (treeDepth(candidate) <= maxDepth) childB = candidate;
    }
  }
  return [childA ?? first, childB ?? second];
}

/** Subtree mutation: a random node is replaced by a freshly grown subtree that fits the depth limit there. */
export function subtreeMutation(tree: RuleExpr, rng: Rng, set: PrimitiveSet, maxDepth: number): RuleExpr {
  const index = rng.int(0, treeSize(tree) - 1);
  const { level } = nodeAt(tree, index);
  const room = Math.max(1, Math.min(MUTATION_DEPTH, maxDepth - level + 1));
  return replaceAt(tree, index, growTree(rng, set, room));
}

/**
 * Point mutation: one random node changes in place, keeping the shape: an operator becomes another operator, a
 * feature another feature, a constant a new constant. The depth never changes.
 */
export function pointMutation(tree: RuleExpr, rng: Rng, set: PrimitiveSet): RuleExpr {
  const index = rng.int(0, treeSize(tree) - 1);
  const { node } = nodeAt(tree, index);
  return replaceAt(tree, index, mutatePoint(node, rng, set));
}

function mutatePoint(node: RuleExpr, rng: Rng, set: PrimitiveSet): RuleExpr {
  switch (node.kind) {
    case 'op':
      return { ...node, op: otherThan(OPERATORS, node.op, rng) };
    case 'constant':
      return { kind: 'constant', value: randomConstant(rng) };
    case 'feature':
      // With a single feature there is nothing else to read; a constant is the only other terminal.
      if (set.features.length > 1) return { kind: 'feature', name: otherThan(set.features, node.name, rng) };
      return set.constants ? { kind: 'constant', value: randomConstant(rng) } : node;
  }
}

/** A uniformly random element of `choices` other than `current`; `current` itself when there is no other. */
function otherThan<T>(choices: readonly T[], current: T, rng: Rng): T {
  const others = choices.filter((c) => c !== current);
  return others.length === 0 ? current : others[rng.int(0, others.length - 1)];
}
