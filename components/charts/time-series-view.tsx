'use client';
import { renderTimeSeries, type TimeSeriesData, type TimeSeriesOptions } from './time-series';
import { useD3Chart } from './use-d3-chart';

const DEFAULT_OPTIONS: TimeSeriesOptions = {};

/** KV usage and queue length over time for several runs (see time-series.ts). Pass memoised data. */
export function TimeSeriesView({ data, options = DEFAULT_OPTIONS }: { data: TimeSeriesData; options?: TimeSeriesOptions }) {
  const ref = useD3Chart(renderTimeSeries, data, options);
  return <div ref={ref} className="time-series-container" />;
}
