import type { Browser, Page } from 'playwright-core';
import { launchChromium, serveBundle, type BrowserBundle } from '../browser/harness';
import type { GanttPageApi } from './fixtures/gantt-page';

/**
 * Shared set-up of the chart tests: one bundle of the Gantt test page and one Chromium, and helpers that work out
 * where a bar is on screen from the data and the axis domain (not from the chart's internals).
 */
export interface GanttBrowser {
  readonly browser: Browser;
  readonly bundle: BrowserBundle;
  /** A fresh page showing `caseName` (see fixtures/gantt-cases.ts), once the first draw is done. */
  open(caseName: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function startGanttBrowser(entries: Record<string, string> = {}): Promise<GanttBrowser> {
  const bundle = await serveBundle({ main: new URL('./fixtures/gantt-page.ts', import.meta.url).pathname, ...entries });
  const browser = await launchChromium();
  return {
    browser,
    bundle,
    async open(caseName, viewport = { width: 1280, height: 900 }) {
      const page = await browser.newPage({ viewport });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${bundle.url}#${caseName}`);
      await page.waitForFunction(() => (window as unknown as { gantt?: GanttPageApi }).gantt !== undefined, null, { timeout: 30_000 })
        .catch((e: unknown) => {
          throw new Error(`the Gantt page did not start: ${errors.join('; ') || String(e)}`);
        });
      return page;
    },
    async close() {
      await browser.close();
      await bundle.close();
    },
  };
}

/** Client coordinates of the middle of bar `i`, from the plot's box, the axis domain and the lane count. */
export async function barCenter(page: Page, i: number): Promise<{ x: number; y: number }> {
  return page.evaluate((i) => {
    const g = (window as unknown as { gantt: GanttPageApi }).gantt;
    const box = document.querySelector('.gantt-hit')!.getBoundingClientRect();
    const [d0, d1] = g.handle.xDomain();
    const { bars, lanes } = g.caseData.timeline;
    const bar = bars[i];
    const mid = (bar.start + bar.end) / 2;
    return { x: box.left + ((mid - d0) / (d1 - d0)) * box.width, y: box.top + ((bar.lane + 0.5) * box.height) / lanes.length };
  }, i);
}
