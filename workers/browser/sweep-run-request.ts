/**
 * A browser sweep's run as a worker request, and its outcome as the run the sweep page posts. The scenario and run
 * options come from workers/sweep-run-inputs.ts, the builder `schedlab sweep` uses, and the worker computes with the
 * same engine, seeded stream and compile path as the CLI — so a stored run has the same metrics to the bit whoever
 * ran it (test/sweep/browser-sweep.test.ts checks it against the CLI's executor).
 */
import type { PlannedRun, SweepPlan } from '../../db/queries/browser-sweep';
import { MAX_ERROR_MESSAGE, type PostedSweepRun } from '../../db/sweep-payloads';
import type { SweepPolicy } from '../../db/sweep-expand';
import type { PolicyChoice } from '../../components/state/lab-types';
import { sweepArtifact } from '../sweep-artifact';
import { sweepRunInputs } from '../sweep-run-inputs';
import type { RunOutcome, RunRequest } from './run-protocol';

function choiceOf(policy: SweepPolicy): PolicyChoice {
  return policy.source !== undefined ? { kind: 'source', source: policy.source, fileName: policy.fileName ?? 'policy.ts' } : { kind: 'builtin', id: policy.builtin! };
}

/** The worker request of a planned run; runId is its run key. Throws InputError for a scenario it cannot build. */
export function sweepRunRequest(plan: Pick<SweepPlan, 'engine' | 'scenarios' | 'policies'>, run: PlannedRun): RunRequest {
  const policy = plan.policies[run.policy];
  const inputs = sweepRunInputs(plan.engine, plan.scenarios[run.scenario], run.seed, run.options);
  const choice = choiceOf(policy);
  if (inputs.engine === 'vm') return { engine: 'vm', runId: run.key, scenario: inputs.scenario, policy: choice, options: { ...inputs.options, params: run.params } };
  if (inputs.engine === 'llm') {
    return { engine: 'llm', runId: run.key, scenario: inputs.scenario, policy: choice, ...(policy.dispatch ? { dispatch: policy.dispatch } : {}), options: { ...inputs.options, params: run.params } };
  }
  return { runId: run.key, instance: inputs.instance, policy: choice, options: { ...inputs.options, params: run.params } };
}

const encodeMetric = (value: number): number | 'NaN' | 'Infinity' | '-Infinity' => (Number.isFinite(value) ? value : (String(value) as 'NaN' | 'Infinity' | '-Infinity'));

/** What the page posts for a finished run: the outcome only; the server adds labels, parameters, seed and options. */
export function postedRunOf(plan: Pick<SweepPlan, 'engine' | 'policies'>, run: PlannedRun, outcome: RunOutcome, artifacts = true): PostedSweepRun {
  if (!outcome.ok) {
    const { kind, message, line } = outcome.failure;
    return { runKey: run.key, status: 'failed', metrics: {}, artifact: null, error: { kind, message: message.length > MAX_ERROR_MESSAGE ? `${message.slice(0, MAX_ERROR_MESSAGE - 1)}…` : message, ...(line === undefined ? {} : { line }) }, elapsedMs: 0 };
  }
  const metrics = Object.fromEntries(Object.entries(outcome.result.metrics).map(([name, value]) => [name, encodeMetric(value)]));
  return { runKey: run.key, status: 'done', metrics, artifact: artifacts ? sweepArtifact(plan.engine, outcome.result) : null, error: null, elapsedMs: outcome.elapsedMs };
}
