'use client';
import type { SweepEngineId } from '../../db/sweep-spec';
import { BUILDER_OPTIONS, builderScenarios } from './builder-catalogue';

export interface SearchSetupState {
  readonly scenarios: string[];
  readonly seedCount: number;
  readonly options: Record<string, string>;
}

/** The scenarios, seeds and run options both searches evaluate on (the same fields as the sweep builder). */
export function SearchSetupFields({ engine, state, onChange }: { engine: SweepEngineId; state: SearchSetupState; onChange: (next: SearchSetupState) => void }) {
  return (
    <>
      <label className="field wide">
        scenarios (Ctrl/Cmd-click for several)
        <select multiple size={5} value={state.scenarios} onChange={(e) => onChange({ ...state, scenarios: [...e.target.selectedOptions].map((o) => o.value) })} aria-label={`${engine} search scenarios`}>
          {builderScenarios(engine).map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <div className="row engine-options">
        <label className="field">
          seeds per scenario
          <input className="seed" type="number" min={1} value={state.seedCount} onChange={(e) => onChange({ ...state, seedCount: Number(e.target.value) })} aria-label={`${engine} search seeds`} />
        </label>
        {BUILDER_OPTIONS[engine].map((o) => (
          <label key={o.name} className="field" title={o.hint}>
            {o.label}
            <input value={state.options[o.name] ?? ''} onChange={(e) => onChange({ ...state, options: { ...state.options, [o.name]: e.target.value } })} aria-label={`${engine} search option ${o.label}`} />
          </label>
        ))}
      </div>
    </>
  );
}

/** A two-objective search needs trade-offs: due dates in the job shop (so tardiness has values), a VM budget. */
const TRADE_OFF_DEFAULTS: Readonly<Record<string, string>> = { mnl: '20', dueFactor: '1.3' };

export const initialSetup = (engine: SweepEngineId, scenarios: string[], tradeOffs = false): SearchSetupState => ({
  scenarios,
  seedCount: 1,
  options: Object.fromEntries(BUILDER_OPTIONS[engine].map((o) => [o.name, (tradeOffs ? TRADE_OFF_DEFAULTS[o.name] : undefined) ?? o.initial])),
});
