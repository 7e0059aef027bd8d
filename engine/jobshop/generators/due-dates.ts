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
  const spread = options.spread ?? 0.5;
  check(Number.isFinite(factor) && factor > 0, `withDueDates: factor is ${factor}; expected a number > 0`);
  check(seed === undefined || Number.isFinite(seed), `withDueDates: seed is ${seed}; expected a finite number`);
  check(options.spread === undefined || seed !== undefined, 'withDueDates: spread needs a seed');
  const spreadOk = Number.isFinite(spread) && spread >= 0 && spread < 1;
  check(spreadOk, `withDueDates: spread is ${spread}; expected a number in [0, 1)`);
  const rng = seed === undefined ? undefined : createRng(seed).split('due-dates');
  const jobs = instance.jobs.map((job) => {
    const f = rng ? factor * (1 - spread + 2 * spread * rng.next()) : factor;
    return { ...job, due: (job.release ?? 0) + Math.round(f * workContent(job)) };
  });
  const how = seed === undefined ? `factor ${factor}` : `factor ${factor} +/- ${spread * 100}%, seed ${seed}`;
  return validateInstance({ ...instance, jobs, description: appendDescription(instance, `TWK due dates (${how})`) });
}

/** Options of withTardinessDueDates. */
export interface TardinessDueDateOptions {
  /** Tardiness factor TF in [0, 1]: higher means tighter due dates, more tardy jobs. */
  readonly tardinessFactor: number;
  /** Relative range of due dates RDD in [0, 1]: how spread out they are. */
  readonly dueDateRange: number;
  readonly seed: number;
}

/**
 * Due dates of the classic single-machine total-tardiness test sets (Fisher 1976; Potts & Van Wassenhove 1982):
 * with P the total work of all jobs, each due date is an integer drawn uniformly from
 * [P(1 - TF - RDD/2), P(1 - TF + RDD/2)] (bounds rounded, the lower one clamped at 0), plus the job's release.
 * Unlike TWK these do not follow the job's own length, which is what makes EDD, SPT and MDD disagree.
 */
export function withTardinessDueDates(instance: JobShopInstance, options: TardinessDueDateOptions): JobShopInstance {
  const { tardinessFactor: tf, dueDateRange: rdd, seed } = options;
  const inUnit = (x: number): boolean => Number.isFinite(x) && x >= 0 && x <= 1;
  check(inUnit(tf), `withTardinessDueDates: tardinessFactor is ${tf}; expected a number in [0, 1]`);
  check(inUnit(rdd), `withTardinessDueDates: dueDateRange is ${rdd}; expected a number in [0, 1]`);
  check(Number.isFinite(seed), `withTardinessDueDates: seed is ${seed}; expected a finite number`);
  const total = instance.jobs.reduce((sum, job) => sum + workContent(job), 0);
  const low = Math.max(0, Math.round(total * (1 - tf - rdd / 2)));
  const high = Math.max(low, Math.round(total * (1 - tf + rdd / 2)));
  const rng = createRng(seed).split('due-dates');
  const jobs = instance.jobs.map((job) => ({ ...job, due: (job.release ?? 0) + rng.int(low, high) }));
  const note = `due dates TF ${tf}, RDD ${rdd}, seed ${seed}`;
  return validateInstance({ ...instance, jobs, description: appendDescription(instance, note) });
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
  check(Number.isFinite(mean) && mean >= 0, `withReleaseDates: meanInterarrival is ${mean}; expected a number >= 0`);
  check(Number.isFinite(seed), `withReleaseDates: seed is ${seed}; expected a finite number`);
  const rng = createRng(seed).split('releases');
  let clock = 0;
  const jobs = instance.jobs.map((job, j) => {
    if (j > 0) clock += rng.exponential(mean);
    return { ...job, release: Math.round(clock) };
  });
  const note = `Poisson releases (mean gap ${mean}, seed ${seed})`;
  return validateInstance({ ...instance, jobs, description: appendDescription(instance, note) });
}

function check(ok: boolean, detail: string): void {
  if (!ok) throw new InputError(detail);
}

function appendDescription(instance: JobShopInstance, note: string): string {
  return instance.description ? `${instance.description}; ${note}` : note;
}
