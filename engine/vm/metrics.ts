import type { Objective } from '../core/policy';

/** Every metric the VM engine reports, with its direction, for tables, sweeps and Pareto fronts. */
export const METRICS = {
  frBefore: { direction: 'min', description: 'Fragment rate before the first migration' },
  frAfter: { direction: 'min', description: 'Fragment rate after the last migration' },
  migrations: { direction: 'min', description: 'Migrations applied' },
  fragmentCoresBefore: { direction: 'min', description: 'Sum over active nodes of (free cores mod F) before' },
  fragmentCoresAfter: { direction: 'min', description: 'Sum over active nodes of (free cores mod F) after' },
  freeCores: { direction: 'max', description: 'Free cores over active PMs at the end (the FR denominator)' },
  decisions: { direction: 'min', description: 'Policy calls, including the one that stopped the run' },
} as const satisfies Record<string, { direction: 'min' | 'max'; description: string }>;

export type MetricName = keyof typeof METRICS;

export const OBJECTIVES: readonly Objective[] = [
  { metric: 'frAfter', direction: 'min' },
  { metric: 'migrations', direction: 'min' },
];
