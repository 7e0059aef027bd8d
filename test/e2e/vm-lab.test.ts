import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { vmEngine } from '../../engine/vm';
import { randomCluster } from '../../engine/vm/generators/random';
import { compileVmPolicy } from '../../workers/policy-compile';
import { withSeededMathRandom } from '../../workers/seeded-math-random';
import { loadNodeMipSolver } from '../../workers/node/highs-node';
import { launchChromium, openContext } from './browser';
import { replacePolicySource } from './lab-helpers';

// The VM lab as a user gets it (production build, real Chromium, the real worker pool and sandbox). Expected
// numbers come from the engine in Node, run the way the CLI runs it.

const CLUSTER = { seed: 5, pms: 20, utilisation: 0.9 };
const cluster = randomCluster(CLUSTER);
const greedy = vmEngine.findPolicy('greedy')!;
const greedy50 = withSeededMathRandom(1, () => vmEngine.simulate(cluster, greedy, { seed: 1, migrationLimit: 50 }));

const MY_POLICY = [
  "import type { VmPolicy } from 'schedlab/vm';",
  '',
  '/** The first 2-core VM that can go somewhere with fewer fragments, one at a time. */',
  'const policy: VmPolicy = {',
  "  id: 'small-first', label: 'Small first', description: 'written by the end-to-end test',",
  '  nextMigration: (view) => {',
  '    for (let vm = 0; vm < view.vmCount; vm++) {',
  '      if (view.vmCpu(vm) > 4 || view.vmDouble(vm)) continue;',
  '      for (let pm = 0; pm < view.pmCount; pm++) {',
  '        for (let node = 0; node < view.pmNodeCount(pm); node++) if (view.fragmentChange(vm, pm, node) < 0) return { vm, pm, node };',
  '      }',
  '    }',
  '    return null;',
  '  },',
  '};',
  'export default policy;',
  '',
].join('\n');

async function generateCluster(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Random' }).click();
  await page.getByLabel('PMs', { exact: true }).fill(String(CLUSTER.pms));
  await page.getByLabel('Utilisation').fill(String(CLUSTER.utilisation));
  await page.getByLabel('Cluster seed').fill(String(CLUSTER.seed));
  await page.getByRole('button', { name: 'Generate cluster' }).click();
  await expect.poll(() => page.getByTestId('cluster-summary').textContent()).toContain(`seed ${CLUSTER.seed}`);
}

/** Ticks exactly these run checkboxes (by accessible name). */
async function tickOnly(page: Page, pattern: RegExp, wanted: string[]): Promise<void> {
  for (const box of await page.getByRole('checkbox', { name: pattern }).all()) {
    const name = (await box.getAttribute('aria-label')) ?? '';
    const want = wanted.some((w) => name.endsWith(w));
    if ((await box.isChecked()) !== want) await box.click();
  }
}

async function runAndWait(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Run \d/ }).click();
  await page.getByRole('button', { name: /^Run \d/ }).waitFor({ timeout: 60_000 });
}

const afterTitle = (page: Page) => page.locator('.occupancy-title[data-panel="1"]');

/** A catalogue preset, as the CLI's `--scenario <id>` builds it. */
async function pickPreset(page: Page, id: string): Promise<void> {
  await page.getByLabel('Preset cluster').selectOption(id);
  await expect.poll(() => page.getByTestId('cluster-summary').textContent()).toContain(id);
}

const firstRun = (page: Page) => page.getByRole('table', { name: 'Runs' }).locator('tbody tr').first();
const cell = (page: Page, metric: string) => firstRun(page).locator(`[data-metric="${metric}"]`).textContent();

describe('the VM lab (production build, real Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('generate a cluster, run greedy: FR before/after as in Node, the occupancy map painted, step through the migrations, sweep MNL', async () => {
    const { page, context, externalRequests } = await openContext(browser);
    await page.goto(`${inject('baseUrl')}/lab/vm`);
    await generateCluster(page);
    await page.getByRole('checkbox', { name: 'The editor’s policy' }).first().uncheck();
    await tickOnly(page, /^Built-in /, ['Greedy (VMR2L)']);
    await page.getByLabel('MNL', { exact: true }).fill('50');
    await runAndWait(page);

    const row = page.getByRole('table', { name: 'Runs' }).locator('tbody tr').first();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    expect(await row.locator('[data-metric="frBefore"]').textContent()).toBe(greedy50.metrics.frBefore.toFixed(4));
    expect(await row.locator('[data-metric="frAfter"]').textContent()).toBe(greedy50.metrics.frAfter.toFixed(4));
    expect(Number(await row.locator('[data-metric="migrations"]').textContent())).toBe(greedy50.migrations.length);
    expect(greedy50.migrations.length).toBeGreaterThan(1);

    // The map: both panels' FR to the bit, and bars of all three classes painted on the canvas.
    expect(Number(await page.locator('.occupancy-title[data-panel="0"]').getAttribute('data-fr'))).toBe(greedy50.metrics.frBefore);
    expect(Number(await afterTitle(page).getAttribute('data-fr'))).toBe(greedy50.metrics.frAfter);
    const colours = await page.locator('.occupancy-canvas').evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set<string>();
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] === 255) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
      return [...seen];
    });
    expect(colours).toEqual(expect.arrayContaining(['154,154,154', '213,94,0', '86,180,233'])); // used, fragment, usable

    // Hovering a PM names it and its VMs.
    const box = (await page.locator('.occupancy-canvas').boundingBox())!;
    await page.mouse.move(box.x + 12, box.y + 60);
    const tip = page.locator('.occupancy-tooltip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toMatch(/pm-\d+.*node 0: \d+ used · \d+ usable · \d+ fragment/);

    // Stepping back replays the migrations: the after panel shows FR after k migrations.
    const n = greedy50.migrations.length;
    await expect.poll(() => page.getByTestId('step-label').textContent()).toBe(`${n} / ${n}`);
    await page.getByRole('button', { name: 'Previous migration' }).click();
    await expect.poll(() => page.getByTestId('step-label').textContent()).toBe(`${n - 1} / ${n}`);
    expect(Number(await afterTitle(page).getAttribute('data-fr'))).toBe(greedy50.frCurve[n - 1]);
    await page.getByRole('button', { name: 'First step' }).click();
    expect(Number(await afterTitle(page).getAttribute('data-fr'))).toBe(greedy50.metrics.frBefore);
    await page.locator('.migration-list tr[data-step="1"]').click();
    expect(Number(await afterTitle(page).getAttribute('data-fr'))).toBe(greedy50.frCurve[1]);
    expect(await page.locator('.fr-step').getAttribute('data-step')).toBe('1');

    // A small MNL sweep of greedy: MNL 0, 1, 2 on the pool, drawn as FR against migrations.
    await tickOnly(page, /^Sweep /, ['Greedy (VMR2L)']);
    await page.getByLabel('Sweep maximum MNL').fill('2');
    await page.getByLabel('Sweep stride').fill('1');
    await page.getByRole('button', { name: 'Sweep 3 runs' }).click();
    await expect.poll(() => page.getByTestId('sweep-progress').textContent(), { timeout: 60_000 }).toContain('3 / 3');
    const titles = await page.locator('.mnl-sweep .sweep-point title').allTextContents();
    expect(titles).toEqual([0, 1, 2].map((k) => `Greedy (VMR2L): MNL ${k} → ${k} migration${k === 1 ? '' : 's'}, FR ${greedy50.frCurve[k].toFixed(4)}`));
    expect(externalRequests).toEqual([]);
    await context.close();
  });

  it('runs a policy written in the editor on the worker pool, and marks the line of one that throws', async () => {
    const { page, context } = await openContext(browser);
    await page.goto(`${inject('baseUrl')}/lab/vm`);
    await generateCluster(page);
    await tickOnly(page, /^Built-in /, []);
    await page.getByRole('checkbox', { name: 'The editor’s policy' }).first().check();
    await replacePolicySource(page, MY_POLICY);
    await page.keyboard.press('Control+Enter');
    const row = page.getByRole('table', { name: 'Runs' }).locator('tbody tr').first();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    expect(await row.locator('td').first().textContent()).toBe('Small first (editor)');
    const inNode = withSeededMathRandom(1, () => vmEngine.simulate(cluster, compileVmPolicy(MY_POLICY, 'my-vm-policy.ts'), { seed: 1, migrationLimit: 50 }));
    expect(await row.locator('[data-metric="frAfter"]').textContent()).toBe(inNode.metrics.frAfter.toFixed(4));

    await replacePolicySource(page, MY_POLICY.replace('    for (let vm = 0;', "    if (view.migrations === 0) throw new Error('nope');\n    for (let vm = 0;"));
    await page.keyboard.press('Control+Enter');
    const error = page.getByTestId('policy-error');
    await expect.poll(() => error.textContent({ timeout: 1_000 }).catch(() => ''), { timeout: 60_000 }).toContain('my-vm-policy.ts:7: Error: nope');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 10_000 });
    await context.close();
  });

  it('imports a VMR2L snapshot file, and shows the line and column of a broken one', async () => {
    const { page, context } = await openContext(browser);
    await page.goto(`${inject('baseUrl')}/lab/vm`);
    await page.getByRole('tab', { name: 'Import snapshot' }).click();
    const broken = '{\n  "cluster_list": [\n    { "cluster_name": "c1", "host_info": [ }\n  ]\n}\n';
    await page.getByLabel('Snapshot file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    const error = page.getByTestId('import-error');
    await error.waitFor();
    expect(await error.getAttribute('data-line')).toBe('3');
    expect(await error.textContent()).toMatch(/^broken\.json:3:\d+: /);

    const good = JSON.stringify(
      {
        cluster_list: [
          {
            cluster_name: 'tiny',
            host_info: [0, 1].map((h) => ({
              node_id: `host-${h}`,
              status: 'ACTIVE',
              rack_id: 'r1',
              numa: [0, 1].map((node) => ({ node, total_cpu: 44, memory_huge_total_mb: 184388 })),
            })),
            vm_instance: [
              { instance_id: 'vm-a', host_id: 'host-0', numa: [{ node: 0, cpu: 4, mem_mb: 8192 }] },
              { instance_id: 'vm-b', host_id: 'host-1', numa: [{ node: 1, cpu: 2, mem_mb: 4096 }] },
            ],
          },
        ],
        vm_type_list: [],
        general_requirement: {},
      },
      null,
      2,
    );
    await page.getByLabel('Snapshot file').setInputFiles({ name: 'tiny.json', mimeType: 'application/json', buffer: Buffer.from(good) });
    await expect.poll(() => page.getByTestId('cluster-summary').textContent()).toContain('tiny.json (2 PMs, 2 VMs)');
    expect(await page.getByTestId('import-error').count()).toBe(0);
    await context.close();
  });
  it('runs the exact MIP in the browser (HiGHS in the worker): teach-fragments at MNL 3 reaches FR 0.1579, proven optimal, as in Node', async () => {
    const scenario = vmEngine.findScenario('teach-fragments')!.build();
    const mipSolver = await loadNodeMipSolver();
    const inNode = withSeededMathRandom(1, () => vmEngine.simulate(scenario, vmEngine.findPolicy('mip')!, { seed: 1, migrationLimit: 3, mipSolver }));
    // The numbers `node bin/schedlab.js run vm --scenario teach-fragments --policy mip --mnl 3` prints.
    expect(inNode.metrics.frAfter.toFixed(4)).toBe('0.1579');
    expect(inNode.metrics.fragmentCoresAfter).toBe(6);

    const { page, context, externalRequests } = await openContext(browser);
    await page.goto(`${inject('baseUrl')}/lab/vm`);
    await pickPreset(page, 'teach-fragments');
    expect(await page.getByTestId('cluster-description').textContent()).toBe(scenario.description);
    await page.getByRole('checkbox', { name: 'The editor’s policy' }).first().uncheck();
    await tickOnly(page, /^Built-in /, ['Exact MIP (HiGHS)']);
    await page.getByLabel('MNL', { exact: true }).fill('3');
    await runAndWait(page);
    await expect.poll(() => firstRun(page).getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    expect(await cell(page, 'frBefore')).toBe('1.0000');
    expect(await cell(page, 'frAfter')).toBe('0.1579');
    expect(await cell(page, 'fragmentCoresAfter')).toBe('6');
    expect(Number(await cell(page, 'migrations'))).toBe(inNode.migrations.length);
    const notes = page.getByTestId('run-notes');
    expect(await notes.locator('[data-note="mipStatus"]').textContent()).toBe('MIP status: Optimal');
    expect(await notes.locator('[data-note="provenOptimal"]').textContent()).toBe('proven optimal');
    // The stepper replays the three moves to the same FR.
    expect(Number(await afterTitle(page).getAttribute('data-fr'))).toBe(inNode.metrics.frAfter);
    expect(externalRequests).toEqual([]);
    await context.close();
  });

  it('a drift preset: the plan is applied after the cluster changed, and the dropped migrations are listed with their reasons', async () => {
    const scenario = vmEngine.findScenario('vmr2l-s-drift')!.build();
    const ffd = vmEngine.findPolicy('ffd')!;
    const inNode = withSeededMathRandom(1, () => vmEngine.simulate(scenario, ffd, { seed: 1, migrationLimit: 50, drift: { decisionSeconds: 300 } }));
    expect(inNode.drift!.dropped.length).toBeGreaterThan(0);
    expect(inNode.migrations.length).toBeGreaterThan(0);

    const { page, context } = await openContext(browser);
    await page.goto(`${inject('baseUrl')}/lab/vm`);
    await pickPreset(page, 'vmr2l-s-drift');
    await page.getByRole('checkbox', { name: 'The editor’s policy' }).first().uncheck();
    await tickOnly(page, /^Built-in /, ['First-fit decreasing']);
    await page.getByLabel('MNL', { exact: true }).fill('50');
    await page.getByLabel('State drift').check();
    await page.getByLabel('Decision seconds').fill('300');
    await runAndWait(page);
    await expect.poll(() => firstRun(page).getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    expect(await cell(page, 'dropped')).toBe(String(inNode.metrics.dropped));
    expect(await cell(page, 'frPlanned')).toBe(inNode.metrics.frPlanned.toFixed(4));
    expect(await cell(page, 'frAfter')).toBe(inNode.metrics.frAfter.toFixed(4));
    expect(await cell(page, 'decisionSeconds')).toBe('300.000 s');
    const dropped = page.getByTestId('dropped-migration');
    expect(await dropped.count()).toBe(inNode.drift!.dropped.length);
    expect(await dropped.locator('td.reason').allTextContents()).toEqual(inNode.drift!.dropped.map((d) => d.reason));
    // Step 0 is the cluster after the drift's events; the last step is the end of the run.
    expect(Number(await afterTitle(page).getAttribute('data-fr'))).toBe(inNode.metrics.frAfter);
    await page.getByRole('button', { name: 'First step' }).click();
    expect(Number(await afterTitle(page).getAttribute('data-fr'))).toBe(inNode.metrics.frAtApply);
    expect(await afterTitle(page).textContent()).toContain(`After ${inNode.drift!.eventsApplied} drift events`);
    await context.close();
  });

  it('a placement preset with a Kubernetes scorer: only placement policies are offered, placed and unplaced as in Node', async () => {
    const scenario = vmEngine.findScenario('placement-priorities')!.build();
    const most = vmEngine.findPolicy('k8s-most-allocated')!;
    const inNode = withSeededMathRandom(1, () => vmEngine.simulate(scenario, most, { seed: 1 }));

    const { page, context } = await openContext(browser);
    await page.goto(`${inject('baseUrl')}/lab/vm`);
    await pickPreset(page, 'placement-priorities');
    expect(await page.getByTestId('run-mode').textContent()).toBe('placement mode');
    const offered = (await page.getByRole('checkbox', { name: /^Built-in / }).all()).map((box) => box.getAttribute('aria-label'));
    expect(await Promise.all(offered)).toEqual(['Built-in Kubernetes LeastAllocated', 'Built-in Kubernetes MostAllocated', 'Built-in Kubernetes BalancedAllocation']);
    await page.getByRole('checkbox', { name: 'The editor’s policy' }).first().uncheck();
    await tickOnly(page, /^Built-in /, ['Kubernetes MostAllocated']);
    await page.getByLabel('MNL', { exact: true }).fill('');
    await runAndWait(page);
    await expect.poll(() => firstRun(page).getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    expect(await cell(page, 'placed')).toBe(String(inNode.metrics.placed));
    expect(await cell(page, 'unplaced')).toBe(String(inNode.metrics.unplaced));
    expect(await cell(page, 'placedTopPriority')).toBe(String(inNode.metrics.placedTopPriority));
    // Placements are the steps: the stepper ends at the last one, and the map there is the run's final cluster.
    const steps = inNode.placements.length + inNode.migrations.length;
    await expect.poll(() => page.getByTestId('step-label').textContent()).toBe(`${steps} / ${steps}`);
    expect(Number(await afterTitle(page).getAttribute('data-fr'))).toBe(inNode.metrics.frAfter);
    await context.close();
  });
});
