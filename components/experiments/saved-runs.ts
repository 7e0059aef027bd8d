import { findBuiltinPolicy } from '../../engine/jobshop/policies';
import { scheduleTimeline } from '../../engine/jobshop/schedule-timeline';
import { OBJECTIVES } from '../../engine/jobshop/metrics';
import type { SaveExperimentPayload } from '../../db/payloads';
import type { LabRun, ScenarioChoice } from '../state/lab-types';
import type { JobShopRunRequest } from '../../workers/browser/run-protocol';

type SavedRunPayload = SaveExperimentPayload['runs'][number];

/** A stored run as a lab row: its stored metrics and schedule, drawn exactly as when it ran. */
export function savedRunToLabRun(run: SavedRunPayload, index: number): LabRun {
  const instance = run.scenario.instance;
  const schedule = run.schedule ?? [];
  return {
    id: `saved-${index}`,
    scenarioKey: `saved-scenario-${index}`,
    scenarioLabel: run.scenario.label,
    policyLabel: run.policy.label,
    status: run.status,
    seed: run.seed,
    scheme: run.scheme,
    params: run.params,
    elapsedMs: run.elapsedMs,
    ...(run.error ? { failure: { kind: run.error.kind as NonNullable<LabRun['failure']>['kind'], message: run.error.message, line: run.error.line } } : {}),
    ...(run.status === 'done'
      ? {
          result: {
            metrics: run.metrics,
            objectives: OBJECTIVES,
            schedule,
            downtime: [],
            timeline: scheduleTimeline(instance.machineCount, instance.jobs.length, schedule),
            counters: { decisions: schedule.length, candidatesOffered: 0 },
          },
        }
      : {}),
  };
}

/** The request that reproduces a stored run in the worker pool. */
export function savedRunRequest(run: SavedRunPayload, index: number): JobShopRunRequest {
  const policy: JobShopRunRequest['policy'] =
    run.policy.source !== undefined
      ? { kind: 'source', source: run.policy.source, fileName: 'policy.ts' }
      : { kind: 'builtin', id: run.policy.builtinId! };
  return {
    runId: `saved-${index}`,
    instance: run.scenario.instance,
    policy,
    options: { scheme: run.scheme, seed: run.seed, params: run.params, ...run.options },
  };
}

/** The scenario of a stored run, for forking it into the lab. */
export function savedScenario(run: SavedRunPayload, index: number): ScenarioChoice {
  return { key: `fork-${index}-${run.scenario.instance.name}`, label: run.scenario.label, origin: 'imported', instance: run.scenario.instance };
}

/** Whether a stored run names a policy this build can still run. */
export function isRunnable(run: SavedRunPayload): boolean {
  return run.policy.source !== undefined || findBuiltinPolicy(run.policy.builtinId ?? '') !== undefined;
}

/** Metric names whose re-run value differs from the stored one (exact comparison: reproducible means to the bit). */
export function differingMetrics(stored: Readonly<Record<string, number>>, rerun: Readonly<Record<string, number>>): string[] {
  return Object.keys(stored).filter((name) => !Object.is(stored[name], rerun[name]));
}
