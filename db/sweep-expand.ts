/**
 * Expanding a resolved sweep spec into its runs, in a fixed order, each with a run key: the sha-256 of everything
 * that determines its result (engine id and version, scenario, policy source or built-in id, parameters, seed,
 * options; DESIGN §4). Labels and file names are left out, so renaming a file does not re-run it.
 *
 * The same spec always expands to the same list, on any machine: that is what lets a killed sweep resume (skip the
 * keys already stored) and a queue worker find its run from (sweep id, position) and check it by key. Server side
 * only (node:crypto); the schema itself is sweep-spec.ts.
 */
import { findEngine } from '../engine';
import { createRng } from '../engine/core/rng';
import { contentHash } from './content-hash';
import { JobShopInstanceSchema } from './payloads';
import { SWEEP_GENERATORS, SWEEP_OPTION_SCHEMAS, findBuiltin, scenarioIds } from './sweep-options';
import { SweepSpecError, formatPath, type ParamSweep, type PolicyEntry, type ScenarioEntry, type SweepEngineId, type SweepSpec, SWEEP_LIMITS } from './sweep-spec';

/** A scenario as a run needs it: exactly one source, and the label results are shown under. */
export interface SweepScenario {
  readonly label: string;
  readonly id?: string;
  readonly generator?: string;
  readonly settings?: Readonly<Record<string, number | string | boolean>>;
  readonly instance?: Readonly<Record<string, unknown>>;
}

export interface SweepPolicy {
  readonly label: string;
  /** The built-in's canonical id. */
  readonly builtin?: string;
  readonly dispatch?: string;
  readonly source?: string;
  readonly fileName?: string;
}

export interface SweepRunSpec {
  /** Index in the expansion, from 0. */
  readonly position: number;
  readonly key: string;
  readonly scenario: SweepScenario;
  readonly policy: SweepPolicy;
  /** The values the spec gives; the policy's defaults fill in the rest when it runs. */
  readonly params: Readonly<Record<string, number>>;
  readonly seed: number;
  readonly options: Readonly<Record<string, unknown>>;
}

export interface ExpandedSweep {
  readonly engine: SweepEngineId;
  readonly engineVersion: string;
  readonly runs: readonly SweepRunSpec[];
}

export type Issue = { path: string; message: string };

/**
 * Checks one scenario entry against its engine and gives it as a run needs it, or undefined with the problems pushed
 * to `issues` under the path `at`. Exported for lessons (db/lesson-validate.ts), whose scenarios are sweep entries.
 */
export function scenarioOf(engine: SweepEngineId, entry: ScenarioEntry, at: string, issues: Issue[]): SweepScenario | undefined {
  const object = typeof entry === 'string' ? { id: entry } : entry;
  if (object.file !== undefined) {
    issues.push({ path: `${at}.file`, message: 'a file must be read into instance before the spec is expanded (the CLI does this)' });
    return undefined;
  }
  if (object.id !== undefined) {
    const ids = scenarioIds(engine);
    if (!ids.includes(object.id)) {
      issues.push({ path: typeof entry === 'string' ? at : `${at}.id`, message: `unknown ${engine} scenario "${object.id}" (known: ${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', ...' : ''})` });
      return undefined;
    }
    return { label: object.label ?? object.id, id: object.id };
  }
  if (object.generator !== undefined) {
    const generators = SWEEP_GENERATORS[engine];
    const required = generators[object.generator];
    if (!required) {
      issues.push({ path: `${at}.generator`, message: `unknown ${engine} generator "${object.generator}" (generators: ${Object.keys(generators).join(', ') || 'none; use a preset id'})` });
      return undefined;
    }
    const settings = object.settings ?? {};
    const missing = required.filter((name) => settings[name] === undefined);
    if (missing.length > 0) {
      issues.push({ path: `${at}.settings`, message: `generator "${object.generator}" needs ${missing.join(', ')}` });
      return undefined;
    }
    const described = Object.entries(settings).map(([k, v]) => `${k}=${v}`).join(',');
    return { label: object.label ?? `${object.generator}(${described})`, generator: object.generator, settings };
  }
  const instance = object.instance!;
  if (engine === 'jobshop') {
    const parsed = JobShopInstanceSchema.safeParse(instance);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ path: `${at}.instance${issue.path.length > 0 && typeof issue.path[0] !== 'number' ? '.' : ''}${formatPath(issue.path)}`, message: issue.message });
      return undefined;
    }
  }
  const name = typeof instance.name === 'string' ? instance.name : undefined;
  return { label: object.label ?? name ?? `inline scenario ${at}`, instance };
}

function policyOf(engine: SweepEngineId, entry: PolicyEntry, at: string, issues: Issue[]): SweepPolicy | undefined {
  const object = typeof entry === 'string' ? { builtin: entry } : entry;
  if (object.file !== undefined) {
    issues.push({ path: `${at}.file`, message: 'a policy file must be read into source before the spec is expanded (the CLI does this)' });
    return undefined;
  }
  if (object.source !== undefined) return { label: object.label ?? object.fileName ?? 'policy', source: object.source, fileName: object.fileName ?? 'policy.ts' };
  const found = findBuiltin(engine, object.builtin!);
  if (!found) {
    issues.push({ path: typeof entry === 'string' ? at : `${at}.builtin`, message: `unknown ${engine} policy "${object.builtin}"` });
    return undefined;
  }
  if (object.dispatch === undefined) return { label: object.label ?? found.id, builtin: found.id };
  if (engine !== 'llm') {
    issues.push({ path: `${at}.dispatch`, message: 'dispatch is for the llm engine' });
    return undefined;
  }
  const dispatcher = findBuiltin(engine, object.dispatch);
  if (!dispatcher) {
    issues.push({ path: `${at}.dispatch`, message: `unknown llm dispatcher "${object.dispatch}"` });
    return undefined;
  }
  return { label: object.label ?? `${found.id}+${dispatcher.id}`, builtin: found.id, dispatch: dispatcher.id };
}

/** Every combination of the listed values, keys in sorted order so the result does not depend on key order. */
function cartesian<T>(lists: Readonly<Record<string, readonly T[]>>): Record<string, T>[] {
  let points: Record<string, T>[] = [{}];
  for (const name of Object.keys(lists).sort()) points = points.flatMap((point) => lists[name].map((value) => ({ ...point, [name]: value })));
  return points;
}

function paramPoints(engine: SweepEngineId, policy: SweepPolicy, sweep: ParamSweep | undefined, at: string, issues: Issue[]): Record<string, number>[] {
  const fixed = sweep?.fixed ?? {};
  const declared = policy.builtin ? (findBuiltin(engine, policy.builtin)?.params ?? []) : undefined;
  const names = [...Object.keys(fixed), ...Object.keys(sweep?.grid ?? {}), ...Object.keys(sweep?.random?.ranges ?? {})];
  if (declared && policy.dispatch === undefined) {
    const known = new Set(declared.map((p) => p.name));
    for (const name of names) {
      if (!known.has(name)) issues.push({ path: `${at}.params`, message: `policy "${policy.builtin}" has no parameter "${name}" (parameters: ${[...known].join(', ') || 'none'})` });
    }
  }
  if (sweep?.grid) return cartesian(sweep.grid).map((point) => ({ ...fixed, ...point }));
  if (!sweep?.random) return [{ ...fixed }];
  const { count, seed, integer = [] } = sweep.random;
  let ranges = sweep.random.ranges;
  const whole = new Set(integer);
  if (ranges === undefined) {
    if (!declared) {
      issues.push({ path: `${at}.params.random.ranges`, message: 'a policy file needs its ranges here (its declarations are only read where it runs)' });
      return [];
    }
    ranges = Object.fromEntries(declared.filter((p) => !(p.name in fixed)).map((p) => [p.name, [p.min, p.max] as [number, number]]));
    for (const p of declared) if (p.integer) whole.add(p.name);
  }
  for (const [name, [min, max]] of Object.entries(ranges)) {
    if (!(min <= max)) issues.push({ path: `${at}.params.random.ranges.${name}`, message: `min ${min} is above max ${max}` });
  }
  // Its own stream per policy entry: adding a policy to the spec does not move another policy's points.
  const rng = createRng(seed).split(`sweep-params:${at}`);
  const sorted = Object.keys(ranges).sort();
  return Array.from({ length: count }, () => {
    const point: Record<string, number> = { ...fixed };
    for (const name of sorted) {
      const [min, max] = ranges![name];
      point[name] = whole.has(name) ? rng.int(Math.ceil(min), Math.floor(max)) : min + (max - min) * rng.next();
    }
    return point;
  });
}

function optionCombinations(engine: SweepEngineId, options: SweepSpec['options'], issues: Issue[]): Record<string, unknown>[] {
  const lists = Object.fromEntries(Object.entries(options).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
  const combos = cartesian(lists);
  const schema = SWEEP_OPTION_SCHEMAS[engine];
  for (const combo of combos) {
    const parsed = schema.safeParse(combo);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ path: formatPath(['options', ...issue.path]), message: issue.message });
      return [];
    }
  }
  return combos;
}

function seedList(seeds: SweepSpec['seeds']): number[] {
  return Array.isArray(seeds) ? [...seeds] : Array.from({ length: seeds.count }, (_, i) => seeds.from + i);
}

/** Runs in order policy, parameter point, scenario, option combination, seed. Throws SweepSpecError on any problem. */
export function expandSweep(spec: SweepSpec): ExpandedSweep {
  const engine = findEngine(spec.engine);
  if (!engine) throw new SweepSpecError([{ path: 'engine', message: `unknown engine "${spec.engine}"` }]);
  const issues: Issue[] = [];
  const scenarios = spec.scenarios.map((entry, i) => scenarioOf(spec.engine, entry, `scenarios[${i}]`, issues));
  const policies = spec.policies.map((entry, i) => {
    const policy = policyOf(spec.engine, entry, `policies[${i}]`, issues);
    const sweep = typeof entry === 'string' ? undefined : entry.params;
    return policy && { policy, points: paramPoints(spec.engine, policy, sweep, `policies[${i}]`, issues) };
  });
  const combos = optionCombinations(spec.engine, spec.options, issues);
  const seeds = seedList(spec.seeds);
  if (issues.length > 0) throw new SweepSpecError(issues);

  const total = policies.reduce((n, p) => n + p!.points.length, 0) * scenarios.length * combos.length * seeds.length;
  if (total > SWEEP_LIMITS.runs) throw new SweepSpecError([{ path: '', message: `the spec makes ${total} runs; at most ${SWEEP_LIMITS.runs} per sweep` }]);

  const runs: SweepRunSpec[] = [];
  const seen = new Map<string, number>();
  for (const { policy, points } of policies as { policy: SweepPolicy; points: Record<string, number>[] }[]) {
    const policyIdentity = policy.builtin ? { builtin: policy.builtin, dispatch: policy.dispatch } : { source: policy.source };
    for (const params of points) {
      for (const scenario of scenarios as SweepScenario[]) {
        const { label: _label, ...scenarioIdentity } = scenario;
        for (const options of combos) {
          for (const seed of seeds) {
            const key = contentHash({ engine: engine.id, engineVersion: engine.version, scenario: scenarioIdentity, policy: policyIdentity, params, seed, options });
            const earlier = seen.get(key);
            if (earlier !== undefined) {
              throw new SweepSpecError([{ path: '', message: `runs ${earlier} and ${runs.length} are the same run (same scenario, policy, parameters, seed and options): remove the duplicate entry` }]);
            }
            seen.set(key, runs.length);
            runs.push({ position: runs.length, key, scenario, policy, params, seed, options });
          }
        }
      }
    }
  }
  return { engine: spec.engine, engineVersion: engine.version, runs };
}
