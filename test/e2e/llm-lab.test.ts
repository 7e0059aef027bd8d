import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { llmEngine } from '../../engine/llm';
import { withSeededMathRandom } from '../../workers/seeded-math-random';
import { launchChromium, openContext } from './browser';
import { replacePolicySource } from './lab-helpers';

// The LLM-serving lab as a user gets it (production build, real Chromium, the real worker pool and sandbox).
// Expected numbers come from the engine in Node, run the way the CLI runs it (`run llm --scenario steady`).

const steady = llmEngine.findPreset('steady')!.create({ seed: 1, cluster: {} });
const expected = Object.fromEntries(
  ['vllm', 'sarathi'].map((id) => [id, withSeededMathRandom(1, () => llmEngine.simulate(steady, llmEngine.findPolicy(id)!, { seed: 1, timeline: false }))]),
);

const THROWING = [
  "import type { LlmPolicy } from 'schedlab/llm';",
  '',
  'const policy: LlmPolicy = {',
  "  id: 'thrower', label: 'Thrower', description: 'written by the end-to-end test',",
  '  schedule: (view, batch) => {',
  "    if (view.now > 1) throw new Error('too late');",
  '    for (let i = 0; i < view.waitingCount(batch.replica); i++) batch.prefill(view.waiting(batch.replica, i), view.prefillRemaining(view.waiting(batch.replica, i)));',
  '  },',
  '};',
  'export default policy;',
  '',
].join('\n');

/** Ticks exactly these checkboxes among those matching `pattern` (by accessible name). */
async function tickOnly(page: Page, pattern: RegExp, wanted: string[]): Promise<void> {
  for (const box of await page.getByRole('checkbox', { name: pattern }).all()) {
    const name = (await box.getAttribute('aria-label')) ?? '';
    const want = wanted.some((w) => name.endsWith(w));
    if ((await box.isChecked()) !== want) await box.click();
  }
}

const rows = (page: Page) => page.getByRole('table', { name: 'Runs' }).locator('tbody tr');

describe('the LLM lab (production build, real Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('runs vLLM and Sarathi on steady: metrics as in Node, the timeline painted and hoverable, CDFs, a rate sweep', async () => {
    const { page, context, externalRequests } = await openContext(browser);
    await page.goto(`${inject('baseUrl')}/lab/llm`);
    await page.getByLabel('Preset').selectOption('steady');
    await page.getByRole('checkbox', { name: 'The editor’s policy' }).first().uncheck();
    await tickOnly(page, /^Built-in /, ['vLLM (default)', 'Sarathi-Serve']);
    await page.getByRole('button', { name: 'Run 2 policies' }).click();
    await expect.poll(async () => (await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')))).join(), { timeout: 60_000 }).toBe('done,done');

    // Both rows, to the bit (data-value carries the number; the cell shows it in readable units).
    for (const [i, id] of ['vllm', 'sarathi'].entries()) {
      const row = rows(page).nth(i);
      expect(await row.locator('td').first().textContent()).toBe(llmEngine.findPolicy(id)!.label);
      for (const metric of ['ttftP99', 'tpotP50', 'throughput', 'kvUsageMean']) {
        expect(Number(await row.locator(`[data-metric="${metric}"]`).getAttribute('data-value')), `${id} ${metric}`).toBe(expected[id].metrics[metric]);
      }
      expect(await row.locator('[data-metric="ttftP99"]').textContent()).toMatch(/^[\d.]+ (ms|s)$/);
    }

    // The timeline of the first run: bars of prefill and decode colours on the canvas; hovering names a request.
    const canvas = page.locator('.request-timeline-canvas');
    await canvas.waitFor();
    const colours = await canvas.evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<string>();
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] === 255) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
      return [...seen];
    });
    expect(colours).toEqual(expect.arrayContaining(['230,159,0', '0,114,178'])); // prefill, decode
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    const tip = page.locator('.request-timeline-tooltip');
    let hit = false;
    for (let k = 1; k < 20 && !hit; k++) {
      await page.mouse.move(box.x + box.width * (k / 20), box.y + box.height * (k / 20));
      hit = await tip.isVisible();
    }
    expect(hit).toBe(true);
    expect(await tip.textContent()).toMatch(/^request \d+(queued|prefill|decode) .* on replica 0arrived .*TTFT/);

    // Lanes per replica; then zoom with the wheel: fewer lanes drawn.
    await page.getByRole('radio', { name: 'Lanes per replica' }).click();
    await expect.poll(() => page.locator('.request-timeline').getAttribute('data-mode')).toBe('replica');
    await page.getByRole('radio', { name: 'Lane per request' }).click();
    const before = Number(await page.locator('.request-timeline').getAttribute('data-drawn-bars'));
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let k = 0; k < 5; k++) await page.mouse.wheel(0, -400);
    await expect.poll(async () => Number(await page.locator('.request-timeline').getAttribute('data-drawn-bars'))).toBeLessThan(before);

    // The CDFs and KV / queue series of both runs.
    expect(await page.locator('.latency-cdf .cdf-line').count()).toBe(6);
    expect(await page.locator('.time-series path.series').count()).toBe(4);

    // A small sweep: vLLM at 1 and 4 req/s, drawn as throughput against p99 TTFT.
    await tickOnly(page, /^Sweep /, ['vLLM (default)']);
    await page.getByLabel('Sweep rates').fill('1, 4');
    await page.getByRole('button', { name: 'Sweep 2 runs' }).click();
    await expect.poll(() => page.getByTestId('sweep-progress').textContent(), { timeout: 60_000 }).toContain('2 / 2');
    const titles = await page.locator('.rate-sweep .rate-point title').allTextContents();
    const at4 = withSeededMathRandom(1, () => llmEngine.simulate(llmEngine.findPreset('steady')!.create({ seed: 1, rate: 4, cluster: {} }), llmEngine.findPolicy('vllm')!, { seed: 1, timeline: false }));
    expect(titles).toHaveLength(2);
    expect(titles[1]).toBe(`vLLM (default): 4 req/s offered → ${at4.metrics.throughput.toFixed(3)} req/s, p99 TTFT ${at4.metrics.ttftP99.toPrecision(3)} s`);
    expect(externalRequests).toEqual([]);
    await context.close();
  });

  it('marks the editor line of a policy that throws, and the line of a bad trace row', async () => {
    const { page, context } = await openContext(browser);
    await page.goto(`${inject('baseUrl')}/lab/llm`);
    await tickOnly(page, /^Built-in /, []);
    await page.getByRole('checkbox', { name: 'The editor’s policy' }).first().check();
    await replacePolicySource(page, THROWING);
    await page.keyboard.press('Control+Enter');
    const error = page.getByTestId('policy-error');
    await expect.poll(() => error.textContent({ timeout: 1_000 }).catch(() => ''), { timeout: 60_000 }).toContain('my-llm-policy.ts:6');
    expect(await error.textContent()).toContain('too late');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 10_000 });

    await page.getByRole('tab', { name: 'Import trace' }).click();
    const bad = 'arrived_at,num_prefill_tokens,num_decode_tokens\n0.0,100,20\n0.5,abc,20\n';
    await page.getByLabel('Trace file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const importError = page.getByTestId('import-error');
    await importError.waitFor();
    expect(await importError.getAttribute('data-line')).toBe('3');
    expect(await importError.textContent()).toMatch(/^bad\.csv:3:5: /);
    await page.getByLabel('Trace file').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(bad.replace('abc', '300')) });
    await expect.poll(() => page.getByTestId('workload-summary').textContent()).toContain('good.csv (2 requests, vidur)');
    await context.close();
  });
});
