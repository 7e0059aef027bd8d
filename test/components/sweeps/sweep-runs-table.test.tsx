// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { nextCompareSelection, SweepRunsTable } from '../../../components/sweeps/sweep-runs-table';
import type { SweepRunRow } from '../../../components/sweeps/sweep-types';
import { failedRow, runRow } from './fixtures';

const rows: SweepRunRow[] = [
  runRow(0, { policyLabel: 'ATC', params: { k: 1.5 }, scenarioLabel: 'ft06', metrics: { makespan: 10 } }),
  runRow(1, { policyLabel: 'ATC', params: { k: 2 }, scenarioLabel: 'la01', metrics: { makespan: 2 } }),
  runRow(2, { policyLabel: 'SPT', params: {}, scenarioLabel: 'ft06', metrics: { makespan: NaN } }),
  runRow(3, { policyLabel: 'MWKR', params: {}, scenarioLabel: 'la01', metrics: { makespan: 100 } }),
  failedRow(4, `policy threw TypeError at my.ts:3 ${'x'.repeat(200)}`, { policyLabel: 'Mine', params: { alpha: 0.25 } }),
];

function renderTable(props: Partial<Parameters<typeof SweepRunsTable>[0]> = {}) {
  const downloads: { fileName: string; text: string; mime: string }[] = [];
  render(
    <SweepRunsTable rows={rows} metrics={['makespan']} fileStem="sweep-42" download={(fileName, text, mime) => downloads.push({ fileName, text, mime })} {...props} />,
  );
  return downloads;
}

const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);
const positions = () => bodyRows().map((r) => Number(r.querySelector('td.num')!.textContent));
const header = (name: RegExp) => screen.getByRole('button', { name }).closest('th')!;

describe('sweep runs table', () => {
  afterEach(cleanup);

  it('starts in sweep order and sorts numerically by a metric with NaN and missing values last both ways', () => {
    renderTable();
    expect(positions()).toEqual([0, 1, 2, 3, 4]);
    expect(header(/^#/).getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(screen.getByRole('button', { name: /makespan/ }));
    // String order would put 100 before 2; the failed run has no makespan and SPT's is NaN.
    expect(positions()).toEqual([1, 0, 3, 2, 4]);
    expect(header(/makespan/).getAttribute('aria-sort')).toBe('ascending');
    expect(header(/^#/).getAttribute('aria-sort')).toBe('none');
    fireEvent.click(screen.getByRole('button', { name: /makespan/ }));
    expect(positions()).toEqual([3, 0, 1, 2, 4]);
    expect(header(/makespan/).getAttribute('aria-sort')).toBe('descending');
  });

  it('sorts text columns and toggles direction', () => {
    renderTable();
    fireEvent.click(screen.getByRole('button', { name: /Policy/ }));
    expect(positions()).toEqual([0, 1, 4, 3, 2]);
    fireEvent.click(screen.getByRole('button', { name: /Policy/ }));
    expect(positions()).toEqual([2, 3, 4, 0, 1]);
  });

  it('filters by text (policy, params, scenario, error; any case) and by status, and counts what is shown', () => {
    renderTable();
    const box = screen.getByRole('searchbox', { name: 'Filter runs' });
    expect(screen.getByText('5 of 5 runs')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'atc' } });
    expect(positions()).toEqual([0, 1]);
    expect(screen.getByText('2 of 5 runs')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'K=2' } });
    expect(positions()).toEqual([1]);
    fireEvent.change(box, { target: { value: 'LA01' } });
    expect(positions()).toEqual([1, 3]);
    fireEvent.change(box, { target: { value: 'typeerror' } });
    expect(positions()).toEqual([4]);
    fireEvent.change(box, { target: { value: '' } });
    const status = screen.getByRole('combobox', { name: 'Status' });
    fireEvent.change(status, { target: { value: 'failed' } });
    expect(positions()).toEqual([4]);
    fireEvent.change(status, { target: { value: 'done' } });
    expect(positions()).toEqual([0, 1, 2, 3]);
    fireEvent.change(box, { target: { value: 'nothing like this' } });
    expect(screen.getByText('No runs match the filter.')).toBeTruthy();
    expect(screen.getByText('0 of 5 runs')).toBeTruthy();
  });

  it('shows a failed run’s error, cut short, with the full message as the title', () => {
    renderTable();
    const cell = bodyRows()[4].querySelector('td.error[title]')!;
    expect(cell.getAttribute('title')).toBe(`policy at line 3: ${rows[4].error!.message}`);
    expect(cell.textContent!.startsWith('policy at line 3: policy threw TypeError at my.ts:3')).toBe(true);
    expect(cell.textContent!.endsWith('…')).toBe(true);
    expect(cell.textContent!.length).toBe(121);
  });

  it('keeps at most two runs for comparison, a third replacing the one ticked first', () => {
    const toggled: string[] = [];
    renderTable({ onToggleSelect: (key) => toggled.push(key) });
    const box = (position: number) => screen.getByRole('checkbox', { name: `Compare run ${position}` }) as HTMLInputElement;
    fireEvent.click(box(0));
    fireEvent.click(box(1));
    fireEvent.click(box(3));
    expect([0, 1, 2, 3, 4].map((p) => box(p).checked)).toEqual([false, true, false, true, false]);
    fireEvent.click(box(1));
    expect([0, 1, 2, 3, 4].map((p) => box(p).checked)).toEqual([false, false, false, true, false]);
    expect(toggled).toEqual(['run-0', 'run-1', 'run-3', 'run-1']);
    expect(bodyRows()[3].className).toBe('selected');
  });

  it('shows the parent’s choice when it passes selectedKeys, and the helper the parent keeps it with', () => {
    renderTable({ selectedKeys: new Set(['run-2']) });
    expect((screen.getByRole('checkbox', { name: 'Compare run 2' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Compare run 0' }));
    // Controlled: the table does not change the choice itself.
    expect((screen.getByRole('checkbox', { name: 'Compare run 0' }) as HTMLInputElement).checked).toBe(false);
    expect([...nextCompareSelection(new Set(['a', 'b']), 'c')]).toEqual(['b', 'c']);
    expect([...nextCompareSelection(new Set(['a', 'b']), 'a')]).toEqual(['b']);
  });

  it('opens a run', () => {
    const opened: string[] = [];
    renderTable({ onOpenRun: (key) => opened.push(key) });
    fireEvent.click(screen.getByRole('button', { name: 'Open run 4' }));
    expect(opened).toEqual(['run-4']);
  });

  it('exports exactly the filtered rows in the shown order as CSV and JSON', () => {
    const downloads = renderTable();
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'done' } });
    fireEvent.click(screen.getByRole('button', { name: /makespan/ }));
    fireEvent.click(screen.getByRole('button', { name: /makespan/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(downloads.map((d) => [d.fileName, d.mime])).toEqual([
      ['sweep-42.csv', 'text/csv;charset=utf-8'],
      ['sweep-42.json', 'application/json'],
    ]);
    const csvLines = downloads[0].text.trimEnd().split('\r\n');
    expect(csvLines[0]).toBe('position,policy,params,scenario,seed,options,status,makespan,error');
    expect(csvLines.slice(1).map((l) => l.split(',')[0])).toEqual(['3', '0', '1', '2']);
    expect(csvLines[4]).toContain(',NaN,');
    expect(JSON.parse(downloads[1].text).map((r: SweepRunRow) => r.position)).toEqual([3, 0, 1, 2]);
  });

  it('renders at most 500 rows, says so, and still exports them all', () => {
    const many = Array.from({ length: 750 }, (_, i) => runRow(i, { metrics: { makespan: i } }));
    const downloads = renderTable({ rows: many });
    expect(bodyRows()).toHaveLength(500);
    expect(screen.getByText('showing 500 of 750; filter to narrow')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(downloads[0].text.trimEnd().split('\r\n')).toHaveLength(751);
  });
});
