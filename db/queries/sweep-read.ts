/**
 * Reading sweeps: what the app's sweep status view and `schedlab sweep --resume` need. Status is counted from the
 * stored runs and the live claims, never from a counter someone must remember to update, so it cannot drift from
 * what is actually stored.
 */
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { sweepClaims, sweepRuns, sweeps, type SweepMode } from '../schema';
import { parseSweepSpec, type SweepSpec } from '../sweep-spec';
import { decodeMetrics } from './sweep-store';

export interface SweepRecord {
  readonly id: string;
  readonly title: string;
  readonly engine: string;
  readonly engineVersion: string;
  readonly spec: SweepSpec;
  readonly mode: SweepMode;
  readonly total: number;
  readonly createdAt: string;
}

export async function getSweep(db: Db, id: string): Promise<SweepRecord | null> {
  const [row] = await db.select().from(sweeps).where(eq(sweeps.id, id));
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    engine: row.engine,
    engineVersion: row.engineVersion,
    spec: parseSweepSpec(row.spec),
    mode: row.mode as SweepRecord['mode'],
    total: row.total,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Keys of the runs already stored: a resumed sweep skips them. */
export async function listStoredKeys(db: Db, sweepId: string): Promise<Set<string>> {
  const rows = await db.select({ key: sweepRuns.runKey }).from(sweepRuns).where(eq(sweepRuns.sweepId, sweepId));
  return new Set(rows.map((r) => r.key));
}

/**
 * - queued: runs not started (queue mode), or not yet handed to a thread (local mode);
 * - running: claimed by a queue worker within its expiry, or in the hands of a live local sweep's threads;
 * - done / failed: stored runs, by their status (a failed run is a result too: the policy threw or ran too long).
 * `state` sums it up: done when every run is stored; stopped when a local sweep ended early (resume it).
 */
export interface SweepStatus {
  readonly id: string;
  readonly title: string;
  readonly engine: string;
  readonly mode: SweepMode;
  readonly total: number;
  readonly queued: number;
  readonly running: number;
  readonly done: number;
  readonly failed: number;
  readonly state: 'queued' | 'running' | 'done' | 'stopped';
  readonly createdAt: string;
}

/** A local sweep that has not written a heartbeat for this long is taken to have died (kill -9, power loss). */
export const LOCAL_HEARTBEAT_TIMEOUT_SECONDS = 30;

export async function getSweepStatus(db: Db, id: string): Promise<SweepStatus | null> {
  const [row] = await db
    .select({
      id: sweeps.id,
      title: sweeps.title,
      engine: sweeps.engine,
      mode: sweeps.mode,
      total: sweeps.total,
      localWorkers: sweeps.localWorkers,
      createdAt: sweeps.createdAt,
      alive: sql<boolean>`coalesce(${sweeps.heartbeatAt} > now() - make_interval(secs => ${LOCAL_HEARTBEAT_TIMEOUT_SECONDS}), false)`,
    })
    .from(sweeps)
    .where(eq(sweeps.id, id));
  if (!row) return null;
  const [counts] = await db
    .select({
      done: sql<number>`count(*) filter (where ${sweepRuns.status} = 'done')::int`,
      failed: sql<number>`count(*) filter (where ${sweepRuns.status} = 'failed')::int`,
    })
    .from(sweepRuns)
    .where(eq(sweepRuns.sweepId, id));
  const [claims] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sweepClaims)
    .where(and(eq(sweepClaims.sweepId, id), gt(sweepClaims.expiresAt, sql`now()`)));
  const done = Number(counts?.done ?? 0);
  const failed = Number(counts?.failed ?? 0);
  const left = row.total - done - failed;
  const mode = row.mode as SweepStatus['mode'];
  const running = Math.min(left, mode === 'queue' ? Number(claims?.n ?? 0) : row.alive ? (row.localWorkers ?? 1) : 0);
  const state: SweepStatus['state'] = left === 0 ? 'done' : running > 0 || (mode !== 'queue' && row.alive) ? 'running' : mode === 'queue' ? 'queued' : 'stopped';
  return { id: row.id, title: row.title, engine: row.engine, mode, total: row.total, queued: left - running, running, done, failed, state, createdAt: row.createdAt.toISOString() };
}

export interface StoredSweepRun {
  readonly runKey: string;
  readonly position: number;
  readonly scenarioLabel: string;
  readonly policyLabel: string;
  readonly params: Record<string, number>;
  readonly seed: number;
  readonly options: Record<string, unknown>;
  readonly status: 'done' | 'failed';
  readonly metrics: Record<string, number>;
  readonly artifact: string | null;
  readonly error: { kind: string; message: string; line?: number } | null;
  readonly worker: string;
  readonly attempt: number;
  readonly elapsedMs: number;
}

/** The stored runs of a sweep in expansion order (metrics decoded back to numbers). */
export async function listSweepRuns(db: Db, sweepId: string, options: { withArtifacts?: boolean } = {}): Promise<StoredSweepRun[]> {
  const rows = await db.select().from(sweepRuns).where(eq(sweepRuns.sweepId, sweepId)).orderBy(asc(sweepRuns.position));
  return rows.map((r) => storedRunOf(r, options.withArtifacts !== false));
}

function storedRunOf(r: typeof sweepRuns.$inferSelect, withArtifact: boolean): StoredSweepRun {
  return {
    runKey: r.runKey,
    position: r.position,
    scenarioLabel: r.scenarioLabel,
    policyLabel: r.policyLabel,
    params: r.params,
    seed: r.seed,
    options: r.options,
    status: r.status as StoredSweepRun['status'],
    metrics: decodeMetrics(r.metrics),
    artifact: withArtifact ? r.artifact : null,
    error: r.error ?? null,
    worker: r.worker,
    attempt: r.attempt,
    elapsedMs: r.elapsedMs,
  };
}

/** The newest sweeps first, with their status: the app's sweep list. */
export async function listSweeps(db: Db, limit = 20): Promise<SweepStatus[]> {
  const rows = await db.select({ id: sweeps.id }).from(sweeps).orderBy(desc(sweeps.createdAt), sweeps.id).limit(Math.min(100, Math.max(1, limit)));
  const out: SweepStatus[] = [];
  for (const { id } of rows) {
    const status = await getSweepStatus(db, id);
    if (status) out.push(status);
  }
  return out;
}

/** One stored run with its artifact (the sweep page's Gantt of a clicked run); null when it is not stored. */
export async function getSweepRun(db: Db, sweepId: string, runKey: string): Promise<StoredSweepRun | null> {
  const rows = await db.select().from(sweepRuns).where(and(eq(sweepRuns.sweepId, sweepId), eq(sweepRuns.runKey, runKey)));
  return rows.length === 0 ? null : storedRunOf(rows[0], true);
}
