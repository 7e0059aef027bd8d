import { vmEngine } from '../../engine/vm';

/**
 * Readable names for the engine's metric and note keys, for table headers and the run details. Known metrics get
 * short headers and a group (the table puts a group's columns together under one caption); a metric the engine
 * adds later still shows, with a header made from its name.
 */
export type MetricGroup = 'Placement' | 'Drift' | 'Cluster';

const KNOWN: Readonly<Record<string, { header: string; group: MetricGroup }>> = {
  placed: { header: 'Placed', group: 'Placement' },
  unplaced: { header: 'Unplaced', group: 'Placement' },
  placedTopPriority: { header: 'Top priority placed', group: 'Placement' },
  planned: { header: 'Planned', group: 'Drift' },
  dropped: { header: 'Dropped', group: 'Drift' },
  frPlanned: { header: 'FR planned', group: 'Drift' },
  frAtApply: { header: 'FR at apply', group: 'Drift' },
  arrivals: { header: 'Arrivals', group: 'Drift' },
  exits: { header: 'Exits', group: 'Drift' },
  rejectedArrivals: { header: 'Arrivals rejected', group: 'Drift' },
  decisionSeconds: { header: 'Decision time', group: 'Drift' },
  pmsUsedBefore: { header: 'PMs used before', group: 'Cluster' },
  pmsUsedAfter: { header: 'PMs used after', group: 'Cluster' },
  loadSpreadBefore: { header: 'Load spread before', group: 'Cluster' },
  loadSpreadAfter: { header: 'Load spread after', group: 'Cluster' },
};

/** Group order in the table: what a run in that mode is about comes first. */
export const GROUP_ORDER: readonly MetricGroup[] = ['Placement', 'Drift', 'Cluster'];

const ACRONYMS: Readonly<Record<string, string>> = { fr: 'FR', mip: 'MIP', pms: 'PMs', vms: 'VMs', mnl: 'MNL' };

/** "pmsUsedBefore" -> "PMs used before", "mipStatus" -> "MIP status": a camelCase key as words. */
export function readableName(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(' ')
    .map((w) => ACRONYMS[w.toLowerCase()] ?? w.toLowerCase());
  const first = words[0] ?? '';
  return [first === first.toLowerCase() ? first.charAt(0).toUpperCase() + first.slice(1) : first, ...words.slice(1)].join(' ');
}

export function metricColumn(key: string): { key: string; header: string; group: MetricGroup; description: string } {
  const described = vmEngine.metrics as Readonly<Record<string, { description: string }>>;
  const known = KNOWN[key];
  return { key, header: known?.header ?? readableName(key), group: known?.group ?? 'Cluster', description: described[key]?.description ?? key };
}

/** A metric value for a cell: whole numbers as they are, seconds with a unit, other ratios to four decimals. */
export function formatMetric(key: string, v: number | undefined): string {
  if (v === undefined) return '–';
  if (key === 'decisionSeconds') return `${v.toFixed(3)} s`;
  return Number.isInteger(v) ? String(v) : v.toFixed(4);
}

/**
 * A run's notes (what the policy recorded with view.note) as short phrases: "MIP status: Optimal", "MIP gap: 0",
 * "proven optimal". Booleans read as words; numbers keep up to four significant decimals.
 */
export function formatNotes(notes: Readonly<Record<string, number | string | boolean>>): { key: string; text: string }[] {
  return Object.entries(notes).map(([key, value]) => {
    if (key === 'provenOptimal') return { key, text: value === true ? 'proven optimal' : 'not proven optimal' };
    const shown = typeof value === 'boolean' ? (value ? 'yes' : 'no') : typeof value === 'number' ? formatNumber(value) : value;
    return { key, text: `${readableName(key)}: ${shown}` };
  });
}

function formatNumber(v: number): string {
  if (Number.isNaN(v)) return '–';
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(4)));
}
