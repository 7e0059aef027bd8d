import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * End-to-end tests run against the production build, as a user gets it: `next build` once, then `next start` on
 * a free port with its own empty PGlite data folder, so the tests never touch the developer's `.data/`.
 * SCHEDLAB_E2E_REUSE_BUILD=1 skips the build when .next is current (local iteration only).
 */
const PORT = Number(process.env.SCHEDLAB_E2E_PORT ?? 3123);
const root = new URL('../../', import.meta.url).pathname;

export default async function setup(project: TestProject) {
  if (!process.env.SCHEDLAB_E2E_REUSE_BUILD) {
    const build = spawnSync('npx', ['next', 'build'], { cwd: root, encoding: 'utf8', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'schedlab-e2e-data-'));
  const server: ChildProcess = spawn('npx', ['next', 'start', '-p', String(PORT), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, SCHEDLAB_DATA_DIR: dataDir, DATABASE_URL: '', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  server.stdout?.on('data', (d) => (log += d));
  server.stderr?.on('data', (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${PORT}`;
  await waitUntilUp(baseUrl, () => log);
  project.provide('baseUrl', baseUrl);
  return async () => {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
}

async function waitUntilUp(url: string, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not answer on ${url} within 60 s:\n${log()}`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
