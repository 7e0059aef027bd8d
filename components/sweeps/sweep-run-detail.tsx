'use client';
import { useEffect, useMemo, useState } from 'react';
import { decodeSchedule } from '../../db/artifact-codec';
import { scheduleTimeline } from '../../engine/jobshop/schedule-timeline';
import type { Timeline } from '../../engine/core/timeline';
import { GanttView } from '../charts/gantt-view';
import { formatSignificant, policyPointLabel } from './aggregate';
import { sweepApi } from './sweep-api';
import type { SweepRunRow } from './sweep-types';

type StoredRun = SweepRunRow & { artifact: string | null };

/** Fetches stored runs with their artifacts (the schedule); the table rows come without them. */
function useStoredRuns(sweepId: string, keys: readonly string[]): { runs: StoredRun[]; error: string | null } {
  const [state, setState] = useState<{ runs: StoredRun[]; error: string | null }>({ runs: [], error: null });
  const joined = keys.join(',');
  useEffect(() => {
    let live = true;
    Promise.all(joined.split(',').filter(Boolean).map((key) => sweepApi.run(sweepId, key)))
      .then((answers) => live && setState({ runs: answers.map((a) => a.run), error: null }))
      .catch((error: Error) => live && setState({ runs: [], error: error.message }));
    return () => {
      live = false;
    };
  }, [sweepId, joined]);
  return state;
}

/** A job-shop run's timeline from its stored schedule; machines and jobs are counted from the schedule itself. */
function jobshopTimeline(artifact: string | null): Timeline | null {
  if (!artifact) return null;
  const schedule = decodeSchedule(artifact);
  const machines = schedule.reduce((m, op) => Math.max(m, op.machine + 1), 0);
  const jobs = schedule.reduce((j, op) => Math.max(j, op.job + 1), 0);
  return scheduleTimeline(machines, jobs, schedule);
}

function runTitle(run: SweepRunRow): string {
  return `${policyPointLabel(run)} on ${run.scenarioLabel}, seed ${run.seed}`;
}

function RunResult({ engine, run, horizon }: { engine: string; run: StoredRun; horizon?: number }) {
  const timeline = useMemo(() => (engine === 'jobshop' ? jobshopTimeline(run.artifact) : null), [engine, run.artifact]);
  const data = useMemo(() => timeline && { timeline: horizon === undefined ? timeline : { ...timeline, horizon } }, [timeline, horizon]);
  if (run.status === 'failed') return <p className="error">{run.error ? `${run.error.kind}: ${run.error.message}` : 'failed'}</p>;
  if (data) return <GanttView data={data} fileName={runTitle(run).replace(/[^\w.-]+/g, '-')} />;
  if (engine === 'vm' && run.artifact) {
    const [, moves] = JSON.parse(run.artifact) as [string, [string, string, number[], string, number[]][]];
    return (
      <ol className="small" data-testid="run-migrations">
        {moves.slice(0, 100).map(([vm, from, fromNuma, to, toNuma], i) => (
          <li key={i}>
            {vm}: {from} [{fromNuma.join(',')}] → {to} [{toNuma.join(',')}]
          </li>
        ))}
        {moves.length > 100 && <li className="muted">… {moves.length - 100} more</li>}
      </ol>
    );
  }
  return <p className="muted small">A sweep keeps this engine&apos;s metrics only; open the lab to see the run&apos;s timeline.</p>;
}

/** One stored run: its Gantt chart (job shop), its migrations (VM) or its metrics. */
export function SweepRunDetail({ sweepId, engine, runKey }: { sweepId: string; engine: string; runKey: string }) {
  const { runs, error } = useStoredRuns(sweepId, [runKey]);
  if (error) return <p className="error">{error}</p>;
  const run = runs[0];
  if (!run) return <p className="muted">loading…</p>;
  return (
    <div data-testid="run-detail">
      <h3>{runTitle(run)}</h3>
      <p className="small">
        {Object.entries(run.metrics)
          .map(([k, v]) => `${k} ${formatSignificant(v)}`)
          .join(' · ')}
      </p>
      <RunResult engine={engine} run={run} />
    </div>
  );
}

/** Two runs one above the other on the same time axis, and their metric differences. */
export function SweepRunsSideBySide({ sweepId, engine, runKeys }: { sweepId: string; engine: string; runKeys: readonly [string, string] }) {
  const { runs, error } = useStoredRuns(sweepId, runKeys);
  if (error) return <p className="error">{error}</p>;
  if (runs.length < 2) return <p className="muted">loading…</p>;
  const [a, b] = runs;
  const timelines = engine === 'jobshop' ? [jobshopTimeline(a.artifact), jobshopTimeline(b.artifact)] : [];
  const horizon = timelines.length ? Math.max(...timelines.map((t) => t?.horizon ?? 0)) : undefined;
  const names = [...new Set([...Object.keys(a.metrics), ...Object.keys(b.metrics)])].sort();
  return (
    <div data-testid="side-by-side">
      <table className="results compact">
        <thead>
          <tr>
            <th>metric</th>
            <th>A: {runTitle(a)}</th>
            <th>B: {runTitle(b)}</th>
            <th>B − A</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => (
            <tr key={name}>
              <td>{name}</td>
              <td className="num">{a.metrics[name]}</td>
              <td className="num">{b.metrics[name]}</td>
              <td className="num">{(b.metrics[name] ?? NaN) - (a.metrics[name] ?? NaN)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>A: {runTitle(a)}</h3>
      <RunResult engine={engine} run={a} horizon={horizon} />
      <h3>B: {runTitle(b)}</h3>
      <RunResult engine={engine} run={b} horizon={horizon} />
    </div>
  );
}
