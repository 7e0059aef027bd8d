/**
 * The sweep pages' calls to the sweep API (app/api/sweeps). A refused call throws SweepApiError with the server's
 * message, which names the field at fault (`spec.policies[1].params: ...`), so the page can show it as it is.
 */
import type { SweepPlan } from '../../db/queries/browser-sweep';
import type { SweepRecord, SweepStatus } from '../../db/queries/sweep-read';
import type { PostSweepRunsPayload } from '../../db/sweep-payloads';
import type { SweepRunRow } from './sweep-types';

export class SweepApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'SweepApiError';
  }
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { cache: 'no-store', ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  const body = (await response.json().catch(() => ({ error: `${response.status} ${response.statusText}` }))) as T & { error?: string; issues?: { path: string; message: string }[] };
  if (!response.ok) {
    const issues = body.issues && body.issues.length > 1 ? ` (${body.issues.map((i) => `${i.path}: ${i.message}`).join('; ')})` : '';
    throw new SweepApiError(`${body.error ?? response.statusText}${issues}`, response.status);
  }
  return body;
}

export interface SweepViewData {
  readonly sweep: SweepRecord;
  readonly status: SweepStatus;
  readonly runs: readonly SweepRunRow[];
}

/** JSON has no NaN or infinities: the API sends those metrics as their names. */
function numericRows(runs: readonly SweepRunRow[]): SweepRunRow[] {
  return runs.map((run) => ({ ...run, metrics: Object.fromEntries(Object.entries(run.metrics).map(([k, v]) => [k, Number(v)])) }));
}

export const sweepApi = {
  create: (spec: unknown, workers?: number) => call<{ id: string; total: number; url: string }>('/api/sweeps', { method: 'POST', body: JSON.stringify({ spec, workers }) }),
  get: async (id: string): Promise<SweepViewData> => {
    const data = await call<SweepViewData>(`/api/sweeps/${id}`);
    return { ...data, runs: numericRows(data.runs) };
  },
  plan: (id: string) => call<SweepPlan>(`/api/sweeps/${id}/plan`),
  postRuns: (id: string, payload: PostSweepRunsPayload) => call<{ stored: number }>(`/api/sweeps/${id}/runs`, { method: 'POST', body: JSON.stringify(payload) }),
  run: (id: string, key: string) => call<{ run: SweepRunRow & { artifact: string | null } }>(`/api/sweeps/${id}/runs/${key}`),
};
