import type { SweepRunRow } from '../../../components/sweeps/sweep-types';

/** A done run at `position` with the given fields overridden; the run key is derived from the position. */
export function runRow(position: number, fields: Partial<SweepRunRow> = {}): SweepRunRow {
  return {
    runKey: `run-${position}`,
    position,
    scenarioLabel: 'ft06',
    policyLabel: 'ATC',
    params: { k: 1.5 },
    seed: 1,
    options: {},
    status: 'done',
    metrics: { makespan: 10 },
    error: null,
    worker: 'local',
    elapsedMs: 1,
    ...fields,
  };
}

/** A failed run: no metrics, an error. */
export function failedRow(position: number, message: string, fields: Partial<SweepRunRow> = {}): SweepRunRow {
  return runRow(position, { status: 'failed', metrics: {}, error: { kind: 'policy', message, line: 3 }, ...fields });
}
