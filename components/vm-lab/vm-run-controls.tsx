'use client';
import type { VmObjective } from '../../engine/vm';
import { scenarioMode, useVmLabStore } from '../state/vm-lab-store';
import { policiesForMode } from './vm-run-requests';

const OBJECTIVES: readonly { value: VmObjective; label: string }[] = [
  { value: 'fragment', label: 'fragment rate' },
  { value: 'consolidation', label: 'consolidation (fewest PMs)' },
  { value: 'balance', label: 'balance (even CPU load)' },
];

/**
 * Which policies run, with which MNL, seed, parameters and engine options (drift, objective); Run/Stop and the
 * batch's progress. The cluster sets the mode (placement when it has pending VMs), and only the built-ins that
 * run in that mode are offered.
 */
export function VmRunControls({ onRun, onStop }: { onRun: () => void; onStop: () => void }) {
  const { builtinIds, toggleBuiltin, includeEditorPolicy, setIncludeEditorPolicy, mnl, setMnl, seed, setSeed, busy, progress, scenario } = useVmLabStore();
  const mode = scenarioMode(scenario);
  const offered = policiesForMode(mode);
  const count = scenario ? offered.filter((p) => builtinIds.includes(p.id)).length + (includeEditorPolicy ? 1 : 0) : 0;
  return (
    <section className="panel" aria-label="Run">
      <header className="panel-head">
        <h2>Run</h2>
        <span className="muted" data-testid="run-mode" title="Placement when the cluster has pending VMs (the engine's default)">
          {mode} mode
        </span>
      </header>
      <fieldset className="policies">
        <legend>Policies</legend>
        <label className="check">
          <input type="checkbox" checked={includeEditorPolicy} onChange={(e) => setIncludeEditorPolicy(e.target.checked)} />
          <strong>The editor’s policy</strong>
        </label>
        {offered.map((p) => (
          <label key={p.id} className="check" title={p.description}>
            <input type="checkbox" checked={builtinIds.includes(p.id)} onChange={() => toggleBuiltin(p.id)} aria-label={`Built-in ${p.label}`} />
            {p.label}
          </label>
        ))}
      </fieldset>
      <PolicyParams />
      <div className="row">
        <label title="Migration number limit: the run stops after this many migrations (empty: when the policy stops)">
          MNL{' '}
          <input
            type="number"
            min={0}
            className="seed"
            aria-label="MNL"
            value={mnl ?? ''}
            placeholder="none"
            onChange={(e) => setMnl(e.target.value === '' ? null : Math.max(0, Math.trunc(Number(e.target.value))))}
          />
        </label>
        <label>
          Seed{' '}
          <input type="number" className="seed" value={seed} onChange={(e) => setSeed(Math.trunc(Number(e.target.value)))} aria-label="Seed" />
        </label>
      </div>
      <EngineOptions mode={mode} />
      <div className="row">
        {busy ? (
          <button className="stop" onClick={onStop} title="Esc">
            Stop
          </button>
        ) : (
          <button className="primary" onClick={onRun} disabled={count === 0} title="Ctrl/Cmd+Enter">
            Run {count} {count === 1 ? 'policy' : 'policies'}
          </button>
        )}
        {progress && busy !== 'sweep' && (
          <span className="progress" role="status" aria-live="polite">
            <progress max={progress.total} value={progress.done} /> {progress.done} / {progress.total}
            {busy === 'runs' && progress.etaMs > 0 ? ` · ${Math.ceil(progress.etaMs / 1000)} s left` : ''}
          </span>
        )}
      </div>
    </section>
  );
}

/** Drift (rescheduling only) with its decision time, and the objective; their values go into vmRunOptions. */
function EngineOptions({ mode }: { mode: 'rescheduling' | 'placement' }) {
  const { drift, setDrift, decisionSeconds, setDecisionSeconds, objective, setObjective, scenario } = useVmLabStore();
  const canDrift = mode === 'rescheduling';
  const hasEvents = (scenario?.scenario.events?.length ?? 0) > 0;
  return (
    <div className="row engine-options">
      <label className="check" title={canDrift ? 'The policy plans on the snapshot; the cluster changes while it decides; impossible moves are dropped' : 'Drift applies to rescheduling runs only'}>
        <input type="checkbox" checked={drift && canDrift} disabled={!canDrift} onChange={(e) => setDrift(e.target.checked)} aria-label="State drift" />
        State drift
      </label>
      {drift && canDrift && (
        <label title="Seconds of the cluster's arrivals and exits that happen before the plan is applied; empty: the time the policy took">
          decision time{' '}
          <input
            type="number"
            min={0}
            step="any"
            className="seed"
            aria-label="Decision seconds"
            placeholder="measured"
            value={decisionSeconds ?? ''}
            onChange={(e) => setDecisionSeconds(e.target.value === '' ? null : Math.max(0, Number(e.target.value)))}
          />{' '}
          s
        </label>
      )}
      {drift && canDrift && !hasEvents && <span className="muted small">no events here: a seeded churn stream (1 h) is added</span>}
      <label>
        Objective{' '}
        <select aria-label="Objective" value={objective} onChange={(e) => setObjective(e.target.value as VmObjective)}>
          {OBJECTIVES.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** Number inputs for the declared parameters of the ticked built-in policies. */
function PolicyParams() {
  const { builtinIds, params, setParam, scenario } = useVmLabStore();
  const withParams = policiesForMode(scenarioMode(scenario)).filter((p) => builtinIds.includes(p.id) && (p.params?.length ?? 0) > 0);
  if (withParams.length === 0) return null;
  const changed = withParams.reduce((n, p) => n + Object.keys(params[p.id] ?? {}).length, 0);
  // Folded by default: search and the MIP declare ten parameters between them, which would push Run off screen.
  return (
    <details className="policy-params">
      <summary>
        Parameters of {withParams.map((p) => p.label).join(', ')}
        {changed > 0 ? ` (${changed} changed)` : ' (defaults)'}
      </summary>
      <div className="grid" aria-label="Policy parameters">
        {withParams.flatMap((policy) =>
          policy.params!.map((spec) => (
            <label key={`${policy.id}.${spec.name}`} className="field" title={spec.description}>
              {policy.label}: {spec.name} ({spec.min}–{spec.max})
              <input
                type="number"
                min={spec.min}
                max={spec.max}
                step={spec.integer ? 1 : 'any'}
                value={params[policy.id]?.[spec.name] ?? spec.default}
                onChange={(e) => setParam(policy.id, spec.name, Number(e.target.value))}
              />
            </label>
          )),
        )}
      </div>
    </details>
  );
}
