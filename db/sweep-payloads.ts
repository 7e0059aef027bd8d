/**
 * Payloads of the sweep API (app/api/sweeps): creating a browser sweep and posting its finished runs. One zod schema
 * per payload, shared by the route handlers and the sweep page that sends them. zod only, so it bundles for the
 * browser.
 */
import { z } from 'zod';
import { RECORD_KEY, text } from './payloads';
import { SWEEP_LIMITS } from './sweep-spec';

/** A sweep id: 32 hex digits (db/queries/sweep-store.ts newSweepId). */
export const SWEEP_ID_PATTERN = /^[0-9a-f]{32}$/;
export const RUN_KEY_PATTERN = /^[0-9a-f]{64}$/;

export function isSweepId(value: string): boolean {
  return SWEEP_ID_PATTERN.test(value);
}

/** POST /api/sweeps: the spec is checked by parseSweepSpec (db/sweep-spec.ts), which names every bad field. */
export const CreateSweepPayloadSchema = z.object({ spec: z.unknown(), workers: z.int().min(1).max(256).optional() }).strict();
export type CreateSweepPayload = z.infer<typeof CreateSweepPayloadSchema>;

/** JSON has no NaN or infinities: a metric that is one travels as its name (as sweep_runs stores it). */
const MetricValue = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])]);

/** Longest error message a posted run may carry; the page cuts longer ones (a policy's message can be any size). */
export const MAX_ERROR_MESSAGE = 10_000;

/** Largest artifact one run may post: a 100 x 20 job-shop schedule in the compact codec is about 40 kB. */
export const MAX_ARTIFACT_CHARS = 2_000_000;

export const PostedSweepRunSchema = z
  .object({
    runKey: z.string().regex(RUN_KEY_PATTERN, 'must be a run key (64 hex digits) from the sweep plan'),
    status: z.enum(['done', 'failed']),
    metrics: z.record(RECORD_KEY, MetricValue),
    artifact: text(MAX_ARTIFACT_CHARS).nullable(),
    error: z.object({ kind: text(50, 1), message: text(MAX_ERROR_MESSAGE), line: z.int().optional() }).strict().nullable(),
    elapsedMs: z.number().min(0),
  })
  .strict();
export type PostedSweepRun = z.infer<typeof PostedSweepRunSchema>;

/** Runs per post; the page sends a longer backlog in several posts. */
export const MAX_POSTED_RUNS = 1_000;

/**
 * POST /api/sweeps/[id]/runs: finished runs (any number, stored in one transaction), and the tab's sign of life:
 * `alive: false` when it stops, so the sweep shows as stopped at once instead of after the heartbeat timeout.
 */
export const PostSweepRunsPayloadSchema = z
  .object({
    runs: z.array(PostedSweepRunSchema).max(MAX_POSTED_RUNS),
    alive: z.boolean().default(true),
    workers: z.int().min(1).max(256).optional(),
  })
  .strict();
export type PostSweepRunsPayload = z.input<typeof PostSweepRunsPayloadSchema>;

export { SWEEP_LIMITS };
