import type { JobShopInstance } from './model';
import type { Downtime, ScheduledOperation } from './run-types';

/**
 * An independent check of a finished schedule against the instance, written without the simulation's data
 * structures so that it can catch the simulation's mistakes. Returns every violation found (empty when valid).
 *
 * Checks: every operation scheduled exactly once on one of its machines; precedence within each job; release
 * dates; one operation at a time per machine; no work starts during a breakdown; and the length of each operation
 * is its duration plus exactly the downtime it spans (interrupted work resumes).
 */
export function checkSchedule(
  instance: JobShopInstance,
  schedule: readonly ScheduledOperation[],
  downtime: readonly Downtime[] = [],
): string[] {
  const problems: string[] = [];
  const byJob = instance.jobs.map((job) => new Array<ScheduledOperation | undefined>(job.operations.length));
  for (const s of schedule) {
    const job = instance.jobs[s.job];
    const op = job?.operations[s.op];
    if (!op) {
      problems.push(`job ${s.job} operation ${s.op} does not exist`);
      continue;
    }
    if (byJob[s.job][s.op]) problems.push(`job ${s.job} operation ${s.op} is scheduled twice`);
    byJob[s.job][s.op] = s;
    const alternative = op.alternatives.find((a) => a.machine === s.machine);
    if (!alternative) {
      problems.push(`job ${s.job} operation ${s.op} runs on machine ${s.machine}, which it cannot use`);
      continue;
    }
    const down = downtime.filter((d) => d.machine === s.machine);
    if (down.some((d) => d.start <= s.start && s.start < d.end)) {
      problems.push(`job ${s.job} operation ${s.op} starts at ${s.start} while machine ${s.machine} is down`);
    }
    const spanned = down.reduce((sum, d) => sum + Math.max(0, Math.min(d.end, s.end) - Math.max(d.start, s.start)), 0);
    if (s.end - s.start !== alternative.duration + spanned) {
      problems.push(
        `job ${s.job} operation ${s.op} lasts ${s.end - s.start}, expected duration ${alternative.duration} + downtime ${spanned}`,
      );
    }
  }
  byJob.forEach((ops, j) => {
    let previousEnd = instance.jobs[j].release ?? 0;
    ops.forEach((s, k) => {
      if (!s) {
        problems.push(`job ${j} operation ${k} is not scheduled`);
        return;
      }
      if (s.start < previousEnd) {
        problems.push(
          k === 0
            ? `job ${j} starts at ${s.start}, before its release ${previousEnd}`
            : `job ${j} operation ${k} starts at ${s.start}, before operation ${k - 1} ends at ${previousEnd}`,
        );
      }
      previousEnd = s.end;
    });
  });
  const byMachine = new Map<number, ScheduledOperation[]>();
  for (const s of schedule) byMachine.set(s.machine, [...(byMachine.get(s.machine) ?? []), s]);
  for (const [machine, ops] of byMachine) {
    ops.sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < ops.length; i++) {
      if (ops[i].start < ops[i - 1].end) {
        problems.push(
          `machine ${machine}: job ${ops[i].job} op ${ops[i].op} starts at ${ops[i].start} before job ${ops[i - 1].job} op ${ops[i - 1].op} ends at ${ops[i - 1].end}`,
        );
      }
    }
  }
  return problems;
}

/**
 * Operations that could start earlier on their machine without delaying anything else: an idle interval on the
 * machine, after the job's previous operation, long enough to hold it. An active schedule has none.
 * Only meaningful without breakdowns; operations of length 0 are never reported.
 */
export function leftShiftableOperations(instance: JobShopInstance, schedule: readonly ScheduledOperation[]): ScheduledOperation[] {
  const endOf = new Map<string, number>();
  for (const s of schedule) endOf.set(`${s.job}/${s.op}`, s.end);
  const shiftable: ScheduledOperation[] = [];
  for (const s of schedule) {
    // An operation of length 0 occupies no time: "earlier" is meaningless for it, and it fits anywhere.
    if (s.end === s.start) continue;
    const ready = s.op === 0 ? (instance.jobs[s.job].release ?? 0) : endOf.get(`${s.job}/${s.op - 1}`)!;
    const duration = s.end - s.start;
    const others = schedule.filter((o) => o.machine === s.machine && o !== s).sort((a, b) => a.start - b.start);
    // Earliest t >= ready where [t, t + duration) is free once s itself is lifted out; s's own slot always is.
    let t = ready;
    for (const o of others) {
      if (o.end <= t) continue;
      if (o.start >= t + duration) break;
      t = o.end;
    }
    if (t < s.start) shiftable.push(s);
  }
  return shiftable;
}
