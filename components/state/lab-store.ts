'use client';
import { create } from 'zustand';
import type { Scheme } from '../../engine/jobshop/run-types';
import type { LabRun, ScenarioChoice } from './lab-types';

/**
 * UI state of the lab (DESIGN §9: zustand holds UI state only; live simulations stay in their workers).
 * Runs are stored as they finish, so the table fills in while a batch is in flight.
 */
export interface LabState {
  scenarios: ScenarioChoice[];
  selectedScenarioKey: string | null;
  /** Built-in policy ids to run next to the editor's policy. */
  builtinIds: string[];
  /** Whether the editor's policy takes part in the next run. */
  includeEditorPolicy: boolean;
  scheme: Scheme;
  seed: number;
  /** Parameter values set in the lab, by built-in policy id then parameter name; unset ones use the default. */
  params: Record<string, Record<string, number>>;
  runs: LabRun[];
  selectedRunId: string | null;
  progress: { done: number; total: number; etaMs: number } | null;
  running: boolean;

  addScenario(scenario: ScenarioChoice): void;
  removeScenario(key: string): void;
  selectScenario(key: string): void;
  toggleBuiltin(id: string): void;
  setIncludeEditorPolicy(include: boolean): void;
  setScheme(scheme: Scheme): void;
  setSeed(seed: number): void;
  setParam(policyId: string, name: string, value: number): void;
  startBatch(runs: LabRun[]): void;
  updateRun(id: string, patch: Partial<LabRun>): void;
  setProgress(progress: LabState['progress']): void;
  finishBatch(): void;
  selectRun(id: string | null): void;
  clearRuns(): void;
}

export const useLabStore = create<LabState>((set) => ({
  scenarios: [],
  selectedScenarioKey: null,
  builtinIds: ['mwkr'],
  includeEditorPolicy: true,
  scheme: 'active',
  seed: 1,
  params: {},
  runs: [],
  selectedRunId: null,
  progress: null,
  running: false,

  addScenario: (scenario) =>
    set((s) => ({
      scenarios: s.scenarios.some((c) => c.key === scenario.key) ? s.scenarios : [...s.scenarios, scenario],
      selectedScenarioKey: scenario.key,
    })),
  removeScenario: (key) =>
    set((s) => {
      const scenarios = s.scenarios.filter((c) => c.key !== key);
      return { scenarios, selectedScenarioKey: s.selectedScenarioKey === key ? (scenarios[0]?.key ?? null) : s.selectedScenarioKey };
    }),
  selectScenario: (key) => set({ selectedScenarioKey: key }),
  toggleBuiltin: (id) =>
    set((s) => ({ builtinIds: s.builtinIds.includes(id) ? s.builtinIds.filter((b) => b !== id) : [...s.builtinIds, id] })),
  setIncludeEditorPolicy: (includeEditorPolicy) => set({ includeEditorPolicy }),
  setScheme: (scheme) => set({ scheme }),
  setSeed: (seed) => set({ seed }),
  setParam: (policyId, name, value) =>
    set((s) => ({ params: { ...s.params, [policyId]: { ...s.params[policyId], [name]: value } } })),
  startBatch: (runs) => set({ runs, running: true, progress: { done: 0, total: runs.length, etaMs: 0 }, selectedRunId: null }),
  updateRun: (id, patch) =>
    set((s) => {
      const runs = s.runs.map((r) => (r.id === id ? { ...r, ...patch } : r));
      // Show the first finished run right away, so the chart appears as soon as there is something to draw.
      const selectedRunId = s.selectedRunId ?? (patch.status === 'done' ? id : null);
      return { runs, selectedRunId };
    }),
  setProgress: (progress) => set({ progress }),
  finishBatch: () => set({ running: false }),
  selectRun: (selectedRunId) => set({ selectedRunId }),
  clearRuns: () => set({ runs: [], selectedRunId: null, progress: null }),
}));
