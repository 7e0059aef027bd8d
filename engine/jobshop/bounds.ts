/**
 * Makespan bounds: the published ones for benchmark instances (looked up by name) and simple relaxation lower
 * bounds computed from any instance, so every run can report how far it is from the best possible.
 */
import { BOUND_ROWS } from './bounds-data';
import type { CompiledInstance } from './model';

/** Best known bounds of a published instance. */
export interface PublishedBound {
  readonly name: string;
  /** ft, la, abz, orb, swv, yn, ta (classic) or mk (Brandimarte, flexible). */
  readonly family: string;
  readonly jobs: number;
  readonly machines: number;
  readonly lower: number;
  /** Best known makespan. */
  readonly upper: number;
  /** Proven optimum, or null while the instance is open (lower < upper). */
  readonly optimum: number | null;
  /** Sum of shortest processing times, to tell the published instance from another file with the same name. */
  readonly totalWork: number;
  readonly description: string;
}

let byName: Map<string, PublishedBound> | undefined;

function index(): Map<string, PublishedBound> {
  // Built on first use: a constant table, not run state.
  if (!byName) {
    byName = new Map(
      BOUND_ROWS.map(([name, family, jobs, machines, lower, upper, optimum, totalWork, description]) => [
        name.toLowerCase(),
        { name, family, jobs, machines, lower, upper, optimum, totalWork, description },
      ]),
    );
  }
  return byName;
}

/** Published bounds by instance name, case-insensitive and exact ("TA01" finds ta01; "ta1" finds nothing). */
export function publishedBound(name: string): PublishedBound | undefined {
  return index().get(name.toLowerCase());
}

/** Every published instance with bounds, classic first, in the order of the shared data. */
export function publishedBounds(): readonly PublishedBound[] {
  return [...index().values()];
}

/** Relaxation lower bounds on the makespan; each is valid on its own, `best` is the largest. */
export interface LowerBounds {
  /** Longest job: max over jobs of release + sum of the shortest duration of each operation. */
  readonly jobLength: number;
  /**
   * Heaviest machine: max over machines of (earliest release among the jobs concerned) + the work that can only
   * run there, i.e. operations whose single alternative is that machine. A flexible operation with several
   * machines adds nothing to any one machine: it could always run elsewhere.
   */
  readonly machineLoad: number;
  /** All the work spread evenly: earliest release + ceil(total shortest work / machines). */
  readonly globalLoad: number;
  readonly best: number;
}

/**
 * Lower bounds computed in one pass over the operations. For a classic instance without releases, jobLength and
 * machineLoad are the "max job length" and "max machine load" bounds of the benchmark tables.
 */
export function computeLowerBounds(instance: CompiledInstance): LowerBounds {
  const m = instance.machineCount;
  const load = new Float64Array(m);
  const firstRelease = new Float64Array(m).fill(Infinity);
  let jobLength = 0;
  let totalWork = 0;
  let earliest = Infinity;
  let integralReleases = true;
  for (let j = 0; j < instance.jobCount; j++) {
    const release = instance.jobRelease[j];
    const first = instance.jobOpStart[j];
    const last = instance.jobOpStart[j + 1];
    if (first < last) jobLength = Math.max(jobLength, release + instance.opTailWork[first]);
    earliest = Math.min(earliest, release);
    if (!Number.isInteger(release)) integralReleases = false;
    for (let o = first; o < last; o++) {
      totalWork += instance.opMinDuration[o];
      const alt = instance.opAltStart[o];
      if (instance.opAltStart[o + 1] - alt !== 1) continue;
      const machine = instance.altMachine[alt];
      load[machine] += instance.altDuration[alt];
      firstRelease[machine] = Math.min(firstRelease[machine], release);
    }
  }
  let machineLoad = 0;
  for (let i = 0; i < m; i++) if (load[i] > 0) machineLoad = Math.max(machineLoad, firstRelease[i] + load[i]);
  // With integer data some optimal schedule has integer times, so the average load may be rounded up; a
  // fractional release would break that argument.
  const spread = m > 0 ? totalWork / m : 0;
  const globalLoad = instance.jobCount === 0 ? 0 : earliest + (integralReleases ? Math.ceil(spread) : spread);
  return { jobLength, machineLoad, globalLoad, best: Math.max(jobLength, machineLoad, globalLoad) };
}
