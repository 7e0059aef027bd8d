/** What the sweep builder offers per engine: scenarios, built-in policies with their parameters, run options. */
import { findEngine } from '../../engine';
import type { ParameterSpec } from '../../engine/core/params';
import { CATALOGUE } from '../../engine/jobshop/catalogue';
import { VM_CATALOGUE } from '../../engine/vm/catalogue';
import { PRESETS } from '../../engine/llm/workloads/presets';
import type { SweepEngineId } from '../../db/sweep-spec';

export interface BuilderChoice {
  readonly id: string;
  readonly label: string;
}

export interface BuilderOption {
  readonly name: string;
  readonly label: string;
  /** What the field holds at first ("" = not set). */
  readonly initial: string;
  readonly hint: string;
}

export function builderScenarios(engine: SweepEngineId): BuilderChoice[] {
  const entries = engine === 'jobshop' ? CATALOGUE : engine === 'vm' ? VM_CATALOGUE : PRESETS;
  return entries.map((e) => ({ id: e.id, label: e.label }));
}

export function builderPolicies(engine: SweepEngineId): (BuilderChoice & { readonly params: readonly ParameterSpec[] })[] {
  return (findEngine(engine)?.policies ?? []).map((p) => ({ id: p.id, label: p.label, params: p.params ?? [] }));
}

export const BUILDER_OPTIONS: Readonly<Record<SweepEngineId, readonly BuilderOption[]>> = {
  jobshop: [
    { name: 'scheme', label: 'scheme', initial: 'active', hint: 'active, non-delay, insertion; a list sweeps over them' },
    { name: 'dueFactor', label: 'due-date factor', initial: '', hint: 'due = release + factor x job work (TWK)' },
    { name: 'arrivalMean', label: 'mean inter-arrival', initial: '', hint: 'Poisson releases, drawn from the seed' },
  ],
  vm: [
    { name: 'mnl', label: 'migration limit (MNL)', initial: '10, 50', hint: 'a list sweeps over them' },
    { name: 'objective', label: 'objective', initial: '', hint: 'fragment, consolidation or balance' },
  ],
  llm: [
    { name: 'rate', label: 'arrival rate (req/s)', initial: '', hint: 'the preset rate when empty; a list sweeps' },
    { name: 'duration', label: 'duration (s)', initial: '120', hint: 'seconds of workload per run' },
  ],
};
