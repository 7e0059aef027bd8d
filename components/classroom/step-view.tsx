'use client';
import type { ReactNode } from 'react';
import type { RunRequest } from '../../workers/browser/run-protocol';
import type { StepFrame, StepSessionInfo } from '../../workers/browser/step-protocol';
import { JobShopStepView } from './jobshop-step-view';
import { LlmStepView } from './llm-step-view';
import { VmStepView } from './vm-step-view';

/** What a frame renderer gets: the run (with its scenario), the session, the frame to draw, the hidden metrics. */
export interface StepViewProps {
  readonly request: RunRequest;
  readonly info: StepSessionInfo;
  readonly frame: StepFrame;
  readonly hiddenMetrics: readonly string[];
}

export type StepFrameRenderer = (props: StepViewProps) => ReactNode;

/**
 * The engine's own view of a frame, picked by the frame's engine. The request carries the scenario the views need
 * (the job-shop instance, the VM cluster); a frame from another engine than the request's draws nothing.
 */
export function StepView({ request, info, frame, hiddenMetrics }: StepViewProps) {
  switch (frame.engine) {
    case 'jobshop':
      return request.engine === undefined || request.engine === 'jobshop' ? <JobShopStepView request={request} frame={frame} info={info} hiddenMetrics={hiddenMetrics} /> : null;
    case 'vm':
      return request.engine === 'vm' ? <VmStepView request={request} frame={frame} info={info} hiddenMetrics={hiddenMetrics} /> : null;
    case 'llm':
      return request.engine === 'llm' ? <LlmStepView frame={frame} /> : null;
  }
}

export const defaultStepRenderer: StepFrameRenderer = (props) => <StepView {...props} />;
