/**
 * Evaluating a rule directly, without writing and compiling source: the tree is turned once into nested closures
 * (one per node), so the hot path — one call per candidate, hundreds of thousands per run — walks no data
 * structure and allocates nothing.
 */

import type { Candidate, JobShopPolicy, JobShopView } from '../policy-api';
import { applyOperator, ruleToString, type RuleExpr } from './expression';
import { featureSpec } from './features';

/** A compiled rule: the priority of one candidate, lowest first. */
export type RuleFunction = (c: Candidate, view: JobShopView) => number;

/**
 * NaN (only reachable through overflow, e.g. Infinity - Infinity) would stop the run, since the engine refuses a
 * NaN priority; it sends the candidate last instead. The written source applies the same guard.
 */
export function orLast(value: number): number {
  return value === value ? value : Infinity;
}

/** The rule as a priority function (with the NaN guard at the root). Throws on an unknown feature or operator. */
export function compileRule(expr: RuleExpr): RuleFunction {
  const body = compileNode(expr);
  return (c, view) => orLast(body(c, view));
}

function compileNode(expr: RuleExpr): RuleFunction {
  switch (expr.kind) {
    case 'feature':
      return featureSpec(expr.name).read;
    case 'constant': {
      const value = expr.value;
      if (!Number.isFinite(value)) throw new Error(`rule constant ${value} is not a finite number`);
      return () => value;
    }
    case 'op': {
      const left = compileNode(expr.left);
      const right = compileNode(expr.right);
      // One closure per operator rather than a switch per call: the dispatch happens once, here.
      switch (expr.op) {
        case '+':
          return (c, v) => left(c, v) + right(c, v);
        case '-':
          return (c, v) => left(c, v) - right(c, v);
        case '*':
          return (c, v) => left(c, v) * right(c, v);
        case '/':
        case 'min':
        case 'max': {
          const op = expr.op;
          return (c, v) => applyOperator(op, left(c, v), right(c, v));
        }
        default:
          throw new Error(`unknown rule operator "${String((expr as { op: unknown }).op)}"`);
      }
    }
    default:
      throw new Error(`unknown rule node kind "${String((expr as { kind: unknown }).kind)}"`);
  }
}

/** Metadata for a rule turned into a policy. */
export interface RulePolicyMeta {
  readonly id?: string;
  readonly label?: string;
  readonly description?: string;
}

/** The rule as a job-shop policy object, ready for `simulate`: the tree evaluated directly. */
export function ruleToPolicy(expr: RuleExpr, meta: RulePolicyMeta = {}): JobShopPolicy {
  return {
    id: meta.id ?? 'gp-rule',
    label: meta.label ?? 'GP rule',
    description: meta.description ?? `Evolved priority rule: ${ruleToString(expr)}`,
    priority: compileRule(expr),
  };
}
