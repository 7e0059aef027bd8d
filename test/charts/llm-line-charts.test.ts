// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cdfPoints, quantile, renderLatencyCdf } from '../../components/charts/latency-cdf';
import { renderRateSweep } from '../../components/charts/rate-sweep';
import { renderTimeSeries } from '../../components/charts/time-series';
import { latencySamples } from '../../components/llm-lab/latency-samples';
import { llmEngine } from '../../engine/llm';

// The LLM lab's SVG charts in jsdom: what they draw for two runs, and that the CDFs agree with the engine's metrics.

const scenario = llmEngine.findPreset('steady')!.create({ seed: 1 });
const runs = ['vllm', 'sarathi'].map((id) => ({ id, result: llmEngine.simulate(scenario, llmEngine.findPolicy(id)!, { seed: 1, timeline: false }) }));

afterEach(() => document.body.replaceChildren());

describe('latency CDFs', () => {
  it('use the engine’s definitions: their percentiles are the engine’s metrics', () => {
    for (const { id, result } of runs) {
      const samples = latencySamples(id, id, result.requests);
      expect(quantile(samples.ttft, 0.99)).toBe(result.metrics.ttftP99);
      expect(quantile(samples.ttft, 0.5)).toBe(result.metrics.ttftP50);
      expect(quantile(samples.e2e, 0.9)).toBe(result.metrics.e2eP90);
      expect(quantile(samples.tpot, 0.99)).toBe(result.metrics.tpotP99);
    }
  });

  it('thin a CDF to a few hundred points from 0 to 1, and draw a line per run in three panels', () => {
    const points = cdfPoints(Float64Array.from({ length: 10_000 }, (_, i) => i));
    expect(points.length).toBeLessThan(400);
    expect(points[0]).toEqual([0, 0]);
    expect(points.at(-1)).toEqual([9999, 1]);
    const container = document.body.appendChild(document.createElement('div'));
    renderLatencyCdf(container, { runs: runs.map(({ id, result }) => latencySamples(id, id, result.requests)) });
    expect([...container.querySelectorAll<HTMLElement>('.latency-cdf-panel')].map((p) => p.dataset.metric)).toEqual(['ttft', 'tpot', 'e2e']);
    expect(container.querySelectorAll('.cdf-line').length).toBe(6);
    expect(container.querySelector('.chart-legend')!.textContent).toContain('vllm (p99 TTFT');
  });
});

describe('time series and rate sweep', () => {
  it('draw KV usage and queue length for each run', () => {
    const container = document.body.appendChild(document.createElement('div'));
    renderTimeSeries(container, { runs: runs.map(({ id, result }) => ({ id, label: id, time: result.series.time, kvUsage: result.series.kvUsage, queued: result.series.queued })) });
    expect([...container.querySelectorAll<HTMLElement>('.time-series-panel')].map((p) => p.dataset.panel)).toEqual(['kvUsage', 'queued']);
    expect(container.querySelectorAll('.time-series-panel[data-panel="kvUsage"] path.series').length).toBe(2);
  });

  it('draws a line per policy in rate order, a point per run titled with rate, throughput and p99 TTFT', () => {
    const container = document.body.appendChild(document.createElement('div'));
    const handle = renderRateSweep(container, {
      series: [
        { id: 'a', label: 'A', points: [{ rate: 4, throughput: 3.9, ttftP99: 0.5 }, { rate: 1, throughput: 1, ttftP99: 0.1 }] },
        { id: 'b', label: 'B', points: [{ rate: 1, throughput: 1, ttftP99: 0.2 }] },
      ],
    });
    expect(container.querySelectorAll('.rate-series').length).toBe(2);
    expect([...container.querySelectorAll('.rate-series[data-series="a"] .rate-point title')].map((t) => t.textContent)).toEqual([
      'A: 1 req/s offered → 1.000 req/s, p99 TTFT 0.100 s',
      'A: 4 req/s offered → 3.900 req/s, p99 TTFT 0.500 s',
    ]);
    expect(container.textContent).toContain('log scale');
    handle.update({ series: [] }, { linearY: true });
    expect(container.textContent).not.toContain('log scale');
  });
});
