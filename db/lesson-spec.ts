/**
 * A lesson (issue 7): one JSON document that says everything a lesson page shows and runs — its instructions, the
 * scenarios, the starter policy and the ones to compare with, the seed and engine options, the controls a teacher
 * hid, the questions, and for a challenge the fixed scenario set and the objective the leaderboard ranks by.
 *
 * The same schema checks a built-in lesson (db/lessons/), the "Make lesson" form of the lab, the API payload and the
 * copy stored in the database. Scenarios and options reuse the sweep spec's entries, so a lesson's run is built by
 * the same code as a sweep's (workers/sweep-run-inputs.ts) in the browser and in the server's re-run of a challenge.
 * It imports only zod, so it can be bundled into the browser.
 */
import { z } from 'zod';
import { ScenarioEntrySchema, SWEEP_ENGINES, SWEEP_LIMITS } from './sweep-spec';

export const LESSON_LIMITS = {
  title: 120,
  instructions: 20_000,
  question: 2_000,
  questions: 20,
  scenarios: 10,
  comparePolicies: 12,
  challengeSeeds: 10,
  displayName: 40,
} as const;

/** Controls a teacher can hide; a metric is hidden by name in `hidden.metrics`. */
export const HIDEABLE_CONTROLS = ['editor', 'scenario', 'policy', 'player', 'metrics'] as const;
export type HideableControl = (typeof HIDEABLE_CONTROLS)[number];

const seed = z.number().int().min(0).max(2 ** 31 - 1);

/** A policy file's name as errors and the editor show it: a plain .ts file name, no directories. */
export const POLICY_FILE_NAME = /^[A-Za-z0-9_.-]{1,80}\.ts$/;

/** The starter policy: a built-in by id, or source the student starts editing from. */
export const LessonPolicySchema = z.union([
  z.object({ builtin: z.string().min(1).max(100) }).strict(),
  z.object({ source: z.string().min(1).max(SWEEP_LIMITS.policySource), fileName: z.string().regex(POLICY_FILE_NAME, 'must be a .ts file name') }).strict(),
]);

export const LessonHiddenSchema = z
  .object({
    /** Hide these whole controls. */
    controls: z.array(z.enum(HIDEABLE_CONTROLS)).max(HIDEABLE_CONTROLS.length).default([]),
    /** Hide these metrics from every table (the challenge objective stays on its leaderboard). */
    metrics: z.array(z.string().min(1).max(100)).max(100).default([]),
  })
  .strict();

export const ChallengeSchema = z
  .object({
    /** The metric the leaderboard ranks by, in its engine's direction; averaged over scenarios x seeds. */
    objective: z.string().min(1).max(100),
    /** The fixed scenario set; every submission runs on all of them (default: the lesson's scenarios). */
    scenarios: z.array(ScenarioEntrySchema).min(1).max(LESSON_LIMITS.scenarios).optional(),
    seeds: z.array(seed).min(1).max(LESSON_LIMITS.challengeSeeds).default([1]),
    /** Wall-clock limit of one re-run on the server, in seconds. */
    budgetSeconds: z.number().min(1).max(120).default(20),
    /** Heap limit of the re-run's process, in MB. */
    memoryMb: z.number().int().min(64).max(4096).default(512),
  })
  .strict();

export const LessonSpecSchema = z
  .object({
    version: z.literal(1).default(1),
    engine: z.enum(SWEEP_ENGINES),
    title: z.string().trim().min(1).max(LESSON_LIMITS.title),
    /** Markdown; rendered with raw HTML escaped and only http(s), mailto and relative links kept. */
    instructions: z.string().max(LESSON_LIMITS.instructions),
    /** The first is shown first; the scenario picker offers the rest. */
    scenarios: z.array(ScenarioEntrySchema).min(1).max(LESSON_LIMITS.scenarios),
    starter: LessonPolicySchema,
    /** Built-in policy ids the policy picker offers beside the starter, to compare with. */
    compare: z.array(z.string().min(1).max(100)).max(LESSON_LIMITS.comparePolicies).default([]),
    seed: seed.default(1),
    /** Engine run options, checked by the engine's sweep option schema (db/sweep-options.ts). */
    options: z.record(z.string(), z.unknown()).default({}),
    hidden: LessonHiddenSchema.default({ controls: [], metrics: [] }),
    /** Markdown, one per question. */
    questions: z.array(z.string().min(1).max(LESSON_LIMITS.question)).max(LESSON_LIMITS.questions).default([]),
    challenge: ChallengeSchema.optional(),
  })
  .strict();

export type LessonSpecInput = z.input<typeof LessonSpecSchema>;
export type LessonSpec = z.output<typeof LessonSpecSchema>;
export type LessonPolicy = z.output<typeof LessonPolicySchema>;
export type Challenge = z.output<typeof ChallengeSchema>;

/** A stored lesson's id: 32 hex digits (a content hash). A built-in lesson's id is a slug ("jobshop-spt-makespan"). */
export const STORED_LESSON_ID = /^[0-9a-f]{32}$/;
export const BUILTIN_LESSON_ID = /^(jobshop|vm|llm)-[a-z0-9-]{1,60}$/;

/** A lesson as a page gets it: the spec, where it comes from, and for a challenge whether it is closed. */
export interface LessonRecord {
  readonly id: string;
  readonly builtin: boolean;
  readonly spec: LessonSpec;
  readonly createdAt?: string;
  readonly closed?: boolean;
}
