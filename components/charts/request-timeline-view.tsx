'use client';
import { renderRequestTimeline, type RequestTimelineData, type RequestTimelineOptions } from './request-timeline';
import { useD3Chart } from './use-d3-chart';

const DEFAULT_OPTIONS: RequestTimelineOptions = {};

/** The request timeline of one LLM run (see request-timeline.ts). Pass memoised data and options. */
export function RequestTimelineView({ data, options = DEFAULT_OPTIONS }: { data: RequestTimelineData; options?: RequestTimelineOptions }) {
  const ref = useD3Chart(renderRequestTimeline, data, options);
  return <div ref={ref} className="request-timeline-container" />;
}
