import { llmEngine, withRate, type ClusterSpec, type LlmScenario } from '../../engine/llm';
import type { LlmRunRequest } from '../../workers/browser/run-protocol';
import { editorPolicyLabel } from '../lab/use-run-batch';
import type { PolicyChoice } from '../state/lab-types';
import type { LlmLabState } from '../state/llm-lab-store';
import type { LlmClusterSettings, LlmWorkloadChoice } from '../state/llm-lab-types';

/**
 * Turns the LLM lab's controls into worker requests, by the same engine functions the CLI uses
 * (bin/cli/llm-commands.ts): preset.create({ seed, rate, duration, cluster }) for a preset, withRate for a trace,
 * llmEngine.combinePolicies (in the worker) for a dispatcher. Plain functions, so a button's batch is testable.
 */

export const LLM_EDITOR_POLICY_FILE = 'my-llm-policy.ts';

/** Policies that form batches (or do everything): what the "Policies" checkboxes offer. */
export const LAB_POLICIES = llmEngine.policies.filter((p) => llmEngine.policyRole(p) !== 'dispatch');
/** Dispatchers (round-robin, least outstanding requests, Llumnix migration): combined with each replica scheduler. */
export const LAB_DISPATCHERS = llmEngine.policies.filter((p) => llmEngine.policyRole(p) === 'dispatch');

/** The cluster the CLI's options would build (only the fields that differ from the engine's defaults are set). */
export function clusterSpec(settings: LlmClusterSettings): ClusterSpec {
  const costModel = settings.costModel === 'constant' ? { kind: 'constant' as const, iterationMs: settings.iterationMs } : { kind: settings.costModel };
  return {
    replicas: settings.replicas,
    gpu: settings.gpu,
    model: settings.model,
    costModel,
    ...(settings.prefillReplicas > 0 ? { prefillReplicas: settings.prefillReplicas } : {}),
  };
}

/** "2 × llama-3-8b on h100 (1 prefill)" for a results row. */
export function clusterLabel(settings: LlmClusterSettings): string {
  const split = settings.prefillReplicas > 0 ? `, ${settings.prefillReplicas} prefill-only` : '';
  const cost = settings.costModel === 'constant' ? `, constant ${settings.iterationMs} ms` : settings.costModel === 'fitted' ? ', fitted' : '';
  return `${settings.replicas} × ${settings.model} on ${settings.gpu}${split}${cost}`;
}

/** The scenario of one run: the workload at `rate` (its own rate when absent) on the cluster. */
export function buildScenario(workload: LlmWorkloadChoice, seed: number, cluster: ClusterSpec, rate = workload.rate): LlmScenario {
  if (workload.origin === 'preset') {
    const preset = llmEngine.findPreset(workload.presetId);
    if (!preset) throw new Error(`unknown preset "${workload.presetId}"`);
    return preset.create({ seed, rate, duration: workload.duration, cluster });
  }
  const scaled = rate === undefined ? workload.scenario : withRate(workload.scenario, rate);
  return { ...scaled, cluster };
}

/** The workload's offered rate (requests/s), for labels and a sweep's defaults. */
export function workloadRate(workload: LlmWorkloadChoice): number {
  if (workload.rate !== undefined) return workload.rate;
  if (workload.origin === 'preset') {
    const arrivals = llmEngine.findPreset(workload.presetId)?.spec.arrivals as { rate?: number } | undefined;
    return arrivals?.rate ?? 1;
  }
  const requests = workload.scenario.requests;
  const span = requests.length > 1 ? requests[requests.length - 1].arrival - requests[0].arrival : 0;
  return span > 0 ? (requests.length - 1) / span : 1;
}

/** A policy that takes part in a batch. */
export interface LlmPolicyEntry {
  readonly id: string;
  readonly label: string;
  readonly choice: PolicyChoice;
  readonly dispatch?: string;
  readonly params: Readonly<Record<string, number>>;
  readonly fromEditor: boolean;
}

export function llmPolicyEntries(builtinIds: readonly string[], includeEditor: boolean, editorSource: string, params: LlmLabState['params'], dispatch: string): LlmPolicyEntry[] {
  const dispatcher = dispatch === '' ? undefined : llmEngine.findPolicy(dispatch);
  const withDispatcher = (label: string) => (dispatcher ? `${label} + ${dispatcher.label}` : label);
  const entries: LlmPolicyEntry[] = [];
  if (includeEditor) {
    const label = editorPolicyLabel(editorSource);
    entries.push({ id: 'editor', label: withDispatcher(label), choice: { kind: 'source', source: editorSource, fileName: LLM_EDITOR_POLICY_FILE }, dispatch: dispatcher?.id, params: {}, fromEditor: true });
  }
  for (const policy of LAB_POLICIES) {
    if (!builtinIds.includes(policy.id)) continue;
    // A policy that dispatches itself (DistServe) keeps its own dispatch; the dispatcher is for replica schedulers.
    const combine = dispatcher && llmEngine.policyRole(policy) === 'replica';
    const declared = [...(policy.params ?? []), ...(combine ? (dispatcher.params ?? []) : [])];
    const values = Object.fromEntries(declared.map((p) => [p.name, params[policy.id]?.[p.name] ?? params[dispatcher?.id ?? '']?.[p.name] ?? p.default]));
    entries.push({
      id: combine ? `${policy.id}+${dispatcher.id}` : policy.id,
      label: combine ? withDispatcher(policy.label) : policy.label,
      choice: { kind: 'builtin', id: policy.id },
      dispatch: combine ? dispatcher.id : undefined,
      params: values,
      fromEditor: false,
    });
  }
  return entries;
}

export function llmRunRequest(runId: string, scenario: LlmScenario, entry: LlmPolicyEntry, seed: number, timeline: boolean): LlmRunRequest {
  return {
    engine: 'llm',
    runId,
    scenario,
    policy: entry.choice,
    ...(entry.dispatch ? { dispatch: entry.dispatch } : {}),
    options: { seed, params: entry.params, timeline },
  };
}

/** The rates typed for a sweep ("1, 2, 4"): positive numbers, sorted, without repeats. Throws on anything else. */
export function parseRates(text: string): number[] {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  const rates = parts.map((p) => {
    const v = Number(p);
    if (!(v > 0 && Number.isFinite(v))) throw new Error(`"${p}" is not a rate > 0 (requests per second)`);
    return v;
  });
  return [...new Set(rates)].sort((a, b) => a - b);
}
