'use client';
import { useId } from 'react';
import { PLAY_SPEEDS } from './step-shortcuts';
import { CONTROLS, POSITION, SLIDER, SLIDER_LABEL } from './step-styles';

export interface StepControlsProps {
  /** The decision the frame on screen shows (null before the first frame). */
  readonly shown: number | null;
  /** The decision asked for last: where the slider is. */
  readonly target: number;
  readonly total: number;
  readonly playing: boolean;
  readonly loading: boolean;
  /** False while there is nothing to step (opening, or the worker is gone). */
  readonly enabled: boolean;
  readonly speed: number;
  onBack(): void;
  onTogglePlay(): void;
  onForward(): void;
  onSeek(decision: number): void;
  onSpeed(perSecond: number): void;
}

/**
 * The player's controls, all real buttons and inputs with visible labels, so each is reachable with Tab and named
 * for a screen reader; the arrows and the play sign are decoration beside the words. The position is a live region
 * while paused (each step is announced) and quiet while playing (it would talk over itself).
 */
export function StepControls(props: StepControlsProps) {
  const { shown, target, total, playing, loading, enabled, speed } = props;
  const speedId = useId();
  const going = loading && shown !== target ? ` (going to ${target}…)` : '';
  return (
    <div role="group" aria-label="Step through the decisions" style={CONTROLS}>
      <button type="button" data-testid="step-back" onClick={props.onBack} disabled={!enabled || target <= 0} aria-keyshortcuts="ArrowLeft" title="Back one decision (←)">
        <span aria-hidden="true">◀ </span>Back
      </button>
      <button type="button" data-testid="step-play" onClick={props.onTogglePlay} disabled={!enabled || total === 0} aria-keyshortcuts="Space" title="Play or pause (Space)" className="primary">
        <span aria-hidden="true">{playing ? '❚❚ ' : '▶ '}</span>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" data-testid="step-forward" onClick={props.onForward} disabled={!enabled || target >= total} aria-keyshortcuts="ArrowRight" title="Next decision (→)">
        Step<span aria-hidden="true"> ▶</span>
      </button>
      <label style={SLIDER_LABEL}>
        Decision
        <input
          type="range"
          data-testid="step-slider"
          min={0}
          max={total}
          step={1}
          value={Math.min(target, total)}
          disabled={!enabled}
          aria-valuetext={`decision ${target} of ${total}`}
          onChange={(e) => props.onSeek(Number(e.target.value))}
          style={SLIDER}
        />
      </label>
      <span data-testid="step-position" aria-live={playing ? 'off' : 'polite'} style={POSITION}>
        Decision {shown ?? 0} of {total}
        {going}
      </span>
      <label htmlFor={speedId}>Speed</label>
      <select id={speedId} value={speed} onChange={(e) => props.onSpeed(Number(e.target.value))}>
        {PLAY_SPEEDS.map((s) => (
          <option key={s.perSecond} value={s.perSecond}>
            {s.label}
          </option>
        ))}
      </select>
    </div>
  );
}
