/**
 * Due dates and release dates added to an existing instance, for the tardiness and online lessons. Both return
 * a new instance and leave operations, weights and the input untouched.
 */
import { InputError } from '../../core/errors';
import { createRng } from '../../core/rng';
import type { Job, JobShopInstance } from '../model';
import { validateInstance } from '../validate';

/** Options of withDueDates. */
export interface DueDateOptions {
  /** Allowance factor f > 0: due = release + round(f x work content). */
  readonly factor: number;
  /** When given, each job gets its own factor drawn uniformly from f x [1 - spread, 1 + spread]. */
  readonly seed?: number;
  /** Relative spread of the random factor, in [0, 1); only with a seed; default 0.5. */
  readonly spread?: number;
}

/** Work content of a job: the sum of its operations' shortest durations (the duration, in a classic shop). */
export function workContent(job: Job): number {
  let total = 0;
  for (const op of job.operations) total += Math.min(...op.alternatives.map((a) => a.duration));
  return total;
}

/**
 * Total-work-content (TWK) due dates: due_j = release_j + Math.round(f_j x work_j). Math.round rounds halves up
 * (12.5 -> 13), so due dates are integers like every other time in the instances. Without a seed f_j = factor
 * for every job; with one, f_j is uniform in factor x [1 - spread, 1 + spread] from the stream 'due-dates'.
 */
export function withDueDates(instance: JobShopInstance, options: DueDateOptions): JobShopInstance {
  const { factor, seed } = options;
  if (!Number.isFinite(factor) || factor <= 0) throw new InputError(`withDueDates: factor is ${factor}; expected a number > 0`);
  if (seed !== undefined && !Number.isFinite(seed)) throw new InputError(`withDueDates: seed is ${seed}; expected a finite number`);
  const spread = options.spread ?? 0.5;
  if (options.spread !== undefined && seed === undefined) throw new InputError('withDueDates: spread needs a seed');
  if (!Number.isFinite(spread) || spread < 0 || spread >= 1) throw new InputError(`withDueDates: spread is ${spread}; expected a number in [0, 1)`);
  const rng = seed === undefined ? undefined : createRng(seed).split('due-dates');
  const jobs = instance.jobs.map((job) => {
    const f = rng ? factor * (1 - spread + 2 * spread * rng.next()) : factor;
    return { ...job, due: (job.release ?? 0) + Math.round(f * workContent(job)) };
  });
  const how = seed === undefined ? `factor ${factor}` : `factor ${factor} +/- ${spread * 100}%, seed ${seed}`;
  return validateInstance({ ...instance, jobs, description: appendDescription(instance, `TWK due dates (${how})`) });
}

/** Options of withReleaseDates. */
export interface ReleaseDateOptions {
  /** Mean time between consecutive arrivals, >= 0 (0 releases every job at time 0). */
  readonly meanInterarrival: number;
  readonly seed: number;
}

/**
 * Poisson arrivals in job order: the first job is released at 0 and the gaps are exponential with the given
 * mean, drawn from the stream 'releases'. Releases are the running sum rounded to integers (rounding the sum,
 * not each gap, so rounding errors do not pile up). Existing due dates are kept as they are: add releases first,
 * then due dates, when both are wanted.
 */
export function withReleaseDates(instance: JobShopInstance, options: ReleaseDateOptions): JobShopInstance {
  const { meanInterarrival: mean, seed } = options;
  if (!Number.isFinite(mean) || mean < 0) throw new InputError(`withReleaseDates: meanInterarrival is ${mean}; expected a number >= 0`);
  if (!Number.isFinite(seed)) throw new InputError(`withReleaseDates: seed is ${seed}; expected a finite number`);
  const rng = createRng(seed).split('releases');
  let clock = 0;
  const jobs = instance.jobs.map((job, j) => {
    if (j > 0) clock += rng.exponential(mean);
    return { ...job, release: Math.round(clock) };
  });
  const note = `Poisson releases (mean gap ${mean}, seed ${seed})`;
  return validateInstance({ ...instance, jobs, description: appendDescription(instance, note) });
}

function appendDescription(instance: JobShopInstance, note: string): string {
  return instance.description ? `${instance.description}; ${note}` : note;
}
