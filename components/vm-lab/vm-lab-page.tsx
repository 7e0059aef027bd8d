'use client';
import { LAB_DRAFT_KEYS } from '../state/draft-keys';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { PolicyEditor, usePersistentSource, VM_POLICY_TEMPLATES, type EditorMarker } from '../editor';
import type { VmResult } from '../../engine/vm';
import type { RunFailure } from '../state/lab-types';
import type { VmLabRun } from '../state/vm-lab-types';
import { useVmLabStore } from '../state/vm-lab-store';
import { MnlSweepPanel } from './mnl-sweep-panel';
import { useVmPool } from './use-vm-pool';
import { VmResultsTable } from './vm-results-table';
import { LAB_POLICIES } from './vm-run-requests';
import { VmRunControls } from './vm-run-controls';
import { VmRunView } from './vm-run-view';
import { catalogueChoice, DEFAULT_CATALOGUE_ID } from './vm-scenario-sources';
import { VmScenarioPicker } from './vm-scenario-picker';
import { VmStepPanel } from '../classroom/lab-step-panels';
import { MakeLesson } from '../classroom/make-lesson';
import { vmLessonDraft } from '../classroom/lesson-from-lab';

/** Templates of the policies this lab runs (all the built-ins: rescheduling, the MIP, placement; see LAB_POLICIES). */
const TEMPLATES = VM_POLICY_TEMPLATES.filter((t) => LAB_POLICIES.some((p) => p.id === t.id));

/** The editor starts from FFD: with greedy ticked as a built-in, the first Run already compares two policies. */
const DEFAULT_TEMPLATE = TEMPLATES.find((t) => t.id === 'ffd') ?? VM_POLICY_TEMPLATES[0];

export const VM_LAB_DRAFT_KEY = LAB_DRAFT_KEYS.vm;

/**
 * The VM-rescheduling lab: the policy editor ('schedlab/vm'), the cluster and run controls, the results, the
 * occupancy map with the migration stepper and the FR curve of the selected run, and the MNL sweep.
 */
export function VmLabPage() {
  const [source, setSource, draft] = usePersistentSource(VM_LAB_DRAFT_KEY, DEFAULT_TEMPLATE.source);
  const [editorFailure, setEditorFailure] = useState<RunFailure | null>(null);
  const { run, sweep, stop } = useVmPool(source, setEditorFailure);
  const { runs, selectedRunId, selectRun, busy } = useVmLabStore();

  // A first visit starts with a catalogue preset, so Run does something at once.
  useEffect(() => {
    if (!useVmLabStore.getState().scenario) useVmLabStore.getState().setScenario(catalogueChoice(DEFAULT_CATALOGUE_ID));
  }, []);

  // Ctrl/Cmd+Enter runs and Esc stops anywhere on the page (the editor binds the same keys inside Monaco).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        void run();
      } else if (event.key === 'Escape' && useVmLabStore.getState().busy) {
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
      const template = TEMPLATES.find((t) => t.id === id);
      if (template) setSource(template.source);
    },
    [setSource],
  );
  const selected = runs.find((r): r is VmLabRun & { result: VmResult } => r.id === selectedRunId && r.result !== undefined);

  return (
    <div className="lab">
      <header className="lab-bar">
        <a href="/" className="brand">
          SchedLab
        </a>
        <span className="muted">VM rescheduling lab</span>
        <MakeLesson draft={() => vmLessonDraft({ ...useVmLabStore.getState(), source })} />
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
                {TEMPLATES.map((t) => (
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
          <PolicyEditor value={source} onChange={setSource} markers={markers} onRun={() => void run()} onStop={stop} height={440} path="my-vm-policy.ts" ariaLabel="VM policy source" />
          {editorFailure && (
            <p className="error" role="alert" data-testid="policy-error">
              {editorFailure.message}
            </p>
          )}
        </section>
        <div className="side">
          <VmScenarioPicker />
          <VmRunControls onRun={() => void run()} onStop={stop} />
        </div>
      </div>
      <section className="panel" aria-label="Results">
        <header className="panel-head">
          <h2>Results</h2>
          {busy === 'runs' && <span className="muted">running…</span>}
          {runs.length > 0 && <span className="muted">click a run to show it below</span>}
        </header>
        <VmResultsTable runs={runs} selectedRunId={selectedRunId} onSelect={selectRun} />
      </section>
      {selected && <VmRunView run={selected} runs={runs} />}
      {/* The replay stepper above redraws a finished run; this player steps the engine itself. */}
      <VmStepPanel source={source} />
      <MnlSweepPanel onSweep={() => void sweep()} onStop={stop} />
    </div>
  );
}
