/**
 * Reading a saved experiment back in the shape it was saved in (SaveExperimentPayload), schedules decoded. Everything
 * the shared page shows comes from here. The rebuilt snapshot is hashed again and must match the stored hash: a
 * change in storage that would alter a shared snapshot fails loudly instead of showing different numbers.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { decodeSchedule, TIMELINE_KIND } from '../artifact-codec';
import { isExperimentId, type RunPayload, type SaveExperimentPayload, type SavedExperiment } from '../payloads';
import { experiments, policies, runArtifacts, runs, scenarios } from '../schema';
import { snapshotHashOf } from './save-experiment';

export class SnapshotIntegrityError extends Error {
  constructor(id: string) {
    super(`experiment ${id}: the stored rows no longer hash to the saved snapshot`);
    this.name = 'SnapshotIntegrityError';
  }
}

/** Null when there is no such experiment (or the id is not of the experiment-id form). */
export async function getExperiment(db: Db, id: string): Promise<SavedExperiment | null> {
  if (!isExperimentId(id)) return null;
  const [experiment] = await db.select().from(experiments).where(eq(experiments.id, id));
  if (!experiment) return null;

  const rows = await db
    .select({
      run: runs,
      policyLabel: policies.label,
      builtinId: policies.builtinId,
      source: policies.source,
      timeline: runArtifacts.data,
    })
    .from(runs)
    .innerJoin(policies, eq(policies.id, runs.policyId))
    .leftJoin(runArtifacts, and(eq(runArtifacts.runId, runs.id), eq(runArtifacts.kind, TIMELINE_KIND)))
    .where(eq(runs.experimentId, id))
    .orderBy(asc(runs.position));
  // Instances are fetched once each, not joined per run: a sweep runs many policies on the same large instance.
  const scenarioIds = [...new Set(rows.map(({ run }) => run.scenarioId))];
  const scenarioRows =
    scenarioIds.length === 0
      ? []
      : await db.select({ id: scenarios.id, instance: scenarios.instance }).from(scenarios).where(inArray(scenarios.id, scenarioIds));
  const instances = new Map(scenarioRows.map((row) => [row.id, row.instance]));

  const runPayloads = rows.map(({ run, policyLabel, builtinId, source, timeline }): RunPayload => {
    // Optional members are left out rather than set to undefined, so the object equals what was posted.
    const payload: Record<string, unknown> = {
      scenario: { label: run.scenarioLabel, instance: instances.get(run.scenarioId) },
      policy: {
        label: policyLabel,
        ...(builtinId !== null && { builtinId }),
        ...(source !== null && { source }),
      },
      params: run.params,
      seed: run.seed,
      scheme: run.scheme,
      ...(run.options !== null && { options: run.options }),
      status: run.status,
      metrics: run.metrics,
      elapsedMs: run.timings.elapsedMs,
      ...(run.error !== null && { error: run.error }),
      ...(timeline !== null && { schedule: decodeSchedule(timeline) }),
    };
    return payload as RunPayload;
  });

  const snapshot = {
    title: experiment.title,
    ...(experiment.notes !== null && { notes: experiment.notes }),
    engine: experiment.engine,
    engineVersion: experiment.engineVersion,
    runs: runPayloads,
  } as SaveExperimentPayload;
  if (snapshotHashOf(snapshot) !== experiment.snapshotHash) throw new SnapshotIntegrityError(id);
  return { id, createdAt: experiment.createdAt.toISOString(), payload: snapshot };
}
