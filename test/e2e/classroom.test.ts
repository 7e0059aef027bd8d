import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { simulate } from '../../engine/jobshop/simulate';
import { findBuiltinPolicy } from '../../engine/jobshop/policies';
import { CATALOGUE } from '../../engine/jobshop/catalogue';
import { launchChromium, openContext } from './browser';
import { seriousAxeViolations } from './axe';
import { builtinLessonRequest, fitsWidth, nodeFrame, shownControls, waitForDecision } from './classroom-helpers';
import { editorText, policySource, replacePolicySource } from './lab-helpers';

/**
 * The classroom in Chromium against the production build: a built-in lesson with hidden controls, stepping
 * forward and back against the engine's own frames computed in Node, a lesson made in the lab and opened in a fresh
 * context, and a challenge ranked by the server's re-runs, with axe-core and both screen sizes on the lesson pages.
 */
describe('classroom (production build)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('opens a built-in lesson with exactly the controls it allows, and hides the metrics it hides', async () => {
    const { page, context, externalRequests } = await openContext(browser);
    const base = inject('baseUrl');
    const lesson = (await (await fetch(`${base}/api/lessons/jobshop-spt-makespan`)).json()) as { spec: { hidden: { controls: string[]; metrics: string[] } } };
    expect(lesson.spec.hidden.controls).toEqual(['editor', 'scenario']);
    await page.goto(`${base}/lessons/jobshop-spt-makespan`);
    await page.getByRole('heading', { name: 'Why SPT is bad for makespan' }).waitFor();
    expect(await shownControls(page)).toEqual(['metrics', 'player', 'policy']);
    expect(await page.locator('.monaco-editor').count()).toBe(0);

    await page.getByTestId('lesson-run').click();
    await page.getByTestId('lesson-metrics').waitFor();
    const headers = await page.locator('[data-testid="lesson-metrics"] th[data-metric]').evaluateAll((els) => els.map((e) => e.getAttribute('data-metric')));
    expect(headers).toContain('makespan');
    for (const hidden of lesson.spec.hidden.metrics) expect(headers).not.toContain(hidden);
    // The run is SPT on ft06 with the lesson's seed: the makespan shown is the engine's.
    const spt = simulate(CATALOGUE.find((e) => e.id === 'ft06')!.create(), findBuiltinPolicy('spt')!, { seed: 1 });
    expect(await page.locator('[data-testid="lesson-metrics"] tbody tr').first().textContent()).toContain(String(spt.metrics.makespan));

    // A link can hide more: ?hide=player,metrics leaves only the policy picker.
    await page.goto(`${base}/lessons/jobshop-spt-makespan?hide=player,metrics`);
    await page.getByRole('heading', { name: 'Why SPT is bad for makespan' }).waitFor();
    expect(await shownControls(page)).toEqual(['policy']);
    expect(externalRequests).toEqual([]);
    await context.close();
  });

  it('steps forward three decisions and back one, showing the engine frame of each', async () => {
    const { page, context } = await openContext(browser);
    await page.goto(`${inject('baseUrl')}/lessons/jobshop-spt-makespan`);
    await page.getByTestId('lesson-run').click();
    await waitForDecision(page, 0);
    const request = builtinLessonRequest('jobshop-spt-makespan', 'student');
    const { total } = nodeFrame(request, 0);
    await page.getByTestId('step-position').filter({ hasText: `of ${total}` }).waitFor();

    // Keyboard: Right three times, Left once (focus on the page body, not in an input).
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await waitForDecision(page, 3);
    await page.keyboard.press('ArrowLeft');
    await waitForDecision(page, 2);

    const { frame } = nodeFrame(request, 2);
    if (frame.engine !== 'jobshop' || !frame.lastDecision) throw new Error('expected a job-shop frame with a decision');
    const rows = page.locator('[data-testid="step-candidates"] tbody tr');
    expect(await rows.count()).toBe(frame.lastDecision.candidates.length);
    const chosen = frame.lastDecision.candidates[frame.lastDecision.chosen];
    const chosenRow = page.locator('[data-testid="step-candidates"] tbody tr[data-chosen="true"]');
    expect(await chosenRow.count()).toBe(1);
    const cells = await chosenRow.locator('td').allTextContents();
    expect(cells.slice(0, 3).map((c) => Number(c.replace(/\D+/g, '')))).toEqual([chosen.job, chosen.op, chosen.machine]);
    expect(cells.join(' ')).toContain(String(chosen.priority));

    // The buttons do the same as the keys.
    await page.getByTestId('step-forward').click();
    await waitForDecision(page, 3);
    await page.getByTestId('step-back').click();
    await waitForDecision(page, 2);
    await context.close();
  });

  it('makes a lesson in the lab, shares it, and opens the link in a fresh context', async () => {
    const base = inject('baseUrl');
    const teacher = await openContext(browser);
    await teacher.page.goto(`${base}/lab/jobshop`);
    await replacePolicySource(teacher.page, policySource('Teacher MWKR', '  priority: (c, view) => -view.jobRemainingWork(c.job),'));
    await teacher.page.getByTestId('make-lesson').click();
    await teacher.page.getByTestId('lesson-title-input').fill('Most work remaining');
    await teacher.page.getByTestId('lesson-text-input').fill('Watch **MWKR** pick. <script>window.pwned = 1</script>');
    await teacher.page.getByTestId('lesson-questions-input').fill('Why does MWKR help?');
    await teacher.page.getByTestId('hide-scenario').check();
    await teacher.page.getByTestId('lesson-create').click();
    const link = await teacher.page.getByTestId('lesson-link').getAttribute('href');
    expect(link).toMatch(/^\/lessons\/[0-9a-f]{32}$/);
    await teacher.context.close();

    const student = await openContext(browser);
    await student.page.goto(`${base}${link}`);
    await student.page.getByRole('heading', { name: 'Most work remaining' }).waitFor();
    expect(await shownControls(student.page)).toEqual(['editor', 'metrics', 'player', 'policy']);
    expect(await student.page.locator('.lesson-text strong').textContent()).toBe('MWKR');
    expect(await student.page.locator('.lesson-text').textContent()).toContain('<script>');
    expect(await student.page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await student.page.locator('.lesson-questions li').allTextContents()).toEqual(['Why does MWKR help?']);
    // The starter is the teacher's source, in the student's editor.
    await student.page.locator('.monaco-editor .view-lines').first().waitFor();
    expect(await editorText(student.page)).toContain('Teacher MWKR');
    await student.context.close();
  });

  it('ranks two challenge submissions by the server’s re-runs, not by what a client claims', async () => {
    const base = inject('baseUrl');
    // A challenge made through the API, as "Make lesson" posts it: ft06 and teach-6x4, ranked by mean makespan.
    const spec = {
      engine: 'jobshop',
      title: 'Challenge: shortest makespan',
      instructions: 'Beat MWKR.',
      scenarios: ['ft06', 'teach-6x4'],
      starter: { builtin: 'mwkr' },
      challenge: { objective: 'makespan', seeds: [1], budgetSeconds: 10, memoryMb: 256 },
    };
    const created = await fetch(`${base}/api/lessons`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ spec }) });
    expect(created.status).toBe(201);
    const { id, teacherKey } = (await created.json()) as { id: string; teacherKey: string };
    const instance = (scenario: string) => CATALOGUE.find((e) => e.id === scenario)!.create();
    const mean = (policy: string) => (['ft06', 'teach-6x4'].map((s) => simulate(instance(s), findBuiltinPolicy(policy)!, { seed: 1 }).metrics.makespan).reduce((a, b) => a + b) / 2);
    const mwkr = mean('mwkr');
    const spt = mean('spt');
    expect(spt).toBeGreaterThan(mwkr);

    // Ada submits MWKR through the page; Bob posts SPT and claims a makespan of 1.
    const { page, context } = await openContext(browser);
    await page.goto(`${base}/lessons/${id}`);
    await page.getByTestId('challenge-name').fill('Ada');
    await page.getByTestId('challenge-submit').click();
    await page.getByText(/Submitted: rank \d/).waitFor({ timeout: 90_000 });
    const bob = await fetch(`${base}/api/lessons/${id}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: 'Bob', policy: { source: policySource('SPT', '  priority: (c) => c.duration,'), fileName: 'bob.ts' }, claimed: { makespan: 1 } }),
    });
    expect(bob.status).toBe(201);

    await page.reload();
    const rows = page.locator('[data-testid="leaderboard"] tbody tr');
    await rows.nth(1).waitFor();
    const table = await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
    expect(table.map((r) => [r[0], r[1], Number(r[2])])).toEqual([
      ['1', 'Ada', mwkr],
      ['2', 'Bob', spt],
    ]);

    // The teacher closes it; the page then refuses new submissions, and the CSV has both rows.
    const closed = await fetch(`${base}/api/lessons/${id}/close`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ teacherKey }) });
    expect(closed.status).toBe(200);
    await page.reload();
    await page.getByTestId('challenge-closed').waitFor();
    expect(await page.getByTestId('challenge-submit').count()).toBe(0);
    const csv = await (await fetch(`${base}/api/lessons/${id}/results.csv?key=${teacherKey}`)).text();
    expect(csv.trim().split(/\r?\n/)).toHaveLength(3);
    await context.close();
  });

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    it(`lays out the lesson pages at ${viewport.width}x${viewport.height} with no serious or critical axe-core violations`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      for (const id of ['jobshop-rules-vs-tabu', 'vm-fragmentation', 'llm-prefill-decode']) {
        await page.goto(`${inject('baseUrl')}/lessons/${id}`);
        await page.getByTestId('lesson-run').click();
        await page.getByTestId('step-player').waitFor();
        await waitForDecision(page, 0);
        await page.keyboard.press('ArrowRight');
        await waitForDecision(page, 1);
        expect(await fitsWidth(page), `${id} is wider than the window`).toBe(true);
        expect(await seriousAxeViolations(page), id).toEqual([]);
      }
      await page.goto(`${inject('baseUrl')}/lessons`);
      expect(await seriousAxeViolations(page), '/lessons').toEqual([]);
      await context.close();
    });
  }
});
