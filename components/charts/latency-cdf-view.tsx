'use client';
import { renderLatencyCdf, type LatencyCdfData, type LatencyCdfOptions } from './latency-cdf';
import { useD3Chart } from './use-d3-chart';

const DEFAULT_OPTIONS: LatencyCdfOptions = {};

/** TTFT, TPOT and E2E CDFs for several runs (see latency-cdf.ts). Pass memoised data. */
export function LatencyCdfView({ data, options = DEFAULT_OPTIONS }: { data: LatencyCdfData; options?: LatencyCdfOptions }) {
  const ref = useD3Chart(renderLatencyCdf, data, options);
  return <div ref={ref} className="latency-cdf-container" />;
}
