import { axisBottom, select, type ScaleLinear, type Selection } from 'd3';
import type { Timeline } from '../../engine/core/timeline';
import { barHeight, barTop, CHART_FONT, type GanttLayout } from './gantt-layout';

/**
 * The SVG layer above the canvas: time axis, lane labels, and outlines (highlighted job, critical path, hovered
 * bar). Outlines are few (a job's operations, one path), so SVG costs nothing here and keeps them crisp, clickable
 * and countable in tests.
 */
export interface GanttOverlay {
  readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  /** The plot area: receives zoom, hover and click; its coordinates are plot coordinates. */
  readonly plot: Selection<SVGGElement, unknown, null, undefined>;
  readonly hit: Selection<SVGRectElement, unknown, null, undefined>;
  readonly axis: Selection<SVGGElement, unknown, null, undefined>;
  readonly lanes: Selection<SVGGElement, unknown, null, undefined>;
  readonly laneBand: Selection<SVGRectElement, unknown, null, undefined>;
  readonly jobOutlines: Selection<SVGGElement, unknown, null, undefined>;
  readonly critical: Selection<SVGGElement, unknown, null, undefined>;
  readonly hover: Selection<SVGRectElement, unknown, null, undefined>;
}

let nextClipId = 0;

export function createOverlay(parent: HTMLElement): GanttOverlay {
  const clipId = `gantt-clip-${++nextClipId}`;
  const svg = select(parent)
    .append('svg')
    .attr('class', 'gantt-overlay')
    .style('position', 'absolute')
    .style('left', '0')
    .style('top', '0')
    .style('overflow', 'visible')
    .style('font', CHART_FONT)
    .style('user-select', 'none');
  svg.append('clipPath').attr('id', clipId).append('rect').attr('class', 'gantt-clip-rect');
  const axis = svg.append('g').attr('class', 'gantt-x-axis');
  const lanes = svg.append('g').attr('class', 'gantt-lanes').attr('text-anchor', 'end').attr('fill', 'currentColor');
  const plot = svg.append('g').attr('class', 'gantt-plot');
  // Transparent, not "none": the plot needs a painted area to receive wheel, drag and hover events.
  const hit = plot.append('rect').attr('class', 'gantt-hit').attr('fill', 'transparent').style('cursor', 'crosshair');
  const clipped = plot.append('g').attr('clip-path', `url(#${clipId})`).style('pointer-events', 'none');
  const laneBand = clipped.append('rect').attr('class', 'gantt-lane-band').attr('fill', 'none').attr('stroke', '#333')
    .attr('stroke-dasharray', '4 3').attr('display', 'none');
  // The highlighted job is already told apart by fading the others; its outline stays thin so the thick critical
  // path outline still reads as something else where the two meet.
  const jobOutlines = clipped.append('g').attr('class', 'gantt-job-outlines').attr('fill', 'none').attr('stroke', '#222')
    .attr('stroke-width', 1);
  const critical = clipped.append('g').attr('class', 'gantt-critical').attr('fill', 'none').attr('stroke', '#000')
    .attr('stroke-width', 2.5);
  critical.append('path').attr('class', 'gantt-critical-links').attr('stroke-width', 1.25).attr('stroke-dasharray', '3 2');
  const hover = clipped.append('rect').attr('class', 'gantt-hover').attr('fill', 'none').attr('stroke', '#000')
    .attr('stroke-width', 1).attr('display', 'none');
  return { svg, plot, hit, axis, lanes, laneBand, jobOutlines, critical, hover };
}

/** Sizes and lane labels; called when the size or the data changes, not per frame. */
export function layoutOverlay(o: GanttOverlay, layout: GanttLayout, timeline: Timeline, highlightedLane: number | null): void {
  o.svg.attr('width', layout.width).attr('height', layout.height);
  o.svg.select('.gantt-clip-rect').attr('width', layout.plotWidth).attr('height', layout.plotHeight);
  o.plot.attr('transform', `translate(${layout.marginLeft},${layout.marginTop})`);
  o.hit.attr('width', layout.plotWidth).attr('height', layout.plotHeight);
  o.axis.attr('transform', `translate(${layout.marginLeft},${layout.marginTop + layout.plotHeight})`);
  o.lanes
    .attr('transform', `translate(${layout.marginLeft - 6},${layout.marginTop})`)
    .selectAll('text')
    .data(timeline.lanes)
    .join('text')
    .attr('class', 'gantt-lane-label')
    .attr('y', (_, i) => (i + 0.5) * layout.laneHeight)
    .attr('dy', '0.32em')
    .attr('font-weight', (_, i) => (i === highlightedLane ? 'bold' : null))
    .style('cursor', 'pointer')
    .text((lane) => lane.label);
  if (highlightedLane === null || highlightedLane >= timeline.lanes.length) o.laneBand.attr('display', 'none');
  else {
    o.laneBand.attr('display', null).attr('x', 0.5).attr('y', highlightedLane * layout.laneHeight + 0.5)
      .attr('width', layout.plotWidth - 1).attr('height', layout.laneHeight - 1);
  }
}

/** The time axis in Plot's style: ticks every ~80px, no domain line, a label with an arrow at the right end. */
export function drawAxis(o: GanttOverlay, x: ScaleLinear<number, number>, layout: GanttLayout, label: string): number[] {
  const ticks = x.ticks(Math.max(2, Math.floor(layout.plotWidth / 80)));
  o.axis.call(axisBottom(x).tickValues(ticks).tickSizeOuter(0));
  o.axis.select('.domain').remove();
  o.axis.attr('data-domain', x.domain().join(','));
  o.axis.selectAll('.gantt-axis-label').data([label]).join('text').attr('class', 'gantt-axis-label')
    .attr('x', layout.plotWidth).attr('y', 28).attr('fill', 'currentColor').attr('text-anchor', 'end')
    .text((d) => `${d} →`);
  return ticks;
}

/** Positions one outline rect per bar in `bars`, at the current zoom. */
export function drawOutlines(
  group: Selection<SVGGElement, unknown, null, undefined>,
  bars: readonly number[],
  timeline: Timeline,
  x: (time: number) => number,
  layout: GanttLayout,
): void {
  const h = barHeight(layout);
  group
    .selectAll<SVGRectElement, number>('rect')
    .data(bars)
    .join('rect')
    .attr('data-bar', (b) => b)
    .attr('x', (b) => x(timeline.bars[b].start))
    .attr('y', (b) => barTop(layout, timeline.bars[b].lane))
    .attr('width', (b) => Math.max(1, x(timeline.bars[b].end) - x(timeline.bars[b].start)))
    .attr('height', h);
}

/**
 * The chain of the critical path: from the end of each step to the start of the next, dropping or climbing between
 * lanes where the link is a job link, so one can follow why each operation could not start earlier.
 */
export function drawCriticalLinks(o: GanttOverlay, path: readonly number[], timeline: Timeline, x: (time: number) => number, layout: GanttLayout): void {
  let d = '';
  for (let k = 1; k < path.length; k++) {
    const a = timeline.bars[path[k - 1]];
    const b = timeline.bars[path[k]];
    if (!a || !b || a.lane === b.lane) continue;
    const ya = (a.lane + 0.5) * layout.laneHeight;
    const yb = (b.lane + 0.5) * layout.laneHeight;
    d += `M${x(a.end)},${ya}V${yb}`;
  }
  o.critical.select('.gantt-critical-links').attr('d', d || null);
}

/** Outlines the hovered bar, or hides the outline (bar < 0). */
export function drawHover(o: GanttOverlay, bar: number, timeline: Timeline, x: (time: number) => number, layout: GanttLayout): void {
  if (bar < 0) {
    o.hover.attr('display', 'none');
    return;
  }
  const b = timeline.bars[bar];
  o.hover.attr('display', null).attr('x', x(b.start) - 0.5).attr('y', barTop(layout, b.lane) - 0.5)
    .attr('width', Math.max(1, x(b.end) - x(b.start)) + 1).attr('height', barHeight(layout) + 1);
}
