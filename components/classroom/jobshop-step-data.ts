import type { JobShopInstance } from '../../engine/jobshop/model';
import type { ScheduledOperation } from '../../engine/jobshop/run-types';
import { scheduleTimeline } from '../../engine/jobshop/schedule-timeline';
import type { JobShopStepFrame } from '../../workers/browser/step-protocol';
import type { GanttData } from '../charts/gantt-types';

/**
 * What the job-shop step view draws at a frame: the schedule so far as the lab's Gantt timeline (the engine's
 * scheduleTimeline, so bars, lanes and colours are those of the finished run's chart), on a time axis fixed to the
 * run's end so the bars stay where they are from one decision to the next, with the operation the last decision
 * placed outlined.
 */

/** The candidate the last decision chose, or undefined at decision 0. */
export function chosenCandidate(frame: JobShopStepFrame): ScheduledOperation | undefined {
  const last = frame.lastDecision;
  return last ? last.candidates[last.chosen] : undefined;
}

/** Index in the schedule (and so in the timeline's bars) of the operation the last decision placed; -1 if none. */
export function placedIndex(schedule: readonly ScheduledOperation[], placed: ScheduledOperation | undefined): number {
  if (!placed) return -1;
  // Searched from the end: the operation just decided is normally the last one scheduled.
  for (let i = schedule.length - 1; i >= 0; i--) if (schedule[i].job === placed.job && schedule[i].op === placed.op) return i;
  return -1;
}

/**
 * `axisEnd`: the run's makespan when it may be shown (it fixes the axis); without it the axis grows with the
 * schedule, which a lesson that hides the makespan has to accept.
 */
export function stepGanttData(instance: JobShopInstance, frame: JobShopStepFrame, axisEnd: number | undefined): GanttData {
  const timeline = scheduleTimeline(instance.machineCount, instance.jobs.length, frame.snapshot.schedule);
  const horizon = Math.max(timeline.horizon, axisEnd !== undefined && Number.isFinite(axisEnd) ? axisEnd : 0);
  const placed = placedIndex(frame.snapshot.schedule, chosenCandidate(frame));
  // The chart's outline layer (the one the critical path uses) draws a thick black frame around the listed bars:
  // here, the bar just placed, marked by its outline and not by a colour.
  return { timeline: { ...timeline, horizon }, criticalPath: placed >= 0 ? [placed] : [] };
}

/** "Decision 3 placed J2 op 1 on M0, 5 to 9 (1 of 4 candidates)." */
export function decisionSentence(frame: JobShopStepFrame): string {
  const chosen = chosenCandidate(frame);
  if (!chosen) return 'Nothing placed yet.';
  const count = frame.lastDecision!.candidates.length;
  return `Decision ${frame.decision} placed J${chosen.job} op ${chosen.op} on M${chosen.machine}, ${chosen.start} to ${chosen.end} (chosen from ${count} candidate${count === 1 ? '' : 's'}).`;
}
