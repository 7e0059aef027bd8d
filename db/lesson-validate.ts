/**
 * Server-side checks of a lesson spec (issue 7): the schema first (db/lesson-spec.ts), then what only the engine
 * knows — scenario ids and generators, run options, built-in policy ids, metric names. Every problem comes back as
 * {path, message} with the path in the payload's terms (`spec.scenarios[0]`), so a teacher's form can point at it.
 *
 * Scenario entries are checked by the sweep expander's own check (sweep-expand.ts `scenarioOf`): a lesson's run is
 * built by the same code as a sweep's, so the two must accept the same entries.
 */
import type { z } from 'zod';
import { findEngine } from '../engine';
import { findBuiltinPolicy as findVmPolicy, policyModes } from '../engine/vm/policies';
import { LessonSpecSchema, type LessonSpec } from './lesson-spec';
import { scenarioOf, type Issue, type SweepScenario } from './sweep-expand';
import { SWEEP_OPTION_SCHEMAS, builtinPolicies, findBuiltin, type VmSweepOptions } from './sweep-options';
import { formatPath, type ScenarioEntry, type SweepEngineId } from './sweep-spec';

export type LessonIssue = Issue;

export type LessonValidation = { readonly ok: true; readonly spec: LessonSpec } | { readonly ok: false; readonly issues: readonly LessonIssue[] };

/** A lesson that failed validation; `issues` name each problem. */
export class LessonSpecError extends Error {
  readonly issues: readonly LessonIssue[];
  constructor(issues: readonly LessonIssue[]) {
    super(`invalid lesson: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`);
    this.name = 'LessonSpecError';
    this.issues = issues;
  }
}

const join = (prefix: string, path: string): string => (prefix === '' ? path : path === '' ? prefix : path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`);

/** Schema issues as {path, message}; a union's "invalid input" is replaced by its closest branch's issues. */
function schemaIssues(error: z.ZodError, prefix: string): LessonIssue[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branch = issue.errors.reduce((best, errors) => (errors.length > 0 && (best.length === 0 || errors[0].path.length > best[0].path.length) ? errors : best), [] as (typeof issue.errors)[number]);
      if (branch.length > 0) return branch.map((inner) => ({ path: join(prefix, formatPath([...issue.path, ...inner.path])), message: inner.message }));
    }
    return [{ path: join(prefix, formatPath(issue.path)), message: issue.message }];
  });
}

// Postgres jsonb cannot hold U+0000, and a lone surrogate would be replaced on the way into UTF-8, so the stored spec
// would no longer hash to its id. Refused here with the path, as db/payloads.ts `text()` does for experiments.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// No lesson nests anywhere near this deep (an inline scenario is about five levels); a body that does is refused
// here rather than allowed to exhaust the stack of this recursive walk.
const MAX_DEPTH = 64;
function textIssues(value: unknown, at: string, issues: LessonIssue[], depth = 0): void {
  if (depth > MAX_DEPTH) {
    issues.push({ path: at, message: `is nested more than ${MAX_DEPTH} levels deep` });
  } else if (typeof value === 'string') {
    if (value.includes('\u0000')) issues.push({ path: at, message: 'must not contain the NUL character (U+0000)' });
    else if (LONE_SURROGATE.test(value)) issues.push({ path: at, message: 'must be well-formed Unicode (no lone surrogate)' });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => textIssues(item, `${at}[${i}]`, issues, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const path = `${at}.${key}`;
      textIssues(key, path, issues, depth + 1);
      textIssues(item, path, issues, depth + 1);
    }
  }
}

function known(ids: readonly string[]): string {
  return `${ids.slice(0, 16).join(', ')}${ids.length > 16 ? ', ...' : ''}`;
}

function checkPolicyId(engine: SweepEngineId, id: string, at: string, mode: 'rescheduling' | 'placement', issues: LessonIssue[]): void {
  const found = findBuiltin(engine, id);
  if (!found) {
    issues.push({ path: at, message: `unknown ${engine} policy "${id}" (known: ${known(builtinPolicies(engine).map((p) => p.id))})` });
    return;
  }
  // A VM policy answers either rescheduling or placement (or both); one that cannot run in the lesson's mode would
  // fail every run of it.
  const vmPolicy = engine === 'vm' ? findVmPolicy(found.id) : undefined;
  if (vmPolicy && !policyModes(vmPolicy).includes(mode)) issues.push({ path: at, message: `VM policy "${found.id}" cannot run in ${mode} mode (it runs in ${policyModes(vmPolicy).join(', ')})` });
}

function checkScenarios(engine: SweepEngineId, entries: readonly ScenarioEntry[], at: string, issues: LessonIssue[]): SweepScenario[] {
  const resolved: SweepScenario[] = [];
  entries.forEach((entry, i) => {
    const scenario = scenarioOf(engine, entry, `${at}[${i}]`, issues);
    if (scenario) resolved.push(scenario);
  });
  return resolved;
}

function checkMetric(engine: SweepEngineId, name: string, at: string, issues: LessonIssue[]): void {
  const metrics = Object.keys(findEngine(engine)!.metrics);
  if (!metrics.includes(name)) issues.push({ path: at, message: `unknown ${engine} metric "${name}" (metrics: ${known(metrics)})` });
}

/** The engine checks of a spec that passed the schema; `prefix` is where the spec sits in the payload. */
function engineIssues(spec: LessonSpec, prefix: string): LessonIssue[] {
  const issues: LessonIssue[] = [];
  const at = (path: string) => join(prefix, path);
  const { engine } = spec;
  checkScenarios(engine, spec.scenarios, at('scenarios'), issues);
  const options = SWEEP_OPTION_SCHEMAS[engine].safeParse(spec.options);
  if (!options.success) issues.push(...schemaIssues(options.error, at('options')));
  const mode = engine === 'vm' && options.success ? ((options.data as VmSweepOptions).mode ?? 'rescheduling') : 'rescheduling';
  if ('builtin' in spec.starter) checkPolicyId(engine, spec.starter.builtin, at('starter.builtin'), mode, issues);
  spec.compare.forEach((id, i) => checkPolicyId(engine, id, at(`compare[${i}]`), mode, issues));
  spec.hidden.metrics.forEach((name, i) => checkMetric(engine, name, at(`hidden.metrics[${i}]`), issues));
  const { challenge } = spec;
  if (challenge) {
    checkMetric(engine, challenge.objective, at('challenge.objective'), issues);
    if (spec.hidden.metrics.includes(challenge.objective)) issues.push({ path: at('challenge.objective'), message: `the objective "${challenge.objective}" is hidden (hidden.metrics): students could not see what they are ranked by` });
    if (challenge.scenarios) checkScenarios(engine, challenge.scenarios, at('challenge.scenarios'), issues);
  }
  return issues;
}

/** Parses and checks a lesson spec (the JSON value); `prefix` names the spec in the payload (default `spec`). */
export function validateLessonSpec(value: unknown, prefix = 'spec'): LessonValidation {
  const text: LessonIssue[] = [];
  textIssues(value, prefix, text);
  if (text.length > 0) return { ok: false, issues: text };
  const parsed = LessonSpecSchema.safeParse(value);
  if (!parsed.success) return { ok: false, issues: schemaIssues(parsed.error, prefix) };
  const issues = engineIssues(parsed.data, prefix);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, spec: parsed.data };
}

/** validateLessonSpec that throws LessonSpecError; for code that holds a spec it expects to be valid. */
export function parseLessonSpec(value: unknown, prefix = 'spec'): LessonSpec {
  const result = validateLessonSpec(value, prefix);
  if (!result.ok) throw new LessonSpecError(result.issues);
  return result.spec;
}

/** Problems with a built-in policy id submitted to (or offered by) a lesson: unknown, or not for its VM mode. */
export function builtinPolicyIssues(spec: LessonSpec, id: string, at: string): LessonIssue[] {
  const issues: LessonIssue[] = [];
  const options = SWEEP_OPTION_SCHEMAS[spec.engine].safeParse(spec.options);
  const mode = spec.engine === 'vm' && options.success ? ((options.data as VmSweepOptions).mode ?? 'rescheduling') : 'rescheduling';
  checkPolicyId(spec.engine, id, at, mode, issues);
  return issues;
}

/** The direction the objective ranks in (the engine's metric direction). */
export function objectiveDirection(engine: SweepEngineId, objective: string): 'min' | 'max' {
  const metric = (findEngine(engine)!.metrics as Readonly<Record<string, { readonly direction: 'min' | 'max' }>>)[objective];
  return metric?.direction ?? 'min';
}
