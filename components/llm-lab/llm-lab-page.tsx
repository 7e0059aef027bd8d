'use client';
import { LAB_DRAFT_KEYS } from '../state/draft-keys';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { LLM_POLICY_TEMPLATES, PolicyEditor, usePersistentSource, type EditorMarker } from '../editor';
import type { RunFailure } from '../state/lab-types';
import { useLlmLabStore } from '../state/llm-lab-store';
import { LlmClusterOptions } from './llm-cluster-options';
import { LlmResultsTable } from './llm-results-table';
import { LLM_EDITOR_POLICY_FILE } from './llm-run-requests';
import { LlmRunControls } from './llm-run-controls';
import { LlmRunView } from './llm-run-view';
import { LlmWorkloadPicker } from './llm-workload-picker';
import { RateSweepPanel } from './rate-sweep-panel';
import { useLlmPool } from './use-llm-pool';
import { LlmStepPanel } from '../classroom/lab-step-panels';
import { MakeLesson } from '../classroom/make-lesson';
import { llmLessonDraft } from '../classroom/lesson-from-lab';

/** The editor starts from Sarathi-Serve: short, and its chunk size is the first knob a reader wants to turn. */
const DEFAULT_TEMPLATE = LLM_POLICY_TEMPLATES.find((t) => t.id === 'sarathi') ?? LLM_POLICY_TEMPLATES[0];

export const LLM_LAB_DRAFT_KEY = LAB_DRAFT_KEYS.llm;

/**
 * The LLM-serving lab: the policy editor ('schedlab/llm', the built-ins as templates), the workload, cluster and run
 * controls, the results table, the request timeline, KV / queue over time and latency CDFs, and the rate sweep.
 */
export function LlmLabPage() {
  const [source, setSource, draft] = usePersistentSource(LLM_LAB_DRAFT_KEY, DEFAULT_TEMPLATE.source);
  const [editorFailure, setEditorFailure] = useState<RunFailure | null>(null);
  const [inputError, setInputError] = useState<string | null>(null);
  const { run, sweep, stop } = useLlmPool(source, setEditorFailure, setInputError);
  const { runs, selectedRunId, selectRun, busy } = useLlmLabStore();

  // Ctrl/Cmd+Enter runs and Esc stops anywhere on the page (the editor binds the same keys inside Monaco).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        void run();
      } else if (event.key === 'Escape' && useLlmLabStore.getState().busy) {
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
  const loadTemplate = useCallback(
    (id: string) => {
      const template = LLM_POLICY_TEMPLATES.find((t) => t.id === id);
      if (template) setSource(template.source);
    },
    [setSource],
  );
  const selected = runs.find((r) => r.id === selectedRunId && r.result);

  return (
    <div className="lab">
      <header className="lab-bar">
        <a href="/" className="brand">
          SchedLab
        </a>
        <span className="muted">LLM serving lab</span>
        <MakeLesson draft={() => llmLessonDraft({ ...useLlmLabStore.getState(), source })} />
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
                {LLM_POLICY_TEMPLATES.map((t) => (
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
          <PolicyEditor value={source} onChange={setSource} markers={markers} onRun={() => void run()} onStop={stop} height={520} path={LLM_EDITOR_POLICY_FILE} ariaLabel="LLM policy source" />
          {editorFailure && (
            <p className="error" role="alert" data-testid="policy-error">
              {editorFailure.message}
            </p>
          )}
        </section>
        <div className="side">
          <LlmWorkloadPicker />
          <LlmClusterOptions />
          <LlmRunControls onRun={() => void run()} onStop={stop} />
          {inputError && (
            <p className="error" role="alert">
              {inputError}
            </p>
          )}
        </div>
      </div>
      <section className="panel" aria-label="Results">
        <header className="panel-head">
          <h2>Results</h2>
          {busy === 'runs' && <span className="muted">running…</span>}
          {runs.length > 0 && <span className="muted">click a run to show its timeline below</span>}
        </header>
        <LlmResultsTable runs={runs} selectedRunId={selectedRunId} onSelect={selectRun} />
      </section>
      {selected && <LlmRunView run={selected} runs={runs} />}
      <LlmStepPanel source={source} />
      <RateSweepPanel onSweep={() => void sweep()} onStop={stop} />
    </div>
  );
}
