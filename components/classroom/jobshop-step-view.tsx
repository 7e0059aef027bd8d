'use client';
import { useMemo } from 'react';
import type { JobShopRunRequest } from '../../workers/browser/run-protocol';
import type { JobShopStepFrame, StepSessionInfo } from '../../workers/browser/step-protocol';
import { decisionSentence, stepGanttData } from './jobshop-step-data';
import { StepCandidates } from './step-candidates';
import { StepGantt } from './step-gantt';
import { metricShown } from './step-metrics';

export interface JobShopStepViewProps {
  readonly request: JobShopRunRequest;
  readonly frame: JobShopStepFrame;
  readonly info: StepSessionInfo;
  readonly hiddenMetrics: readonly string[];
}

/**
 * A job-shop frame: the Gantt chart of the schedule so far (the bar just placed outlined), what the last decision
 * did in words (the chart is a canvas, so the sentence is also its text alternative), the candidates it chose
 * from, and how many the next decision has.
 */
export function JobShopStepView({ request, frame, info, hiddenMetrics }: JobShopStepViewProps) {
  const showMakespan = metricShown('makespan', hiddenMetrics);
  const axisEnd = showMakespan ? info.metrics.makespan : undefined;
  const data = useMemo(() => stepGanttData(request.instance, frame, axisEnd), [request.instance, frame, axisEnd]);
  const next = frame.snapshot.candidates.length;
  return (
    <div className="step-view" data-engine="jobshop">
      <p data-testid="step-summary">
        {decisionSentence(frame)}{' '}
        <span className="muted">
          {frame.snapshot.schedule.length} of {frame.snapshot.operationCount} operations placed
          {frame.done ? (
            '; the schedule is complete.'
          ) : (
            <>
              ; the next decision has <span data-testid="step-next-candidates">{next}</span> candidate{next === 1 ? '' : 's'}.
            </>
          )}
        </span>
      </p>
      <StepGantt data={data} />
      {frame.lastDecision && <StepCandidates decision={frame.lastDecision} decisionNumber={frame.decision} />}
    </div>
  );
}
