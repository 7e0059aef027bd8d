'use client';
import { findEngine } from '../../engine';
import type { SweepEngineId } from '../../db/sweep-spec';
import { TableScroll } from '../lab/table-scroll';

/** One finished run of a lesson: a policy on a scenario, with its metrics (or why it failed). */
export interface LessonRunRow {
  readonly key: string;
  readonly policyLabel: string;
  readonly scenarioLabel: string;
  readonly metrics?: Readonly<Record<string, number>>;
  readonly failure?: string;
}

const format = (value: number | undefined): string =>
  value === undefined ? '' : Number.isInteger(value) ? String(value) : Math.abs(value) >= 100 ? value.toFixed(1) : value.toPrecision(4);

/**
 * The metrics of the runs a student made in this lesson, one row per policy and scenario, so two policies can be
 * compared side by side. Metrics the teacher hid are left out, and so are metrics no run has (tardiness without due
 * dates, say), so a lesson's table shows only what the lesson is about.
 */
export function LessonMetrics({ engine, rows, hidden }: { engine: SweepEngineId; rows: readonly LessonRunRow[]; hidden: readonly string[] }) {
  const known = Object.keys(findEngine(engine)!.metrics);
  const names = known.filter((name) => !hidden.includes(name) && rows.some((row) => row.metrics?.[name] !== undefined && Number.isFinite(row.metrics[name])));
  if (rows.length === 0) return <p className="muted">Run a policy to see its metrics here.</p>;
  return (
    <TableScroll label="Metrics table">
      <table className="results compact" data-testid="lesson-metrics">
        <thead>
          <tr>
            <th scope="col">Policy</th>
            <th scope="col">Scenario</th>
            {names.map((name) => (
              <th key={name} scope="col" data-metric={name}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>{row.policyLabel}</td>
              <td>{row.scenarioLabel}</td>
              {row.failure ? (
                <td colSpan={Math.max(1, names.length)} className="error">
                  {row.failure}
                </td>
              ) : (
                names.map((name) => (
                  <td key={name} className="num">
                    {format(row.metrics?.[name])}
                  </td>
                ))
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
