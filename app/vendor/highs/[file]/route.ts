/**
 * GET /vendor/highs/highs.mjs and /vendor/highs/highs.wasm — the HiGHS solver (npm `highs`) served from this
 * server, for the simulation worker's MIP solver (workers/browser/highs-browser.ts). Never a CDN: the workbench
 * works offline.
 *
 * Why a route and not a bundled import: the package's loader is Emscripten output for both Node and the web, with
 * `import("node:module")` and `require("node:fs")` in its Node branch; Next 16's Turbopack resolves those in client
 * bundles and fails the build (emscripten-core/emscripten#26134). Served as files, the bundler never sees it, and a
 * route (rather than a copy under public/) always serves exactly the installed version, with no build step.
 */
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The only files served, with their content types (the wasm type lets the browser compile while streaming). */
export const HIGHS_FILES: Readonly<Record<string, string>> = {
  'highs.mjs': 'text/javascript; charset=utf-8',
  'highs.wasm': 'application/wasm',
};

/** The package's build folder, found by Node's own resolution from the project root (`highs/runtime` is the wasm). */
function buildFolder(): string {
  return dirname(createRequire(join(process.cwd(), 'package.json')).resolve('highs/runtime'));
}

export async function GET(request: Request, context: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await context.params;
  const type = HIGHS_FILES[file];
  if (type === undefined) return new Response(`no file "${file}" here; there are ${Object.keys(HIGHS_FILES).join(' and ')}`, { status: 404 });
  const path = join(buildFolder(), file);
  const info = await stat(path);
  // Revalidated on every load (cheap: a 304), so an upgraded package is never mixed with a cached old half.
  const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
  const headers = { 'content-type': type, 'cache-control': 'public, max-age=0, must-revalidate', etag };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(await readFile(path)), { status: 200, headers });
}
