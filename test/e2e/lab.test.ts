import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { findScenario } from '../../engine/jobshop/catalogue';
import { findBuiltinPolicy } from '../../engine/jobshop/policies';
import { simulate } from '../../engine/jobshop/simulate';
import { launchChromium, openContext } from './browser';
import { editorText, onlyEditorPolicy, policySource, replacePolicySource } from './lab-helpers';

const ft06 = findScenario('ft06')!.create();
const sptMakespan = simulate(ft06, findBuiltinPolicy('spt')!).metrics.makespan;

describe('the lab (production build, real Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('edit the policy, run, see the Gantt chart and the makespan the command line gets; save and open the link elsewhere', async () => {
    const { page, context, externalRequests } = await openContext(browser);
    await page.goto(`${inject('baseUrl')}/lab/jobshop`);
    await replacePolicySource(page, policySource('My SPT', '  priority: (candidate) => candidate.duration,'));
    await onlyEditorPolicy(page);
    await page.keyboard.press('Control+Enter');
    const makespan = page.getByTestId('makespan');
    await makespan.waitFor({ timeout: 60_000 });
    expect(Number(await makespan.textContent())).toBe(sptMakespan);
    expect(await page.locator('canvas').count()).toBeGreaterThan(0);
    await expect(page.getByRole('table', { name: 'Runs' }).textContent()).resolves.toContain('My SPT (editor)');

    await page.getByLabel('Experiment title').fill('e2e: my SPT on ft06');
    await page.getByRole('button', { name: 'Save & share' }).click();
    const link = page.getByTestId('share-link');
    await link.waitFor();
    const url = (await link.textContent())!;
    expect(url).toMatch(/\/e\/[0-9a-f]{32}$/);
    expect(externalRequests).toEqual([]);
    await context.close();

    // A fresh context: no localStorage, nothing shared with the first one but the server.
    const other = await openContext(browser);
    await other.page.goto(url);
    await other.page.getByTestId('makespan').waitFor();
    expect(Number(await other.page.getByTestId('makespan').textContent())).toBe(sptMakespan);
    await expect(other.page.getByRole('heading', { name: 'e2e: my SPT on ft06' }).isVisible()).resolves.toBe(true);
    await other.page.getByRole('button', { name: 'Re-run' }).click();
    const verdict = other.page.getByTestId('reproduction');
    await verdict.waitFor({ timeout: 60_000 });
    expect(await verdict.textContent()).toContain('reproduces every stored metric exactly');
    // Fork copies the experiment into this browser's lab: its scenario and its policy source.
    await other.page.getByRole('button', { name: 'Fork into the lab' }).click();
    await other.page.waitForURL(/\/lab\/jobshop$/);
    await other.page.locator('.monaco-editor').waitFor({ timeout: 60_000 });
    await expect(other.page.getByRole('list', { name: 'Chosen scenarios' }).textContent()).resolves.toContain('ft06');
    await expect(editorText(other.page)).resolves.toContain("label: 'My SPT'");
    await other.context.close();
  });

  it('a hostile policy is stopped with a message naming each forbidden API, and a marker on its line', async () => {
    const { page, context } = await openContext(browser);
    await page.goto(`${inject('baseUrl')}/lab/jobshop`);
    await onlyEditorPolicy(page);
    const attempts: Record<string, string> = {
      fetch: "globalThis.fetch('http://example.com/')",
      XMLHttpRequest: 'new globalThis.XMLHttpRequest()',
      WebSocket: "new globalThis.WebSocket('ws://example.com/')",
      EventSource: "new globalThis.EventSource('http://example.com/')",
      importScripts: "globalThis.importScripts('http://example.com/x.js')",
      indexedDB: "globalThis.indexedDB.open('x')",
      caches: "globalThis.caches.open('x')",
      sendBeacon: "globalThis.navigator.sendBeacon('http://example.com/', 'x')",
    };
    for (const [api, call] of Object.entries(attempts)) {
      await replacePolicySource(page, policySource(`Hostile ${api}`, `  priority: () => { ${call}; return 0; },`));
      await page.keyboard.press('Control+Enter');
      // Poll the text: the previous API's message may still be on screen for a moment after Run.
      const error = page.getByTestId('policy-error');
      await expect
        .poll(async () => (await error.textContent({ timeout: 1_000 }).catch(() => '')) ?? '', { timeout: 60_000 })
        .toMatch(new RegExp(`${api}.*(not available to policies|cannot use)|(not available to policies|cannot use).*${api}`));
      // The same message sits as a marker on the policy's line 5 in the editor.
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 10_000 });
      await page.getByRole('button', { name: /^Run \d/ }).waitFor();
    }
    await context.close();
  });

  it('an endless loop is stopped after its budget while the page stays responsive', async () => {
    const { page, context } = await openContext(browser);
    await page.goto(`${inject('baseUrl')}/lab/jobshop`);
    await replacePolicySource(page, policySource('Loops', '  priority: () => { for (;;) {} },'));
    await onlyEditorPolicy(page);
    await page.keyboard.press('Control+Enter');
    await page.getByRole('button', { name: 'Stop' }).waitFor();
    // While the worker spins, the page still answers and its controls still work.
    const started = Date.now();
    await page.getByRole('tab', { name: 'Generate' }).click();
    expect(await page.evaluate(() => 6 * 7)).toBe(42);
    expect(Date.now() - started).toBeLessThan(5_000);
    const error = page.getByTestId('policy-error');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.textContent()).toMatch(/ran past its budget/);
    await context.close();
  });
});
