import type { describeCluster } from '../../../engine/llm/cluster-config';
import type { ImportReport } from '../../../engine/llm/parsers';
import type { LlmResult } from '../../../engine/llm/run-types';

export interface LlmSummaryInput {
  readonly scenario: string;
  readonly requests: number;
  readonly report?: ImportReport;
  readonly policy: { readonly id: string; readonly label: string };
  readonly seed: number;
  readonly params: Readonly<Record<string, number>>;
  readonly cluster: ReturnType<typeof describeCluster>;
  readonly result: LlmResult;
}

const ms = (seconds: number) => (Number.isFinite(seconds) ? `${(seconds * 1000).toFixed(1)} ms` : '-');
const pct = (fraction: number) => (Number.isFinite(fraction) ? `${(fraction * 100).toFixed(1)}%` : '-');

/** The text answer of `schedlab run llm`: what ran, then latency, throughput, goodput and memory in a few lines. */
export function renderLlmSummary({ scenario, requests, report, policy, seed, params, cluster, result }: LlmSummaryInput): string {
  const m = result.metrics;
  const c = cluster;
  const split = c.prefillReplicas > 0 ? ` (${c.prefillReplicas} prefill, ${c.replicas - c.prefillReplicas} decode)` : '';
  const cost = c.costModel.kind === 'constant' ? `constant ${c.costModel.iterationMs} ms` : c.costModel.kind;
  const paramText = Object.entries(params).map(([k, v]) => `${k}=${v}`).join(' ');
  const skipped = report && report.skippedFailed > 0 ? `, ${report.skippedFailed} failed rows skipped` : '';
  const latency = (name: string, label: string) =>
    `${label.padEnd(10)} mean ${ms(m[`${name}Mean`])}  p50 ${ms(m[`${name}P50`])}  p90 ${ms(m[`${name}P90`])}  p99 ${ms(m[`${name}P99`])}`;
  return [
    `scenario   ${scenario}: ${requests} requests${skipped}`,
    `cluster    ${c.replicas} x ${c.model} on ${c.gpu}${c.tensorParallel > 1 ? ` (TP ${c.tensorParallel})` : ''}${split}; ${c.kvBlocks} KV blocks of ${c.blockSize} tokens each; cost model ${cost}`,
    `policy     ${policy.id} (${policy.label}), seed ${seed}${paramText ? `, ${paramText}` : ''}`,
    latency('ttft', 'TTFT'),
    latency('tpot', 'TPOT'),
    latency('itl', 'ITL'),
    latency('e2e', 'E2E'),
    `throughput ${m.throughput.toFixed(2)} req/s, ${m.outputTokensPerSecond.toFixed(0)} output tokens/s over ${m.duration.toFixed(1)} s`,
    `SLO        ${pct(m.sloAttainment)} meet TTFT and TPOT (TTFT ${pct(m.ttftAttainment)}, TPOT ${pct(m.tpotAttainment)}); goodput ${m.goodput.toFixed(2)} req/s`,
    `memory     KV use mean ${pct(m.kvUsageMean)}, peak ${pct(m.kvUsagePeak)}; ${m.preemptions} preemptions of ${m.preemptedRequests} requests; queue mean ${m.queueLengthMean.toFixed(1)}, max ${m.queueLengthMax}`,
    `iterations ${m.iterations}, mean batch ${m.meanBatchSize.toFixed(1)} requests, mean ${ms(m.meanIterationTime)}; ${m.migrations} migrations, ${m.kvTransfers} KV transfers`,
  ].join('\n');
}
