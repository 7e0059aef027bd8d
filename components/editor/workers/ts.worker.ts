// Entry of Monaco's TypeScript worker (type checking, completion, hover of policy files). See editor.worker.ts.
import 'monaco-editor/languages/features/typescript/ts.worker';
