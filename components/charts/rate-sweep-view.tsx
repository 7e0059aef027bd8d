'use client';
import { renderRateSweep, type RateSweepData, type RateSweepOptions } from './rate-sweep';
import { useD3Chart } from './use-d3-chart';

const DEFAULT_OPTIONS: RateSweepOptions = {};

/** Throughput against p99 TTFT, a line per policy (see rate-sweep.ts). Pass memoised data. */
export function RateSweepView({ data, options = DEFAULT_OPTIONS }: { data: RateSweepData; options?: RateSweepOptions }) {
  const ref = useD3Chart(renderRateSweep, data, options);
  return <div ref={ref} className="rate-sweep-container" />;
}
