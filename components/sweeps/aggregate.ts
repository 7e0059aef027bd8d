/**
 * Sweep runs grouped into policy points: every done run of one policy with one set of parameter values, across
 * scenarios and seeds, is one point of a Pareto view. A point's metric is the mean or median over its runs, with the
 * min..max spread so a chart can show how much the seeds disagree. Pure data; no React.
 */
import { summarize } from '../../engine/core/stats';
import type { PolicyPointKey, SweepRunRow } from './sweep-types';

/** The done runs of one (policy, parameter values) pair. */
export interface PolicyPointGroup extends PolicyPointKey {
  /** Exact and stable: the same policy and values always give the same id (see `policyPointId`). */
  readonly id: string;
  /** For people: values rounded to four significant digits, e.g. "ATC k=1.5". */
  readonly label: string;
  /** The group's runs in sweep order (by position), so a click on the point can list them. */
  readonly runs: readonly SweepRunRow[];
}

export type AggregateStat = 'mean' | 'median';

export interface AggregatedMetric {
  /** Mean or median of the finite values; NaN when there are none. */
  readonly value: number;
  /** Smallest and largest finite value; both NaN when there are none. */
  readonly spread: [number, number];
  /** How many finite values went in (a run whose metric is NaN, infinite or missing does not count). */
  readonly n: number;
}

/** Parameter names in a fixed order, so {a, b} and {b, a} are the same point. */
function sortedEntries(params: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * "name=value" pairs joined by `separator`, names sorted; values exact by default (String(v) is the shortest text
 * that reads back as the same double), or through `format` for display.
 */
export function paramsText(
  params: Readonly<Record<string, number>>,
  separator = ';',
  format: (v: number) => string = String,
): string {
  return sortedEntries(params)
    .map(([k, v]) => `${k}=${format(v)}`)
    .join(separator);
}

/** `policyLabel` alone, or `policyLabel + ' ' + k=v,k=v` with exact values: the id of a policy point. */
export function policyPointId(key: PolicyPointKey): string {
  const params = paramsText(key.params, ',');
  return params === '' ? key.policyLabel : `${key.policyLabel} ${params}`;
}

/** "ATC k=1.5, w=0.3333": the policy point for a legend or tooltip. */
export function policyPointLabel(key: PolicyPointKey): string {
  const params = paramsText(key.params, ', ', formatSignificant);
  return params === '' ? key.policyLabel : `${key.policyLabel} ${params}`;
}

/** Whole numbers as they are, others to four significant digits (1.5, 0.3333, 1.235e+6); NaN and ±Infinity by name. */
export function formatSignificant(v: number): string {
  if (!Number.isFinite(v) || Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(4)));
}

/**
 * The done runs grouped by (policy label, parameter values). Groups come in the order of their first run's position
 * and runs inside a group by position, so the result does not depend on the order the rows arrived in.
 * Failed runs are left out: they have no metrics to place (count them with `failedCount`).
 */
export function groupByPolicyPoint(rows: readonly SweepRunRow[]): PolicyPointGroup[] {
  const done = rows.filter((row) => row.status === 'done').sort((a, b) => a.position - b.position);
  const groups = new Map<string, { key: PolicyPointKey; runs: SweepRunRow[] }>();
  for (const row of done) {
    const id = policyPointId(row);
    const group = groups.get(id);
    if (group) group.runs.push(row);
    else groups.set(id, { key: { policyLabel: row.policyLabel, params: row.params }, runs: [row] });
  }
  return [...groups].map(([id, { key, runs }]) => ({
    id,
    label: policyPointLabel(key),
    policyLabel: key.policyLabel,
    params: key.params,
    runs,
  }));
}

/**
 * One metric of a group as its mean or median (R-7, as every percentile in engine/core) and min..max. Non-finite
 * values are skipped rather than averaged: one diverged seed would otherwise turn the whole point into NaN or
 * Infinity and hide what the other seeds say; `n` tells how many values the number stands for.
 */
export function aggregateMetric(group: PolicyPointGroup, metric: string, stat: AggregateStat): AggregatedMetric {
  const values: number[] = [];
  for (const run of group.runs) {
    const v = run.metrics[metric];
    if (typeof v === 'number' && Number.isFinite(v)) values.push(v);
  }
  const summary = summarize(values);
  return {
    value: stat === 'mean' ? summary.mean : summary.p50,
    spread: [summary.min, summary.max],
    n: summary.count,
  };
}

/** The metric names any done run reported, sorted (code-unit order, the same on every machine). */
export function metricNames(rows: readonly SweepRunRow[]): string[] {
  const names = new Set<string>();
  for (const row of rows) if (row.status === 'done') for (const name of Object.keys(row.metrics)) names.add(name);
  return [...names].sort();
}

/** How many runs failed. */
export function failedCount(rows: readonly SweepRunRow[]): number {
  let count = 0;
  for (const row of rows) if (row.status === 'failed') count++;
  return count;
}
