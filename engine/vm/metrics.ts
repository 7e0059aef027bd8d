import type { Objective } from '../core/policy';
import type { ClusterState } from './cluster-state';
import type { VmObjective } from './policy-api';

/**
 * Every metric the VM engine reports, with its direction, for tables, sweeps and Pareto fronts. Drift metrics appear
 * only in runs with drift, placement metrics only in placement mode.
 */
export const METRICS = {
  frBefore: { direction: 'min', description: 'Fragment rate before the first migration' },
  frAfter: { direction: 'min', description: 'Fragment rate at the end (after the plan is applied, under drift)' },
  migrations: { direction: 'min', description: 'Migrations applied' },
  fragmentCoresBefore: { direction: 'min', description: 'Sum over active nodes of (free cores mod F) before' },
  fragmentCoresAfter: { direction: 'min', description: 'Sum over active nodes of (free cores mod F) at the end' },
  freeCores: { direction: 'max', description: 'Free cores over active PMs at the end (the FR denominator)' },
  pmsUsedBefore: { direction: 'min', description: 'Active PMs hosting at least one VM, before' },
  pmsUsedAfter: { direction: 'min', description: 'Active PMs hosting at least one VM, at the end (consolidation)' },
  loadSpreadBefore: { direction: 'min', description: 'Standard deviation of CPU utilisation over active PMs, before' },
  loadSpreadAfter: { direction: 'min', description: 'Standard deviation of CPU utilisation over active PMs, at the end (balance)' },
  decisions: { direction: 'min', description: 'Policy calls, including the one that stopped the run' },
  planned: { direction: 'min', description: 'Drift: migrations the policy planned on the snapshot' },
  dropped: { direction: 'min', description: 'Drift: planned migrations that became impossible and were dropped' },
  frPlanned: { direction: 'min', description: 'Drift: the fragment rate the plan reached on the frozen snapshot' },
  frAtApply: { direction: 'min', description: 'Drift: the fragment rate after the arrivals and exits, before the plan' },
  arrivals: { direction: 'min', description: 'Drift: VMs created while the policy thought' },
  exits: { direction: 'min', description: 'Drift: VMs that left while the policy thought' },
  rejectedArrivals: { direction: 'min', description: 'Drift: created VMs that found no room' },
  decisionSeconds: { direction: 'min', description: 'Drift: the decision time used (declared, or measured and recorded)' },
  placed: { direction: 'max', description: 'Placement: pending VMs placed' },
  unplaced: { direction: 'min', description: 'Placement: pending VMs left without a place' },
  placedTopPriority: { direction: 'max', description: 'Placement: pending VMs of the highest priority placed' },
} as const satisfies Record<string, { direction: 'min' | 'max'; description: string }>;

export type MetricName = keyof typeof METRICS;

/** The objectives a run reports, by what it optimises. */
export function objectivesFor(mode: 'rescheduling' | 'placement', objective: VmObjective): readonly Objective[] {
  if (mode === 'placement') {
    return [
      { metric: 'placedTopPriority', direction: 'max' },
      { metric: 'placed', direction: 'max' },
      { metric: 'migrations', direction: 'min' },
    ];
  }
  const main = { fragment: 'frAfter', consolidation: 'pmsUsedAfter', balance: 'loadSpreadAfter' }[objective];
  return [
    { metric: main, direction: 'min' },
    { metric: 'migrations', direction: 'min' },
  ];
}

/** The default objectives (fragment rate and migrations), for listings. */
export const OBJECTIVES: readonly Objective[] = objectivesFor('rescheduling', 'fragment');

/** Consolidation and balance figures of a cluster state, recomputed from scratch (O(nodes)). */
export function clusterFigures(state: ClusterState): { readonly pmsUsed: number; readonly loadSpread: number } {
  const c = state.compiled;
  let pmsUsed = 0;
  let count = 0;
  let sum = 0;
  let sumSquares = 0;
  for (let pm = 0; pm < c.pmCount; pm++) {
    if (c.pmActive[pm] === 0) continue;
    let total = 0;
    let free = 0;
    for (let g = c.pmNodeStart[pm]; g < c.pmNodeStart[pm + 1]; g++) {
      total += c.nodeCpu[g];
      free += state.freeCpu[g];
    }
    if (free < total) pmsUsed++;
    const load = total > 0 ? (total - free) / total : 0;
    count++;
    sum += load;
    sumSquares += load * load;
  }
  const mean = count > 0 ? sum / count : 0;
  const variance = count > 0 ? Math.max(0, sumSquares / count - mean * mean) : 0;
  return { pmsUsed, loadSpread: Math.sqrt(variance) };
}
