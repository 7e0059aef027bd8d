import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../browser/harness';
import { serveEditorBundle, type EditorBundle } from './editor-bundle';
import type { EditorTestState } from './fixtures/editor-page';
import { POLICY_TEMPLATES } from '../../components/editor/policy-templates';

// The PolicyEditor in real headless Chromium: Monaco bundled (esbuild, as in test/editor/editor-bundle.ts), its
// TypeScript worker checking the policy against the policy API, markers, keys, drafts, and no request off the
// page's origin. The full app (Turbopack production build) is covered by the e2e suite.

declare global {
  interface Window {
    editorTest: EditorTestState;
  }
}

const BAD_POLICY = `import type { JobShopPolicy } from 'schedlab/jobshop';

const policy: JobShopPolicy = {
  id: 'bad',
  label: 'Bad',
  description: 'Type errors on purpose',
  priority: (candidate, view) => {
    const work: string = view.jobRemainingWork(candidate.job);
    document.title = work;
    return 0;
  },
};

export default policy;
`;

const EMPTY_PRIORITY = `import type { JobShopPolicy } from 'schedlab/jobshop';

const policy: JobShopPolicy = {
  id: 'mine',
  label: 'Mine',
  description: 'Work in progress',
  priority: (candidate, view) => {
    return 0;
  },
};

export default policy;
`;

let bundle: EditorBundle;
let browser: Browser;
const offOrigin: string[] = [];

async function openEditor(context?: BrowserContext): Promise<Page> {
  const ctx = context ?? (await browser.newContext({ viewport: { width: 1100, height: 600 } }));
  const page = await ctx.newPage();
  page.on('request', (request) => {
    if (!request.url().startsWith(bundle.url) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) {
      offOrigin.push(request.url());
    }
  });
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(bundle.url);
  await page.waitForSelector('[data-editor-status=ready]', { timeout: 30_000 });
  return page;
}

/** The text Monaco shows (it renders spaces as U+00A0). */
const shownText = async (page: Page) => (await page.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ');

const state = (page: Page) => page.evaluate(() => {
  const { source, restored, diagnostics, runs, stops } = window.editorTest;
  return { source, restored, diagnostics, runs, stops };
});

async function waitForDiagnostics(page: Page, test: string): Promise<void> {
  // `test` is the body of a predicate over `d`, the diagnostics (run in the page).
  await page.waitForFunction(`(d => ${test})(window.editorTest.diagnostics)`, null, { timeout: 30_000 });
}

describe('PolicyEditor in Chromium', () => {
  beforeAll(async () => {
    expect(chromiumAvailable(), 'Debian chromium at /usr/bin/chromium (apt-get install -y chromium)').toBe(true);
    bundle = await serveEditorBundle();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await bundle?.close();
  });

  it('shows a textarea until Monaco has loaded, and keeps what was typed there', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/chunks\/monaco-setup-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(bundle.url);
    const textarea = page.getByTestId('policy-editor-fallback');
    await textarea.waitFor();
    expect(await page.getAttribute('[data-editor-status]', 'data-editor-status')).toBe('loading');
    expect(await textarea.inputValue()).toBe(POLICY_TEMPLATES.find((t) => t.id === 'mwkr')!.source);
    await textarea.press('Control+End');
    await textarea.type('// typed before Monaco');
    release();
    await page.waitForSelector('[data-editor-status=ready]', { timeout: 30_000 });
    expect(await textarea.count()).toBe(0);
    expect((await state(page)).source).toMatch(/\/\/ typed before Monaco$/);
    expect(await shownText(page)).toContain('typed before Monaco');
    await context.close();
  });

  it('type-checks the policy against the policy API: errors as markers, no DOM, templates clean', async () => {
    const page = await openEditor();
    await page.evaluate((source) => window.editorTest.setSource(source), BAD_POLICY);
    await waitForDiagnostics(page, `d.some(x => x.code === '2584')`);
    const { diagnostics } = await state(page);
    expect(diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 8, code: '2322', severity: 'error', message: "Type 'number' is not assignable to type 'string'." }),
        // `document` does not exist for a policy: no DOM lib.
        expect.objectContaining({ line: 9, code: '2584', severity: 'error', message: expect.stringContaining("Cannot find name 'document'") }),
      ]),
    );
    expect(diagnostics.every((d) => d.severity === 'error' || d.severity === 'warning')).toBe(true);
    expect(await page.locator('.squiggly-error').count()).toBeGreaterThan(0);
    // The largest template (own interfaces, typed arrays, a class, JobShopProblem) checks clean.
    await page.evaluate((source) => window.editorTest.setSource(source), POLICY_TEMPLATES.find((t) => t.id === 'tabu')!.source);
    await waitForDiagnostics(page, 'd.length === 0');
    expect(await page.locator('.squiggly-error').count()).toBe(0);
    await page.context().close();
  });

  it('completes view members, shows their documentation, and Esc closes the list before it stops runs', async () => {
    const page = await openEditor();
    await page.evaluate((source) => window.editorTest.setSource(source), EMPTY_PRIORITY);
    await page.click('.monaco-editor .view-lines');
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('const work = view.');
    await page.waitForSelector('.suggest-widget.visible .monaco-list-row', { timeout: 30_000 });
    const labels = await page.$$eval('.suggest-widget .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
    expect(labels.map((l) => l.split(',')[0])).toEqual(expect.arrayContaining(['candidate', 'candidateCount', 'decisions', 'jobDue']));
    await page.keyboard.type('jobRemai');
    await page.waitForSelector('.suggest-widget.visible .monaco-list-row[aria-label^="jobRemainingWork"]');
    await page.screenshot({ path: join(tmpdir(), 'schedlab-policy-editor-completion.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.suggest-widget.visible').count()).toBe(0);
    expect((await state(page)).stops).toBe(0);
    // Open the list again and take the member.
    await page.keyboard.press('Control+Space');
    await page.waitForSelector('.suggest-widget.visible .monaco-list-row.focused[aria-label^="jobRemainingWork"]', { timeout: 30_000 });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await state(page)).source).toContain('    const work = view.jobRemainingWork\n');
    // Hover documentation (Ctrl+K Ctrl+I shows the hover at the cursor) comes from the API file's JSDoc.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:not(.hidden)');
    await hover.first().waitFor({ timeout: 15_000 });
    await expect.poll(() => hover.first().innerText(), { timeout: 15_000 }).toContain('Processing time of unscheduled operations');
    // One declaration of the API (a second copy would merge into overloads).
    expect(await hover.first().innerText()).not.toContain('overload');

    await page.context().close();
  });

  it('shows run errors as markers on their lines, next to the type markers', async () => {
    const page = await openEditor();
    await page.evaluate((source) => window.editorTest.setSource(source), BAD_POLICY);
    await waitForDiagnostics(page, 'd.length >= 2');
    await page.evaluate(() =>
      window.editorTest.setMarkers([
        { line: 9, message: 'policy threw at policy.ts:9: ReferenceError: document is not defined', severity: 'error' },
        { line: 99, column: 3, message: 'a line past the end', severity: 'warning' },
      ]),
    );
    const lastLine = BAD_POLICY.split('\n').length;
    await expect.poll(async () => (await page.evaluate(() => window.editorTest.modelMarkers())).filter((m) => m.owner === 'schedlab-run')).toEqual([
      { owner: 'schedlab-run', line: 9, message: 'policy threw at policy.ts:9: ReferenceError: document is not defined', severity: 8 },
      { owner: 'schedlab-run', line: lastLine, message: 'a line past the end', severity: 4 },
    ]);
    // Monaco's own markers stay, and the run markers are not reported as type diagnostics.
    const markers = await page.evaluate(() => window.editorTest.modelMarkers());
    expect(markers.some((m) => m.owner === 'typescript' && m.line === 8)).toBe(true);
    expect((await state(page)).diagnostics.some((d) => d.message.includes('policy threw'))).toBe(false);
    // Hovering the line shows the message.
    await page.evaluate(() => window.editorTest.setMarkers([{ line: 3, message: 'policy threw at policy.ts:3: Error: boom', severity: 'error' }]));
    await page.locator('.view-lines .view-line', { hasText: 'const policy' }).locator('span span').first().hover();
    await expect.poll(async () => (await page.locator('.monaco-hover').allInnerTexts()).join('\n'), { timeout: 15_000 }).toContain('Error: boom');
    await page.screenshot({ path: join(tmpdir(), 'schedlab-policy-editor-markers.png') });
    await page.evaluate(() => window.editorTest.setMarkers([]));
    await expect.poll(async () => (await page.evaluate(() => window.editorTest.modelMarkers())).filter((m) => m.owner === 'schedlab-run')).toEqual([]);
    await page.context().close();
  });

  it('settles: a parent re-rendering on each report, with new marker arrays each time, does not loop', async () => {
    const page = await openEditor();
    await page.evaluate((source) => window.editorTest.setSource(source), BAD_POLICY);
    await waitForDiagnostics(page, 'd.length >= 2');
    await page.evaluate(() => window.editorTest.setMarkers([{ line: 9, message: 'policy threw', severity: 'error' }]));
    await page.waitForTimeout(1_000);
    const renders = await page.evaluate(() => window.editorTest.renders);
    await page.waitForTimeout(1_500);
    expect(await page.evaluate(() => window.editorTest.renders)).toBe(renders);
    expect(renders).toBeLessThan(30);
    await page.context().close();
  });

  it('runs on Ctrl+Enter and stops on Esc; read-only refuses typing', async () => {
    const page = await openEditor();
    await page.click('.monaco-editor .view-lines');
    const before = (await state(page)).source;
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => state(page)).toMatchObject({ runs: 1, stops: 1, source: before });
    await page.evaluate(() => window.editorTest.setReadOnly(true));
    await page.waitForSelector('[data-readonly=true]');
    await page.keyboard.type('xyz');
    expect((await state(page)).source).toBe(before);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => state(page)).toMatchObject({ runs: 2 });
    await page.context().close();
  });

  it('keeps the draft across a reload, until it is discarded', async () => {
    const context = await browser.newContext();
    const page = await openEditor(context);
    expect((await state(page)).restored).toBe(false);
    await page.click('.monaco-editor .view-lines');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('// my own idea');
    await page.waitForTimeout(600); // past the save delay
    await page.reload();
    await page.waitForSelector('[data-editor-status=ready]');
    await expect.poll(() => state(page)).toMatchObject({ restored: true, source: expect.stringMatching(/\/\/ my own idea$/) });
    expect(await shownText(page)).toContain('my own idea');
    await page.evaluate(() => window.editorTest.discard());
    await expect.poll(async () => (await state(page)).source).toBe(POLICY_TEMPLATES.find((t) => t.id === 'mwkr')!.source);
    await page.reload();
    await page.waitForSelector('[data-editor-status=ready]');
    expect(await state(page)).toMatchObject({ restored: false });
    await context.close();
  });

  it('made no request outside the page origin (no CDN)', () => {
    expect(offOrigin).toEqual([]);
    // Monaco's workers and font came from the bundle.
    expect(bundle.served).toEqual(expect.arrayContaining(['/ts.worker.js', '/editor.worker.js']));
    expect(bundle.served.some((p) => p.endsWith('.ttf'))).toBe(true);
  });
});
