'use client';
import { renderParetoChart, type ParetoChartData, type ParetoChartOptions } from './pareto-chart';
import { useD3Chart } from './use-d3-chart';

const DEFAULT_OPTIONS: ParetoChartOptions = {};

/** Two objectives of a comparison with its Pareto front and hypervolume (see pareto-chart.ts). Pass memoised data and options. */
export function ParetoChartView({ data, options = DEFAULT_OPTIONS }: { data: ParetoChartData; options?: ParetoChartOptions }) {
  const ref = useD3Chart(renderParetoChart, data, options);
  return <div ref={ref} className="pareto-chart-container" />;
}
