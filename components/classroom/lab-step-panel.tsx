'use client';
import { useId, useState } from 'react';
import type { RunRequest } from '../../workers/browser/run-protocol';
import type { StepChoice, StepRequestResult } from './lab-step-requests';
import type { StepConnection } from './step-session-controller';
import { StepPlayer } from './step-player';

export interface LabStepPanelProps {
  /** The policies Run would run, in the lab's order; the first is preselected. */
  readonly policies: readonly StepChoice[];
  /** The lab's scenarios when it has several (the job shop); the first is preselected. */
  readonly scenarios?: readonly StepChoice[];
  /** Builds the request from the lab's state at the moment of the click. */
  readonly build: (policyId: string, scenarioKey: string | undefined) => StepRequestResult;
  /** The lab's budget for one run: opening a session runs the whole simulation once. */
  readonly budgetMs?: number;
  /** Where the player's step worker comes from (tests); default a new Web Worker. */
  readonly connect?: () => StepConnection;
}

/**
 * "Step through" in a lab: pick one of the policies Run would run (and a scenario), press the button, and the step
 * player plays that run decision by decision. The request is taken when the button is pressed, so editing the
 * policy afterwards does not change what is being played; pressing it again plays the current state.
 */
export function LabStepPanel({ policies, scenarios = [], build, budgetMs, connect }: LabStepPanelProps) {
  const [policyId, setPolicyId] = useState<string>('');
  const [scenarioKey, setScenarioKey] = useState<string>('');
  const [playing, setPlaying] = useState<{ request: RunRequest; label: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const policySelect = useId();
  const scenarioSelect = useId();
  // A policy unticked since it was picked falls back to the first one left.
  const policy = policies.some((p) => p.id === policyId) ? policyId : (policies[0]?.id ?? '');
  const scenario = scenarios.some((s) => s.id === scenarioKey) ? scenarioKey : scenarios[0]?.id;

  const open = () => {
    const result = build(policy, scenario);
    if ('error' in result) {
      setError(result.error);
      return;
    }
    setError(null);
    setPlaying(result);
  };

  return (
    <section className="panel" aria-label="Step by step" data-testid="lab-step-panel">
      <header className="panel-head">
        <h2>Step by step</h2>
        <label htmlFor={policySelect}>Policy</label>
        <select id={policySelect} value={policy} onChange={(e) => setPolicyId(e.target.value)} disabled={policies.length === 0}>
          {policies.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        {scenarios.length > 1 && (
          <>
            <label htmlFor={scenarioSelect}>Scenario</label>
            <select id={scenarioSelect} value={scenario} onChange={(e) => setScenarioKey(e.target.value)}>
              {scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </>
        )}
        <button type="button" data-testid="step-open" onClick={open} disabled={policies.length === 0}>
          {playing ? 'Step through again' : 'Step through'}
        </button>
        {playing && (
          <button type="button" className="link" onClick={() => setPlaying(null)}>
            Close
          </button>
        )}
        {playing ? (
          <span className="muted">
            {playing.label}, as the lab was set when you pressed the button · keys: ← back, Space play/pause, → step
          </span>
        ) : (
          <span className="muted">Play a run decision by decision, as the engine makes them.</span>
        )}
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <StepPlayer request={playing?.request ?? null} budgetMs={budgetMs} connect={connect} />
    </section>
  );
}
