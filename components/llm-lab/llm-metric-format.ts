/**
 * How the LLM lab shows the engine's metrics: readable names with units, values in the unit that suits them
 * (latencies in ms below a second), so a table of runs reads without the metric list at hand.
 */

export type MetricUnit = 'latency' | 'rate' | 'fraction' | 'count' | 'number';

export interface MetricColumn {
  readonly key: string;
  readonly label: string;
  readonly unit: MetricUnit;
}

/** The columns of the results table, in the order researchers compare serving systems. */
export const TABLE_METRICS: readonly MetricColumn[] = [
  { key: 'ttftP50', label: 'TTFT p50', unit: 'latency' },
  { key: 'ttftP99', label: 'TTFT p99', unit: 'latency' },
  { key: 'tpotP50', label: 'TPOT p50', unit: 'latency' },
  { key: 'tpotP99', label: 'TPOT p99', unit: 'latency' },
  { key: 'e2eP50', label: 'E2E p50', unit: 'latency' },
  { key: 'e2eP99', label: 'E2E p99', unit: 'latency' },
  { key: 'throughput', label: 'Throughput (req/s)', unit: 'rate' },
  { key: 'outputTokensPerSecond', label: 'Output tok/s', unit: 'rate' },
  { key: 'goodput', label: 'Goodput (req/s)', unit: 'rate' },
  { key: 'sloAttainment', label: 'SLO met', unit: 'fraction' },
  { key: 'kvUsageMean', label: 'KV used (mean)', unit: 'fraction' },
  { key: 'queueLengthMean', label: 'Queue (mean)', unit: 'number' },
  { key: 'preemptions', label: 'Preemptions', unit: 'count' },
];

/** The unit of any engine metric, from its name (the engine names latencies ...Mean/P50/P90/P99 in seconds). */
export function unitOf(key: string): MetricUnit {
  const known = TABLE_METRICS.find((c) => c.key === key);
  if (known) return known.unit;
  if (/^(ttft|tpot|itl|e2e|normalizedLatency)(Mean|P\d+)$/.test(key) || key === 'meanIterationTime') return 'latency';
  if (/Attainment$|^kvUsage|^utilisation$/.test(key)) return 'fraction';
  if (/PerSecond$|^throughput$|^goodput$/.test(key)) return 'rate';
  if (/^(requests|preemptions|preemptedRequests|migrations|kvTransfers|iterations|queueLengthMax)$/.test(key)) return 'count';
  return 'number';
}

export function formatMetric(value: number | undefined, unit: MetricUnit): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  switch (unit) {
    case 'latency':
      return Math.abs(value) < 1 ? `${(value * 1000).toFixed(value < 0.01 ? 2 : 1)} ms` : `${value.toFixed(2)} s`;
    case 'fraction':
      return `${(value * 100).toFixed(1)}%`;
    case 'rate':
      return value >= 100 ? value.toFixed(0) : value.toFixed(3);
    case 'count':
      return value.toLocaleString('en');
    default:
      return Number.isInteger(value) ? value.toLocaleString('en') : value.toFixed(2);
  }
}
