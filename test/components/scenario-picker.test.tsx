// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScenarioPicker } from '../../components/lab/scenario-picker';
import { useLabStore } from '../../components/state/lab-store';

describe('scenario picker', () => {
  beforeEach(() => useLabStore.setState({ scenarios: [], selectedScenarioKey: null }));
  afterEach(cleanup);

  it('adds a catalogue instance, generated from its seeds', () => {
    render(<ScenarioPicker />);
    fireEvent.change(screen.getByLabelText('Catalogue instance'), { target: { value: 'ta01' } });
    fireEvent.click(screen.getByText('Add'));
    const [scenario] = useLabStore.getState().scenarios;
    expect(scenario.key).toBe('ta01');
    expect(scenario.instance.jobs).toHaveLength(15);
    expect(screen.getByRole('list', { name: 'Chosen scenarios' }).textContent).toContain('ta01');
  });

  it('generates an instance from the form, with due dates', () => {
    render(<ScenarioPicker />);
    fireEvent.click(screen.getByRole('tab', { name: 'Generate' }));
    fireEvent.change(screen.getByLabelText('Jobs'), { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText('Machines'), { target: { value: '3' } });
    fireEvent.click(screen.getByText('Generate instance'));
    const [scenario] = useLabStore.getState().scenarios;
    expect(scenario.instance.jobs).toHaveLength(4);
    expect(scenario.instance.machineCount).toBe(3);
    expect(scenario.instance.jobs.every((j) => j.due !== undefined)).toBe(true);
  });

  it('shows a bad generator setting instead of adding', () => {
    render(<ScenarioPicker />);
    fireEvent.click(screen.getByRole('tab', { name: 'Generate' }));
    fireEvent.change(screen.getByLabelText('Jobs'), { target: { value: '0' } });
    fireEvent.click(screen.getByText('Generate instance'));
    expect(screen.getByRole('alert').textContent).toMatch(/jobs is 0/);
    expect(useLabStore.getState().scenarios).toHaveLength(0);
  });

  it('imports pasted text and shows a bad file’s error with its line', () => {
    render(<ScenarioPicker />);
    fireEvent.click(screen.getByRole('tab', { name: 'Import' }));
    fireEvent.change(screen.getByLabelText('File name'), { target: { value: 'mine.txt' } });
    fireEvent.change(screen.getByLabelText('Instance text'), { target: { value: '2 2\n0 5 1 3\n1 4 9 2\n' } });
    fireEvent.click(screen.getByText('Import instance'));
    expect(screen.getByRole('alert').textContent).toMatch(/mine\.txt:3:5: expected a machine index in 0\.\.1, found "9"/);
    expect(useLabStore.getState().scenarios).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Instance text'), { target: { value: '2 2\n0 5 1 3\n1 4 0 2\n' } });
    fireEvent.click(screen.getByText('Import instance'));
    expect(useLabStore.getState().scenarios.map((s) => s.key)).toEqual(['file:mine.txt']);
  });
});
