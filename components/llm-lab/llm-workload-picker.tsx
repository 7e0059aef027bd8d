'use client';
import { useState, type ChangeEvent, type DragEvent } from 'react';
import { useLlmLabStore } from '../state/llm-lab-store';
import type { LlmWorkloadChoice } from '../state/llm-lab-types';
import { workloadRate } from './llm-run-requests';
import { errorLocation, importedChoice, presetChoice, PRESETS, withImportRate } from './llm-workload-sources';

type Tab = 'preset' | 'import';

/** The workload: a preset with an optional rate and duration, or an imported trace CSV (errors name their line). */
export function LlmWorkloadPicker() {
  const [tab, setTab] = useState<Tab>('preset');
  const { workload, setWorkload } = useLlmLabStore();
  return (
    <section className="panel" aria-label="Workload">
      <header className="panel-head">
        <h2>Workload</h2>
        <div role="tablist" className="tabs">
          {(['preset', 'import'] as const).map((t) => (
            <button key={t} role="tab" aria-selected={tab === t} className={tab === t ? 'tab active' : 'tab'} onClick={() => setTab(t)}>
              {t === 'preset' ? 'Preset' : 'Import trace'}
            </button>
          ))}
        </div>
      </header>
      {tab === 'preset' ? <PresetPane onPick={setWorkload} /> : <ImportPane onPick={setWorkload} />}
      <WorkloadSummary choice={workload} onRate={(rate) => setWorkload(withImportRate(workload, rate))} />
    </section>
  );
}

function WorkloadSummary({ choice, onRate }: { choice: LlmWorkloadChoice; onRate: (rate: number | undefined) => void }) {
  const preset = choice.origin === 'preset' ? PRESETS.find((p) => p.id === choice.presetId) : undefined;
  return (
    <div className="cluster-summary" data-testid="workload-summary">
      <strong>{choice.label}</strong>
      <br />
      <span className="muted small">
        {preset ? preset.description : `${choice.origin === 'imported' ? choice.report.rows : 0} rows; ${choice.origin === 'imported' ? choice.report.skippedFailed : 0} failed rows skipped`} · offered{' '}
        {workloadRate(choice).toPrecision(3)} req/s
      </span>
      {choice.origin === 'imported' && (
        <label className="field">
          Rescale to rate (req/s, empty: as recorded)
          <input type="number" min={0} step="any" aria-label="Trace rate" value={choice.rate ?? ''} onChange={(e) => onRate(e.target.value === '' || !(Number(e.target.value) > 0) ? undefined : Number(e.target.value))} />
        </label>
      )}
    </div>
  );
}

function PresetPane({ onPick }: { onPick: (choice: LlmWorkloadChoice) => void }) {
  const workload = useLlmLabStore((s) => s.workload);
  const current = workload.origin === 'preset' ? workload : undefined;
  const pick = (presetId: string, rate?: number, duration?: number) => onPick(presetChoice(presetId, rate, duration));
  const id = current?.presetId ?? 'steady';
  const number = (value: string) => (value === '' || !(Number(value) > 0) ? undefined : Number(value));
  return (
    <div className="grid">
      <label className="field">
        Preset
        <select aria-label="Preset" value={current ? id : ''} onChange={(e) => pick(e.target.value)}>
          {!current && (
            <option value="" disabled>
              choose…
            </option>
          )}
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id} title={p.label}>
              {p.id}
            </option>
          ))}
        </select>
      </label>
      <label className="field" title="Arrivals per second; empty: the preset's own">
        Rate (req/s)
        <input type="number" min={0} step="any" aria-label="Rate" placeholder="preset" value={current?.rate ?? ''} onChange={(e) => pick(id, number(e.target.value), current?.duration)} />
      </label>
      <label className="field" title="Seconds of arrivals; empty: the preset's own">
        Duration (s)
        <input type="number" min={0} step="any" aria-label="Duration" placeholder="preset" value={current?.duration ?? ''} onChange={(e) => pick(id, current?.rate, number(e.target.value))} />
      </label>
    </div>
  );
}

function ImportPane({ onPick }: { onPick: (choice: LlmWorkloadChoice) => void }) {
  const [error, setError] = useState<{ message: string; line?: number; column?: number } | null>(null);
  const [text, setText] = useState('');
  const [includeFailed, setIncludeFailed] = useState(false);
  const tryImport = (content: string, fileName: string) => {
    try {
      onPick(importedChoice(content, fileName, includeFailed));
      setError(null);
    } catch (e) {
      setError({ message: (e as Error).message, ...errorLocation(e) });
    }
  };
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) tryImport(await file.text(), file.name);
    event.target.value = ''; // the same file can be chosen again after fixing it
  };
  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (file) tryImport(await file.text(), file.name);
  };
  return (
    <div onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <p className="muted small">A trace CSV — BurstGPT, Azure LLM inference or Vidur (found from the header): choose a file, drop it here, or paste it.</p>
      <div className="row">
        <input type="file" accept=".csv,text/csv" aria-label="Trace file" onChange={(e) => void onFile(e)} />
        <label className="check" title="Keep rows with 0 generated tokens as 1-token requests (default: skip and count them)">
          <input type="checkbox" checked={includeFailed} onChange={(e) => setIncludeFailed(e.target.checked)} /> keep failed rows
        </label>
      </div>
      <textarea aria-label="Trace CSV" className="import-text" rows={3} placeholder="Timestamp,Model,Request tokens,Response tokens,..." value={text} onChange={(e) => setText(e.target.value)} />
      <div className="row">
        <button onClick={() => tryImport(text, 'pasted.csv')} disabled={text.trim() === ''}>
          Import pasted CSV
        </button>
      </div>
      {error && (
        <p className="error" role="alert" data-testid="import-error" data-line={error.line} data-column={error.column}>
          {/* The importer's message starts with file:line:column already. */}
          {error.message}
        </p>
      )}
    </div>
  );
}
