/**
 * Loads Monaco for the policy editor: the editor core with its standard features, the TypeScript language, the
 * policy APIs (job shop, VM, LLM serving) as libraries, and the workers. Imported only with `import()` from PolicyEditor's effect, so it is
 * never evaluated on the server and its ~4 MB load only when an editor is on screen.
 *
 * Everything is bundled with the app (no CDN, works offline): the tree-shakeable entry points of monaco-editor
 * >= 0.56 (`monaco-editor/editor`, `/features/register.all`, `/languages/.../typescript/register`) instead of the
 * full `monaco-editor` entry, which would pull in ~80 languages and the CSS/HTML/JSON workers. Monaco's CSS is
 * imported by its own modules; the app router accepts global CSS from node_modules.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/typescript/register';
import { typescriptDefaults } from 'monaco-editor/languages/features/typescript/register';
import { POLICY_API_DTS } from './policy-api-source';
import { LLM_POLICY_API_DTS } from './llm-policy-api-source';
import { LLM_POLICY_API_LIB_URI, POLICY_API_LIB_URI, POLICY_COMPILER_OPTIONS, VM_POLICY_API_LIB_URI } from './policy-compiler-options';
import { VM_POLICY_API_DTS } from './vm-policy-api-source';

export type Monaco = typeof monaco;
type CompilerOptions = Parameters<typeof typescriptDefaults.setCompilerOptions>[0];

function installWorkers(): void {
  // A page (or a test) that set up its own workers keeps them.
  if (globalThis.MonacoEnvironment?.getWorker || globalThis.MonacoEnvironment?.getWorkerUrl) return;
  globalThis.MonacoEnvironment = {
    getWorker(_workerId: string, label: string) {
      // Literal `new URL(..., import.meta.url)` inside `new Worker`: the form Turbopack and webpack bundle as a worker.
      if (label === 'typescript' || label === 'javascript') {
        return new Worker(new URL('./workers/ts.worker.ts', import.meta.url), { type: 'module', name: label });
      }
      return new Worker(new URL('./workers/editor.worker.ts', import.meta.url), { type: 'module', name: label });
    },
  };
}

function configureTypeScript(): void {
  // Language defaults are global (shared by every editor on the page); setting them again is a no-op.
  // Monaco's ScriptTarget enum stops at ES2020 in its typings; its TypeScript (5.9) knows ES2022 (9).
  const options: Record<string, unknown> = { ...POLICY_COMPILER_OPTIONS, lib: [...POLICY_COMPILER_OPTIONS.lib], types: [] };
  typescriptDefaults.setCompilerOptions(options as CompilerOptions);
  typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false, onlyVisible: false });
  const libs = typescriptDefaults.getExtraLibs();
  // Every engine's API is loaded, whichever lab is open: each is its own ambient module ('schedlab/jobshop',
  // 'schedlab/vm', 'schedlab/llm'), so they do not clash, and a policy imports from the one it is written for.
  if (
    libs[POLICY_API_LIB_URI]?.content !== POLICY_API_DTS ||
    libs[VM_POLICY_API_LIB_URI]?.content !== VM_POLICY_API_DTS ||
    libs[LLM_POLICY_API_LIB_URI]?.content !== LLM_POLICY_API_DTS
  ) {
    // setExtraLibs, not addExtraLib: adding the same path twice throws in some versions, and each add restarts the worker.
    typescriptDefaults.setExtraLibs([
      { content: POLICY_API_DTS, filePath: POLICY_API_LIB_URI },
      { content: VM_POLICY_API_DTS, filePath: VM_POLICY_API_LIB_URI },
      { content: LLM_POLICY_API_DTS, filePath: LLM_POLICY_API_LIB_URI },
    ]);
  }
}

let ready = false;

/** Monaco, configured for policy files. Safe to call for every editor; the setup runs once. */
export function setupMonaco(): Monaco {
  if (!ready) {
    installWorkers();
    configureTypeScript();
    ready = true;
  }
  return monaco;
}
