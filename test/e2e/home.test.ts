import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openContext } from './browser';

describe('home page (production build)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('lists the engines and links to the lab, loading nothing from outside', async () => {
    const { page, externalRequests, context } = await openContext(browser);
    await page.goto(inject('baseUrl'));
    await expect(page.getByRole('heading', { name: 'SchedLab' }).isVisible()).resolves.toBe(true);
    expect(await page.getByRole('link', { name: 'Job shop' }).getAttribute('href')).toBe('/lab/jobshop');
    expect(await page.getByRole('link', { name: 'VM rescheduling' }).getAttribute('href')).toBe('/lab/vm');
    expect(await page.getByRole('link', { name: 'LLM serving' }).getAttribute('href')).toBe('/lab/llm');
    expect(externalRequests).toEqual([]);
    await context.close();
  });
});
