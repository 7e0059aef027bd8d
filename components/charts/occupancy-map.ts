import { format, pointer } from 'd3';
import { computeOccupancyLayout, hitTest, panelOrigin, type OccupancyLayout } from './occupancy-layout';
import { paintOccupancy } from './occupancy-canvas';
import { OCCUPANCY_COLORS, OCCUPANCY_LEGEND, splitNode } from './occupancy-palette';
import { createOccupancyTooltip, hideOccupancyTooltip, showOccupancyTooltip, tooltipLines } from './occupancy-tooltip';
import type { OccupancyData, OccupancyHandle, OccupancyOptions, OccupancySummary } from './occupancy-types';

export type { OccupancyData, OccupancyHandle, OccupancyOptions, OccupancyPanel, OccupancySummary } from './occupancy-types';

/**
 * The occupancy map of a VM cluster: every PM a column split by NUMA node, each node's cores in three classes
 * (used, usable, fragment), one panel per placement (before / after step k) side by side. Bars are painted on
 * one canvas (occupancy-canvas.ts); titles, the legend and the tooltip are HTML over it. Hit-testing is the
 * inverse of the layout arithmetic, so hovering stays instant at L scale.
 *
 * No React here: occupancy-view.tsx is the thin wrapper.
 */

const LEGEND_HEIGHT = 22;
const fmtCores = format(',');

/** Node offsets of every PM: PM p's nodes are nodeStart[p] .. nodeStart[p + 1] - 1. */
function nodeStarts(data: OccupancyData): Int32Array {
  const starts = new Int32Array(data.cluster.pms.length + 1);
  data.cluster.pms.forEach((pm, p) => (starts[p + 1] = starts[p] + pm.nodes.length));
  return starts;
}

/** FR and core totals of one panel, over active PMs (as the engine counts them). */
export function summarise(data: OccupancyData, used: ArrayLike<number>, nodeStart: Int32Array): OccupancySummary {
  let fragmentCores = 0;
  let freeCores = 0;
  let usedCores = 0;
  data.cluster.pms.forEach((pm, p) => {
    if (pm.status !== 'active') return;
    pm.nodes.forEach((node, n) => {
      const split = splitNode(node.cpu, used[nodeStart[p] + n], data.fragmentSize);
      fragmentCores += split.fragment;
      freeCores += split.fragment + split.usable;
      usedCores += split.used;
    });
  });
  return { fragmentRate: freeCores === 0 ? 0 : fragmentCores / freeCores, fragmentCores, freeCores, usedCores };
}

function legend(parent: HTMLElement, fragmentSize: number): HTMLElement {
  const list = document.createElement('ul');
  list.className = 'occupancy-legend';
  list.setAttribute('aria-label', 'Legend');
  Object.assign(list.style, { listStyle: 'none', display: 'flex', gap: '14px', margin: '0', padding: '0', height: `${LEGEND_HEIGHT}px`, fontSize: '12px', alignItems: 'center', flexWrap: 'wrap' });
  const entries = [...OCCUPANCY_LEGEND.map((e) => ({ color: OCCUPANCY_COLORS[e.key], label: e.label.replace(' F', ` F = ${fragmentSize}`) })), { color: OCCUPANCY_COLORS.inactive, label: 'inactive PM' }];
  for (const entry of entries) {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    Object.assign(swatch.style, { display: 'inline-block', width: '10px', height: '10px', background: entry.color, marginRight: '5px', border: '1px solid rgba(0,0,0,0.25)', verticalAlign: '-1px' });
    item.append(swatch, entry.label);
    list.appendChild(item);
  }
  parent.appendChild(list);
  return list;
}

export function renderOccupancyMap(container: HTMLElement, data: OccupancyData, options: OccupancyOptions = {}): OccupancyHandle {
  const root = document.createElement('div');
  root.className = 'occupancy-map';
  root.style.position = 'relative';
  container.appendChild(root);
  let legendList = legend(root, data.fragmentSize);
  const stage = document.createElement('div');
  stage.style.position = 'relative';
  root.appendChild(stage);
  const canvas = document.createElement('canvas');
  canvas.className = 'occupancy-canvas';
  canvas.setAttribute('role', 'img');
  stage.appendChild(canvas);
  const titles = document.createElement('div');
  stage.appendChild(titles);
  const tooltip = createOccupancyTooltip(stage);
  // jsdom has no 2D context: the map then keeps its titles, summaries and tooltip and paints nothing.
  const ctx = canvas.getContext('2d');

  let current = data;
  let opts = options;
  let nodeStart = nodeStarts(data);
  let summaries: OccupancySummary[] = [];
  let layout: OccupancyLayout = measure();
  let hovered: number | null = null;
  let frame = 0;

  function measure(): OccupancyLayout {
    const maxNodes = Math.max(1, ...current.cluster.pms.map((pm) => pm.nodes.length));
    const maxNodeCpu = Math.max(1, ...current.cluster.pms.flatMap((pm) => pm.nodes.map((n) => n.cpu)));
    return computeOccupancyLayout({ width: container.clientWidth || 800, pmCount: current.cluster.pms.length, maxNodes, maxNodeCpu, panels: current.panels.length });
  }

  function drawTitles(): void {
    titles.replaceChildren();
    summaries = current.panels.map((panel) => summarise(current, panel.used, nodeStart));
    current.panels.forEach((panel, i) => {
      const origin = panelOrigin(layout, i);
      const s = summaries[i];
      const title = document.createElement('div');
      title.className = 'occupancy-title';
      title.dataset.panel = String(i);
      if (!current.hideFragmentRate) title.dataset.fr = String(s.fragmentRate);
      Object.assign(title.style, { position: 'absolute', left: `${origin.x}px`, top: `${origin.y}px`, width: `${layout.panelWidth}px`, fontSize: '12px', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' });
      const name = document.createElement('strong');
      name.textContent = panel.label;
      const totals = current.hideFragmentRate
        ? ` · ${fmtCores(s.freeCores)} free cores`
        : ` · FR ${s.fragmentRate.toFixed(4)} · ${fmtCores(s.fragmentCores)} fragment of ${fmtCores(s.freeCores)} free cores`;
      title.append(name, totals);
      titles.appendChild(title);
    });
    const describe = current.hideFragmentRate
      ? current.panels.map((panel) => panel.label).join('; ')
      : summaries.map((s, i) => `${current.panels[i].label}: FR ${s.fragmentRate.toFixed(4)}`).join('; ');
    canvas.setAttribute('aria-label', `Occupancy map of ${current.cluster.pms.length} PMs. ${describe}`);
  }

  function applyLayout(): void {
    const dpr = window.devicePixelRatio || 1;
    stage.style.height = `${layout.height}px`;
    canvas.width = Math.max(1, Math.round(layout.width * dpr));
    canvas.height = Math.max(1, Math.round(layout.height * dpr));
    Object.assign(canvas.style, { width: `${layout.width}px`, height: `${layout.height}px`, display: 'block' });
    root.dataset.pmsPerRow = String(layout.pmsPerRow);
    root.dataset.rows = String(layout.rows);
    drawTitles();
  }

  function drawNow(): void {
    if (frame !== 0) cancelAnimationFrame(frame);
    frame = 0;
    if (!ctx) return;
    paintOccupancy(ctx, { cluster: current.cluster, panels: current.panels, nodeStart, fragmentSize: current.fragmentSize, layout, hoveredPm: hovered }, window.devicePixelRatio || 1);
  }

  function requestDraw(): void {
    if (frame === 0) frame = requestAnimationFrame(drawNow);
  }

  function setHovered(pm: number | null): void {
    if (pm === hovered) return;
    hovered = pm;
    root.dataset.hoveredPm = pm === null ? '' : String(pm);
    requestDraw();
  }

  canvas.addEventListener('pointermove', (event) => {
    const [x, y] = pointer(event, canvas);
    const hit = hitTest(layout, current.panels.length, current.cluster.pms.length, x, y);
    if (!hit) {
      hideOccupancyTooltip(tooltip);
      setHovered(null);
      opts.onHoverPm?.(null);
      return;
    }
    const panel = current.panels[hit.panel];
    const lines = tooltipLines(current.cluster, hit.pm, nodeStart, panel.used, panel.vmPm, panel.vmNode, current.fragmentSize, panel.label, current.vms);
    showOccupancyTooltip(tooltip, lines, x, y, layout.width, layout.height);
    if (hit.pm !== hovered) opts.onHoverPm?.(hit.pm);
    setHovered(hit.pm);
  });
  canvas.addEventListener('pointerleave', () => {
    hideOccupancyTooltip(tooltip);
    setHovered(null);
    opts.onHoverPm?.(null);
  });

  let observedWidth = container.clientWidth;
  const resizeObserver = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => {
    if (container.clientWidth === observedWidth) return;
    observedWidth = container.clientWidth;
    layout = measure();
    applyLayout();
    drawNow();
  });
  resizeObserver?.observe(container);

  applyLayout();
  drawNow();

  return {
    update(next, nextOptions) {
      const clusterChanged = next.cluster !== current.cluster || next.panels.length !== current.panels.length;
      if (next.fragmentSize !== current.fragmentSize) legendList.replaceWith((legendList = legend(document.createElement('div'), next.fragmentSize)));
      current = next;
      if (nextOptions) opts = nextOptions;
      if (clusterChanged) {
        nodeStart = nodeStarts(next);
        hovered = null;
        hideOccupancyTooltip(tooltip);
        layout = measure();
        applyLayout();
      } else {
        drawTitles();
      }
      drawNow();
    },
    highlightPm: setHovered,
    summaries: () => summaries,
    destroy() {
      resizeObserver?.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
      root.remove();
    },
  };
}
