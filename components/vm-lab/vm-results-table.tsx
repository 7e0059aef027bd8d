'use client';
import type { VmLabRun } from '../state/vm-lab-types';
import { formatMetric, GROUP_ORDER, metricColumn, type MetricGroup } from './metric-names';
import { TableScroll } from '../lab/table-scroll';

/**
 * The VM runs side by side. The first columns are the ones the issue asks for; any other metric the engine
 * reports (it lists them in vmEngine.metrics, e.g. dropped migrations under drift) gets a column of its own when
 * a run has it, grouped under a caption (Placement, Drift, Cluster), so new engine metrics show up without a change.
 */
const FIXED = [
  { key: 'frBefore', label: 'FR before', format: fr },
  { key: 'frAfter', label: 'FR after', format: fr },
  { key: 'migrations', label: 'Migrations', format: String },
  { key: 'fragmentCoresBefore', label: 'Fragment cores before', format: String },
  { key: 'fragmentCoresAfter', label: 'Fragment cores after', format: String },
  { key: 'freeCores', label: 'Free cores', format: String },
] as const;

const SHOWN_ELSEWHERE = new Set<string>([...FIXED.map((c) => c.key), 'decisions']);

function fr(v: number): string {
  return v.toFixed(4);
}

/** The other metrics the runs have, placement and drift first, each group's columns together. */
function extraColumns(runs: readonly VmLabRun[]): ReturnType<typeof metricColumn>[] {
  const names = new Set<string>();
  for (const run of runs) for (const name of Object.keys(run.result?.metrics ?? {})) if (!SHOWN_ELSEWHERE.has(name)) names.add(name);
  const columns = [...names].map(metricColumn);
  return GROUP_ORDER.flatMap((group) => columns.filter((c) => c.group === group));
}

/** Spans of the group caption row over the extra columns (runs of equal groups). */
function groupSpans(columns: readonly { group: MetricGroup }[]): { group: MetricGroup; span: number }[] {
  const spans: { group: MetricGroup; span: number }[] = [];
  for (const c of columns) {
    const lastSpan = spans[spans.length - 1];
    if (lastSpan?.group === c.group) lastSpan.span++;
    else spans.push({ group: c.group, span: 1 });
  }
  return spans;
}

/** The engine options a run differs from a plain rescheduling run by, in a few words. */
export function optionsText(run: VmLabRun): string {
  const parts: string[] = [];
  if (run.result?.mode === 'placement' || (run.ranOn.pending?.length ?? 0) > 0) parts.push('placement');
  if (run.settings.drift) parts.push(`drift ${run.settings.decisionSeconds === null ? '(measured)' : `${run.settings.decisionSeconds} s`}${run.settings.churn ? ' + churn' : ''}`);
  if (run.settings.objective !== 'fragment') parts.push(run.settings.objective);
  return parts.join(' · ') || '–';
}

function stopText(run: VmLabRun): string {
  const reason = run.result?.stopReason;
  if (reason === 'limit') return 'reached MNL';
  if (reason === 'policy') return 'policy stopped';
  return reason ?? '';
}

export function VmResultsTable({ runs, selectedRunId, onSelect }: { runs: readonly VmLabRun[]; selectedRunId: string | null; onSelect: (id: string) => void }) {
  if (runs.length === 0) return <p className="muted">No runs yet: generate or import a cluster, choose policies, then Run (Ctrl/Cmd+Enter).</p>;
  const extra = extraColumns(runs);
  const width = FIXED.length + extra.length + 2;
  const lead = 4 + FIXED.length; // Policy, Cluster, MNL, Options and the fixed metrics
  return (
    <TableScroll label="Runs table">
      <table className="results" aria-label="Runs">
        <thead>
          {extra.length > 0 && (
            <tr className="group-row">
              <th colSpan={lead} />
              {groupSpans(extra).map((g, i) => (
                <th key={i} colSpan={g.span} className="group">
                  {g.group}
                </th>
              ))}
              <th colSpan={2} />
            </tr>
          )}
          <tr>
            <th>Policy</th>
            <th>Cluster</th>
            <th>MNL</th>
            <th>Options</th>
            {FIXED.map((c) => (
              <th key={c.key}>{c.label}</th>
            ))}
            {extra.map((c) => (
              <th key={c.key} title={c.description}>
                {c.header}
              </th>
            ))}
            <th>Stopped</th>
            <th>Time</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} className={run.id === selectedRunId ? 'selected' : undefined} onClick={() => run.result && onSelect(run.id)} data-status={run.status}>
              <td>{run.policyLabel}</td>
              <td className="nowrap" title={run.scenario.label}>
                {run.scenario.label}
              </td>
              <td className="num">{run.mnl ?? '–'}</td>
              <td className="nowrap" data-testid="run-options">
                {optionsText(run)}
              </td>
              {run.status === 'failed' ? (
                <td colSpan={width} className="error">
                  {run.failure?.message}
                </td>
              ) : run.result ? (
                <>
                  {FIXED.map((c) => {
                    const v = run.result!.metrics[c.key];
                    return (
                      <td key={c.key} className="num" data-metric={c.key}>
                        {v === undefined ? '–' : c.format(v)}
                      </td>
                    );
                  })}
                  {extra.map((c) => (
                    <td key={c.key} className="num" data-metric={c.key}>
                      {formatMetric(c.key, run.result!.metrics[c.key])}
                    </td>
                  ))}
                  <td>{stopText(run)}</td>
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
