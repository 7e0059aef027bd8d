/**
 * Writing a sweep: create it, claim a run (queue workers), store a finished run. Storing is
 * `INSERT ... ON CONFLICT DO NOTHING` on the primary key (sweep, run key), in the same transaction that drops the
 * run's claim: whoever stores a run second (a retried job whose first worker only looked dead, a resumed sweep)
 * writes nothing and learns so from the result.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import type { StoredRunError } from '../schema';
import { sweepClaims, sweepRuns, sweeps, type SweepMode } from '../schema';
import type { SweepSpec } from '../sweep-spec';

export interface NewSweep {
  readonly spec: SweepSpec;
  readonly engineVersion: string;
  readonly mode: SweepMode;
  readonly total: number;
  readonly localWorkers?: number;
}

export function newSweepId(): string {
  return randomBytes(16).toString('hex');
}

export async function createSweep(db: Db, sweep: NewSweep, id = newSweepId()): Promise<string> {
  await db.insert(sweeps).values({
    id,
    title: sweep.spec.title ?? `${sweep.spec.engine} sweep`,
    engine: sweep.spec.engine,
    engineVersion: sweep.engineVersion,
    spec: sweep.spec,
    mode: sweep.mode,
    total: sweep.total,
    localWorkers: sweep.localWorkers ?? null,
    heartbeatAt: sweep.mode !== 'queue' ? new Date() : null,
  });
  return id;
}

/** A local sweep's sign of life; `alive: false` when it stops (Ctrl-C, done), so the app stops showing it running. */
export async function touchSweep(db: Db, id: string, alive: boolean, localWorkers?: number): Promise<void> {
  await db
    .update(sweeps)
    .set({ heartbeatAt: alive ? sql`now()` : null, ...(localWorkers === undefined ? {} : { localWorkers }) })
    .where(eq(sweeps.id, id));
}

/** JSON has no Infinity or NaN; a metric that is one (an empty schedule's mean, say) is kept as its name. */
export function encodeMetrics(metrics: Readonly<Record<string, number>>): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const [name, value] of Object.entries(metrics)) out[name] = Number.isFinite(value) ? (Object.is(value, -0) ? 0 : value) : String(value);
  return out;
}

export function decodeMetrics(stored: Readonly<Record<string, number | string>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(stored)) out[name] = typeof value === 'number' ? value : Number(value);
  return out;
}

export interface FinishedSweepRun {
  readonly sweepId: string;
  readonly runKey: string;
  readonly position: number;
  readonly scenarioLabel: string;
  readonly policyLabel: string;
  readonly params: Readonly<Record<string, number>>;
  readonly seed: number;
  readonly options: Readonly<Record<string, unknown>>;
  readonly status: 'done' | 'failed';
  readonly metrics: Readonly<Record<string, number>>;
  readonly artifact?: string | null;
  readonly error?: StoredRunError | null;
  readonly worker: string;
  readonly attempt?: number;
  readonly elapsedMs: number;
}

/**
 * Stores a finished run inside a transaction the caller already holds (a queue worker completes its pg-boss job in
 * the same one). True when this call stored it, false when the run was already stored.
 */
export async function storeSweepRunIn(tx: Db, run: FinishedSweepRun): Promise<boolean> {
  return (await storeSweepRunsIn(tx, [run])) === 1;
}

function rowOf(run: FinishedSweepRun): typeof sweepRuns.$inferInsert {
  return {
    sweepId: run.sweepId,
    runKey: run.runKey,
    position: run.position,
    scenarioLabel: run.scenarioLabel,
    policyLabel: run.policyLabel,
    params: { ...run.params },
    seed: run.seed,
    options: { ...run.options },
    status: run.status,
    metrics: encodeMetrics(run.metrics),
    artifact: run.artifact ?? null,
    error: run.error ?? null,
    worker: run.worker,
    attempt: run.attempt ?? 1,
    elapsedMs: run.elapsedMs,
  };
}

/** Several finished runs of one sweep in one statement (group commit); returns how many were new. */
export async function storeSweepRunsIn(tx: Db, runs: readonly FinishedSweepRun[]): Promise<number> {
  if (runs.length === 0) return 0;
  const inserted = await tx
    .insert(sweepRuns)
    .values(runs.map(rowOf))
    .onConflictDoNothing({ target: [sweepRuns.sweepId, sweepRuns.runKey] })
    .returning({ key: sweepRuns.runKey });
  const sweepId = runs[0].sweepId;
  await tx.delete(sweepClaims).where(and(eq(sweepClaims.sweepId, sweepId), inArray(sweepClaims.runKey, runs.map((r) => r.runKey))));
  return inserted.length;
}

/**
 * Stores finished runs of one sweep in one transaction. A local sweep hands over every run that finished while the
 * previous store was committing: no run waits for a timer, and an embedded database pays its per-commit cost once
 * per group instead of once per run.
 */
export function storeSweepRuns(db: Db, runs: readonly FinishedSweepRun[]): Promise<number> {
  return db.transaction((tx) => storeSweepRunsIn(tx as unknown as Db, runs));
}

/** Stores a finished run in its own transaction: a crash right after loses nothing, a crash before stores nothing. */
export function storeSweepRun(db: Db, run: FinishedSweepRun): Promise<boolean> {
  return db.transaction((tx) => storeSweepRunIn(tx as unknown as Db, run));
}

/** A queue worker took a run: counted as running until stored, or until `expiresInSeconds` pass without that. */
export async function claimSweepRun(db: Db, claim: { sweepId: string; runKey: string; worker: string; attempt: number; expiresInSeconds: number }): Promise<void> {
  const expiresAt = sql`now() + make_interval(secs => ${claim.expiresInSeconds}::double precision)`;
  await db
    .insert(sweepClaims)
    .values({ sweepId: claim.sweepId, runKey: claim.runKey, worker: claim.worker, attempt: claim.attempt, expiresAt })
    .onConflictDoUpdate({
      target: [sweepClaims.sweepId, sweepClaims.runKey],
      set: { worker: claim.worker, attempt: claim.attempt, startedAt: sql`now()`, expiresAt },
    });
}
