'use client';
import type { LlmLabRun } from '../state/llm-lab-types';
import { formatMetric, TABLE_METRICS } from './llm-metric-format';
import { TableScroll } from '../lab/table-scroll';

/** The LLM runs side by side: latency percentiles, throughput, goodput, KV and queue, preemptions. */
export function LlmResultsTable({ runs, selectedRunId, onSelect }: { runs: readonly LlmLabRun[]; selectedRunId: string | null; onSelect: (id: string) => void }) {
  if (runs.length === 0) return <p className="muted">No runs yet: choose a workload, a cluster and policies, then Run (Ctrl/Cmd+Enter).</p>;
  const width = TABLE_METRICS.length + 1;
  return (
    <TableScroll label="Runs table">
      <table className="results" aria-label="Runs">
        <thead>
          <tr>
            <th>Policy</th>
            <th>Workload</th>
            <th>Cluster</th>
            <th>Requests</th>
            {TABLE_METRICS.map((c) => (
              <th key={c.key}>{c.label}</th>
            ))}
            <th>Time</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} className={run.id === selectedRunId ? 'selected' : undefined} onClick={() => run.result && onSelect(run.id)} data-status={run.status}>
              <td>{run.policyLabel}</td>
              <td className="nowrap">{run.workloadLabel}</td>
              <td className="nowrap">{run.clusterLabel}</td>
              <td className="num">{run.requests.toLocaleString('en')}</td>
              {run.status === 'failed' ? (
                <td colSpan={width} className="error">
                  {run.failure?.message}
                </td>
              ) : run.result ? (
                <>
                  {TABLE_METRICS.map((c) => (
                    <td key={c.key} className="num nowrap" data-metric={c.key} data-value={run.result!.metrics[c.key]}>
                      {formatMetric(run.result!.metrics[c.key], c.unit)}
                    </td>
                  ))}
                  <td className="num nowrap">{run.elapsedMs === undefined ? '' : `${run.elapsedMs.toFixed(0)} ms`}</td>
                </>
              ) : (
                <td colSpan={width} className="muted">
                  {run.status}…
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
