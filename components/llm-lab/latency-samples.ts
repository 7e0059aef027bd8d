import type { RequestRecord } from '../../engine/llm';
import type { LatencyCdfRun } from '../charts/latency-cdf';

/**
 * Per-request latencies of a run, sorted, for the CDF chart. The same definitions as the engine's metrics
 * (engine/llm/metrics.ts): TTFT = first token - arrival; E2E = finish - arrival; TPOT = (E2E - TTFT) / (output - 1)
 * over requests with two or more output tokens.
 */
export function latencySamples(id: string, label: string, requests: readonly RequestRecord[]): LatencyCdfRun {
  const ttft = new Float64Array(requests.length);
  const e2e = new Float64Array(requests.length);
  const tpot: number[] = [];
  requests.forEach((r, i) => {
    ttft[i] = r.firstTokenAt - r.arrival;
    e2e[i] = r.finishedAt - r.arrival;
    if (r.outputTokens >= 2) tpot.push((r.finishedAt - r.firstTokenAt) / (r.outputTokens - 1));
  });
  return { id, label, ttft: ttft.sort(), e2e: e2e.sort(), tpot: Float64Array.from(tpot).sort() };
}
