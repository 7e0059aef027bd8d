import type { Objective } from '../core/policy';
import { computeLowerBounds, publishedBound } from './bounds';
import type { RunState } from './run-state';

/** Every metric the job-shop engine reports, with its direction, for tables, sweeps and Pareto fronts. */
export const METRICS = {
  makespan: { direction: 'min', description: 'Time the last operation ends (Cmax)' },
  totalFlowTime: { direction: 'min', description: 'Sum over jobs of completion minus release' },
  totalTardiness: { direction: 'min', description: 'Sum over jobs of max(0, completion - due); only with due dates' },
  totalWeightedTardiness: { direction: 'min', description: 'Weighted sum of tardiness; only with due dates' },
  maxLateness: { direction: 'min', description: 'Largest completion - due (negative when all are early); only with due dates' },
  tardyJobs: { direction: 'min', description: 'Jobs finishing after their due date; only with due dates' },
  utilisation: { direction: 'max', description: 'Processing time / (machines x makespan)' },
  decisions: { direction: 'min', description: 'Number of policy decisions' },
  lowerBound: { direction: 'max', description: 'Best of the longest-job and heaviest-machine lower bounds on the makespan' },
  gapToLowerBound: { direction: 'min', description: '(makespan - lowerBound) / lowerBound' },
  bestKnownBound: { direction: 'min', description: 'Best known makespan (published upper bound) of a classic instance' },
  gapToBest: { direction: 'min', description: '(makespan - bestKnownBound) / bestKnownBound, for published instances' },
} as const satisfies Record<string, { direction: 'min' | 'max'; description: string }>;

export type MetricName = keyof typeof METRICS;

export const OBJECTIVES: readonly Objective[] = [
  { metric: 'makespan', direction: 'min' },
  { metric: 'totalWeightedTardiness', direction: 'min' },
  { metric: 'totalFlowTime', direction: 'min' },
];

/**
 * Metrics of a finished run. Published bounds apply only to the instance as published: releases or breakdowns
 * change the problem, and a file that only shares the name must also share the shape and the total work.
 */
export function computeMetrics(state: RunState, hasBreakdowns: boolean): Record<string, number> {
  const inst = state.instance;
  let makespan = 0;
  let busy = 0;
  for (let o = 0; o < inst.operationCount; o++) {
    if (state.opEnd[o] > makespan) makespan = state.opEnd[o];
    busy += inst.altDuration[state.opAlt[o]];
  }
  let flow = 0;
  let tardiness = 0;
  let weightedTardiness = 0;
  let maxLateness = -Infinity;
  let tardyJobs = 0;
  let hasReleases = false;
  for (let j = 0; j < inst.jobCount; j++) {
    const completion = state.jobReady[j];
    flow += completion - inst.jobRelease[j];
    if (inst.jobRelease[j] > 0) hasReleases = true;
    const lateness = completion - inst.jobDue[j];
    if (lateness > maxLateness) maxLateness = lateness;
    if (lateness > 0) {
      tardiness += lateness;
      weightedTardiness += inst.jobWeight[j] * lateness;
      tardyJobs++;
    }
  }
  const metrics: Record<string, number> = {
    makespan,
    totalFlowTime: flow,
    utilisation: makespan > 0 ? busy / (inst.machineCount * makespan) : 0,
    decisions: state.decisions,
  };
  if (inst.hasDueDates) {
    // Jobs without a due date have lateness -Infinity and never count as tardy.
    Object.assign(metrics, { totalTardiness: tardiness, totalWeightedTardiness: weightedTardiness, maxLateness, tardyJobs });
  }
  if (!hasReleases && !hasBreakdowns) {
    const lower = computeLowerBounds(inst).best;
    metrics.lowerBound = lower;
    metrics.gapToLowerBound = (makespan - lower) / lower;
    const published = publishedBound(inst.source.name);
    if (published && published.jobs === inst.jobCount && published.totalWork === totalMinWork(state)) {
      metrics.bestKnownBound = published.upper;
      metrics.gapToBest = (makespan - published.upper) / published.upper;
    }
  }
  return metrics;
}

function totalMinWork(state: RunState): number {
  let total = 0;
  for (let o = 0; o < state.instance.operationCount; o++) total += state.instance.opMinDuration[o];
  return total;
}
