// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { findScenario } from '../../engine/jobshop/catalogue';
import { findBuiltinPolicy } from '../../engine/jobshop/policies';
import { simulate } from '../../engine/jobshop/simulate';
import { ResultsTable } from '../../components/lab/results-table';
import type { LabRun } from '../../components/state/lab-types';

function run(policy: string, scenario: string): LabRun {
  const result = simulate(findScenario(scenario)!.create(), findBuiltinPolicy(policy)!);
  return { id: `${policy}/${scenario}`, scenarioKey: scenario, scenarioLabel: scenario, policyLabel: policy, status: 'done', seed: 1, scheme: 'active', params: {}, result, elapsedMs: 1 };
}

describe('results table', () => {
  afterEach(cleanup);
  const runs = [run('spt', 'ft06'), run('mwkr', 'ft06'), run('mopnr', 'ft06')];

  it('lists runs sorted by makespan and re-sorts when a header is clicked', () => {
    render(<ResultsTable runs={runs} selectedRunId={null} onSelect={() => {}} />);
    const makespans = () => screen.getAllByRole('row').slice(1).map((r) => Number(r.querySelector('[data-metric="makespan"]')!.textContent));
    const sortedAscending = [...runs.map((r) => r.result!.metrics.makespan)].sort((a, b) => a - b);
    expect(makespans()).toEqual(sortedAscending);
    fireEvent.click(screen.getByRole('button', { name: /Makespan/ }));
    expect(makespans()).toEqual([...sortedAscending].reverse());
  });

  it('shows the gap to the best known bound and a failed run’s message', () => {
    const failed: LabRun = { ...runs[0], id: 'x', status: 'failed', result: undefined, failure: { kind: 'policy', message: 'policy threw at my.ts:3' } };
    render(<ResultsTable runs={[runs[1], failed]} selectedRunId={null} onSelect={() => {}} />);
    const gap = ((runs[1].result!.metrics.makespan - 55) / 55) * 100;
    expect(screen.getByText(`${gap.toFixed(1)}%`)).toBeTruthy();
    expect(screen.getByText('policy threw at my.ts:3')).toBeTruthy();
  });

  it('selects a run on click', () => {
    let selected = '';
    render(<ResultsTable runs={runs} selectedRunId={null} onSelect={(id) => (selected = id)} />);
    fireEvent.click(within(screen.getByRole('table')).getByText('mwkr'));
    expect(selected).toBe('mwkr/ft06');
  });
});
