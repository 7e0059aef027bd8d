import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createNsga2 } from '../../engine/core/nsga2';
import { findBuiltinPolicy } from '../../engine/jobshop/policies';
import { evolvePriorityRule, ruleToString } from '../../engine/jobshop/gp';
import { findScenario } from '../../engine/jobshop/catalogue';
import { executeSweepTask } from '../../workers/node/sweep-execute';
import { launchChromium, openContext } from './browser';
import { editorText } from './lab-helpers';

// The search page as a user drives it (production build, real Chromium, real worker pool). The browser's NSGA-II
// front and evolved rule are checked against the same searches run in Node with the CLI's sweep executor / the
// engine's own GP loop: same seed, same points, same rule.

async function fill(page: Page, label: string, value: string) {
  await page.getByLabel(label, { exact: true }).fill(value);
}

async function nodeNsga2Front(): Promise<string[]> {
  const atc = findBuiltinPolicy('atc')!;
  const nsga = createNsga2({ parameters: atc.params!, directions: ['min', 'min'], population: 8, generations: 2, seed: 4 });
  while (!nsga.done) {
    const asked = nsga.ask();
    const scores = [];
    for (const params of asked) {
      const outcome = await executeSweepTask({ engine: 'jobshop', scenario: { label: 'ta01', id: 'ta01' }, policy: { label: 'atc', builtin: 'atc' }, params, seed: 1, options: { dueFactor: 1.3 }, artifacts: false });
      scores.push([outcome.metrics.makespan, outcome.metrics.totalWeightedTardiness]);
    }
    nsga.tell(scores);
  }
  return nsga.front().map((p) => JSON.stringify(p.params)).sort();
}

describe('parameter search and evolved rules (production build, real Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('NSGA-II draws the front Node computes; GP evolves the rule Node evolves, and it opens in the lab editor', async () => {
    const { page, context, externalRequests } = await openContext(browser);
    await page.goto(`${inject('baseUrl')}/sweeps/search`);
    await page.getByLabel('jobshop search scenarios').first().selectOption(['ta01']);
    await fill(page, 'NSGA-II population', '8');
    await fill(page, 'NSGA-II generations', '2');
    await fill(page, 'NSGA-II seed', '4');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => page.getByTestId('nsga2-generation').textContent(), { timeout: 90_000 }).toBe('done: 2 generations');
    const front = await page.locator('circle.pareto-point[data-front="true"]').evaluateAll((nodes) => nodes.map((n) => (n as SVGElement).dataset.id!));
    expect(front.length).toBeGreaterThan(0);
    expect(front.sort()).toEqual(await nodeNsga2Front());

    const gpScenarios = page.getByLabel('jobshop search scenarios').last();
    await gpScenarios.selectOption(['ta01', 'ta02']);
    await fill(page, 'GP population', '10');
    await fill(page, 'GP generations', '2');
    await fill(page, 'GP seed', '7');
    await page.getByRole('button', { name: 'Evolve' }).click();
    await expect.poll(() => page.getByTestId('gp-status').textContent(), { timeout: 90_000 }).toBe('done: 2 generations');
    const evolved = evolvePriorityRule({ instances: ['ta01', 'ta02'].map((id) => findScenario(id)!.create()), objective: 'makespan', population: 10, generations: 2, seed: 7, maxDepth: 5 });
    expect(await page.getByTestId('gp-rule').textContent()).toBe(ruleToString(evolved.rule));

    await page.getByRole('button', { name: 'Open in the lab editor' }).click();
    await page.waitForURL(/\/lab\/jobshop$/);
    await expect.poll(() => editorText(page), { timeout: 30_000 }).toContain('Evolved by genetic programming');
    expect(externalRequests).toEqual([]);
    await context.close();
  });
});
