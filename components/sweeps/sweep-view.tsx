'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { metricNames } from './aggregate';
import { sweepApi, type SweepViewData } from './sweep-api';
import { SweepCompare } from './sweep-compare';
import { SweepRunDetail, SweepRunsSideBySide } from './sweep-run-detail';
import { nextCompareSelection, SweepRunsTable } from './sweep-runs-table';
import { useSweepRunner } from './use-sweep-runner';

/** How often the page re-reads a sweep that others are running (queue workers, the CLI, another tab). */
const POLL_MS = 2000;

/**
 * A sweep's page (/sweeps/[id]): its status, Run / Resume / Stop on this tab's worker pool, the comparison on two
 * objectives with the Pareto front, one run's Gantt chart, two runs side by side, and the table of every run.
 * Everything shown comes from the database (the server renders the first view; posts and polls refresh it).
 */
export function SweepView({ initial, autoRun = false }: { initial: SweepViewData; autoRun?: boolean }) {
  const [data, setData] = useState(initial);
  const id = initial.sweep.id;
  const refreshing = useRef(false);
  const refresh = useCallback(() => {
    if (refreshing.current) return;
    refreshing.current = true;
    sweepApi
      .get(id)
      .then(setData)
      .catch(() => undefined) // the next post or poll tries again
      .finally(() => (refreshing.current = false));
  }, [id]);
  const { run, stop, progress } = useSweepRunner(id, refresh);
  const [openRun, setOpenRun] = useState<string | null>(null);
  const [compare, setCompare] = useState<ReadonlySet<string>>(new Set());
  const { sweep, status, runs } = data;
  const metrics = useMemo(() => metricNames(runs), [runs]);

  useEffect(() => {
    if (progress.running || status.state === 'done' || status.state === 'stopped') return;
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, [progress.running, status.state, refresh]);

  // The builder opens a new sweep with ?run=1: start at once, and drop the flag so a reload does not run again.
  useEffect(() => {
    if (!autoRun) return;
    window.history.replaceState(null, '', window.location.pathname);
    void run();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on the first render
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !progress.running) void run();
      if (event.key === 'Escape' && progress.running) stop();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, stop, progress.running]);

  const left = status.total - status.done - status.failed;
  const canRun = left > 0 && (sweep.mode === 'browser' || status.state === 'stopped');
  const pair = [...compare] as string[];
  return (
    <div className="lab">
      <header className="lab-bar">
        <a href="/" className="brand">
          SchedLab
        </a>
        <span className="muted">
          <a href="/sweeps">Sweeps</a> · {sweep.engine} · {sweep.mode} sweep
        </span>
      </header>
      <section className="panel" aria-label="Sweep status">
        <header className="panel-head">
          <h2>{sweep.title}</h2>
          <a href={`/sweeps/new?from=${id}`} className="link" title="A new sweep with this spec, to change and run">
            Fork
          </a>
        </header>
        <p data-testid="sweep-status" role="status">
          {status.total} runs: <strong>{status.done}</strong> done, {status.failed} failed, {status.running} running, {status.queued} queued ·{' '}
          <span data-testid="sweep-state">{progress.running ? 'running here' : status.state}</span>
        </p>
        <div className="row">
          {progress.running ? (
            <button type="button" onClick={stop} title="Esc">
              Stop
            </button>
          ) : (
            canRun && (
              <button type="button" className="primary" onClick={() => void run()} title="Ctrl/Cmd+Enter">
                {status.done + status.failed > 0 ? `Resume (${left} left)` : `Run ${left} runs`}
              </button>
            )
          )}
          {progress.running && progress.total > 0 && (
            <span className="progress" role="status" aria-live="polite">
              <progress max={progress.total} value={progress.done} /> {progress.done} / {progress.total}
              {progress.etaMs > 0 ? ` · ${Math.ceil(progress.etaMs / 1000)} s left` : ''}
            </span>
          )}
          {progress.error && (
            <span className="error" role="alert">
              {progress.error}
            </span>
          )}
        </div>
      </section>
      <section className="panel" aria-label="Comparison">
        <header className="panel-head">
          <h2>Comparison</h2>
          <span className="muted">each point: one policy with its parameters, over every scenario and seed</span>
        </header>
        <SweepCompare engine={sweep.engine} rows={runs} onOpenRun={setOpenRun} />
      </section>
      {openRun && (
        <section className="panel" aria-label="Run">
          <header className="panel-head">
            <h2>Run</h2>
            <button type="button" className="link" onClick={() => setOpenRun(null)}>
              close
            </button>
          </header>
          <SweepRunDetail sweepId={id} engine={sweep.engine} runKey={openRun} />
        </section>
      )}
      {pair.length === 2 && (
        <section className="panel" aria-label="Two runs side by side">
          <header className="panel-head">
            <h2>Side by side</h2>
          </header>
          <SweepRunsSideBySide sweepId={id} engine={sweep.engine} runKeys={[pair[0], pair[1]]} />
        </section>
      )}
      <section className="panel" aria-label="Runs">
        <header className="panel-head">
          <h2>Runs</h2>
          <span className="muted">tick two to see them side by side</span>
        </header>
        <SweepRunsTable
          rows={runs}
          metrics={metrics}
          selectedKeys={compare}
          onToggleSelect={(key) => setCompare((current) => nextCompareSelection(current, key))}
          onOpenRun={setOpenRun}
          fileStem={`sweep-${id.slice(0, 8)}`}
        />
      </section>
    </div>
  );
}
