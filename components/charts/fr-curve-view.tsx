'use client';
import { renderFrCurve, type FrCurveData, type FrCurveOptions } from './fr-curve';
import { useD3Chart } from './use-d3-chart';

const DEFAULT_OPTIONS: FrCurveOptions = {};

/** FR after each migration, for one or more runs (see fr-curve.ts). Pass memoised data. */
export function FrCurveView({ data, options = DEFAULT_OPTIONS }: { data: FrCurveData; options?: FrCurveOptions }) {
  const ref = useD3Chart(renderFrCurve, data, options);
  return <div ref={ref} className="fr-curve-container" />;
}
