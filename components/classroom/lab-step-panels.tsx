'use client';
import { DEFAULT_BUDGET_MS } from '../../workers/browser/run-pool';
import { LLM_BUDGET_MS } from '../llm-lab/use-llm-pool';
import { useLabStore } from '../state/lab-store';
import { useLlmLabStore } from '../state/llm-lab-store';
import { useVmLabStore } from '../state/vm-lab-store';
import { VM_BUDGET_MS } from '../vm-lab/use-vm-pool';
import { LabStepPanel } from './lab-step-panel';
import { jobshopStepPolicies, jobshopStepRequest, llmStepPolicies, llmStepRequest, vmStepPolicies, vmStepRequest } from './lab-step-requests';

/**
 * The step-by-step panel of each lab, wired to its store: one line in the lab page (`source` is the editor's
 * text). Each reads the store again when the button is pressed, so it plays what the controls say at that moment,
 * with the lab's own run budget.
 */

export function JobShopStepPanel({ source }: { source: string }) {
  const state = useLabStore();
  return (
    <LabStepPanel
      policies={jobshopStepPolicies(state, source)}
      scenarios={state.scenarios.map((s) => ({ id: s.key, label: s.label }))}
      build={(policyId, scenarioKey) => jobshopStepRequest(useLabStore.getState(), source, policyId, scenarioKey)}
      budgetMs={DEFAULT_BUDGET_MS}
    />
  );
}

export function VmStepPanel({ source }: { source: string }) {
  const state = useVmLabStore();
  return <LabStepPanel policies={vmStepPolicies(state, source)} build={(policyId) => vmStepRequest(useVmLabStore.getState(), source, policyId)} budgetMs={VM_BUDGET_MS} />;
}

export function LlmStepPanel({ source }: { source: string }) {
  const state = useLlmLabStore();
  return <LabStepPanel policies={llmStepPolicies(state, source)} build={(policyId) => llmStepRequest(useLlmLabStore.getState(), source, policyId)} budgetMs={LLM_BUDGET_MS} />;
}
