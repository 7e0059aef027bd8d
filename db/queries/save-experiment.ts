/**
 * Saving an experiment: one transaction that upserts the scenarios and policies by content hash and inserts the
 * experiment, its runs and their timeline artifacts. Either all of it is stored or none of it.
 *
 * The experiment id is derived from the canonical snapshot, so saving the same snapshot again changes nothing and
 * returns the same id; a stored snapshot is never updated.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { contentHash } from '../content-hash';
import { encodeSchedule, TIMELINE_KIND } from '../artifact-codec';
import { toValidatedPayload, type PolicyRef, type SaveExperimentInput, type SaveExperimentPayload } from '../payloads';
import { experiments, policies, runArtifacts, runs, scenarios } from '../schema';

export interface SaveExperimentResult {
  readonly id: string;
  /** False when the same snapshot was already stored (nothing was written). */
  readonly created: boolean;
}

/** 128 bits of the snapshot hash: short enough for a link, far beyond accidental collisions. */
export function experimentIdOf(snapshotHash: string): string {
  return snapshotHash.slice(0, 32);
}

export function snapshotHashOf(payload: SaveExperimentPayload): string {
  return contentHash(payload);
}

export function policyIdOf(policy: PolicyRef): string {
  return contentHash({ label: policy.label, builtinId: policy.builtinId, source: policy.source });
}

export function scenarioIdOf(instance: unknown): string {
  return contentHash(instance);
}

// Postgres allows 65,535 bind parameters per statement; runs have about 16 columns, so 500 rows stay well below.
const CHUNK = 500;
function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export async function saveExperiment(db: Db, input: SaveExperimentInput): Promise<SaveExperimentResult> {
  // The hash must cover exactly what is stored (zod strips unknown keys), whoever the caller is (route handler, CLI,
  // a test), so anything not already parsed by parseSaveExperimentPayload is parsed here; invalid input throws.
  const payload = toValidatedPayload(input);
  const snapshotHash = snapshotHashOf(payload);
  const id = experimentIdOf(snapshotHash);

  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(experiments)
      .values({
        id,
        title: payload.title,
        notes: payload.notes ?? null,
        engine: payload.engine,
        engineVersion: payload.engineVersion,
        runCount: payload.runs.length,
        snapshotHash,
      })
      .onConflictDoNothing({ target: experiments.id })
      .returning({ id: experiments.id });
    if (inserted.length === 0) {
      const [existing] = await tx
        .select({ snapshotHash: experiments.snapshotHash })
        .from(experiments)
        .where(eq(experiments.id, id));
      if (existing?.snapshotHash !== snapshotHash) {
        throw new Error(`experiment id ${id} is taken by a different snapshot (truncated hash collision)`);
      }
      return { id, created: false };
    }

    const scenarioRows = new Map<string, typeof scenarios.$inferInsert>();
    const policyRows = new Map<string, typeof policies.$inferInsert>();
    const runRows: (typeof runs.$inferInsert)[] = [];
    const artifactRows: (typeof runArtifacts.$inferInsert)[] = [];
    payload.runs.forEach((run, position) => {
      const scenarioId = scenarioIdOf(run.scenario.instance);
      if (!scenarioRows.has(scenarioId)) {
        scenarioRows.set(scenarioId, { id: scenarioId, label: run.scenario.label, instance: run.scenario.instance });
      }
      const policyId = policyIdOf(run.policy);
      if (!policyRows.has(policyId)) {
        const { label, builtinId, source } = run.policy;
        policyRows.set(policyId, { id: policyId, label, builtinId: builtinId ?? null, source: source ?? null });
      }
      const runId = `${id}-${position}`;
      runRows.push({
        id: runId,
        experimentId: id,
        position,
        engine: payload.engine,
        engineVersion: payload.engineVersion,
        scenarioId,
        scenarioLabel: run.scenario.label,
        policyId,
        params: run.params,
        seed: run.seed,
        scheme: run.scheme,
        options: run.options ?? null,
        status: run.status,
        metrics: run.metrics,
        timings: { elapsedMs: run.elapsedMs },
        error: run.error ?? null,
      });
      if (run.schedule) artifactRows.push({ runId, kind: TIMELINE_KIND, data: encodeSchedule(run.schedule) });
    });

    // Content-addressed rows are identical whenever their ids are, so an existing one is left as it is.
    for (const rows of chunks([...scenarioRows.values()])) await tx.insert(scenarios).values(rows).onConflictDoNothing();
    for (const rows of chunks([...policyRows.values()])) await tx.insert(policies).values(rows).onConflictDoNothing();
    for (const rows of chunks(runRows)) await tx.insert(runs).values(rows);
    for (const rows of chunks(artifactRows)) await tx.insert(runArtifacts).values(rows);
    return { id, created: true };
  });
}
