import { axisBottom, scaleLinear, select } from 'd3';
import type { Timeline } from '../../engine/core/timeline';
import { barHeight, barTop, type GanttLayout } from './gantt-layout';
import { DOWN_FILL, DOWN_HATCH } from './gantt-palette';
import { formatTime } from './gantt-tooltip';

/** Everything the exported picture shows; the time range is always the whole schedule, [0, horizon]. */
export interface ExportInput {
  readonly timeline: Timeline;
  readonly layout: GanttLayout;
  readonly slots: readonly string[];
  readonly highlightedJob: number | null;
  readonly criticalPath: readonly number[] | null;
  readonly timeLabel: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A standalone SVG document: one <rect> per bar (with a <title>, so viewers show the tooltip text), the axis and
 * the lane labels. Built as a string rather than DOM nodes because 10,000 bars as elements cost far more to create
 * than to print; only the axis goes through d3 (a few dozen nodes) so it matches the live chart's ticks.
 */
export function ganttSvg(input: ExportInput): string {
  const { timeline, layout } = input;
  const horizon = timeline.horizon > 0 ? timeline.horizon : 1;
  const x = scaleLinear().domain([0, horizon]).range([0, layout.plotWidth]);
  const h = barHeight(layout);
  const num = (v: number) => String(+v.toFixed(2));
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="${SVG_NS}" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" ` +
      `font-family="system-ui, sans-serif" font-size="10" color="#111">`,
    `<defs><pattern id="gantt-hatch" width="6" height="6" patternUnits="userSpaceOnUse">` +
      `<rect width="6" height="6" fill="${DOWN_FILL}"/><path d="M-1,7L7,-1" stroke="${DOWN_HATCH}" stroke-width="1.2"/></pattern></defs>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<g class="gantt-lanes" text-anchor="end" fill="currentColor" transform="translate(${layout.marginLeft - 6},${layout.marginTop})">`,
  );
  timeline.lanes.forEach((lane, i) => {
    parts.push(`<text y="${num((i + 0.5) * layout.laneHeight)}" dy="0.32em">${escapeXml(lane.label)}</text>`);
  });
  parts.push('</g>', `<g class="gantt-bars" transform="translate(${layout.marginLeft},${layout.marginTop})" data-plot-width="${layout.plotWidth}">`);
  timeline.bars.forEach((bar, i) => {
    const faded = input.highlightedJob !== null && bar.group !== input.highlightedJob;
    const fill = bar.kind === 'down' || bar.group < 0 ? 'url(#gantt-hatch)' : input.slots[2 * bar.group + (faded ? 1 : 0)];
    const title = `${bar.label}, ${timeline.lanes[bar.lane]?.label ?? ''}, ${formatTime(bar.start)}-${formatTime(bar.end)}`;
    parts.push(
      `<rect data-bar="${i}" x="${num(x(bar.start))}" y="${num(barTop(layout, bar.lane))}" width="${num(x(bar.end) - x(bar.start))}" ` +
        `height="${num(h)}" fill="${fill}"><title>${escapeXml(title)}</title></rect>`,
    );
  });
  parts.push('</g>');
  if (input.criticalPath && input.criticalPath.length > 0) {
    parts.push(`<g class="gantt-critical" fill="none" stroke="#000" stroke-width="2.5" transform="translate(${layout.marginLeft},${layout.marginTop})">`);
    for (const b of input.criticalPath) {
      const bar = timeline.bars[b];
      if (!bar) continue;
      parts.push(`<rect x="${num(x(bar.start))}" y="${num(barTop(layout, bar.lane))}" width="${num(x(bar.end) - x(bar.start))}" height="${num(h)}"/>`);
    }
    parts.push('</g>');
  }
  parts.push(axisMarkup(x, layout, input.timeLabel), '</svg>');
  return parts.join('\n');
}

function axisMarkup(x: ReturnType<typeof scaleLinear<number, number>>, layout: GanttLayout, label: string): string {
  const g = document.createElementNS(SVG_NS, 'g');
  const axis = select(g)
    .attr('class', 'gantt-x-axis')
    .attr('transform', `translate(${layout.marginLeft},${layout.marginTop + layout.plotHeight})`)
    .call(axisBottom(x).ticks(Math.max(2, Math.floor(layout.plotWidth / 80))).tickSizeOuter(0));
  axis.select('.domain').remove();
  axis.append('text').attr('x', layout.plotWidth).attr('y', 28).attr('fill', 'currentColor').attr('text-anchor', 'end').text(`${label} →`);
  return new XMLSerializer().serializeToString(g);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Rasterises an SVG document at `scale` times its size into a PNG. The SVG has no external references, so the
 * image loads from an object URL without tainting the canvas. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('PNG export: this browser gave no 2D canvas context');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG export: the canvas produced no image'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
