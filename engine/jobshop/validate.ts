/**
 * The one check every importer and generator runs before handing out an instance, so the simulation can trust
 * its input: machine indices in range, whole durations, no empty job or operation, sane dates.
 *
 * Durations are integers >= 0, not > 0: the standard benchmark orb07 has one zero-length operation (job 10's
 * last), and refusing a published instance would be worse than an operation that takes no time.
 */
import { InputError } from '../core/errors';
import type { JobShopInstance } from './model';

/** A path into the instance's plain data, e.g. ['jobs', 3, 'operations', 2, 'alternatives', 0, 'duration']. */
export type InstancePath = readonly (string | number)[];

/** What is wrong and where, before it is turned into an error (the JSON importer adds the line). */
export interface InstanceProblem {
  readonly path: InstancePath;
  readonly message: string;
}

/** Renders a path as `jobs[3].operations[2].alternatives[0].duration`. */
export function formatPath(path: InstancePath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out === '' ? '(top level)' : out;
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

function checkJobDates(job: JobShopInstance['jobs'][number], at: InstancePath): InstanceProblem | null {
  for (const key of ['release', 'due'] as const) {
    const value = job[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      return { path: [...at, key], message: `is ${show(value)}; expected a finite number >= 0` };
    }
  }
  const weight = job.weight;
  if (weight !== undefined && (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0)) {
    return { path: [...at, 'weight'], message: `is ${show(weight)}; expected a finite number > 0` };
  }
  return null;
}

/**
 * The first problem in an instance, or null when it is valid. Indices in paths are 0-based, as in the JSON
 * form, so a path can be found in the file as written.
 */
export function findInstanceProblem(instance: JobShopInstance): InstanceProblem | null {
  const m = instance.machineCount;
  if (!isPositiveInteger(m)) return { path: ['machineCount'], message: `is ${show(m)}; expected a positive integer` };
  if (instance.jobs.length === 0) return { path: ['jobs'], message: 'is empty; expected at least one job' };
  for (let j = 0; j < instance.jobs.length; j++) {
    const job = instance.jobs[j];
    const jobPath = ['jobs', j];
    if (job.operations.length === 0) {
      return { path: [...jobPath, 'operations'], message: 'is empty; expected at least one operation' };
    }
    for (let o = 0; o < job.operations.length; o++) {
      const alternatives = job.operations[o].alternatives;
      const opPath = [...jobPath, 'operations', o, 'alternatives'];
      if (alternatives.length === 0) return { path: opPath, message: 'is empty; expected at least one machine' };
      const seen = new Set<number>();
      for (let a = 0; a < alternatives.length; a++) {
        const { machine, duration } = alternatives[a];
        const machinePath = [...opPath, a, 'machine'];
        if (!Number.isSafeInteger(machine) || machine < 0 || machine >= m) {
          return { path: machinePath, message: `is ${show(machine)}; expected a machine index in 0..${m - 1}` };
        }
        // Two alternatives on one machine would make "which alternative ran" ambiguous in results.
        if (seen.has(machine)) {
          return { path: machinePath, message: `is ${machine} again; each alternative needs a different machine` };
        }
        seen.add(machine);
        if (!Number.isSafeInteger(duration) || duration < 0) {
          return { path: [...opPath, a, 'duration'], message: `is ${show(duration)}; expected an integer >= 0` };
        }
      }
    }
    const dates = checkJobDates(job, jobPath);
    if (dates) return dates;
  }
  return null;
}

/**
 * Throws an InputError naming the job and operation (`jobs[3].operations[2]...`) when the instance is invalid;
 * returns it unchanged otherwise, so importers can end with `return validateInstance(instance, source)`.
 */
export function validateInstance<T extends JobShopInstance>(instance: T, source?: string): T {
  const problem = findInstanceProblem(instance);
  if (problem) throw new InputError(`${formatPath(problem.path)} ${problem.message}`, { source });
  return instance;
}
