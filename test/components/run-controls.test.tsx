// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunControls } from '../../components/lab/run-controls';
import { useLabStore } from '../../components/state/lab-store';

describe('run controls', () => {
  beforeEach(() => useLabStore.setState({ builtinIds: ['mwkr'], params: {}, includeEditorPolicy: true, scenarios: [] }));
  afterEach(cleanup);

  it('shows the declared parameters of a ticked built-in with their range and default, and keeps what is typed', () => {
    render(<RunControls onRun={() => {}} onStop={() => {}} />);
    expect(screen.queryByLabelText(/ATC k/)).toBeNull();
    fireEvent.click(screen.getByLabelText('Built-in ATC'));
    const k = screen.getByLabelText(/ATC k \(0\.1–10\)/) as HTMLInputElement;
    expect(k.value).toBe('2');
    fireEvent.change(k, { target: { value: '0.5' } });
    expect(useLabStore.getState().params).toEqual({ atc: { k: 0.5 } });
  });

  it('counts the runs of the batch: scenarios x policies', () => {
    useLabStore.setState({ scenarios: [{ key: 'a', label: 'a', origin: 'generated', instance: { name: 'a', machineCount: 1, jobs: [] } }] });
    render(<RunControls onRun={() => {}} onStop={() => {}} />);
    expect(screen.getByRole('button', { name: 'Run 2 runs' })).toBeTruthy();
  });
});
