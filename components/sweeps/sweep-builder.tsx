'use client';
import { useEffect, useMemo, useState } from 'react';
import { readDraft } from '../editor/use-persistent-source';
import { LAB_DRAFT_KEYS } from '../state/draft-keys';
import { SWEEP_ENGINES, type SweepEngineId } from '../../db/sweep-spec';
import { BUILDER_OPTIONS, builderPolicies, builderScenarios } from './builder-catalogue';
import { buildSpec, type BuilderPolicy } from './build-spec';
import { sweepApi } from './sweep-api';

const DEFAULT_SCENARIOS: Record<SweepEngineId, string[]> = { jobshop: ['ft06'], vm: ['teach-fragments'], llm: ['steady'] };

/**
 * The experiment builder: engine, policies (built-in, with a grid or random points over their declared parameters,
 * and the lab editor's draft), scenarios, seeds and run options — or the spec as JSON (a fork starts there). Create
 * stores the sweep and opens its page, which runs it on this tab's worker pool.
 */
export function SweepBuilder({ forkOf }: { forkOf?: string }) {
  const [engine, setEngine] = useState<SweepEngineId>('jobshop');
  const [title, setTitle] = useState('');
  const [scenarios, setScenarios] = useState<string[]>(DEFAULT_SCENARIOS.jobshop);
  const [policies, setPolicies] = useState<Record<string, BuilderPolicy>>({});
  const [withEditor, setWithEditor] = useState(false);
  const [seedFrom, setSeedFrom] = useState(1);
  const [seedCount, setSeedCount] = useState(3);
  const [options, setOptions] = useState<Record<string, string>>({});
  const [json, setJson] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const draft = useMemo(() => (typeof window === 'undefined' ? undefined : readDraft(LAB_DRAFT_KEYS[engine])), [engine]);

  useEffect(() => {
    if (!forkOf) return;
    sweepApi
      .get(forkOf)
      .then(({ sweep }) => setJson(JSON.stringify({ ...sweep.spec, title: `${sweep.title} (fork)` }, null, 2)))
      .catch((e: Error) => setError(`could not load sweep ${forkOf}: ${e.message}`));
  }, [forkOf]);

  const chooseEngine = (next: SweepEngineId) => {
    setEngine(next);
    setScenarios(DEFAULT_SCENARIOS[next]);
    setPolicies({});
    setOptions(Object.fromEntries(BUILDER_OPTIONS[next].map((o) => [o.name, o.initial])));
  };
  useEffect(() => setOptions(Object.fromEntries(BUILDER_OPTIONS.jobshop.map((o) => [o.name, o.initial]))), []);

  const formSpec = () => buildSpec({ engine, title, scenarios, policies: Object.values(policies), editorSource: withEditor ? draft : undefined, seedFrom, seedCount, options });

  async function create() {
    setError(null);
    let spec: unknown;
    try {
      spec = json !== null ? JSON.parse(json) : formSpec();
    } catch (e) {
      setError((e as Error).message);
      return;
    }
    setBusy(true);
    try {
      const { url } = await sweepApi.create(spec, navigator.hardwareConcurrency || undefined);
      window.location.assign(`${url}?run=1`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  const togglePolicy = (id: string) =>
    setPolicies((current) => {
      const next = { ...current };
      if (next[id]) delete next[id];
      else next[id] = { builtin: id, grid: {}, randomPoints: 0 };
      return next;
    });
  const setPolicy = (id: string, change: Partial<BuilderPolicy>) => setPolicies((current) => ({ ...current, [id]: { ...current[id], ...change } }));

  return (
    <section className="panel" aria-label="New sweep">
      <header className="panel-head">
        <h2>New sweep</h2>
        <button type="button" className="link" onClick={() => setJson(json === null ? JSON.stringify(safeSpec(formSpec), null, 2) : null)}>
          {json === null ? 'Edit as JSON' : 'Back to the form'}
        </button>
      </header>
      {json !== null ? (
        <label className="field">
          sweep spec (the format of schedlab sweep spec.json)
          <textarea className="import-text" rows={18} value={json} onChange={(e) => setJson(e.target.value)} aria-label="Sweep spec JSON" />
        </label>
      ) : (
        <>
          <div className="row">
            <label className="field">
              engine
              <select value={engine} onChange={(e) => chooseEngine(e.target.value as SweepEngineId)} aria-label="Engine">
                {SWEEP_ENGINES.map((id) => (
                  <option key={id} value={id}>
                    {id}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              title
              <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={`${engine} sweep`} aria-label="Title" />
            </label>
            <label className="field">
              seeds from
              <input className="seed" type="number" value={seedFrom} onChange={(e) => setSeedFrom(Number(e.target.value))} aria-label="First seed" />
            </label>
            <label className="field">
              how many seeds
              <input className="seed" type="number" min={1} value={seedCount} onChange={(e) => setSeedCount(Number(e.target.value))} aria-label="Seed count" />
            </label>
          </div>
          <label className="field wide">
            scenarios (Ctrl/Cmd-click for several)
            <select multiple size={6} value={scenarios} onChange={(e) => setScenarios([...e.target.selectedOptions].map((o) => o.value))} aria-label="Scenarios">
              {builderScenarios(engine).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="policies">
            <legend>Policies</legend>
            {draft && (
              <label className="check">
                <input type="checkbox" checked={withEditor} onChange={(e) => setWithEditor(e.target.checked)} aria-label="The lab editor's policy" />
                <strong>The lab editor&apos;s policy</strong>
              </label>
            )}
            {builderPolicies(engine).map((p) => (
              <label key={p.id} className="check">
                <input type="checkbox" checked={Boolean(policies[p.id])} onChange={() => togglePolicy(p.id)} aria-label={`Policy ${p.label}`} />
                {p.label}
              </label>
            ))}
          </fieldset>
          {builderPolicies(engine)
            .filter((p) => policies[p.id] && p.params.length > 0)
            .map((p) => (
              <div key={p.id} className="row policy-params">
                <strong>{p.label}</strong>
                {p.params.map((spec) => (
                  <label key={spec.name} className="field" title={spec.description}>
                    {spec.name} grid ({spec.min}–{spec.max}, default {spec.default})
                    <input
                      value={policies[p.id].grid[spec.name] ?? ''}
                      disabled={policies[p.id].randomPoints > 0}
                      onChange={(e) => setPolicy(p.id, { grid: { ...policies[p.id].grid, [spec.name]: e.target.value } })}
                      placeholder="e.g. 0.5, 1, 2"
                      aria-label={`${p.label} ${spec.name} values`}
                    />
                  </label>
                ))}
                <label className="field">
                  or random points
                  <input className="seed" type="number" min={0} value={policies[p.id].randomPoints} onChange={(e) => setPolicy(p.id, { randomPoints: Number(e.target.value) })} aria-label={`${p.label} random points`} />
                </label>
              </div>
            ))}
          <div className="row engine-options">
            {BUILDER_OPTIONS[engine].map((o) => (
              <label key={o.name} className="field" title={o.hint}>
                {o.label}
                <input value={options[o.name] ?? ''} onChange={(e) => setOptions({ ...options, [o.name]: e.target.value })} aria-label={`Option ${o.label}`} />
              </label>
            ))}
          </div>
        </>
      )}
      <div className="row">
        <button type="button" className="primary" disabled={busy} onClick={() => void create()}>
          Create and run
        </button>
        {error && (
          <span className="error" role="alert" data-testid="builder-error">
            {error}
          </span>
        )}
      </div>
    </section>
  );
}

/** The form's spec, or a note in its place when a field does not parse yet (the JSON view then shows the note). */
function safeSpec(build: () => unknown): unknown {
  try {
    return build();
  } catch (e) {
    return { error: (e as Error).message };
  }
}
