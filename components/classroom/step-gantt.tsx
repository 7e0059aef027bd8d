'use client';
import { renderGantt } from '../charts/gantt-chart';
import type { GanttData, GanttOptions } from '../charts/gantt-types';
import { useD3Chart } from '../charts/use-d3-chart';

/** The outline layer on: it frames the bar the last decision placed (see stepGanttData). */
const OPTIONS: GanttOptions = { showCriticalPath: true, timeLabel: 'time' };

/**
 * The lab's Gantt chart (renderGantt) in the step player: zoom, pan and tooltips as in the lab, without the lab's
 * toolbar, whose "Critical path" toggle would switch off the mark of the placed operation. New frames go through the
 * chart's update(), which keeps the zoom while the time axis (fixed to the run's end) stays the same.
 */
export function StepGantt({ data }: { data: GanttData }) {
  const ref = useD3Chart(renderGantt, data, OPTIONS);
  return <div ref={ref} className="gantt-container" data-testid="step-gantt" />;
}
