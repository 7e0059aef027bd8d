// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LabStepPanel } from '../../../components/classroom/lab-step-panel';
import { FAKE_REQUEST, InstantStepWorker } from './fake-step-worker';

// "Step through" in a lab: the request is built from the chosen policy and scenario when the button is pressed.

afterEach(cleanup);

// The fake request is a VM run on an empty cluster: the VM view's occupancy map finds no canvas in jsdom.
HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];

const policies = [
  { id: 'editor', label: 'My policy (editor)' },
  { id: 'mwkr', label: 'MWKR' },
];
const scenarios = [
  { id: 'ft06', label: 'ft06' },
  { id: 'ta01', label: 'ta01' },
];

describe('LabStepPanel', () => {
  it('builds the request for the chosen policy and scenario on click, and opens the player on it', async () => {
    const build = vi.fn(() => ({ request: FAKE_REQUEST, label: 'MWKR on ta01' }));
    render(<LabStepPanel policies={policies} scenarios={scenarios} build={build} connect={() => new InstantStepWorker(3)} />);
    expect(screen.queryByTestId('step-player')).toBeNull();
    fireEvent.change(screen.getByLabelText('Policy'), { target: { value: 'mwkr' } });
    fireEvent.change(screen.getByLabelText('Scenario'), { target: { value: 'ta01' } });
    expect(build).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Step through' }));
    expect(build).toHaveBeenCalledWith('mwkr', 'ta01');
    await waitFor(() => expect(screen.getByTestId('step-player').getAttribute('data-decision')).toBe('0'));
    expect(screen.getByText(/MWKR on ta01/)).toBeTruthy();
  });

  it('says why there is nothing to play', () => {
    render(<LabStepPanel policies={policies} build={() => ({ error: 'Add a scenario to step through a run on it.' })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Step through' }));
    expect(screen.getByRole('alert').textContent).toBe('Add a scenario to step through a run on it.');
    expect(screen.queryByTestId('step-player')).toBeNull();
  });

  it('falls back to the first policy when the chosen one is no longer offered', () => {
    const build = vi.fn(() => ({ error: 'x' }));
    const { rerender } = render(<LabStepPanel policies={policies} build={build} />);
    fireEvent.change(screen.getByLabelText('Policy'), { target: { value: 'mwkr' } });
    rerender(<LabStepPanel policies={policies.slice(0, 1)} build={build} />);
    fireEvent.click(screen.getByRole('button', { name: 'Step through' }));
    expect(build).toHaveBeenCalledWith('editor', undefined);
  });
});
