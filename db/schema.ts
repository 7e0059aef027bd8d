/**
 * The results database: one drizzle pg-core schema for both drivers (embedded PGlite and node-postgres), so the SQL
 * migrations generated from it (db/migrations) are the same everywhere.
 *
 * Saved experiments are immutable snapshots: rows are only ever inserted. Scenarios and policies are keyed by a
 * content hash, so the same instance or policy used by many runs and experiments is stored once.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';

/** What a run stores in `timings`; elapsed wall time of the simulation in milliseconds. */
export interface RunTimings {
  elapsedMs: number;
}

/** What a failed run stores in `error` (same shape as the payload's). */
export interface StoredRunError {
  kind: string;
  message: string;
  line?: number;
  column?: number;
}

/** Engine options that change results beyond scheme and seed. */
export interface StoredRunOptions {
  online?: boolean;
  breakdowns?: { mtbf: number; mttr: number };
}

/**
 * Who runs a sweep: 'local' — worker threads of one `schedlab sweep` process; 'queue' — pg-boss jobs taken by
 * `schedlab worker` processes; 'browser' — the Web Worker pool of the tab that runs it (the sweep page), which posts
 * each finished run to the API. Local and browser sweeps keep a heartbeat; a queued one has claims instead.
 */
export type SweepMode = 'local' | 'queue' | 'browser';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const experiments = pgTable(
  'experiments',
  {
    /** First 128 bits of snapshotHash in hex: content-addressed, so the same snapshot always gets the same link. */
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    notes: text('notes'),
    engine: text('engine').notNull(),
    engineVersion: text('engine_version').notNull(),
    /** Denormalised for the list view; the snapshot never changes, so it cannot go stale. */
    runCount: integer('run_count').notNull(),
    /** Full sha-256 (hex) of the canonical snapshot; checked on a second save of the same id. */
    snapshotHash: text('snapshot_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('experiments_created_at_idx').on(t.createdAt.desc(), t.id)],
);

export const scenarios = pgTable('scenarios', {
  /** sha-256 (hex) of the canonical instance JSON. */
  id: text('id').primaryKey(),
  /** The label it was first saved under; each run keeps its own label in runs.scenario_label. */
  label: text('label').notNull(),
  instance: jsonb('instance').notNull(),
  createdAt: createdAt(),
});

export const policies = pgTable(
  'policies',
  {
    /** sha-256 (hex) of the canonical {label, builtinId, source}. */
    id: text('id').primaryKey(),
    label: text('label').notNull(),
    builtinId: text('builtin_id'),
    source: text('source'),
    createdAt: createdAt(),
  },
  (t) => [check('policies_builtin_or_source', sql`${t.builtinId} is not null or ${t.source} is not null`)],
);

export const runs = pgTable(
  'runs',
  {
    /** `${experimentId}-${position}`: a run belongs to exactly one immutable experiment. */
    id: text('id').primaryKey(),
    experimentId: text('experiment_id')
      .notNull()
      .references(() => experiments.id, { onDelete: 'cascade' }),
    /** Order of the run within its experiment, from 0; the snapshot is a list, so order is part of it. */
    position: integer('position').notNull(),
    engine: text('engine').notNull(),
    engineVersion: text('engine_version').notNull(),
    scenarioId: text('scenario_id')
      .notNull()
      .references(() => scenarios.id),
    scenarioLabel: text('scenario_label').notNull(),
    policyId: text('policy_id')
      .notNull()
      .references(() => policies.id),
    params: jsonb('params').$type<Record<string, number>>().notNull(),
    /** Safe integers beyond int4 are valid seeds, so bigint; mode 'number' is exact for them. */
    seed: bigint('seed', { mode: 'number' }).notNull(),
    scheme: text('scheme').notNull(),
    options: jsonb('options').$type<StoredRunOptions>(),
    status: text('status').notNull(),
    metrics: jsonb('metrics').$type<Record<string, number>>().notNull(),
    timings: jsonb('timings').$type<RunTimings>().notNull(),
    error: jsonb('error').$type<StoredRunError>(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('runs_experiment_position_uq').on(t.experimentId, t.position),
    index('runs_scenario_idx').on(t.scenarioId),
    index('runs_policy_idx').on(t.policyId),
    check('runs_status_check', sql`${t.status} in ('done', 'failed')`),
  ],
);

export const runArtifacts = pgTable(
  'run_artifacts',
  {
    runId: text('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    /** 'timeline': the schedule, encoded by db/artifact-codec.ts. */
    kind: text('kind').notNull(),
    /** Compact JSON text (see artifact-codec.ts); Postgres TOAST compresses it further on disk. */
    data: text('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.kind] }), check('run_artifacts_kind_check', sql`${t.kind} in ('timeline')`)],
);

/**
 * A sweep (issue 6): the runs of a resolved sweep spec (db/sweep-spec.ts), run on this machine's threads or queued
 * for `schedlab worker` processes. The spec is stored whole (policy sources and inline scenarios included), so any
 * worker can expand it into the same runs.
 */
export const sweeps = pgTable(
  'sweeps',
  {
    /** 32 random hex digits: two sweeps of one spec are two sweeps. */
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    engine: text('engine').notNull(),
    engineVersion: text('engine_version').notNull(),
    /** The resolved spec; db/sweep-expand.ts turns it into the runs. */
    spec: jsonb('spec').notNull(),
    /** See SweepMode. */
    mode: text('mode').$type<SweepMode>().notNull(),
    total: integer('total').notNull(),
    /** Local and browser sweeps: threads (or Web Workers) running it, and its last sign of life (null once it stopped). */
    localWorkers: integer('local_workers'),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [index('sweeps_created_at_idx').on(t.createdAt.desc(), t.id), check('sweeps_mode_check', sql`${t.mode} in ('local', 'queue', 'browser')`)],
);

/**
 * The finished runs of a sweep. The primary key (sweep, run key) makes "each run is stored once" a fact of the
 * database: a second store of the same run (a retried job whose first worker only looked dead) inserts nothing.
 */
export const sweepRuns = pgTable(
  'sweep_runs',
  {
    sweepId: text('sweep_id')
      .notNull()
      .references(() => sweeps.id, { onDelete: 'cascade' }),
    /** sha-256 of everything that determines the run's result (db/sweep-expand.ts). */
    runKey: text('run_key').notNull(),
    position: integer('position').notNull(),
    scenarioLabel: text('scenario_label').notNull(),
    policyLabel: text('policy_label').notNull(),
    /** Parameter values used, the policy's defaults filled in. */
    params: jsonb('params').$type<Record<string, number>>().notNull(),
    seed: bigint('seed', { mode: 'number' }).notNull(),
    options: jsonb('options').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull(),
    /** name -> number; Infinity, -Infinity and NaN are stored as those strings (JSON has no such numbers). */
    metrics: jsonb('metrics').$type<Record<string, number | string>>().notNull(),
    /** The compact result (job-shop schedule in db/artifact-codec's format, VM migrations), or null. */
    artifact: text('artifact'),
    error: jsonb('error').$type<StoredRunError>(),
    /** Who ran it: 'local' or host:pid of a queue worker. */
    worker: text('worker').notNull(),
    attempt: integer('attempt').notNull().default(1),
    elapsedMs: doublePrecision('elapsed_ms').notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sweepId, t.runKey] }),
    unique('sweep_runs_position_uq').on(t.sweepId, t.position),
    check('sweep_runs_status_check', sql`${t.status} in ('done', 'failed')`),
  ],
);

/**
 * Runs a queue worker has taken and not yet stored: what "running" counts. A claim is removed in the transaction
 * that stores its run; a killed worker's claim stays until its job is retried (which takes the claim over) or it
 * expires.
 */
export const sweepClaims = pgTable(
  'sweep_claims',
  {
    sweepId: text('sweep_id')
      .notNull()
      .references(() => sweeps.id, { onDelete: 'cascade' }),
    runKey: text('run_key').notNull(),
    worker: text('worker').notNull(),
    attempt: integer('attempt').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sweepId, t.runKey] })],
);

/**
 * A stored lesson (issue 7): a validated lesson spec (db/lesson-spec.ts), content-addressed like an experiment, so
 * the same spec always gets the same link and a changed one a new link. Rows are only inserted, never updated.
 */
export const lessons = pgTable(
  'lessons',
  {
    /** First 128 bits of specHash in hex. */
    id: text('id').primaryKey(),
    engine: text('engine').notNull(),
    title: text('title').notNull(),
    /** The spec as LessonSpecSchema parsed it (defaults filled in). */
    spec: jsonb('spec').notNull(),
    /** Full sha-256 (hex) of the canonical spec; checked when the same id is saved again. */
    specHash: text('spec_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('lessons_created_at_idx').on(t.createdAt.desc(), t.id)],
);

/**
 * Who may close a stored challenge and export its results: one random 128-bit key per "Make lesson" post, stored
 * only as its sha-256, so reading the database does not hand out keys. Built-in lessons have none.
 */
export const lessonTeacherKeys = pgTable(
  'lesson_teacher_keys',
  {
    lessonId: text('lesson_id')
      .notNull()
      .references(() => lessons.id, { onDelete: 'cascade' }),
    keyHash: text('key_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.lessonId, t.keyHash] })],
);

/** A closed challenge takes no more submissions; a row is the whole fact (a lesson's spec never changes). */
export const challengeClosures = pgTable('challenge_closures', {
  lessonId: text('lesson_id')
    .primaryKey()
    .references(() => lessons.id, { onDelete: 'cascade' }),
  closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** What a submission ran: a built-in of the engine, or the student's TypeScript. */
export type StoredSubmissionPolicy = { builtin: string } | { source: string; fileName: string };

/** One re-run of a submission on the server: a scenario of the challenge x a seed. */
export interface StoredSubmissionRun {
  scenario: string;
  seed: number;
  /** Infinity, -Infinity and NaN as those strings (encodeMetrics). */
  metrics: Record<string, number | string>;
}

/** Why a submission failed: the first failed run's error, with where it happened. */
export interface StoredSubmissionError extends StoredRunError {
  scenario?: string;
  seed?: number;
}

/**
 * A challenge submission as the server re-ran it. `lesson_id` has no foreign key: built-in challenges (not in the
 * lessons table) take submissions too. `claimed` is what the client said its metrics were, kept only to show that
 * it differs; the score is always the server's.
 */
export const challengeSubmissions = pgTable(
  'challenge_submissions',
  {
    /** 32 random hex digits. */
    id: text('id').primaryKey(),
    lessonId: text('lesson_id').notNull(),
    displayName: text('display_name').notNull(),
    policy: jsonb('policy').$type<StoredSubmissionPolicy>().notNull(),
    status: text('status').notNull(),
    /** Mean of the objective over the runs; null for a failed submission. */
    score: doublePrecision('score'),
    metrics: jsonb('metrics').$type<StoredSubmissionRun[]>().notNull(),
    error: jsonb('error').$type<StoredSubmissionError>(),
    claimed: jsonb('claimed').$type<Record<string, number>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('challenge_submissions_lesson_score_idx').on(t.lessonId, t.score),
    check('challenge_submissions_status_check', sql`${t.status} in ('done', 'failed')`),
    check('challenge_submissions_score_check', sql`(${t.status} = 'done') = (${t.score} is not null)`),
  ],
);

export const schema = {
  experiments,
  scenarios,
  policies,
  runs,
  runArtifacts,
  sweeps,
  sweepRuns,
  sweepClaims,
  lessons,
  lessonTeacherKeys,
  challengeClosures,
  challengeSubmissions,
};
