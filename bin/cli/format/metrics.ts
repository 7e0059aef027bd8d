import { METRICS } from '../../../engine/jobshop/metrics';

/** How metrics read in a terminal: a fixed order, words instead of camelCase, ratios as percentages. */

const ORDER = [
  'makespan',
  'bestKnownBound',
  'gapToBest',
  'lowerBound',
  'gapToLowerBound',
  'totalFlowTime',
  'totalTardiness',
  'totalWeightedTardiness',
  'maxLateness',
  'tardyJobs',
  'utilisation',
  'decisions',
];

const LABELS: Record<string, string> = {
  bestKnownBound: 'best known makespan',
  gapToBest: 'gap to best known',
  gapToLowerBound: 'gap to lower bound',
  maxLateness: 'maximum lateness',
};

const RATIOS = new Set(['utilisation', 'gapToBest', 'gapToLowerBound']);

export function metricLabel(name: string): string {
  return LABELS[name] ?? name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export function formatMetric(name: string, value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '-∞' : 'n/a';
  if (RATIOS.has(name)) return `${(value * 100).toFixed(1)}%`;
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(2);
}

/** The metrics a run reported, in reading order (known ones first), with label, value and description. */
export function metricRows(metrics: Readonly<Record<string, number>>): { label: string; value: string; description: string }[] {
  const names = [...ORDER.filter((n) => n in metrics), ...Object.keys(metrics).filter((n) => !ORDER.includes(n))];
  return names.map((name) => ({
    label: metricLabel(name),
    value: formatMetric(name, metrics[name]),
    description: (METRICS as Record<string, { description: string }>)[name]?.description ?? '',
  }));
}
