export { PolicyEditor, RUN_MARKER_OWNER, type PolicyEditorProps } from './policy-editor';
export { usePersistentSource, writeDraft, DRAFT_KEY_PREFIX, type PersistentSourceState } from './use-persistent-source';
export { POLICY_TEMPLATES, findPolicyTemplate } from './policy-templates';
export { POLICY_API_MODULE } from './policy-api-source';
export { VM_POLICY_TEMPLATES, findVmPolicyTemplate } from './vm-policy-templates';
export { VM_POLICY_API_MODULE } from './vm-policy-api-source';
export { LLM_POLICY_TEMPLATES, findLlmPolicyTemplate } from './llm-policy-templates';
export { LLM_POLICY_API_MODULE } from './llm-policy-api-source';
export type { EditorDiagnostic, EditorMarker, PolicyTemplate } from './types';
