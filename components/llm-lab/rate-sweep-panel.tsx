'use client';
import { useMemo, useState } from 'react';
import type { RateSweepData, RateSweepOptions } from '../charts/rate-sweep';
import { RateSweepView } from '../charts/rate-sweep-view';
import { useLlmLabStore } from '../state/llm-lab-store';
import { LAB_POLICIES, parseRates } from './llm-run-requests';

/**
 * The rate sweep: the chosen policies on the workload at several arrival rates, each a run on the worker pool,
 * drawn as throughput against p99 TTFT — where each policy's latency turns up is its capacity.
 */
export function RateSweepPanel({ onSweep, onStop }: { onSweep: () => void; onStop: () => void }) {
  const s = useLlmLabStore();
  const [linearY, setLinearY] = useState(false);
  let rates: number[] = [];
  let ratesError: string | null = null;
  try {
    rates = parseRates(s.sweepRates);
  } catch (error) {
    ratesError = (error as Error).message;
  }
  const total = rates.length * (s.sweepIds.length + (s.sweepIncludeEditor ? 1 : 0));
  const data = useMemo<RateSweepData>(() => {
    const byPolicy = new Map<string, { id: string; label: string; points: { rate: number; throughput: number; ttftP99: number }[] }>();
    for (const p of s.sweepPoints) {
      const series = byPolicy.get(p.policyId) ?? { id: p.policyId, label: p.policyLabel, points: [] };
      series.points.push({ rate: p.rate, throughput: p.throughput, ttftP99: p.ttftP99 });
      byPolicy.set(p.policyId, series);
    }
    // The order of the checkboxes (editor first), not the order runs finish in: a policy keeps its colour and dash
    // from one sweep to the next, as in the other charts.
    const rank = (id: string) => (id === 'editor' || id.startsWith('editor+') ? -1 : LAB_POLICIES.findIndex((p) => p.id === id.split('+')[0]));
    return { series: [...byPolicy.values()].sort((a, b) => rank(a.id) - rank(b.id)) };
  }, [s.sweepPoints]);
  const options = useMemo<RateSweepOptions>(() => ({ linearY }), [linearY]);
  return (
    <section className="panel" aria-label="Rate sweep">
      <header className="panel-head">
        <h2>Rate sweep: throughput against p99 TTFT</h2>
        <span className="muted">each point is a run of the workload at that arrival rate (same seed, cluster and dispatcher)</span>
      </header>
      <div className="row">
        <fieldset className="policies">
          <legend>Policies</legend>
          <label className="check">
            <input type="checkbox" checked={s.sweepIncludeEditor} onChange={(e) => s.setSweepIncludeEditor(e.target.checked)} />
            The editor’s policy
          </label>
          {LAB_POLICIES.map((p) => (
            <label key={p.id} className="check">
              <input type="checkbox" checked={s.sweepIds.includes(p.id)} onChange={() => s.toggleSweepPolicy(p.id)} aria-label={`Sweep ${p.label}`} />
              {p.label}
            </label>
          ))}
        </fieldset>
        <label title="Arrival rates, requests per second, separated by commas">
          Rates (req/s) <input className="rates" aria-label="Sweep rates" value={s.sweepRates} onChange={(e) => s.setSweepRates(e.target.value)} />
        </label>
        {s.busy === 'sweep' ? (
          <button className="stop" onClick={onStop}>
            Stop sweep
          </button>
        ) : (
          <button className="primary" onClick={onSweep} disabled={total === 0 || ratesError !== null || s.busy !== null}>
            Sweep {total} runs
          </button>
        )}
        {s.sweepProgress && (
          <span className="progress" role="status" aria-live="polite" data-testid="sweep-progress">
            <progress max={s.sweepProgress.total} value={s.sweepProgress.done} /> {s.sweepProgress.done} / {s.sweepProgress.total}
            {s.busy === 'sweep' && s.sweepProgress.etaMs > 0 ? ` · ${Math.ceil(s.sweepProgress.etaMs / 1000)} s left` : ''}
          </span>
        )}
        <label className="check">
          <input type="checkbox" checked={linearY} onChange={(e) => setLinearY(e.target.checked)} /> linear y axis
        </label>
      </div>
      {ratesError && (
        <p className="error" role="alert">
          {ratesError}
        </p>
      )}
      {s.sweepFailures.map((message) => (
        <p key={message} className="error" role="alert">
          {message}
        </p>
      ))}
      {data.series.length > 0 ? <RateSweepView data={data} options={options} /> : <p className="muted">No sweep yet.</p>}
    </section>
  );
}
