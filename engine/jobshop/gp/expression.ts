/**
 * Priority-rule expressions for genetic programming: plain-data trees (they cross the worker boundary and go into
 * the database as they are) over the candidate features of features.ts, combined by binary operators.
 *
 * Nodes are addressed by their pre-order index (root 0), which is what variation picks at random; every helper
 * here is pure and returns new trees, so an individual of one generation is never changed by the next.
 */

import type { FeatureName } from './features';

/** The operators: + - * protected division, min and max. All binary, so a tree is a full binary tree. */
export const OPERATORS = ['+', '-', '*', '/', 'min', 'max'] as const;
export type Operator = (typeof OPERATORS)[number];

/** A priority rule: a feature read, a constant, or an operator over two sub-rules. */
export type RuleExpr =
  | { readonly kind: 'feature'; readonly name: FeatureName }
  | { readonly kind: 'constant'; readonly value: number }
  | { readonly kind: 'op'; readonly op: Operator; readonly left: RuleExpr; readonly right: RuleExpr };

/**
 * Protected division (Koza 1992): a / 0 is 1, so every rule is defined everywhere and evolution never has to learn
 * to avoid a zero divisor. The written policy source uses the same definition.
 */
export function protectedDivide(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

/** Applies one operator to two values, exactly as the written policy source does. */
export function applyOperator(op: Operator, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return protectedDivide(a, b);
    case 'min':
      return Math.min(a, b);
    case 'max':
      return Math.max(a, b);
  }
}

/** Number of nodes. */
export function treeSize(expr: RuleExpr): number {
  return expr.kind === 'op' ? 1 + treeSize(expr.left) + treeSize(expr.right) : 1;
}

/** Depth counted in nodes on the longest root-to-leaf path: a lone feature or constant has depth 1. */
export function treeDepth(expr: RuleExpr): number {
  return expr.kind === 'op' ? 1 + Math.max(treeDepth(expr.left), treeDepth(expr.right)) : 1;
}

/** The subtree at pre-order index `index`, and its level (the root is at level 1). */
export function nodeAt(expr: RuleExpr, index: number): { node: RuleExpr; level: number } {
  let remaining = index;
  let level = 1;
  let node = expr;
  while (remaining > 0) {
    if (node.kind !== 'op') throw new RangeError(`node ${index} is outside a tree of ${treeSize(expr)} nodes`);
    remaining--;
    level++;
    const leftSize = treeSize(node.left);
    if (remaining < leftSize) {
      node = node.left;
    } else {
      remaining -= leftSize;
      node = node.right;
    }
  }
  return { node, level };
}

/** A copy of `expr` with the subtree at pre-order index `index` replaced by `replacement`. */
export function replaceAt(expr: RuleExpr, index: number, replacement: RuleExpr): RuleExpr {
  if (index === 0) return replacement;
  if (expr.kind !== 'op') throw new RangeError(`node ${index} is outside the tree`);
  const leftSize = treeSize(expr.left);
  if (index - 1 < leftSize) return { ...expr, left: replaceAt(expr.left, index - 1, replacement) };
  return { ...expr, right: replaceAt(expr.right, index - 1 - leftSize, replacement) };
}

/** Pre-order indices of the operator nodes (crossover prefers them, as in Koza's 90/10 rule). */
export function operatorIndices(expr: RuleExpr): number[] {
  const indices: number[] = [];
  let index = 0;
  const visit = (node: RuleExpr): void => {
    if (node.kind === 'op') indices.push(index);
    index++;
    if (node.kind === 'op') {
      visit(node.left);
      visit(node.right);
    }
  };
  visit(expr);
  return indices;
}

/** The features a rule reads, each once, in first-use order. */
export function featuresUsed(expr: RuleExpr): FeatureName[] {
  const seen = new Set<FeatureName>();
  const visit = (node: RuleExpr): void => {
    if (node.kind === 'feature') seen.add(node.name);
    else if (node.kind === 'op') {
      visit(node.left);
      visit(node.right);
    }
  };
  visit(expr);
  return [...seen];
}

/**
 * A number as source text that reads back as the same double (String() round-trips), in parentheses when negative
 * so `a - -1` never appears.
 */
export function formatConstant(value: number): string {
  const text = String(value);
  return value < 0 ? `(${text})` : text;
}

/**
 * The rule as one line of infix arithmetic, for tables and tooltips: `min(processingTime, slack) / (2 + opsRemaining)`.
 * Fully parenthesised below the root, so it reads unambiguously without precedence rules.
 */
export function ruleToString(expr: RuleExpr): string {
  return show(expr, true);
}

function show(expr: RuleExpr, root: boolean): string {
  switch (expr.kind) {
    case 'feature':
      return expr.name;
    case 'constant':
      return formatConstant(expr.value);
    case 'op': {
      const left = show(expr.left, false);
      const right = show(expr.right, false);
      if (expr.op === 'min' || expr.op === 'max') return `${expr.op}(${left}, ${right})`;
      const text = `${left} ${expr.op} ${right}`;
      return root ? text : `(${text})`;
    }
  }
}
