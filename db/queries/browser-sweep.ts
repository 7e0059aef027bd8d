/**
 * Browser sweeps (issue 6): the sweep page creates a sweep from a spec, asks for its plan (the runs not yet
 * stored), runs them on the tab's Web Worker pool and posts each finished run. The server expands the spec itself —
 * the same expandSweep as `schedlab sweep` — and stores a posted run only under a key of that expansion, with the
 * labels, seed and options the expansion gives; the browser supplies nothing but the outcome. A run posted twice (a
 * resumed tab, a retried request) is stored once (the primary key on sweep and run key).
 */
import type { Db } from '../client';
import { expandSweep, type ExpandedSweep, type SweepPolicy, type SweepScenario } from '../sweep-expand';
import type { PostSweepRunsPayloadSchema } from '../sweep-payloads';
import { parseSweepSpec, SweepSpecError } from '../sweep-spec';
import { sweepRunParams } from '../sweep-options';
import type { z } from 'zod';
import { getSweep, listStoredKeys } from './sweep-read';
import { createSweep, decodeMetrics, storeSweepRuns, touchSweep, type FinishedSweepRun } from './sweep-store';

/** Expansions by sweep id: a spec expands the same way every time, and a busy tab posts runs many times a second. */
const expansions = new Map<string, { expanded: ExpandedSweep; byKey: Map<string, number> }>();
const EXPANSION_CACHE_LIMIT = 8;

async function expansionOf(db: Db, sweepId: string) {
  const hit = expansions.get(sweepId);
  if (hit) return hit;
  const sweep = await getSweep(db, sweepId);
  if (!sweep) return null;
  const expanded = expandSweep(sweep.spec);
  // Run keys include the engine version: after an upgrade every key would change and the stored runs would be
  // re-run under a different engine. The CLI and the queue worker refuse the same way.
  if (expanded.engineVersion !== sweep.engineVersion) {
    throw new SweepSpecError([{ path: '', message: `sweep ${sweepId} was made with ${sweep.engine} engine version ${sweep.engineVersion}; this server runs ${expanded.engineVersion}, whose results differ. Fork it to run its spec again` }]);
  }
  const entry = { expanded, byKey: new Map(expanded.runs.map((run, i) => [run.key, i])) };
  if (expansions.size >= EXPANSION_CACHE_LIMIT) expansions.delete(expansions.keys().next().value as string);
  expansions.set(sweepId, entry);
  return entry;
}

/** Creates a sweep the browser will run; throws SweepSpecError naming every bad field of the spec. */
export async function createBrowserSweep(db: Db, specValue: unknown, workers?: number): Promise<{ id: string; total: number }> {
  const spec = parseSweepSpec(specValue);
  const expanded = expandSweep(spec);
  const id = await createSweep(db, { spec, engineVersion: expanded.engineVersion, mode: 'browser', total: expanded.runs.length, localWorkers: workers });
  return { id, total: expanded.runs.length };
}

/** One run still to do, pointing into the plan's scenario and policy tables (a policy source is sent once). */
export interface PlannedRun {
  readonly position: number;
  readonly key: string;
  readonly scenario: number;
  readonly policy: number;
  readonly params: Readonly<Record<string, number>>;
  readonly seed: number;
  readonly options: Readonly<Record<string, unknown>>;
}

export interface SweepPlan {
  readonly engine: ExpandedSweep['engine'];
  readonly engineVersion: string;
  readonly total: number;
  readonly budgetSeconds: number;
  /** Post each run's compact result (schedule, migrations) with it. */
  readonly artifacts: boolean;
  readonly scenarios: readonly SweepScenario[];
  readonly policies: readonly SweepPolicy[];
  /** Runs not stored yet, in expansion order. */
  readonly runs: readonly PlannedRun[];
}

/** The runs of a sweep that are not stored yet: what Run (and Resume after a closed tab) executes. Null: no sweep. */
export async function browserSweepPlan(db: Db, sweepId: string): Promise<SweepPlan | null> {
  const entry = await expansionOf(db, sweepId);
  if (!entry) return null;
  const sweep = (await getSweep(db, sweepId))!;
  const stored = await listStoredKeys(db, sweepId);
  const scenarios: SweepScenario[] = [];
  const policies: SweepPolicy[] = [];
  const scenarioIndex = new Map<SweepScenario, number>();
  const policyIndex = new Map<SweepPolicy, number>();
  const indexOf = <T>(table: T[], index: Map<T, number>, value: T): number => {
    let i = index.get(value);
    if (i === undefined) {
      i = table.push(value) - 1;
      index.set(value, i);
    }
    return i;
  };
  const runs: PlannedRun[] = [];
  for (const run of entry.expanded.runs) {
    if (stored.has(run.key)) continue;
    runs.push({
      position: run.position,
      key: run.key,
      scenario: indexOf(scenarios, scenarioIndex, run.scenario),
      policy: indexOf(policies, policyIndex, run.policy),
      params: run.params,
      seed: run.seed,
      options: run.options,
    });
  }
  const { engine, engineVersion } = entry.expanded;
  return { engine, engineVersion, total: entry.expanded.runs.length, budgetSeconds: sweep.spec.budgetSeconds, artifacts: sweep.spec.artifacts, scenarios, policies, runs };
}

export type PostSweepRuns = z.output<typeof PostSweepRunsPayloadSchema>;

/**
 * Stores posted runs in one transaction, or none of them: a key that is not one of this sweep's runs rejects the
 * whole post with SweepSpecError naming `runs[i].runKey`. Returns how many were new (the rest were stored before).
 */
export async function storeBrowserSweepRuns(db: Db, sweepId: string, payload: PostSweepRuns): Promise<{ stored: number } | null> {
  const entry = await expansionOf(db, sweepId);
  if (!entry) return null;
  const finished: FinishedSweepRun[] = payload.runs.map((posted, i) => {
    const index = entry.byKey.get(posted.runKey);
    if (index === undefined) throw new SweepSpecError([{ path: `runs[${i}].runKey`, message: `not a run of sweep ${sweepId}; ask GET /api/sweeps/${sweepId}/plan for its runs` }]);
    const run = entry.expanded.runs[index];
    return {
      sweepId,
      runKey: run.key,
      position: run.position,
      scenarioLabel: run.scenario.label,
      policyLabel: run.policy.label,
      params: sweepRunParams(entry.expanded.engine, run.policy, run.params),
      seed: run.seed,
      options: run.options,
      status: posted.status,
      metrics: decodeMetrics(posted.metrics),
      artifact: posted.artifact,
      error: posted.error,
      worker: 'browser',
      elapsedMs: posted.elapsedMs,
    };
  });
  const stored = await storeSweepRuns(db, finished);
  await touchSweep(db, sweepId, payload.alive, payload.workers);
  return { stored };
}
