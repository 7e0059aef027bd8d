'use client';

/** Metrics a view may show: those the teacher did not hide, in the engine's order. */
export function visibleMetrics(metrics: Readonly<Record<string, number>>, hidden: readonly string[]): [string, number][] {
  return Object.entries(metrics).filter(([name, value]) => !hidden.includes(name) && Number.isFinite(value));
}

/** Whether a view may show a figure that gives away `metric` (the FR now is frAfter at the end, say). */
export function metricShown(metric: string, hidden: readonly string[]): boolean {
  return !hidden.includes(metric);
}

export function formatMetric(value: number): string {
  return Number.isInteger(value) ? String(value) : Math.abs(value) >= 100 ? value.toFixed(1) : value.toPrecision(4);
}

/** The run's final metrics, shown once the player is at the end (before that they would give the ending away). */
export function StepFinalMetrics({ metrics, hidden }: { metrics: Readonly<Record<string, number>>; hidden: readonly string[] }) {
  const shown = visibleMetrics(metrics, hidden);
  if (shown.length === 0) return null;
  return (
    <p className="muted" data-testid="step-final-metrics">
      At the end:{' '}
      {shown.map(([name, value], i) => (
        <span key={name} data-metric={name}>
          {i > 0 ? ' · ' : ''}
          {name} <strong style={{ color: '#1d1d1f' }}>{formatMetric(value)}</strong>
        </span>
      ))}
    </p>
  );
}
