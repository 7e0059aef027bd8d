'use client';
import { useState, type RefObject } from 'react';
import { useLabStore } from '../state/lab-store';
import { saveExperiment, toSavePayload, type RunPolicyRecord } from './experiment-payload';

/** Save the finished runs as an experiment and show its link. */
export function SaveBar({ policies }: { policies: RefObject<Map<string, RunPolicyRecord>> }) {
  const { runs, scenarios, running } = useLabStore();
  const [title, setTitle] = useState('');
  const [state, setState] = useState<{ saving: boolean; url?: string; error?: string }>({ saving: false });
  const finished = runs.filter((r) => r.status === 'done' || r.status === 'failed');
  const save = async () => {
    setState({ saving: true });
    try {
      const name = title.trim() || `${finished.length} runs on ${[...new Set(finished.map((r) => r.scenarioLabel))].join(', ')}`.slice(0, 200);
      const { url } = await saveExperiment(toSavePayload(name, finished, scenarios, policies.current!));
      setState({ saving: false, url });
    } catch (error) {
      setState({ saving: false, error: (error as Error).message });
    }
  };
  return (
    <div className="save-bar">
      <input aria-label="Experiment title" placeholder="Experiment title" value={title} onChange={(e) => setTitle(e.target.value)} />
      <button onClick={save} disabled={running || finished.length === 0 || state.saving}>
        {state.saving ? 'Saving…' : 'Save & share'}
      </button>
      {state.url && (
        <a href={state.url} data-testid="share-link">
          {typeof window === 'undefined' ? state.url : new URL(state.url, window.location.href).href}
        </a>
      )}
      {state.error && (
        <span className="error" role="alert">
          {state.error}
        </span>
      )}
    </div>
  );
}
