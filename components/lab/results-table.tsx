'use client';
import { useMemo, useState } from 'react';
import type { LabRun } from '../state/lab-types';

/** The columns a job-shop run table shows; metrics missing from a run (no due dates) show a dash. */
const METRIC_COLUMNS = [
  { key: 'makespan', label: 'Makespan', format: (v: number) => String(v) },
  { key: 'gapToBest', label: 'Gap to best', format: percent },
  { key: 'gapToLowerBound', label: 'Gap to LB', format: percent },
  { key: 'totalWeightedTardiness', label: 'Weighted tardiness', format: (v: number) => String(v) },
  { key: 'totalFlowTime', label: 'Flow time', format: (v: number) => String(v) },
  { key: 'utilisation', label: 'Utilisation', format: percent },
] as const;

function percent(v: number): string {
  return `${(v * 100).toFixed(1)}%`;
}

type SortKey = 'policy' | 'scenario' | (typeof METRIC_COLUMNS)[number]['key'];

/** Runs side by side (policy x scenario), sortable by any column; a click selects the run for the chart. */
export function ResultsTable({
  runs,
  selectedRunId,
  onSelect,
}: {
  runs: readonly LabRun[];
  selectedRunId: string | null;
  onSelect: (id: string) => void;
}) {
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: 'makespan', ascending: true });
  const sorted = useMemo(() => {
    const value = (run: LabRun): string | number =>
      sort.key === 'policy' ? run.policyLabel : sort.key === 'scenario' ? run.scenarioLabel : (run.result?.metrics[sort.key] ?? Infinity);
    return [...runs].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.ascending ? order : -order;
    });
  }, [runs, sort]);
  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.ascending ? 'ascending' : 'descending') : 'none'}>
      <button className="sort" onClick={() => setSort({ key, ascending: sort.key === key ? !sort.ascending : true })}>
        {label}
        {sort.key === key ? (sort.ascending ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  if (runs.length === 0) return <p className="muted">No runs yet: choose scenarios and policies, then Run (Ctrl/Cmd+Enter).</p>;
  return (
    <table className="results" aria-label="Runs">
      <thead>
        <tr>
          {header('policy', 'Policy')}
          {header('scenario', 'Scenario')}
          {METRIC_COLUMNS.map((c) => header(c.key, c.label))}
          <th>Time</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((run) => (
          <tr
            key={run.id}
            className={run.id === selectedRunId ? 'selected' : undefined}
            onClick={() => run.result && onSelect(run.id)}
            data-status={run.status}
          >
            <td>{run.policyLabel}</td>
            <td>{run.scenarioLabel}</td>
            {run.status === 'failed' ? (
              <td colSpan={METRIC_COLUMNS.length} className="error">
                {run.failure?.message}
              </td>
            ) : run.result ? (
              METRIC_COLUMNS.map((c) => {
                const v = run.result!.metrics[c.key];
                return (
                  <td key={c.key} className="num" data-metric={c.key}>
                    {v === undefined ? '–' : c.format(v)}
                  </td>
                );
              })
            ) : (
              <td colSpan={METRIC_COLUMNS.length} className="muted">
                {run.status}…
              </td>
            )}
            <td className="num">{run.elapsedMs === undefined ? '' : `${run.elapsedMs.toFixed(0)} ms`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
