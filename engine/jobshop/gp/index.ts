/**
 * Genetic programming of job-shop priority rules (tree GP over the candidate features of the public policy view).
 *
 * - `createGpSearch`: ask/tell search, for evaluating rules elsewhere (a browser worker pool);
 * - `evolvePriorityRule`: the same search evaluating every rule in-process with `simulate`;
 * - `ruleToPolicy` / `compileRule`: a rule as a policy object, evaluated directly;
 * - `ruleToPolicySource`: a rule as a policy file for the editor; `ruleToString`: one line for display.
 */

export { OPERATORS, protectedDivide, ruleToString, treeDepth, treeSize } from './expression';
export type { Operator, RuleExpr } from './expression';
export { FEATURES, FEATURE_NAMES } from './features';
export type { FeatureName, FeatureSpec } from './features';
export { compileRule, ruleToPolicy } from './evaluate';
export type { RuleFunction, RulePolicyMeta } from './evaluate';
export { ruleToPolicySource } from './policy-source';
export type { PolicySourceOptions } from './policy-source';
export { createGpSearch } from './search';
export type { GpGenerationStats, GpSearch, GpSearchOptions, ScoredRule } from './search';
export { evolvePriorityRule, GP_OBJECTIVES, ruleFitness } from './evolve';
export type { EvolveOptions, EvolvedRule, GpObjective } from './evolve';
