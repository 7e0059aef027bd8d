'use client';
import { useState, type ChangeEvent, type DragEvent } from 'react';
import { useVmLabStore } from '../state/vm-lab-store';
import type { VmScenarioChoice } from '../state/vm-lab-types';
import { catalogueChoice, catalogueGroups, DEFAULT_VM_GENERATOR, errorLocation, generatedVmChoice, importedVmChoice, type VmGeneratorSettings } from './vm-scenario-sources';

type Tab = 'catalogue' | 'generate' | 'import';

const TAB_LABELS: Record<Tab, string> = { catalogue: 'Presets', generate: 'Random', import: 'Import snapshot' };

/**
 * The cluster: a preset from the engine's catalogue (teaching, VMR2L-like sizes, drift, placement), a random
 * cluster of any size (PMs, utilisation, seed), or a VMR2L snapshot file (errors name line:column).
 */
export function VmScenarioPicker() {
  const [tab, setTab] = useState<Tab>('catalogue');
  const { scenario, setScenario } = useVmLabStore();
  return (
    <section className="panel" aria-label="Cluster">
      <header className="panel-head">
        <h2>Cluster</h2>
        <div role="tablist" className="tabs">
          {(['catalogue', 'generate', 'import'] as const).map((t) => (
            <button key={t} role="tab" aria-selected={tab === t} className={tab === t ? 'tab active' : 'tab'} onClick={() => setTab(t)}>
              {TAB_LABELS[t]}
            </button>
          ))}
        </div>
      </header>
      {tab === 'catalogue' && <CataloguePane current={scenario} onPick={setScenario} />}
      {tab === 'generate' && <GeneratorPane onPick={setScenario} />}
      {tab === 'import' && <ImportPane onPick={setScenario} />}
      {scenario && <ClusterSummary choice={scenario} />}
    </section>
  );
}

function ClusterSummary({ choice }: { choice: VmScenarioChoice }) {
  const { pms, vms, pending, events } = choice.scenario;
  const active = pms.filter((pm) => pm.status === 'active').length;
  const cores = pms.reduce((sum, pm) => sum + pm.nodes.reduce((s, n) => s + n.cpu, 0), 0);
  const used = vms.reduce((sum, vm) => sum + vm.cpu, 0);
  const extras = [
    ...(pending?.length ? [`${pending.length.toLocaleString('en')} pending (placement mode)`] : []),
    ...(events?.length ? [`${events.length.toLocaleString('en')} churn events`] : []),
  ];
  return (
    <p className="cluster-summary" data-testid="cluster-summary">
      <strong>{choice.label}</strong>
      {choice.description && (
        <>
          <br />
          <span data-testid="cluster-description">{choice.description}</span>
        </>
      )}
      <br />
      <span className="muted">
        {pms.length.toLocaleString('en')} PMs ({active.toLocaleString('en')} active) · {vms.length.toLocaleString('en')} VMs · {Math.round((100 * used) / Math.max(1, cores))}% of{' '}
        {cores.toLocaleString('en')} cores used{extras.map((e) => ` · ${e}`).join('')}
      </span>
    </p>
  );
}

/** The engine's catalogue, grouped by family; choosing an entry loads it at once (the largest builds in ~0.2 s). */
function CataloguePane({ current, onPick }: { current: VmScenarioChoice | null; onPick: (choice: VmScenarioChoice) => void }) {
  const groups = catalogueGroups();
  const value = current?.origin === 'catalogue' ? current.key.replace(/^catalogue:/, '') : '';
  return (
    <label className="field wide">
      Preset
      <select aria-label="Preset cluster" value={value} onChange={(e) => onPick(catalogueChoice(e.target.value))}>
        <option value="" disabled>
          Choose a preset…
        </option>
        {groups.map((group) => (
          <optgroup key={group.title} label={group.title}>
            {group.entries.map((entry) => (
              <option key={entry.id} value={entry.id} title={entry.description}>
                {entry.id} — {entry.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

/** The "custom" cluster: a random one of any size, utilisation and seed. */
function GeneratorPane({ onPick }: { onPick: (choice: VmScenarioChoice) => void }) {
  const [settings, setSettings] = useState<VmGeneratorSettings>(DEFAULT_VM_GENERATOR);
  const [error, setError] = useState<string | null>(null);
  const generate = () => {
    try {
      onPick(generatedVmChoice(settings));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div>
      <div className="grid">
        <label className="field">
          PMs
          <input type="number" min={1} aria-label="PMs" value={settings.pms} onChange={(e) => setSettings({ ...settings, pms: Math.trunc(Number(e.target.value)) })} />
        </label>
        <label className="field">
          CPU used (0–1)
          <input type="number" min={0.05} max={1} step={0.01} aria-label="Utilisation" value={settings.utilisation} onChange={(e) => setSettings({ ...settings, utilisation: Number(e.target.value) })} />
        </label>
        <label className="field">
          Seed
          <input type="number" aria-label="Cluster seed" value={settings.seed} onChange={(e) => setSettings({ ...settings, seed: Math.trunc(Number(e.target.value)) })} />
        </label>
      </div>
      <button onClick={generate}>Generate cluster</button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function ImportPane({ onPick }: { onPick: (choice: VmScenarioChoice) => void }) {
  const [error, setError] = useState<{ message: string; line?: number; column?: number } | null>(null);
  const [text, setText] = useState('');
  const tryImport = (content: string, fileName: string) => {
    try {
      onPick(importedVmChoice(content, fileName));
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
      <p className="muted small">A VMR2L snapshot JSON (cluster_list, host_info, vm_instance): choose a file, drop it here, or paste it.</p>
      <div className="row">
        <input type="file" accept=".json,application/json" aria-label="Snapshot file" onChange={(e) => void onFile(e)} />
      </div>
      <textarea aria-label="Snapshot JSON" className="import-text" rows={3} placeholder='{"cluster_list": [...]}' value={text} onChange={(e) => setText(e.target.value)} />
      <div className="row">
        <button onClick={() => tryImport(text, 'pasted.json')} disabled={text.trim() === ''}>
          Import pasted JSON
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
