'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunRequest } from '../../workers/browser/run-protocol';
import { StepControls } from './step-controls';
import { StepFinalMetrics } from './step-metrics';
import type { StepConnection } from './step-session-controller';
import { DEFAULT_SPEED, playTick, stepKeyAction, type StepKeyAction } from './step-shortcuts';
import { defaultStepRenderer, type StepFrameRenderer } from './step-view';
import { useStepSession } from './use-step-session';

export interface StepPlayerProps {
  /** The run to play, as a lab or a lesson would run it; null: nothing to play (the player draws nothing). */
  readonly request: RunRequest | null;
  /** Metric names the views must not show (a lesson's hidden metrics). */
  readonly hiddenMetrics?: readonly string[];
  /** Longest one call to the step worker may take (default 10 s, the run pool's budget). */
  readonly budgetMs?: number;
  /** Draws a frame; default: the engine's own view (job-shop Gantt and candidates, LLM queues and KV, VM map). */
  readonly renderFrame?: StepFrameRenderer;
  /** Where the step worker comes from; tests pass a fake. Default: a new step-worker.ts Web Worker. */
  readonly connect?: () => StepConnection;
}

const NO_METRICS: readonly string[] = [];

/** Failures a new worker may get past (a slow machine, a crash); a compile error would only come back. */
const RESTARTABLE = new Set<string>(['budget', 'crash', 'memory']);

/**
 * Plays a run decision by decision from the engine's step-wise form (the step worker keeps a live simulation; going
 * back re-runs it from the start). Back, Play/Pause, Step, a slider and the speed; Left, Space and Right do the same
 * from anywhere on the page that is not taking the key itself (see step-shortcuts.ts). The root carries the frame's
 * decision in `data-decision` for end-to-end tests.
 */
export function StepPlayer({ request, hiddenMetrics = NO_METRICS, budgetMs, renderFrame = defaultStepRenderer, connect }: StepPlayerProps) {
  const session = useStepSession(request, budgetMs, connect);
  const { info, frame, target, loading, failure, live, goTo } = session;
  const total = info?.totalDecisions ?? 0;
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(DEFAULT_SPEED);
  const enabled = info !== null && live;

  // The interval and the key handler read the latest session through a ref, so they are set up once per play/run.
  const sessionRef = useRef(session);
  sessionRef.current = session;

  const step = useCallback((delta: number) => {
    setPlaying(false);
    const s = sessionRef.current;
    s.goTo(s.target + delta);
  }, []);
  const playingRef = useRef(playing);
  playingRef.current = playing;
  const togglePlay = useCallback(() => {
    const s = sessionRef.current;
    if (!s.info || !s.live || s.info.totalDecisions === 0) return;
    const play = !playingRef.current;
    // Play at the end starts over, as a video player does.
    if (play && s.target >= s.info.totalDecisions) s.goTo(0);
    playingRef.current = play;
    setPlaying(play);
  }, []);
  const seek = useCallback((decision: number) => {
    setPlaying(false);
    sessionRef.current.goTo(decision);
  }, []);

  // A new run starts paused; a failure (budget, crash, a policy error at the end) stops playing.
  useEffect(() => setPlaying(false), [request]);
  useEffect(() => {
    if (failure) setPlaying(false);
  }, [failure]);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const s = sessionRef.current;
      const tick = playTick({ frameDecision: s.frame?.decision ?? null, target: s.target, loading: s.loading, total: s.info?.totalDecisions ?? 0 });
      if (tick === 'advance') s.goTo(s.target + 1);
      else if (tick === 'stop') setPlaying(false);
    }, 1000 / speed);
    return () => clearInterval(timer);
  }, [playing, speed]);

  useEffect(() => {
    if (!request) return;
    const actions: Record<StepKeyAction, () => void> = { forward: () => step(1), back: () => step(-1), toggle: togglePlay };
    const onKey = (event: KeyboardEvent) => {
      const action = stepKeyAction(event);
      const s = sessionRef.current;
      if (!action || !s.info || !s.live) return;
      // Space would also scroll the page.
      event.preventDefault();
      actions[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [request, step, togglePlay]);

  if (!request) return null;
  return (
    <div className="step-player" data-testid="step-player" data-decision={frame?.decision ?? ''} data-total={info ? total : ''} data-loading={String(loading)}>
      <StepControls
        shown={frame?.decision ?? null}
        target={target}
        total={total}
        playing={playing}
        loading={loading}
        enabled={enabled}
        speed={speed}
        onBack={() => step(-1)}
        onTogglePlay={togglePlay}
        onForward={() => step(1)}
        onSeek={seek}
        onSpeed={setSpeed}
      />
      {!info && loading && (
        <p className="muted" role="status">
          Opening the run: the step worker runs it once to count its decisions…
        </p>
      )}
      {failure && (
        <div className="error" role="alert" data-testid="step-failure" data-kind={failure.kind}>
          {failure.message}
          {failure.line !== undefined && ` (line ${failure.line}${failure.column !== undefined ? `, column ${failure.column}` : ''})`}
          {!live && RESTARTABLE.has(failure.kind) && (
            <>
              {' '}
              <button type="button" onClick={session.reopen}>
                Start again
              </button>
            </>
          )}
        </div>
      )}
      {info?.failure && !failure && (
        <p className="muted">
          The run stops with an error at decision {total}: the decisions before it can be stepped through.
        </p>
      )}
      {info && frame && renderFrame({ request, info, frame, hiddenMetrics })}
      {frame?.metrics && <StepFinalMetrics metrics={frame.metrics} hidden={hiddenMetrics} />}
    </div>
  );
}
