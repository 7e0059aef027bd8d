'use client';
import { useState, type DragEvent } from 'react';
import { useLabStore } from '../state/lab-store';
import {
  catalogueChoice,
  catalogueGroups,
  DEFAULT_GENERATOR,
  generatedChoice,
  importedChoice,
  type GeneratorSettings,
} from './scenario-sources';

type Tab = 'catalogue' | 'generate' | 'import';

/** Catalogue, generator and import (paste or drop a file in any format the engine reads). */
export function ScenarioPicker() {
  const [tab, setTab] = useState<Tab>('catalogue');
  const { scenarios, selectedScenarioKey, addScenario, removeScenario, selectScenario } = useLabStore();
  return (
    <section className="panel" aria-label="Scenarios">
      <header className="panel-head">
        <h2>Scenarios</h2>
        <div role="tablist" className="tabs">
          {(['catalogue', 'generate', 'import'] as const).map((t) => (
            <button key={t} role="tab" aria-selected={tab === t} className={tab === t ? 'tab active' : 'tab'} onClick={() => setTab(t)}>
              {t === 'catalogue' ? 'Catalogue' : t === 'generate' ? 'Generate' : 'Import'}
            </button>
          ))}
        </div>
      </header>
      {tab === 'catalogue' && <CataloguePane onAdd={(id) => addScenario(catalogueChoice(id))} />}
      {tab === 'generate' && <GeneratorPane onAdd={(s) => addScenario(generatedChoice(s))} />}
      {tab === 'import' && <ImportPane onAdd={(text, name) => addScenario(importedChoice(text, name))} />}
      <ul className="chips" aria-label="Chosen scenarios">
        {scenarios.map((s) => (
          <li key={s.key} className={s.key === selectedScenarioKey ? 'chip selected' : 'chip'}>
            <button className="chip-label" onClick={() => selectScenario(s.key)} title={s.instance.description ?? s.label}>
              {s.label}
            </button>
            <button className="chip-remove" aria-label={`Remove ${s.label}`} onClick={() => removeScenario(s.key)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CataloguePane({ onAdd }: { onAdd: (id: string) => void }) {
  const [id, setId] = useState('ft06');
  return (
    <div className="row">
      <label>
        Instance{' '}
        <select value={id} onChange={(e) => setId(e.target.value)} aria-label="Catalogue instance">
          {catalogueGroups().map((g) => (
            <optgroup key={g.family} label={g.family}>
              {g.entries.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <button onClick={() => onAdd(id)}>Add</button>
    </div>
  );
}

function GeneratorPane({ onAdd }: { onAdd: (settings: GeneratorSettings) => void }) {
  const [settings, setSettings] = useState(DEFAULT_GENERATOR);
  const [error, setError] = useState<string | null>(null);
  const field = (key: keyof GeneratorSettings, label: string, step = 1) => (
    <label className="field">
      {label}
      <input
        type="number"
        step={step}
        value={settings[key]}
        onChange={(e) => setSettings({ ...settings, [key]: Number(e.target.value) })}
      />
    </label>
  );
  return (
    <div>
      <div className="grid">
        {field('jobs', 'Jobs')}
        {field('machines', 'Machines')}
        {field('minDuration', 'Min duration')}
        {field('maxDuration', 'Max duration')}
        {field('flexibility', 'Flexibility (0-1)', 0.1)}
        {field('dueFactor', 'Due-date factor (0 = none)', 0.1)}
        {field('seed', 'Seed')}
      </div>
      <button
        onClick={() => {
          try {
            onAdd(settings);
            setError(null);
          } catch (e) {
            setError((e as Error).message);
          }
        }}
      >
        Generate instance
      </button>
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}

function ImportPane({ onAdd }: { onAdd: (text: string, fileName: string) => void }) {
  const [text, setText] = useState('');
  const [name, setName] = useState('pasted.txt');
  const [error, setError] = useState<string | null>(null);
  const tryAdd = (content: string, fileName: string) => {
    try {
      onAdd(content, fileName);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (!file) return;
    const content = await file.text();
    setText(content);
    setName(file.name);
    tryAdd(content, file.name);
  };
  return (
    <div onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <textarea
        aria-label="Instance text"
        className="import-text"
        placeholder="Paste an instance (standard, Taillard, Brandimarte or JSON) or drop a file here"
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={6}
      />
      <div className="row">
        <label>
          Name <input value={name} onChange={(e) => setName(e.target.value)} aria-label="File name" />
        </label>
        <button onClick={() => tryAdd(text, name)}>Import instance</button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
