export { PolicyEditor, RUN_MARKER_OWNER, type PolicyEditorProps } from './policy-editor';
export { usePersistentSource, writeDraft, DRAFT_KEY_PREFIX, type PersistentSourceState } from './use-persistent-source';
export { POLICY_TEMPLATES, findPolicyTemplate } from './policy-templates';
export { POLICY_API_MODULE } from './policy-api-source';
export type { EditorDiagnostic, EditorMarker, PolicyTemplate } from './types';
