import { build } from 'esbuild';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Bundles test/editor/fixtures/editor-page.tsx (the PolicyEditor on a page) with esbuild, as the app would ship it:
 * Monaco split into a lazily loaded chunk, its CSS and codicon font as files, the two workers as their own
 * entries. Serves the folder on 127.0.0.1. test/browser/harness.ts does the same for plain .ts entries; Monaco
 * needs CSS and font loaders and code splitting, which that harness does not set.
 */

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
};

export interface EditorBundle {
  readonly url: string;
  /** Files requested so far, by path. */
  readonly served: string[];
  close(): Promise<void>;
}

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
  const served: string[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    served.push(path);
    const file = join(dir, path === '/' ? 'index.html' : decodeURIComponent(path.slice(1)));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    served,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
