import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PolicyChoice } from '../../components/state/lab-types';
import { findScenario } from '../../engine/jobshop/catalogue';
import type { JobShopInstance } from '../../engine/jobshop/model';
import type { BrowserRunOptions, JobShopRunRequest, RunRequest } from '../../workers/browser/run-protocol';
import { chromiumAvailable, launchChromium, serveBundle, type BrowserBundle } from '../browser/harness';
import type { BatchRecord, Lab } from './fixtures/pool-page';

/**
 * Opens the pool test page in headless Chromium: the simulation worker is bundled as its own entry
 * (`simulation-worker.js`), exactly as the app loads it, and the page drives RunPools over it (fixtures/pool-page.ts).
 */

const here = (path: string) => new URL(path, import.meta.url).pathname;

export interface PoolPage {
  readonly page: Page;
  /** Starts a batch in the page and waits for every outcome. */
  run(id: string, requests: RunRequest[], options?: { budgetMs?: number; pool?: string }): Promise<BatchRecord>;
  /** Starts a batch without waiting. */
  start(id: string, requests: RunRequest[], options?: { budgetMs?: number; pool?: string }): Promise<void>;
  wait(id: string): Promise<BatchRecord>;
  close(): Promise<void>;
}

export async function openPoolPage(): Promise<PoolPage> {
  // Chromium is installed by .ci/run; without it these tests cannot run at all, so they fail loudly.
  expect(chromiumAvailable(), 'Debian chromium at /usr/bin/chromium (apt-get install -y chromium)').toBe(true);
  const bundle: BrowserBundle = await serveBundle({
    main: here('./fixtures/pool-page.ts'),
    'simulation-worker': here('../../workers/browser/simulation-worker.ts'),
    'crashing-worker': here('./fixtures/crashing-worker.ts'),
    'sandbox-probe-worker': here('./fixtures/sandbox-probe-worker.ts'),
  });
  const browser: Browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(bundle.url);
  await page.waitForFunction(() => 'lab' in window);
  // Functions passed to page.evaluate run in the page: they reach the fixture's API through window.lab.
  return {
    page,
    run: (id, requests, options = {}) => page.evaluate(({ id, requests, options }) => (window as unknown as { lab: Lab }).lab.run(id, requests, options as never), { id, requests, options }),
    start: (id, requests, options = {}) => page.evaluate(({ id, requests, options }) => (window as unknown as { lab: Lab }).lab.start(id, requests, options as never), { id, requests, options }),
    wait: (id) => page.evaluate((id) => (window as unknown as { lab: Lab }).lab.wait(id), id),
    close: async () => {
      await browser.close();
      await bundle.close();
    },
  };
}

export const DEFAULT_OPTIONS: BrowserRunOptions = { scheme: 'active', seed: 1, params: {} };

export function scenario(id: string): JobShopInstance {
  return findScenario(id)!.create();
}

export function sourcePolicy(source: string, fileName = 'my-policy.ts'): PolicyChoice {
  return { kind: 'source', source, fileName };
}

export function request(runId: string, instance: JobShopInstance, policy: PolicyChoice, options: Partial<BrowserRunOptions> = {}): JobShopRunRequest {
  return { runId, instance, policy, options: { ...DEFAULT_OPTIONS, ...options } };
}
