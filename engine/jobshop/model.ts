/**
 * The job-shop model as plain data (what importers return, what is stored and sent to workers), and its compiled
 * form (flat typed arrays) that the simulation reads in its hot loop.
 */

/** One machine an operation may run on, with the time it takes there. */
export interface Alternative {
  /** Machine index, from 0. */
  readonly machine: number;
  /** Processing time, a whole number >= 0 (orb07, a published benchmark, has an operation of length 0). */
  readonly duration: number;
}

/** An operation: one alternative in the classic job shop, several in the flexible job shop. */
export interface Operation {
  readonly alternatives: readonly Alternative[];
}

export interface Job {
  /** Operations in the order they must run. */
  readonly operations: readonly Operation[];
  /** Earliest time the first operation may start (default 0). */
  readonly release?: number;
  /** Due date of the whole job (default: none). */
  readonly due?: number;
  /** Weight in weighted tardiness (default 1). */
  readonly weight?: number;
}

export interface JobShopInstance {
  /** Name used to look up published bounds ("ta01"); free text for generated or imported instances. */
  readonly name: string;
  /** Number of machines; machine indices run from 0 to machineCount - 1. */
  readonly machineCount: number;
  readonly jobs: readonly Job[];
  /** Where it came from, for display ("Taillard 1993, seeds 840612802/398197754"). */
  readonly description?: string;
}

/** Flat arrays over the instance, indexed by a global operation id (job-major) and alternative id. */
export interface CompiledInstance {
  readonly source: JobShopInstance;
  readonly jobCount: number;
  readonly machineCount: number;
  readonly operationCount: number;
  /** First global operation id of job j; jobOpStart[jobCount] = operationCount. */
  readonly jobOpStart: Int32Array;
  /** Job of each global operation. */
  readonly opJob: Int32Array;
  /** First alternative id of operation o; opAltStart[operationCount] = alternative count. */
  readonly opAltStart: Int32Array;
  readonly altMachine: Int32Array;
  readonly altDuration: Float64Array;
  /** Shortest duration over an operation's alternatives (its duration in the classic job shop). */
  readonly opMinDuration: Float64Array;
  /** Sum of opMinDuration over operations k..end of the job: the work left when op k is next. */
  readonly opTailWork: Float64Array;
  readonly jobRelease: Float64Array;
  /** Infinity when the job has no due date. */
  readonly jobDue: Float64Array;
  readonly jobWeight: Float64Array;
  readonly hasDueDates: boolean;
  readonly isFlexible: boolean;
}

export function compileInstance(instance: JobShopInstance): CompiledInstance {
  const jobCount = instance.jobs.length;
  let operationCount = 0;
  let alternativeCount = 0;
  for (const job of instance.jobs) {
    operationCount += job.operations.length;
    for (const op of job.operations) alternativeCount += op.alternatives.length;
  }
  const jobOpStart = new Int32Array(jobCount + 1);
  const opJob = new Int32Array(operationCount);
  const opAltStart = new Int32Array(operationCount + 1);
  const altMachine = new Int32Array(alternativeCount);
  const altDuration = new Float64Array(alternativeCount);
  const opMinDuration = new Float64Array(operationCount);
  const opTailWork = new Float64Array(operationCount);
  const jobRelease = new Float64Array(jobCount);
  const jobDue = new Float64Array(jobCount);
  const jobWeight = new Float64Array(jobCount);
  let o = 0;
  let a = 0;
  let hasDueDates = false;
  let isFlexible = false;
  instance.jobs.forEach((job, j) => {
    jobOpStart[j] = o;
    jobRelease[j] = job.release ?? 0;
    jobDue[j] = job.due ?? Infinity;
    jobWeight[j] = job.weight ?? 1;
    if (job.due !== undefined) hasDueDates = true;
    for (const op of job.operations) {
      opJob[o] = j;
      opAltStart[o] = a;
      let min = Infinity;
      if (op.alternatives.length > 1) isFlexible = true;
      for (const alt of op.alternatives) {
        altMachine[a] = alt.machine;
        altDuration[a] = alt.duration;
        if (alt.duration < min) min = alt.duration;
        a++;
      }
      opMinDuration[o] = min;
      o++;
    }
    let tail = 0;
    for (let k = o - 1; k >= jobOpStart[j]; k--) {
      tail += opMinDuration[k];
      opTailWork[k] = tail;
    }
  });
  jobOpStart[jobCount] = o;
  opAltStart[operationCount] = a;
  return {
    source: instance,
    jobCount,
    machineCount: instance.machineCount,
    operationCount,
    jobOpStart,
    opJob,
    opAltStart,
    altMachine,
    altDuration,
    opMinDuration,
    opTailWork,
    jobRelease,
    jobDue,
    jobWeight,
    hasDueDates,
    isFlexible,
  };
}

/** Convenience for tests and generators: a classic instance from [machine, duration] pairs per job. */
export function classicInstance(name: string, machineCount: number, jobs: readonly (readonly [number, number])[][]): JobShopInstance {
  return {
    name,
    machineCount,
    jobs: jobs.map((ops) => ({ operations: ops.map(([machine, duration]) => ({ alternatives: [{ machine, duration }] })) })),
  };
}
