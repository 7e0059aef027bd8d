'use client';
import { BUILTIN_POLICIES } from '../../engine/jobshop/policies';
import { SCHEMES, type Scheme } from '../../engine/jobshop/run-types';
import { useLabStore } from '../state/lab-store';

/** Which policies run, how (scheme, seed), Run/Stop and the progress of the batch. */
export function RunControls({ onRun, onStop }: { onRun: () => void; onStop: () => void }) {
  const { builtinIds, toggleBuiltin, includeEditorPolicy, setIncludeEditorPolicy, scheme, setScheme, seed, setSeed, running, progress, scenarios } =
    useLabStore();
  const count = scenarios.length * (builtinIds.length + (includeEditorPolicy ? 1 : 0));
  return (
    <section className="panel" aria-label="Run">
      <header className="panel-head">
        <h2>Run</h2>
      </header>
      <fieldset className="policies">
        <legend>Policies</legend>
        <label className="check">
          <input type="checkbox" checked={includeEditorPolicy} onChange={(e) => setIncludeEditorPolicy(e.target.checked)} />
          <strong>The editor’s policy</strong>
        </label>
        {BUILTIN_POLICIES.map((p) => (
          <label key={p.id} className="check" title={p.description}>
            <input type="checkbox" checked={builtinIds.includes(p.id)} onChange={() => toggleBuiltin(p.id)} aria-label={`Built-in ${p.label}`} />
            {p.label}
          </label>
        ))}
      </fieldset>
      <PolicyParams />
      <div className="row">
        <label>
          Scheme{' '}
          <select value={scheme} onChange={(e) => setScheme(e.target.value as Scheme)} aria-label="Scheme">
            {SCHEMES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Seed{' '}
          <input type="number" className="seed" value={seed} onChange={(e) => setSeed(Math.trunc(Number(e.target.value)))} aria-label="Seed" />
        </label>
      </div>
      <div className="row">
        {running ? (
          <button className="stop" onClick={onStop} title="Esc">
            Stop
          </button>
        ) : (
          <button className="primary" onClick={onRun} disabled={count === 0} title="Ctrl/Cmd+Enter">
            Run {count} {count === 1 ? 'run' : 'runs'}
          </button>
        )}
        {progress && (
          <span className="progress" role="status" aria-live="polite">
            <progress max={progress.total} value={progress.done} /> {progress.done} / {progress.total}
            {running && progress.etaMs > 0 ? ` · ${Math.ceil(progress.etaMs / 1000)} s left` : ''}
          </span>
        )}
      </div>
    </section>
  );
}

/** Number inputs for the declared parameters of the ticked built-in policies (ATC's k, the tabu budget, ...). */
function PolicyParams() {
  const { builtinIds, params, setParam } = useLabStore();
  const withParams = BUILTIN_POLICIES.filter((p) => builtinIds.includes(p.id) && (p.params?.length ?? 0) > 0);
  if (withParams.length === 0) return null;
  return (
    <div className="grid" aria-label="Policy parameters">
      {withParams.flatMap((policy) =>
        policy.params!.map((spec) => (
          <label key={`${policy.id}.${spec.name}`} className="field" title={spec.description}>
            {policy.label} {spec.name} ({spec.min}–{spec.max})
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
  );
}
