/**
 * The payloads of the results API, as zod 4 schemas: one schema per payload, shared by the lab's forms, the route
 * handlers and the browser client. This file imports only zod and engine/ because it is bundled into the browser.
 *
 * The limits below exist so one request cannot make the server or the embedded database allocate without bound;
 * they are generous for real experiments (ta71 is 100 jobs x 20 machines = 2,000 scheduled operations).
 */
import { z } from 'zod';
import { findInstanceProblem } from '../engine/jobshop/validate';
import { SCHEMES } from '../engine/jobshop/run-types';
import type { JobShopInstance } from '../engine/jobshop/model';

export const LIMITS = {
  runs: 1_000,
  title: 200,
  notes: 20_000,
  label: 200,
  policySource: 200_000,
  builtinId: 100,
  engineVersion: 50,
  recordEntries: 100,
  errorMessage: 10_000,
  errorKind: 40,
  instanceJobs: 10_000,
  instanceMachines: 10_000,
  operationsPerJob: 1_000,
  alternativesPerOperation: 100,
  instanceText: 10_000,
  scheduleEntries: 200_000,
} as const;

// Postgres text and jsonb cannot hold U+0000, and a lone UTF-16 surrogate is replaced on the way into UTF-8, which
// would make the stored snapshot differ from the hashed one. Both are refused here, with a message, instead.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export function text(max: number, min = 0) {
  return z
    .string()
    .min(min)
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain the NUL character (U+0000)')
    .refine((s) => !LONE_SURROGATE.test(s), 'must be well-formed Unicode (no lone surrogate)');
}

// Record keys are identifiers (metric and parameter names). The pattern also keeps out "__proto__"-style surprises
// when records are rebuilt as plain objects.
export const RECORD_KEY = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/, 'must be an identifier (letters, digits, _ . -; at most 100 characters)')
  .refine((k) => k !== '__proto__' && k !== 'constructor' && k !== 'prototype', 'is a reserved name');

/** name -> finite number (JSON has no Infinity or NaN: a client must leave such a metric out). */
const numberRecord = z
  .record(RECORD_KEY, z.number())
  .refine((r) => Object.keys(r).length <= LIMITS.recordEntries, `must have at most ${LIMITS.recordEntries} entries`);

const nonNegative = z.number().min(0);

/** The plain-data job-shop instance (engine/jobshop/model.ts); semantic checks come from the engine's own validator. */
export const JobShopInstanceSchema = z
  .object({
    name: text(LIMITS.label),
    machineCount: z.int().min(1).max(LIMITS.instanceMachines),
    description: text(LIMITS.instanceText).optional(),
    jobs: z
      .array(
        z.object({
          operations: z
            .array(
              z.object({
                alternatives: z
                  .array(z.object({ machine: z.int(), duration: z.int() }))
                  .max(LIMITS.alternativesPerOperation),
              }),
            )
            .max(LIMITS.operationsPerJob),
          release: nonNegative.optional(),
          due: z.number().optional(),
          weight: z.number().optional(),
        }),
      )
      .max(LIMITS.instanceJobs),
  })
  .superRefine(
    (instance, ctx) => {
      // The engine's validator is the single source of truth for what a valid instance is (ranges, duplicates, dates).
      const problem = findInstanceProblem(instance as JobShopInstance);
      if (problem) ctx.addIssue({ code: 'custom', path: [...problem.path], message: problem.message });
    },
    // Only on a well-formed instance: otherwise the same fault would be reported twice, once by each check.
    { when: (payload) => payload.issues.length === 0 },
  );

export const ScheduledOperationSchema = z.object({
  job: z.int().min(0),
  op: z.int().min(0),
  machine: z.int().min(0),
  start: z.number(),
  end: z.number(),
});

export const PolicyRefSchema = z
  .object({
    label: text(LIMITS.label, 1),
    /** A built-in policy of the engine (its id in engine/jobshop/policies). */
    builtinId: text(LIMITS.builtinId, 1).optional(),
    /** The TypeScript source that ran (a user policy, or an edited template). */
    source: text(LIMITS.policySource, 1).optional(),
  })
  .refine((p) => p.builtinId !== undefined || p.source !== undefined, {
    message: 'needs builtinId or source',
    path: ['builtinId'],
  });

export const RunErrorSchema = z.object({
  kind: text(LIMITS.errorKind, 1),
  message: text(LIMITS.errorMessage),
  /** 1-based line in the policy source (or the input file). */
  line: z.int().min(1).optional(),
  column: z.int().min(1).optional(),
});

/** Engine options beyond scheme and seed that change results; stored so a run can be reproduced. */
export const RunOptionsSchema = z.object({
  online: z.boolean().optional(),
  breakdowns: z.object({ mtbf: z.number().positive(), mttr: z.number().positive() }).optional(),
});

export const RunPayloadSchema = z.object({
  scenario: z.object({ label: text(LIMITS.label, 1), instance: JobShopInstanceSchema }),
  policy: PolicyRefSchema,
  params: numberRecord,
  seed: z.int(),
  scheme: z.enum(SCHEMES),
  options: RunOptionsSchema.optional(),
  status: z.enum(['done', 'failed']),
  metrics: numberRecord,
  elapsedMs: nonNegative,
  error: RunErrorSchema.optional(),
  /** The schedule in decision order; stored compactly (db/artifact-codec.ts). */
  schedule: z.array(ScheduledOperationSchema).max(LIMITS.scheduleEntries).optional(),
});

export const SaveExperimentPayloadSchema = z.object({
  title: text(LIMITS.title, 1),
  notes: text(LIMITS.notes).optional(),
  engine: z.literal('jobshop'),
  engineVersion: text(LIMITS.engineVersion, 1),
  runs: z.array(RunPayloadSchema).min(1).max(LIMITS.runs),
});

export type SaveExperimentPayload = z.infer<typeof SaveExperimentPayloadSchema>;

// Outputs of parseSaveExperimentPayload, so saveExperiment can skip a second full parse of a large payload (about
// 0.4 s for 8 MB) when the route handler has just parsed it. Anything else is parsed again: the check is only a
// shortcut, never a trust decision made on the caller's word.
const validatedPayloads = new WeakSet<object>();

/** safeParse that remembers its successful outputs (which callers must not mutate afterwards). */
export function parseSaveExperimentPayload(value: unknown) {
  const result = SaveExperimentPayloadSchema.safeParse(value);
  if (result.success) validatedPayloads.add(result.data);
  return result;
}

/** The payload as validated and normalised by the schema (zod drops unknown keys), parsing only when needed. */
export function toValidatedPayload(value: SaveExperimentInput): SaveExperimentPayload {
  return validatedPayloads.has(value) ? (value as SaveExperimentPayload) : SaveExperimentPayloadSchema.parse(value);
}

type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
/**
 * What a caller may build and send: the same shape with everything readonly, so the engine's readonly data
 * (JobShopInstance, JobShopResult['schedule']) fits without copying. Parsing it yields a SaveExperimentPayload.
 */
export type SaveExperimentInput = DeepReadonly<SaveExperimentPayload>;
export type RunInput = DeepReadonly<z.infer<typeof RunPayloadSchema>>;
export type RunPayload = z.infer<typeof RunPayloadSchema>;
export type PolicyRef = z.infer<typeof PolicyRefSchema>;
export type RunError = z.infer<typeof RunErrorSchema>;

/** POST /api/experiments -> 201. */
export interface SaveExperimentResponse {
  readonly id: string;
  readonly url: string;
}

/** GET /api/experiments -> 200 { experiments: ExperimentSummary[] }; newest first. */
export interface ExperimentSummary {
  readonly id: string;
  readonly title: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly runCount: number;
  readonly engine: string;
}

/** GET /api/experiments/[id] -> 200; `payload` is exactly what was saved (after validation). */
export interface SavedExperiment {
  readonly id: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly payload: SaveExperimentPayload;
}

/** Every 4xx/5xx body of the results API. */
export interface ApiError {
  readonly error: string;
  readonly issues?: readonly { readonly path: string; readonly message: string }[];
}

/** Experiment ids are the first 128 bits of the snapshot's sha-256, in lowercase hex. */
export const EXPERIMENT_ID_PATTERN = /^[0-9a-f]{32}$/;
export function isExperimentId(value: string): boolean {
  return EXPERIMENT_ID_PATTERN.test(value);
}
