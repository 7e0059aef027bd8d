import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../browser/harness';
import { jobColor } from '../../components/charts/gantt-palette';
import { barCenter, startGanttBrowser, type GanttBrowser } from './gantt-browser';
import type { GanttPageApi } from './fixtures/gantt-page';

type Win = Window & { gantt: GanttPageApi };

/** Data of the page's case, read back from the page so expectations come from what was drawn. */
async function pageData(page: Page) {
  return page.evaluate(() => {
    const g = (window as unknown as Win).gantt;
    return { bars: g.caseData.timeline.bars, horizon: g.caseData.timeline.horizon, path: g.caseData.criticalPath, schedule: g.caseData.result.schedule };
  });
}

// Chromium is installed by .ci/run; without it these tests cannot run at all, so they fail loudly.
describe('Gantt chart in Chromium', () => {
  let chrome: GanttBrowser;
  beforeAll(async () => {
    expect(chromiumAvailable(), 'Debian chromium at /usr/bin/chromium (apt-get install -y chromium)').toBe(true);
    chrome = await startGanttBrowser();
  });
  afterAll(async () => chrome?.close());

  it('draws the ft06 schedule from the engine: 36 bars, 6 lanes, an axis to the makespan', async () => {
    const page = await chrome.open('ft06');
    const { bars, horizon } = await pageData(page);
    expect(bars).toHaveLength(36);
    const drawn = await page.evaluate(() => (window as unknown as Win).gantt.renders[0]);
    expect(drawn.barsDrawn).toBe(36);
    expect(drawn.domain).toEqual([0, horizon]);
    expect(await page.locator('.gantt-lane-label').allTextContents()).toEqual(['M0', 'M1', 'M2', 'M3', 'M4', 'M5']);
    expect(await page.locator('.gantt-x-axis').getAttribute('data-domain')).toBe(`0,${horizon}`);
    await page.close();
  });

  it('shows job, operation, machine, start and end of the bar under the pointer', async () => {
    const page = await chrome.open('ft06');
    const { schedule } = await pageData(page);
    for (const i of [0, 7, 20, 35]) {
      const op = schedule[i];
      const { x, y } = await barCenter(page, i);
      await page.mouse.move(x, y);
      const tip = page.locator('.gantt-tooltip');
      await expect.poll(() => tip.isVisible()).toBe(true);
      const text = await tip.innerText();
      expect(text).toContain(`J${op.job} op ${op.op}`);
      expect(text).toContain(`on M${op.machine}`);
      expect(text).toContain(`start ${op.start} · end ${op.end}`);
    }
    await page.mouse.move(2, 2);
    await expect.poll(() => page.locator('.gantt-tooltip').isVisible()).toBe(false);
    await page.close();
  });

  it('highlights the clicked job: its operations outlined, callback called, a second click clears', async () => {
    const page = await chrome.open('ft06');
    const { schedule } = await pageData(page);
    const { x, y } = await barCenter(page, 10);
    const job = schedule[10].job;
    await page.mouse.click(x, y);
    expect(await page.locator('.gantt-chart').getAttribute('data-highlighted-job')).toBe(String(job));
    expect(await page.locator('.gantt-job-outlines rect').count()).toBe(6);
    const outlined = await page.locator('.gantt-job-outlines rect').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-bar'))));
    expect(outlined.every((b) => schedule[b].job === job)).toBe(true);
    await page.mouse.click(x, y);
    expect(await page.locator('.gantt-job-outlines rect').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as Win).gantt.selections)).toEqual([job, null]);
    await page.close();
  });

  it('marks a machine when its lane label is clicked, and unmarks it on a second click', async () => {
    const page = await chrome.open('ft06');
    const band = page.locator('.gantt-lane-band');
    expect(await band.getAttribute('display')).toBe('none');
    await page.locator('.gantt-lane-label', { hasText: 'M2' }).click();
    expect(await band.getAttribute('display')).toBeNull();
    const laneHeight = (await page.locator('.gantt-hit').boundingBox())!.height / 6;
    expect(Number(await band.getAttribute('y'))).toBeCloseTo(2 * laneHeight + 0.5, 3);
    await page.locator('.gantt-lane-label', { hasText: 'M2' }).click();
    expect(await band.getAttribute('display')).toBe('none');
    await page.close();
  });

  it('outlines exactly the critical path when asked, and nothing when not', async () => {
    const page = await chrome.open('ft06');
    const { path } = await pageData(page);
    expect(path.length).toBeGreaterThan(0);
    expect(await page.locator('.gantt-critical rect').count()).toBe(0);
    await page.evaluate(() => (window as unknown as Win).gantt.setOptions({ showCriticalPath: true }));
    const outlined = await page.locator('.gantt-critical rect').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-bar'))));
    expect(outlined).toEqual(path);
    await page.evaluate(() => (window as unknown as Win).gantt.setOptions({ showCriticalPath: false }));
    expect(await page.locator('.gantt-critical rect').count()).toBe(0);
    await page.close();
  });

  it('zooms the time axis with the wheel, pans with a drag, and resets', async () => {
    const page = await chrome.open('ft06');
    const { horizon } = await pageData(page);
    const box = (await page.locator('.gantt-hit').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    const axis = page.locator('.gantt-x-axis');
    await expect.poll(() => axis.getAttribute('data-domain')).not.toBe(`0,${horizon}`);
    const [z0, z1] = (await axis.getAttribute('data-domain'))!.split(',').map(Number);
    expect(z1 - z0).toBeLessThan(horizon);
    expect(z0).toBeGreaterThan(0);
    // Drag to the left: later times come into view.
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 200, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Number((await axis.getAttribute('data-domain'))!.split(',')[0])).toBeGreaterThan(z0);
    const [p0, p1] = (await axis.getAttribute('data-domain'))!.split(',').map(Number);
    expect(p1 - p0).toBeCloseTo(z1 - z0, 6);
    await page.evaluate(() => (window as unknown as Win).gantt.handle.resetZoom());
    await expect.poll(() => axis.getAttribute('data-domain')).toBe(`0,${horizon}`);
    await page.close();
  });

  it('paints each bar in its job colour on the canvas', async () => {
    const page = await chrome.open('ft06');
    const { bars } = await pageData(page);
    for (const i of [0, 13, 29]) {
      const pixel = await page.evaluate((i) => {
        const g = (window as unknown as Win).gantt;
        const canvas = document.querySelector<HTMLCanvasElement>('.gantt-canvas')!;
        const box = canvas.getBoundingClientRect();
        const bar = g.caseData.timeline.bars[i];
        const [d0, d1] = g.handle.xDomain();
        const scale = canvas.width / box.width;
        const x = (((bar.start + bar.end) / 2 - d0) / (d1 - d0)) * box.width * scale;
        const y = ((bar.lane + 0.5) * box.height * scale) / g.caseData.timeline.lanes.length;
        return Array.from(canvas.getContext('2d')!.getImageData(Math.floor(x), Math.floor(y), 1, 1).data);
      }, i);
      const hex = jobColor(bars[i].group).slice(1);
      const expected = [0, 2, 4].map((k) => parseInt(hex.slice(k, k + 2), 16));
      expect(pixel).toEqual([...expected, 255]);
    }
    await page.close();
  });

  it('exports a standalone SVG with one rect per bar at the right x and width', async () => {
    const page = await chrome.open('ft06-breakdowns');
    const { bars, horizon } = await pageData(page);
    expect(bars.some((b) => b.kind === 'down')).toBe(true);
    const rects = await page.evaluate(() => {
      const svg = (window as unknown as Win).gantt.handle.exportSvg();
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      const group = doc.querySelector('g.gantt-bars')!;
      return {
        parseError: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.getAttribute('xmlns'),
        plotWidth: Number(group.getAttribute('data-plot-width')),
        rects: Array.from(group.querySelectorAll('rect')).map((r) => ({
          bar: Number(r.getAttribute('data-bar')), x: Number(r.getAttribute('x')), width: Number(r.getAttribute('width')), fill: r.getAttribute('fill'),
        })),
      };
    });
    expect(rects.parseError).toBeNull();
    expect(rects.root).toBe('http://www.w3.org/2000/svg');
    expect(rects.rects).toHaveLength(bars.length);
    for (const r of rects.rects) {
      const bar = bars[r.bar];
      expect(r.x).toBeCloseTo((bar.start / horizon) * rects.plotWidth, 1);
      expect(r.width).toBeCloseTo(((bar.end - bar.start) / horizon) * rects.plotWidth, 1);
      expect(r.fill).toBe(bar.kind === 'down' ? 'url(#gantt-hatch)' : jobColor(bar.group));
    }
    await page.close();
  });

  it('exports a PNG at twice the chart size', async () => {
    const page = await chrome.open('ft06');
    const png = await page.evaluate(async () => {
      const blob = await (window as unknown as Win).gantt.handle.exportPng();
      const bytes = new Uint8Array(await blob.arrayBuffer());
      const bitmap = await createImageBitmap(blob);
      const chart = document.querySelector('.gantt-overlay')!.getBoundingClientRect();
      return { type: blob.type, size: blob.size, signature: Array.from(bytes.slice(0, 8)), width: bitmap.width, chartWidth: chart.width };
    });
    expect(png.type).toBe('image/png');
    expect(png.size).toBeGreaterThan(1000);
    expect(png.signature).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(png.width).toBe(Math.round(png.chartWidth * 2));
    await page.close();
  });

  it('follows the container width', async () => {
    const page = await chrome.open('ft06');
    const before = (await page.locator('.gantt-canvas').boundingBox())!.width;
    await page.evaluate(() => (document.getElementById('root')!.style.width = '700px'));
    await expect.poll(async () => (await page.locator('.gantt-canvas').boundingBox())!.width).toBeLessThan(before - 400);
    expect(await page.locator('.gantt-x-axis').getAttribute('data-domain')).not.toBeNull();
    await page.close();
  });

  it('draws 10,000 bars, only the visible ones once zoomed, and finds the hovered one', async () => {
    const page = await chrome.open('big');
    const first = await page.evaluate(() => (window as unknown as Win).gantt.renders[0]);
    expect(first.barsDrawn).toBe(10_000);
    await page.evaluate(() => (window as unknown as Win).gantt.handle.zoomBy(20));
    await expect.poll(() => page.evaluate(() => (window as unknown as Win).gantt.renders.length)).toBeGreaterThan(1);
    const zoomed = await page.evaluate(() => (window as unknown as Win).gantt.renders.at(-1)!);
    expect(zoomed.barsDrawn).toBeGreaterThan(0);
    expect(zoomed.barsDrawn).toBeLessThan(2_000);
    // A bar in the middle of the view, chosen from the data: the tooltip must name it.
    const { schedule } = await pageData(page);
    const [d0, d1] = zoomed.domain;
    const i = schedule.findIndex((s) => s.start > d0 + (d1 - d0) * 0.4 && s.end < d0 + (d1 - d0) * 0.6 && s.end - s.start > 20);
    const { x, y } = await barCenter(page, i);
    await page.mouse.move(x, y);
    const text = await page.locator('.gantt-tooltip').innerText();
    expect(text).toContain(`J${schedule[i].job} op ${schedule[i].op}`);
    expect(text).toContain(`start ${schedule[i].start} · end ${schedule[i].end}`);
    await page.close();
  });
});
