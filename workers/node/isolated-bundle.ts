import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The isolated child as one CommonJS file. Under the permission model the child may read only the files it is
 * granted; a bundle is one file, where the TypeScript loader and node_modules would be hundreds (and the loader
 * also writes a cache, which the child may not). esbuild ships with tsx, so it is there wherever the CLI runs.
 *
 * The file is named by the hash of its content and written once (atomically, by rename), so several workers on one
 * machine share it and a worker never runs a half-written bundle.
 */

/**
 * The child's source entry. From the CLI and tests (tsx, vitest) this module runs from its own source file, so the
 * entry sits beside it. Under `next start` the server code is bundled by Next: `import.meta.url` then names a chunk
 * in .next/server (or the URL is rewritten to a copied asset without its neighbours), so esbuild would have nothing to
 * bundle. The fallback is the source tree under the working directory, which is the project root for `next start`
 * (db/client.ts relies on the same for its migrations). A candidate counts only when the files it imports are beside
 * it. esbuild itself must stay a plain Node require there: next.config.js lists it in serverExternalPackages,
 * because bundled, it cannot find its platform binary.
 */
function childEntry(): string {
  const candidates: string[] = [];
  try {
    candidates.push(fileURLToPath(new URL('./isolated-child.ts', import.meta.url)));
  } catch {
    // import.meta.url is not a file: URL in this bundle
  }
  candidates.push(path.join(process.cwd(), 'workers', 'node', 'isolated-child.ts'));
  const entry = candidates.find((file) => existsSync(file) && existsSync(path.join(path.dirname(file), 'sweep-execute.ts')));
  if (!entry) throw new Error(`cannot find the isolated child's source (looked at ${candidates.join(', ')}); run the server from the project root`);
  return entry;
}

let bundled: Promise<string> | undefined;

async function buildBundle(): Promise<string> {
  const result = await build({
    entryPoints: [childEntry()],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    // Policy stack frames name the policy file (sourceURL); the harness's own lines need no source map.
    sourcemap: false,
    legalComments: 'none',
  });
  const code = result.outputFiles[0].text;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const dir = path.join(tmpdir(), 'schedlab-isolated');
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const file = path.join(dir, `child-${hash}.cjs`);
  try {
    if (readFileSync(file, 'utf8') === code) return file;
  } catch {
    // not there yet
  }
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, code, { mode: 0o444 });
  renameSync(partial, file);
  return file;
}

/** The path of the child bundle, built on first use in this process. */
export function isolatedChildBundle(): Promise<string> {
  bundled ??= buildBundle().catch((error: unknown) => {
    bundled = undefined;
    throw error;
  });
  return bundled;
}
