/**
 * A lesson's run as a worker request. It goes through the browser sweep's request builder
 * (workers/browser/sweep-run-request.ts), which builds scenario and options with workers/sweep-run-inputs.ts — the
 * same code the server uses when it re-runs a challenge submission — so what a student sees in the tab is what the
 * leaderboard computes.
 */
import type { SweepPolicy, SweepScenario } from '../../db/sweep-expand';
import type { SweepEngineId } from '../../db/sweep-spec';
import type { RunRequest } from '../../workers/browser/run-protocol';
import { sweepRunRequest } from '../../workers/browser/sweep-run-request';

export interface LessonRunInputs {
  readonly engine: SweepEngineId;
  /** The lesson's scenarios, resolved by the server (labels filled in, entries checked). */
  readonly scenarios: readonly SweepScenario[];
  readonly seed: number;
  /** The engine options as the engine's sweep option schema parsed them. */
  readonly options: Readonly<Record<string, unknown>>;
}

/** Throws InputError when the scenario cannot be built (a lesson's scenarios were checked when it was stored). */
export function lessonRunRequest(lesson: LessonRunInputs, scenarioIndex: number, policy: SweepPolicy, runId: string): RunRequest {
  return sweepRunRequest(
    { engine: lesson.engine, scenarios: lesson.scenarios, policies: [policy] },
    { position: 0, key: runId, scenario: scenarioIndex, policy: 0, params: {}, seed: lesson.seed, options: lesson.options },
  );
}
