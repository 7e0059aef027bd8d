// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { renderRequestTimeline } from '../../components/charts/request-timeline';
import { paintRequestTimeline, RASTER_THRESHOLD, SEGMENT_COLORS, type PaintContext } from '../../components/charts/request-timeline-canvas';
import { barAt, indexBars, replicaRows, requestRows, visibleRows } from '../../components/charts/request-timeline-layout';
import { requestTooltipLines } from '../../components/charts/request-timeline-tooltip';
import { llmEngine } from '../../engine/llm';

// jsdom has no canvas: the layout and painting are checked with a recording context, the renderer for its DOM
// (axes, legend, data attributes). Painted pixels are checked in real Chromium (test/e2e/llm-lab).

const scenario = llmEngine.findPreset('steady')!.create({ seed: 1, cluster: { replicas: 2 } });
const result = llmEngine.simulate(scenario, llmEngine.findPolicy('vllm')!, { seed: 1 });

/** A stand-in 2D context that records every fillRect with the fillStyle it was drawn in. */
function recorder() {
  const rects: { style: string; x: number; y: number; w: number; h: number }[] = [];
  let styleChanges = 0;
  let images = 0;
  const ctx = {
    createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
    putImageData: () => void images++,
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    setTransform() {},
    clearRect() {},
    strokeRect() {},
    fillRect(x: number, y: number, w: number, h: number) {
      rects.push({ style: String(ctx.fillStyle), x, y, w, h });
    },
  };
  const proxy = new Proxy(ctx, {
    set(target, key, value) {
      if (key === 'fillStyle' && value !== target.fillStyle) styleChanges++;
      (target as Record<string | symbol, unknown>)[key] = value;
      return true;
    },
  });
  return { ctx: proxy as unknown as PaintContext, rects, styleChanges: () => styleChanges, images: () => images };
}

afterEach(() => document.body.replaceChildren());

describe('request timeline layout', () => {
  const index = indexBars(result.timeline);

  it('indexes every bar with its request, kind and replica (read from the engine label)', () => {
    expect(index.count).toBe(result.timeline.bars.length);
    expect(index.requestCount).toBe(scenario.requests.length);
    expect(index.replicaCount).toBe(2);
    result.timeline.bars.forEach((bar, i) => {
      expect(bar.label).toBe(`request ${bar.lane} ${['queued', 'prefill', 'decode', 'preempted', 'transfer'][bar.group]} on replica ${index.replica[i]}`);
    });
    // Round-robin dispatch: request r on replica r mod 2.
    for (let i = 0; i < index.count; i++) expect(index.replica[i]).toBe(index.request[i] % 2);
  });

  it('packs requests per replica into lanes where no two overlap, one band per replica', () => {
    const layout = replicaRows(index);
    expect(layout.bands.map((b) => b.label)).toEqual(['replica 0', 'replica 1']);
    expect(layout.rowStart[layout.rowCount]).toBe(index.count);
    for (let row = 0; row < layout.rowCount; row++) {
      const spans = new Map<number, [number, number]>();
      for (let j = layout.rowStart[row]; j < layout.rowStart[row + 1]; j++) {
        const i = layout.order[j];
        const s = spans.get(index.request[i]) ?? [Infinity, -Infinity];
        spans.set(index.request[i], [Math.min(s[0], index.start[i]), Math.max(s[1], index.end[i])]);
      }
      const sorted = [...spans.values()].sort((a, b) => a[0] - b[0]);
      for (let k = 1; k < sorted.length; k++) expect(sorted[k][0]).toBeGreaterThanOrEqual(sorted[k - 1][1]);
    }
    expect(layout.rowCount).toBeLessThan(index.requestCount);
  });

  it('shows only the requests alive in a time window, and finds the bar under a point', () => {
    const layout = requestRows(index);
    expect(visibleRows(layout, index, 0, index.horizon)).toEqual([0, index.requestCount - 1]);
    const [first, last] = visibleRows(layout, index, 30, 31);
    for (let r = 0; r < index.requestCount; r++) {
      const record = result.requests[r];
      const alive = record.arrival <= 31 && record.finishedAt >= 30;
      if (alive) expect(r >= first && r <= last, `request ${r}`).toBe(true);
    }
    expect(last - first + 1).toBeLessThan(index.requestCount / 4);
    const r = 10;
    const bar = barAt(layout, index, r, (result.requests[r].firstTokenAt + result.requests[r].finishedAt) / 2);
    expect(index.request[bar]).toBe(r);
    expect(requestTooltipLines(index, bar, result.requests)[0]).toBe('request 10');
    expect(requestTooltipLines(index, bar, result.requests)[1]).toMatch(/^decode .* on replica 0$/);
  });

  it('paints the visible bars one colour at a time, and nothing outside the window', () => {
    const layout = requestRows(index);
    const all = recorder();
    const drawn = paintRequestTimeline(all.ctx, index, layout, { width: 800, height: 300, t0: 0, t1: index.horizon, firstRow: 0, lastRow: index.requestCount - 1, hoveredBar: -1, hoveredRow: -1 }, 1);
    expect(drawn).toBe(index.count);
    expect(all.styleChanges()).toBeLessThanOrEqual(5);
    expect(new Set(all.rects.map((r) => r.style))).toEqual(new Set([SEGMENT_COLORS.queued, SEGMENT_COLORS.prefill, SEGMENT_COLORS.decode].map((c) => c)));
    const [first, last] = visibleRows(layout, index, 30, 31);
    const some = recorder();
    const few = paintRequestTimeline(some.ctx, index, layout, { width: 800, height: 300, t0: 30, t1: 31, firstRow: first, lastRow: last, hoveredBar: -1, hoveredRow: -1 }, 1);
    expect(few).toBeGreaterThan(0);
    expect(few).toBeLessThan(index.count / 4);
    for (const rect of some.rects) expect(rect.x).toBeGreaterThanOrEqual(0);
  });
});

describe('request timeline raster path', () => {
  it('paints a view of thousands of bars as one image, in the segment colours, with every bar counted', () => {
    const busy = llmEngine.findPreset('steady')!.create({ seed: 1, rate: 40 });
    const run = llmEngine.simulate(busy, llmEngine.findPolicy('vllm')!, { seed: 1 });
    const index = indexBars(run.timeline);
    expect(index.count).toBeGreaterThan(RASTER_THRESHOLD);
    const layout = requestRows(index);
    const rec = recorder();
    let image: { data: Uint8ClampedArray } | undefined;
    const create = rec.ctx.createImageData;
    (rec.ctx as { createImageData: unknown }).createImageData = (w: number, h: number) => (image = (create as (w: number, h: number) => { data: Uint8ClampedArray })(w, h));
    const drawn = paintRequestTimeline(rec.ctx, index, layout, { width: 600, height: 200, t0: 0, t1: index.horizon, firstRow: 0, lastRow: index.requestCount - 1, hoveredBar: -1, hoveredRow: -1 }, 1);
    expect(drawn).toBe(index.count);
    expect(rec.images()).toBe(1);
    expect(rec.rects).toEqual([]);
    const colours = new Set<string>();
    for (let p = 0; p < image!.data.length; p += 4) if (image!.data[p + 3] === 255) colours.add(`${image!.data[p]},${image!.data[p + 1]},${image!.data[p + 2]}`);
    expect([...colours]).toEqual(expect.arrayContaining(['230,159,0', '0,114,178']));
  });
});

describe('request timeline renderer', () => {
  it('draws the axes and legend, switches lane modes, and zooms into a window', () => {
    const container = document.body.appendChild(document.createElement('div'));
    const data = { timeline: result.timeline, requests: result.requests };
    const handle = renderRequestTimeline(container, data, { mode: 'request' });
    const root = container.querySelector<HTMLElement>('.request-timeline')!;
    expect(root.dataset.rows).toBe(String(scenario.requests.length));
    expect(container.querySelector('.request-timeline-legend')!.textContent).toMatch(/queued.*prefill.*decode.*preempted.*transfer/);
    expect(container.querySelectorAll('.x-axis .tick').length).toBeGreaterThan(1);
    handle.update(data, { mode: 'replica' });
    expect(root.dataset.mode).toBe('replica');
    expect([...container.querySelectorAll('.y-axis text')].map((t) => t.textContent)).toEqual(['replica 0', 'replica 1']);
    handle.update(data, { mode: 'request' });
    handle.zoomTo(30, 31);
    expect(Number(root.dataset.t0)).toBeCloseTo(30, 6);
    expect(Number(root.dataset.lastRow) - Number(root.dataset.firstRow)).toBeLessThan(scenario.requests.length / 4);
    handle.destroy();
    expect(container.children.length).toBe(0);
  });
});
