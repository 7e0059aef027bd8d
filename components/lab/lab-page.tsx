'use client';
import { LAB_DRAFT_KEYS } from '../state/draft-keys';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { PolicyEditor, POLICY_TEMPLATES, usePersistentSource, type EditorMarker } from '../editor';
import { useLabStore } from '../state/lab-store';
import type { RunFailure } from '../state/lab-types';
import { takeFork } from '../experiments/fork';
import { catalogueChoice } from './scenario-sources';
import { ResultsTable } from './results-table';
import { RunGantt } from './run-gantt';
import { RunControls } from './run-controls';
import { SaveBar } from './save-bar';
import { ScenarioPicker } from './scenario-picker';
import { useRunBatch } from './use-run-batch';
import { JobShopStepPanel } from '../classroom/lab-step-panels';
import { MakeLesson } from '../classroom/make-lesson';
import { jobshopLessonDraft } from '../classroom/lesson-from-lab';

const DEFAULT_TEMPLATE = POLICY_TEMPLATES.find((t) => t.id === 'mwkr') ?? POLICY_TEMPLATES[0];

/** The editor draft of the job-shop lab; Fork writes a saved policy here before opening the lab. */
export const LAB_DRAFT_KEY = LAB_DRAFT_KEYS.jobshop;

/** The job-shop lab: the policy editor, scenarios and run controls side by side, and the results below. */
export function LabPage({ initialSource }: { initialSource?: string }) {
  const [source, setSource, draft] = usePersistentSource(LAB_DRAFT_KEY, initialSource ?? DEFAULT_TEMPLATE.source);
  const [editorFailure, setEditorFailure] = useState<RunFailure | null>(null);
  const { run, stop, policies } = useRunBatch(source, setEditorFailure);
  const { runs, selectedRunId, selectRun, scenarios, running } = useLabStore();

  // A fork from a saved experiment brings its scenarios and policies; otherwise a first visit starts with ft06,
  // so Run does something at once.
  useEffect(() => {
    const store = useLabStore.getState();
    const fork = takeFork();
    if (fork) {
      useLabStore.setState({ scenarios: [], builtinIds: fork.builtinIds, includeEditorPolicy: fork.source !== undefined, seed: fork.seed, runs: [] });
      for (const scenario of fork.scenarios) store.addScenario(scenario);
    } else if (store.scenarios.length === 0) {
      store.addScenario(catalogueChoice('ft06'));
    }
  }, []);

  // Ctrl/Cmd+Enter runs and Esc stops anywhere on the page (the editor binds the same keys inside Monaco).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        void run();
      } else if (event.key === 'Escape' && useLabStore.getState().running) {
        stop();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, stop]);

  const markers = useMemo<EditorMarker[]>(
    () => (editorFailure?.line ? [{ line: editorFailure.line, column: editorFailure.column, message: editorFailure.message, severity: 'error' }] : []),
    [editorFailure],
  );

  const selected = runs.find((r) => r.id === selectedRunId && r.result);
  const selectedScenario = scenarios.find((s) => s.key === selected?.scenarioKey);
  const loadTemplate = useCallback((id: string) => {
    const template = POLICY_TEMPLATES.find((t) => t.id === id);
    if (template) setSource(template.source);
  }, [setSource]);

  return (
    <div className="lab">
      <header className="lab-bar">
        <a href="/" className="brand">SchedLab</a>
        <span className="muted">Job shop lab</span>
        <MakeLesson draft={() => jobshopLessonDraft({ ...useLabStore.getState(), source })} />
        <SaveBar policies={policies} />
      </header>
      <div className="lab-top">
        <section className="panel editor-panel" aria-label="Policy editor">
          <header className="panel-head">
            <h2>Policy</h2>
            <label>
              Template{' '}
              <select aria-label="Template" value="" onChange={(e) => loadTemplate(e.target.value)}>
                <option value="" disabled>
                  Start from…
                </option>
                {POLICY_TEMPLATES.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label} — {t.description}
                  </option>
                ))}
              </select>
            </label>
            {draft.restored && (
              <button className="link" onClick={draft.discard} title="Back to the template, forgetting the saved draft">
                Discard draft
              </button>
            )}
          </header>
          <PolicyEditor value={source} onChange={setSource} markers={markers} onRun={() => void run()} onStop={stop} height={460} path="my-policy.ts" ariaLabel="Policy source" />
          {editorFailure && (
            <p className="error" role="alert" data-testid="policy-error">
              {editorFailure.message}
            </p>
          )}
        </section>
        <div className="side">
          <ScenarioPicker />
          <RunControls onRun={() => void run()} onStop={stop} />
        </div>
      </div>
      <section className="panel" aria-label="Results">
        <header className="panel-head">
          <h2>Results</h2>
          {running && <span className="muted">running…</span>}
        </header>
        <ResultsTable runs={runs} selectedRunId={selectedRunId} onSelect={selectRun} />
      </section>
      <JobShopStepPanel source={source} />
      {selected?.result && selectedScenario && (
        <RunGantt
          title={`${selected.policyLabel} on ${selected.scenarioLabel}`}
          result={selected.result}
          instance={selectedScenario.instance}
          fileName={`${selected.scenarioKey}-${selected.policyLabel}`}
        />
      )}
    </div>
  );
}
