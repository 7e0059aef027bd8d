'use client';
import { useMemo, useState } from 'react';
import type { MnlSweepData, MnlSweepOptions } from '../charts/mnl-sweep';
import { MnlSweepView } from '../charts/mnl-sweep-view';
import { scenarioMode, useVmLabStore } from '../state/vm-lab-store';
import { policiesForMode, sweepLimits } from './vm-run-requests';

/** The sweep varies the migration budget, so it offers the rescheduling policies only. */
const SWEEP_POLICIES = policiesForMode('rescheduling');

/**
 * The MNL sweep: the chosen policies at MNL = 0, stride, 2 x stride, ... up to a maximum, each a run on the worker
 * pool, and the chart of FR after against the migrations each used (or the MNL it was given).
 */
export function MnlSweepPanel({ onSweep, onStop }: { onSweep: () => void; onStop: () => void }) {
  const s = useVmLabStore();
  const [axis, setAxis] = useState<'migrations' | 'mnl'>('migrations');
  const limits = sweepLimits(s.sweepMax, s.sweepStride);
  const placement = scenarioMode(s.scenario) === 'placement';
  const policies = SWEEP_POLICIES.filter((p) => s.sweepIds.includes(p.id)).length + (s.sweepIncludeEditor ? 1 : 0);
  const total = limits.length * policies;
  const data = useMemo<MnlSweepData>(() => {
    const byPolicy = new Map<string, { id: string; label: string; points: { mnl: number; migrations: number; frAfter: number }[] }>();
    for (const p of s.sweepPoints) {
      const series = byPolicy.get(p.policyId) ?? { id: p.policyId, label: p.policyLabel, points: [] };
      series.points.push({ mnl: p.mnl, migrations: p.migrations, frAfter: p.frAfter });
      byPolicy.set(p.policyId, series);
    }
    return { series: [...byPolicy.values()] };
  }, [s.sweepPoints]);
  const options = useMemo<MnlSweepOptions>(() => ({ x: axis }), [axis]);
  return (
    <section className="panel" aria-label="MNL sweep">
      <header className="panel-head">
        <h2>MNL sweep: FR against migrations</h2>
        <span className="muted">
          {placement ? 'for rescheduling clusters: this one has pending VMs (placement mode)' : 'each point is a run with that migration number limit, with the Run panel’s drift and objective'}
        </span>
      </header>
      <div className="row">
        <fieldset className="policies">
          <legend>Policies</legend>
          <label className="check">
            <input type="checkbox" checked={s.sweepIncludeEditor} onChange={(e) => s.setSweepIncludeEditor(e.target.checked)} />
            The editor’s policy
          </label>
          {SWEEP_POLICIES.map((p) => (
            <label key={p.id} className="check">
              <input type="checkbox" checked={s.sweepIds.includes(p.id)} onChange={() => s.toggleSweepPolicy(p.id)} aria-label={`Sweep ${p.label}`} />
              {p.label}
            </label>
          ))}
        </fieldset>
        <label>
          MNL up to{' '}
          <input type="number" className="seed" min={0} aria-label="Sweep maximum MNL" value={s.sweepMax} onChange={(e) => s.setSweepRange(Math.max(0, Math.trunc(Number(e.target.value))), s.sweepStride)} />
        </label>
        <label>
          every{' '}
          <input type="number" className="seed" min={1} aria-label="Sweep stride" value={s.sweepStride} onChange={(e) => s.setSweepRange(s.sweepMax, Math.max(1, Math.trunc(Number(e.target.value))))} />
        </label>
        {s.busy === 'sweep' ? (
          <button className="stop" onClick={onStop}>
            Stop sweep
          </button>
        ) : (
          <button className="primary" onClick={onSweep} disabled={!s.scenario || placement || total === 0 || s.busy !== null} title={`MNL = ${limits.join(', ')}`}>
            Sweep {total} runs
          </button>
        )}
        {s.sweepProgress && (
          <span className="progress" role="status" aria-live="polite" data-testid="sweep-progress">
            <progress max={s.sweepProgress.total} value={s.sweepProgress.done} /> {s.sweepProgress.done} / {s.sweepProgress.total}
            {s.busy === 'sweep' && s.sweepProgress.etaMs > 0 ? ` · ${Math.ceil(s.sweepProgress.etaMs / 1000)} s left` : ''}
          </span>
        )}
        <label className="axis-choice">
          x axis{' '}
          <select value={axis} onChange={(e) => setAxis(e.target.value as 'migrations' | 'mnl')} aria-label="Sweep x axis">
            <option value="migrations">migrations used</option>
            <option value="mnl">MNL given</option>
          </select>
        </label>
      </div>
      {s.sweepFailures.map((message) => (
        <p key={message} className="error" role="alert">
          {message}
        </p>
      ))}
      {data.series.length > 0 ? <MnlSweepView data={data} options={options} /> : <p className="muted">No sweep yet.</p>}
    </section>
  );
}
