import { describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, serveBundle } from './harness';

// Chromium is installed by .ci/run; without it the browser tests cannot run at all, so they fail loudly.
describe('browser harness', () => {
  it('runs the engine in real Chromium and gets the same makespan as Node', async () => {
    expect(chromiumAvailable(), 'Debian chromium at /usr/bin/chromium (apt-get install -y chromium)').toBe(true);
    const bundle = await serveBundle({ main: new URL('./fixtures/engine-in-page.ts', import.meta.url).pathname });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(bundle.url);
      const makespan = await page.waitForFunction(() => (window as unknown as { result?: number }).result);
      const { simulate } = await import('../../engine/jobshop/simulate');
      const { findScenario } = await import('../../engine/jobshop/catalogue');
      const { findBuiltinPolicy } = await import('../../engine/jobshop/policies');
      const inNode = simulate(findScenario('ta01')!.create(), findBuiltinPolicy('random')!, { seed: 9 }).metrics.makespan;
      expect(await makespan.jsonValue()).toBe(inNode);
    } finally {
      await browser.close();
      await bundle.close();
    }
  });
});
