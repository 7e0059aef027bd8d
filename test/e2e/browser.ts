import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../browser/harness';

/** A fresh browser context per test flow, recording every request so tests can check nothing leaves localhost. */
export async function openContext(browser: Browser): Promise<{ context: BrowserContext; page: Page; externalRequests: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const externalRequests: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) externalRequests.push(request.url());
  });
  return { context, page, externalRequests };
}

export { launchChromium };
