import { TimelineBuilder, type Timeline } from '../core/timeline';
import type { Downtime, ScheduledOperation } from './run-types';

/**
 * The Gantt view's timeline of a job-shop schedule: one lane per machine, one colour group per job, a work bar per
 * operation in schedule order, then the downtime bars. Built the same way for a fresh run and for a schedule read
 * back from the database, so a stored experiment draws exactly as it did when it ran (and critical-path indices,
 * which are schedule indices, stay bar indices).
 */
export function scheduleTimeline(
  machineCount: number,
  jobCount: number,
  schedule: readonly ScheduledOperation[],
  downtime: readonly Downtime[] = [],
): Timeline {
  const lanes = Array.from({ length: machineCount }, (_, m) => ({ id: `m${m}`, label: `M${m}` }));
  const groups = Array.from({ length: jobCount }, (_, j) => `J${j}`);
  const timeline = new TimelineBuilder(lanes, groups);
  for (const op of schedule) {
    timeline.add({ lane: op.machine, start: op.start, end: op.end, group: op.job, kind: 'work', label: `J${op.job} op ${op.op}` });
  }
  for (const down of downtime) {
    timeline.add({ lane: down.machine, start: down.start, end: down.end, group: -1, kind: 'down', label: 'breakdown' });
  }
  return timeline.build();
}
