import type { Objective } from '../core/policy';
import { summarize } from '../core/stats';
import type { GapRecorder } from './gap-recorder';
import type { RunState } from './run-state';
import type { SeriesRecorder } from './series';

type Metric = { direction: 'min' | 'max'; description: string };

const latency = (name: string, what: string): Record<string, Metric> => ({
  [`${name}Mean`]: { direction: 'min', description: `${what}, mean (s)` },
  [`${name}P50`]: { direction: 'min', description: `${what}, median (s)` },
  [`${name}P90`]: { direction: 'min', description: `${what}, 90th percentile (s)` },
  [`${name}P99`]: { direction: 'min', description: `${what}, 99th percentile (s)` },
});

/** Every metric the LLM engine reports, with its direction, for tables, sweeps and Pareto fronts. */
export const METRICS: Readonly<Record<string, Metric>> = {
  requests: { direction: 'max', description: 'Requests finished' },
  duration: { direction: 'min', description: 'Seconds from the first arrival to the last finish' },
  ...latency('ttft', 'Time to first token (arrival to first token, queueing included)'),
  ...latency('tpot', 'Time per output token after the first, (E2E - TTFT) / (output - 1), requests with 2+ tokens'),
  ...latency('itl', 'Inter-token gap, per token after the first'),
  ...latency('e2e', 'End-to-end latency, arrival to last token'),
  ...latency('normalizedLatency', 'Normalised latency, E2E / output tokens (s per token)'),
  throughput: { direction: 'max', description: 'Requests finished per second' },
  outputTokensPerSecond: { direction: 'max', description: 'Output tokens per second' },
  totalTokensPerSecond: { direction: 'max', description: 'Prompt + output tokens per second' },
  sloAttainment: { direction: 'max', description: 'Fraction of requests meeting both their TTFT and TPOT limits' },
  ttftAttainment: { direction: 'max', description: 'Fraction of requests meeting their TTFT limit' },
  tpotAttainment: { direction: 'max', description: 'Fraction of requests meeting their TPOT limit' },
  goodput: { direction: 'max', description: 'Requests per second meeting both their TTFT and TPOT limits' },
  preemptions: { direction: 'min', description: 'Preemptions (recompute and swap)' },
  preemptedRequests: { direction: 'min', description: 'Requests preempted at least once' },
  migrations: { direction: 'min', description: 'Migrations between replicas' },
  kvTransfers: { direction: 'min', description: 'Prefill-to-decode KV transfers (disaggregated mode)' },
  kvUsageMean: { direction: 'max', description: 'Mean fraction of KV blocks in use (time-weighted, whole cluster)' },
  kvUsagePeak: { direction: 'min', description: 'Peak fraction of KV blocks in use' },
  queueLengthMean: { direction: 'min', description: 'Mean requests queued (not holding KV on a GPU), time-weighted' },
  queueLengthMax: { direction: 'min', description: 'Most requests queued at once' },
  inSystemMean: { direction: 'min', description: 'Mean requests in the system (arrived, not finished), time-weighted' },
  iterations: { direction: 'min', description: 'Iterations run, all replicas' },
  meanBatchSize: { direction: 'max', description: 'Requests per iteration' },
  meanIterationTime: { direction: 'min', description: 'Mean iteration length (s)' },
  utilisation: { direction: 'max', description: 'Fraction of replica time spent in iterations' },
};

export const OBJECTIVES: readonly Objective[] = [
  { metric: 'goodput', direction: 'max' },
  { metric: 'ttftP99', direction: 'min' },
  { metric: 'tpotP99', direction: 'min' },
];

export interface MetricInputs {
  readonly state: RunState;
  readonly series: SeriesRecorder;
  readonly gaps: GapRecorder;
  readonly counters: { readonly iterations: number; readonly preemptions: number; readonly migrations: number; readonly kvTransfers: number; readonly batchedRequests: number; readonly busyTime: number };
  readonly maxQueued: number;
}

function put(metrics: Record<string, number>, name: string, values: ArrayLike<number>): void {
  const s = summarize(values);
  metrics[`${name}Mean`] = s.mean;
  metrics[`${name}P50`] = s.p50;
  metrics[`${name}P90`] = s.p90;
  metrics[`${name}P99`] = s.p99;
}

export function computeMetrics({ state: s, series, gaps, counters, maxQueued }: MetricInputs): Record<string, number> {
  const { arrival, prompt, output, slo, ttftLimit, tpotLimit } = s.requests;
  const n = s.finishedCount;
  const ttft = new Float64Array(n);
  const e2e = new Float64Array(n);
  const normalized = new Float64Array(n);
  const tpot: number[] = [];
  let meetTtft = 0;
  let meetTpot = 0;
  let meetBoth = 0;
  let preempted = 0;
  let outputTokens = 0;
  let promptTokens = 0;
  let lastFinish = 0;
  for (let r = 0; r < n; r++) {
    const first = s.firstToken[r] - arrival[r];
    const total = s.finishedAt[r] - arrival[r];
    ttft[r] = first;
    e2e[r] = total;
    normalized[r] = total / output[r];
    const perToken = output[r] > 1 ? (total - first) / (output[r] - 1) : 0;
    if (output[r] > 1) tpot.push(perToken);
    const okFirst = first <= ttftLimit[slo[r]];
    const okToken = perToken <= tpotLimit[slo[r]];
    if (okFirst) meetTtft++;
    if (okToken) meetTpot++;
    if (okFirst && okToken) meetBoth++;
    if (s.preemptions[r] > 0) preempted++;
    outputTokens += output[r];
    promptTokens += prompt[r];
    if (s.finishedAt[r] > lastFinish) lastFinish = s.finishedAt[r];
  }
  const duration = n > 0 ? lastFinish - arrival[0] : 0;
  const perSecond = (x: number) => (duration > 0 ? x / duration : NaN);
  const m: Record<string, number> = { requests: n, duration };
  put(m, 'ttft', ttft);
  put(m, 'tpot', tpot);
  const [itl50, itl90, itl99] = gaps.percentiles([50, 90, 99]);
  Object.assign(m, { itlMean: gaps.mean(), itlP50: itl50, itlP90: itl90, itlP99: itl99 });
  put(m, 'e2e', e2e);
  put(m, 'normalizedLatency', normalized);
  const end = series.end;
  const average = (channel: number) => (end > 0 ? series.totals[channel] / end : NaN);
  const blocks = s.cluster.kvBlocks * s.replicaCount;
  Object.assign(m, {
    throughput: perSecond(n),
    outputTokensPerSecond: perSecond(outputTokens),
    totalTokensPerSecond: perSecond(outputTokens + promptTokens),
    sloAttainment: n > 0 ? meetBoth / n : NaN,
    ttftAttainment: n > 0 ? meetTtft / n : NaN,
    tpotAttainment: n > 0 ? meetTpot / n : NaN,
    goodput: perSecond(meetBoth),
    preemptions: counters.preemptions,
    preemptedRequests: preempted,
    migrations: counters.migrations,
    kvTransfers: counters.kvTransfers,
    kvUsageMean: average(3) / blocks,
    kvUsagePeak: s.peakUsedFraction,
    queueLengthMean: average(1),
    queueLengthMax: maxQueued,
    inSystemMean: average(0),
    iterations: counters.iterations,
    meanBatchSize: counters.iterations > 0 ? counters.batchedRequests / counters.iterations : NaN,
    meanIterationTime: counters.iterations > 0 ? counters.busyTime / counters.iterations : NaN,
    utilisation: end > 0 ? counters.busyTime / (end * s.replicaCount) : NaN,
  });
  return m;
}
