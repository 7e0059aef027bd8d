import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/**
 * Runs browser code in real headless Chromium (Debian's /usr/bin/chromium) without the Next.js build: bundles
 * entry files with esbuild into a temp folder, serves it on localhost, and launches the browser. For tests of
 * charts, Web Workers and the sandbox; the whole app is tested end to end against `next start` in test/e2e.
 */

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags our machines need: no sandbox as root, no GPU, and no background traffic to a network that is closed. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.ttf': 'font/ttf',
};

export interface BrowserBundle {
  /** Base URL, e.g. http://127.0.0.1:41234/ */
  readonly url: string;
  /** Paths requested so far, so a test can check what the page loaded. */
  readonly served: string[];
  /** Stops the server and deletes the folder. */
  close(): Promise<void>;
}

/** Serves the files of `dir` on 127.0.0.1 (a free port); 404 for anything else. */
export async function serveDirectory(dir: string): Promise<BrowserBundle> {
  const served: string[] = [];
  const server: Server = createServer((req, res) => {
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

/**
 * Bundles `entries` (name -> .ts file) as ES modules, writes `index.html` loading `main` (if given), and serves
 * the folder. Every other entry is reachable at `<name>.js` (e.g. a worker script).
 */
export async function serveBundle(entries: Record<string, string>, html?: string): Promise<BrowserBundle> {
  const dir = mkdtempSync(join(tmpdir(), 'schedlab-browser-'));
  await build({
    entryPoints: entries,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: dir,
    sourcemap: 'inline',
    logLevel: 'silent',
    alias: {
      'schedlab/jobshop': new URL('../../engine/jobshop/policy-api.ts', import.meta.url).pathname,
      'schedlab/vm': new URL('../../engine/vm/policy-api.ts', import.meta.url).pathname,
    },
  });
  writeFileSync(
    join(dir, 'index.html'),
    html ?? `<!doctype html><html><head><meta charset="utf-8"></head><body><div id="root"></div>${entries.main ? '<script type="module" src="main.js"></script>' : ''}</body></html>`,
  );
  return serveDirectory(dir);
}
