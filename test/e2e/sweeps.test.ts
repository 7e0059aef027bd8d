import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { executeSweepTask } from '../../workers/node/sweep-execute';
import { launchChromium, openContext } from './browser';

// Sweeps as a user builds them (production build, real Chromium, the real worker pool): the builder makes a sweep,
// the tab runs it and stores each run, the Pareto point clicks through to its runs and a run's Gantt chart; Stop,
// a reload and Resume store every run exactly once. Expected numbers come from the CLI's sweep executor in Node.

const state = (page: Page) => page.getByTestId('sweep-state').textContent();
const base = () => inject('baseUrl');

interface SweepJson {
  status: { done: number; total: number; state: string };
  runs: { runKey: string; policyLabel: string; scenarioLabel: string; seed: number; params: Record<string, number>; metrics: Record<string, number> }[];
}

async function sweepJson(page: Page): Promise<SweepJson> {
  const id = new URL(page.url()).pathname.split('/').pop();
  return (await (await fetch(`${base()}/api/sweeps/${id}`)).json()) as SweepJson;
}

describe('sweeps in the browser (production build, real Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('build a sweep, run it on the worker pool, click a Pareto point through to its Gantt chart, compare two runs', async () => {
    const { page, context, externalRequests } = await openContext(browser);
    await page.goto(`${base()}/sweeps`);
    await page.getByLabel('Scenarios').selectOption(['ft06', 'ta01']);
    for (const p of ['SPT', 'MWKR', 'ATC']) await page.getByRole('checkbox', { name: new RegExp(`^Policy ${p}`) }).first().check();
    await page.getByLabel(/ATC.* k values/).fill('1, 3');
    await page.getByLabel('Seed count').fill('2');
    await page.getByLabel('Option due-date factor').fill('1.3');
    await page.getByRole('button', { name: 'Create and run' }).click();
    await page.waitForURL(/\/sweeps\/[0-9a-f]{32}$/);
    await expect.poll(() => state(page), { timeout: 90_000 }).toBe('done');
    expect(await page.getByTestId('sweep-status').textContent()).toContain('16 runs: 16 done, 0 failed');

    // Every stored run has the metrics the CLI computes for it.
    const { runs } = await sweepJson(page);
    expect(runs).toHaveLength(16);
    for (const run of runs.filter((_, i) => i % 3 === 0)) {
      const cli = await executeSweepTask({
        engine: 'jobshop',
        scenario: { label: run.scenarioLabel, id: run.scenarioLabel },
        policy: { label: run.policyLabel, builtin: run.policyLabel },
        params: run.policyLabel === 'atc' ? { k: run.params.k } : {},
        seed: run.seed,
        options: { dueFactor: 1.3 },
        artifacts: false,
      });
      expect(run.metrics).toEqual(cli.metrics);
    }

    // Four points (SPT, MWKR, ATC k=1, ATC k=3); a point on the front lists its 4 runs; one opens with its Gantt.
    const points = page.locator('circle.pareto-point');
    expect(await points.count()).toBe(4);
    const front = page.locator('circle.pareto-point[data-front="true"]').first();
    const label = (await front.getAttribute('aria-label')) ?? '';
    await front.click();
    const pointRuns = page.getByTestId('point-runs');
    expect(await pointRuns.locator('li').count()).toBe(4);
    await pointRuns.getByRole('button', { name: 'ft06, seed 1' }).click();
    const detail = page.getByTestId('run-detail');
    await detail.locator('canvas').first().waitFor();
    const heading = (await detail.locator('h3').textContent()) ?? '';
    expect(label.toLowerCase()).toContain(heading.split(' on ')[0].toLowerCase());
    const opened = runs.find((r) => heading.startsWith(r.policyLabel) && r.scenarioLabel === 'ft06' && r.seed === 1 && (r.policyLabel !== 'atc' || heading.includes(`k=${r.params.k}`)))!;
    expect(await detail.textContent()).toContain(`makespan ${opened.metrics.makespan}`);

    // Two runs side by side: their metric differences.
    const table = page.getByRole('table', { name: 'Sweep runs' });
    await table.locator('tbody tr').nth(0).getByRole('checkbox').check();
    await table.locator('tbody tr').nth(4).getByRole('checkbox').check();
    const sideBySide = page.getByTestId('side-by-side');
    await sideBySide.waitFor();
    const makespanRow = sideBySide.locator('tr', { hasText: /^makespan/ });
    expect(await makespanRow.locator('td').last().textContent()).toBe(String(runs[4].metrics.makespan - runs[0].metrics.makespan));
    expect(await sideBySide.locator('canvas').count()).toBeGreaterThanOrEqual(2);
    expect(externalRequests).toEqual([]);
    await context.close();
  });

  it('Stop, reload and Resume store every run exactly once', async () => {
    const { page, context } = await openContext(browser);
    await page.goto(`${base()}/sweeps`);
    await page.getByRole('button', { name: 'Edit as JSON' }).click();
    // tabu takes a few hundred ms per run here: long enough to stop part-way.
    const spec = { engine: 'jobshop', title: 'stop and resume', scenarios: ['ta01'], policies: [{ builtin: 'tabu' }], seeds: { from: 1, count: 20 } };
    await page.getByLabel('Sweep spec JSON').fill(JSON.stringify(spec));
    await page.getByRole('button', { name: 'Create and run' }).click();
    await page.waitForURL(/\/sweeps\/[0-9a-f]{32}$/);
    await expect.poll(async () => (await sweepJson(page)).status.done, { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Escape');
    await expect.poll(() => state(page), { timeout: 30_000 }).not.toBe('running here');
    const stopped = await sweepJson(page);
    expect(stopped.status.done).toBeLessThan(20);

    await page.reload();
    expect(await state(page)).toBe('stopped');
    await page.getByRole('button', { name: /^Resume \(\d+ left\)$/ }).click();
    await expect.poll(() => state(page), { timeout: 90_000 }).toBe('done');
    const finished = await sweepJson(page);
    expect(finished.runs.map((r) => r.seed)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(finished.runs.map((r) => r.runKey)).size).toBe(20);
    // The runs stored before the stop are unchanged.
    for (const before of stopped.runs) expect(finished.runs.find((r) => r.runKey === before.runKey)!.metrics).toEqual(before.metrics);
    await context.close();
  });
});
