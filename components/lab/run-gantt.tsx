'use client';
import { useMemo } from 'react';
import { criticalPath } from '../../engine/jobshop/critical-path';
import type { JobShopInstance } from '../../engine/jobshop/model';
import type { JobShopResult } from '../../engine/jobshop/run-types';
import { GanttView } from '../charts/gantt-view';

/** The Gantt chart of one finished run, with its critical path, under a heading that names the run. */
export function RunGantt({ title, result, instance, fileName }: { title: string; result: JobShopResult; instance: JobShopInstance; fileName: string }) {
  const data = useMemo(
    () => ({ timeline: result.timeline, criticalPath: criticalPath(instance, result.schedule, result.downtime) }),
    [result, instance],
  );
  return (
    <section className="panel" aria-label="Gantt chart">
      <header className="panel-head">
        <h2>
          {title}: makespan <span data-testid="makespan">{result.metrics.makespan}</span>
        </h2>
      </header>
      <GanttView data={data} fileName={fileName.replace(/[^\w.-]+/g, '-')} />
    </section>
  );
}
