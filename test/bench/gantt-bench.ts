/**
 * Gantt chart speed in headless Chromium (a benchmark, not a test: run `node bin/run-ts.js test/bench/gantt-bench.ts`).
 *
 * - Panning a 10,000-bar chart (a generated 500 x 20 job shop under MWKR): ~120 animation frames, each panning the
 *   view; reports the interval between requestAnimationFrame timestamps (what the user sees) and the chart's own
 *   redraw time (canvas + axis + overlays, timed with performance.now around the redraw), median and p95.
 *   At several zoom levels, since the number of visible bars is what the redraw cost follows.
 * - A full redraw with all 10,000 bars visible (the zoomed-out view, e.g. after a highlight).
 * - Time to first draw of ta71 (2,000 bars) in a freshly loaded page (cold code, as on the first run in the lab):
 *   the synchronous renderGantt call, and until the next animation frame (the chart on screen); also the in-page
 *   MWKR simulation + critical path, so the main-thread part of "Run to Gantt" can be read off (the worker round
 *   trip is not included). Several fresh pages; medians.
 *
 * Chromium runs with --disable-gpu, so the canvas is rasterised in software: a desktop with a GPU does better.
 */
import type { Page } from 'playwright-core';
import { startGanttBrowser } from '../charts/gantt-browser';
import type { GanttPageApi } from '../charts/fixtures/gantt-page';

type Win = Window & { gantt: GanttPageApi };

const PAN_FRAMES = 120;
const FIRST_DRAW_RUNS = 7;

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))];
}
const ms = (v: number) => `${v.toFixed(2)} ms`;

/** Pans at `zoom` for PAN_FRAMES frames, bouncing between the ends; rAF intervals and redraw times. */
async function panFrames(page: Page, zoom: number, stepPx: number) {
  return page.evaluate(
    ({ zoom, stepPx, frames }) => {
      const g = (window as unknown as Win).gantt;
      g.handle.resetZoom();
      g.handle.zoomBy(zoom);
      const horizon = g.caseData.timeline.horizon;
      return new Promise<{ intervals: number[]; draws: number[]; bars: number[] }>((resolve) => {
        const intervals: number[] = [];
        const from = g.renders.length;
        let last = -1;
        let direction = 1;
        let n = 0;
        const tick = (now: number) => {
          if (last >= 0) intervals.push(now - last);
          last = now;
          if (n++ >= frames) {
            const rendered = g.renders.slice(from + 1);
            resolve({ intervals, draws: rendered.map((r) => r.durationMs), bars: rendered.map((r) => r.barsDrawn) });
            return;
          }
          const [d0, d1] = g.handle.xDomain();
          if (d1 >= horizon - 1e-6) direction = -1;
          else if (d0 <= 1e-6) direction = 1;
          g.handle.panBy(direction * stepPx);
          requestAnimationFrame(tick);
        };
        // Let the zoom's own frame pass first so it is not counted as a pan frame.
        requestAnimationFrame(() => requestAnimationFrame(tick));
      });
    },
    { zoom, stepPx, frames: PAN_FRAMES },
  );
}

/** Redraws with every bar visible, by toggling a highlight (each toggle redraws at once). */
async function fullRedraws(page: Page, count: number): Promise<number[]> {
  return page.evaluate((count) => {
    const g = (window as unknown as Win).gantt;
    g.handle.resetZoom();
    const from = g.renders.length;
    for (let i = 0; i < count; i++) g.handle.highlightJob(i % 2 === 0 ? 3 : null);
    g.handle.highlightJob(null);
    return g.renders.slice(from).filter((r) => r.barsDrawn === g.caseData.timeline.bars.length).map((r) => r.durationMs);
  }, count);
}

/** Draws a deferred page's chart once it has loaded, as the lab does when a result arrives. */
async function firstDraw(page: Page) {
  return page.evaluate(async () => {
    const g = (window as unknown as Win).gantt;
    // Let the page finish loading and painting first, so only the chart is timed.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    const { renderMs, toFrameMs } = await g.drawNow();
    return { sync: renderMs, toFrame: toFrameMs, build: g.buildMs, bars: g.renders[0].barsDrawn };
  });
}

/** tsx compiles this file with esbuild's keepNames, which wraps the named inner functions of page.evaluate
 * callbacks in a `__name` helper that exists only in Node; give the page a no-op one. */
async function openPage(name: string): Promise<Page> {
  const page = await chrome.open(name, { width: 1280, height: 900 });
  await page.evaluate('window.__name = (f) => f');
  return page;
}

const chrome = await startGanttBrowser();
try {
  const version = chrome.browser.version();
  console.log(`Gantt chart benchmark, headless Chromium ${version} (software canvas), viewport 1280 x 900`);

  const page = await openPage('big');
  const bars = await page.evaluate(() => (window as unknown as Win).gantt.caseData.timeline.bars.length);
  console.log(`\nPanning a ${bars.toLocaleString('en')}-bar chart, ${PAN_FRAMES} frames each:`);
  console.log('  zoom   visible bars   rAF interval median / p95    redraw median / p95');
  for (const zoom of [1.25, 2, 8, 40]) {
    const r = await panFrames(page, zoom, 12);
    console.log(
      `  ${`${zoom}x`.padEnd(6)} ${String(Math.round(quantile(r.bars, 0.5))).padStart(12)}   ` +
        `${ms(quantile(r.intervals, 0.5)).padStart(10)} / ${ms(quantile(r.intervals, 0.95)).padEnd(12)}   ` +
        `${ms(quantile(r.draws, 0.5)).padStart(9)} / ${ms(quantile(r.draws, 0.95))}`,
    );
  }
  const full = await fullRedraws(page, 60);
  console.log(`  full redraw, all ${bars.toLocaleString('en')} bars visible: median ${ms(quantile(full, 0.5))}, p95 ${ms(quantile(full, 0.95))}`);
  await page.close();

  const runs = [];
  for (let i = 0; i < FIRST_DRAW_RUNS; i++) {
    const p = await openPage('ta71:deferred');
    runs.push(await firstDraw(p));
    await p.close();
  }
  console.log(`\nFirst draw of ta71 (${runs[0].bars.toLocaleString('en')} bars), median of ${FIRST_DRAW_RUNS} fresh pages:`);
  console.log(`  renderGantt (index, layout, first paint):  ${ms(quantile(runs.map((r) => r.sync), 0.5))}`);
  console.log(`  until the next animation frame:            ${ms(quantile(runs.map((r) => r.toFrame), 0.5))}`);
  console.log(`  MWKR simulation + critical path in page:   ${ms(quantile(runs.map((r) => r.build), 0.5))}`);
  console.log(`  => main-thread Run-to-Gantt (no worker):   ${ms(quantile(runs.map((r) => r.build + r.toFrame), 0.5))}`);
} finally {
  await chrome.close();
}
