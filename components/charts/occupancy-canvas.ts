import type { VmScenario } from '../../engine/vm';
import { panelOrigin, pmPosition, type OccupancyLayout } from './occupancy-layout';
import { OCCUPANCY_COLORS, splitNode } from './occupancy-palette';
import type { OccupancyPanel } from './occupancy-types';

/**
 * Paints the occupancy map on a canvas: per node, three stacked rectangles (used at the bottom, fragment above it,
 * usable free cores on top, like the empty top of a filling column). Colours are set once per class and every
 * bar of that class drawn in one pass, so L scale (1,176 PMs, ~7,000 rectangles per panel) paints in a few ms.
 * Stack boundaries are rounded to whole pixels so neighbouring classes never leave a seam or overlap.
 */

const HOVER_COLOR = '#2f5bd3';

export interface PaintInput {
  readonly cluster: VmScenario;
  readonly panels: readonly OccupancyPanel[];
  readonly nodeStart: Int32Array;
  readonly fragmentSize: number;
  readonly layout: OccupancyLayout;
  readonly hoveredPm: number | null;
}

type Segment = 'used' | 'fragment' | 'usable' | 'inactive';

/** Top and bottom pixel rows of one class on node n of PM p, or null when the class is empty there. */
function segmentRows(input: PaintInput, panel: OccupancyPanel, p: number, n: number, bottom: number, segment: Segment): [number, number] | null {
  const node = input.cluster.pms[p].nodes[n];
  const scale = input.layout.coreScale;
  const y = (cores: number) => Math.round(bottom - cores * scale);
  if (segment === 'inactive') return [y(node.cpu), bottom];
  const split = splitNode(node.cpu, panel.used[input.nodeStart[p] + n], input.fragmentSize);
  const from = segment === 'used' ? 0 : segment === 'fragment' ? split.used : split.used + split.fragment;
  const size = split[segment];
  if (size <= 0) return null;
  return [y(from + size), y(from)];
}

export function paintOccupancy(ctx: CanvasRenderingContext2D, input: PaintInput, devicePixelRatio: number): void {
  const { layout, cluster, panels } = input;
  ctx.setTransform(devicePixelRatio, 0, 0, devicePixelRatio, 0, 0);
  ctx.clearRect(0, 0, layout.width, layout.height);
  const pmCount = cluster.pms.length;
  panels.forEach((panel, i) => {
    const origin = panelOrigin(layout, i);
    for (const segment of ['inactive', 'used', 'fragment', 'usable'] as const) {
      ctx.fillStyle = OCCUPANCY_COLORS[segment];
      for (let p = 0; p < pmCount; p++) {
        const active = cluster.pms[p].status === 'active';
        if ((segment === 'inactive') === active) continue;
        const pos = pmPosition(layout, p);
        const bottom = origin.y + pos.bottom;
        for (let n = 0; n < cluster.pms[p].nodes.length; n++) {
          const rows = segmentRows(input, panel, p, n, bottom, segment);
          if (rows) ctx.fillRect(origin.x + pos.x + n * layout.nodeWidth, rows[0], layout.nodeWidth, rows[1] - rows[0]);
        }
      }
    }
    for (const mark of panel.marks ?? []) paintMark(ctx, layout, origin, mark.pm, mark.kind, cluster.pms[mark.pm]?.nodes.length ?? 0);
    if (input.hoveredPm !== null && input.hoveredPm < pmCount) {
      const nodes = cluster.pms[input.hoveredPm].nodes.length;
      outlinePm(ctx, layout, origin, input.hoveredPm, nodes, HOVER_COLOR, []);
    }
  });
}

function outlinePm(ctx: CanvasRenderingContext2D, layout: OccupancyLayout, origin: { x: number; y: number }, pm: number, nodes: number, color: string, dash: number[]): void {
  const pos = pmPosition(layout, pm);
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.setLineDash(dash);
  // Half-pixel offsets put a 1-px line on a pixel row instead of across two.
  ctx.strokeRect(origin.x + pos.x - 0.5, origin.y + pos.top - 0.5, nodes * layout.nodeWidth + 1, layout.barHeight + 1);
  ctx.restore();
}

/** A triangle above the PM pointing down at it (filled: destination, hollow: source) and an outline. */
function paintMark(ctx: CanvasRenderingContext2D, layout: OccupancyLayout, origin: { x: number; y: number }, pm: number, kind: 'from' | 'to', nodes: number): void {
  if (nodes === 0) return;
  const pos = pmPosition(layout, pm);
  const cx = origin.x + pos.x + (nodes * layout.nodeWidth) / 2;
  const tip = origin.y + pos.top - 1;
  const half = Math.max(3, Math.min(6, layout.markerHeight - 1));
  ctx.save();
  ctx.beginPath();
  ctx.moveTo(cx - half, tip - half);
  ctx.lineTo(cx + half, tip - half);
  ctx.lineTo(cx, tip);
  ctx.closePath();
  ctx.lineWidth = 1.2;
  ctx.strokeStyle = OCCUPANCY_COLORS.outline;
  if (kind === 'to') {
    ctx.fillStyle = OCCUPANCY_COLORS.outline;
    ctx.fill();
  } else {
    ctx.fillStyle = '#fff';
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
  outlinePm(ctx, layout, origin, pm, nodes, OCCUPANCY_COLORS.outline, kind === 'to' ? [] : [2, 2]);
}
