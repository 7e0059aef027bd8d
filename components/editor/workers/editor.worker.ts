// Entry of Monaco's editor worker (diffs, links, word completion). A local file, loaded by monaco-setup.ts with
// `new Worker(new URL('./workers/editor.worker.ts', import.meta.url))`, so Turbopack and webpack compile it as a
// worker chunk with its imports (see docs/reference/workbench-ux.md: a prebuilt .js worker is copied, not bundled).
import 'monaco-editor/editor/editor.worker';
