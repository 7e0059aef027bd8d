'use client';
import { useMemo, useState } from 'react';
import { findEngine } from '../../engine';
import type { Direction } from '../../engine/core/policy';
import { ParetoChartView } from '../charts/pareto-chart-view';
import type { ParetoChartData } from '../charts/pareto-chart';
import { aggregateMetric, groupByPolicyPoint, metricNames, type AggregateStat } from './aggregate';
import type { SweepRunRow } from './sweep-types';

/** A metric's direction from the engine's metric table; a metric the engine does not list is minimised. */
function directionOf(engineId: string, metric: string): Direction {
  const metrics = findEngine(engineId)?.metrics as Readonly<Record<string, { direction: Direction }>> | undefined;
  return metrics?.[metric]?.direction ?? 'min';
}

/**
 * Comparison of a sweep's (policy, parameters) points on two objectives: each point aggregates its runs over the
 * scenarios and seeds (mean or median, with the min..max spread as whiskers); the front is joined, the dominated
 * points faded, the hypervolume stated against its reference point. Clicking a point lists its runs; opening one
 * shows its Gantt chart or result below.
 */
export function SweepCompare({ engine, rows, onOpenRun }: { engine: string; rows: readonly SweepRunRow[]; onOpenRun: (runKey: string) => void }) {
  const names = useMemo(() => metricNames(rows), [rows]);
  const defaults = (findEngine(engine)?.objectives ?? []).map((o) => o.metric).filter((m) => names.includes(m));
  const [xMetric, setX] = useState<string | null>(null);
  const [yMetric, setY] = useState<string | null>(null);
  const [stat, setStat] = useState<AggregateStat>('mean');
  const [selected, setSelected] = useState<string | null>(null);
  const x = xMetric ?? defaults[0] ?? names[0];
  const y = yMetric ?? defaults[1] ?? names.find((n) => n !== x) ?? names[0];
  const groups = useMemo(() => groupByPolicyPoint(rows), [rows]);

  const data: ParetoChartData | null = useMemo(() => {
    if (!x || !y) return null;
    const points = groups.map((group) => {
      const ax = aggregateMetric(group, x, stat);
      const ay = aggregateMetric(group, y, stat);
      return { id: group.id, label: group.label, group: group.policyLabel, x: ax.value, y: ay.value, xSpread: ax.spread, ySpread: ay.spread, runs: group.runs.length };
    });
    return { points, xLabel: `${x} (${stat})`, yLabel: `${y} (${stat})`, directions: [directionOf(engine, x), directionOf(engine, y)], selectedId: selected };
  }, [groups, x, y, stat, engine, selected]);

  const options = useMemo(() => ({ height: 360, onSelect: setSelected }), []);
  const chosen = groups.find((g) => g.id === selected);
  if (!data) return <p className="muted">No finished runs to compare yet.</p>;
  const select = (value: string, set: (v: string) => void) => (
    <select value={value} onChange={(e) => set(e.target.value)}>
      {names.map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
    </select>
  );
  return (
    <div className="sweep-compare">
      <div className="row">
        <label>x {select(x, setX)}</label>
        <label>y {select(y, setY)}</label>
        <label>
          over scenarios and seeds{' '}
          <select value={stat} onChange={(e) => setStat(e.target.value as AggregateStat)}>
            <option value="mean">mean</option>
            <option value="median">median</option>
          </select>
        </label>
        <span className="muted small">whiskers: min..max · click a point for its runs</span>
      </div>
      <ParetoChartView data={data} options={options} />
      {chosen && (
        <div data-testid="point-runs">
          <h3>
            {chosen.label}: {chosen.runs.length} runs
          </h3>
          <ul className="point-runs">
            {chosen.runs.map((run) => (
              <li key={run.runKey}>
                <button type="button" className="link" onClick={() => onOpenRun(run.runKey)}>
                  {run.scenarioLabel}, seed {run.seed}
                </button>{' '}
                <span className="muted small">
                  {x} {run.metrics[x]} · {y} {run.metrics[y]}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
