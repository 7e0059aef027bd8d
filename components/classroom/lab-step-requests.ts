import type { RunRequest } from '../../workers/browser/run-protocol';
import { jobshopPolicyEntries, jobshopRunRequest } from '../lab/use-run-batch';
import { buildScenario, clusterSpec, llmPolicyEntries, llmRunRequest } from '../llm-lab/llm-run-requests';
import type { LabState } from '../state/lab-store';
import type { LlmLabState } from '../state/llm-lab-store';
import { scenarioMode, type VmLabState } from '../state/vm-lab-store';
import { runSetup } from '../vm-lab/use-vm-pool';
import { vmPolicyEntries, vmRunOptions, vmRunRequest } from '../vm-lab/vm-run-requests';

/**
 * What "Step through" plays in each lab: one of the policies Run would run (the editor's or a ticked built-in) on
 * one of the lab's scenarios, built by the lab's own request builders, so the player steps exactly the run the
 * lab would make. Plain functions of the store's state, so the choice is testable without a page.
 */

export interface StepChoice {
  readonly id: string;
  readonly label: string;
}

/** A request to play, or why there is none (a message for the page). */
export type StepRequestResult = { readonly request: RunRequest; readonly label: string } | { readonly error: string };

/** The run id a step session gets; the worker ignores it, but a request always has one. */
const STEP_RUN_ID = 'step';

const NO_POLICY = 'Tick a policy (the editor’s or a built-in) to step through it.';

type JobShopInputs = Pick<LabState, 'includeEditorPolicy' | 'builtinIds' | 'params' | 'scheme' | 'seed' | 'scenarios'>;

export function jobshopStepPolicies(state: JobShopInputs, source: string): StepChoice[] {
  return jobshopPolicyEntries(state, source).map((e) => ({ id: e.record.builtinId ?? 'editor', label: e.record.label }));
}

export function jobshopStepRequest(state: JobShopInputs, source: string, policyId: string, scenarioKey?: string): StepRequestResult {
  const entries = jobshopPolicyEntries(state, source);
  const entry = entries.find((e) => (e.record.builtinId ?? 'editor') === policyId) ?? entries[0];
  if (!entry) return { error: NO_POLICY };
  const scenario = state.scenarios.find((s) => s.key === scenarioKey) ?? state.scenarios[0];
  if (!scenario) return { error: 'Add a scenario to step through a run on it.' };
  return { request: jobshopRunRequest(STEP_RUN_ID, scenario.instance, entry, state), label: `${entry.record.label} on ${scenario.label}` };
}

/** The whole store state: runSetup (the VM lab's) reads the run settings from it. */
type VmInputs = VmLabState;

export function vmStepPolicies(state: VmInputs, source: string): StepChoice[] {
  if (!state.scenario) return [];
  // The mode alone decides which built-ins can run; runSetup would also draw the drift's churn, on every render.
  return vmPolicyEntries(state.builtinIds, state.includeEditorPolicy, source, state.params, scenarioMode(state.scenario)).map((e) => ({ id: e.id, label: e.label }));
}

export function vmStepRequest(state: VmInputs, source: string, policyId: string): StepRequestResult {
  if (!state.scenario) return { error: 'Choose a cluster to step through a run on it.' };
  const setup = runSetup(state);
  const entries = vmPolicyEntries(state.builtinIds, state.includeEditorPolicy, source, state.params, setup.mode);
  const entry = entries.find((e) => e.id === policyId) ?? entries[0];
  if (!entry) return { error: NO_POLICY };
  const options = vmRunOptions(state.seed, entry.params, state.mnl, setup.settings, setup.mode);
  return { request: vmRunRequest(STEP_RUN_ID, setup.scenario, entry, options), label: `${entry.label} on ${setup.choice.label}` };
}

type LlmInputs = Pick<LlmLabState, 'workload' | 'cluster' | 'builtinIds' | 'includeEditorPolicy' | 'params' | 'dispatch' | 'seed'>;

export function llmStepPolicies(state: LlmInputs, source: string): StepChoice[] {
  return llmPolicyEntries(state.builtinIds, state.includeEditorPolicy, source, state.params, state.dispatch).map((e) => ({ id: e.id, label: e.label }));
}

export function llmStepRequest(state: LlmInputs, source: string, policyId: string): StepRequestResult {
  const entries = llmPolicyEntries(state.builtinIds, state.includeEditorPolicy, source, state.params, state.dispatch);
  const entry = entries.find((e) => e.id === policyId) ?? entries[0];
  if (!entry) return { error: NO_POLICY };
  try {
    const scenario = buildScenario(state.workload, state.seed, clusterSpec(state.cluster));
    // With the timeline, as the lab's Run asks for it: the options are the lab's, to the letter.
    return { request: llmRunRequest(STEP_RUN_ID, scenario, entry, state.seed, true), label: `${entry.label} on ${state.workload.label}` };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
