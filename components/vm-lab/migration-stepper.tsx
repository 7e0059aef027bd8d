'use client';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { DroppedMigration, VmPlace } from '../../engine/vm';
import type { ReplayStep } from '../../engine/vm/replay';

/**
 * The steps of a run: its migrations, and in placement mode its placements too, in the order it made them. Step k
 * means the first k are made (the map shows the state after them). Buttons and a slider move through it; a click
 * on a row goes to the state after that step; ← and → step when the list has focus. Under drift, row 0 is the
 * cluster after the drift's events, and the planned migrations that became impossible follow, with the reason.
 */
export function MigrationStepper({
  steps,
  frCurve,
  step,
  onStep,
  startLabel = 'initial placement',
  dropped = [],
}: {
  steps: readonly ReplayStep[];
  /** FR after k steps, k = 0..steps.length. */
  frCurve: readonly number[];
  step: number;
  onStep: (step: number) => void;
  startLabel?: string;
  dropped?: readonly DroppedMigration[];
}) {
  const listRef = useRef<HTMLDivElement>(null);
  const last = steps.length;

  // Keep the current row in view as the step moves.
  useEffect(() => {
    const row = listRef.current?.querySelector<HTMLElement>(`[data-step="${step}"]`);
    row?.scrollIntoView?.({ block: 'nearest' });
  }, [step]);

  const onKey = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowLeft: step - 1, ArrowRight: step + 1, Home: 0, End: last, ArrowUp: step - 1, ArrowDown: step + 1 };
    if (event.key in moves) {
      event.preventDefault();
      onStep(Math.max(0, Math.min(last, moves[event.key])));
    }
  };

  const place = (p: VmPlace | undefined) => (p ? `${p.pm} [${p.numa.join(',')}]` : 'pending');
  return (
    <div className="stepper">
      <div className="row stepper-controls" role="group" aria-label="Step through migrations">
        <button onClick={() => onStep(0)} disabled={step === 0} aria-label="First step" title="Before any migration (Home)">
          |◀
        </button>
        <button onClick={() => onStep(step - 1)} disabled={step === 0} aria-label="Previous migration" title="Previous (←)">
          ◀
        </button>
        <span className="step-label" data-testid="step-label" aria-live="polite">
          {step} / {last}
        </span>
        <button onClick={() => onStep(step + 1)} disabled={step >= last} aria-label="Next migration" title="Next (→)">
          ▶
        </button>
        <button onClick={() => onStep(last)} disabled={step >= last} aria-label="Last step" title="After all migrations (End)">
          ▶|
        </button>
        <input type="range" min={0} max={last} value={step} onChange={(e) => onStep(Number(e.target.value))} aria-label="Migration step" className="step-range" />
        <span className="muted">FR {frCurve[step]?.toFixed(4) ?? '–'}</span>
      </div>
      <div className="migration-list" ref={listRef} tabIndex={0} onKeyDown={onKey} aria-label="Migrations">
        <table className="results compact">
          <thead>
            <tr>
              <th>#</th>
              <th>VM</th>
              <th>From</th>
              <th>To</th>
              <th>FR after</th>
            </tr>
          </thead>
          <tbody>
            <tr data-step={0} className={step === 0 ? 'selected' : undefined} onClick={() => onStep(0)}>
              <td className="num">0</td>
              <td colSpan={3} className="muted">
                {startLabel}
              </td>
              <td className="num">{frCurve[0]?.toFixed(4)}</td>
            </tr>
            {steps.map((m, i) => (
              <tr key={i} data-step={i + 1} className={step === i + 1 ? 'selected' : step < i + 1 ? 'future' : undefined} onClick={() => onStep(i + 1)}>
                <td className="num">{i + 1}</td>
                <td>{m.vm}</td>
                <td>{place(m.from)}</td>
                <td>{place(m.to)}</td>
                <td className="num">{frCurve[i + 1]?.toFixed(4)}</td>
              </tr>
            ))}
            {dropped.length > 0 && (
              <tr className="dropped-head">
                <td colSpan={5}>
                  Dropped by drift: {dropped.length} planned migration{dropped.length === 1 ? '' : 's'} the changed cluster no longer allowed
                </td>
              </tr>
            )}
            {dropped.map((d, i) => (
              <tr key={`dropped-${i}`} className="dropped" data-testid="dropped-migration">
                <td className="num" aria-label="dropped">
                  ✕
                </td>
                <td>{d.vm}</td>
                <td>{place(d.from)}</td>
                <td>{place(d.to)}</td>
                <td className="reason">{d.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {last === 0 && <p className="muted">Nothing to step through: the run made no migration or placement.</p>}
      </div>
    </div>
  );
}
