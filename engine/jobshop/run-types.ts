import type { Objective } from '../core/policy';
import type { RunControl } from '../core/simulation';
import type { Timeline } from '../core/timeline';

/**
 * How candidates are formed at each decision:
 * - active: Giffler-Thompson; the conflict set on the machine of the earliest-completing operation.
 * - non-delay: the operations that can start at the earliest possible start time.
 * - insertion: every job's next operation; the chosen one goes into the earliest idle gap on its machine that fits.
 */
export const SCHEMES = ['active', 'non-delay', 'insertion'] as const;
export type Scheme = (typeof SCHEMES)[number];

/** Seeded machine breakdowns: exponential times between failures and to repair; interrupted work resumes. */
export interface BreakdownModel {
  /** Mean time between failures (time up), > 0. */
  readonly mtbf: number;
  /** Mean time to repair (time down), > 0. */
  readonly mttr: number;
}

export interface JobShopRunOptions extends RunControl {
  readonly scheme?: Scheme;
  /** Seeds the policy's stream and the breakdowns (default 1). */
  readonly seed?: number;
  /** Parameter values by name; strings are parsed (from `--param k=v`). */
  readonly params?: Readonly<Record<string, number | string>>;
  /** Online: a job is a candidate only once released by the decision time. */
  readonly online?: boolean;
  readonly breakdowns?: BreakdownModel;
  /**
   * Keep the last decision's candidates, the priority the policy gave each and the one chosen, for
   * `lastDecision()` (step-by-step lessons). Off by default: a normal run copies and allocates nothing per decision.
   */
  readonly recordDecisions?: boolean;
}

export interface ScheduledOperation {
  readonly job: number;
  /** Position within the job, from 0. */
  readonly op: number;
  readonly machine: number;
  readonly start: number;
  readonly end: number;
}

/** One candidate of a job-shop decision, with the priority the policy gave it (absent for a `choose` policy). */
export interface JobShopCandidate extends ScheduledOperation {
  readonly priority?: number;
}

/** A decision as plain data: the candidates offered, in the order the policy saw them, and the index of the one chosen. */
export interface JobShopDecision {
  readonly candidates: readonly JobShopCandidate[];
  readonly chosen: number;
}

/** A machine's down interval [start, end). */
export interface Downtime {
  readonly machine: number;
  readonly start: number;
  readonly end: number;
}

export interface JobShopResult {
  /** Metric name -> value; see METRICS in metrics.ts for names and directions. */
  readonly metrics: Readonly<Record<string, number>>;
  readonly objectives: readonly Objective[];
  /** Every operation, in the order it was decided. */
  readonly schedule: readonly ScheduledOperation[];
  /** Breakdowns that began before the makespan. */
  readonly downtime: readonly Downtime[];
  readonly timeline: Timeline;
  readonly counters: { readonly decisions: number; readonly candidatesOffered: number };
}

/** A plain-data picture of a run in progress, for progress views and step-by-step lessons. */
export interface JobShopSnapshot {
  readonly time: number;
  readonly decisions: number;
  readonly operationCount: number;
  readonly schedule: readonly ScheduledOperation[];
  /** Candidates of the next decision: job, op, machine, earliest start and end. */
  readonly candidates: readonly ScheduledOperation[];
  readonly done: boolean;
}
