/**
 * The sweep spec (issue 6): one JSON document that says which runs a sweep is made of, for any engine. The same
 * schema reads `schedlab sweep spec.json`, the copy stored with a sweep in the database, and (later) the lab's sweep
 * form. It imports only zod, so it can be bundled into the browser; expanding a spec into runs is sweep-expand.ts.
 *
 * A spec names scenarios x policies (each with its parameter points) x option combinations x seeds. Files named in
 * it (`file` for a scenario or a policy) are read by the CLI and replaced by their content before the spec is stored
 * (a *resolved* spec), so a worker on another machine runs exactly what the user had on theirs.
 */
import { z } from 'zod';

export const SWEEP_ENGINES = ['jobshop', 'vm', 'llm'] as const;
export type SweepEngineId = (typeof SWEEP_ENGINES)[number];

export const SWEEP_LIMITS = {
  runs: 100_000,
  scenarios: 1_000,
  policies: 200,
  seeds: 10_000,
  gridValues: 1_000,
  randomPoints: 10_000,
  optionValues: 100,
  policySource: 200_000,
  label: 200,
  budgetSeconds: 24 * 3600,
  memoryMb: 16_384,
} as const;

const NAME = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/, 'must be an identifier (letters, digits, _ . -)');
const label = z.string().min(1).max(SWEEP_LIMITS.label);
const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/** A catalogue scenario by id, a generator with its settings, a scenario object, or (before resolving) a file. */
const ScenarioObjectSchema = z
  .object({
    /** A catalogue id (job shop, VM) or a workload preset (LLM). */
    id: z.string().min(1).max(100).optional(),
    /** A generator and its settings: job shop `random` or `taillard`, VM `vmr2l-like` or `random`. */
    generator: z.string().min(1).max(50).optional(),
    settings: z.record(NAME, z.union([finite, z.string().max(200), z.boolean()])).optional(),
    /** The scenario itself, as the engine's plain data (a JobShopInstance, a VmScenario, an LlmScenario). */
    instance: z.record(z.string(), z.unknown()).optional(),
    /** A scenario file; the CLI parses it into `instance` (with `format`, as `schedlab run` does). */
    file: z.string().min(1).max(4096).optional(),
    format: z.string().min(1).max(50).optional(),
    label: label.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const given = (['id', 'generator', 'instance', 'file'] as const).filter((k) => s[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({ code: 'custom', message: `give exactly one of id, generator, instance or file (got ${given.length === 0 ? 'none' : given.join(', ')})` });
    }
    if (s.settings !== undefined && s.generator === undefined) ctx.addIssue({ code: 'custom', path: ['settings'], message: 'settings go with a generator' });
    if (s.format !== undefined && s.file === undefined) ctx.addIssue({ code: 'custom', path: ['format'], message: 'format goes with a file' });
  });

export const ScenarioEntrySchema = z.union([z.string().min(1).max(100), ScenarioObjectSchema]);

/** The parameter points of one policy: its defaults, a grid, or random points within ranges. */
export const ParamSweepSchema = z
  .object({
    /** Fixed values for every point. */
    fixed: z.record(NAME, finite).optional(),
    /** The cartesian product of these values. */
    grid: z.record(NAME, z.array(finite).min(1).max(SWEEP_LIMITS.gridValues)).optional(),
    /** `count` points drawn uniformly (seeded) within the policy's declared ranges, or `ranges` given here. */
    random: z
      .object({
        count: z.int().min(1).max(SWEEP_LIMITS.randomPoints),
        seed: z.int().default(1),
        /** name -> [min, max]; default: every declared parameter of a built-in policy over its declared range. */
        ranges: z.record(NAME, z.tuple([finite, finite])).optional(),
        /** Names drawn as whole numbers (declared integer parameters are whole numbers anyway). */
        integer: z.array(NAME).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((p) => !(p.grid && p.random), { message: 'give grid or random, not both' });

const PolicyObjectSchema = z
  .object({
    /** A built-in policy of the engine. */
    builtin: z.string().min(1).max(100).optional(),
    /** LLM only: a built-in dispatcher combined with `builtin` (as `--dispatch`). */
    dispatch: z.string().min(1).max(100).optional(),
    /** A policy file (TypeScript, default export); the CLI reads it into `source`. */
    file: z.string().min(1).max(4096).optional(),
    /** The policy's TypeScript source (a resolved `file`). */
    source: z.string().min(1).max(SWEEP_LIMITS.policySource).optional(),
    /** The name errors use for the source (the file name as given). */
    fileName: z.string().min(1).max(4096).optional(),
    label: label.optional(),
    params: ParamSweepSchema.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const given = (['builtin', 'file', 'source'] as const).filter((k) => p[k] !== undefined);
    if (given.length !== 1) ctx.addIssue({ code: 'custom', message: `give exactly one of builtin, file or source (got ${given.length === 0 ? 'none' : given.join(', ')})` });
    if (p.dispatch !== undefined && p.builtin === undefined) ctx.addIssue({ code: 'custom', path: ['dispatch'], message: 'dispatch goes with a builtin policy' });
  });

export const PolicyEntrySchema = z.union([z.string().min(1).max(100), PolicyObjectSchema]);

const SeedsSchema = z.union([
  z.array(z.int().refine(Number.isSafeInteger, 'must be a safe integer')).min(1).max(SWEEP_LIMITS.seeds),
  z.object({ from: z.int(), count: z.int().min(1).max(SWEEP_LIMITS.seeds) }).strict(),
]);

/** An option value, or a list of values to sweep over (every combination of the listed options is run). */
const OptionValueSchema = z.union([finite, z.string().max(200), z.boolean(), z.record(z.string(), z.unknown())]);

export const SweepSpecSchema = z
  .object({
    title: label.optional(),
    engine: z.enum(SWEEP_ENGINES),
    scenarios: z.array(ScenarioEntrySchema).min(1).max(SWEEP_LIMITS.scenarios),
    policies: z.array(PolicyEntrySchema).min(1).max(SWEEP_LIMITS.policies),
    seeds: SeedsSchema.default([1]),
    /** Engine run options (sweep-options.ts lists them per engine); a list sweeps over its values. */
    options: z.record(NAME, z.union([OptionValueSchema, z.array(OptionValueSchema).min(1).max(SWEEP_LIMITS.optionValues)])).default({}),
    /** Seconds one run may take before it is stopped (its run fails; the sweep goes on). */
    budgetSeconds: z.number().positive().max(SWEEP_LIMITS.budgetSeconds).default(60),
    /** Heap limit of a policy's worker in MB. */
    memoryMb: z.int().min(16).max(SWEEP_LIMITS.memoryMb).default(512),
    /** Store each run's compact result (job-shop schedule, VM migrations) beside its metrics. */
    artifacts: z.boolean().default(true),
  })
  .strict();

export type SweepSpecInput = z.input<typeof SweepSpecSchema>;
export type SweepSpec = z.output<typeof SweepSpecSchema>;
export type ScenarioEntry = z.output<typeof ScenarioEntrySchema>;
export type PolicyEntry = z.output<typeof PolicyEntrySchema>;
export type ParamSweep = z.output<typeof ParamSweepSchema>;

/** A spec error, with each problem as `path: message` (the path in the spec's own terms: `policies[1].params`). */
export class SweepSpecError extends Error {
  readonly issues: readonly { readonly path: string; readonly message: string }[];
  constructor(issues: readonly { readonly path: string; readonly message: string }[]) {
    super(`invalid sweep spec: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`);
    this.name = 'SweepSpecError';
    this.issues = issues;
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? String(part) : `.${String(part)}`;
  return out;
}

/** Parses a spec (the JSON value); throws SweepSpecError naming every bad field. */
export function parseSweepSpec(value: unknown): SweepSpec {
  const result = SweepSpecSchema.safeParse(value);
  if (result.success) return result.data;
  // A union reports "invalid input" at the entry; its branches' issues name the field that is actually wrong.
  const issues = result.error.issues.flatMap((issue) => {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branch = issue.errors.reduce((best, errors) => (errors.length > 0 && (best.length === 0 || errors[0].path.length > best[0].path.length) ? errors : best), [] as typeof issue.errors[number]);
      if (branch.length > 0) return branch.map((inner) => ({ path: formatPath([...issue.path, ...inner.path]), message: inner.message }));
    }
    return [{ path: formatPath(issue.path), message: issue.message }];
  });
  throw new SweepSpecError(issues);
}
