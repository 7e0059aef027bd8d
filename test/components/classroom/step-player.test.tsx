// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StepPlayer } from '../../../components/classroom/step-player';
import type { StepFrameRenderer } from '../../../components/classroom/step-view';
import { FAKE_REQUEST, InstantStepWorker, ManualStepWorker } from './fake-step-worker';

// The player's controls and keyboard against a fake step worker (a real Worker cannot run in jsdom); the frame
// renderer is a stand-in, since the engine views are tested on their own.

const renderFrame: StepFrameRenderer = ({ frame }) => <p data-testid="frame">frame {frame.decision}</p>;

function player(total = 5) {
  const worker = new InstantStepWorker(total);
  render(<StepPlayer request={FAKE_REQUEST} renderFrame={renderFrame} connect={() => worker} hiddenMetrics={['frAfter']} />);
  return worker;
}

const root = () => screen.getByTestId('step-player');
const decision = () => root().getAttribute('data-decision');
const opened = () => waitFor(() => expect(screen.getByTestId('step-position').textContent).toContain('of 5'));

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('StepPlayer', () => {
  it('draws nothing without a request', () => {
    render(<StepPlayer request={null} renderFrame={renderFrame} connect={() => new InstantStepWorker(1)} />);
    expect(screen.queryByTestId('step-player')).toBeNull();
  });

  it('steps forward and back with the buttons, and names every control', async () => {
    player();
    await opened();
    expect(decision()).toBe('0');
    expect(screen.getByTestId('step-position').textContent).toBe('Decision 0 of 5');
    expect((screen.getByTestId('step-back') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('step-forward'));
    fireEvent.click(screen.getByTestId('step-forward'));
    await waitFor(() => expect(decision()).toBe('2'));
    expect(screen.getByTestId('frame').textContent).toBe('frame 2');
    fireEvent.click(screen.getByTestId('step-back'));
    await waitFor(() => expect(decision()).toBe('1'));
    expect(screen.getByRole('button', { name: 'Back' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Step' })).toBeTruthy();
    expect(screen.getByLabelText('Decision')).toBe(screen.getByTestId('step-slider'));
    expect(screen.getByLabelText('Speed').tagName).toBe('SELECT');
  });

  it('moves with the slider, clamped to the run', async () => {
    const worker = player();
    await opened();
    const slider = screen.getByTestId('step-slider') as HTMLInputElement;
    expect(slider.max).toBe('5');
    fireEvent.change(slider, { target: { value: '3' } });
    await waitFor(() => expect(decision()).toBe('3'));
    fireEvent.change(slider, { target: { value: '40' } });
    await waitFor(() => expect(decision()).toBe('5'));
    expect(slider.value).toBe('5');
    expect((screen.getByTestId('step-forward') as HTMLButtonElement).disabled).toBe(true);
    // Right at the end asks for nothing past it (the button is disabled, the key is not).
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    await act(async () => {});
    expect(Math.max(...worker.asked)).toBe(5);
    expect(screen.getByTestId('step-position').textContent).toBe('Decision 5 of 5');
    // At the end the final metrics appear, without the hidden one.
    const metrics = screen.getByTestId('step-final-metrics');
    expect(metrics.querySelector('[data-metric="migrations"]')).not.toBeNull();
    expect(metrics.querySelector('[data-metric="frAfter"]')).toBeNull();
  });

  it('takes Right, Left and Space from the page, but not from a text input', async () => {
    player();
    await opened();
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    await waitFor(() => expect(decision()).toBe('2'));
    fireEvent.keyDown(document.body, { key: 'ArrowLeft' });
    await waitFor(() => expect(decision()).toBe('1'));

    const input = document.createElement('input');
    document.body.appendChild(input);
    fireEvent.keyDown(input, { key: 'ArrowRight' });
    fireEvent.keyDown(input, { key: ' ' });
    await act(async () => {});
    expect(decision()).toBe('1');
    expect(screen.getByTestId('step-play').textContent).toContain('Play');
    input.remove();

    fireEvent.keyDown(document.body, { key: ' ' });
    expect(screen.getByTestId('step-play').textContent).toContain('Pause');
    fireEvent.keyDown(document.body, { key: ' ' });
    expect(screen.getByTestId('step-play').textContent).toContain('Play');
  });

  it('plays to the end at the chosen speed and stops there', async () => {
    const worker = player();
    await opened();
    vi.useFakeTimers();
    fireEvent.change(screen.getByLabelText('Speed'), { target: { value: '10' } });
    fireEvent.click(screen.getByTestId('step-play'));
    for (let i = 0; i < 12; i++) {
      await act(async () => {
        vi.advanceTimersByTime(100);
      });
    }
    expect(decision()).toBe('5');
    expect(screen.getByTestId('step-play').textContent).toContain('Play');
    // One call per decision: Play never asks for a frame before the last one has arrived.
    expect(worker.asked).toEqual([1, 2, 3, 4, 5]);
  });

  it('stops a worker that takes longer than the budget and offers to start again', async () => {
    const workers: ManualStepWorker[] = [];
    render(
      <StepPlayer
        request={FAKE_REQUEST}
        renderFrame={renderFrame}
        budgetMs={50}
        connect={() => {
          workers.push(new ManualStepWorker());
          return workers[workers.length - 1];
        }}
      />,
    );
    const failure = await screen.findByTestId('step-failure', undefined, { timeout: 2000 });
    expect(failure.getAttribute('data-kind')).toBe('budget');
    expect(workers[0].terminated).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Start again' }));
    await waitFor(() => expect(workers).toHaveLength(2));
  });

  it('terminates its worker on unmount', async () => {
    const worker = player();
    await opened();
    cleanup();
    expect(worker.terminated).toBeGreaterThan(0);
  });
});
