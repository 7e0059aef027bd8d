/**
 * The terminals of evolved priority rules: features of one candidate read through the public policy view
 * (policy-api.ts), the same reads a hand-written policy makes. The set follows the usual GP job-shop terminals
 * (Nguyen, Mei & Zhang 2017, "Genetic programming for production scheduling: a survey"), limited to what the view
 * gives: there is no machine queue in the API, so work-in-next-queue terminals are left out.
 *
 * Each feature is given twice, as a function and as source text, because a rule is both evaluated here and written
 * out as a policy file; the GP test checks that the two agree run for run. Every value is finite (the engine
 * rejects NaN priorities, and Infinity - Infinity would make one), which is why slack is 0 without a due date.
 */

import type { Candidate, JobShopView } from '../policy-api';

/** One terminal: how to read it, and how the written policy source reads it (in terms of `c` and `view`). */
export interface FeatureSpec {
  readonly name: string;
  readonly description: string;
  readonly source: string;
  readonly read: (c: Candidate, view: JobShopView) => number;
}

/** The features, in the order the written source declares them. */
export const FEATURES = [
  {
    name: 'processingTime',
    description: 'Processing time of the candidate operation on its machine (PT)',
    source: 'c.duration',
    read: (c) => c.duration,
  },
  {
    name: 'remainingWork',
    description: "Processing time of the job's unscheduled operations, this one included (WKR)",
    source: 'view.jobRemainingWork(c.job)',
    read: (c, view) => view.jobRemainingWork(c.job),
  },
  {
    name: 'opsRemaining',
    description: "Number of the job's unscheduled operations, this one included (NOR)",
    source: 'view.jobOpsRemaining(c.job)',
    read: (c, view) => view.jobOpsRemaining(c.job),
  },
  {
    name: 'nextProcessingTime',
    description: "Processing time of the job's next operation (first alternative), 0 after the last (NPT)",
    source: 'c.op + 1 < view.jobOpCount(c.job) ? view.opDuration(c.job, c.op + 1) : 0',
    read: (c, view) => (c.op + 1 < view.jobOpCount(c.job) ? view.opDuration(c.job, c.op + 1) : 0),
  },
  {
    name: 'machineLoad',
    description: "Unscheduled work left on the candidate's machine (MWR)",
    source: 'view.machineRemainingLoad(c.machine)',
    read: (c, view) => view.machineRemainingLoad(c.machine),
  },
  {
    name: 'waitingTime',
    description: 'Decision time minus the time the job became ready: how long it has waited (W)',
    source: 'view.time - view.jobReadyTime(c.job)',
    read: (c, view) => view.time - view.jobReadyTime(c.job),
  },
  {
    name: 'startDelay',
    description: 'How long after the decision time the candidate could start',
    source: 'c.earliestStart - view.time',
    read: (c, view) => c.earliestStart - view.time,
  },
  {
    name: 'slack',
    description: 'Due date minus decision time minus remaining work (SL); 0 when the job has no due date',
    source: 'Number.isFinite(view.jobDue(c.job)) ? view.jobDue(c.job) - view.time - view.jobRemainingWork(c.job) : 0',
    read: (c, view) => {
      const due = view.jobDue(c.job);
      return Number.isFinite(due) ? due - view.time - view.jobRemainingWork(c.job) : 0;
    },
  },
  {
    name: 'weight',
    description: 'Weight of the job in weighted tardiness (1 when none)',
    source: 'view.jobWeight(c.job)',
    read: (c, view) => view.jobWeight(c.job),
  },
] as const satisfies readonly FeatureSpec[];

/** The name of a feature, e.g. 'processingTime'. */
export type FeatureName = (typeof FEATURES)[number]['name'];

/** Every feature name, in declaration order. */
export const FEATURE_NAMES: readonly FeatureName[] = FEATURES.map((f) => f.name);

const BY_NAME = new Map<string, FeatureSpec>(FEATURES.map((f) => [f.name, f]));

/** The feature of that name; throws naming the known ones otherwise (rules may arrive as JSON). */
export function featureSpec(name: string): FeatureSpec {
  const spec = BY_NAME.get(name);
  if (spec === undefined) throw new Error(`unknown rule feature "${name}"; features: ${FEATURE_NAMES.join(', ')}`);
  return spec;
}
