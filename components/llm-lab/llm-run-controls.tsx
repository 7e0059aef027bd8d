'use client';
import { llmEngine } from '../../engine/llm';
import { useLlmLabStore } from '../state/llm-lab-store';
import { LAB_DISPATCHERS, LAB_POLICIES } from './llm-run-requests';

/** Which policies run (built-ins and the editor's), with which dispatcher, seed and parameters; Run/Stop and progress. */
export function LlmRunControls({ onRun, onStop }: { onRun: () => void; onStop: () => void }) {
  const { builtinIds, toggleBuiltin, includeEditorPolicy, setIncludeEditorPolicy, dispatch, setDispatch, seed, setSeed, busy, progress } = useLlmLabStore();
  const count = builtinIds.filter((id) => LAB_POLICIES.some((p) => p.id === id)).length + (includeEditorPolicy ? 1 : 0);
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
        {LAB_POLICIES.map((p) => (
          <label key={p.id} className="check" title={`${p.description}${p.paper ? ` — ${p.paper}` : ''}`}>
            <input type="checkbox" checked={builtinIds.includes(p.id)} onChange={() => toggleBuiltin(p.id)} aria-label={`Built-in ${p.label}`} />
            {p.label}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <label title="Combined with each replica scheduler (the CLI's --dispatch); a policy that dispatches itself keeps its own">
          Dispatcher{' '}
          <select aria-label="Dispatcher" value={dispatch} onChange={(e) => setDispatch(e.target.value)}>
            <option value="">policy’s own (round-robin)</option>
            {LAB_DISPATCHERS.map((d) => (
              <option key={d.id} value={d.id} title={d.description}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
        <label title="Seeds the workload, the policy's random stream and Math.random">
          Seed <input type="number" className="seed" value={seed} onChange={(e) => setSeed(Math.trunc(Number(e.target.value)))} aria-label="Seed" />
        </label>
      </div>
      <PolicyParams />
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

/** Number inputs for the declared parameters of the ticked built-ins and the chosen dispatcher. */
function PolicyParams() {
  const { builtinIds, dispatch, params, setParam } = useLlmLabStore();
  const chosen = [...LAB_POLICIES.filter((p) => builtinIds.includes(p.id)), ...(dispatch ? [llmEngine.findPolicy(dispatch)!] : [])];
  const withParams = chosen.filter((p) => (p.params?.length ?? 0) > 0);
  if (withParams.length === 0) return null;
  return (
    <details className="params">
      <summary>Parameters</summary>
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
    </details>
  );
}
