import { build } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { serveDirectory, type BrowserBundle } from '../browser/harness';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Bundles test/editor/fixtures/editor-page.tsx (the PolicyEditor on a page) with esbuild, as the app would ship it:
 * Monaco split into a lazily loaded chunk, its CSS and codicon font as files, the two workers as their own
 * entries, then serves the folder with test/browser/harness.ts. That harness's own bundler call is for plain .ts
 * entries; Monaco needs CSS and font loaders and code splitting.
 */

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export type EditorBundle = BrowserBundle;

export async function serveEditorBundle(): Promise<EditorBundle> {
  const dir = mkdtempSync(join(tmpdir(), 'schedlab-editor-'));
  await build({
    entryPoints: {
      main: here('./fixtures/editor-page.tsx'),
      'editor.worker': here('../../components/editor/workers/editor.worker.ts'),
      'ts.worker': here('../../components/editor/workers/ts.worker.ts'),
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: dir,
    chunkNames: 'chunks/[name]-[hash]',
    assetNames: 'assets/[name]-[hash]',
    loader: { '.ttf': 'file' },
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>editor test</title><link rel="stylesheet" href="main.css"></head>' +
      '<body style="margin:0"><div id="root"></div><script type="module" src="main.js"></script></body></html>',
  );
  return serveDirectory(dir);
}
