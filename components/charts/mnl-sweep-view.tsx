'use client';
import { renderMnlSweep, type MnlSweepData, type MnlSweepOptions } from './mnl-sweep';
import { useD3Chart } from './use-d3-chart';

/** FR after against migrations (or MNL), a line per policy (see mnl-sweep.ts). Pass memoised data and options. */
export function MnlSweepView({ data, options }: { data: MnlSweepData; options: MnlSweepOptions }) {
  const ref = useD3Chart(renderMnlSweep, data, options);
  return <div ref={ref} className="mnl-sweep-container" />;
}
