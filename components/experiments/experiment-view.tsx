'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SavedExperiment } from '../../db/payloads';
import { RunPool } from '../../workers/browser/run-pool';
import { writeDraft } from '../editor';
import { LAB_DRAFT_KEY } from '../lab/lab-page';
import { ResultsTable } from '../lab/results-table';
import { RunGantt } from '../lab/run-gantt';
import { rememberMyExperiment } from '../lab/experiment-payload';
import { writeFork } from './fork';
import { differingMetrics, isRunnable, savedRunRequest, savedRunToLabRun, savedScenario } from './saved-runs';

type Reproduction = { state: 'idle' } | { state: 'running'; done: number; total: number } | { state: 'done'; lines: string[]; exact: boolean };

/** A saved experiment: its stored results and Gantt at once, Re-run to check they reproduce, Fork into the lab. */
export function ExperimentView({ experiment }: { experiment: SavedExperiment }) {
  const { payload } = experiment;
  const runs = useMemo(() => payload.runs.map(savedRunToLabRun), [payload]);
  const [selectedRunId, setSelectedRunId] = useState(runs.find((r) => r.result)?.id ?? null);
  const [reproduction, setReproduction] = useState<Reproduction>({ state: 'idle' });
  const poolRef = useRef<RunPool | null>(null);

  useEffect(() => {
    rememberMyExperiment(experiment.id);
    poolRef.current = new RunPool({
      createWorker: () => new Worker(new URL('../../workers/browser/simulation-worker.ts', import.meta.url), { type: 'module' }),
    });
    return () => poolRef.current?.dispose();
  }, [experiment.id]);

  const selectedIndex = runs.findIndex((r) => r.id === selectedRunId);
  const selected = runs[selectedIndex];
  const rerun = async () => {
    const indices = payload.runs.map((run, i) => i).filter((i) => payload.runs[i].status === 'done' && isRunnable(payload.runs[i]));
    setReproduction({ state: 'running', done: 0, total: indices.length });
    const outcomes = await poolRef.current!.run(
      indices.map((i) => savedRunRequest(payload.runs[i], i)),
      { onProgress: (done, total) => setReproduction({ state: 'running', done, total }) },
    );
    const lines: string[] = [];
    for (const i of indices) {
      const outcome = outcomes.get(`saved-${i}`);
      const label = `${payload.runs[i].policy.label} on ${payload.runs[i].scenario.label}`;
      if (!outcome?.ok) {
        lines.push(`${label}: failed to re-run (${outcome?.failure.message ?? 'no outcome'})`);
        continue;
      }
      const differing = differingMetrics(payload.runs[i].metrics, outcome.result.metrics);
      if (differing.length > 0) {
        lines.push(`${label}: ${differing.map((m) => `${m} stored ${payload.runs[i].metrics[m]}, now ${outcome.result.metrics[m]}`).join('; ')}`);
      }
    }
    setReproduction({ state: 'done', lines, exact: lines.length === 0 });
  };

  const fork = () => {
    const source = payload.runs.find((r) => r.policy.source !== undefined)?.policy.source;
    if (source !== undefined) writeDraft(LAB_DRAFT_KEY, source);
    const scenarios = payload.runs.map(savedScenario).filter((s, i, all) => all.findIndex((t) => t.label === s.label) === i);
    const builtinIds = [...new Set(payload.runs.map((r) => r.policy.builtinId).filter((id): id is string => id !== undefined))];
    writeFork({ scenarios, builtinIds, source, seed: payload.runs[0]?.seed ?? 1 });
    window.location.href = '/lab/jobshop';
  };

  return (
    <div className="lab">
      <header className="lab-bar">
        <a href="/" className="brand">SchedLab</a>
        <span className="muted">Saved experiment · engine {payload.engine} {payload.engineVersion} · {new Date(experiment.createdAt).toLocaleString()}</span>
        <div className="save-bar">
          <button onClick={rerun} disabled={reproduction.state === 'running'}>
            Re-run
          </button>
          <button onClick={fork}>Fork into the lab</button>
        </div>
      </header>
      <h1 className="experiment-title">{payload.title}</h1>
      {payload.notes && <p>{payload.notes}</p>}
      {reproduction.state === 'running' && (
        <p role="status">
          Re-running {reproduction.done} / {reproduction.total}…
        </p>
      )}
      {reproduction.state === 'done' && (
        <div role="status" data-testid="reproduction" className={reproduction.exact ? 'ok' : 'error'}>
          {reproduction.exact ? 'Re-run reproduces every stored metric exactly.' : 'Re-run differs from the stored results:'}
          {reproduction.lines.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
      )}
      <section className="panel" aria-label="Results">
        <ResultsTable runs={runs} selectedRunId={selectedRunId} onSelect={setSelectedRunId} />
      </section>
      {selected?.result && (
        <RunGantt
          title={`${selected.policyLabel} on ${selected.scenarioLabel}`}
          result={selected.result}
          instance={payload.runs[selectedIndex].scenario.instance}
          fileName={`experiment-${experiment.id.slice(0, 8)}`}
        />
      )}
    </div>
  );
}
