import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, serveBundle, type BrowserBundle } from '../browser/harness';
import type { GanttCaseData } from './fixtures/gantt-cases';

type Win = Window & { caseData: GanttCaseData; selected: (number | null)[] };

// Chromium is installed by .ci/run; without it these tests cannot run at all, so they fail loudly.
describe('GanttView (React wrapper) in Chromium', () => {
  let browser: Browser;
  let bundle: BrowserBundle;
  beforeAll(async () => {
    expect(chromiumAvailable(), 'Debian chromium at /usr/bin/chromium (apt-get install -y chromium)').toBe(true);
    bundle = await serveBundle({ main: new URL('./fixtures/gantt-view-page.tsx', import.meta.url).pathname });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await bundle?.close();
  });

  it('toggles the critical path, shows the highlighted job, resets the zoom and downloads PNG and SVG', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 700 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(bundle.url);
    await page.locator('.gantt-canvas').waitFor();
    const { path, schedule, horizon } = await page.evaluate(() => {
      const c = (window as unknown as Win).caseData;
      return { path: c.criticalPath, schedule: c.result.schedule, horizon: c.timeline.horizon };
    });

    const toggle = page.getByRole('button', { name: 'Critical path' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.gantt-critical rect').count()).toBe(path.length);
    await toggle.click();
    expect(await page.locator('.gantt-critical rect').count()).toBe(0);

    // Click the middle of schedule[4]'s bar: the toolbar names its job and the callback gets it.
    const box = (await page.locator('.gantt-hit').boundingBox())!;
    const op = schedule[4];
    await page.mouse.click(box.x + (((op.start + op.end) / 2) / horizon) * box.width, box.y + (op.machine + 0.5) * (box.height / 6));
    await expect.poll(() => page.locator('.gantt-selection').innerText()).toContain(`Highlighted: J${op.job}`);
    expect(await page.evaluate(() => (window as unknown as Win).selected)).toEqual([op.job]);

    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    const axis = page.locator('.gantt-x-axis');
    await expect.poll(() => axis.getAttribute('data-domain')).not.toBe(`0,${horizon}`);
    await page.getByRole('button', { name: 'Reset zoom' }).click();
    await expect.poll(() => axis.getAttribute('data-domain')).toBe(`0,${horizon}`);

    for (const [button, file, magic] of [['Export SVG', 'ft06-mwkr.svg', '<svg'], ['Export PNG', 'ft06-mwkr.png', '\x89PNG']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      expect(download.suggestedFilename()).toBe(file);
      const content = readFileSync((await download.path())!, 'latin1');
      expect(content.startsWith(magic)).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
