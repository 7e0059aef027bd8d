import { jobshopEngine } from '../../engine/jobshop';
import type { SaveExperimentInput, SaveExperimentPayload } from '../../db/payloads';
import type { LabRun, ScenarioChoice } from '../state/lab-types';

/** How a lab run's policy is recorded: a built-in by id, or the exact source that ran. */
export interface RunPolicyRecord {
  readonly label: string;
  readonly builtinId?: string;
  readonly source?: string;
}

/** JSON has no Infinity or NaN; a metric that is not finite is left out rather than stored as null. */
function finiteMetrics(metrics: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(metrics).filter(([, v]) => Number.isFinite(v)));
}

/** The save payload of the lab's finished runs: everything needed to reproduce each of them. */
export function toSavePayload(
  title: string,
  runs: readonly LabRun[],
  scenarios: readonly ScenarioChoice[],
  policies: ReadonlyMap<string, RunPolicyRecord>,
): SaveExperimentInput {
  const byKey = new Map(scenarios.map((s) => [s.key, s]));
  return {
    title,
    engine: 'jobshop',
    engineVersion: jobshopEngine.version,
    runs: runs
      .filter((run) => run.status === 'done' || run.status === 'failed')
      .map((run) => ({
        scenario: { label: run.scenarioLabel, instance: byKey.get(run.scenarioKey)!.instance },
        policy: policies.get(run.id)!,
        params: { ...run.params },
        seed: run.seed,
        scheme: run.scheme,
        status: run.status === 'done' ? ('done' as const) : ('failed' as const),
        metrics: run.result ? finiteMetrics(run.result.metrics) : {},
        elapsedMs: run.elapsedMs ?? 0,
        ...(run.failure ? { error: { kind: run.failure.kind, message: run.failure.message, line: run.failure.line } } : {}),
        ...(run.result ? { schedule: run.result.schedule } : {}),
      })),
  };
}

export type SavedRun = SaveExperimentPayload['runs'][number];

/** POSTs the experiment; resolves with its link, or rejects with the server's reason. */
export async function saveExperiment(payload: SaveExperimentInput): Promise<{ id: string; url: string }> {
  const response = await fetch('/api/experiments', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const issues = (body.issues ?? []).map((i: { path: string; message: string }) => `${i.path}: ${i.message}`).join('; ');
    throw new Error(`${body.error ?? `save failed (${response.status})`}${issues ? `: ${issues}` : ''}`);
  }
  rememberMyExperiment(body.id);
  return body;
}

const MY_EXPERIMENTS_KEY = 'schedlab:my-experiments';

/** "My saved experiments" is a list of ids kept in this browser (there are no accounts). */
export function rememberMyExperiment(id: string): void {
  const ids = myExperimentIds().filter((x) => x !== id);
  localStorage.setItem(MY_EXPERIMENTS_KEY, JSON.stringify([id, ...ids].slice(0, 200)));
}

export function myExperimentIds(): string[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(MY_EXPERIMENTS_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x) => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
