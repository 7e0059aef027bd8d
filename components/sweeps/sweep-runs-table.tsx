'use client';
import { useMemo, useState } from 'react';
import { formatSignificant, paramsText } from './aggregate';
import { downloadText, errorText, runsToCsv, runsToJson } from './runs-to-csv';
import type { SweepRunRow } from './sweep-types';
import { TableScroll } from '../lab/table-scroll';

/** More rows than this make the page sluggish and nobody reads them; the exports still carry every filtered row. */
export const MAX_RENDERED_ROWS = 500;
/** Runs compared side by side. */
export const COMPARE_LIMIT = 2;
/** Failed runs' messages are cut to this in the cell; the full text is the cell's title. */
const ERROR_PREVIEW_CHARS = 120;

export type StatusFilter = 'all' | 'done' | 'failed';
export type RunSortKey = 'position' | 'policy' | 'params' | 'scenario' | 'seed' | 'status' | 'elapsed' | 'error' | `metric:${string}`;
export interface RunSort {
  readonly key: RunSortKey;
  readonly ascending: boolean;
}

/**
 * The comparison choice after a checkbox click: a chosen run is dropped; a new one is added and, past `limit`,
 * the run chosen *first* (the oldest; a Set keeps insertion order) makes room. A parent that passes `selectedKeys`
 * should keep its set with this function so the table and the parent agree on which run goes.
 */
export function nextCompareSelection(current: ReadonlySet<string>, runKey: string, limit = COMPARE_LIMIT): Set<string> {
  const next = new Set(current);
  if (next.delete(runKey)) return next;
  next.add(runKey);
  for (const key of next) {
    if (next.size <= limit) break;
    next.delete(key);
  }
  return next;
}

/** Rows whose policy, params, scenario, status or error contains `text` (case-insensitive), and of that status. */
export function filterRuns(rows: readonly SweepRunRow[], text: string, status: StatusFilter): SweepRunRow[] {
  const needle = text.trim().toLowerCase();
  return rows.filter((row) => {
    if (status !== 'all' && row.status !== status) return false;
    if (needle === '') return true;
    // Both spellings of the params, so "k=1.5" and "k=0.3333" find the rounded values shown as well as exact ones.
    const haystack = [row.policyLabel, paramsText(row.params), paramsText(row.params, ', ', formatSignificant), row.scenarioLabel, row.status, errorText(row.error)];
    return haystack.join('\n').toLowerCase().includes(needle);
  });
}

/** null is "nothing to compare" (NaN, a missing metric, no error) and always sorts last, in either direction. */
function sortValue(row: SweepRunRow, key: RunSortKey): number | string | null {
  switch (key) {
    case 'position': return row.position;
    case 'policy': return row.policyLabel;
    case 'params': return paramsText(row.params);
    case 'scenario': return row.scenarioLabel;
    case 'seed': return row.seed;
    case 'status': return row.status;
    case 'elapsed': return row.elapsedMs;
    case 'error': return errorText(row.error) || null;
    default: {
      const v = row.metrics[key.slice('metric:'.length)];
      return typeof v === 'number' && !Number.isNaN(v) ? v : null;
    }
  }
}

/** A sorted copy: numbers numerically (±Infinity at the ends), text with digits compared as numbers, ties by position. */
export function sortRuns(rows: readonly SweepRunRow[], sort: RunSort): SweepRunRow[] {
  const keyed = rows.map((row) => ({ row, value: sortValue(row, sort.key) }));
  keyed.sort((a, b) => {
    const x = a.value;
    const y = b.value;
    if (x === null || y === null) return x === y ? a.row.position - b.row.position : x === null ? 1 : -1;
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x < y ? -1 : x > y ? 1 : 0
        : String(x).localeCompare(String(y), undefined, { numeric: true });
    return (sort.ascending ? order : -order) || a.row.position - b.row.position;
  });
  return keyed.map((k) => k.row);
}

function errorPreview(full: string): string {
  const firstLine = full.split('\n', 1)[0];
  return firstLine.length > ERROR_PREVIEW_CHARS ? `${firstLine.slice(0, ERROR_PREVIEW_CHARS)}…` : firstLine === full ? full : `${firstLine} …`;
}

export interface SweepRunsTableProps {
  readonly rows: readonly SweepRunRow[];
  readonly metrics: readonly string[];
  /** Runs chosen for the side-by-side comparison; without it the table keeps its own choice. */
  readonly selectedKeys?: ReadonlySet<string>;
  readonly onToggleSelect?: (runKey: string) => void;
  readonly onOpenRun?: (runKey: string) => void;
  /** Export file names: `${fileStem}.csv` and `${fileStem}.json`. */
  readonly fileStem: string;
  /** How a file is saved; tests pass a recorder. */
  readonly download?: (fileName: string, text: string, mime: string) => void;
}

/**
 * Every run of a sweep, sortable by any column and filterable by text and status, with a checkbox per row to
 * choose up to two runs to compare (a third replaces the first chosen), an Open button per row, and CSV / JSON
 * export of exactly the rows the filter and sort give.
 */
export function SweepRunsTable({ rows, metrics, selectedKeys, onToggleSelect, onOpenRun, fileStem, download = downloadText }: SweepRunsTableProps) {
  const [sort, setSort] = useState<RunSort>({ key: 'position', ascending: true });
  const [text, setText] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [ownSelection, setOwnSelection] = useState<ReadonlySet<string>>(() => new Set());
  const selection = selectedKeys ?? ownSelection;

  const visible = useMemo(() => sortRuns(filterRuns(rows, text, status), sort), [rows, text, status, sort]);
  const shown = visible.length > MAX_RENDERED_ROWS ? visible.slice(0, MAX_RENDERED_ROWS) : visible;

  const toggle = (runKey: string) => {
    if (selectedKeys === undefined) setOwnSelection((current) => nextCompareSelection(current, runKey));
    onToggleSelect?.(runKey);
  };
  const header = (key: RunSortKey, label: string) => (
    <th key={key} aria-sort={sort.key === key ? (sort.ascending ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort" onClick={() => setSort({ key, ascending: sort.key === key ? !sort.ascending : true })}>
        {label}
        {sort.key === key ? (sort.ascending ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );

  if (rows.length === 0) return <p className="muted">No runs in this sweep yet.</p>;
  const columnCount = 10 + metrics.length;
  return (
    <div>
      <div className="row">
        <input type="search" aria-label="Filter runs" placeholder="Filter: policy, params, scenario, status, error" value={text} onChange={(e) => setText(e.target.value)} />
        <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
          <option value="all">all</option>
          <option value="done">done</option>
          <option value="failed">failed</option>
        </select>
        <span className="muted" aria-live="polite">
          {visible.length} of {rows.length} runs
        </span>
        <button type="button" onClick={() => download(`${fileStem}.csv`, runsToCsv(visible, metrics), 'text/csv;charset=utf-8')}>
          Export CSV
        </button>
        <button type="button" onClick={() => download(`${fileStem}.json`, runsToJson(visible), 'application/json')}>
          Export JSON
        </button>
        <span className="muted small">Compare: tick up to {COMPARE_LIMIT} runs; another tick replaces the one ticked first.</span>
      </div>
      <TableScroll label="Sweep runs table">
        <table className="results compact" aria-label="Sweep runs">
          <thead>
            <tr>
              <th>Compare</th>
              {header('position', '#')}
              {header('policy', 'Policy')}
              {header('params', 'Params')}
              {header('scenario', 'Scenario')}
              {header('seed', 'Seed')}
              {header('status', 'Status')}
              {metrics.map((name) => header(`metric:${name}`, name))}
              {header('elapsed', 'Time')}
              {header('error', 'Error')}
              <th>Run</th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 && (
              <tr>
                <td colSpan={columnCount} className="muted">No runs match the filter.</td>
              </tr>
            )}
            {shown.map((row) => {
              const chosen = selection.has(row.runKey);
              const error = errorText(row.error);
              return (
                <tr key={row.runKey} className={chosen ? 'selected' : undefined} data-status={row.status} data-run-key={row.runKey}>
                  <td>
                    <input type="checkbox" aria-label={`Compare run ${row.position}`} checked={chosen} onChange={() => toggle(row.runKey)} />
                  </td>
                  <td className="num">{row.position}</td>
                  <td>{row.policyLabel}</td>
                  <td title={paramsText(row.params, '; ')}>{paramsText(row.params, ', ', formatSignificant)}</td>
                  <td>{row.scenarioLabel}</td>
                  <td className="num">{row.seed}</td>
                  <td className={row.status === 'failed' ? 'error' : undefined}>{row.status}</td>
                  {metrics.map((name) => {
                    const v = row.metrics[name];
                    return (
                      <td key={name} className="num" data-metric={name} title={v === undefined ? undefined : String(v)}>
                        {v === undefined ? '–' : formatSignificant(v)}
                      </td>
                    );
                  })}
                  <td className="num nowrap">{`${row.elapsedMs.toFixed(0)} ms`}</td>
                  <td className="error" title={error || undefined}>
                    {errorPreview(error)}
                  </td>
                  <td>
                    <button type="button" aria-label={`Open run ${row.position}`} disabled={!onOpenRun} onClick={() => onOpenRun?.(row.runKey)}>
                      Open
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {visible.length > MAX_RENDERED_ROWS && (
        <p className="muted small">
          showing {MAX_RENDERED_ROWS} of {visible.length}; filter to narrow
        </p>
      )}
    </div>
  );
}
