'use client';
import { useMemo } from 'react';
import { llmEngine } from '../../engine/llm';
import type { LatencyCdfData } from '../charts/latency-cdf';
import { LatencyCdfView } from '../charts/latency-cdf-view';
import type { RequestTimelineData, RequestTimelineOptions } from '../charts/request-timeline';
import { RequestTimelineView } from '../charts/request-timeline-view';
import type { TimeSeriesData } from '../charts/time-series';
import { TimeSeriesView } from '../charts/time-series-view';
import { useLlmLabStore } from '../state/llm-lab-store';
import type { LlmLabRun } from '../state/llm-lab-types';
import { latencySamples } from './latency-samples';
import { formatMetric, unitOf } from './llm-metric-format';

/**
 * The runs in pictures: the selected run's request timeline (lanes per request or per replica) and all its
 * metrics; KV usage and queue length over time and the latency CDFs of every finished run, overlaid.
 */
export function LlmRunView({ run, runs }: { run: LlmLabRun; runs: readonly LlmLabRun[] }) {
  const laneMode = useLlmLabStore((s) => s.laneMode);
  const setLaneMode = useLlmLabStore((s) => s.setLaneMode);
  const result = run.result!;
  const timeline = useMemo<RequestTimelineData>(() => ({ timeline: result.timeline, requests: result.requests }), [result]);
  const timelineOptions = useMemo<RequestTimelineOptions>(() => ({ mode: laneMode }), [laneMode]);
  const done = useMemo(() => runs.filter((r) => r.result), [runs]);
  const series = useMemo<TimeSeriesData>(
    () => ({ runs: done.map((r) => ({ id: r.id, label: r.policyLabel, time: r.result!.series.time, kvUsage: r.result!.series.kvUsage, queued: r.result!.series.queued })) }),
    [done],
  );
  const cdfs = useMemo<LatencyCdfData>(() => ({ runs: done.map((r) => latencySamples(r.id, r.policyLabel, r.result!.requests)) }), [done]);
  return (
    <>
      <section className="panel" aria-label="Request timeline">
        <header className="panel-head">
          <h2>
            Request timeline: {run.policyLabel} on {run.workloadLabel}
          </h2>
          <span className="muted">
            {result.requests.length.toLocaleString('en')} requests · {result.timeline.bars.length.toLocaleString('en')} segments · {result.counters.preemptions} preemptions
          </span>
          <div role="radiogroup" aria-label="Lanes" className="tabs">
            {(['request', 'replica'] as const).map((m) => (
              <button key={m} role="radio" aria-checked={laneMode === m} className={laneMode === m ? 'tab active' : 'tab'} onClick={() => setLaneMode(m)}>
                {m === 'request' ? 'Lane per request' : 'Lanes per replica'}
              </button>
            ))}
          </div>
        </header>
        <RequestTimelineView data={timeline} options={timelineOptions} />
        <details className="all-metrics">
          <summary>All metrics of this run</summary>
          <table className="results compact" aria-label="All metrics">
            <tbody>
              {Object.entries(llmEngine.metrics).map(([key, meta]) => (
                <tr key={key}>
                  <td>{meta.description}</td>
                  <td className="num nowrap" data-metric={key}>
                    {formatMetric(result.metrics[key], unitOf(key))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>
      <section className="panel" aria-label="KV usage and queue length">
        <header className="panel-head">
          <h2>KV cache and queue over time</h2>
          <span className="muted">all finished runs</span>
        </header>
        <TimeSeriesView data={series} />
      </section>
      <section className="panel" aria-label="Latency CDFs">
        <header className="panel-head">
          <h2>Latency CDFs</h2>
          <span className="muted">hover a line for p50 / p99</span>
        </header>
        <LatencyCdfView data={cdfs} />
      </section>
    </>
  );
}
